// Desktop implementation of platform.hpp (SDL2 window, for development and debugging).
#include <cstdio>
#include <string>

#include "platform/platform.hpp"

namespace ecomap::platform {
namespace {
bool g_quit = false;
}

void run_main_loop(FrameFn frame) {
    while (!g_quit) frame();
}

void request_quit() { g_quit = true; }

float device_pixel_ratio() { return 1.0f; }  // the SDL drawable/window ratio covers HiDPI here

bool host_size(int&, int&) { return false; }

void notify_ready() { std::fprintf(stderr, "ecomap: first frame shown\n"); }

void report_error(std::string_view message) {
    std::fprintf(stderr, "ecomap: %.*s\n", static_cast<int>(message.size()), message.data());
}

bool is_web() { return false; }

}  // namespace ecomap::platform
