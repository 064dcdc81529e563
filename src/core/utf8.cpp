// ecomap core (internal): UTF-8 text helpers.
#include "core/utf8.hpp"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <cmath>

namespace ecomap::text {

namespace {

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

// Length of the well-formed UTF-8 sequence starting at bytes[i], or 0 when ill-formed
// (overlong forms, surrogates and code points past U+10FFFF are ill-formed).
std::size_t sequence_length(std::string_view bytes, std::size_t i) {
    const auto at = [&](std::size_t k) { return static_cast<unsigned char>(bytes[k]); };
    const unsigned char lead = at(i);
    const std::size_t left = bytes.size() - i;
    if (lead < 0x80) return 1;
    if (lead >= 0xC2 && lead <= 0xDF) return left >= 2 && is_continuation(at(i + 1)) ? 2 : 0;
    if (lead >= 0xE0 && lead <= 0xEF) {
        if (left < 3 || !is_continuation(at(i + 1)) || !is_continuation(at(i + 2))) return 0;
        if (lead == 0xE0 && at(i + 1) < 0xA0) return 0;   // overlong
        if (lead == 0xED && at(i + 1) >= 0xA0) return 0;  // surrogate
        return 3;
    }
    if (lead >= 0xF0 && lead <= 0xF4) {
        if (left < 4 || !is_continuation(at(i + 1)) || !is_continuation(at(i + 2)) ||
            !is_continuation(at(i + 3)))
            return 0;
        if (lead == 0xF0 && at(i + 1) < 0x90) return 0;   // overlong
        if (lead == 0xF4 && at(i + 1) >= 0x90) return 0;  // past U+10FFFF
        return 4;
    }
    return 0;
}

}  // namespace

std::optional<std::size_t> first_invalid_utf8(std::string_view bytes) {
    for (std::size_t i = 0; i < bytes.size();) {
        // ASCII runs (most of any map) 8 bytes at a time.
        while (i + 8 <= bytes.size()) {
            std::uint64_t word;
            std::memcpy(&word, bytes.data() + i, 8);
            if ((word & 0x8080808080808080ull) != 0) break;
            i += 8;
        }
        if (i >= bytes.size()) break;
        const std::size_t length = sequence_length(bytes, i);
        if (length == 0) return i;
        i += length;
    }
    return std::nullopt;
}

std::string make_valid_utf8(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size());
    for (std::size_t i = 0; i < bytes.size();) {
        const std::size_t length = sequence_length(bytes, i);
        if (length == 0) {
            out += "\xEF\xBF\xBD";
            ++i;
        } else {
            out.append(bytes.substr(i, length));
            i += length;
        }
    }
    return out;
}

std::u32string code_points(std::string_view bytes) {
    std::u32string out;
    out.reserve(bytes.size());
    for (std::size_t i = 0; i < bytes.size();) {
        const std::size_t length = sequence_length(bytes, i);
        if (length == 0) {
            out += U'\uFFFD';
            ++i;
            continue;
        }
        static constexpr unsigned char kLeadMask[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
        char32_t c = static_cast<unsigned char>(bytes[i]) & kLeadMask[length];
        for (std::size_t k = 1; k < length; ++k) c = c << 6 | (static_cast<unsigned char>(bytes[i + k]) & 0x3F);
        out += c;
        i += length;
    }
    return out;
}

std::string to_utf8(std::u32string_view code_points) {
    std::string out;
    out.reserve(code_points.size());
    for (const char32_t c : code_points) {
        const auto byte = [&](unsigned value) { out += static_cast<char>(value); };
        if (c < 0x80) byte(c);
        else if (c < 0x800) byte(0xC0 | c >> 6), byte(0x80 | (c & 0x3F));
        else if (c < 0x10000) byte(0xE0 | c >> 12), byte(0x80 | (c >> 6 & 0x3F)), byte(0x80 | (c & 0x3F));
        else byte(0xF0 | c >> 18), byte(0x80 | (c >> 12 & 0x3F)), byte(0x80 | (c >> 6 & 0x3F)), byte(0x80 | (c & 0x3F));
    }
    return out;
}

std::size_t code_point_count(std::string_view utf8) {
    std::size_t count = 0;
    for (char c : utf8) count += is_continuation(static_cast<unsigned char>(c)) ? 0 : 1;
    return count;
}

std::string truncate_code_points(std::string_view utf8, std::size_t max_code_points) {
    std::size_t seen = 0;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        if (is_continuation(static_cast<unsigned char>(utf8[i]))) continue;
        if (seen == max_code_points) return std::string(utf8.substr(0, i));
        ++seen;
    }
    return std::string(utf8);
}

LineColumn line_column_at(std::string_view bytes, std::size_t offset) {
    LineColumn position;
    const std::size_t end = offset < bytes.size() ? offset : bytes.size();
    for (std::size_t i = 0; i < end; ++i) {
        const auto byte = static_cast<unsigned char>(bytes[i]);
        if (byte == '\n') {
            ++position.line;
            position.column = 1;
        } else if (!is_continuation(byte)) {
            ++position.column;
        }
    }
    return position;
}

std::string pointer_token(std::string_view key) {
    std::string token;
    token.reserve(key.size());
    for (char c : key) {
        if (c == '~') token += "~0";
        else if (c == '/') token += "~1";
        else token += c;
    }
    return token;
}

std::string quoted_excerpt(std::string_view value, std::size_t max_code_points) {
    std::string shown = truncate_code_points(value, max_code_points);
    if (shown.size() < value.size()) shown += "...";
    for (char& c : shown) {
        if (static_cast<unsigned char>(c) < 0x20) c = ' ';  // keep messages on one line
    }
    return "\"" + shown + "\"";
}

std::string trimmed(std::string_view text) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!text.empty() && space(text.front())) text.remove_prefix(1);
    while (!text.empty() && space(text.back())) text.remove_suffix(1);
    return std::string(text);
}

std::string folded(std::string_view text) {
    std::string out = trimmed(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

std::string decimal(double value, int places) {
    if (!std::isfinite(value)) return "0";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", places, value);
    std::string out = buffer;
    if (out.find('.') != std::string::npos) {
        while (out.back() == '0') out.pop_back();
        if (out.back() == '.') out.pop_back();
    }
    if (out == "-0") out = "0";
    return out;
}

std::string human_size(std::uintmax_t bytes) {
    if (bytes < 1024) return std::to_string(bytes) + " bytes";
    char buffer[32];
    const double size = static_cast<double>(bytes);
    if (bytes < 1024 * 1024) std::snprintf(buffer, sizeof buffer, "%.1f KiB", size / 1024.0);
    else std::snprintf(buffer, sizeof buffer, "%.1f MiB", size / (1024.0 * 1024.0));
    return buffer;
}

}  // namespace ecomap::text
