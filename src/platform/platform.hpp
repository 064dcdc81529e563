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
using TextHandler = std::function<void(std::string_view text)>;                        // pasted text
struct NamedBytes {
    std::string name;   // file name as the user sees it
    std::string bytes;  // file contents
};
// Maps arriving from the page: origin ("file", "drop", "url", "api", "recent", "merge"),
// the files, and whether the outcome is only returned (API) or also told to the user.
// Returns the outcome as JSON ({ok, errors, warnings}).
using ArrivalHandler = std::function<std::string(std::string_view origin, std::vector<NamedBytes> files, bool quiet)>;

void run_main_loop(FrameFn frame);              // never returns on the web; returns on desktop after request_quit()
void request_quit();                            // desktop: leave run_main_loop; web: no-op
float device_pixel_ratio();                     // device pixels per CSS pixel (browser zoom, HiDPI)
bool host_size(int& css_width, int& css_height);  // size the page gives the canvas; false when the window decides
void notify_ready();                            // first frame shown: resolves window.ecomap.ready
void mark(const char* moment);                  // a moment of the start-up, for bench/browser.mjs (performance.mark "ecomap:<moment>")
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
void open_file_picker(std::string_view accept); // asks the user for a file; it arrives through the ArrivalHandler
void open_files_picker(std::string_view accept); // asks for several files to merge; they arrive the same way
void set_arrival_handler(ArrivalHandler handler);  // every map the page hands over (picker, drop, link, API, recent)
bool read_file(std::string_view path, NamedBytes& file, std::string& error);  // desktop: a dropped file (size checked first)

// Autosave (IndexedDB in the browser, one slot per map; a file on the desktop)
std::optional<std::string> load_autosave();     // the map this tab continues (previous visit), if any
void store_autosave(std::string_view text, std::string_view summary_json);  // keep this map; summary: {title, entities}
void begin_map();                               // the map is replaced: the old slot stays (Recent maps), a new one starts
void keep_aside(std::string_view reason);       // the kept map cannot be read: keep it aside, offer it as a download
void open_recent(std::string_view id);          // open a map from Recent maps; it arrives through the ArrivalHandler
void refresh_recent_maps();                     // ask for the list again; it arrives through the API "setRecentMaps"
void set_flush_handler(FrameFn handler);        // called when the page is hidden or closed: save now

// Clipboard
void set_clipboard_text(std::string_view text); // copy (navigator.clipboard on the web)
void set_paste_handler(TextHandler handler);    // text pasted with Ctrl/Cmd+V

// Notifications to the embedding page
void notify_change(std::uint64_t revision);     // the document changed: runs window.ecomap.onChange callbacks
void notify_view_change();                      // how the map is shown changed (e.g. names hidden): page text follows
void page_event(std::string_view name);         // asks the page for one of its own screens ("room": the room panel)
std::string preferred_language();               // the reader's language: ?lang=, the saved choice, the browser's (web); $LANG (desktop)
void set_page_language(std::string_view code);  // the interface's language changed: the page's words and <html lang> follow

// Live rooms (web/room-app.js): this person's changes for the room service, as a patch
// (core/room_sync.hpp); desktop: ignored (rooms run in the browser)
void room_send(std::string_view patch);
bool rooms_available();                         // the page can start and join rooms

}  // namespace ecomap::platform
