// ecomap core: lookups on the document model and the file spelling of its enums.
#include "core/model.hpp"

#include <algorithm>

namespace ecomap {

namespace {

// The record in `records` whose id is `id`, or nullptr.
template <typename Record>
const Record* find_by_id(const std::vector<Record>& records, std::string_view id) {
    const auto it = std::find_if(records.begin(), records.end(),
                                 [id](const Record& record) { return record.id == id; });
    return it == records.end() ? nullptr : &*it;
}

}  // namespace

// [SECTION] Framework ------------------------------------------------------------

const Role* Framework::find_role(std::string_view role_id) const {
    return find_by_id(roles, role_id);
}

int Framework::role_index(std::string_view role_id) const {
    const Role* role = find_role(role_id);
    return role == nullptr ? -1 : static_cast<int>(role - roles.data());
}

// [SECTION] Document -------------------------------------------------------------

const Entity* Document::find_entity(std::string_view id) const {
    return find_by_id(entities, id);
}

const Placement* Document::find_placement(std::string_view id) const {
    return find_by_id(placements, id);
}

const Relationship* Document::find_relationship(std::string_view id) const {
    return find_by_id(relationships, id);
}

int Document::votes_for(std::string_view role_id) const {
    const auto it = votes.find(std::string(role_id));
    return it == votes.end() ? 0 : it->second;
}

// [SECTION] Enum <-> text ----------------------------------------------------------

std::string_view to_string(EntityKind kind) {
    switch (kind) {
        case EntityKind::Person: return "person";
        case EntityKind::Organization: return "organization";
        case EntityKind::Network: return "network";
    }
    return "person";
}

std::string_view to_string(Strength strength) {
    switch (strength) {
        case Strength::Primary: return "primary";
        case Strength::Secondary: return "secondary";
        case Strength::Aspiring: return "aspiring";
    }
    return "primary";
}

std::string_view to_string(Energy energy) {
    switch (energy) {
        case Energy::Unspecified: return "";
        case Energy::Energizes: return "energizes";
        case Energy::Depletes: return "depletes";
    }
    return "";
}

std::optional<EntityKind> parse_entity_kind(std::string_view text) {
    for (EntityKind kind : {EntityKind::Person, EntityKind::Organization, EntityKind::Network}) {
        if (to_string(kind) == text) return kind;
    }
    return std::nullopt;
}

std::optional<Strength> parse_strength(std::string_view text) {
    for (Strength strength : {Strength::Primary, Strength::Secondary, Strength::Aspiring}) {
        if (to_string(strength) == text) return strength;
    }
    return std::nullopt;
}

std::optional<Energy> parse_energy(std::string_view text) {
    for (Energy energy : {Energy::Unspecified, Energy::Energizes, Energy::Depletes}) {
        if (to_string(energy) == text) return energy;
    }
    return std::nullopt;
}

}  // namespace ecomap
