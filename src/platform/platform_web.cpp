// Browser implementation of platform.hpp (Emscripten). The JavaScript half lives in
// web/ecomap-page.js (page: loader, IndexedDB, picker, drop, paste) and
// web/ecomap-bridge.js (inside the module: copies bytes into the wasm heap).
#include <emscripten.h>
#include <emscripten/html5.h>

#include <cstdlib>
#include <exception>
#include <string>

#include "platform/platform.hpp"

// [SECTION] JavaScript side (window.ecomap internals defined by web/ecomap-page.js)
EM_JS(void, ecomap_js_ready, (), {
    if (window.ecomap && window.ecomap._resolveReady) window.ecomap._resolveReady();
});
EM_JS(void, ecomap_js_error, (const char* message), {
    const text = UTF8ToString(message);
    try { Browser.mainLoop.pause(); } catch (error) {}
    if (window.ecomapShowError) window.ecomapShowError(text); else console.error(text);
});
EM_JS(void, ecomap_js_download, (const char* name, const char* mime, const char* data, int size), {
    window.ecomap._download(UTF8ToString(name), UTF8ToString(mime), HEAPU8.slice(data, data + size));
});
EM_JS(void, ecomap_js_open_picker, (const char* accept), {
    window.ecomap._openPicker(UTF8ToString(accept));
});
EM_JS(void, ecomap_js_open_files_picker, (const char* accept), {
    window.ecomap._openPicker(UTF8ToString(accept), true);
});
EM_JS(char*, ecomap_js_take_autosave, (), {
    const text = window.ecomap._takeAutosave();
    if (text === null || text === undefined) return 0;
    const size = lengthBytesUTF8(text) + 1;
    const ptr = _malloc(size);
    if (!ptr) { window.ecomap._keepAside('not enough memory to read it (' + (size / 1048576).toFixed(1) + ' MB)'); return 0; }
    stringToUTF8(text, ptr, size);
    return ptr;
});
EM_JS(void, ecomap_js_store_autosave, (const char* text, int size, const char* summary), {
    window.ecomap._storeAutosave(UTF8ToString(text, size), UTF8ToString(summary));
});
EM_JS(void, ecomap_js_begin_map, (), { window.ecomap._beginMap(); });
EM_JS(void, ecomap_js_keep_aside, (const char* reason), { window.ecomap._keepAside(UTF8ToString(reason)); });
EM_JS(void, ecomap_js_open_recent, (const char* id), { window.ecomap._openRecent(UTF8ToString(id)); });
EM_JS(void, ecomap_js_refresh_recent, (), { window.ecomap._refreshRecent(); });
EM_JS(void, ecomap_js_copy, (const char* text), {
    const value = UTF8ToString(text);
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(value).catch(() => {});
});
EM_JS(char*, ecomap_js_preferred_language, (), {
    const code = (window.ecomapI18n && window.ecomapI18n.language) || 'en';
    const size = lengthBytesUTF8(code) + 1;
    const ptr = _malloc(size);
    if (ptr) stringToUTF8(code, ptr, size);
    return ptr;
});
EM_JS(void, ecomap_js_set_language, (const char* code), {
    if (window.ecomapI18n) window.ecomapI18n.setLanguage(UTF8ToString(code));
});
EM_JS(void, ecomap_js_mark, (const char* moment), { performance.mark("ecomap:" + UTF8ToString(moment)); });
EM_JS(void, ecomap_js_page_event, (const char* name), { window.ecomap._pageEvent(UTF8ToString(name)); });
EM_JS(void, ecomap_js_room_send, (const char* patch, int size), { window.ecomap._roomSend(UTF8ToString(patch, size)); });
EM_JS(int, ecomap_js_rooms_available, (), { return window.ecomap && window.ecomap._roomsAvailable && window.ecomap._roomsAvailable() ? 1 : 0; });
EM_JS(int, ecomap_js_is_mac, (), {
    return /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent || "") ? 1 : 0;
});
EM_JS(int, ecomap_js_is_touch, (), {
    return window.matchMedia && window.matchMedia("(pointer: coarse)").matches ? 1 : 0;
});
EM_JS(void, ecomap_js_show_keyboard, (int visible), {
    window.ecomap._showKeyboard(visible !== 0);
});
EM_JS(void, ecomap_js_view_changed, (), {
    if (window.ecomap && window.ecomap._viewChanged) window.ecomap._viewChanged();
});
EM_JS(void, ecomap_js_changed, (double revision), {
    if (window.ecomap && window.ecomap._notifyChange) window.ecomap._notifyChange(revision);
});

