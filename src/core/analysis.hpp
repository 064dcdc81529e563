// ecomap core: counts and gaps per role, for the facilitator's "who plays what" view.
//
// Counting rules:
// - A role's entities are the DISTINCT entities placed on it (one entity placed twice
//   on a role, in two contexts, counts once there). Kind counts are of those entities.
// - Strength and energy counts are of placements (each context counts).
// - Placements on roles the framework does not know, or of entities that do not
//   exist, are not counted on any role; they are reported in `ignored_placements`.
//
// Gap rules (thresholds are parameters, defaults below):
// - empty:   no entity on the role.
// - thin:    some entities, but fewer than thin_threshold = max(1, ceil(thin_fraction ×
//            entities_placed)), where entities_placed counts distinct entities on any
//            role. With the default 10% and 30 people placed, roles with 1 or 2 are thin;
//            in a map of fewer than 11 entities only empty roles are gaps.
// - crowded: at least crowded_threshold = max(crowded_min, ceil(crowded_factor × mean))
//            entities, where mean is the average entity count over all roles. With the
//            default 1.5 and 10 roles averaging 4, roles with 6 or more are crowded.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "core/model.hpp"

namespace ecomap {

struct AnalysisOptions {
    double thin_fraction = 0.10;         // thin below this share of all placed entities
    double crowded_factor = 1.5;         // crowded at this multiple of the mean per role
    int crowded_min = 2;                 // a role with fewer entities is never crowded
};

struct RoleStats {
    std::string role;                    // Role::id
    int entities = 0;                    // distinct entities on the role
    int placements = 0;                  // placements on the role
    std::array<int, 3> by_kind{};        // distinct entities, indexed by EntityKind
    std::array<int, 3> by_strength{};    // placements, indexed by Strength
    std::array<int, 3> by_energy{};      // placements, indexed by Energy
    int votes = 0;                       // dot votes recorded on the role (Document::votes)
    bool empty = false;                  // no entity (see gap rules)
    bool thin = false;                   // fewer than thin_threshold entities, but some
    bool crowded = false;                // at least crowded_threshold entities
    bool operator==(const RoleStats&) const = default;
};

struct Analysis {
    std::vector<RoleStats> roles;        // one per framework role, in framework order
    int entities_placed = 0;             // distinct entities placed on at least one role
    int entities_unplaced = 0;           // entities with no counted placement
    int ignored_placements = 0;          // placements on unknown roles or of missing entities
    int votes = 0;                       // dot votes on all roles of the framework
    int thin_threshold = 1;              // entity count below which a non-empty role is thin
    int crowded_threshold = 0;           // entity count from which a role is crowded
    std::vector<int> empty_roles;        // role indices, framework order
    std::vector<int> thin_roles;         // role indices, framework order
    std::vector<int> crowded_roles;      // role indices, most entities first (ties: framework order)
    std::vector<int> ranking;            // all role indices, most entities first (ties: framework order)
};

Analysis analyse(const Document& document, const AnalysisOptions& options = {});  // counts and gaps per role

template <class Enum>
constexpr std::size_t slot(Enum value) {  // index of an enum value in RoleStats' count arrays
    return static_cast<std::size_t>(value);
}

}  // namespace ecomap
