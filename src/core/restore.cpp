// ecomap core (internal): restore, from a parsed map object to a valid Document.
//
// Index
//   [SECTION] Warnings
//   [SECTION] Field readers   text, booleans, enums, references, positions
//   [SECTION] Ids             keeping, renaming and generating record ids
//   [SECTION] Records         centre, entities, placements, relationships, reflections, votes
//   [SECTION] Document
#include "core/restore.hpp"

#include "core/framework.hpp"
#include "core/framework_json.hpp"
#include "core/json_input.hpp"
#include "core/json_tree.hpp"
#include "core/id_set.hpp"
#include "core/restore_ids.hpp"
#include "core/utf8.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>

namespace ecomap::detail {

// [SECTION] Warnings -------------------------------------------------------------------

void WarningSink::add(std::string path, std::string message) {
    if (out_.size() < kMaxWarnings) out_.push_back({std::move(path), std::move(message)});
    else ++left_out_;
}

void WarningSink::finish() {
    if (left_out_ > 0)
        out_.push_back({"", "... and " + std::to_string(left_out_) + " more problems of the same kinds"});
    left_out_ = 0;
}

namespace {

using json = JsonValue;

// [SECTION] Field readers ----------------------------------------------------------------

// The member `key` of `object`, or nullptr when absent or null (both mean "use the default").
const json* present(const json& object, const char* key) {
    const json* member = object.find(key);
    return member == nullptr || member->is_null() ? nullptr : member;
}

std::string clip(std::string value, std::size_t max, const std::string& path, WarningSink& warnings) {
    if (text::code_point_count(value) <= max) return value;
    warnings.add(path, "the text is longer than " + std::to_string(max) + " characters; cut to " +
                           std::to_string(max));
    return text::truncate_code_points(value, max);
}

// Text member: missing -> fallback; not text -> fallback with a warning; too long -> cut.
std::string read_text(const json& object, const char* key, const std::string& path, std::size_t max,
                      WarningSink& warnings, std::string_view fallback = {}) {
    const json* value = present(object, key);
    if (value == nullptr) return std::string(fallback);
    if (!value->is_string()) {
        warnings.add(path + "/" + key, "expected text, found " + std::string(type_phrase(*value)) +
                                           (fallback.empty() ? "; left empty" : "; using " + text::quoted_excerpt(fallback)));
        return std::string(fallback);
    }
    const std::string_view found = value->text();
    if (found.size() <= max || text::code_point_count(found) <= max) return std::string(found);  // never fewer bytes than characters
    return clip(std::string(found), max, path + "/" + key, warnings);
}

bool read_bool(const json& object, const char* key, const std::string& path, WarningSink& warnings) {
    const json* value = present(object, key);
    if (value == nullptr) return false;
    if (!value->is_boolean()) {
        warnings.add(path + "/" + key, "expected true or false, found " + std::string(type_phrase(*value)) +
                                           "; using false");
        return false;
    }
    return value->boolean();
}

// Enum member spelled as in files: missing -> fallback; unknown -> fallback with a warning.
template <typename Enum>
Enum read_enum(const json& object, const char* key, const std::string& path, WarningSink& warnings,
               Enum fallback, std::optional<Enum> (*parse)(std::string_view)) {
    const json* value = present(object, key);
    if (value == nullptr) return fallback;
    if (value->is_string()) {
        const std::string_view spelled = value->text();
        if (const auto parsed = parse(spelled)) return *parsed;
        warnings.add(path + "/" + key, "unknown " + std::string(key) + " " + text::quoted_excerpt(spelled) +
                                           "; using " + text::quoted_excerpt(to_string(fallback)));
    } else {
        warnings.add(path + "/" + key, "expected text, found " + std::string(type_phrase(*value)) + "; using " +
                                           text::quoted_excerpt(to_string(fallback)));
    }
    return fallback;
}

// An id or a reference to one: non-empty text of at most kMaxIdLength characters, or a
// whole number (written as text). nullopt otherwise.
std::optional<std::string> as_id(const json* value) {
    if (value == nullptr) return std::nullopt;
    if (value->is_number_integer()) return value->number_text();
    if (!value->is_string()) return std::nullopt;
    const std::string_view id = value->text();
    if (id.empty() || (id.size() > kMaxIdLength && text::code_point_count(id) > kMaxIdLength)) return std::nullopt;
    return std::string(id);
}

std::optional<Vec2> read_position(const json& object, const std::string& path, WarningSink& warnings) {
    const json* value = present(object, "position");
    if (value == nullptr) return std::nullopt;
    const std::string member = path + "/position";
    const json* x = value->is_object() ? present(*value, "x") : nullptr;
    const json* y = value->is_object() ? present(*value, "y") : nullptr;
    if (x == nullptr || y == nullptr || !x->is_number() || !y->is_number()) {
        warnings.add(member, "expected a position {\"x\": number, \"y\": number}; it will be arranged automatically");
        return std::nullopt;
    }
    // Finite: the JSON parser refuses NaN, infinities and numbers past the range of a double.
    Vec2 position{x->number(), y->number()};
    if (std::fabs(position.x) > kMaxCoordinate || std::fabs(position.y) > kMaxCoordinate) {
        position.x = std::clamp(position.x, -kMaxCoordinate, kMaxCoordinate);
        position.y = std::clamp(position.y, -kMaxCoordinate, kMaxCoordinate);
        warnings.add(member, "the position is far outside the map; moved to the edge");
    }
    return position;
}

// The list member `key`: nullptr when absent, null or not a list (with a warning).
const json* read_list(const json& root, const char* key, WarningSink& warnings) {
    const json* list = present(root, key);
    if (list == nullptr) return nullptr;
    if (!list->is_array()) {
        warnings.add(std::string("/") + key, "expected a list, found " + std::string(type_phrase(*list)) + "; ignored");
        return nullptr;
    }
    return list;
}

// [SECTION] Ids ----------------------------------------------------------------------------

// Ids of the records of `list`, read with as_id (nullopt for non-objects and unusable ids).
std::vector<std::optional<std::string>> reserve_ids(const json& list) {
    std::vector<std::optional<std::string>> raw(list.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (list[i].is_object()) raw[i] = as_id(present(list[i], "id"));
    }
    return raw;
}

// [SECTION] Records ----------------------------------------------------------------------

struct Context {
    const Framework& framework;
    WarningSink& warnings;
    std::vector<std::optional<std::string>> entity_raw_ids;  // the entities' ids in the file (reserve_ids)
    IdSet entity_ids;  // ids that references may name (views of entity_raw_ids)
};

// A reference member naming an entity, or nullopt (with a warning) when it names none.
std::optional<std::string> entity_reference(const json& record, const char* key, const std::string& path,
                                            std::string_view noun, Context& context) {
    const json* member = present(record, key);
    const std::optional<std::string> id = as_id(member);
    if (!id) {
        context.warnings.add(path + "/" + key, "the " + std::string(noun) + " has no usable \"" + key + "\" entity; dropped");
        return std::nullopt;
    }
    if (!context.entity_ids.contains(*id)) {
        context.warnings.add(path + "/" + key, "the " + std::string(noun) + " points at entity " + text::quoted_excerpt(*id) +
                                                   ", which is not in the map; dropped");
        return std::nullopt;
    }
    return id;
}

bool is_record(const json& item, const std::string& path, std::string_view noun, WarningSink& warnings) {
    if (item.is_object()) return true;
    warnings.add(path, "expected " + std::string(noun) + " object, found " + std::string(type_phrase(item)) + "; dropped");
    return false;
}

Centre restore_centre(const json& root, Context& context) {
    Centre centre;
    const json* value = present(root, "centre");
    if (value == nullptr) {
        centre.values = context.framework.default_values;
        centre.cause = context.framework.default_cause;
        return centre;
    }
    if (!value->is_object()) {
        context.warnings.add("/centre", "expected an object, found " + std::string(type_phrase(*value)) + "; left empty");
        return centre;
    }
    centre.cause = read_text(*value, "cause", "/centre", kMaxTextLength, context.warnings);
    const json* values = present(*value, "values");
    if (values != nullptr && !values->is_array()) {
        context.warnings.add("/centre/values", "expected a list, found " + std::string(type_phrase(*values)) + "; left empty");
        return centre;
    }
    for (std::size_t i = 0; values != nullptr && i < values->size(); ++i) {
        const std::string path = "/centre/values/" + std::to_string(i);
        const json& item = (*values)[i];
        if (centre.values.size() == kMaxValues) {
            context.warnings.add(path, "more than " + std::to_string(kMaxValues) + " values; the rest were dropped");
            break;
        }
        if (!item.is_string()) {
            context.warnings.add(path, "expected text, found " + std::string(type_phrase(item)) + "; dropped");
            continue;
        }
        centre.values.push_back(clip(std::string(item.text()), kMaxNameLength, path, context.warnings));
    }
    return centre;
}

std::vector<Entity> restore_entities(const json& list, Context& context) {
    std::vector<Entity> entities;
    entities.reserve(list.size());
    context.entity_raw_ids = reserve_ids(list);
    const auto& raw = context.entity_raw_ids;
    IdAssigner ids("entity", context.warnings, raw);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string path = "/entities/" + std::to_string(i);
        const json& item = list[i];
        if (!is_record(item, path, "an entity", context.warnings)) continue;
        Entity entity;
        bool keeps_own = false;
        entity.id = ids.assign(present(item, "id"), raw[i], path, keeps_own);
        if (keeps_own) context.entity_ids.insert(*raw[i]);
        entity.kind = read_enum(item, "kind", path, context.warnings, EntityKind::Person, parse_entity_kind);
        entity.name = read_text(item, "name", path, kMaxNameLength, context.warnings);
        entity.anonymous = read_bool(item, "anonymous", path, context.warnings);
        entity.notes = read_text(item, "notes", path, kMaxTextLength, context.warnings);
        entity.source = read_text(item, "source", path, kMaxNameLength, context.warnings);
        entities.push_back(std::move(entity));
    }
    return entities;
}

std::vector<Placement> restore_placements(const json& list, Context& context) {
    std::vector<Placement> placements;
    placements.reserve(list.size());
    const auto raw = reserve_ids(list);
    IdAssigner ids("placement", context.warnings, raw);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string path = "/placements/" + std::to_string(i);
        const json& item = list[i];
        if (!is_record(item, path, "a placement", context.warnings)) continue;
        const auto entity = entity_reference(item, "entity", path, "placement", context);
        if (!entity) continue;
        const auto role = as_id(present(item, "role"));
        if (!role || context.framework.find_role(*role) == nullptr) {
            context.warnings.add(path + "/role", (role ? "role " + text::quoted_excerpt(*role) + " is not a role of this map's framework"
                                                       : std::string("the placement has no usable role")) +
                                                     "; dropped");
            continue;
        }
        Placement placement;
        bool keeps_own = false;
        placement.id = ids.assign(present(item, "id"), raw[i], path, keeps_own);
        placement.entity = *entity;
        placement.role = *role;
        placement.strength = read_enum(item, "strength", path, context.warnings, Strength::Primary, parse_strength);
        placement.energy = read_enum(item, "energy", path, context.warnings, Energy::Unspecified, parse_energy);
        placement.context = read_text(item, "context", path, kMaxNameLength, context.warnings);
        placement.position = read_position(item, path, context.warnings);
        placements.push_back(std::move(placement));
    }
    return placements;
}

