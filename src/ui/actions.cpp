#include "ui/actions.hpp"

#include <imgui.h>

#include "core/commands.hpp"
#include "core/i18n.hpp"
#include "ui/camera.hpp"

namespace ecomap::ui {
namespace {

bool always(const UiContext&) { return true; }

std::vector<Action> make_actions() {
    std::vector<Action> list;
    list.push_back({"new-map", "ui.action.new-map", "", {}, always, [](UiContext& c) { c.state.new_map_dialog = true; }});
    list.push_back({"open", "ui.action.open", "Ctrl+O", {ImGuiMod_Shortcut | ImGuiKey_O}, always,
                    [](UiContext& c) { c.services.open_file(); }});
    list.push_back({"save-json", "ui.action.save-json", "Ctrl+S", {ImGuiMod_Shortcut | ImGuiKey_S}, always,
                    [](UiContext& c) { c.services.save_json(); }});
    list.push_back({"export", "ui.action.export", "Ctrl+E", {ImGuiMod_Shortcut | ImGuiKey_E}, always,
                    [](UiContext& c) { c.state.export_dialog = ExportDialog{}; }});
    list.push_back({"undo", "ui.action.undo", "Ctrl+Z", {ImGuiMod_Shortcut | ImGuiKey_Z},
                    [](const UiContext& c) { return c.history.can_undo(); },
                    [](UiContext& c) {
                        c.session.drag.reset();
                        c.history.undo();
                    }});
    list.push_back({"redo", "ui.action.redo", "Ctrl+Shift+Z",
                    {ImGuiMod_Shortcut | ImGuiMod_Shift | ImGuiKey_Z, ImGuiMod_Shortcut | ImGuiKey_Y},
                    [](const UiContext& c) { return c.history.can_redo(); },
                    [](UiContext& c) {
                        c.session.drag.reset();
                        c.history.redo();
                    }});
    list.push_back({"add-person", "ui.action.add-person", "", {}, always,
                    [](UiContext& c) { add_entity_and_select(c, EntityKind::Person); }});
    list.push_back({"add-organization", "ui.action.add-organization", "", {}, always,
                    [](UiContext& c) { add_entity_and_select(c, EntityKind::Organization); }});
    list.push_back({"add-network", "ui.action.add-network", "", {}, always,
                    [](UiContext& c) { add_entity_and_select(c, EntityKind::Network); }});
    list.push_back({"delete", "ui.action.delete", "Del", {ImGuiKey_Delete},
                    [](const UiContext& c) { return !c.session.selection.empty(); },
                    [](UiContext& c) { request_delete_selection(c); }});
    list.push_back({"zoom-out", "ui.action.zoom-out", "-", {ImGuiKey_Minus, ImGuiKey_KeypadSubtract}, always,
                    [](UiContext& c) { zoom_by(c, 1.0 / 1.25); }});
    list.push_back({"zoom-in", "ui.action.zoom-in", "+", {ImGuiKey_Equal, ImGuiKey_KeypadAdd, ImGuiMod_Shift | ImGuiKey_Equal}, always,
                    [](UiContext& c) { zoom_by(c, 1.25); }});
    list.push_back({"fit", "ui.action.fit", "F", {ImGuiKey_F}, always, [](UiContext& c) { c.state.auto_fit = true; }});
    // Facilitator: group map, presentation, hidden names, dot votes (ui/presentation.hpp).
    list.push_back({"merge-maps", "ui.action.merge-maps", "", {}, always,
                    [](UiContext& c) { c.services.open_files_for_merge(); }});
    list.push_back({"share", "ui.action.share", "", {}, [](const UiContext& c) { return c.services.links_available(); },
                    [](UiContext& c) { c.services.open_share_panel(); }});
    list.push_back({"room", "ui.action.room", "", {}, [](const UiContext& c) { return c.services.rooms_available(); },
                    [](UiContext& c) { c.services.open_room_panel(); }});
    list.push_back({"present", "ui.action.present", "P", {ImGuiKey_P}, always,
                    [](UiContext& c) { set_presenting(c, !c.state.presenting); }});
    list.push_back({"hide-names", "ui.action.hide-names", "H", {ImGuiKey_H}, always, [](UiContext& c) {
                        c.state.hide_names = !c.state.hide_names;
                        c.state.status = i18n::tr(c.state.hide_names ? "ui.status.names-hidden" : "ui.status.names-shown");
                    }});
    list.push_back({"vote-mode", "ui.action.vote-mode", "V", {ImGuiKey_V}, always, [](UiContext& c) {
                        c.state.vote_mode = !c.state.vote_mode;
                        c.state.status = i18n::tr(c.state.vote_mode ? "ui.status.vote-on" : "ui.status.vote-off");
                    }});
    list.push_back({"clear-votes", "ui.action.clear-votes", "", {},
                    [](const UiContext& c) { return !c.document().votes.empty(); },
                    [](UiContext& c) { c.apply(clear_votes()); }});
    return list;
}

}  // namespace

const std::vector<Action>& actions() {
    static const std::vector<Action> list = make_actions();
    return list;
}

const Action* find_action(std::string_view id) {
    for (const Action& action : actions())
        if (action.id == id) return &action;
    return nullptr;
}

const char* Action::label() const { return i18n::tr(label_key); }

bool run_action(UiContext& context, std::string_view id) {
    const Action* action = find_action(id);
    if (action == nullptr || !action->enabled(context)) return false;
    context.history.break_coalescing();
    action->perform(context);
    return true;
}

void handle_shortcuts(UiContext& context) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || context.state.message || context.state.confirm) return;  // typing or a dialog is open
    for (const Action& action : actions())
        for (int chord : action.chords)
            if (ImGui::IsKeyChordPressed(chord)) run_action(context, action.id);
}

