// The "Recent maps" menu (see recent_menu.hpp). Appended to the toolbar window, so the
// panels need no knowledge of where maps are kept.
#include "app/recent_menu.hpp"

#include <imgui.h>

#include "core/i18n.hpp"
#include "platform/platform.hpp"
#include "ui/panels.hpp"
#include "ui/test_hooks.hpp"

namespace ecomap::app {

void draw_recent_menu(AppServices& services, bool compact) {
    if (!platform::is_web()) return;  // one autosave file on the desktop
    ImGui::Begin("##toolbar");  // appends to the toolbar drawn this frame
    ImGui::SameLine(0, compact ? 6.0f : 24.0f);
    if (compact) ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ui::compact_button_padding(ImGui::GetWindowWidth()));
    if (ImGui::Button((std::string(i18n::tr(compact ? "app.recent.short" : "app.recent.button")) + "###recent").c_str())) {
        platform::refresh_recent_maps();
        ImGui::OpenPopup("##recent");
    }
    if (compact) ImGui::PopStyleVar();
    const ImVec2 below(ImGui::GetItemRectMin().x, ImGui::GetItemRectMax().y + 4.0f);  // the list opens under its button
    ui::expose_item("recent-maps");
    ImGui::SetNextWindowPos(below, ImGuiCond_Appearing);
    if (ImGui::BeginPopup("##recent")) {
        const auto& maps = services.recent_maps();
        int shown = 0;
        for (const RecentMap& map : maps) {
            if (map.current) continue;
            ++shown;
            const std::string title = map.title.empty() ? std::string(i18n::tr("ui.toolbar.untitled")) : map.title;
            const std::string label = title + "  ·  " + i18n::trn("app.recent.on-map", map.entities) + "  ·  " + map.modified +
                                      (map.elsewhere ? "  ·  " + std::string(i18n::tr("app.recent.elsewhere")) : "") +
                                      "###" + map.id;
            ImGui::BeginDisabled(map.elsewhere);
            if (ImGui::Selectable(label.c_str(), false, 0, {0, ImGui::GetFrameHeight()})) services.open_recent(map.id);
            ImGui::EndDisabled();
            ui::expose_item("recent:" + map.id);
        }
        if (shown == 0) ImGui::TextDisabled("%s", i18n::tr("app.recent.none"));
        ImGui::EndPopup();
    }
    ImGui::End();
}

}  // namespace ecomap::app
