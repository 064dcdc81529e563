// ecomap core: the facilitator's "hide names" switch, as a pure transformation applied to
// every export made while it is on (images, tables, and the map embedded in them).
#pragma once

#include "core/model.hpp"

#include <string>

namespace ecomap {

// A copy of `document` that names no one: every entity's name becomes a neutral mark
// numbered per kind in document order ("Person 1", "Organization 2", "Network 1"), notes
// and sources (merge provenance) are cleared, relationship labels are cleared, and every
// entity is anonymous. Ids, kinds, roles, placements (with their contexts), links, votes,
// centre, reflections, the title and the framework are kept: the facilitator sees them
// before exporting.
Document hide_names(const Document& document);

std::string neutral_name(EntityKind kind, int number);  // "Person 3", "Organization 1", "Network 2"

}  // namespace ecomap
