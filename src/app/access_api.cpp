// The window.ecomap entries of the page's operable list (web/ecomap-access.js), for screen
// readers and keyboards: the map as plain data, and the edits the list offers. Every edit
// is a core command applied through History, as the panels' are (one undo step each), so
// the canvas, autosave and live rooms see it as any other edit.
//
// Each edit takes a JSON object and answers {"ok", "error", "id"} ("id": the created record).
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/shell.hpp"
#include "core/analysis.hpp"
#include "core/commands.hpp"
#include "core/i18n.hpp"
#include "core/look.hpp"
#include "platform/platform.hpp"

namespace ecomap::app {
namespace {

// The commands as one undo step (taking an entity off a role that holds it in several
// contexts): each runs on the document as the previous ones left it.
Command in_one_step(std::string label, std::vector<Command> commands) {
    return {std::move(label), {}, [commands = std::move(commands)](const Document& document) {
                Document working = document;
                CommandOutcome total;
                for (const Command& command : commands) {
                    CommandOutcome outcome = command.build(working);
                    if (!outcome.ok()) return outcome;
                    apply_change(working, outcome.change);
                    total.change = compose(std::move(total.change), outcome.change);
                }
                return total;
            }};
}

std::string answer(const ApplyResult& result) {
    nlohmann::ordered_json out;
    out["ok"] = result.ok;
    out["error"] = result.error;
    out["id"] = result.created_id;
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string refused(const std::string& reason) {
    ApplyResult result;
    result.error = reason;
    return answer(result);
}

std::string nothing_to_do() {  // accepted, nothing changed (the entity is already where asked)
    ApplyResult result;
    result.ok = true;
    return answer(result);
}

std::string text_of(const nlohmann::json& in, const char* key) {
    return in.is_object() && in.contains(key) && in[key].is_string() ? in[key].get<std::string>() : std::string();
}

// The map as the list shows it: names as shown on the map (neutral marks while names are
// hidden, and then no real name at all), the framework's roles in the map's own words with
// how many are on each and its gap, the roles each entity is on, the links, and the undo and redo steps (so the page can say
// "Undone: ..." after Ctrl+Z on the canvas too).
std::string access_map(const Workspace& workspace) {
    const Document& document = workspace.history().document();
    const bool hide = workspace.ui().hide_names;
    const EntityNames names(document, hide);
    nlohmann::ordered_json out;
    out["revision"] = workspace.history().revision();
    out["title"] = document.meta.title;
    out["hideNames"] = hide;
    const Analysis analysis = analyse(document);  // who is on each role, and its gap, as the side panel shows
    auto roles = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < document.framework.roles.size(); ++i) {
        const Role& role = document.framework.roles[i];
        nlohmann::ordered_json entry = {{"id", role.id}, {"name", role.name}};
        if (i < analysis.roles.size()) {
            const RoleStats& stats = analysis.roles[i];
            entry["people"] = stats.by_kind[slot(EntityKind::Person)];
            entry["organizations"] = stats.by_kind[slot(EntityKind::Organization)];
            entry["networks"] = stats.by_kind[slot(EntityKind::Network)];
            entry["votes"] = stats.votes;
            entry["gap"] = stats.empty ? "missing" : stats.thin ? "thin" : stats.crowded ? "crowded" : "";
        }
        roles.push_back(std::move(entry));
    }
    out["roles"] = std::move(roles);
    std::unordered_map<std::string, std::vector<bool>> on_roles;  // entity id -> on role i (one pass: 20,000 entities stay fast)
    for (const Placement& placement : document.placements) {
        const int index = document.framework.role_index(placement.role);
        if (index < 0) continue;
        std::vector<bool>& on = on_roles[placement.entity];
        on.resize(document.framework.roles.size());
        on[static_cast<std::size_t>(index)] = true;
    }
    auto entities = nlohmann::ordered_json::array();
    for (const Entity& entity : document.entities) {
        auto on = nlohmann::ordered_json::array();
        if (const auto found = on_roles.find(entity.id); found != on_roles.end())
            for (std::size_t i = 0; i < found->second.size(); ++i)
                if (found->second[i]) on.push_back(document.framework.roles[i].id);
        entities.push_back({{"id", entity.id},
                            {"kind", to_string(entity.kind)},
                            {"name", hide ? std::string() : entity.name},
                            {"shown", names(entity)},
                            {"roles", std::move(on)}});
    }
    out["entities"] = std::move(entities);
    auto links = nlohmann::ordered_json::array();
    for (const Relationship& link : document.relationships)
        links.push_back({{"id", link.id}, {"from", link.from}, {"to", link.to}, {"kind", link_kind_label(link.kind)}});
    out["links"] = std::move(links);
    out["kinds"] = nlohmann::ordered_json::array();
    for (const LinkKind& kind : link_kinds()) out["kinds"].push_back({{"id", kind.id}, {"label", kind.label}});
    const History& history = workspace.history();
    out["undo"] = {{"label", i18n::step_label(history.undo_label())}, {"depth", history.undo_depth()}};
    out["redo"] = {{"label", i18n::step_label(history.redo_label())}, {"depth", history.redo_depth()}};
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

void register_access_api(Shell& shell) {
    // Runs one edit as its own undo step (as a panel's button does), then draws it.
    const auto edit = [&shell](const Command& command) {
        ui::UiContext context = shell.context();
        context.history.break_coalescing();
        ApplyResult result = context.apply(command);
        context.history.break_coalescing();
        shell.redraw();
        return result;
    };
    platform::register_api("accessMap", [&shell](std::string_view) { return access_map(shell.workspace()); });
    platform::register_api("accessAdd", [&shell, edit](std::string_view json) {  // {"kind", "name"}: selected on the map
        const nlohmann::json in = nlohmann::json::parse(json, nullptr, false);
        const std::optional<EntityKind> kind = parse_entity_kind(text_of(in, "kind"));
        if (!kind) return refused("unknown kind \"" + text_of(in, "kind") + "\"");
        const ApplyResult result = edit(add_entity(*kind, text_of(in, "name")));
        if (result) shell.workspace().session().selection.items = {{TargetKind::Entity, result.created_id}};
        return answer(result);
    });
    platform::register_api("accessRename", [&shell, edit](std::string_view json) {  // {"id", "name"}
        const nlohmann::json in = nlohmann::json::parse(json, nullptr, false);
        if (shell.workspace().ui().hide_names) return refused("names are hidden: show them to rename");
        return answer(edit(rename_entity(text_of(in, "id"), text_of(in, "name"))));
    });
    platform::register_api("accessRole", [&shell, edit](std::string_view json) {  // {"id", "role", "on"}
        const nlohmann::json in = nlohmann::json::parse(json, nullptr, false);
        const std::string entity = text_of(in, "id");
        const std::string role = text_of(in, "role");
        const bool on = in.is_object() && in.value("on", false);
        const Document& document = shell.workspace().history().document();
        std::vector<Command> removals;
        for (const Placement& placement : document.placements)
            if (placement.entity == entity && placement.role == role) removals.push_back(remove_placement(placement.id));
        if (on) {
            if (!removals.empty()) return nothing_to_do();  // already there
            PlacementSpec spec;
            spec.entity = entity;
            spec.role = role;
            return answer(edit(place_entity(std::move(spec))));
        }
        if (removals.empty()) return nothing_to_do();  // not there
        if (removals.size() == 1) return answer(edit(removals.front()));
        return answer(edit(in_one_step(removals.front().label, std::move(removals))));
    });
    platform::register_api("accessLink", [edit](std::string_view json) {  // {"from", "to", "kind"} (kind: the default when "")
        const nlohmann::json in = nlohmann::json::parse(json, nullptr, false);
        std::string kind = text_of(in, "kind");
        if (kind.empty()) kind = link_kinds().front().id;
        return answer(edit(add_relationship(text_of(in, "from"), text_of(in, "to"), std::move(kind), "")));
    });
    platform::register_api("accessUnlink", [&shell, edit](std::string_view json) {  // {"id"}
        const nlohmann::json in = nlohmann::json::parse(json, nullptr, false);
        const std::string id = text_of(in, "id");
        const ApplyResult result = edit(remove_relationship(id));
        if (result) std::erase_if(shell.workspace().session().selection.items, [&](const Target& t) { return t.id == id; });
        return answer(result);
    });
    platform::register_api("accessRemove", [&shell, edit](std::string_view json) {  // {"id"}: with its roles and links
        const nlohmann::json in = nlohmann::json::parse(json, nullptr, false);
        const std::string id = text_of(in, "id");
        const ApplyResult result = edit(remove_entity(id));
        if (result) shell.workspace().session().selection.items.clear();  // its placements and links may be selected
        return answer(result);
    });
}

}  // namespace ecomap::app