std::vector<Relationship> restore_relationships(const json& list, Context& context) {
    std::vector<Relationship> relationships;
    relationships.reserve(list.size());
    const auto raw = reserve_ids(list);
    IdAssigner ids("relationship", context.warnings, raw);
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string path = "/relationships/" + std::to_string(i);
        const json& item = list[i];
        if (!is_record(item, path, "a relationship", context.warnings)) continue;
        const auto from = entity_reference(item, "from", path, "relationship", context);
        if (!from) continue;
        const auto to = entity_reference(item, "to", path, "relationship", context);
        if (!to) continue;
        if (*from == *to) {
            context.warnings.add(path, "the relationship joins entity " + text::quoted_excerpt(*from) + " to itself; dropped");
            continue;
        }
        Relationship relationship;
        bool keeps_own = false;
        relationship.id = ids.assign(present(item, "id"), raw[i], path, keeps_own);
        relationship.from = *from;
        relationship.to = *to;
        relationship.kind = read_text(item, "kind", path, kMaxNameLength, context.warnings);
        relationship.label = read_text(item, "label", path, kMaxNameLength, context.warnings);
        relationships.push_back(std::move(relationship));
    }
    return relationships;
}

std::map<std::string, std::string> restore_reflections(const json& root, Context& context) {
    std::map<std::string, std::string> reflections;
    const json* value = present(root, "reflections");
    if (value == nullptr) return reflections;
    if (!value->is_object()) {
        context.warnings.add("/reflections", "expected an object, found " + std::string(type_phrase(*value)) + "; ignored");
        return reflections;
    }
    for (const json* member : value->sorted_members()) {  // by prompt id, as nlohmann listed them
        const std::string prompt_id(member->key());
        const json& answer = *member;
        const std::string path = "/reflections/" + text::pointer_token(prompt_id);
        const bool known = std::any_of(context.framework.prompts.begin(), context.framework.prompts.end(),
                                       [&id = prompt_id](const Prompt& prompt) { return prompt.id == id; });
        if (!known) {
            context.warnings.add(path, "no prompt " + text::quoted_excerpt(prompt_id) + " in this map's framework; dropped");
        } else if (!answer.is_string()) {
            context.warnings.add(path, "expected text, found " + std::string(type_phrase(answer)) + "; dropped");
        } else {
            reflections[prompt_id] = clip(std::string(answer.text()), kMaxTextLength, path, context.warnings);
        }
    }
    return reflections;
}

