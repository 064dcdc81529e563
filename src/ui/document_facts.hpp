// What the panels read of the document several times a frame (counts and gaps per role,
// how many roles each entity plays), computed once per document revision instead of on
// every call: a 10,000-entity map would otherwise be scanned a dozen times a frame.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>

#include "core/analysis.hpp"
#include "core/model.hpp"

namespace ecomap::ui {

struct DocumentFacts {
    std::uint64_t revision = 0;                          // History::revision() they were computed for
    bool valid = false;                                  // computed at least once
    Analysis analysis;                                   // core analyse()
    std::unordered_map<std::string, int> placements_of;  // entity id -> its placements (any role)
    int placements_of_entity(const std::string& id) const;  // 0 when none
};

DocumentFacts compute_facts(const Document& document, std::uint64_t revision);  // pure

}  // namespace ecomap::ui
