// ecomap core: the map file inside a PNG image, so an exported picture re-opens in ecomap.
//
// The map is stored in an iTXt chunk (PNG 1.2, 11.3.4.5) with keyword "ecomap",
// uncompressed, no language tag, placed just before IEND. Reading validates the
// signature, every chunk's length and CRC-32, and never trusts a length.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace ecomap {

inline constexpr std::string_view kPngSignature = "\x89PNG\r\n\x1a\n";  // the first 8 bytes of every PNG
inline constexpr std::string_view kPngKeyword = "ecomap";               // keyword of our iTXt chunk

bool is_png(std::string_view bytes);  // true when the bytes start with the PNG signature

// `png` with an iTXt chunk "ecomap" holding `json` inserted before IEND (an older
// "ecomap" chunk is removed). "" when `png` is not a well-formed PNG (bad signature,
// length or CRC, no IEND).
std::string embed_document_in_png(std::string_view png, std::string_view json);

// The text of the "ecomap" iTXt chunk; nullopt when the PNG is damaged or has none.
std::optional<std::string> document_from_png(std::string_view png);

struct PngScan {
    bool well_formed = false;              // signature, chunk lengths and CRCs are right, IEND found
    std::optional<std::string> document;   // text of the uncompressed "ecomap" iTXt chunk
    std::string problem;                   // why it is not well formed, e.g. "chunk 3 (IDAT) has a wrong CRC"
};
PngScan scan_png(std::string_view png);   // document_from_png with the reason when it fails

std::uint32_t crc32(std::string_view bytes);  // CRC-32 (ISO 3309 / PNG), e.g. crc32("IEND") == 0xAE426082

}  // namespace ecomap
