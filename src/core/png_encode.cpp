// ecomap core: a fast PNG encoder for rendered maps (see png_encode.hpp).
#include "core/png_encode.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <queue>
#include <string_view>
#include <utility>
#include <vector>

#include "core/png_embed.hpp"

namespace ecomap {
namespace {

constexpr int kLitLenSymbols = 286;  // 0-255 bytes, 256 end of block, 257-285 lengths
constexpr int kDistSymbols = 30;
constexpr int kMaxMatch = 258;
constexpr int kMinMatch = 3;
constexpr std::size_t kBlockTokens = 1u << 17;  // a new block (new codes) after this many tokens, at a row's end

constexpr std::array<int, 29> kLengthBase = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                             31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr std::array<int, 29> kLengthExtra = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                              2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr std::array<int, 30> kDistBase = {1,   2,   3,   4,   5,   7,    9,    13,   17,   25,   33,   49,   65,    97,    129,
                                           193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr std::array<int, 30> kDistExtra = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                            6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
constexpr std::array<int, 19> kCodeLengthOrder = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

struct LengthCode {
    std::uint16_t symbol = 0;
    std::uint8_t extra_bits = 0;
    std::uint16_t extra = 0;
};

struct LengthTable {
    std::array<LengthCode, kMaxMatch + 1> codes{};
    LengthTable() {
        for (int length = kMinMatch; length <= kMaxMatch; ++length) {
            int code = 28;
            while (kLengthBase[static_cast<std::size_t>(code)] > length) --code;
            const auto c = static_cast<std::size_t>(code);
            codes[static_cast<std::size_t>(length)] = {static_cast<std::uint16_t>(257 + code),
                                                       static_cast<std::uint8_t>(kLengthExtra[c]),
                                                       static_cast<std::uint16_t>(length - kLengthBase[c])};
        }
    }
};

LengthCode distance_code(int distance) {
    int code = 29;
    while (kDistBase[static_cast<std::size_t>(code)] > distance) --code;
    const auto c = static_cast<std::size_t>(code);
    return {static_cast<std::uint16_t>(code), static_cast<std::uint8_t>(kDistExtra[c]),
            static_cast<std::uint16_t>(distance - kDistBase[c])};
}

class BitWriter {
public:
    explicit BitWriter(std::string& out) : out_(out) {}
    void put(std::uint32_t value, int count) {  // count <= 32, LSB first
        bits_ |= static_cast<std::uint64_t>(value) << count_;
        count_ += count;
        if (count_ >= 32) {
            char bytes[4];
            for (int i = 0; i < 4; ++i) bytes[i] = static_cast<char>((bits_ >> (8 * i)) & 0xFFu);
            out_.append(bytes, 4);
            bits_ >>= 32;
            count_ -= 32;
        }
    }
    void finish() {  // pads the last byte with zeros
        while (count_ > 0) {
            out_ += static_cast<char>(bits_ & 0xFFu);
            bits_ >>= 8;
            count_ -= 8;
        }
        bits_ = 0;
        count_ = 0;
    }

private:
    std::string& out_;
    std::uint64_t bits_ = 0;
    int count_ = 0;
};

// Huffman code lengths for `freq`, none longer than `limit`; every used symbol gets a code,
// and at least two symbols do (a complete code).
std::vector<std::uint8_t> code_lengths(std::vector<std::uint32_t> freq, int limit) {
    const std::size_t n = freq.size();
    std::vector<std::uint8_t> lengths(n, 0);
    int used = 0;
    for (std::uint32_t f : freq) used += f > 0 ? 1 : 0;
    for (std::size_t s = 0; used < 2 && s < n; ++s) {
        if (freq[s] == 0) {
            freq[s] = 1;
            ++used;
        }
    }
    for (;;) {
        using Node = std::pair<std::uint64_t, int>;  // weight, node
        std::priority_queue<Node, std::vector<Node>, std::greater<>> queue;
        std::vector<int> parent(2 * n, -1);
        for (std::size_t s = 0; s < n; ++s)
            if (freq[s] > 0) queue.push({freq[s], static_cast<int>(s)});
        int next = static_cast<int>(n);
        while (queue.size() > 1) {
            const Node a = queue.top();
            queue.pop();
            const Node b = queue.top();
            queue.pop();
            parent[static_cast<std::size_t>(a.second)] = next;
            parent[static_cast<std::size_t>(b.second)] = next;
            queue.push({a.first + b.first, next++});
        }
        int longest = 0;
        for (std::size_t s = 0; s < n; ++s) {
            if (freq[s] == 0) continue;
            int depth = 0;
            for (int at = parent[s]; at >= 0; at = parent[static_cast<std::size_t>(at)]) ++depth;
            lengths[s] = static_cast<std::uint8_t>(std::min(depth, 255));
            longest = std::max(longest, depth);
        }
        if (longest <= limit) return lengths;
        for (std::uint32_t& f : freq)
            if (f > 0) f = (f >> 1) | 1u;  // flatter weights, shorter longest code
    }
}

// Canonical codes for `lengths`, bit-reversed for the LSB-first writer.
std::vector<std::uint16_t> canonical_codes(const std::vector<std::uint8_t>& lengths) {
    std::array<int, 16> count{};
    for (std::uint8_t l : lengths) ++count[l];
    count[0] = 0;
    std::array<int, 16> next{};
    int code = 0;
    for (std::size_t bits = 1; bits < 16; ++bits) {
        code = (code + count[bits - 1]) << 1;
        next[bits] = code;
    }
    std::vector<std::uint16_t> codes(lengths.size(), 0);
    for (std::size_t s = 0; s < lengths.size(); ++s) {
        const int l = lengths[s];
        if (l == 0) continue;
        int value = next[static_cast<std::size_t>(l)]++;
        int reversed = 0;
        for (int i = 0; i < l; ++i, value >>= 1) reversed = (reversed << 1) | (value & 1);
        codes[s] = static_cast<std::uint16_t>(reversed);
    }
    return codes;
}

// A token: a literal byte (< 256), or a match: bit 31 set, length in bits 8-16, distance kind in bit 0.
constexpr std::uint32_t kMatch = 1u << 31;

class Deflater {
public:
    Deflater(std::string& out, std::array<LengthCode, 2> distances) : bits_(out), distances_(distances) {}

    void literal(std::uint8_t byte) { tokens_.push_back(byte); }
    void match(int length, int kind) {
        tokens_.push_back(kMatch | static_cast<std::uint32_t>(length) << 8 | static_cast<std::uint32_t>(kind));
    }
    bool block_full() const { return tokens_.size() >= kBlockTokens; }

    void flush_block(bool last) {
        static const LengthTable table;
        std::vector<std::uint32_t> lit_freq(kLitLenSymbols, 0), dist_freq(kDistSymbols, 0);
        for (std::uint32_t t : tokens_) {
            if ((t & kMatch) == 0) {
                ++lit_freq[t];
            } else {
                ++lit_freq[table.codes[(t >> 8) & 0x1FFu].symbol];
                ++dist_freq[distances_[t & 1u].symbol];
            }
        }
        lit_freq[256] = 1;
        const std::vector<std::uint8_t> lit_len = code_lengths(lit_freq, 15);
        const std::vector<std::uint8_t> dist_len = code_lengths(dist_freq, 15);
        const std::vector<std::uint16_t> lit_code = canonical_codes(lit_len);
        const std::vector<std::uint16_t> dist_code = canonical_codes(dist_len);

        // The header: the code lengths, each coded with the code length code (no run-length symbols).
        std::size_t nlit = kLitLenSymbols, ndist = kDistSymbols;
        while (nlit > 257 && lit_len[nlit - 1] == 0) --nlit;
        while (ndist > 1 && dist_len[ndist - 1] == 0) --ndist;
        std::vector<std::uint8_t> all(lit_len.begin(), lit_len.begin() + static_cast<std::ptrdiff_t>(nlit));
        all.insert(all.end(), dist_len.begin(), dist_len.begin() + static_cast<std::ptrdiff_t>(ndist));
        std::vector<std::uint32_t> cl_freq(19, 0);
        for (std::uint8_t l : all) ++cl_freq[l];
        const std::vector<std::uint8_t> cl_len = code_lengths(cl_freq, 7);
        const std::vector<std::uint16_t> cl_code = canonical_codes(cl_len);
        std::size_t nclen = 19;
        while (nclen > 4 && cl_len[static_cast<std::size_t>(kCodeLengthOrder[nclen - 1])] == 0) --nclen;

        bits_.put(last ? 1u : 0u, 1);
        bits_.put(2, 2);  // dynamic Huffman codes
        bits_.put(static_cast<std::uint32_t>(nlit - 257), 5);
        bits_.put(static_cast<std::uint32_t>(ndist - 1), 5);
        bits_.put(static_cast<std::uint32_t>(nclen - 4), 4);
        for (std::size_t i = 0; i < nclen; ++i) bits_.put(cl_len[static_cast<std::size_t>(kCodeLengthOrder[i])], 3);
        for (std::uint8_t l : all) bits_.put(cl_code[l], cl_len[l]);

        for (std::uint32_t t : tokens_) {
            if ((t & kMatch) == 0) {
                bits_.put(lit_code[t], lit_len[t]);
                continue;
            }
            const LengthCode& length = table.codes[(t >> 8) & 0x1FFu];
            bits_.put(lit_code[length.symbol], lit_len[length.symbol]);
            if (length.extra_bits > 0) bits_.put(length.extra, length.extra_bits);
            const LengthCode& distance = distances_[t & 1u];
            bits_.put(dist_code[distance.symbol], dist_len[distance.symbol]);
            if (distance.extra_bits > 0) bits_.put(distance.extra, distance.extra_bits);
        }
        bits_.put(lit_code[256], lit_len[256]);
        if (last) bits_.finish();
        tokens_.clear();
    }

private:
    BitWriter bits_;
    std::array<LengthCode, 2> distances_;  // 0: the pixel to the left, 1: the pixel above
    std::vector<std::uint32_t> tokens_;
};

int common_length(const std::uint8_t* a, const std::uint8_t* b, int most) {
    int n = 0;
    while (n + 4 <= most) {
        std::uint32_t x = 0, y = 0;
        std::memcpy(&x, a + n, 4);
        std::memcpy(&y, b + n, 4);
        if (x != y) break;
        n += 4;
    }
    while (n < most && a[n] == b[n]) ++n;
    return n;
}

class Adler32 {
public:
    void add(const std::uint8_t* bytes, std::size_t size) {
        while (size > 0) {
            const std::size_t chunk = std::min<std::size_t>(size, 5552);  // no overflow before the modulo
            for (std::size_t i = 0; i < chunk; ++i) {
                a_ += bytes[i];
                b_ += a_;
            }
            a_ %= 65521u;
            b_ %= 65521u;
            bytes += chunk;
            size -= chunk;
        }
    }
    std::uint32_t value() const { return b_ << 16 | a_; }

private:
    std::uint32_t a_ = 1, b_ = 0;
};

void append_u32(std::string& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((value >> shift) & 0xFFu);
}

void append_chunk(std::string& out, std::string_view type, std::string_view data) {
    append_u32(out, static_cast<std::uint32_t>(data.size()));
    const std::size_t start = out.size();
    out += type;
    out += data;
    append_u32(out, crc32(std::string_view(out).substr(start)));
}

}  // namespace

std::string encode_png_rgba(const std::uint8_t* rgba, int width, int height, bool bottom_up) {
    if (rgba == nullptr || width < 1 || height < 1 || width > 65535 || height > 65535) return {};
    const std::size_t row = static_cast<std::size_t>(width) * 4;
    if (row * static_cast<std::size_t>(height) > 0x7FFFFFFFu) return {};

    std::string header;
    append_u32(header, static_cast<std::uint32_t>(width));
    append_u32(header, static_cast<std::uint32_t>(height));
    header += std::string("\x08\x06\x00\x00\x00", 5);  // 8 bits, RGBA, deflate, no filter method, not interlaced

    std::string idat = "\x78\x01";  // zlib: deflate, 32 KB window, no dictionary
    idat.reserve(row * static_cast<std::size_t>(height) / 8);
    const std::size_t stride = row + 1;  // a row and its filter type byte: the distance to the pixel above
    const bool above = stride <= 32768;
    Deflater deflater(idat, {distance_code(4), distance_code(above ? static_cast<int>(stride) : 1)});
    Adler32 adler;
    const int bytes = static_cast<int>(row);
    const auto line_at = [&](int y) { return rgba + row * static_cast<std::size_t>(bottom_up ? height - 1 - y : y); };
    for (int y = 0; y < height; ++y) {
        const std::uint8_t* line = line_at(y);
        const std::uint8_t* previous = y > 0 && above ? line_at(y - 1) : nullptr;
        const std::uint8_t none = 0;
        adler.add(&none, 1);
        adler.add(line, row);
        deflater.literal(0);  // filter type: none
        for (int x = 0; x < bytes;) {
            const int most = std::min(kMaxMatch, bytes - x);
            int best = 0, kind = 0;
            if (x >= 4) best = common_length(line + x, line + x - 4, most);
            if (previous != nullptr && best < most) {
                const int up = common_length(line + x, previous + x, most);
                if (up > best) {
                    best = up;
                    kind = 1;
                }
            }
            if (best >= kMinMatch) {
                deflater.match(best, kind);
                x += best;
            } else {
                deflater.literal(line[x]);
                ++x;
            }
        }
        if (deflater.block_full() && y + 1 < height) deflater.flush_block(false);
    }
    deflater.flush_block(true);
    append_u32(idat, adler.value());

    std::string png(kPngSignature);
    png.reserve(idat.size() + 128);
    append_chunk(png, "IHDR", header);
    append_chunk(png, "IDAT", idat);
    append_chunk(png, "IEND", "");
    return png;
}

}  // namespace ecomap
