// The only interface between the app and the place it runs (browser or desktop).
// It exchanges numbers, bytes and strings, never document types.
// Implementations: platform_web.cpp (Emscripten), platform_desktop.cpp (SDL2 desktop).
#pragma once
#include <functional>
#include <string>
#include <string_view>

namespace ecomap::platform {

using FrameFn = std::function<void()>;                          // one iteration of the main loop
using ApiHandler = std::function<std::string(std::string_view)>;  // argument text -> result text

void run_main_loop(FrameFn frame);              // never returns on the web; returns on desktop after request_quit()
void request_quit();                            // desktop: leave run_main_loop; web: no-op
float device_pixel_ratio();                     // device pixels per CSS pixel (browser zoom, HiDPI)
bool host_size(int& css_width, int& css_height);  // size the page gives the canvas; false when the window decides
void notify_ready();                            // first frame shown: resolves window.ecomap.ready
void report_error(std::string_view message);    // a fatal problem the user must see (page overlay / stderr)
void register_api(std::string_view name, ApiHandler handler);  // exposed as window.ecomap.<name> on the web
std::string call_api(std::string_view name, std::string_view argument);  // what the JS bridge calls
bool is_web();                                  // true in the browser build

}  // namespace ecomap::platform
