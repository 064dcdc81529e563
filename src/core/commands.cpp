// ecomap core: every document edit, as a Command (see commands.hpp).
//
// Index
//   [SECTION] Helpers
//   [SECTION] Ids
//   [SECTION] Entities
//   [SECTION] Placements
//   [SECTION] Relationships
//   [SECTION] Dot votes
//   [SECTION] Centre, meta, reflections, whole document
#include "core/commands.hpp"

#include "core/command_checks.hpp"

#include "core/document_size.hpp"
#include "core/limits.hpp"
#include "core/utf8.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <type_traits>
#include <utility>

namespace ecomap {

// [SECTION] Helpers -------------------------------------------------------------

namespace {

template <class Record>
std::optional<std::size_t> index_of(const std::vector<Record>& records, std::string_view id) {
    for (std::size_t i = 0; i < records.size(); ++i)
        if (records[i].id == id) return i;
    return std::nullopt;
}

template <class Record>
std::string next_id(const std::vector<Record>& records, std::string_view prefix) {
    unsigned long long largest = 0;
    for (const Record& record : records) {
        const std::string_view id = record.id;
        if (id.size() <= prefix.size() || id.substr(0, prefix.size()) != prefix) continue;
        const std::string_view digits = id.substr(prefix.size());
        unsigned long long n = 0;
        const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
        if (ec == std::errc() && end == digits.data() + digits.size()) largest = std::max(largest, n);
    }
    return std::string(prefix) + std::to_string(largest + 1);
}

template <class Record>
RecordStep<Record> replace_step(std::size_t index, Record before, Record after) {
    return {index, std::move(before), std::move(after)};
}

// Removal steps for records[indices] (ascending indices), listed from the highest
// index down so every index is valid when its step runs.
template <class Record>
void append_removals(std::vector<RecordStep<Record>>& steps, const std::vector<Record>& records,
                     const std::vector<std::size_t>& ascending) {
    for (auto it = ascending.rbegin(); it != ascending.rend(); ++it)
        steps.push_back({*it, records[*it], std::nullopt});
}

// Steps that turn `from` into `to`: every old record removed, every new one inserted.
template <class Record>
std::vector<RecordStep<Record>> replace_all(const std::vector<Record>& from, const std::vector<Record>& to) {
    std::vector<RecordStep<Record>> steps;
    if (from == to) return steps;
    steps.reserve(from.size() + to.size());
    for (std::size_t i = from.size(); i-- > 0;) steps.push_back({i, from[i], std::nullopt});
    for (std::size_t i = 0; i < to.size(); ++i) steps.push_back({i, std::nullopt, to[i]});
    return steps;
}

std::string entity_missing(std::string_view id) { return "no entity with id \"" + std::string(id) + "\""; }
std::string placement_missing(std::string_view id) { return "no placement with id \"" + std::string(id) + "\""; }
std::string relationship_missing(std::string_view id) {
    return "no relationship with id \"" + std::string(id) + "\"";
}
using command_checks::check_text;
using command_checks::role_unknown;

// "" when the position is absent or a finite point within kMaxCoordinate, else why not.
std::string check_position(const std::optional<Vec2>& p) {
    if (!p) return {};
    const auto ok = [](double v) { return std::isfinite(v) && std::abs(v) <= kMaxCoordinate; };
    return ok(p->x) && ok(p->y) ? std::string() : std::string("the position is outside the map");
}

// True when another placement (not `except_index`) puts the entity on the role in the context.
bool placement_taken(const Document& doc, std::string_view entity, std::string_view role, std::string_view context,
                     std::optional<std::size_t> except_index) {
    for (std::size_t i = 0; i < doc.placements.size(); ++i) {
        const Placement& p = doc.placements[i];
        if (i != except_index && p.entity == entity && p.role == role && p.context == context) return true;
    }
    return false;
}

bool relationship_taken(const Document& doc, std::string_view from, std::string_view to, std::string_view kind,
                        std::optional<std::size_t> except_index) {
    for (std::size_t i = 0; i < doc.relationships.size(); ++i) {
        const Relationship& r = doc.relationships[i];
        if (i != except_index && r.from == from && r.to == to && r.kind == kind) return true;
    }
    return false;
}

// A command that replaces one record after `edit` changed a copy of it. `edit`
// returns a refusal reason, or "" to accept.
template <class Record>
using RecordEdit = std::function<std::string(const Document&, std::size_t index, Record&)>;

template <class Record>
Command edit_record(std::string label, std::string coalesce_key, std::vector<Record> Document::*records,
                    std::string id, std::string (*missing)(std::string_view), RecordEdit<Record> edit) {
    return {std::move(label), std::move(coalesce_key),
            [records, id = std::move(id), missing, edit = std::move(edit)](const Document& doc) {
                const std::vector<Record>& list = doc.*records;
                const auto index = index_of(list, id);
                if (!index) return refuse(missing(id));
                Record after = list[*index];
                if (std::string error = edit(doc, *index, after); !error.empty()) return refuse(std::move(error));
                CommandOutcome outcome;
                std::vector<RecordStep<Record>> step{replace_step(*index, list[*index], std::move(after))};
                if constexpr (std::is_same_v<Record, Entity>) outcome.change.entities = std::move(step);
                if constexpr (std::is_same_v<Record, Placement>) outcome.change.placements = std::move(step);
                if constexpr (std::is_same_v<Record, Relationship>) outcome.change.relationships = std::move(step);
                return outcome;
            }};
}

Command edit_entity(std::string label, std::string key, std::string id, RecordEdit<Entity> edit) {
    return edit_record<Entity>(std::move(label), std::move(key), &Document::entities, std::move(id),
                               &entity_missing, std::move(edit));
}

Command edit_placement(std::string label, std::string key, std::string id, RecordEdit<Placement> edit) {
    return edit_record<Placement>(std::move(label), std::move(key), &Document::placements, std::move(id),
                                  &placement_missing, std::move(edit));
}

Command edit_relationship(std::string label, std::string key, std::string id, RecordEdit<Relationship> edit) {
    return edit_record<Relationship>(std::move(label), std::move(key), &Document::relationships, std::move(id),
                                     &relationship_missing, std::move(edit));
}

std::string_view entity_prefix(EntityKind kind) {
    switch (kind) {
        case EntityKind::Person: return "p";
        case EntityKind::Organization: return "o";
        case EntityKind::Network: return "n";
    }
    return "e";
}

}  // namespace

// [SECTION] Ids -----------------------------------------------------------------

std::string next_entity_id(const Document& document, EntityKind kind) {
    return next_id(document.entities, entity_prefix(kind));
}

std::string next_placement_id(const Document& document) { return next_id(document.placements, "pl"); }

std::string next_relationship_id(const Document& document) { return next_id(document.relationships, "r"); }

// [SECTION] Entities ------------------------------------------------------------

Command add_entity(EntityKind kind, std::string name) {
    return {"Add " + std::string(to_string(kind)), {}, [kind, name = std::move(name)](const Document& doc) {
                if (std::string error = check_text("the name", name, kMaxNameLength); !error.empty())
                    return refuse(std::move(error));
                if (doc.entities.size() >= kDefaultMaxEntities)
                    return refuse("a map holds at most " + format_thousands(kDefaultMaxEntities) + " entities");
                CommandOutcome outcome;
                Entity entity;
                entity.id = next_entity_id(doc, kind);
                entity.kind = kind;
                entity.name = name;
                outcome.created_id = entity.id;
                outcome.change.entities.push_back({doc.entities.size(), std::nullopt, std::move(entity)});
                return outcome;
            }};
}

Command rename_entity(std::string entity_id, std::string name) {
    std::string key = "entity:" + entity_id + ":name";
    return edit_entity("Rename", std::move(key), std::move(entity_id),
                       [name = std::move(name)](const Document&, std::size_t, Entity& e) {
                           e.name = name;
                           return check_text("the name", name, kMaxNameLength);
                       });
}

Command set_entity_kind(std::string entity_id, EntityKind kind) {
    return edit_entity("Change kind", {}, std::move(entity_id), [kind](const Document&, std::size_t, Entity& e) {
        e.kind = kind;
        return std::string();
    });
}

Command set_entity_anonymous(std::string entity_id, bool anonymous) {
    return edit_entity(anonymous ? "Hide name" : "Show name", {}, std::move(entity_id),
                       [anonymous](const Document&, std::size_t, Entity& e) {
                           e.anonymous = anonymous;
                           return std::string();
                       });
}

Command set_entity_notes(std::string entity_id, std::string notes) {
    std::string key = "entity:" + entity_id + ":notes";
    return edit_entity("Edit notes", std::move(key), std::move(entity_id),
                       [notes = std::move(notes)](const Document&, std::size_t, Entity& e) {
                           e.notes = notes;
                           return check_text("the notes", notes, kMaxTextLength);
                       });
}

Command remove_entity(std::string entity_id) {
    return {"Remove entity", {}, [id = std::move(entity_id)](const Document& doc) {
                const auto index = index_of(doc.entities, id);
                if (!index) return refuse(entity_missing(id));
                CommandOutcome outcome;
                std::vector<std::size_t> placements;
                for (std::size_t i = 0; i < doc.placements.size(); ++i)
                    if (doc.placements[i].entity == id) placements.push_back(i);
                std::vector<std::size_t> relationships;
                for (std::size_t i = 0; i < doc.relationships.size(); ++i)
                    if (doc.relationships[i].from == id || doc.relationships[i].to == id) relationships.push_back(i);
                append_removals(outcome.change.placements, doc.placements, placements);
                append_removals(outcome.change.relationships, doc.relationships, relationships);
                outcome.change.entities.push_back({*index, doc.entities[*index], std::nullopt});
                return outcome;
            }};
}

// [SECTION] Placements ----------------------------------------------------------

Command place_entity(PlacementSpec spec) {
    return {"Place on role", {}, [spec = std::move(spec)](const Document& doc) {
                if (!doc.find_entity(spec.entity)) return refuse(entity_missing(spec.entity));
                if (doc.framework.role_index(spec.role) < 0) return refuse(role_unknown(spec.role));
                if (std::string error = check_position(spec.position); !error.empty()) return refuse(std::move(error));
                if (std::string error = check_text("the context", spec.context, kMaxNameLength); !error.empty())
                    return refuse(std::move(error));
                if (doc.placements.size() >= kDefaultMaxPlacements)
                    return refuse("a map holds at most " + format_thousands(kDefaultMaxPlacements) + " placements");
                if (placement_taken(doc, spec.entity, spec.role, spec.context, std::nullopt))
                    return refuse("the entity is already on this role in this context");
                CommandOutcome outcome;
                Placement placement{.id = next_placement_id(doc), .entity = spec.entity, .role = spec.role,
                                    .strength = spec.strength, .energy = spec.energy, .context = spec.context,
                                    .position = spec.position};
                outcome.created_id = placement.id;
                outcome.change.placements.push_back({doc.placements.size(), std::nullopt, std::move(placement)});
                return outcome;
            }};
}

Command set_placement_strength(std::string placement_id, Strength strength) {
    return edit_placement("Change strength", {}, std::move(placement_id),
                          [strength](const Document&, std::size_t, Placement& p) {
                              p.strength = strength;
                              return std::string();
                          });
}

Command set_placement_energy(std::string placement_id, Energy energy) {
    return edit_placement("Change energy", {}, std::move(placement_id),
                          [energy](const Document&, std::size_t, Placement& p) {
                              p.energy = energy;
                              return std::string();
                          });
}

Command set_placement_context(std::string placement_id, std::string context) {
    std::string key = "placement:" + placement_id + ":context";
    return edit_placement("Edit context", std::move(key), std::move(placement_id),
                          [context = std::move(context)](const Document& doc, std::size_t index, Placement& p) {
                              if (placement_taken(doc, p.entity, p.role, context, index))
                                  return std::string("the entity is already on this role in this context");
                              p.context = context;
                              return check_text("the context", context, kMaxNameLength);
                          });
}

Command move_placement(std::string placement_id, std::optional<Vec2> position) {
    return edit_placement("Move", {}, std::move(placement_id),
                          [position](const Document&, std::size_t, Placement& p) {
                              p.position = position;
                              return check_position(position);
                          });
}

Command move_placement_to_role(std::string placement_id, std::string role_id, std::optional<Vec2> position) {
    return edit_placement("Move to role", {}, std::move(placement_id),
                          [role = std::move(role_id), position](const Document& doc, std::size_t index,
                                                                 Placement& p) {
                              if (doc.framework.role_index(role) < 0) return role_unknown(role);
                              if (placement_taken(doc, p.entity, role, p.context, index))
                                  return std::string("the entity is already on this role in this context");
                              p.role = role;
                              p.position = position;
                              return check_position(position);
                          });
}

Command remove_placement(std::string placement_id) {
    return {"Remove from role", {}, [id = std::move(placement_id)](const Document& doc) {
                const auto index = index_of(doc.placements, id);
                if (!index) return refuse(placement_missing(id));
                CommandOutcome outcome;
                outcome.change.placements.push_back({*index, doc.placements[*index], std::nullopt});
                return outcome;
            }};
}

// [SECTION] Relationships -------------------------------------------------------

Command add_relationship(std::string from, std::string to, std::string kind, std::string label) {
    return {"Connect", {},
            [r = Relationship{.id = {}, .from = std::move(from), .to = std::move(to), .kind = std::move(kind),
                              .label = std::move(label)}](const Document& doc) {
                if (!doc.find_entity(r.from)) return refuse(entity_missing(r.from));
                if (!doc.find_entity(r.to)) return refuse(entity_missing(r.to));
                if (r.from == r.to) return refuse("an entity cannot be linked to itself");
                if (r.kind.empty()) return refuse("a relationship needs a kind");
                if (relationship_taken(doc, r.from, r.to, r.kind, std::nullopt))
                    return refuse("these entities are already linked with this kind");
                for (const auto& [what, value] : {std::pair{"the kind", &r.kind}, std::pair{"the label", &r.label}})
                    if (std::string error = check_text(what, *value, kMaxNameLength); !error.empty())
                        return refuse(std::move(error));
                if (doc.relationships.size() >= kDefaultMaxRelationships)
                    return refuse("a map holds at most " + format_thousands(kDefaultMaxRelationships) + " relationships");
                CommandOutcome outcome;
                Relationship added = r;
                added.id = next_relationship_id(doc);
                outcome.created_id = added.id;
                outcome.change.relationships.push_back({doc.relationships.size(), std::nullopt, std::move(added)});
                return outcome;
            }};
}

Command set_relationship_kind(std::string relationship_id, std::string kind) {
    return edit_relationship("Change link kind", {}, std::move(relationship_id),
                             [kind = std::move(kind)](const Document& doc, std::size_t index, Relationship& r) {
                                 if (kind.empty()) return std::string("a relationship needs a kind");
                                 if (relationship_taken(doc, r.from, r.to, kind, index))
                                     return std::string("these entities are already linked with this kind");
                                 r.kind = kind;
                                 return check_text("the kind", kind, kMaxNameLength);
                             });
}

Command set_relationship_label(std::string relationship_id, std::string label) {
    std::string key = "relationship:" + relationship_id + ":label";
    return edit_relationship("Edit link label", std::move(key), std::move(relationship_id),
                             [label = std::move(label)](const Document&, std::size_t, Relationship& r) {
                                 r.label = label;
                                 return check_text("the label", label, kMaxNameLength);
                             });
}

Command remove_relationship(std::string relationship_id) {
    return {"Remove link", {}, [id = std::move(relationship_id)](const Document& doc) {
                const auto index = index_of(doc.relationships, id);
                if (!index) return refuse(relationship_missing(id));
                CommandOutcome outcome;
                outcome.change.relationships.push_back({*index, doc.relationships[*index], std::nullopt});
                return outcome;
            }};
}

// [SECTION] Dot votes -----------------------------------------------------------

Command add_vote(std::string role_id, int delta) {
    return {delta >= 0 ? "Add vote" : "Remove vote", {}, [role = std::move(role_id), delta](const Document& doc) {
                if (doc.framework.role_index(role) < 0) return refuse(role_unknown(role));
                const long long count = static_cast<long long>(doc.votes_for(role)) + delta;
                if (count > kMaxVotesPerRole)
                    return refuse("a role holds at most " + std::to_string(kMaxVotesPerRole) + " votes");
                CommandOutcome outcome;
                std::map<std::string, int> after = doc.votes;
                if (count <= 0) after.erase(role);
                else after[role] = static_cast<int>(count);
                outcome.change.votes = ValueStep<std::map<std::string, int>>{doc.votes, std::move(after)};
                return outcome;
            }};
}

Command clear_votes() {
    return {"Clear votes", {}, [](const Document& doc) {
                CommandOutcome outcome;
                outcome.change.votes = ValueStep<std::map<std::string, int>>{doc.votes, {}};
                return outcome;
            }};
}

// [SECTION] Centre, meta, reflections, whole document ---------------------------

Command set_centre_values(std::vector<std::string> values) {
    return {"Edit values", "centre:values", [values = std::move(values)](const Document& doc) {
                if (values.size() > kMaxValues)
                    return refuse("the centre holds at most " + std::to_string(kMaxValues) + " values");
                for (const std::string& value : values)
                    if (std::string error = check_text("a value", value, kMaxNameLength); !error.empty())
                        return refuse(std::move(error));
                CommandOutcome outcome;
                Centre after = doc.centre;
                after.values = values;
                outcome.change.centre = ValueStep<Centre>{doc.centre, std::move(after)};
                return outcome;
            }};
}

Command set_cause(std::string cause) {
    return {"Edit cause", "centre:cause", [cause = std::move(cause)](const Document& doc) {
                if (std::string error = check_text("the cause", cause, kMaxTextLength); !error.empty())
                    return refuse(std::move(error));
                CommandOutcome outcome;
                Centre after = doc.centre;
                after.cause = cause;
                outcome.change.centre = ValueStep<Centre>{doc.centre, std::move(after)};
                return outcome;
            }};
}

Command set_title(std::string title) {
    return {"Edit title", "meta:title", [title = std::move(title)](const Document& doc) {
                if (std::string error = check_text("the title", title, kMaxNameLength); !error.empty())
                    return refuse(std::move(error));
                CommandOutcome outcome;
                Meta after = doc.meta;
                after.title = title;
                outcome.change.meta = ValueStep<Meta>{doc.meta, std::move(after)};
                return outcome;
            }};
}

Command set_reflection(std::string prompt_id, std::string text) {
    std::string key = "reflection:" + prompt_id;
    return {"Edit reflection", std::move(key), [id = std::move(prompt_id), text = std::move(text)](const Document& doc) {
                const bool known = std::any_of(doc.framework.prompts.begin(), doc.framework.prompts.end(),
                                               [&](const Prompt& p) { return p.id == id; });
                if (!known) return refuse("the framework has no prompt \"" + id + "\"");
                if (std::string error = check_text("the answer", text, kMaxTextLength); !error.empty())
                    return refuse(std::move(error));
                CommandOutcome outcome;
                std::optional<std::string> before;
                if (const auto it = doc.reflections.find(id); it != doc.reflections.end()) before = it->second;
                std::optional<std::string> after;
                if (!text.empty()) after = text;
                outcome.change.reflections.emplace(id, ValueStep<std::optional<std::string>>{before, after});
                return outcome;
            }};
}

Command replace_document(Document contents, std::string label) {
    return {std::move(label), {}, [contents = std::move(contents)](const Document& doc) {
                CommandOutcome outcome;
                Change& change = outcome.change;
                change.entities = replace_all(doc.entities, contents.entities);
                change.placements = replace_all(doc.placements, contents.placements);
                change.relationships = replace_all(doc.relationships, contents.relationships);
                for (const auto& [key, text] : doc.reflections) change.reflections[key].before = text;
                for (const auto& [key, text] : contents.reflections) change.reflections[key].after = text;
                change.centre = ValueStep<Centre>{doc.centre, contents.centre};
                change.meta = ValueStep<Meta>{doc.meta, contents.meta};
                change.framework = ValueStep<Framework>{doc.framework, contents.framework};
                change.votes = ValueStep<std::map<std::string, int>>{doc.votes, contents.votes};
                return outcome;
            }};
}

}  // namespace ecomap
