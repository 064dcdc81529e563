// Browser implementation of platform.hpp (Emscripten).
#include <emscripten.h>
#include <emscripten/html5.h>

#include <string>

#include "platform/platform.hpp"

// JavaScript side of the page bridge (web/ecomap-page.js defines these globals).
EM_JS(void, ecomap_js_ready, (), {
    if (window.ecomap && window.ecomap._resolveReady) window.ecomap._resolveReady();
});
EM_JS(void, ecomap_js_error, (const char* message), {
    const text = UTF8ToString(message);
    if (window.ecomapShowError) window.ecomapShowError(text); else console.error(text);
});

namespace ecomap::platform {
namespace {
FrameFn g_frame;
void frame_trampoline() { g_frame(); }
}  // namespace

void run_main_loop(FrameFn frame) {
    g_frame = std::move(frame);
    emscripten_set_main_loop(frame_trampoline, 0, true);  // requestAnimationFrame
}

void request_quit() {}

float device_pixel_ratio() { return static_cast<float>(emscripten_get_device_pixel_ratio()); }

bool host_size(int& css_width, int& css_height) {
    double w = 0, h = 0;
    if (emscripten_get_element_css_size("#canvas", &w, &h) != EMSCRIPTEN_RESULT_SUCCESS) return false;
    css_width = static_cast<int>(w + 0.5);
    css_height = static_cast<int>(h + 0.5);
    return css_width > 0 && css_height > 0;
}

void notify_ready() { ecomap_js_ready(); }

void report_error(std::string_view message) {
    const std::string text(message);
    ecomap_js_error(text.c_str());
}

bool is_web() { return true; }

}  // namespace ecomap::platform

// Called from web/index.html: window.ecomap.<name>(arg) -> JSON text.
extern "C" EMSCRIPTEN_KEEPALIVE const char* ecomap_api_call(const char* name, const char* argument) {
    static std::string result;
    result = ecomap::platform::call_api(name ? name : "", argument ? argument : "");
    return result.c_str();
}
