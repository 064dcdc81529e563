// The side panel: the people, organizations and networks of the map (drag one onto a
// role to place it), and below it the inspector of the selection.
#include <imgui.h>

#include <string>

#include "ui/actions.hpp"
#include "ui/map_view.hpp"
#include "ui/panels.hpp"
#include "ui/test_hooks.hpp"

namespace ecomap::ui {
namespace {

int placement_count(const Document& document, const std::string& entity_id) {
    int count = 0;
    for (const Placement& placement : document.placements) count += placement.entity == entity_id ? 1 : 0;
    return count;
}

void entity_row(UiContext& context, const Entity& entity) {
    const Document& document = context.document();
    const bool selected = context.session.selection.contains({TargetKind::Entity, entity.id});
    const int roles = placement_count(document, entity.id);
    ImGui::PushID(entity.id.c_str());
    const ImVec2 start = ImGui::GetCursorScreenPos();
    const float height = ImGui::GetTextLineHeight() + 8.0f;
    if (ImGui::Selectable("##row", selected, ImGuiSelectableFlags_AllowOverlap, {0, height})) {
        context.session.selection.items = {{TargetKind::Entity, entity.id}};
        context.history.break_coalescing();
    }
    expose_item("entity:" + entity.id);
    // A press on the row may start a drag onto the map (map_view.cpp finishes it). Read
    // from the raw pointer, so it also works while a text field still has the keyboard.
    const bool row_hovered = ImGui::IsMouseHoveringRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax()) &&
                             ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    if (row_hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
        context.state.list_drag = ListDrag{entity.id, false};
        context.session.selection.items = {{TargetKind::Entity, entity.id}};
    }
    if (context.state.list_drag && context.state.list_drag->active && context.state.list_drag->entity == entity.id)
        ImGui::SetTooltip("Drop %s on a role", display_name(entity).c_str());
    else if (row_hovered && !ImGui::IsMouseDown(ImGuiMouseButton_Left))
        ImGui::SetTooltip("Drag onto a role to place it there");
    // Icon + name + how many roles.
    const float r = ImGui::GetTextLineHeight() * 0.38f;
    ImGui::SetCursorScreenPos({start.x, start.y});
    const ImVec2 icon{start.x + r + 4.0f, start.y + height * 0.5f};
    ImGui::Dummy({0, 0});
    draw_token_shape(entity.kind, Strength::Primary, icon.x, icon.y, r, IM_COL32(90, 96, 110, 255), 1.0f);
    ImGui::SetCursorScreenPos({start.x + r * 2.0f + 12.0f, start.y + 4.0f});
    ImGui::TextUnformatted(display_name(entity).c_str());
    ImGui::SameLine();
    if (roles == 0) ImGui::TextDisabled("not placed yet");
    else ImGui::TextDisabled(roles == 1 ? "1 role" : "%d roles", roles);
    ImGui::SetCursorScreenPos({start.x, start.y + height + 2.0f});
    ImGui::Dummy({0, 0});
    ImGui::PopID();
}

}  // namespace

void draw_side_panel(UiContext& context, const ScreenRect& rect) {
    ImGui::SetNextWindowPos({rect.x, rect.y});
    ImGui::SetNextWindowSize({rect.w, rect.h});
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4(1.0f, 1.0f, 1.0f, 1.0f));
    ImGui::Begin("##side", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::PopStyleColor();
    const Document& document = context.document();

    ImGui::PushFont(context.fonts.ui_bold);
    ImGui::TextUnformatted("People and organizations");
    ImGui::PopFont();
    for (const char* id : {"add-person", "add-organization", "add-network"}) {
        const Action* action = find_action(id);
        if (ImGui::Button(action->label.c_str())) run_action(context, id);
        expose_item(id);
        ImGui::SameLine();
    }
    ImGui::NewLine();

    const float list_height = std::min(ImGui::GetContentRegionAvail().y * 0.38f,
                                       std::max(60.0f, (ImGui::GetTextLineHeight() + 10.0f) *
                                                           static_cast<float>(document.entities.size() + 1)));
    ImGui::BeginChild("##entities", {0, list_height}, ImGuiChildFlags_Border);
    if (document.entities.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("Add yourself with + Person, then drag yourself onto the roles you play.");
        ImGui::PopTextWrapPos();
    }
    for (const Entity& entity : document.entities) entity_row(context, entity);
    ImGui::EndChild();

    ImGui::Spacing();
    draw_inspector(context);
    ImGui::End();
}

}  // namespace ecomap::ui
