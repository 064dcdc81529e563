// ecomap command-line tool: reading map files safely, writing them atomically, and the
// one-line messages about them.
#pragma once

#include "core/io_json.hpp"
#include "core/model.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ecomap::cli {

struct LoadedMap {
    std::optional<Document> document;    // set when the file was read and imported
    std::vector<ImportWarning> warnings; // what the importer repaired or dropped
    bool from_template = false;          // the file was a template; document is a new map made from it
    std::string problem;                 // one line when document is empty: "cannot read: ..." or "rejected: ..."
};

// Reads `path` (refusing files over ImportOptions::max_bytes from their size, before
// reading them) and passes the bytes through import_document. Never throws.
LoadedMap load_map(const std::string& path);

std::string one_line(std::string_view text);                 // control characters shown as \n, \t, \xNN: output stays one line per item
std::string describe(const ImportError& error);              // the error's message, with " (at /path)" when the message lacks it
std::string describe(const ImportWarning& warning);          // "/path: message", or the message alone when there is no path
std::string counted(std::size_t n, std::string_view one, std::string_view many);  // "1 entity", "3 entities"
std::string record_counts(const Document& document);        // "4 entities, 5 placements, 1 relationship"
std::string now_iso_utc();                                   // the current time, e.g. "2026-11-26T10:00:00Z"
bool same_file(const std::string& a, const std::string& b);  // true when both name the same existing file, or the same path

// Writes `bytes` to a temporary file next to `path`, flushes it to disk and renames it
// over `path`, so `path` is never left half-written. Returns the reason on failure.
std::optional<std::string> write_file_atomically(const std::string& path, std::string_view bytes);

}  // namespace ecomap::cli
