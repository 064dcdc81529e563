// ecomap core (internal): size, text, nesting, syntax and envelope checks.
#include "core/json_input.hpp"

#include "core/json_tree.hpp"
#include "core/utf8.hpp"

#include <cstdio>

namespace ecomap::detail {

namespace {

ImportError error_at(ImportErrorCode code, std::string message, std::string_view bytes,
                     std::size_t offset) {
    const text::LineColumn position = text::line_column_at(bytes, offset);
    ImportError error{code, std::move(message), "", position.line, position.column};
    error.message += " (line " + std::to_string(position.line) + ", column " +
                     std::to_string(position.column) + ")";
    return error;
}


// The reason in a nlohmann parse_error message: "...while parsing value - <reason>;
// last read: '...'" gives "<reason>", e.g. "unexpected ','; expected string literal".
std::string syntax_reason(std::string_view what) {
    const auto dash = what.find(" - ");
    if (dash == std::string_view::npos) return "unexpected text";
    std::string_view reason = what.substr(dash + 3);
    reason = reason.substr(0, reason.find("; last read"));
    std::string line(reason);
    for (char& c : line) {
        if (static_cast<unsigned char>(c) < 0x20) c = ' ';
    }
    return line;
}

bool only_whitespace(std::string_view bytes) {
    return bytes.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

}  // namespace

// Byte offset where nesting first exceeds max_depth, or nullopt. Brackets inside
// strings do not count. Runs before parsing so deep input never reaches a recursive
// algorithm.
std::optional<std::size_t> too_deep_at(std::string_view bytes, int max_depth) {
    int depth = 0;
    bool in_string = false;
    bool escaped = false;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_depth) return i;
        } else if ((c == ']' || c == '}') && depth > 0) {
            --depth;
        }
    }
    return std::nullopt;
}

std::optional<ImportError> too_large(std::size_t size, std::size_t max_bytes) {
    if (size <= max_bytes) return std::nullopt;
    return ImportError{ImportErrorCode::TooLarge,
                       "the file is " + text::human_size(size) + "; the limit is " + text::human_size(max_bytes), "", 0, 0};
}

std::optional<ImportError> check_untrusted_text(std::string_view bytes, std::size_t max_bytes) {
    if (auto error = too_large(bytes.size(), max_bytes)) return error;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);  // UTF-8 byte order mark
    if (only_whitespace(bytes)) return ImportError{ImportErrorCode::Empty, "the file is empty", "", 0, 0};
    if (const auto nul = bytes.find('\0'); nul != std::string_view::npos)
        return error_at(ImportErrorCode::NotText, "this is not a text file: it contains a NUL byte", bytes, nul);
    if (const auto bad = text::first_invalid_utf8(bytes)) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02x", static_cast<unsigned>(static_cast<unsigned char>(bytes[*bad])));
        return error_at(ImportErrorCode::NotText, std::string("this is not a UTF-8 text file: invalid byte ") + hex,
                        bytes, *bad);
    }
    return std::nullopt;
}

