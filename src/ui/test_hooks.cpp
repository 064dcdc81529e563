#include "ui/test_hooks.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // the log buffer

#include <map>
#include <nlohmann/json.hpp>

namespace ecomap::ui {
namespace {
struct Rect {
    float x, y, w, h;
    bool focused;  // has the keyboard (ImGui's nav item)
};
std::map<std::string, Rect, std::less<>>& items() {
    static std::map<std::string, Rect, std::less<>> table;
    return table;
}
struct TextCapture {
    bool requested = false;
    bool active = false;
    std::string recording;
    std::string last;
    void (*saved_set_clipboard)(void*, const char*) = nullptr;
};
TextCapture& capture() {
    static TextCapture state;
    return state;
}
// ImGui's log ends with each top-level window (End() calls LogFinish) and, for the
// clipboard kind, hands its text to SetClipboardTextFn: taken here while capturing.
void take_logged_text(void*, const char* text) {
    capture().recording.append(text);
    capture().recording += '\n';
}
}  // namespace

void request_text_capture() { capture().requested = true; }

void begin_text_capture() {
    TextCapture& c = capture();
    if (!c.requested || c.active) return;
    c.requested = false;
    c.active = true;
    c.recording.clear();
    c.saved_set_clipboard = ImGui::GetIO().SetClipboardTextFn;
    ImGui::GetIO().SetClipboardTextFn = take_logged_text;
}

void capture_window_text() {
    if (!capture().active || ImGui::GetCurrentContext()->LogEnabled) return;
    ImGui::LogToClipboard();
}

void end_text_capture() {
    TextCapture& c = capture();
    if (!c.active) return;
    if (ImGui::GetCurrentContext()->LogEnabled) ImGui::LogFinish();
    ImGui::GetIO().SetClipboardTextFn = c.saved_set_clipboard;
    c.last = c.recording;
    c.active = false;
}

void record_text(std::string_view text) {
    TextCapture& c = capture();
    if (!c.active) return;
    c.recording.append(text);
    c.recording += '\n';
}

std::string captured_text() { return capture().last; }

void begin_frame_items() { items().clear(); }

void expose_item(std::string_view name) {
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    const bool focused = ImGui::GetItemID() != 0 && ImGui::GetItemID() == ImGui::GetFocusID();
    items()[std::string(name)] = {min.x, min.y, max.x - min.x, max.y - min.y, focused};
}

std::string items_json() {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (const auto& [name, rect] : items()) {
        out[name] = {{"x", rect.x}, {"y", rect.y}, {"w", rect.w}, {"h", rect.h}};
        if (rect.focused) out[name]["focused"] = true;
    }
    return out.dump();
}

}  // namespace ecomap::ui
