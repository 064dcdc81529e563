// ecomap core: the typed errors and warnings of reading untrusted bytes (maps and
// templates). Shared by io_json.hpp (maps) and framework.hpp (templates).
#pragma once

#include <string>
#include <string_view>

namespace ecomap {

enum class ImportErrorCode {
    Empty,             // no bytes, or only whitespace
    TooLarge,          // more bytes than ImportOptions::max_bytes
    NotText,           // NUL bytes or invalid UTF-8: not a text file
    Syntax,            // not valid JSON (line and column say where)
    TooDeep,           // arrays/objects nested deeper than ImportOptions::max_depth
    NotAnObject,       // the top level is not a JSON object
    WrongFormat,       // "format" is missing or not "ecomap" / "ecomap-template"
    MissingVersion,    // no "formatVersion"
    InvalidVersion,    // "formatVersion" is not a whole number >= 0
    NewerVersion,      // saved by a newer ecomap than this one
    TooManyRecords,    // more entities/placements/relationships than the limits allow
    InvalidFramework,  // a template (or framework) that cannot be used, with the field
    NothingUsable,     // the file holds records but none of them could be read
    NoEmbeddedMap,     // a PNG or SVG image with no (or a damaged) ecomap map inside
    Inconsistent,      // internal: a restored map broke an invariant (a bug; please report)
};

std::string_view to_string(ImportErrorCode code);  // stable snake_case name, e.g. "newer_version"

struct ImportError {
    ImportErrorCode code = ImportErrorCode::Syntax;
    std::string message;  // one line for the user: what is wrong and where
    std::string path;     // JSON pointer of the offending value ("" = whole file), e.g. "/entities/3/name"
    int line = 0;         // 1-based line in the bytes, 0 when not known
    int column = 0;       // 1-based column (in characters), 0 when not known
};

struct ImportWarning {
    std::string path;     // JSON pointer of what was repaired or dropped
    std::string message;  // one line: what was wrong and what was done about it
    bool operator==(const ImportWarning&) const = default;
};

}  // namespace ecomap
