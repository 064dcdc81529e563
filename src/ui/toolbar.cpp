#include <imgui.h>
#include <imgui_internal.h>  // ClearActiveID: a finger drag scrolls instead of pressing

#include <algorithm>
#include <string>

#include "core/i18n.hpp"
#include "ui/actions.hpp"
#include "ui/panels.hpp"
#include "ui/test_hooks.hpp"

namespace ecomap::ui {
namespace {

constexpr ImGuiWindowFlags kBarFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;

// A toolbar button for an action: greyed when disabled, tooltip with its shortcut.
void action_button(UiContext& context, const char* id, const char* label_override = nullptr) {
    const Action* action = find_action(id);
    if (action == nullptr) return;
    const bool enabled = action->enabled(context);
    ImGui::BeginDisabled(!enabled);
    std::string label = label_override ? label_override : action->label();
    if (ImGui::Button((label + "##" + action->id).c_str())) run_action(context, action->id);
    ImGui::EndDisabled();
    expose_item(action->id);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        std::string tip = action->id == "undo" && context.history.can_undo()
                              ? i18n::tr("ui.toolbar.undo-what", {{"what", i18n::step_label(context.history.undo_label())}})
                          : action->id == "redo" && context.history.can_redo()
                              ? i18n::tr("ui.toolbar.redo-what", {{"what", i18n::step_label(context.history.redo_label())}})
                              : std::string(action->label());
        if (!action->shortcut.empty()) tip += "  (" + action->shortcut + ")";
        ImGui::SetTooltip("%s", tip.c_str());
    }
    ImGui::SameLine();
}

// The language menu's entries: every catalog by its own name; a choice switches at once.
void language_entries(UiContext& context) {
    for (const i18n::Language& language : i18n::languages()) {
        const bool current = language.code == i18n::language();
        if (ImGui::Selectable((language.name + "###language:" + language.code).c_str(), current, 0,
                              {0, ImGui::GetFrameHeight()}))
            context.services.set_language(language.code);
        expose_item("language:" + language.code);
    }
}

// The language button (wide toolbar): the current language's name, a menu of the others.
void language_button(UiContext& context) {
    std::string name = i18n::language();
    for (const i18n::Language& language : i18n::languages())
        if (language.code == i18n::language()) name = language.name;
    if (ImGui::Button((name + "###language").c_str())) ImGui::OpenPopup("###language-menu");
    expose_item("language");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", i18n::tr("language.menu"));
    if (ImGui::BeginPopup("###language-menu")) {
        capture_window_text();  // tests read the menu (test_hooks.hpp)
        language_entries(context);
        ImGui::EndPopup();
    }
    ImGui::SameLine();
}

void separator() {
    ImGui::TextDisabled("|");
    ImGui::SameLine();
}

}  // namespace

WindowLayout window_layout(float width, float height, bool touch) {
    WindowLayout layout;
    const float top = kToolbarHeight;
    const float body = std::max(1.0f, height - kToolbarHeight - footer_height(width));
    layout.compact = width < (touch ? 1100.0f : 760.0f);  // where the full toolbar no longer fits
    if (width < kNarrowWidth && height > width) {  // a phone held upright: map above, panel below
        // The map is as tall as the phone is wide (a ring across the whole width), leaving
        // the panel at least 40 % of the height.
        const float map_height = std::max(120.0f, std::min(width + 8.0f, body * 0.6f));
        layout.map = {0, top, width, map_height};
        layout.panel = {0, top + map_height, width, std::max(1.0f, body - map_height)};
        return layout;
    }
    const float panel = width >= 760.0f ? std::min(kSidePanelWidth, width * 0.4f) : width * 0.45f;
    layout.map = {0, top, std::max(1.0f, width - panel), body};
    layout.panel = {width - panel, top, panel, body};
    return layout;
}

constexpr float kWordmarkMinWidth = 480.0f;  // narrower compact toolbars leave the name out

ImVec2 compact_button_padding(float width) {
    const ImGuiStyle& style = ImGui::GetStyle();
    float words = 0.0f;
    for (const char* key : {"ui.toolbar.menu", "ui.action.undo", "ui.action.redo", "ui.action.fit", "app.recent.short"})
        words += ImGui::CalcTextSize(i18n::tr(key)).x;
    if (width >= kWordmarkMinWidth) words += ImGui::CalcTextSize("ecomap").x * 1.1f + style.ItemSpacing.x;
    const float spare = width - style.WindowPadding.x * 2.0f - style.ItemSpacing.x * 3.0f - 6.0f - words;
    return {std::clamp(spare / 10.0f - 0.5f, 3.0f, style.FramePadding.x), style.FramePadding.y};
}

