// ecomap core: combining participants' maps into one group map.
//
// merge_documents(base, participants) starts from `base` (the facilitator's group map,
// often empty) and adds each participant in order. Rules:
// - Provenance: a participant's label is its map title, else its file name, else
//   "participant <n>"; a repeated label gets " (2)", " (3)"... Entities added from a
//   participant get Entity::source = label; when an entity is merged into an existing
//   one, the label is appended to its source (", " separated, no repeats).
// - Same entity: an entity merges into an existing one when both have the same id
//   AND the same kind and the same non-empty name (case-insensitive, spaces trimmed);
//   or, for organizations and networks only, the same kind and non-empty name. People
//   are never merged by name alone, and unnamed entities are never merged. A merged entity keeps its id, kind and name; it is
//   anonymous when either is; different notes are joined by a blank line.
// - Ids stay unique: a colliding id becomes "<id>-<n>" (smallest n >= 2 unused) and
//   every reference to it in that participant's placements and relationships follows.
// - Framework: roles are the base's. A participant whose framework id differs gets a
//   warning; its placements on roles the base does not have are dropped (counted).
// - Placements: one per (entity, role, context) with context compared case-insensitively
//   and trimmed; the first one wins. Relationships: one per (from, to, kind); links
//   that became self-links through merging are dropped.
// - Centre: values are the union (case-insensitive, base's order first); the cause is
//   the base's, or the first participant's when the base has none.
// - Reflections: kept per prompt; each participant's answer is appended as
//   "<label>: <text>", separated from earlier text by a blank line.
// - Votes: dot votes are summed per role (cut at kMaxVotesPerRole, with a warning);
//   votes on roles the base does not have are dropped (counted in a warning).
// - Meta and framework are the base's (History stamps `modified` when applied).
// - Warnings: at most kMaxWarnings, then one line counting the rest.
// - Caps: merge_command refuses (document untouched) when the group map would break a
//   cap of document_size.hpp (record counts, file size), naming the cap.
#pragma once

#include <string>
#include <vector>

#include "core/history.hpp"
#include "core/model.hpp"

namespace ecomap {

struct NamedDocument {
    std::string name;                    // file name it came from (provenance when the title is empty)
    Document document;                   // the participant's map, already imported
};

struct MergeReport {
    int participants = 0;                // participants merged
    int entities_added = 0;              // entities added as new records
    int entities_merged = 0;             // participant entities folded into an existing entity
    int placements_added = 0;            // placements added
    int placements_deduplicated = 0;     // placements dropped as duplicates of (entity, role, context)
    int placements_dropped = 0;          // placements dropped for an unknown role or a missing entity
    int relationships_added = 0;         // relationships added
    int relationships_deduplicated = 0;  // relationships dropped as duplicates or self-links
    std::vector<std::string> merged;     // one line per merged entity: "Alice's map: \"Food Bank\" (o2) -> o1"
    std::vector<std::string> renamed;    // one line per renamed id: "Bo's map: entity p1 -> p1-2"
    std::vector<std::string> warnings;   // framework mismatches, dropped placements (at most kMaxWarnings + 1)
};

struct MergeResult {
    Document document;                   // the group map
    MergeReport report;                  // what happened, for the facilitator
};

MergeResult merge_documents(const Document& base,
                            const std::vector<NamedDocument>& participants);  // see the rules above

// The merge of `participants` into `base` as a command outcome: the change adds the new
// records and replaces only the records the merge changed; result holds the MergeReport.
// Refused, with the cap named, when the group map would break a cap.
CommandOutcome merge_outcome(const Document& base, const std::vector<NamedDocument>& participants);

// Merges into the current document as ONE undo step. The merge runs once, when applied:
// the report is ApplyResult::result_as<MergeReport>() of History::apply.
Command merge_command(std::vector<NamedDocument> participants);

}  // namespace ecomap
