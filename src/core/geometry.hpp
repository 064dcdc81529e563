// ecomap core: map geometry in map units.
//
// Conventions (shared by renderer, hit testing, export and placement positions):
// - The map centre is (0,0); x points right, y points DOWN (screen convention).
// - Angles are in radians, measured CLOCKWISE from 12 o'clock: angle a is the
//   direction (sin a, -cos a).
// - Role i of n owns the sector [ (i - 0.5)·w, (i + 0.5)·w ) with w = 2π/n: role 0 is
//   centred at 12 o'clock and the roles follow clockwise in framework order.
// - The centre circle (values, cause) has radius centre_radius; the roles form the
//   ring band inner_radius..outer_radius; role names sit outside the ring at
//   label_radius, on the sector's middle direction.
#pragma once

#include <string>
#include <vector>

#include "core/model.hpp"

namespace ecomap {

inline constexpr double kPi = 3.14159265358979323846;
inline constexpr double kDefaultTokenRadius = 28.0;  // map units; radius of an entity token before shrinking

struct RingLayout {
    int role_count = 0;                  // number of sectors
    double centre_radius = 260.0;        // radius of the centre circle
    double inner_radius = 280.0;         // inner edge of the role ring
    double outer_radius = 1000.0;        // outer edge of the role ring
    double label_radius = 1060.0;        // where role names are anchored (outside the ring)
    double sector_sweep = 0.0;           // angle covered by one sector, 2π / role_count
    double token_margin = 6.0;           // minimum gap between a token and a sector edge or another token
};

RingLayout ring_layout(int role_count);  // the standard layout for that many roles

double sector_start_angle(const RingLayout& layout, int role_index);  // clockwise from 12 o'clock; may be negative
double sector_end_angle(const RingLayout& layout, int role_index);    // start + sector_sweep
double sector_mid_angle(const RingLayout& layout, int role_index);    // role_index · sector_sweep
Vec2 point_at(double angle, double radius);        // map point at that angle and distance from the centre
double angle_of(Vec2 p);                           // clockwise angle of p from 12 o'clock, in [0, 2π)
Vec2 label_anchor(const RingLayout& layout, int role_index);  // where the role's name is drawn

bool in_centre(const RingLayout& layout, Vec2 p);       // true inside the centre circle
int hit_test_role(const RingLayout& layout, Vec2 p);    // role index under p; -1 for the centre, the gap or outside
bool token_inside_sector(const RingLayout& layout, int role_index, Vec2 centre,
                         double radius);  // true when a token of that radius lies fully in the sector band

struct TokenArrangement {
    std::vector<Vec2> centres;           // one token centre per requested token, deterministic
    double radius = 0;                   // token radius actually used (<= requested when shrunk to fit)
};

// Places `count` tokens in a sector: rows on arcs, row spacing and in-row spacing at
// least 2·radius + margin (no overlaps), every token fully inside the band and the
// sector's edges. The used rows sit in the middle of the band; a row's tokens are
// centred on the sector's middle direction. Shrinks the radius when they do not fit.
TokenArrangement arrange_tokens(const RingLayout& layout, int role_index, int count,
                                double token_radius = kDefaultTokenRadius);

struct TokenPlace {
    std::string placement;               // Placement::id
    std::string entity;                  // Entity::id
    int role_index = -1;                 // index in the framework's roles
    Vec2 centre;                         // map units
    double radius = 0;                   // map units
    bool operator==(const TokenPlace&) const = default;
};

// One token per placement on a known role, in document order. An explicit
// Placement::position is kept when the token lies fully inside its own sector and clears
// every other token of the role by the layout's margin; other placements of the role are
// arranged with arrange_tokens (all tokens of a role share its radius). So no two tokens
// overlap and none leaves its sector. Placements on unknown roles get no token.
std::vector<TokenPlace> layout_tokens(const Document& document, const RingLayout& layout,
                                      double token_radius = kDefaultTokenRadius);

}  // namespace ecomap
