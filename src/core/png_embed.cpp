// ecomap core: the map file inside a PNG image (see png_embed.hpp).
#include "core/png_embed.hpp"

#include <array>

namespace ecomap {

namespace {

constexpr std::array<std::uint32_t, 256> crc_table() {
    std::array<std::uint32_t, 256> table{};
    for (std::uint32_t n = 0; n < 256; ++n) {
        std::uint32_t c = n;
        for (int k = 0; k < 8; ++k) c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[n] = c;
    }
    return table;
}

constexpr std::array<std::uint32_t, 256> kCrcTable = crc_table();

std::uint32_t read_u32(std::string_view bytes, std::size_t at) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at])) << 24 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 16 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 2])) << 8 |
           static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 3]));
}

void append_u32(std::string& out, std::uint32_t value) {
    for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((value >> shift) & 0xFFu);
}

struct Chunk {
    std::size_t start = 0;      // offset of the length field
    std::size_t end = 0;        // offset just past the CRC
    std::string_view type;      // 4 bytes
    std::string_view data;
};

// The text of an iTXt chunk's data when its keyword is "ecomap" and it is uncompressed.
std::optional<std::string> ecomap_text(std::string_view data) {
    const std::size_t keyword_end = data.find('\0');
    if (keyword_end == std::string_view::npos || data.substr(0, keyword_end) != kPngKeyword) return std::nullopt;
    std::size_t at = keyword_end + 1;
    if (data.size() < at + 2 || data[at] != '\0') return std::nullopt;  // compressed text is not ours
    at += 2;                                                             // compression flag and method
    for (int field = 0; field < 2; ++field) {                            // language tag, translated keyword
        const std::size_t zero = data.find('\0', at);
        if (zero == std::string_view::npos) return std::nullopt;
        at = zero + 1;
    }
    return std::string(data.substr(at));
}

// Walks the chunks; calls `visit(chunk)` for each well-formed one up to IEND.
template <class Visit>
PngScan walk(std::string_view png, Visit visit) {
    PngScan scan;
    if (!is_png(png)) {
        scan.problem = "it does not start with the PNG signature";
        return scan;
    }
    std::size_t at = kPngSignature.size();
    for (int number = 1;; ++number) {
        if (png.size() - at < 12) {
            scan.problem = "it ends inside chunk " + std::to_string(number) + " (no IEND chunk)";
            return scan;
        }
        const std::uint32_t length = read_u32(png, at);
        if (length > 0x7FFFFFFFu || length > png.size() - at - 12) {
            scan.problem = "chunk " + std::to_string(number) + " is longer than the file";
            return scan;
        }
        Chunk chunk{at, at + 12 + length, png.substr(at + 4, 4), png.substr(at + 8, length)};
        for (char c : chunk.type) {
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                scan.problem = "chunk " + std::to_string(number) + " has an invalid type";
                return scan;
            }
        }
        if (crc32(png.substr(at + 4, 4 + length)) != read_u32(png, at + 8 + length)) {
            scan.problem = "chunk " + std::to_string(number) + " (" + std::string(chunk.type) + ") has a wrong CRC";
            return scan;
        }
        if (chunk.type == "iTXt" && !scan.document) scan.document = ecomap_text(chunk.data);
        visit(chunk);
        at = chunk.end;
        if (chunk.type == "IEND") {
            scan.well_formed = true;
            return scan;
        }
    }
}

}  // namespace

std::uint32_t crc32(std::string_view bytes) {
    std::uint32_t c = 0xFFFFFFFFu;
    for (const char byte : bytes) c = kCrcTable[(c ^ static_cast<unsigned char>(byte)) & 0xFFu] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

bool is_png(std::string_view bytes) { return bytes.substr(0, kPngSignature.size()) == kPngSignature; }

PngScan scan_png(std::string_view png) {
    PngScan scan = walk(png, [](const Chunk&) {});
    if (!scan.well_formed) scan.document.reset();
    return scan;
}

std::optional<std::string> document_from_png(std::string_view png) { return scan_png(png).document; }

std::string embed_document_in_png(std::string_view png, std::string_view json) {
    if (json.size() > 0x7FFFFFFFu - 64) return {};  // a chunk holds less than 2 GiB
    std::string out(kPngSignature);
    const PngScan scan = walk(png, [&](const Chunk& chunk) {
        if (chunk.type == "iTXt" && ecomap_text(chunk.data)) return;  // replaced by ours
        if (chunk.type == "IEND") {
            std::string body = "iTXt";
            body += kPngKeyword;
            body += std::string("\0\0\0\0\0", 5);  // keyword end, uncompressed, method, no language, no translation
            body += json;
            append_u32(out, static_cast<std::uint32_t>(body.size() - 4));
            out += body;
            append_u32(out, crc32(body));
        }
        out.append(png.substr(chunk.start, chunk.end - chunk.start));
    });
    return scan.well_formed ? out : std::string();
}

}  // namespace ecomap
