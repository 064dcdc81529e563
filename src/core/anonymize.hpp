// ecomap core: the facilitator's "hide names" switch, as a pure transformation applied to
// every export made while it is on (JSON, images, tables, and the map embedded in them).
#pragma once

#include "core/model.hpp"

#include <string>
#include <string_view>

namespace ecomap {

// A copy of `document` that names no one. Anything that is free text typed by a
// participant, or an id that may have come from their data (e.g. a CSV "id" column), is
// replaced or dropped:
// - entities: name -> a neutral mark numbered per kind in document order ("Person 1",
//   "Organization 2", "Network 1"); id -> the same number with the kind's letter
//   ("p1", "o2", "n1"); notes and source (merge provenance, i.e. participants' map
//   titles) cleared; every entity anonymous;
// - placements: id -> "pl1", "pl2"... in order, entity -> the entity's new id; a context
//   (free text such as "at Maria's school") -> "Context 1", "Context 2"... numbered per
//   distinct text in order of first use (placements in the same context stay together);
// - relationships: id -> "r1", "r2"... in order, from/to -> the new entity ids; the label
//   is cleared; a kind outside the built-in kinds (free text) becomes "link";
// - reflections (participants' own answers) are dropped;
// - the title becomes "Map (names hidden)" (titles are often "<someone>'s map").
// KEPT, because they describe the group's map and not a person: kinds, roles,
// strengths, energies and positions of placements; the framework (the template); the
// centre's values and cause (what the whole group agreed to work for, drawn at the centre
// of every export: the facilitator sees them before exporting); dot votes per role; the
// created and modified dates.
Document hide_names(const Document& document);

std::string neutral_name(EntityKind kind, int number,
                         std::string_view language = kDefaultMapLanguage);  // "Person 3", "Organization 1", "Network 2"
bool is_builtin_relationship_kind(std::string_view kind);  // works-with, supports, member-of, funds, learns-from

inline constexpr std::string_view kHiddenNamesTitle = "Map (names hidden)";  // the title of a hide_names document

}  // namespace ecomap
