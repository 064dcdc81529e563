// ecomap core: zlib_compress (see deflate.hpp).
#include "core/deflate.hpp"

#define STB_IMAGE_WRITE_STATIC  // private to this file: the PNG writer defines its own copy
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb/stb_image_write.h>

namespace ecomap {

std::string zlib_compress(std::string_view bytes) {
    int length = 0;
    unsigned char* data = stbi_zlib_compress(reinterpret_cast<unsigned char*>(const_cast<char*>(bytes.data())),
                                             static_cast<int>(bytes.size()), &length, 8);
    if (!data) return {};
    std::string out(reinterpret_cast<const char*>(data), static_cast<std::size_t>(length));
    STBIW_FREE(data);
    return out;
}

}  // namespace ecomap
