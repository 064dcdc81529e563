// ecomap core: base64 (see base64.hpp).
#include "core/base64.hpp"

#include <array>
#include <cstdint>

namespace ecomap {

namespace {

constexpr std::string_view kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// Value of each byte in the alphabet; -1 for bytes outside it.
constexpr std::array<int, 256> decode_table() {
    std::array<int, 256> table{};
    for (int& value : table) value = -1;
    for (std::size_t i = 0; i < kAlphabet.size(); ++i) table[static_cast<unsigned char>(kAlphabet[i])] = static_cast<int>(i);
    return table;
}

constexpr std::array<int, 256> kDecode = decode_table();

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

std::string base64_encode(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const std::uint32_t n = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16 |
                                static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8 |
                                static_cast<unsigned char>(bytes[i + 2]);
        for (int shift = 18; shift >= 0; shift -= 6) out += kAlphabet[(n >> shift) & 63u];
    }
    const std::size_t rest = bytes.size() - i;
    if (rest > 0) {
        std::uint32_t n = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i])) << 16;
        if (rest == 2) n |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8;
        out += kAlphabet[(n >> 18) & 63u];
        out += kAlphabet[(n >> 12) & 63u];
        out += rest == 2 ? kAlphabet[(n >> 6) & 63u] : '=';
        out += '=';
    }
    return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size() / 4 * 3);
    std::uint32_t bits = 0;
    int count = 0;    // sextets in `bits`
    int padding = 0;  // '=' seen
    std::size_t symbols = 0;
    for (const char c : text) {
        if (is_space(c)) continue;
        ++symbols;
        if (c == '=') {
            ++padding;
            continue;
        }
        const int value = kDecode[static_cast<unsigned char>(c)];
        if (value < 0 || padding > 0) return std::nullopt;  // not base64, or data after padding
        bits = (bits << 6) | static_cast<std::uint32_t>(value);
        if (++count == 4) {
            out += static_cast<char>((bits >> 16) & 0xFFu);
            out += static_cast<char>((bits >> 8) & 0xFFu);
            out += static_cast<char>(bits & 0xFFu);
            bits = 0;
            count = 0;
        }
    }
    if (symbols % 4 != 0 || padding > 2 || (padding > 0 && count + padding != 4)) return std::nullopt;
    if (count == 2) out += static_cast<char>((bits >> 4) & 0xFFu);
    if (count == 3) {
        out += static_cast<char>((bits >> 10) & 0xFFu);
        out += static_cast<char>((bits >> 2) & 0xFFu);
    }
    if (count == 1) return std::nullopt;
    return out;
}

}  // namespace ecomap