void add_entity_and_select(UiContext& context, EntityKind kind) {
    const ApplyResult result = context.apply(add_entity(kind, ""));
    if (!result) return;
    context.session.selection.items = {{TargetKind::Entity, result.created_id}};
    context.state.focus_name_of = result.created_id;
    context.state.status = i18n::tr("ui.status.added." + std::string(to_string(kind)));
}

void delete_entity_now(UiContext& context, const std::string& entity_id) {
    context.history.break_coalescing();
    if (context.apply(remove_entity(entity_id))) context.session.selection.items.clear();
}

void set_presenting(UiContext& context, bool on) {
    context.state.presenting = on;
    context.state.spotlight_role.clear();
    context.state.auto_fit = true;
    context.state.press.reset();
    context.state.list_drag.reset();
    context.session.drag.reset();
    context.session.selection.items.clear();
    context.state.status = i18n::tr(on ? "ui.status.presenting" : "ui.status.left-presentation");
}

void request_delete_selection(UiContext& context) {
    if (context.session.selection.empty()) return;
    const Target target = context.session.selection.items.front();
    const Document& document = context.document();
    switch (target.kind) {
        case TargetKind::Entity: {
            const Entity* entity = document.find_entity(target.id);
            if (entity == nullptr) break;
            if (!entity->notes.empty()) {
                const std::string name = entity->name.empty()
                                             ? i18n::tr("ui.confirm.delete.this." + std::string(to_string(entity->kind)))
                                             : entity->name;
                context.state.confirm = ConfirmDialog{i18n::tr("ui.confirm.delete.title", {{"name", name}}),
                                                      i18n::tr("ui.confirm.delete.message"),
                                                      i18n::tr("ui.confirm.delete.button"), "delete-entity:" + entity->id};
                return;
            }
            delete_entity_now(context, entity->id);
            return;
        }
        case TargetKind::Placement:
            if (!context.apply(remove_placement(target.id))) return;
            break;
        case TargetKind::Relationship:
            if (!context.apply(remove_relationship(target.id))) return;
            break;
        default:
            return;
    }
    context.session.selection.items.clear();
}

}  // namespace ecomap::ui
