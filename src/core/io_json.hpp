// ecomap core: the one import door for untrusted bytes, and the JSON export.
//
// Every input (file open, drop, paste, share link, autosave, template) goes through
// import_document. Stages: size limit -> text check (NUL bytes, UTF-8) -> nesting
// depth -> JSON syntax -> envelope ("format", "formatVersion"; newer versions refused)
// -> migrations, one version at a time -> restore (defaults, clamps, renamed duplicate
// ids, dropped dangling records, each repair reported as a warning) -> caps (record
// counts and the size of the map file, document_size.hpp: a map that could not be saved
// and reopened is refused with TooLarge) -> invariant check. At most kMaxWarnings
// warnings are kept on every path (migrations, restore, CSV, embedded maps), then one
// line counts the rest.
// A map file of the current formatVersion that is well-formed JSON is read by a fast
// reader (json_tree.hpp) straight into restore; every other input, and any byte the fast
// reader cannot read exactly as nlohmann::json would, takes the nlohmann path, so the
// accepted files, warnings and errors are the same on both.
// A template file ("format": "ecomap-template") gives a new map made from it.
// Other inputs recognised at the door, before the JSON stages:
// - PNG bytes (signature): the map embedded by embed_document_in_png (png_embed.hpp);
// - SVG text (starts with '<' and holds "<svg"): the map embedded by export_svg;
// - CSV text (first non-blank character not '{', first row with a "name" column): a
//   participant list, or an entities table from export_csv_entities (rules in csv.hpp).
// An embedded map then goes through every JSON stage like a map file. An image without
// one is refused with NoEmbeddedMap; a table without a "name" column with WrongFormat.
//
// Map file (export_json writes keys in exactly this order, 2-space indent, UTF-8):
//   {"format": "ecomap", "formatVersion": 2,
//    "meta": {"title", "created", "modified"},
//    "framework": {"id", "name", "attribution": {"text", "url"}, "defaultValues",
//                  "defaultCause", "roles": [{"id", "name", "color", "description"}],
//                  "prompts": [{"id", "step", "text"}]},
//    "centre": {"values": [...], "cause"},
//    "entities": [{"id", "kind", "name", "anonymous", "notes", "source"}],
//    "placements": [{"id", "entity", "role", "strength", "energy", "context",
//                    "position": {"x", "y"} (absent when arranged automatically)}],
//    "relationships": [{"id", "from", "to", "kind", "label"}],
//    "reflections": {"<prompt id>": "text", ...} (sorted by prompt id),
//    "votes": {"<role id>": count, ...} (dot votes, sorted by role id; roles without votes absent)}
// Version 1 files (no "votes") are migrated; see migrate.cpp.
// The JSON Schema of this format is maps/ecomap.schema.json.
#pragma once

#include "core/io_error.hpp"
#include "core/limits.hpp"
#include "core/model.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ecomap {

inline constexpr std::size_t kMaxWarnings = 100;  // warnings kept; one more line then counts the rest

struct ImportOptions {
    std::size_t max_bytes = kDefaultMaxBytes;                  // larger input is refused (TooLarge)
    int max_depth = kDefaultMaxDepth;                          // deeper nesting is refused (TooDeep)
    std::size_t max_entities = kDefaultMaxEntities;            // more entities is refused (TooManyRecords)
    std::size_t max_placements = kDefaultMaxPlacements;        // more placements is refused (TooManyRecords)
    std::size_t max_relationships = kDefaultMaxRelationships;  // more relationships is refused (TooManyRecords)
    std::string now_iso;  // created/modified of a map made from a template, e.g. "2026-11-26T10:00:00Z"
};

enum class ImportSource {
    Json,      // a map file (or a template: see from_template)
    Png,       // the map embedded in a PNG image
    Svg,       // the map embedded in an SVG image
    Csv,       // a participant list or an entities table; a new map
};

struct ImportResult {
    std::optional<Document> document;    // set on success
    std::optional<ImportError> error;    // set on failure (then document is empty)
    std::vector<ImportWarning> warnings; // what was repaired or dropped, in file order
    int source_version = 0;              // formatVersion of the map, before migration (0 for CSV)
    bool from_template = false;          // the bytes were a template; document is a new map from it
    ImportSource source = ImportSource::Json;  // what kind of input the bytes were
    bool ok() const { return document.has_value(); }  // true when a document was read
};

ImportResult import_document(std::string_view bytes, const ImportOptions& options = {});  // never throws, never crashes
std::string export_json(const Document& document);  // the map file; pure, byte-stable, always the current formatVersion

}  // namespace ecomap
