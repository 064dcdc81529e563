// The only interface between the app and the place it runs (browser or desktop).
// It exchanges numbers, bytes and strings, never document types.
// Implementations: platform_web.cpp (Emscripten), platform_desktop.cpp (SDL2 desktop).
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ecomap::platform {

using FrameFn = std::function<void()>;                          // one iteration of the main loop
using ApiHandler = std::function<std::string(std::string_view)>;  // argument text -> result text
using FileHandler = std::function<void(std::string_view name, std::string_view bytes)>;  // a file the user opened
using TextHandler = std::function<void(std::string_view text)>;                        // pasted text
struct NamedBytes {
    std::string name;   // file name as the user sees it
    std::string bytes;  // file contents
};
using FilesHandler = std::function<void(std::vector<NamedBytes> files)>;  // several files at once (group maps)

void run_main_loop(FrameFn frame);              // never returns on the web; returns on desktop after request_quit()
void request_quit();                            // desktop: leave run_main_loop; web: no-op
float device_pixel_ratio();                     // device pixels per CSS pixel (browser zoom, HiDPI)
bool host_size(int& css_width, int& css_height);  // size the page gives the canvas; false when the window decides
void notify_ready();                            // first frame shown: resolves window.ecomap.ready
void report_error(std::string_view message);    // a fatal problem the user must see (page overlay / stderr)
void register_api(std::string_view name, ApiHandler handler);  // exposed as window.ecomap.<name> on the web
std::string call_api(std::string_view name, std::string_view argument);  // what the JS bridge calls
bool is_web();                                  // true in the browser build
bool is_mac();                                  // macOS (Cmd instead of Ctrl for shortcuts)
bool is_touch();                                // a touch screen is the main pointer (phones, tablets)
void show_keyboard(bool visible);               // on-screen keyboard for the active text field (touch screens)
using KeyHandler = std::function<void(std::string_view key, bool down)>;  // "Backspace", "Enter", "ArrowLeft"...
void set_text_handlers(TextHandler typed, KeyHandler key);  // text and keys from the on-screen keyboard

// Files
void download_file(std::string_view file_name, std::string_view mime_type,
                   std::string_view bytes);     // browser download / desktop: written to the working directory
void open_file_picker(std::string_view accept); // asks the user for a file; it arrives through the FileHandler
void set_file_handler(FileHandler handler);     // files from the picker and files dropped onto the page
void open_files_picker(std::string_view accept); // asks for several files; they arrive through the FilesHandler
void set_files_handler(FilesHandler handler);   // several files picked, or dropped at once

// Autosave (IndexedDB in the browser, a file on the desktop)
std::optional<std::string> load_autosave();     // the map kept by the previous visit, if any
void store_autosave(std::string_view text);     // keep this map for the next visit
void set_flush_handler(FrameFn handler);        // called when the page is hidden or closed: save now

// Clipboard
void set_clipboard_text(std::string_view text); // copy (navigator.clipboard on the web)
void set_paste_handler(TextHandler handler);    // text pasted with Ctrl/Cmd+V

// Notifications to the embedding page
void notify_change(std::uint64_t revision);     // the document changed: runs window.ecomap.onChange callbacks
void notify_view_change();                      // how the map is shown changed (e.g. names hidden): page text follows

}  // namespace ecomap::platform