void draw_toolbar(UiContext& context, float width, bool compact) {
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize({width, kToolbarHeight});
    ImGui::Begin("##toolbar", nullptr, kBarFlags);
    capture_window_text();  // tests read the toolbar's words too (test_hooks.hpp)
    ImGui::SetCursorPosY(std::max(0.0f, (kToolbarHeight - ImGui::GetFrameHeight()) * 0.5f));
    ImGui::AlignTextToFramePadding();
    if (!compact || width >= kWordmarkMinWidth) {  // a phone needs the room for its buttons (Recent maps comes last)
        ImGui::PushFont(context.fonts.ui_bold);
        ImGui::TextUnformatted("ecomap");
        ImGui::PopFont();
        ImGui::SameLine();
    }
    if (compact) {  // files and export behind one button; undo, redo and fit stay at hand
        ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, compact_button_padding(width));  // longer words still fit
        if (ImGui::Button((std::string(i18n::tr("ui.toolbar.menu")) + "###menu").c_str())) ImGui::OpenPopup("##menu");
        expose_item("menu");
        ImGui::SameLine();
        if (ImGui::BeginPopup("##menu")) {
            capture_window_text();
            for (const char* id : {"new-map", "open", "save-json", "export", "share", "merge-maps", "room", "present"}) {
                const Action* action = find_action(id);
                if (action == nullptr) continue;
                if (ImGui::Selectable((std::string(action->label()) + "###" + id).c_str(), false, 0,
                                      {0, ImGui::GetFrameHeight()}))
                    run_action(context, id);
                expose_item(std::string("menu:") + id);
            }
            ImGui::Separator();
            ImGui::TextDisabled("%s", i18n::tr("language.menu"));
            language_entries(context);
            ImGui::EndPopup();
        }
        action_button(context, "undo");
        action_button(context, "redo");
        action_button(context, "fit");
        ImGui::PopStyleVar();
        ImGui::End();
        return;
    }
    const std::string& title = context.document().meta.title;
    ImGui::TextDisabled("%s", title.empty() ? i18n::tr("ui.toolbar.untitled") : title.c_str());
    ImGui::SameLine(0, 24);
    action_button(context, "new-map");
    action_button(context, "open");
    action_button(context, "save-json");
    action_button(context, "export");
    if (context.services.links_available()) action_button(context, "share");
    if (context.services.rooms_available()) action_button(context, "room");
    separator();
    action_button(context, "undo");
    action_button(context, "redo");
    separator();
    action_button(context, "zoom-out");
    action_button(context, "zoom-in");
    action_button(context, "fit");
    separator();
    language_button(context);
    ImGui::End();
}

void draw_footer(UiContext& context, float width, float y) {
    const float height = footer_height(width);
    ImGui::SetNextWindowPos({0, y});
    ImGui::SetNextWindowSize({width, height});
    ImGui::Begin("##footer", nullptr, kBarFlags);
    capture_window_text();
    const std::string& attribution = context.document().framework.attribution.text;
    const std::string& status = context.state.status;
    if (width < kNarrowWidth) {  // two lines: attribution (smaller, wrapped if needed), then the status
        ImGui::SetWindowFontScale(0.78f);
        ImGui::SetCursorPosY(3.0f);
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", attribution.c_str());
        ImGui::PopTextWrapPos();
        if (!status.empty()) {
            ImGui::SetCursorPosY(height - ImGui::GetTextLineHeight() - 3.0f);
            ImGui::TextUnformatted(status.c_str());
            expose_item("status");
        }
        ImGui::End();
        return;
    }
    ImGui::SetCursorPosY((height - ImGui::GetTextLineHeight()) * 0.5f);
    ImGui::TextDisabled("%s", attribution.c_str());
    if (!status.empty()) {
        const float status_width = ImGui::CalcTextSize(status.c_str()).x;
        ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 20.0f, width - status_width - 16.0f));
        ImGui::TextUnformatted(status.c_str());
        expose_item("status");
    }
    ImGui::End();
}

void touch_scroll() {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.MouseSource != ImGuiMouseSource_TouchScreen) return;  // also while typing: the swipe ends the typing
    if (!ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) return;
    if (!ImGui::IsMouseDragging(ImGuiMouseButton_Left, 10.0f) || io.MouseDelta.y == 0.0f) return;
    ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseDelta.y);
    ImGui::ClearActiveID();  // a drag that scrolls is not a tap on the button under the finger
}

}  // namespace ecomap::ui
