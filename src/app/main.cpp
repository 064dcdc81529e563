// ecomap: entry point of the browser and desktop app.
#include <string>

#include "app/shell.hpp"
#include "platform/platform.hpp"

int main(int, char**) {
    static ecomap::app::Shell shell;  // static: the web main loop outlives main()
    std::string error;
    if (!shell.init(error)) {
        ecomap::platform::report_error(error);
        return 1;
    }
    ecomap::platform::run_main_loop([] { shell.frame(); });
    shell.shutdown();
    return 0;
}
