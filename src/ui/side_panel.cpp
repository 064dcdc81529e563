// The side panel: the people, organizations and networks of the map (drag one onto a
// role to place it), and below it the inspector of the selection.
#include <imgui.h>

#include <cstdint>
#include <string>

#include "core/i18n.hpp"
#include "ui/actions.hpp"
#include "ui/facilitator.hpp"
#include "ui/map_draw.hpp"
#include "ui/panels.hpp"
#include "ui/test_hooks.hpp"

namespace ecomap::ui {
namespace {

void entity_row(UiContext& context, const Entity& entity, const EntityNames& names) {
    const bool selected = context.session.selection.contains({TargetKind::Entity, entity.id});
    const int roles = context.facts().placements_of_entity(entity.id);
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
        ImGui::SetTooltip("%s", i18n::tr("ui.side.drop-on-role", {{"name", names(entity)}}).c_str());
    else if (row_hovered && !ImGui::IsMouseDown(ImGuiMouseButton_Left))
        ImGui::SetTooltip("%s", i18n::tr("ui.side.drag-tip"));
    // Icon + name + how many roles.
    const float r = ImGui::GetTextLineHeight() * 0.38f;
    ImGui::SetCursorScreenPos({start.x, start.y});
    const ImVec2 icon{start.x + r + 4.0f, start.y + height * 0.5f};
    ImGui::Dummy({0, 0});
    draw_token_shape(*ImGui::GetWindowDrawList(), entity.kind, Strength::Primary, icon.x, icon.y, r, IM_COL32(90, 96, 110, 255), 1.0f);
    ImGui::SetCursorScreenPos({start.x + r * 2.0f + 12.0f, start.y + 4.0f});
    ImGui::TextUnformatted(names(entity).c_str());
    ImGui::SameLine();
    if (roles == 0) ImGui::TextDisabled("%s", i18n::tr("ui.side.not-placed"));
    else ImGui::TextDisabled("%s", i18n::trn("ui.side.roles", roles).c_str());
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
    capture_window_text();  // tests read what the panel shows (test_hooks.hpp)
    const Document& document = context.document();
    const EntityNames names = context.names();  // neutral marks while names are hidden

    // Tabs: the map's editing (Map), and the facilitator's Counts and Table. Phones (a
    // narrow window) keep the whole panel for the participant's own map.
    int tab = 0;
    const bool facilitator_tabs = ImGui::GetMainViewport()->Size.x >= kNarrowWidth;
    if (facilitator_tabs && ImGui::BeginTabBar("##side-tabs")) {
        int index = 0;
        for (const char* key : {"ui.side.tab.map", "ui.side.tab.counts", "ui.side.tab.table"}) {
            const std::string label = std::string(i18n::tr(key)) + "###" + key;
            if (ImGui::BeginTabItem(label.c_str())) {
                tab = index;
                ImGui::EndTabItem();
            }
            expose_item(std::string("tab-") + (index == 0 ? "map" : index == 1 ? "counts" : "table"));
            ++index;
        }
        ImGui::EndTabBar();
    }
    set_facilitator_tab_open(tab != 0);
    if (tab != 0) {
        draw_facilitator_tools(context);
        ImGui::Separator();
        if (tab == 1) draw_counts(context);
        else draw_entity_table(context);
        ImGui::End();
        return;
    }

    ImGui::PushFont(context.fonts.ui_bold);
    ImGui::TextUnformatted(i18n::tr("ui.side.heading"));
    ImGui::PopFont();
    for (const char* id : {"add-person", "add-organization", "add-network"}) {
        const Action* action = find_action(id);
        if (ImGui::Button((std::string(action->label()) + "###" + id).c_str())) run_action(context, id);
        expose_item(id);
        ImGui::SameLine();
    }
    ImGui::NewLine();

    const float row = ImGui::GetTextLineHeight() + 10.0f + ImGui::GetStyle().ItemSpacing.y;  // see entity_row()
    const float rows = static_cast<float>(std::max<size_t>(1, document.entities.size()));
    const float list_height = std::min(ImGui::GetContentRegionAvail().y * 0.38f,
                                       std::max(60.0f, row * rows + ImGui::GetStyle().WindowPadding.y * 2.0f));
    ImGui::BeginChild("##entities", {0, list_height}, ImGuiChildFlags_Border);
    if (document.entities.empty()) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", i18n::tr("ui.side.empty"));
        ImGui::PopTextWrapPos();
    }
    // Only the rows in view are drawn (a group map has thousands). The rows are built by
    // index, so an edit from a row (the document may change) ends the loop.
    ImGuiListClipper clipper;
    clipper.Begin(static_cast<int>(document.entities.size()));
    const std::uint64_t revision = context.history.revision();
    while (clipper.Step() && revision == context.history.revision())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd && revision == context.history.revision(); ++i)
            entity_row(context, document.entities[static_cast<std::size_t>(i)], names);
    clipper.End();
    ImGui::EndChild();

    ImGui::Spacing();
    const TargetKind selected = context.session.selection.empty() ? TargetKind::None
                                                                  : context.session.selection.items.front().kind;
    if (names.hidden() && selected != TargetKind::None && selected != TargetKind::Centre) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", i18n::tr("ui.side.names-hidden"));
        ImGui::PopTextWrapPos();
        if (ImGui::Button((std::string(i18n::tr("ui.side.show-names")) + "###show-names").c_str())) run_action(context, "hide-names");
        expose_item("show-names");
    } else {
        draw_inspector(context);
    }
    ImGui::End();
}

}  // namespace ecomap::ui