ParsedJson parse_untrusted_json(std::string_view bytes, std::size_t max_bytes, int max_depth) {
    ParsedJson parsed;
    if (auto error = check_untrusted_text(bytes, max_bytes)) {
        parsed.error = std::move(error);
        return parsed;
    }
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    if (const auto deep = too_deep_at(bytes, max_depth)) {
        parsed.error = error_at(ImportErrorCode::TooDeep,
                                "the file nests lists and objects more than " +
                                    std::to_string(max_depth) + " levels deep",
                                bytes, *deep);
        return parsed;
    }
    try {
        // Well-formed JSON through the fast reader; anything else through nlohmann's
        // parser, for the same value or the error with its message and position.
        if (!fast_parse_json(bytes, parsed.value)) parsed.value = nlohmann::json::parse(bytes.begin(), bytes.end());
    } catch (const nlohmann::json::parse_error& e) {
        // e.byte is the 1-based index of the byte where parsing stopped.
        const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
        const bool at_end = e.byte >= bytes.size();
        parsed.error = error_at(ImportErrorCode::Syntax,
                                "the file is not valid JSON: " +
                                    (at_end ? std::string("it ends too early") : syntax_reason(e.what())),
                                bytes, offset);
        return parsed;
    } catch (const nlohmann::json::out_of_range& e) {
        // Numbers past the range of a double ("1e400"); e.what() ends with "parsing '<number>'".
        const std::string_view what = e.what();
        const auto quote = what.find("parsing '");
        const std::string_view number =
            quote == std::string_view::npos ? std::string_view{} : what.substr(quote + 9, what.size() - quote - 10);
        const auto offset = number.empty() ? std::string_view::npos : bytes.find(number);
        const std::string message = "the file is not valid JSON: a number is too large";
        parsed.error = offset == std::string_view::npos ? ImportError{ImportErrorCode::Syntax, message, "", 0, 0}
                                                        : error_at(ImportErrorCode::Syntax, message, bytes, offset);
        return parsed;
    }
    if (!parsed.value.is_object()) {
        parsed.error = ImportError{ImportErrorCode::NotAnObject,
                                   "expected a JSON object at the top level, found " +
                                       std::string(type_phrase(parsed.value)),
                                   "", 0, 0};
    }
    return parsed;
}

Envelope read_envelope(const nlohmann::json& root, std::string_view what, int newest) {
    Envelope envelope;
    if (const auto format = root.find("format"); format != root.end() && format->is_string())
        envelope.format = format->get<std::string>();
    const auto version = root.find("formatVersion");
    const std::string newest_text = std::to_string(newest);
    if (version == root.end()) {
        envelope.error = field_error(ImportErrorCode::MissingVersion,
                                     "the " + std::string(what) + " has no formatVersion",
                                     "/formatVersion");
    } else if (version->is_number_unsigned()) {
        const auto number = version->get<std::uint64_t>();
        if (number > static_cast<std::uint64_t>(newest)) {
            envelope.error = ImportError{
                ImportErrorCode::NewerVersion,
                "this " + std::string(what) + " was saved by a newer version of ecomap (format " +
                    std::to_string(number) + "); this version reads up to " + newest_text,
                "/formatVersion", 0, 0};
        } else {
            envelope.version = static_cast<int>(number);
        }
    } else {
        const std::string found = version->is_number() ? version->dump()
                                  : version->is_string()
                                      ? text::quoted_excerpt(version->get<std::string>())
                                      : std::string(type_phrase(*version));
        envelope.error = field_error(ImportErrorCode::InvalidVersion,
                                     "formatVersion must be a whole number from 0 to " +
                                         newest_text + ", found " + found,
                                     "/formatVersion");
    }
    return envelope;
}

std::string_view type_phrase(const nlohmann::json& value) {
    switch (value.type()) {
        case nlohmann::json::value_t::null: return "null";
        case nlohmann::json::value_t::object: return "an object";
        case nlohmann::json::value_t::array: return "a list";
        case nlohmann::json::value_t::string: return "text";
        case nlohmann::json::value_t::boolean: return "true/false";
        case nlohmann::json::value_t::number_integer:
        case nlohmann::json::value_t::number_unsigned:
        case nlohmann::json::value_t::number_float: return "a number";
        case nlohmann::json::value_t::binary:
        case nlohmann::json::value_t::discarded: break;
    }
    return "an unreadable value";
}

std::string at_path(std::string_view message, const std::string& path) {
    if (path.empty()) return std::string(message);
    return std::string(message) + " (at " + path + ")";
}

ImportError field_error(ImportErrorCode code, std::string_view message, std::string path) {
    ImportError error{code, at_path(message, path), std::move(path), 0, 0};
    return error;
}

}  // namespace ecomap::detail
