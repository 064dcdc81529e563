// ecomap core: the map as a figure, the one drawing behind the SVG and PDF exports.
//
// map_figure() decides everything a printed map shows, in map units (the ring's outer
// radius is 1000, y points down): the ring's bands and the gaps between them, the centre
// disc with the cause and values wrapped to fit, the role names (level, or along the
// radius when there are many roles), dot votes on the rim, links cut at the tokens'
// edges, token shapes with their colours and outlines, names under the tokens, the
// optional title and the attribution line, and the box around all of it. Where a role's
// tokens would be too small to read in the output (crowding.hpp), the role shows a card
// with its counts instead of its tokens, their names and their links. The writers
// (export_svg, export_pdf) only turn it into their format, so both show the same map.
// Colours, glyphs and link styles come from look.hpp, which the screen reads too.
#pragma once

#include "core/geometry.hpp"
#include "core/look.hpp"
#include "core/model.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ecomap {

namespace figure {  // sizes in map units and the colours of text and lines
inline constexpr double kLabelSize = 40;         // role names
inline constexpr double kTitleSize = 60;         // the map's title
inline constexpr double kAttributionSize = 22;   // the attribution line
inline constexpr double kLinkWidth = 3;          // link stroke width
inline constexpr double kCentreStroke = 4;       // the centre disc's outline
inline constexpr double kVoteDotRadius = 12;
inline constexpr double kVoteStroke = 3;         // white outline of vote marks
inline constexpr double kVoteCountSize = 24;     // the number shown instead of many dots
inline constexpr double kNameHalo = 3;           // white halo behind names
inline constexpr double kCountSize = 48;         // a crowded role's token count
inline constexpr double kCountKindSize = 30;     // its count per kind
inline constexpr double kCardStroke = 4;         // the count card's outline (the role's colour)
inline constexpr double kLinkOpacity = 0.85;
inline constexpr const char* kTextColor = "#1C2028";
inline constexpr const char* kLinkColor = "#464C5A";
inline constexpr const char* kMutedColor = "#5A606E";
inline constexpr const char* kCentreOutline = "#8C919E";
}  // namespace figure

enum class TextAnchor { Start, Middle, End };

struct FigureText {
    std::string text;            // valid UTF-8
    double x = 0, y = 0;         // the baseline's anchor point
    double size = 0;             // font size
    TextAnchor anchor = TextAnchor::Start;
    bool strong = false;         // semibold
    double rotation = 0;         // degrees, clockwise, around (pivot_x, pivot_y)
    double pivot_x = 0, pivot_y = 0;
};

struct FigureBand {              // one role's share of the ring between two radii
    double a0 = 0, a1 = 0;       // angles, clockwise from 12 o'clock; a whole annulus when a1 - a0 >= 2π
    double r0 = 0, r1 = 0;
    std::string fill;            // "#RRGGBB"
};

struct FigureSegment {
    Vec2 from, to;
};

struct FigureVote {              // a dot, or a pill with the count when there are too many dots
    Vec2 at;
    bool count = false;
    double width = 0;            // the pill's width (count only)
    std::string text;            // the count (count only)
};

struct FigureLink {
    Vec2 from, to;               // cut at the tokens' edges
    LinkStyle style;
};

struct FigureToken {
    EntityKind kind = EntityKind::Person;
    Vec2 centre;
    double shape_radius = 0;     // see TokenGlyph
    std::string fill, stroke;    // "#RRGGBB"
    double stroke_width = 0;
    double dash = 0, gap = 0;    // dashed outline when dash > 0
};

struct FigureCount {             // a crowded role's card, drawn instead of its tokens (crowding.hpp)
    int role_index = 0;
    double x = 0, y = 0, width = 0, height = 0;  // the card's box
    double corner = 0;           // its corners' radius
    std::string stroke;          // its outline: the role's colour, "#RRGGBB"
    std::vector<FigureText> lines;  // the token count (strong), then the count per kind; centred
};

struct MapFigure {
    RingLayout layout;
    std::vector<std::string> colors;     // per role, "#RRGGBB"
    std::vector<FigureBand> bands;       // tint then rim, per role
    std::vector<FigureSegment> gaps;     // white lines between sectors
    double gap_width = 0;
    std::vector<FigureText> centre;      // the cause (strong) then the values, centred
    std::vector<FigureText> role_labels; // level labels use kLabelSize, semibold
    bool radial_labels = false;
    std::vector<FigureVote> votes;
    std::vector<FigureLink> links;
    std::vector<FigureToken> tokens;
    std::vector<FigureText> names;       // by their tokens (below, above, right or left) where they collide with
                                         // nothing, shortened or left out otherwise; with a white halo
    std::vector<FigureCount> counts;     // crowded roles: a card each instead of their tokens, names and links
    std::optional<FigureText> title;
    std::optional<FigureText> attribution;
    double x = 0, y = 0, width = 0, height = 0;  // the box around everything, margin included
};

struct FigureOptions {
    bool title = false;          // the map's title above the ring
    bool votes = true;           // dot votes on the rim
    std::function<double(std::string_view, double)> measure;  // a text's width at a size; empty: an estimate
    // The output's CSS pixels per map unit for a figure of that width and height (map
    // units). A role whose tokens would be drawn smaller than kReadableTokenPx shows its
    // counts instead (crowding.hpp). Empty: every token is drawn.
    std::function<double(double width, double height)> px_per_unit;
};

MapFigure map_figure(const Document& document, const FigureOptions& options = {});

double estimated_text_width(std::string_view utf8, double size);  // the layout's estimate, in the size's units

}  // namespace ecomap
