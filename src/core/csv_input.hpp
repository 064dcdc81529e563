// ecomap core (internal): recognising and reading CSV text at the import door (rules in
// csv.hpp). Nothing here throws.
#pragma once

#include "core/io_json.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ecomap::detail {

enum class CsvShape {
    NotCsv,         // not a table: the JSON reader reports on it
    Participants,   // a table whose first row has a "name" column
    NoNameColumn,   // looks like a table (separators on the first line) but has no "name" column
};

struct CsvSniff {
    CsvShape shape = CsvShape::NotCsv;
    char delimiter = ',';  // ',' ';' or '\t' when shape != NotCsv
};

CsvSniff sniff_csv(std::string_view text);  // `text` without a byte order mark

// Reads the records of CSV text one at a time (RFC 4180 quoting, CRLF or LF line ends).
class CsvReader {
public:
    CsvReader(std::string_view text, char delimiter) : text_(text), delimiter_(delimiter) {}
    bool next(std::vector<std::string>& cells);  // false at the end; cells of one record otherwise
    bool unterminated_quote() const { return unterminated_; }  // the text ended inside a quoted field
    std::size_t dropped_cells() const { return dropped_; }     // cells past kMaxCsvColumns, not kept

private:
    std::string_view text_;
    char delimiter_;
    std::size_t at_ = 0;
    bool unterminated_ = false;
    std::size_t dropped_ = 0;
};

inline constexpr std::size_t kMaxCsvColumns = 256;  // cells kept per record

bool formula_like(std::string_view cell);         // starts with = + - @ TAB CR, after any number of '
std::string unguard_cell(std::string_view cell);  // removes the ' that csv_field put before a formula-like cell

// A new map on the built-in framework from a participant list (rules in csv.hpp); sets
// result.document or result.error, and the warnings.
void import_csv(std::string_view text, char delimiter, const ImportOptions& options, ImportResult& result);

}  // namespace ecomap::detail
