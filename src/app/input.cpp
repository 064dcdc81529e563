// Pinch zoom, clipboard and paste, on-screen keyboard (see input.hpp).
#include "app/input.hpp"

#include <SDL.h>
#include <imgui.h>

#include <cmath>
#include <iterator>
#include <utility>

#include "core/i18n.hpp"
#include "platform/platform.hpp"
#include "ui/camera.hpp"

namespace ecomap::app {

void Input::install_clipboard() {
    if (!platform::is_web()) return;  // SDL has a clipboard on the desktop
    ImGuiIO& io = ImGui::GetIO();
    io.ClipboardUserData = this;
    io.SetClipboardTextFn = [](void* self, const char* text) {
        static_cast<Input*>(self)->clipboard_ = text;
        platform::set_clipboard_text(text);
    };
    io.GetClipboardTextFn = [](void* self) { return static_cast<Input*>(self)->clipboard_.c_str(); };
}

void Input::event(const SDL_Event& event, ui::UiContext& context) {
    if (event.type != SDL_FINGERDOWN && event.type != SDL_FINGERMOTION && event.type != SDL_FINGERUP) return;
    const SDL_TouchFingerEvent& finger = event.tfinger;
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    const Vec2 point{finger.x * size.x, finger.y * size.y};
    if (finger.type == SDL_FINGERUP) {
        fingers_.erase(finger.fingerId);
        return;
    }
    if (fingers_.size() == 2 && fingers_.count(finger.fingerId) != 0 && finger.type == SDL_FINGERMOTION) {
        // Two fingers: zoom by the change of their distance, about their midpoint.
        const auto first = fingers_.begin()->second, second = std::next(fingers_.begin())->second;
        const double before = std::hypot(first.x - second.x, first.y - second.y);
        fingers_[finger.fingerId] = point;
        const auto mid_x = static_cast<float>((first.x + second.x) * 0.5), mid_y = static_cast<float>((first.y + second.y) * 0.5);
        if (!context.state.map_area.contains(mid_x, mid_y)) return;  // a pinch on the panels zooms nothing
        const auto a = fingers_.begin()->second, b = std::next(fingers_.begin())->second;
        const double after = std::hypot(a.x - b.x, a.y - b.y);
        if (before > 10.0 && after > 10.0) {
            ui::zoom_at(context, after / before, {(a.x + b.x) * 0.5, (a.y + b.y) * 0.5});
            context.session.drag.reset();
        }
        return;
    }
    fingers_[finger.fingerId] = point;
}

void Input::paste(std::string_view text, Workspace& workspace) {
    ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) {
        // Let the text field paste it itself: ImGui ignores typed characters while Ctrl
        // is held, and a person still holds it. The field asks GetClipboardTextFn.
        clipboard_ = std::string(text);
        const ImGuiKey modifier = io.ConfigMacOSXBehaviors ? ImGuiMod_Super : ImGuiMod_Ctrl;
        const bool held = modifier == ImGuiMod_Super ? io.KeySuper : io.KeyCtrl;
        if (!held) io.AddKeyEvent(modifier, true);
        io.AddKeyEvent(ImGuiKey_V, true);
        io.AddKeyEvent(ImGuiKey_V, false);
        if (!held) io.AddKeyEvent(modifier, false);
        return;
    }
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && text[first] == '{') {
        workspace.open(Origin::Paste, i18n::tr("app.paste.name"), text);
        return;
    }
    workspace.ui().status = i18n::tr("app.status.paste-hint");
}

void Input::key(std::string_view key, bool down) {
    static const std::pair<std::string_view, ImGuiKey> keys[] = {
        {"Backspace", ImGuiKey_Backspace}, {"Delete", ImGuiKey_Delete}, {"Enter", ImGuiKey_Enter},
        {"Tab", ImGuiKey_Tab}, {"Escape", ImGuiKey_Escape}, {"ArrowLeft", ImGuiKey_LeftArrow},
        {"ArrowRight", ImGuiKey_RightArrow}, {"ArrowUp", ImGuiKey_UpArrow},
        {"ArrowDown", ImGuiKey_DownArrow}, {"Home", ImGuiKey_Home}, {"End", ImGuiKey_End}};
    for (const auto& [name, imgui_key] : keys)
        if (name == key) ImGui::GetIO().AddKeyEvent(imgui_key, down);
}

void Input::before_frame() {
    if (pending_typed_.empty()) return;
    ImGui::GetIO().AddInputCharactersUTF8(pending_typed_.c_str());
    pending_typed_.clear();
}

void Input::after_frame(bool touch) {
    const bool typing = ImGui::GetIO().WantTextInput;
    if (!touch || typing == keyboard_shown_) return;
    keyboard_shown_ = typing;  // phones: open the on-screen keyboard for the active field
    platform::show_keyboard(typing);
}

}  // namespace ecomap::app
