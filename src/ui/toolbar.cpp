#include <imgui.h>

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
    std::string label = label_override ? label_override : action->label;
    if (ImGui::Button((label + "##" + action->id).c_str())) run_action(context, action->id);
    ImGui::EndDisabled();
    expose_item(action->id);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
        std::string tip = action->id == "undo" && context.history.can_undo() ? "Undo " + context.history.undo_label()
                          : action->id == "redo" && context.history.can_redo() ? "Redo " + context.history.redo_label()
                                                                               : action->label;
        if (!action->shortcut.empty()) tip += "  (" + action->shortcut + ")";
        ImGui::SetTooltip("%s", tip.c_str());
    }
    ImGui::SameLine();
}

void separator() {
    ImGui::TextDisabled("|");
    ImGui::SameLine();
}

}  // namespace

void draw_toolbar(UiContext& context, float width) {
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize({width, kToolbarHeight});
    ImGui::Begin("##toolbar", nullptr, kBarFlags);
    ImGui::SetCursorPosY((kToolbarHeight - ImGui::GetFrameHeight()) * 0.5f);
    ImGui::AlignTextToFramePadding();
    ImGui::PushFont(context.fonts.ui_bold);
    ImGui::TextUnformatted("ecomap");
    ImGui::PopFont();
    ImGui::SameLine();
    const std::string& title = context.document().meta.title;
    ImGui::TextDisabled("%s", title.empty() ? "Untitled map" : title.c_str());
    ImGui::SameLine(0, 24);
    action_button(context, "new-map");
    action_button(context, "open");
    action_button(context, "save-json");
    separator();
    action_button(context, "undo");
    action_button(context, "redo");
    separator();
    action_button(context, "zoom-out");
    action_button(context, "zoom-in");
    action_button(context, "fit");
    ImGui::End();
}

void draw_footer(UiContext& context, float width, float y) {
    ImGui::SetNextWindowPos({0, y});
    ImGui::SetNextWindowSize({width, kFooterHeight});
    ImGui::Begin("##footer", nullptr, kBarFlags);
    ImGui::SetCursorPosY((kFooterHeight - ImGui::GetTextLineHeight()) * 0.5f);
    ImGui::TextDisabled("%s", context.document().framework.attribution.text.c_str());
    if (!context.state.status.empty()) {
        const float status_width = ImGui::CalcTextSize(context.state.status.c_str()).x;
        ImGui::SameLine(std::max(ImGui::GetCursorPosX() + 20.0f, width - status_width - 16.0f));
        ImGui::TextUnformatted(context.state.status.c_str());
        expose_item("status");
    }
    ImGui::End();
}

}  // namespace ecomap::ui