// Dot votes per role: unknown roles are dropped, counts that are not whole numbers are
// dropped, negative counts become 0 and counts past kMaxVotesPerRole are cut, each with a
// warning. Zero counts are not stored (a role without an entry has no votes).
std::map<std::string, int> restore_votes(const json& root, Context& context) {
    std::map<std::string, int> votes;
    const json* value = present(root, "votes");
    if (value == nullptr) return votes;
    if (!value->is_object()) {
        context.warnings.add("/votes", "expected an object, found " + std::string(type_phrase(*value)) + "; ignored");
        return votes;
    }
    for (const json* member : value->sorted_members()) {  // by role id, as nlohmann listed them
        const std::string role_id(member->key());
        const json& count = *member;
        const std::string path = "/votes/" + text::pointer_token(role_id);
        if (context.framework.find_role(role_id) == nullptr) {
            context.warnings.add(path, "no role " + text::quoted_excerpt(role_id) + " in this map's framework; its votes were dropped");
            continue;
        }
        long long number = 0;
        if (count.is_number_unsigned()) {
            const auto big = count.unsigned_integer();
            number = big > static_cast<std::uint64_t>(kMaxVotesPerRole) ? kMaxVotesPerRole + 1LL : static_cast<long long>(big);
        } else if (count.is_number_integer()) {
            number = count.integer();
        } else {
            context.warnings.add(path, "expected a whole number of votes, found " +
                                           (count.is_number() ? count.number_text() : std::string(type_phrase(count))) + "; dropped");
            continue;
        }
        if (number < 0) {
            context.warnings.add(path, "a negative number of votes (" + std::to_string(number) + "); counted as 0");
            continue;
        }
        if (number > kMaxVotesPerRole) {
            context.warnings.add(path, "more than " + std::to_string(kMaxVotesPerRole) + " votes; cut to " +
                                           std::to_string(kMaxVotesPerRole));
            number = kMaxVotesPerRole;
        }
        if (number > 0) votes[role_id] = static_cast<int>(number);
    }
    return votes;
}

