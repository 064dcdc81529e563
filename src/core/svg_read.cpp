// ecomap core: reading the map embedded in an SVG exported by export_svg (see export_svg.hpp).
#include "core/base64.hpp"
#include "core/export_svg.hpp"

namespace ecomap {

SvgDocument document_from_svg(std::string_view svg) {
    SvgDocument out;
    constexpr std::string_view kOpen = "<ecomap:document";
    constexpr std::string_view kClose = "</ecomap:document>";
    const std::size_t open = svg.find(kOpen);
    if (open == std::string_view::npos) return out;
    const std::size_t content = svg.find('>', open + kOpen.size());
    if (content == std::string_view::npos) return out;
    const std::size_t close = svg.find(kClose, content + 1);
    if (close == std::string_view::npos) return out;
    out.found = true;
    out.json = base64_decode(svg.substr(content + 1, close - content - 1));
    return out;
}

}  // namespace ecomap
