// Modal dialogs: messages (a rejected file, warnings after opening one), confirmations
// before work would be lost, and "New map" (a template or an example to start from).
#include <imgui.h>

#include <algorithm>

#include "core/i18n.hpp"
#include "core/starters.hpp"

#include "ui/actions.hpp"
#include "ui/panels.hpp"
#include "ui/test_hooks.hpp"

namespace ecomap::ui {
namespace {

void centre_next_window() {
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, {0.5f, 0.5f});
    ImGui::SetNextWindowSizeConstraints({320, 0}, {std::min(640.0f, viewport->Size.x - 20.0f), viewport->Size.y * 0.8f});
}

void run_confirmed(UiContext& context, const std::string& action) {
    const std::string delete_prefix = "delete-entity:";
    if (action.rfind(delete_prefix, 0) == 0) delete_entity_now(context, action.substr(delete_prefix.size()));
}

void draw_new_map_dialog(UiContext& context) {
    const std::string title = std::string(i18n::tr("ui.new-map.title")) + "###new-map-dialog";
    if (!ImGui::IsPopupOpen("###new-map-dialog")) ImGui::OpenPopup(title.c_str());
    centre_next_window();
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    capture_window_text();  // tests read the dialog's words (test_hooks.hpp)
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
    ImGui::TextDisabled("%s", i18n::tr("ui.new-map.kept"));
    ImGui::PopTextWrapPos();
    const float width = std::min(ImGui::GetFontSize() * 30.0f, ImGui::GetMainViewport()->Size.x - 60.0f);
    StarterKind shown = StarterKind::Example;
    bool first = true;
    for (const Starter& starter : starters()) {
        if (first || starter.kind != shown) {
            ImGui::Spacing();
            ImGui::PushFont(context.fonts.ui_bold);
            ImGui::TextUnformatted(
                i18n::tr(starter.kind == StarterKind::Template ? "ui.new-map.templates" : "ui.new-map.examples"));
            ImGui::PopFont();
            shown = starter.kind;
            first = false;
        }
        if (ImGui::Button((starter_title(starter, i18n::language()) + "###" + starter.id).c_str(), {width, 0})) {
            context.state.new_map_dialog = false;
            ImGui::CloseCurrentPopup();
            context.services.start_from(starter.id);
        }
        expose_item("new:" + starter.id);
        ImGui::TextDisabled("%s", starter_description(starter, i18n::language()).c_str());
    }
    ImGui::Spacing();
    if (ImGui::Button((std::string(i18n::tr("ui.dialog.cancel")) + "###cancel").c_str()) ||
        ImGui::IsKeyPressed(ImGuiKey_Escape)) {
        context.state.new_map_dialog = false;
        ImGui::CloseCurrentPopup();
    }
    expose_item("new:cancel");
    ImGui::EndPopup();
}

}  // namespace

void draw_dialogs(UiContext& context) {
    if (context.state.new_map_dialog && !context.state.message && !context.state.confirm) draw_new_map_dialog(context);
    if (context.state.message) {
        const MessageDialog& message = *context.state.message;
        if (!ImGui::IsPopupOpen("##message")) ImGui::OpenPopup("##message");
        centre_next_window();
        if (ImGui::BeginPopupModal("##message", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
            ImGui::PushFont(context.fonts.ui_bold);
            if (message.is_error) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.53f, 0.13f, 0.33f, 1.0f));
            ImGui::TextUnformatted(message.title.c_str());
            if (message.is_error) ImGui::PopStyleColor();
            ImGui::PopFont();
            expose_item("dialog-title");
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 34.0f);
            ImGui::TextUnformatted(message.message.c_str());
            expose_item("dialog-message");
            if (!message.details.empty()) {
                ImGui::BeginChild("##details", {ImGui::GetFontSize() * 34.0f,
                                                std::min(200.0f, 22.0f * static_cast<float>(message.details.size()) + 10.0f)},
                                  ImGuiChildFlags_Border);
                for (const std::string& line : message.details) ImGui::BulletText("%s", line.c_str());
                ImGui::EndChild();
            }
            ImGui::PopTextWrapPos();
            if (ImGui::Button((std::string(i18n::tr("ui.dialog.ok")) + "###ok").c_str(), {120, 0}) || ImGui::IsKeyPressed(ImGuiKey_Enter) || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
                context.state.message.reset();
                ImGui::CloseCurrentPopup();
            }
            expose_item("dialog-ok");
            ImGui::EndPopup();
        }
    }
    if (context.state.confirm && !context.state.message) {
        const ConfirmDialog confirm = *context.state.confirm;
        if (!ImGui::IsPopupOpen("##confirm")) ImGui::OpenPopup("##confirm");
        centre_next_window();
        if (ImGui::BeginPopupModal("##confirm", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoTitleBar)) {
            ImGui::PushFont(context.fonts.ui_bold);
            ImGui::TextUnformatted(confirm.title.c_str());
            ImGui::PopFont();
            expose_item("dialog-title");
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30.0f);
            ImGui::TextUnformatted(confirm.message.c_str());
            ImGui::PopTextWrapPos();
            if (ImGui::Button((confirm.confirm_label + "###confirm").c_str())) {
                context.state.confirm.reset();
                ImGui::CloseCurrentPopup();
                run_confirmed(context, confirm.action);
            }
            expose_item("dialog-confirm");
            ImGui::SameLine();
            if (ImGui::Button((std::string(i18n::tr("ui.dialog.cancel")) + "###cancel").c_str()) ||
                ImGui::IsKeyPressed(ImGuiKey_Escape)) {
                context.state.confirm.reset();
                ImGui::CloseCurrentPopup();
            }
            expose_item("dialog-cancel");
            ImGui::EndPopup();
        }
    }
}

}  // namespace ecomap::ui
