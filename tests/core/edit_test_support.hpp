// Shared fixtures for the editing tests (commands, history, merge, analysis, geometry).
#pragma once

#include <string>

#include "core/framework.hpp"
#include "core/history.hpp"
#include "core/model.hpp"

namespace ecomap::test {

inline constexpr const char* kCreated = "2026-01-01T00:00:00Z";  // meta.created/modified of the fixtures

// A clock that returns "2026-01-01T00:00:<n>Z" with n = 1, 2, 3... on each call.
inline Clock counting_clock() {
    return [n = 0]() mutable {
        ++n;
        std::string stamp = "2026-01-01T00:00:";
        stamp += static_cast<char>('0' + n % 60 / 10);
        stamp += static_cast<char>('0' + n % 10);
        stamp += 'Z';
        return stamp;
    };
}

// A small map on the default framework: two people, an organization, a network,
// placements on three roles and two relationships.
inline Document small_document() {
    Document d = new_document(default_framework(), kCreated);
    d.meta.title = "Small map";
    d.entities = {
        {.id = "p1", .kind = EntityKind::Person, .name = "Alice", .anonymous = false, .notes = "", .source = ""},
        {.id = "p2", .kind = EntityKind::Person, .name = "Bo", .anonymous = false, .notes = "likes maps", .source = ""},
        {.id = "o1", .kind = EntityKind::Organization, .name = "Food Bank", .anonymous = false, .notes = "", .source = ""},
        {.id = "n1", .kind = EntityKind::Network, .name = "Tenants Network", .anonymous = false, .notes = "", .source = ""},
    };
    d.placements = {
        {.id = "pl1", .entity = "p1", .role = "weavers", .strength = Strength::Primary, .energy = Energy::Energizes,
         .context = "at work", .position = std::nullopt},
        {.id = "pl2", .entity = "p2", .role = "builders", .strength = Strength::Secondary,
         .energy = Energy::Unspecified, .context = "", .position = std::nullopt},
        {.id = "pl3", .entity = "p1", .role = "healers", .strength = Strength::Aspiring, .energy = Energy::Depletes,
         .context = "", .position = std::nullopt},
        {.id = "pl4", .entity = "o1", .role = "caregivers", .strength = Strength::Primary,
         .energy = Energy::Unspecified, .context = "", .position = std::nullopt},
        {.id = "pl5", .entity = "p1", .role = "builders", .strength = Strength::Primary,
         .energy = Energy::Unspecified, .context = "in the community", .position = std::nullopt},
    };
    d.relationships = {
        {.id = "r1", .from = "p1", .to = "o1", .kind = "member-of", .label = ""},
        {.id = "r2", .from = "p2", .to = "p1", .kind = "works-with", .label = "weekly"},
        {.id = "r3", .from = "o1", .to = "n1", .kind = "member-of", .label = ""},
    };
    return d;
}

}  // namespace ecomap::test
