// ecomap core: the look of a map, one set of visual rules that every output reads: the
// screen (ImGui draw lists), the PNG export, the SVG export, the CSV tables, the
// screen-reader readout, the entity table and the spotlight card.
//
// Pure data and functions, no UI: colours, the ring's proportions, words for kinds,
// strengths, energies and link kinds, an entity's name and roles as text, the token
// glyph per kind × strength and the link style per kind.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.hpp"

namespace ecomap {

// [SECTION] Colours --------------------------------------------------------------

struct Rgb {
    double r = 0.5, g = 0.5, b = 0.5;  // 0..1
    bool operator==(const Rgb&) const = default;
};

inline constexpr Rgb kUnknownRoleColor{120.0 / 255, 120.0 / 255, 120.0 / 255};  // a token on a role the framework lacks
Rgb parse_hex_color(std::string_view hex, Rgb fallback = {});  // "#rrggbb" (either case) -> Rgb; fallback when malformed
std::string to_hex(Rgb color);                                // "#RRGGBB"
Rgb mix_with_white(Rgb color, double share);                  // `share` of the colour, the rest white
double luminance(Rgb color);                                  // relative luminance 0..1 (text on a coloured button)
Rgb role_color(const Framework& framework, int role_index);   // the role's colour; kUnknownRoleColor out of range

// [SECTION] Ring ------------------------------------------------------------------

inline constexpr double kRimShare = 0.06;    // solid rim at the ring's outer edge, share of the outer radius
inline constexpr double kGapShare = 0.012;   // white gap between sectors, share of the outer radius
inline constexpr double kBandTint = 0.22;    // share of the role colour in the band's fill
inline constexpr int kMaxLevelLabels = 24;   // more roles than this: names run outward along their radius

bool radial_role_labels(int role_count);     // role names along their radius (many roles), else level text
double radial_label_rotation(double angle);  // a radial name's text direction (radians, clockwise from +x,
                                             // y down) at that sector angle; never upside down
bool radial_label_ends_at_anchor(double angle);  // left half: the text ends at the anchor (reads inwards)

// [SECTION] Words -----------------------------------------------------------------

inline constexpr std::array<const char*, 3> kKindLabels = {"Person", "Organization", "Network"};  // by EntityKind
inline constexpr std::array<const char*, 3> kKindWords = {"person", "organization", "network"};    // by EntityKind
inline constexpr std::array<const char*, 3> kKindPlurals = {"people", "organizations", "networks"};  // by EntityKind
inline constexpr std::array<const char*, 3> kStrengthLabels = {"Primary", "Secondary", "Aspiring"};  // by Strength
inline constexpr std::array<const char*, 3> kEnergyLabels = {"Energy: not said", "Energizes me", "Depletes me"};  // by Energy

const char* kind_label(EntityKind kind);      // "Person", "Organization", "Network" (menus, headings, table)
std::string kind_count(EntityKind kind, std::size_t count,
                       std::string_view language = kDefaultMapLanguage);  // "1 person", "1,204 people", "3 networks"
std::string format_count(std::size_t count, std::string_view language);  // "1,204" ("1.204" in Spanish)
const char* strength_word(Strength strength); // "primary", "secondary", "aspiring" (running text)
const char* energy_label(Energy energy);      // "Energy: not said", "Energizes me", "Depletes me"

std::string display_name(const Entity& entity,
                         std::string_view language = kDefaultMapLanguage);  // the name (valid UTF-8), "Anonymous",
                                                                           // or "Unnamed person" when empty

class EntityNames {  // names as shown: display_name, or neutral marks ("Person 3") while names are hidden
public:
    EntityNames(const Document& document, bool hide,       // numbers every entity per kind when hiding (as hide_names());
                std::string_view language = {});           // "Anonymous", "Person 3" in that language ("": the map's)
    std::string operator()(const Entity& entity) const;    // "Amina", "Anonymous", or "Person 3" when hidden
    bool hidden() const { return hide_; }                  // names are replaced by neutral marks

private:
    const Document* document_ = nullptr;
    bool hide_ = false;
    std::vector<int> numbers_;                             // per entity index: its number among its kind
    std::string language_;                                 // the words' language
};

// An entity's roles in framework order, one "Role (strength)" per role and strength it
// plays, joined by "; ": "Weavers (primary); Weavers (aspiring); Builders (secondary)".
// The CSV importer reads this back. Placements on unknown roles are left out.
std::string roles_text(const Document& document, const Entity& entity);
std::vector<std::string> roles_texts(const Document& document, std::string_view language = {});  // roles_text of every entity, in document order (one pass); strength words in `language` when given
std::string placement_text(const Placement& placement, bool with_context);  // "primary (at work)" or "primary"

// [SECTION] Links -----------------------------------------------------------------

struct LinkKind {
    std::string id;       // stored in Relationship::kind, e.g. "supports"
    std::string label;    // shown, e.g. "supports"
};

struct LinkStyle {
    double dash = 0;      // dash length in stroke widths; 0 = solid
    double gap = 0;       // gap between dashes in stroke widths
    bool arrow = false;   // arrowhead at the "to" end
};

const std::vector<LinkKind>& link_kinds();         // the kinds offered, in menu order; the first is the default
std::string link_kind_label(std::string_view kind); // label for a kind id (the id itself when unknown)
LinkStyle link_style(std::string_view kind);        // how links of that kind are drawn (unknown: solid, no arrow)

// [SECTION] Tokens ----------------------------------------------------------------

// Outline of a token of radius r: person = circle, organization = rounded square,
// network = hexagon with a vertex on the right.
inline constexpr double kSquareHalfSide = 0.88;   // organization: half the side, share of r
inline constexpr double kSquareCorner = 0.28;     // organization: corner radius, share of r
inline constexpr double kHexagonRadius = 1.02;    // network: centre to vertex, share of r

enum class GlyphStroke { White, Role };  // the outline's colour

// How a token of one strength is painted (any kind), for a token of radius r:
// primary = solid role colour with a thin white outline, secondary = pale tint with a
// solid outline, aspiring = white with a dashed outline.
struct TokenGlyph {
    double shape_radius = 0;   // radius of the outline's centre line
    double fill_share = 1;     // share of the role colour in the fill (0 = white)
    GlyphStroke stroke = GlyphStroke::White;  // outline colour
    double stroke_width = 0;   // outline width
    double dash = 0;           // dash length along the outline; 0 = solid
    double gap = 0;            // gap between dashes
};

TokenGlyph token_glyph(Strength strength, double r);  // same units as r
// A token's closed polygon (first point not repeated). A person's circle has `circle_steps`
// points; 0 picks them from r for print (24 to 128); the screen passes fewer for small tokens.
std::vector<Vec2> token_outline(EntityKind kind, Vec2 centre, double r, int circle_steps = 0);

}  // namespace ecomap
