// ecomap core: the rules every valid document keeps. import_document only returns
// documents that keep them, and import_document(export_json(d)) == d for every such d.
#pragma once

#include "core/model.hpp"

#include <string>
#include <vector>

namespace ecomap {

// Each broken rule as "<JSON pointer>: <what>", e.g. "/placements/2/entity: no entity
// \"e9\"". Empty when the document is valid. Rules: the framework passes
// validate_framework; ids are non-empty, unique per record type and at most kMaxIdLength;
// placements and relationships point at existing entities (and placements at roles of
// the framework); no relationship joins an entity to itself; reflections are keyed by
// prompt ids; votes are keyed by role ids with counts from 1 to kMaxVotesPerRole (a
// role without votes has no entry); texts are UTF-8 within the limits of limits.hpp; positions are finite and
// within kMaxCoordinate; record counts are within the default import limits.
std::vector<std::string> check_invariants(const Document& document);

}  // namespace ecomap
