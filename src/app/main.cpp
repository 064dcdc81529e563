// ecomap: entry point of the browser and desktop app.
#include <string>

#include "app/app.hpp"
#include "platform/platform.hpp"

int main(int, char**) {
    static ecomap::app::App app;  // static: the web main loop outlives main()
    std::string error;
    if (!app.init(error)) {
        ecomap::platform::report_error(error);
        return 1;
    }
    ecomap::platform::run_main_loop([] { app.frame(); });
    app.shutdown();
    return 0;
}
