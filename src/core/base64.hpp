// ecomap core: base64 (RFC 4648, standard alphabet, with padding), used to embed the map
// file inside exported images where no escaping may touch it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ecomap {

std::string base64_encode(std::string_view bytes);  // padded, no line breaks
std::optional<std::string> base64_decode(std::string_view text);  // ASCII whitespace ignored; nullopt on any other
                                                                    // non-alphabet character or bad length/padding

}  // namespace ecomap
