// ecomap core: deterministic, realistic pseudo-random maps for tests and benchmarks.
#pragma once

#include "core/model.hpp"

#include <cstdint>

namespace ecomap {

// A valid document (see invariants.hpp) on the built-in framework: entity_count people,
// organizations and networks (some anonymous, some with non-ASCII names), 1-3
// placements each with strengths, energies, contexts and some positions, about half as
// many relationships as entities, a few reflections and, for some seeds, dot votes. The same seed and count give
// the same document on every platform.
Document generate_document(std::uint64_t seed, int entity_count);

}  // namespace ecomap