namespace ecomap::platform {
namespace {
FrameFn g_frame;
ArrivalHandler g_arrival_handler;
std::vector<NamedBytes> g_files_batch;
TextHandler g_paste_handler;
TextHandler g_typed_handler;
KeyHandler g_key_handler;
FrameFn g_flush_handler;
void frame_trampoline() { g_frame(); }
void with_c_string(std::string_view text, void (*js)(const char*)) {  // JS imports take NUL-terminated text
    const std::string copy(text);
    js(copy.c_str());
}
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

void mark(const char* moment) { ecomap_js_mark(moment); }

void report_error(std::string_view message) {
    const std::string text(message);
    ecomap_js_error(text.c_str());
}

bool is_web() { return true; }

bool is_mac() { return ecomap_js_is_mac() != 0; }

bool is_touch() { return ecomap_js_is_touch() != 0; }

void show_keyboard(bool visible) { ecomap_js_show_keyboard(visible ? 1 : 0); }

void set_text_handlers(TextHandler typed, KeyHandler key) {
    g_typed_handler = std::move(typed);
    g_key_handler = std::move(key);
}

void download_file(std::string_view file_name, std::string_view mime_type, std::string_view bytes) {
    const std::string name(file_name), mime(mime_type);
    ecomap_js_download(name.c_str(), mime.c_str(), bytes.data(), static_cast<int>(bytes.size()));
}

void open_file_picker(std::string_view accept) { with_c_string(accept, ecomap_js_open_picker); }

void open_files_picker(std::string_view accept) { with_c_string(accept, ecomap_js_open_files_picker); }

void set_arrival_handler(ArrivalHandler handler) { g_arrival_handler = std::move(handler); }

bool read_file(std::string_view, NamedBytes&, std::string& error) {
    error = "the page reads files itself";
    return false;
}

std::optional<std::string> load_autosave() {
    char* text = ecomap_js_take_autosave();
    if (text == nullptr) return std::nullopt;
    std::string result(text);
    std::free(text);
    return result;
}

void store_autosave(std::string_view text, std::string_view summary_json) {
    const std::string summary(summary_json);
    ecomap_js_store_autosave(text.data(), static_cast<int>(text.size()), summary.c_str());
}

void begin_map() { ecomap_js_begin_map(); }

void keep_aside(std::string_view reason) { with_c_string(reason, ecomap_js_keep_aside); }

void open_recent(std::string_view id) { with_c_string(id, ecomap_js_open_recent); }

void refresh_recent_maps() { ecomap_js_refresh_recent(); }

void set_flush_handler(FrameFn handler) { g_flush_handler = std::move(handler); }

void set_clipboard_text(std::string_view text) {
    const std::string copy(text);
    ecomap_js_copy(copy.c_str());
}

void set_paste_handler(TextHandler handler) { g_paste_handler = std::move(handler); }

void notify_change(std::uint64_t revision) { ecomap_js_changed(static_cast<double>(revision)); }

void notify_view_change() { ecomap_js_view_changed(); }

void page_event(std::string_view name) { with_c_string(name, ecomap_js_page_event); }

std::string preferred_language() {
    char* code = ecomap_js_preferred_language();
    std::string result = code != nullptr ? code : "en";
    std::free(code);
    return result;
}

void set_page_language(std::string_view code) { with_c_string(code, ecomap_js_set_language); }

void room_send(std::string_view patch) { ecomap_js_room_send(patch.data(), static_cast<int>(patch.size())); }

bool rooms_available() { return ecomap_js_rooms_available() != 0; }

}  // namespace ecomap::platform

// [SECTION] Entry points called from JavaScript (web/ecomap-bridge.js)
extern "C" {

// window.ecomap.<name>(arg) -> JSON text. Both strings are in the heap (the bridge
// copies big arguments there, never onto the stack). An exception (out of memory) is
// returned as {"ok": false, "errors": [...]}, the map kept.
EMSCRIPTEN_KEEPALIVE const char* ecomap_api_call(const char* name, const char* argument) {
    static std::string result;
    try {
        result.clear();
        result.shrink_to_fit();
        result = ecomap::platform::call_api(name ? name : "", argument ? argument : "");
    } catch (const std::exception& error) {
        result = std::string(R"({"ok":false,"errors":["the app ran out of memory or failed: )") + error.what() + "\"]}";
    }
    return result.c_str();
}

// Maps handed over by the page: begin, one call per file (bytes in the heap), end with
// the origin ("file", "drop", "url", "api", "recent", "merge"). Returns the outcome JSON.
EMSCRIPTEN_KEEPALIVE void ecomap_files_begin() { ecomap::platform::g_files_batch.clear(); }

EMSCRIPTEN_KEEPALIVE int ecomap_files_add(const char* name, const char* data, int size) {
    try {
        ecomap::platform::g_files_batch.push_back({name ? name : "", std::string(data, static_cast<size_t>(size))});
        return 1;
    } catch (const std::exception&) {
        ecomap::platform::g_files_batch.clear();
        return 0;  // out of memory: the page says so
    }
}

EMSCRIPTEN_KEEPALIVE const char* ecomap_files_end(const char* origin, int quiet) {
    static std::string result;
    auto files = std::move(ecomap::platform::g_files_batch);
    ecomap::platform::g_files_batch.clear();
    try {
        result = ecomap::platform::g_arrival_handler
                     ? ecomap::platform::g_arrival_handler(origin ? origin : "", std::move(files), quiet != 0)
                     : std::string(R"({"ok":false,"errors":["the app is not ready"]})");
    } catch (const std::exception& error) {
        result = std::string(R"({"ok":false,"errors":["the app ran out of memory or failed: )") + error.what() + "\"]}";
    }
    return result.c_str();
}

// Text pasted with Ctrl/Cmd+V.
EMSCRIPTEN_KEEPALIVE void ecomap_paste(const char* text) {
    if (ecomap::platform::g_paste_handler) ecomap::platform::g_paste_handler(text ? text : "");
}

// Text typed on the on-screen keyboard (the page's hidden text field).
EMSCRIPTEN_KEEPALIVE void ecomap_typed(const char* text) {
    if (ecomap::platform::g_typed_handler) ecomap::platform::g_typed_handler(text ? text : "");
}

// A key of the on-screen keyboard that is not text (Backspace, Enter, arrows...).
EMSCRIPTEN_KEEPALIVE void ecomap_key(const char* key, int down) {
    if (ecomap::platform::g_key_handler) ecomap::platform::g_key_handler(key ? key : "", down != 0);
}

// The page is being hidden or closed.
EMSCRIPTEN_KEEPALIVE void ecomap_flush() {
    if (ecomap::platform::g_flush_handler) ecomap::platform::g_flush_handler();
}

}  // extern "C"