Framework restore_framework(const json& root, WarningSink& warnings) {
    const json* value = present(root, "framework");
    if (value == nullptr) return default_framework();
    FrameworkResult result = framework_from_json(to_nlohmann(*value), "/framework");
    if (result.ok()) return std::move(*result.framework);
    warnings.add(result.error->path, "the map's own framework is unusable: " + result.error->message +
                                         "; using the built-in " + default_framework().name + " framework");
    return default_framework();
}

// meta.language: absent (older files) = English; a code ecomap has no catalog for is kept
// (its words fall back to English); anything not shaped like a language code is replaced.
std::string restore_language(const json& meta, WarningSink& warnings) {
    const std::string code = read_text(meta, "language", "/meta", kMaxIdLength, warnings, kDefaultMapLanguage);
    if (is_language_code(code)) return code;
    warnings.add("/meta/language", "not a language code: " + text::quoted_excerpt(code) + "; using \"" +
                                       std::string(kDefaultMapLanguage) + "\"");
    return std::string(kDefaultMapLanguage);
}

std::optional<ImportError> too_many(const json* list, const char* key, std::size_t max) {
    if (list == nullptr || list->size() <= max) return std::nullopt;
    return ImportError{ImportErrorCode::TooManyRecords,
                       "the map has " + std::to_string(list->size()) + " " + key + "; the limit is " + std::to_string(max),
                       std::string("/") + key, 0, 0};
}

}  // namespace

