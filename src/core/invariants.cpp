// ecomap core: checking the rules every valid document keeps.
#include "core/invariants.hpp"

#include "core/framework.hpp"
#include "core/id_set.hpp"
#include "core/limits.hpp"
#include "core/utf8.hpp"

#include <algorithm>
#include <cmath>
#include <type_traits>

namespace ecomap {

namespace {

class Checker {
public:
    std::vector<std::string> problems;  // "<path>: <what>"

    void fail(const std::string& path, const std::string& what) { problems.push_back(path + ": " + what); }

    // `path` is the JSON pointer, or a function making it (built only when something fails).
    template <class Path>
    static std::string pointer(const Path& path) {
        if constexpr (std::is_invocable_v<const Path&>) return path();
        else return std::string(path);
    }

    template <class Path>
    void fail(const Path& path, const std::string& what) { fail(pointer(path), what); }

    template <class Path>
    void text(const std::string& value, std::size_t max, const Path& path) {
        if (text::first_invalid_utf8(value)) fail(path, "not valid UTF-8");
        else if (value.size() > max && text::code_point_count(value) > max)  // never fewer bytes than characters
            fail(path, "longer than " + std::to_string(max) + " characters");
    }

    // Checks ids of `records` under `path`; fills `ids` with them.
    template <typename Record>
    void ids(const std::vector<Record>& records, const std::string& path,
             detail::IdSet& seen) {
        for (std::size_t i = 0; i < records.size(); ++i) {
            const auto id_path = [&] { return path + "/" + std::to_string(i) + "/id"; };
            const std::string& id = records[i].id;
            if (id.empty()) fail(id_path, "empty id");
            else if (!seen.insert(id)) fail(id_path, "id " + text::quoted_excerpt(id) + " is used twice");
            text(id, kMaxIdLength, id_path);
        }
    }

    void count(std::size_t size, std::size_t max, const std::string& path) {
        if (size > max) fail(path, "more than " + std::to_string(max) + " records");
    }
};

}  // namespace

std::vector<std::string> check_invariants(const Document& document) {
    Checker check;
    if (auto problem = validate_framework(document.framework))
        check.fail("/framework" + problem->path, problem->message);

    check.text(document.meta.title, kMaxNameLength, "/meta/title");
    check.text(document.meta.created, kMaxNameLength, "/meta/created");
    check.text(document.meta.modified, kMaxNameLength, "/meta/modified");
    if (!is_language_code(document.meta.language)) check.fail("/meta/language", "not a language code");
    if (document.centre.values.size() > kMaxValues)
        check.fail("/centre/values", "more than " + std::to_string(kMaxValues) + " values");
    for (std::size_t i = 0; i < document.centre.values.size(); ++i)
        check.text(document.centre.values[i], kMaxNameLength, "/centre/values/" + std::to_string(i));
    check.text(document.centre.cause, kMaxTextLength, "/centre/cause");

    check.count(document.entities.size(), kDefaultMaxEntities, "/entities");
    check.count(document.placements.size(), kDefaultMaxPlacements, "/placements");
    check.count(document.relationships.size(), kDefaultMaxRelationships, "/relationships");

    detail::IdSet entity_ids(document.entities.size());
    check.ids(document.entities, "/entities", entity_ids);
    for (std::size_t i = 0; i < document.entities.size(); ++i) {
        const Entity& entity = document.entities[i];
        const auto path = [i] { return "/entities/" + std::to_string(i); };
        check.text(entity.name, kMaxNameLength, [&] { return path() + "/name"; });
        check.text(entity.notes, kMaxTextLength, [&] { return path() + "/notes"; });
        check.text(entity.source, kMaxNameLength, [&] { return path() + "/source"; });
    }

    detail::IdSet placement_ids(document.placements.size());
    check.ids(document.placements, "/placements", placement_ids);
    for (std::size_t i = 0; i < document.placements.size(); ++i) {
        const Placement& placement = document.placements[i];
        const auto path = [i] { return "/placements/" + std::to_string(i); };
        if (!entity_ids.contains(placement.entity))
            check.fail([&] { return path() + "/entity"; }, "no entity " + text::quoted_excerpt(placement.entity));
        if (document.framework.find_role(placement.role) == nullptr)
            check.fail([&] { return path() + "/role"; }, "no role " + text::quoted_excerpt(placement.role));
        check.text(placement.context, kMaxNameLength, [&] { return path() + "/context"; });
        if (placement.position) {
            const Vec2& p = *placement.position;
            if (!std::isfinite(p.x) || !std::isfinite(p.y) || std::fabs(p.x) > kMaxCoordinate ||
                std::fabs(p.y) > kMaxCoordinate)
                check.fail([&] { return path() + "/position"; }, "not finite or out of range");
        }
    }

    detail::IdSet relationship_ids(document.relationships.size());
    check.ids(document.relationships, "/relationships", relationship_ids);
    for (std::size_t i = 0; i < document.relationships.size(); ++i) {
        const Relationship& relationship = document.relationships[i];
        const auto path = [i] { return "/relationships/" + std::to_string(i); };
        if (!entity_ids.contains(relationship.from))
            check.fail([&] { return path() + "/from"; }, "no entity " + text::quoted_excerpt(relationship.from));
        if (!entity_ids.contains(relationship.to))
            check.fail([&] { return path() + "/to"; }, "no entity " + text::quoted_excerpt(relationship.to));
        if (relationship.from == relationship.to) check.fail(path, "joins an entity to itself");
        check.text(relationship.kind, kMaxNameLength, [&] { return path() + "/kind"; });
        check.text(relationship.label, kMaxNameLength, [&] { return path() + "/label"; });
    }

    for (const auto& [prompt_id, answer] : document.reflections) {
        const std::string path = "/reflections/" + text::pointer_token(prompt_id);
        const bool known = std::any_of(document.framework.prompts.begin(), document.framework.prompts.end(),
                                       [&id = prompt_id](const Prompt& prompt) { return prompt.id == id; });
        if (!known) check.fail(path, "no prompt " + text::quoted_excerpt(prompt_id));
        check.text(answer, kMaxTextLength, path);
    }
    for (const auto& [role_id, count] : document.votes) {
        const std::string path = "/votes/" + text::pointer_token(role_id);
        if (document.framework.find_role(role_id) == nullptr) check.fail(path, "no role " + text::quoted_excerpt(role_id));
        if (count < 1 || count > kMaxVotesPerRole)
            check.fail(path, "vote count " + std::to_string(count) + " is not from 1 to " + std::to_string(kMaxVotesPerRole));
    }
    return check.problems;
}

}  // namespace ecomap
