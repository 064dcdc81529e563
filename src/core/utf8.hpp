// ecomap core: text helpers used by the importer, the exporters, merge and the command line.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ecomap::text {

std::optional<std::size_t> first_invalid_utf8(std::string_view bytes);  // byte offset of the first bad sequence, nullopt when valid
std::string make_valid_utf8(std::string_view bytes);                     // each ill-formed sequence byte replaced by U+FFFD
std::size_t code_point_count(std::string_view utf8);                    // characters in valid UTF-8
std::string truncate_code_points(std::string_view utf8, std::size_t max_code_points);  // at most max characters, never splitting one
std::u32string code_points(std::string_view bytes);  // the characters; each ill-formed sequence byte is U+FFFD
std::string to_utf8(std::u32string_view code_points);  // the inverse of code_points for valid characters

struct LineColumn {
    int line = 1;    // 1-based
    int column = 1;  // 1-based, in characters
};
LineColumn line_column_at(std::string_view bytes, std::size_t offset);  // position of byte `offset` (clamped to the end)

std::string trimmed(std::string_view text);  // without leading/trailing spaces, tabs and line breaks
std::string folded(std::string_view text);   // trimmed and ASCII-lowercased: the key for "same name"
std::string decimal(double value, int places);  // at most `places` decimals, no trailing zeros, never "-0"; "0" if not finite
std::string human_size(std::uintmax_t bytes);  // "512 bytes", "3.5 KiB", "20.0 MiB"
std::string pointer_token(std::string_view key);  // RFC 6901 escaping of one JSON pointer token (~ -> ~0, / -> ~1)
std::string quoted_excerpt(std::string_view value, std::size_t max_code_points = 40);  // "value" for messages, shortened with ...

}  // namespace ecomap::text
