// The "?" overlay: every keyboard shortcut, in the reader's language (see keyboard_nav.hpp).
// Esc or Close closes it.
#include <imgui.h>

#include <algorithm>
#include <array>
#include <string>

#include "core/i18n.hpp"
#include "ui/keyboard_nav.hpp"
#include "ui/test_hooks.hpp"

namespace ecomap::ui {
namespace {

struct Shortcut {
    const char* keys;  // catalog key of the keys, e.g. "keys.tab.keys" ("Tab, Shift+Tab")
    const char* does;  // catalog key of what they do
};

constexpr std::array<Shortcut, 14> kShortcuts = {{
    {"keys.tab.keys", "keys.tab.does"},
    {"keys.f6.keys", "keys.f6.does"},
    {"keys.enter.keys", "keys.enter.does"},
    {"keys.roles.keys", "keys.roles.does"},
    {"keys.tokens.keys", "keys.tokens.does"},
    {"keys.place.keys", "keys.place.does"},
    {"keys.link.keys", "keys.link.does"},
    {"keys.delete.keys", "keys.delete.does"},
    {"keys.escape.keys", "keys.escape.does"},
    {"keys.undo.keys", "keys.undo.does"},
    {"keys.files.keys", "keys.files.does"},
    {"keys.zoom.keys", "keys.zoom.does"},
    {"keys.modes.keys", "keys.modes.does"},
    {"keys.help.keys", "keys.help.does"},
}};

// "Ctrl+Z" reads "Cmd+Z" on a Mac.
std::string for_this_keyboard(std::string keys) {
    if (!ImGui::GetIO().ConfigMacOSXBehaviors) return keys;
    for (std::size_t at = keys.find("Ctrl+"); at != std::string::npos; at = keys.find("Ctrl+", at + 4))
        keys.replace(at, 4, "Cmd");
    return keys;
}

}  // namespace

void draw_shortcuts_overlay(UiContext& context) {
    KeyboardState& keys = context.state.keyboard;
    if (!keys.shortcuts) return;
    const ImVec2 screen = ImGui::GetMainViewport()->Size;
    const float width = std::min(ImGui::GetFontSize() * 40.0f, screen.x - 16.0f);
    ImGui::SetNextWindowPos({screen.x * 0.5f, screen.y * 0.5f}, ImGuiCond_Always, {0.5f, 0.5f});
    ImGui::SetNextWindowSize({width, 0});
    ImGui::SetNextWindowSizeConstraints({width, 0}, {width, screen.y - 16.0f});
    if (keys.shortcuts_appearing) ImGui::SetNextWindowFocus();  // the keyboard goes to the overlay
    bool open = true;
    const std::string title = std::string(i18n::tr("keys.title")) + "###shortcuts";
    ImGui::Begin(title.c_str(), &open,
                 ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoResize);
    expose_item("shortcuts");  // the title bar
    capture_window_text();
    if (ImGui::BeginTable("##shortcuts", 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("##keys", ImGuiTableColumnFlags_WidthFixed, width * 0.34f);
        ImGui::TableSetupColumn("##does", ImGuiTableColumnFlags_WidthStretch);
        for (const Shortcut& shortcut : kShortcuts) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushFont(context.fonts.ui_bold);
            ImGui::PushTextWrapPos(0);
            ImGui::TextUnformatted(for_this_keyboard(i18n::tr(shortcut.keys)).c_str());
            ImGui::PopTextWrapPos();
            ImGui::PopFont();
            ImGui::TableNextColumn();
            ImGui::PushTextWrapPos(0);
            ImGui::TextUnformatted(i18n::tr(shortcut.does));
            ImGui::PopTextWrapPos();
        }
        ImGui::EndTable();
    }
    ImGui::Spacing();
    if (ImGui::Button((std::string(i18n::tr("keys.close")) + "###shortcuts-close").c_str())) open = false;
    expose_item("shortcuts-close");
    ImGui::End();
    if (!open) close_shortcuts_overlay(context);
}

}  // namespace ecomap::ui
