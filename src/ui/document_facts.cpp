// What the panels read of the document several times a frame (see document_facts.hpp).
#include "ui/document_facts.hpp"

namespace ecomap::ui {

int DocumentFacts::placements_of_entity(const std::string& id) const {
    const auto found = placements_of.find(id);
    return found == placements_of.end() ? 0 : found->second;
}

DocumentFacts compute_facts(const Document& document, std::uint64_t revision) {
    DocumentFacts facts;
    facts.revision = revision;
    facts.valid = true;
    facts.analysis = analyse(document);
    facts.placements_of.reserve(document.entities.size());
    for (const Placement& placement : document.placements) ++facts.placements_of[placement.entity];
    return facts;
}

}  // namespace ecomap::ui
