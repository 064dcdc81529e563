// Desktop implementation of platform.hpp (SDL2 window, for development and debugging).
// Files dropped onto the window arrive through the app's SDL_DROPFILE handling.
#include <SDL.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "platform/platform.hpp"

namespace ecomap::platform {
namespace {
bool g_quit = false;
FrameFn g_flush_handler;

std::filesystem::path autosave_path() {
    const char* data_home = std::getenv("XDG_DATA_HOME");
    const char* home = std::getenv("HOME");
    std::filesystem::path base = data_home && *data_home ? std::filesystem::path(data_home)
                                 : home && *home         ? std::filesystem::path(home) / ".local" / "share"
                                                         : std::filesystem::temp_directory_path();
    return base / "ecomap" / "autosave.ecomap.json";
}
}  // namespace

void run_main_loop(FrameFn frame) {
    while (!g_quit) frame();
    if (g_flush_handler) g_flush_handler();
}

void request_quit() { g_quit = true; }

float device_pixel_ratio() { return 1.0f; }  // the SDL drawable/window ratio covers HiDPI here

bool host_size(int&, int&) { return false; }

void notify_ready() { std::fprintf(stderr, "ecomap: first frame shown\n"); }

void report_error(std::string_view message) {
    std::fprintf(stderr, "ecomap: %.*s\n", static_cast<int>(message.size()), message.data());
}

bool is_web() { return false; }

bool is_touch() { return false; }

void show_keyboard(bool) {}  // SDL handles text input on the desktop

void set_text_handlers(TextHandler, KeyHandler) {}

bool is_mac() {
#ifdef __APPLE__
    return true;
#else
    return false;
#endif
}

void download_file(std::string_view file_name, std::string_view, std::string_view bytes) {
    std::ofstream out{std::string(file_name), std::ios::binary};
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    std::fprintf(stderr, "ecomap: saved %.*s in the working directory\n", static_cast<int>(file_name.size()),
                 file_name.data());
}

void open_file_picker(std::string_view) {
    std::fprintf(stderr, "ecomap: the desktop build has no file picker; drop a file onto the window\n");
}

void set_file_handler(FileHandler) {}  // the app feeds SDL_DROPFILE to its own handler

void open_files_picker(std::string_view accept) { open_file_picker(accept); }

void set_files_handler(FilesHandler) {}

std::optional<std::string> load_autosave() {
    std::ifstream in(autosave_path(), std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void store_autosave(std::string_view text) {
    const std::filesystem::path path = autosave_path();
    std::error_code ignored;
    std::filesystem::create_directories(path.parent_path(), ignored);
    const std::filesystem::path temp = path.string() + ".tmp";
    {
        std::ofstream out(temp, std::ios::binary);
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
    }
    std::filesystem::rename(temp, path, ignored);
}

void set_flush_handler(FrameFn handler) { g_flush_handler = std::move(handler); }

void set_clipboard_text(std::string_view text) { SDL_SetClipboardText(std::string(text).c_str()); }

void set_paste_handler(TextHandler) {}  // SDL delivers Ctrl+V to ImGui directly on the desktop

void notify_change(std::uint64_t) {}

void notify_view_change() {}

}  // namespace ecomap::platform
