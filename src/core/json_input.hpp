// ecomap core (internal): the first stages of reading untrusted JSON bytes, shared by
// maps (io_json.cpp) and templates (framework.cpp): size, text, nesting, syntax,
// envelope. Nothing here throws.
#pragma once

#include "core/io_error.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ecomap::detail {

struct ParsedJson {
    nlohmann::json value;              // the parsed top level (an object when error is empty)
    std::optional<ImportError> error;  // the first stage that refused the bytes
};

// Size limit -> not empty (after a UTF-8 byte order mark) -> no NUL byte -> valid UTF-8.
std::optional<ImportError> check_untrusted_text(std::string_view bytes, std::size_t max_bytes);
std::optional<ImportError> too_large(std::size_t size, std::size_t max_bytes);  // TooLarge when size > max_bytes

// Byte offset where nesting first exceeds max_depth (brackets in strings do not count), or nullopt.
std::optional<std::size_t> too_deep_at(std::string_view bytes, int max_depth);

// check_untrusted_text -> nesting depth -> JSON syntax -> top level is an object.
ParsedJson parse_untrusted_json(std::string_view bytes, std::size_t max_bytes, int max_depth);

struct Envelope {
    std::string format;                // value of "format" ("" when absent or not a string)
    int version = 0;                   // value of "formatVersion" when error is empty
    std::optional<ImportError> error;  // MissingVersion, InvalidVersion or NewerVersion
};

// Reads "format" and "formatVersion"; `what` names the kind of file in messages
// ("map", "template"), `newest` is the newest version this build reads.
Envelope read_envelope(const nlohmann::json& root, std::string_view what, int newest);

std::string_view type_phrase(const nlohmann::json& value);       // "a string", "an array", ... for messages
std::string at_path(std::string_view message, const std::string& path);  // "message (at /a/0)", or message when path is ""
ImportError field_error(ImportErrorCode code, std::string_view message, std::string path);  // error with the path appended to the message

}  // namespace ecomap::detail