// [SECTION] Document ---------------------------------------------------------------------

Restored restore_document(const json& root, const ImportOptions& options, WarningSink& warnings) {
    Restored restored;
    const json* entities = read_list(root, "entities", warnings);
    const json* placements = read_list(root, "placements", warnings);
    const json* relationships = read_list(root, "relationships", warnings);
    for (auto error : {too_many(entities, "entities", options.max_entities),
                       too_many(placements, "placements", options.max_placements),
                       too_many(relationships, "relationships", options.max_relationships)}) {
        if (error) {
            restored.error = std::move(error);
            return restored;
        }
    }

    Document document;
    document.framework = restore_framework(root, warnings);
    Context context{document.framework, warnings, {}, IdSet{}};
    const json* meta = present(root, "meta");
    if (meta != nullptr && !meta->is_object()) {
        warnings.add("/meta", "expected an object, found " + std::string(type_phrase(*meta)) + "; ignored");
        meta = nullptr;
    }
    const json empty;  // not an object: every member reads as absent
    const json& meta_object = meta != nullptr ? *meta : empty;
    document.meta.language = restore_language(meta_object, warnings);
    document.meta.title =
        read_text(meta_object, "title", "/meta", kMaxNameLength, warnings, untitled_title(document.meta.language));
    document.meta.created = read_text(meta_object, "created", "/meta", kMaxNameLength, warnings);
    document.meta.modified = read_text(meta_object, "modified", "/meta", kMaxNameLength, warnings);
    document.centre = restore_centre(root, context);
    if (entities != nullptr) document.entities = restore_entities(*entities, context);
    if (placements != nullptr) document.placements = restore_placements(*placements, context);
    if (relationships != nullptr) document.relationships = restore_relationships(*relationships, context);
    document.reflections = restore_reflections(root, context);
    document.votes = restore_votes(root, context);

    const auto size = [](const json* list) { return list == nullptr ? std::size_t{0} : list->size(); };
    const std::size_t in_file = size(entities) + size(placements) + size(relationships);
    const std::size_t kept = document.entities.size() + document.placements.size() + document.relationships.size();
    if (in_file > 0 && kept == 0) {
        restored.error = ImportError{ImportErrorCode::NothingUsable,
                                     "none of the " + std::to_string(in_file) + " records in this map could be read", "", 0,
                                     0};
        return restored;
    }
    restored.document = std::move(document);
    return restored;
}

}  // namespace ecomap::detail
