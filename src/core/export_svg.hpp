// ecomap core: the map as an SVG image, a pure function of the document and options.
//
// The image is drawn from the core geometry (geometry.hpp) in map units: the centre
// disc with the cause and values as real text, one annular sector per role (a light
// tint of the role colour with a solid outer rim, thin white gaps between sectors), the
// role names outside the ring, the links, the tokens (person = circle, organization =
// rounded square, network = hexagon; primary = solid, secondary = pale fill with a solid
// outline, aspiring = white with a dashed outline) with their names, optional dot votes
// on the rim, an optional title above and the framework's attribution line at the
// bottom-right corner. A role whose tokens would be too small to read at the image's
// size (core/crowding.hpp) shows a card with its counts instead. All text is XML-escaped;
// invalid UTF-8 becomes U+FFFD. Colours, glyphs, link styles, names and role-name
// placement come from look.hpp, which the screen and the PNG export read too.
//
// The map file (export_json) is embedded, base64-encoded, so the image re-opens through
// import_document:
//   <metadata><ecomap:document xmlns:ecomap="https://ecomap.invalid/ns">BASE64</ecomap:document></metadata>
// With the facilitator's "hide names" switch on, pass hide_names(document) (anonymize.hpp).
#pragma once

#include "core/model.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace ecomap {

inline constexpr std::string_view kSvgFontStack = "Inter, 'Noto Sans', 'DejaVu Sans', Arial, sans-serif";  // every text
inline constexpr double kSvgPxPerUnit = 0.5;  // the image's width and height: CSS px per map unit
inline constexpr std::string_view kSvgDocumentNamespace = "https://ecomap.invalid/ns";  // xmlns of <ecomap:document>

struct SvgOptions {
    bool title = false;           // draw the map's title above the ring
    bool transparent = false;     // no background (else white)
    bool votes = true;            // dot votes on the rim: one dot per vote up to 20, then a number
    bool embed_document = true;   // embed the map file so the image re-opens in ecomap
    double drawn_width = 0;       // px the image will be drawn at (a PNG's width); 0: its width attribute.
                                  // Roles whose tokens would be under 6 px there show their counts instead
};

std::string export_svg(const Document& document, const SvgOptions& options = {});  // the SVG file, UTF-8; byte-stable

std::string xml_escape(std::string_view text);

struct SvgDocument {
    bool found = false;                 // the SVG has an <ecomap:document> element
    std::optional<std::string> json;    // its content, base64-decoded; nullopt when not valid base64
};
SvgDocument document_from_svg(std::string_view svg);  // the map embedded by export_svg; never throws  // & < > " ' escaped, control characters dropped, bad UTF-8 -> U+FFFD

}  // namespace ecomap
