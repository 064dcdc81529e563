// ecomap core: names next to tokens without collisions, in the manner of map label
// placement (Mapbox GL's collision index): labels are placed one by one, most important
// first; each tries a few spots around its token (below, above, right, left), then the
// same spots with a shortened text ("…"); a label that still collides with a placed
// label or a token is left out (the screen shows it on hover or when zoomed in). A grid
// index keeps the cost near linear. Units are the caller's (map units for the exports,
// CSS pixels on screen); y points down.
#pragma once

#include "core/model.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace ecomap {

struct LabelRequest {
    std::string text;       // valid UTF-8, as it would be drawn in full
    Vec2 anchor;            // the token's centre
    double clearance = 0;   // distance from the anchor to the label's nearest edge (the token's radius and a gap)
    double size = 0;        // font size: the box is 1.25 × size high
    int priority = 0;       // higher is placed first; ties keep the request order
    bool always = false;    // drawn in full below its token even where it collides (the hovered or selected token)
};

struct LabelBox {
    double x = 0, y = 0, w = 0, h = 0;  // top-left corner and size
    bool overlaps(const LabelBox& other) const;
};

enum class LabelSide { Below, Above, Right, Left };  // where a label sits around its token

struct PlacedLabel {
    std::size_t request = 0;  // index into the requests
    LabelSide side = LabelSide::Below;
    std::string text;         // as drawn: the request's text, or shortened with "…"
    LabelBox box;
    Vec2 baseline;            // where the text starts, on its baseline (left end)
};

struct LabelObstacles {
    std::vector<Vec2> circle_centres;    // tokens: no label may cover them
    std::vector<double> circle_radii;
    std::vector<LabelBox> boxes;         // other text already drawn (role names)
};

using TextWidth = std::function<double(std::string_view text, double size)>;

std::vector<PlacedLabel> place_labels(const std::vector<LabelRequest>& requests, const LabelObstacles& obstacles,
                                      const TextWidth& width);  // in placement order; deterministic

}  // namespace ecomap
