// The workspace: one door for every arriving map, autosave bookkeeping, state for the API.
//
// Index: [SECTION] The door, [SECTION] Merge, [SECTION] Autosave, [SECTION] Exports and state.
#include "app/workspace.hpp"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "core/anonymize.hpp"
#include "core/commands.hpp"
#include "core/framework.hpp"
#include "core/i18n.hpp"
#include "core/io_json.hpp"
#include "core/merge.hpp"
#include "core/share_link.hpp"

namespace ecomap::app {
namespace {

constexpr const char* kOriginNames[] = {"file", "drop", "paste", "autosave", "url", "api", "recent", "merge", "room", "link"};

std::vector<std::string> warning_lines(const ImportResult& result, const std::string& prefix) {
    std::vector<std::string> lines;
    for (const ImportWarning& warning : result.warnings)
        lines.push_back(prefix + (warning.path.empty() ? warning.message : warning.path + ": " + warning.message));
    return lines;
}

std::string error_title(Origin origin) {
    switch (origin) {
        case Origin::Url: return i18n::tr("app.error.url");
        case Origin::Link: return i18n::tr("app.error.link");
        case Origin::Paste: return i18n::tr("app.error.paste");
        case Origin::Autosave: return i18n::tr("app.error.autosave");
        case Origin::Merge: return i18n::tr("app.error.merge");
        default: return i18n::tr("app.error.file");
    }
}

}  // namespace

std::string outcome_json(const OpenOutcome& outcome, Origin origin) {
    nlohmann::ordered_json out;
    out["ok"] = outcome.ok;
    out["errors"] = outcome.ok ? nlohmann::ordered_json::array() : nlohmann::ordered_json::array({outcome.error});
    out[origin == Origin::Merge ? "report" : "warnings"] = outcome.warnings;
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

const char* origin_name(Origin origin) { return kOriginNames[static_cast<int>(origin)]; }

bool origin_from_name(std::string_view name, Origin& origin) {
    for (int i = 0; i < static_cast<int>(std::size(kOriginNames)); ++i) {
        if (name == kOriginNames[i]) {
            origin = static_cast<Origin>(i);
            return true;
        }
    }
    return false;
}

Workspace::Workspace(WorkspaceHost host)
    : host_(std::move(host)), history_(Document{}, [this] { return pinned_now_ ? *pinned_now_ : now_iso(); }) {
    history_.reset(new_document(default_framework(), now_iso(), i18n::language()));
    saved_revision_ = seen_revision_ = history_.revision();
}

// [SECTION] The door

OpenOutcome Workspace::open(Origin origin, std::string_view name, std::string_view bytes, bool quiet) {
    std::vector<Arrival> files;
    files.push_back({std::string(name), std::string(bytes)});
    return open(origin, std::move(files), quiet);
}

OpenOutcome Workspace::open(Origin origin, std::vector<Arrival> files, bool quiet) {
    if (origin == Origin::Room) {
        if (files.size() == 1) return room_receive(files.front());
        OpenOutcome outcome;
        outcome.error = i18n::tr("app.error.one-change");
        return outcome;
    }
    const bool facilitator_merge = origin == Origin::Merge && room_.role() == RoomRole::Facilitator;
    if (room_.active() && origin != Origin::Autosave && !facilitator_merge) {
        OpenOutcome outcome;
        outcome.error = i18n::tr("app.error.in-room");
        if (!quiet) report(outcome, origin, "");
        return outcome;
    }
    if (origin == Origin::Merge) return merge(std::move(files), quiet);
    if (files.size() != 1) {
        OpenOutcome outcome;
        outcome.error = i18n::tr("app.error.one-map", {{"n", std::to_string(files.size())}});
        if (!quiet) report(outcome, origin, "");
        return outcome;
    }
    return open_one(origin, files.front(), quiet);
}

OpenOutcome Workspace::open_one(Origin origin, const Arrival& file, bool quiet) {
    ImportOptions options;
    options.now_iso = now_iso();
    OpenOutcome outcome;
    std::string expanded;  // a share link's compact text, as a map file
    if (origin == Origin::Link) {
        if (file.bytes.size() > options.max_bytes) {
            outcome.error = i18n::tr("app.error.link-too-big");
        } else if (std::optional<std::string> map = expand_map(file.bytes, outcome.error)) {
            expanded = std::move(*map);
        }
        if (expanded.empty()) {
            if (!quiet) report(outcome, origin, file.name);
            return outcome;  // the current map stays as it is
        }
    }
    ImportResult result = import_document(origin == Origin::Link ? std::string_view(expanded) : std::string_view(file.bytes), options);
    outcome.warnings = warning_lines(result, "");
    if (!result.ok()) {
        outcome.error = result.error ? result.error->message : std::string(i18n::tr("app.error.unknown"));
        if (origin == Origin::Autosave && host_.keep_aside) host_.keep_aside(outcome.error);  // never overwritten
        if (!quiet) report(outcome, origin, file.name);
        return outcome;  // the current map stays as it is
    }
    outcome.ok = true;
    if (origin == Origin::Autosave) {  // the map of the previous visit: where we left off, not an edit
        history_.reset(std::move(*result.document));
        saved_revision_ = seen_revision_ = history_.revision();
        session_ = Session{};
        ui_state_.auto_fit = true;
    } else {
        const std::string& title = result.document->meta.title;
        std::string label = i18n::tr("app.history.open", {{"name", title.empty() ? file.name : title}});
        replace(std::move(*result.document), label);
    }
    ui_state_.last_warnings = outcome.warnings;
    if (!quiet) report(outcome, origin, file.name);
    return outcome;
}

void Workspace::follow_language() {
    const std::string& code = i18n::language();
    if (room_.active() || history_.document().meta.language == code) return;  // a room's map is everyone's
    if (!history_.can_undo() && history_.revision() == saved_revision_) {
        history_.reset(new_document(default_framework(), now_iso(), code));
        saved_revision_ = seen_revision_ = history_.revision();
        return;
    }
    (void)history_.apply(set_language(code));  // refused only for a language without a catalog
}

void Workspace::new_map(const Framework& framework) {
    if (room_.active()) {
        ui_state_.status = i18n::tr("app.status.in-room");
        return;
    }
    replace(new_document(framework, now_iso(), i18n::language()), i18n::tr("ui.new-map.title"));
    ui_state_.status = i18n::tr("app.status.new-map");
}

void Workspace::replace(Document document, const std::string& label) {
    if (history_.revision() != saved_revision_) store_now();  // the old map, as it is now, stays in Recent maps
    if (host_.begin_map) host_.begin_map();
    pinned_now_ = document.meta.modified;  // opening a map does not change when it was last modified
    const ApplyResult applied = history_.apply(replace_document(std::move(document), label));
    pinned_now_.reset();
    if (!applied) {  // cannot happen for imported documents; say so rather than fail silently
        ui_state_.status = i18n::tr("app.status.not-replaced", {{"error", applied.error}});
        return;
    }
    history_.break_coalescing();
    session_ = Session{};
    ui_state_.auto_fit = true;
    store_now();  // the new map has its own place in Recent maps straight away
}

void Workspace::report(const OpenOutcome& outcome, Origin origin, const std::string& name) {
    if (!outcome.ok) {
        const std::string where = name.empty() ? "" : name + ": ";
        std::string message = where + outcome.error;
        if (origin == Origin::Autosave)
            message += i18n::tr("app.error.kept-aside");
        ui_state_.message = ui::MessageDialog{error_title(origin), message, {}, true};
        ui_state_.status = i18n::tr(origin == Origin::Autosave ? "app.status.autosave-aside" : "app.status.kept-current");
        return;
    }
    if (origin == Origin::Merge) {
        std::vector<std::string> details(outcome.warnings.begin() + 1, outcome.warnings.end());
        if (ui_state_.hide_names) details = {i18n::tr("app.merge.details-hidden")};  // they name people
        ui_state_.message = ui::MessageDialog{i18n::tr("app.merge.title"), outcome.warnings.front(), std::move(details), false};
        ui_state_.status = i18n::tr("app.status.merged");
        return;
    }
    ui_state_.status = origin == Origin::Autosave ? std::string(i18n::tr("app.status.restored"))
                                                  : i18n::tr("app.status.opened", {{"name", name}});
    if (!outcome.warnings.empty()) {
        ui_state_.message = ui::MessageDialog{
            i18n::tr("app.repairs.title"),
            i18n::trn("app.repairs.message", static_cast<long long>(outcome.warnings.size()), {{"name", name}}),
            outcome.warnings, false};
    }
}

// [SECTION] Merge

OpenOutcome Workspace::merge(std::vector<Arrival> files, bool quiet) {
    OpenOutcome outcome;
    std::vector<NamedDocument> participants;
    ImportOptions options;
    options.now_iso = now_iso();
    for (Arrival& file : files) {
        ImportResult result = import_document(file.bytes, options);
        file.bytes = std::string();  // the text is no longer needed: free it before merging
        if (!result.ok()) {  // one unreadable file is reported; the others are still merged
            outcome.warnings.push_back(i18n::tr("app.merge.not-merged",
                                                {{"name", file.name},
                                                 {"reason", result.error ? result.error->message : std::string(i18n::tr("app.merge.unreadable"))}}));
            continue;
        }
        for (std::string& line : warning_lines(result, file.name + ": ")) outcome.warnings.push_back(std::move(line));
        participants.push_back({file.name, std::move(*result.document)});
    }
    if (participants.empty()) {
        outcome.error = i18n::tr(files.empty() ? "app.merge.none-given" : "app.merge.none-read");
    } else {
        const ApplyResult applied = history_.apply(merge_command(std::move(participants)));
        const MergeReport* merged = applied.result_as<MergeReport>();  // the merge runs once: its report comes back with the change
        if (!applied || !merged) {
            outcome.error = applied ? std::string(i18n::tr("app.merge.no-report")) : applied.error;
        } else {
            const MergeReport& report = *merged;
            std::vector<std::string> lines = {i18n::tr(
                "app.merge.report", {{"maps", std::to_string(report.participants)},
                                     {"added", std::to_string(report.entities_added)},
                                     {"merged", std::to_string(report.entities_merged)},
                                     {"placements", std::to_string(report.placements_added)},
                                     {"links", std::to_string(report.relationships_added)}})};
            for (const auto* group : {&report.merged, &report.warnings})
                lines.insert(lines.end(), group->begin(), group->end());
            lines.insert(lines.end(), outcome.warnings.begin(), outcome.warnings.end());
            outcome.warnings = std::move(lines);
            outcome.ok = true;
            history_.break_coalescing();
            ui_state_.auto_fit = true;
            store_now();
        }
    }
    if (!quiet) {
        if (outcome.ok) {
            report(outcome, Origin::Merge, "");
        } else {
            ui_state_.message = ui::MessageDialog{error_title(Origin::Merge), outcome.error, outcome.warnings, true};
        }
    }
    return outcome;
}

// [SECTION] Autosave

bool Workspace::tick(double now_seconds) {
    now_seconds_ = now_seconds;
    bool changed = false;
    if (history_.revision() != seen_revision_) {
        seen_revision_ = history_.revision();
        last_change_seconds_ = now_seconds;
        changed = true;
    }
    if (room_.active() && history_.revision() != room_sent_revision_ && now_seconds - room_sent_seconds_ >= kRoomSendSeconds)
        room_send_now();
    // Saved after a short pause, and at the latest shortly after the first unsaved change, so
    // that someone typing without a pause still has every change saved within a second.
    if (history_.revision() == saved_revision_) return changed;
    if (!first_unsaved_seconds_) first_unsaved_seconds_ = now_seconds;
    if (now_seconds - last_change_seconds_ >= kAutosaveDelaySeconds ||
        now_seconds - *first_unsaved_seconds_ >= kAutosaveMaxWaitSeconds)
        store_now();
    return changed;
}

void Workspace::flush() {
    if (room_.active() && history_.revision() != room_sent_revision_) room_send_now();
    if (history_.revision() != saved_revision_) store_now();
}

// [SECTION] Live rooms

void Workspace::room_begin(RoomRole role, std::string self, bool keep_map) {
    if (role == RoomRole::None) return room_end();
    if (!keep_map) {
        if (history_.revision() != saved_revision_) store_now();  // the map as it is now stays in Recent maps
        if (host_.begin_map) host_.begin_map();
        Document fresh = new_document(default_framework(), now_iso(), i18n::language());
        fresh.meta.title = "";
        history_.reset(std::move(fresh));
    } else {
        history_.reset(Document(history_.document()));  // undo starts anew: older steps are not the room's
    }
    room_.begin(role, std::move(self));
    history_.set_guard([this](const Document& document, const Change& change) { return room_.guard(document, change); });
    // The facilitator's starting map goes out on the next tick; the others have nothing to send yet.
    room_sent_revision_ = keep_map ? history_.revision() - 1 : history_.revision();
    room_sent_seconds_ = -1;
    session_ = Session{};
    ui_state_.auto_fit = true;
    if (role == RoomRole::Projector) ui_state_.presenting = true;
    store_now();
}

void Workspace::room_end() {
    if (!room_.active()) return;
    if (history_.revision() != room_sent_revision_) room_send_now();
    room_.end();
    history_.set_guard(nullptr);
    ui_state_.status = i18n::tr("app.status.left-room");
    store_now();
}

void Workspace::room_send_now() {
    room_sent_revision_ = history_.revision();
    room_sent_seconds_ = now_seconds_;
    std::string patch = room_.outgoing(history_.document());
    if (!patch.empty() && host_.room_send) host_.room_send(patch);
}

OpenOutcome Workspace::room_receive(const Arrival& patch) {
    OpenOutcome outcome;
    if (!room_.active()) {
        outcome.error = "not in a room";
        return outcome;
    }
    if (history_.revision() != room_sent_revision_) room_send_now();  // this person's edits first: the room holds them
    const bool was_empty = history_.document().entities.empty();
    RoomIncoming incoming = room_.incoming(patch.bytes, history_.document());
    std::string error = incoming.error;
    if (incoming.ok && !history_.apply_remote(incoming.change, &error)) incoming.ok = false;
    if (!incoming.ok) {
        outcome.error = error;
        ui_state_.status = i18n::tr("app.status.room-change-failed", {{"error", error}});
        return outcome;
    }
    room_sent_revision_ = history_.revision();  // what arrived is not sent back
    std::vector<Target>& selected = session_.selection.items;  // someone may have removed what is selected
    std::erase_if(selected, [&document = history_.document()](const Target& target) {
        switch (target.kind) {
            case TargetKind::Entity: return document.find_entity(target.id) == nullptr;
            case TargetKind::Placement: return document.find_placement(target.id) == nullptr;
            case TargetKind::Relationship: return document.find_relationship(target.id) == nullptr;
            default: return false;
        }
    });
    if (room_.role() == RoomRole::Projector || (was_empty && !history_.document().entities.empty())) ui_state_.auto_fit = true;
    if (incoming.waiting > 0) outcome.warnings.push_back(i18n::trn("app.room.waiting", static_cast<long long>(incoming.waiting)));
    outcome.ok = true;
    return outcome;
}

void Workspace::store_now() {
    if (host_.store) host_.store(export_json(history_.document()), summary_json());
    saved_revision_ = history_.revision();
    first_unsaved_seconds_.reset();
}

std::string Workspace::summary_json() const {
    const Document& document = history_.document();
    nlohmann::ordered_json out;
    out["title"] = document.meta.title;
    out["entities"] = document.entities.size();
    return out.dump();
}

// [SECTION] Exports and state

Document Workspace::export_document() const {
    return ui_state_.hide_names ? hide_names(history_.document()) : history_.document();
}

std::string Workspace::base_file_name() const {
    std::string name;
    for (const char ch : history_.document().meta.title) {
        const auto u = static_cast<unsigned char>(ch);
        const bool keep = u >= 0x80 || std::isalnum(u) || ch == ' ' || ch == '-' || ch == '_' || ch == '(' || ch == ')';
        name += keep ? ch : '-';
    }
    while (!name.empty() && (name.back() == ' ' || name.back() == '-')) name.pop_back();
    while (!name.empty() && (name.front() == ' ' || name.front() == '-')) name.erase(name.begin());
    if (name.empty()) name = "map";
    return name;
}

std::string Workspace::state_json(bool typing) const {
    nlohmann::ordered_json out;
    auto selection = nlohmann::ordered_json::array();
    for (const Target& target : session_.selection.items)
        selection.push_back({{"kind", static_cast<int>(target.kind)}, {"id", target.id}});
    out["selection"] = std::move(selection);
    out["hover"] = {{"kind", static_cast<int>(session_.hover.kind)}, {"id", session_.hover.id}};
    out["camera"] = {{"x", session_.camera.centre.x}, {"y", session_.camera.centre.y}, {"zoom", session_.camera.zoom}};
    out["autoFit"] = ui_state_.auto_fit;
    out["revision"] = history_.revision();
    out["canUndo"] = history_.can_undo();
    out["canRedo"] = history_.can_redo();
    out["undoLabel"] = history_.undo_label();
    out["redoLabel"] = history_.redo_label();
    out["status"] = ui_state_.status;
    out["presenting"] = ui_state_.presenting;
    out["hideNames"] = ui_state_.hide_names;
    out["spotlight"] = ui_state_.spotlight_role;
    out["voteMode"] = ui_state_.vote_mode;
    constexpr const char* kRoles[] = {"none", "facilitator", "participant", "projector"};
    out["room"] = {{"role", kRoles[static_cast<int>(room_.role())]}, {"self", room_.self()}};
    out["typing"] = typing;  // a text field has the keyboard
    const ui::KeyboardState& keys = ui_state_.keyboard;
    out["keyboard"] = {{"area", keys.area},
                       {"map", keys.map_focused},
                       {"role", keys.role >= 0 && keys.role < static_cast<int>(history_.document().framework.roles.size())
                                    ? history_.document().framework.roles[static_cast<std::size_t>(keys.role)].id
                                    : std::string()},
                       {"placement", keys.placement},
                       {"ring", keys.ring_shown},
                       {"shortcuts", keys.shortcuts}};
    if (ui_state_.message) {
        out["dialog"] = {{"title", ui_state_.message->title},
                         {"message", ui_state_.message->message},
                         {"details", ui_state_.message->details}};
    } else {
        out["dialog"] = nullptr;
    }
    out["confirm"] = ui_state_.confirm ? nlohmann::ordered_json(ui_state_.confirm->title) : nlohmann::ordered_json();
    return out.dump();
}

}  // namespace ecomap::app
