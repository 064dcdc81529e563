// ecomap core: a fast PNG encoder for rendered maps (8-bit RGBA, straight alpha).
//
// A rendered map is mostly flat colour with antialiased edges. Rows are left unfiltered and
// deflated (RFC 1951) with two kinds of match only: the pixels to the left (runs of one
// colour) and the pixels above (rows that repeat), and Huffman codes made for each block.
// That is several times faster than a general deflate (no hash chains) and a little larger.
// Any PNG reader opens the result.
#pragma once

#include <cstdint>
#include <string>

namespace ecomap {

// The PNG file of `rgba` (width * height * 4 bytes, top row first, or bottom row first as
// OpenGL reads them when `bottom_up`); "" when the size is out of range (1..65535 each, at
// most 2^31 bytes of pixels).
std::string encode_png_rgba(const std::uint8_t* rgba, int width, int height, bool bottom_up = false);

}  // namespace ecomap
