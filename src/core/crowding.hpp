// ecomap core: roles whose tokens are too small to read show how many they hold instead.
//
// Past a density where tokens stop being readable, a role holding more than one token,
// the smallest drawn with a radius under kReadableTokenPx CSS pixels in the output, shows
// a card with its token count and the count per kind; zooming in (larger tokens) brings
// the tokens back. The screen and the PNG export (ui::MapFrame::crowded) and the SVG and
// PDF exports (map_figure) all decide with CrowdedRoles and write the card with
// crowded_card_lines, so they cannot drift apart.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace ecomap {

inline constexpr double kReadableTokenPx = 6.0;  // CSS px: a smaller token radius cannot be told apart
inline constexpr double kPointsPerPx = 0.75;     // a CSS pixel is 1/96 inch, a point 1/72

// A map's tokens, role by role, then which roles are crowded.
class CrowdedRoles {
public:
    explicit CrowdedRoles(std::size_t role_count);
    void add(int role_index, double radius);  // one token drawn with that radius, in any unit; other roles ignored
    // Per role: its token count when it holds more than one token and the smallest radius
    // is under `readable` (in the radii's unit), else 0.
    std::vector<int> counts(double readable) const;

private:
    std::vector<int> tokens_;
    std::vector<double> smallest_;
};

// A crowded role's card: the token count ("1,204"), then one line per kind it holds, by
// EntityKind ("602 people", "1 organization", "12 networks").
std::vector<std::string> crowded_card_lines(int total, const std::array<int, 3>& by_kind,
                                           std::string_view language = kDefaultMapLanguage);  // in that language

}  // namespace ecomap
