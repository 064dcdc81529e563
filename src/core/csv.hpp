// ecomap core: spreadsheet tables (CSV) of a map, and the participant list import.
//
// Written tables: UTF-8 with a byte order mark, CRLF line ends, every field quoted (""
// doubles a quote). A cell starting with = + - @ TAB or CR (or with ' followed by such a
// cell) gets a leading ' so spreadsheets do not run it as a formula; the importer
// removes exactly that '.
//
// Entities table: id, name, kind, anonymous, then one column per role (headed by the
// role's name) holding the entity's placements on it as "primary", "secondary" or
// "aspiring", with the context in brackets ("secondary (at work)"), several joined with
// "; ", then roles (a summary, "Weavers (primary); Builders (secondary)") and notes.
// Relationships table: id, from, from_name, to, to_name, kind, label.
//
// Reading (import_document routes CSV text here, see io_json.hpp): the first row names
// the columns (any order, any case; comma, semicolon or tab separated). Columns: name
// (required), kind (person | organization | network; default person), anonymous
// (true/false), id, notes, roles (role names or ids separated by ';' or '|', each
// optionally followed by "(primary|secondary|aspiring)"), and one column per role as
// written above; when role columns are present, the roles column is not read. The
// result is a new map from the built-in framework. Problems become warnings that say
// where: "row 4, roles: no role \"Astronauts\"" (rows counted as a spreadsheet shows
// them, the header being row 1).
#pragma once

#include "core/model.hpp"

#include <string>
#include <string_view>

namespace ecomap {

std::string export_csv_entities(const Document& document);       // the entities table (see above)
std::string export_csv_relationships(const Document& document);  // the relationships table (see above)
std::string csv_field(std::string_view text);                    // one quoted, formula-guarded field

}  // namespace ecomap
