// Desktop implementation of platform.hpp (SDL2 window, for development and debugging).
// Files dropped onto the window arrive through the app's SDL_DROPFILE handling.
#include <SDL.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "core/limits.hpp"
#include "platform/platform.hpp"

#if defined(__unix__) || defined(__APPLE__)
#include <unistd.h>
#endif

namespace ecomap::platform {
namespace {
bool g_quit = false;
constexpr std::uintmax_t kMaxReadBytes = kDefaultMaxBytes;  // the importer's limit
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

void mark(const char*) {}

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

void open_files_picker(std::string_view accept) { open_file_picker(accept); }

void set_arrival_handler(ArrivalHandler) {}  // the shell reads dropped files with read_file()

bool read_file(std::string_view path, NamedBytes& file, std::string& error) {
    const std::filesystem::path where{std::string(path)};
    file.name = where.filename().string();
    std::error_code code;
    const std::uintmax_t size = std::filesystem::file_size(where, code);
    if (code) {
        error = "could not read it (" + code.message() + ")";
        return false;
    }
    if (size > kMaxReadBytes) {  // checked before reading: a huge file is never loaded into memory
        error = "the file is " + std::to_string(size / (1024 * 1024)) + " MiB; maps up to " +
                std::to_string(kMaxReadBytes / (1024 * 1024)) + " MiB can be opened";
        return false;
    }
    std::ifstream in(where, std::ios::binary);
    file.bytes.resize(static_cast<std::size_t>(size));
    if (!in.read(file.bytes.data(), static_cast<std::streamsize>(size))) {
        error = "could not read it";
        return false;
    }
    return true;
}

std::optional<std::string> load_autosave() {
    std::ifstream in(autosave_path(), std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Written to a temporary file, flushed and checked; only a complete file replaces the
// previous one, so a full disk or a crash never leaves a truncated autosave.
void store_autosave(std::string_view text, std::string_view) {
    const std::filesystem::path path = autosave_path();
    std::error_code code;
    std::filesystem::create_directories(path.parent_path(), code);
    const std::filesystem::path temp = path.string() + ".tmp";
    std::FILE* out = std::fopen(temp.c_str(), "wb");
    bool ok = out != nullptr;
    if (ok) ok = std::fwrite(text.data(), 1, text.size(), out) == text.size();
    if (ok) ok = std::fflush(out) == 0;
#if defined(__unix__) || defined(__APPLE__)
    if (ok) ok = fsync(fileno(out)) == 0;
#endif
    if (out != nullptr && std::fclose(out) != 0) ok = false;
    if (ok) std::filesystem::rename(temp, path, code);
    if (!ok || code) {
        std::filesystem::remove(temp, code);
        std::fprintf(stderr, "ecomap: the autosave could not be written to %s; the previous one is kept\n",
                     path.c_str());
    }
}

void begin_map() {}  // one autosave file on the desktop

void keep_aside(std::string_view reason) {  // the unreadable autosave is renamed, never overwritten
    const std::filesystem::path path = autosave_path();
    const std::filesystem::path aside = path.string() + ".unreadable-" + std::to_string(std::time(nullptr));
    std::error_code code;
    std::filesystem::rename(path, aside, code);
    std::fprintf(stderr, "ecomap: the autosave could not be read (%.*s); kept as %s\n", static_cast<int>(reason.size()),
                 reason.data(), aside.c_str());
}

void open_recent(std::string_view) {}

void refresh_recent_maps() {}

void set_flush_handler(FrameFn handler) { g_flush_handler = std::move(handler); }

void set_clipboard_text(std::string_view text) { SDL_SetClipboardText(std::string(text).c_str()); }

void set_paste_handler(TextHandler) {}  // SDL delivers Ctrl+V to ImGui directly on the desktop

void notify_change(std::uint64_t) {}

void notify_view_change() {}

void page_event(std::string_view) {}

std::string preferred_language() {  // "es_ES.UTF-8" -> "es_ES"; the app picks the nearest catalog
    const char* lang = std::getenv("LANG");
    std::string code = lang != nullptr ? lang : "";
    return code.substr(0, code.find('.'));
}

void set_page_language(std::string_view) {}

void room_send(std::string_view) {}

bool rooms_available() { return false; }

}  // namespace ecomap::platform
