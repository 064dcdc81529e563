// ecomap core: hide_names (see anonymize.hpp).
#include "core/anonymize.hpp"

#include "core/i18n.hpp"

#include <array>
#include <unordered_map>

namespace ecomap {

std::string neutral_name(EntityKind kind, int number, std::string_view language) {
    std::string_view key = "core.neutral.person";
    if (kind == EntityKind::Organization) key = "core.neutral.organization";
    else if (kind == EntityKind::Network) key = "core.neutral.network";
    return i18n::format(language, key, {{"n", std::to_string(number)}});
}

bool is_builtin_relationship_kind(std::string_view kind) {
    for (std::string_view builtin : {"works-with", "supports", "member-of", "funds", "learns-from"})
        if (kind == builtin) return true;
    return false;
}

Document hide_names(const Document& document) {
    Document out;
    out.meta = document.meta;
    out.meta.title = std::string(kHiddenNamesTitle);
    out.framework = document.framework;
    out.centre = document.centre;
    out.votes = document.votes;

    std::array<int, 3> numbers{};  // per EntityKind
    std::unordered_map<std::string_view, std::string> new_ids;  // old entity id -> new
    new_ids.reserve(document.entities.size());
    out.entities.reserve(document.entities.size());
    for (const Entity& entity : document.entities) {
        const int number = ++numbers[static_cast<std::size_t>(entity.kind)];
        const char letter = entity.kind == EntityKind::Person ? 'p' : entity.kind == EntityKind::Organization ? 'o' : 'n';
        Entity hidden{.id = letter + std::to_string(number), .kind = entity.kind,
                      .name = neutral_name(entity.kind, number, document.meta.language), .anonymous = true, .notes = {}, .source = {}};
        new_ids.emplace(entity.id, hidden.id);
        out.entities.push_back(std::move(hidden));
    }
    const auto new_id = [&](const std::string& old) {
        const auto it = new_ids.find(old);
        return it == new_ids.end() ? std::string("missing") : it->second;  // valid documents never miss
    };
    std::unordered_map<std::string_view, std::string> contexts;  // context text -> "Context <n>"
    out.placements.reserve(document.placements.size());
    for (const Placement& placement : document.placements) {
        Placement hidden = placement;
        hidden.id = "pl" + std::to_string(out.placements.size() + 1);
        hidden.entity = new_id(placement.entity);
        if (!placement.context.empty())
            hidden.context = contexts.try_emplace(placement.context, "Context " + std::to_string(contexts.size() + 1))
                                 .first->second;
        out.placements.push_back(std::move(hidden));
    }
    out.relationships.reserve(document.relationships.size());
    for (const Relationship& relationship : document.relationships) {
        out.relationships.push_back({.id = "r" + std::to_string(out.relationships.size() + 1),
                                     .from = new_id(relationship.from), .to = new_id(relationship.to),
                                     .kind = is_builtin_relationship_kind(relationship.kind) ? relationship.kind : "link",
                                     .label = {}});
    }
    return out;
}

}  // namespace ecomap
