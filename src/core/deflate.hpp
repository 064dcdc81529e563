// ecomap core: zlib compression (RFC 1950), for PDF streams. stb_image_write's encoder
// (Debian's libstb-dev), the one the PNG export already uses.
#pragma once

#include <string>
#include <string_view>

namespace ecomap {

std::string zlib_compress(std::string_view bytes);  // zlib stream; decompresses to `bytes`

}  // namespace ecomap
