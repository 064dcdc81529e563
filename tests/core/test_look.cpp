// The look: colours, words, names, roles as text, link styles and token glyphs that
// the screen, PNG, SVG, CSV, readout, table and spotlight all read.
#include "core/look.hpp"

#include "core/csv.hpp"
#include "core/export_svg.hpp"
#include "core/geometry.hpp"
#include "core/sample.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace ecomap;

namespace {

Document two_role_document() {
    Document document;
    document.framework.roles = {{"weavers", "Weavers", "", "#332288"}, {"guides", "Guides", "", "#88ccee"}};
    document.entities = {{"e1", EntityKind::Person, "Amina", false, "", ""},
                         {"e2", EntityKind::Organization, "", false, "", ""},
                         {"e3", EntityKind::Person, "Secret", true, "", ""}};
    Placement a;
    a.id = "p1", a.entity = "e1", a.role = "guides", a.strength = Strength::Aspiring, a.context = "at work";
    Placement b = a;
    b.id = "p2", b.role = "weavers", b.strength = Strength::Secondary, b.context = "";
    Placement c = a;
    c.id = "p3", c.strength = Strength::Primary;
    Placement d = a;
    d.id = "p4", d.role = "nowhere";
    document.placements = {a, b, c, d};
    return document;
}

}  // namespace

TEST_CASE("hex colours parse in either case and fall back when malformed", "[look]") {
    const Rgb c = parse_hex_color("#88ccEE");
    CHECK(to_hex(c) == "#88CCEE");
    CHECK(std::abs(c.r - 0x88 / 255.0) < 1e-9);
    const Rgb fallback{0.1, 0.2, 0.3};
    for (const char* bad : {"", "88CCEE", "#88CCE", "#88CCEEF", "#GG0000", "#-10000"})
        CHECK(parse_hex_color(bad, fallback) == fallback);
    CHECK(to_hex(mix_with_white(parse_hex_color("#000000"), 0.25)) == "#BFBFBF");
    CHECK(luminance(parse_hex_color("#FFFFFF")) > 0.99);
}

TEST_CASE("a role index out of range gets the unknown-role grey", "[look]") {
    const Document document = two_role_document();
    CHECK(to_hex(role_color(document.framework, 1)) == "#88CCEE");
    CHECK(role_color(document.framework, 2) == kUnknownRoleColor);
    CHECK(role_color(document.framework, -1) == kUnknownRoleColor);
}

TEST_CASE("display names: the name, Anonymous, or Unnamed <kind>", "[look]") {
    const Document document = two_role_document();
    CHECK(display_name(document.entities[0]) == "Amina");
    CHECK(display_name(document.entities[1]) == "Unnamed organization");
    CHECK(display_name(document.entities[2]) == "Anonymous");
    Entity broken{"e9", EntityKind::Network, "bad \xFF byte", false, "", ""};
    CHECK(display_name(broken) == "bad \xEF\xBF\xBD byte");
}

TEST_CASE("hidden names are neutral marks numbered per kind in document order", "[look]") {
    const Document document = two_role_document();
    const EntityNames shown(document, false), hidden(document, true);
    CHECK(shown(document.entities[2]) == "Anonymous");
    CHECK(hidden(document.entities[0]) == "Person 1");
    CHECK(hidden(document.entities[1]) == "Organization 1");
    CHECK(hidden(document.entities[2]) == "Person 2");
    const Entity copy = document.entities[2];  // found by id when it is not the document's own record
    CHECK(hidden(copy) == "Person 2");
    CHECK(hidden.hidden());
}

TEST_CASE("roles as text: framework order, one item per role and strength, unknown roles left out", "[look]") {
    const Document document = two_role_document();
    const std::string expected = "Weavers (secondary); Guides (primary); Guides (aspiring)";
    CHECK(roles_text(document, document.entities[0]) == expected);
    CHECK(roles_text(document, document.entities[1]).empty());
    const std::vector<std::string> all = roles_texts(document);
    REQUIRE(all.size() == 3);
    CHECK(all[0] == expected);
    CHECK(all[1].empty());
    CHECK(placement_text(document.placements[0], true) == "aspiring (at work)");
    CHECK(placement_text(document.placements[0], false) == "aspiring");
}

TEST_CASE("the CSV's roles column is roles_text, and re-imports to the same roles", "[look][csv]") {
    const Document document = two_role_document();
    const std::string csv = export_csv_entities(document);
    CHECK(csv.find("\"Weavers (secondary); Guides (primary); Guides (aspiring)\"") != std::string::npos);
    CHECK(csv.find("\"aspiring (at work); primary (at work)\"") != std::string::npos);  // the Guides column
}

TEST_CASE("words for kinds, strengths and energies", "[look]") {
    CHECK(std::string(kind_label(EntityKind::Network)) == "Network");
    CHECK(std::string(strength_word(Strength::Secondary)) == "secondary");
    CHECK(std::string(kStrengthLabels[static_cast<int>(Strength::Aspiring)]) == "Aspiring");
    CHECK(std::string(energy_label(Energy::Depletes)) == "Depletes me");
}

TEST_CASE("link kinds: every offered kind has a label and a style; unknown kinds are solid", "[look]") {
    REQUIRE(link_kinds().size() == 5);
    CHECK(link_kinds().front().id == "works-with");
    CHECK(link_kind_label("member-of") == "member of");
    CHECK(link_kind_label("mentors") == "mentors");
    CHECK(link_style("supports").arrow);
    CHECK(link_style("member-of").dash > 0);
    CHECK_FALSE(link_style("member-of").arrow);
    CHECK(link_style("learns-from").dash > 0);
    CHECK(link_style("learns-from").arrow);
    const LinkStyle unknown = link_style("mentors");
    CHECK(unknown.dash == 0);
    CHECK_FALSE(unknown.arrow);
}

TEST_CASE("the sample map uses only link kinds the UI offers", "[look]") {
    const Document sample = generate_document(7, 60);
    REQUIRE_FALSE(sample.relationships.empty());
    for (const Relationship& link : sample.relationships) {
        bool offered = false;
        for (const LinkKind& kind : link_kinds()) offered = offered || kind.id == link.kind;
        CHECK(offered);
    }
}

TEST_CASE("token glyphs: primary solid, secondary tinted, aspiring white and dashed", "[look]") {
    const TokenGlyph primary = token_glyph(Strength::Primary, 20);
    CHECK(primary.fill_share == 1.0);
    CHECK(primary.stroke == GlyphStroke::White);
    CHECK(primary.dash == 0);
    const TokenGlyph secondary = token_glyph(Strength::Secondary, 20);
    CHECK(secondary.fill_share > 0.0);
    CHECK(secondary.fill_share < 1.0);
    CHECK(secondary.stroke == GlyphStroke::Role);
    CHECK(secondary.shape_radius < 20);
    const TokenGlyph aspiring = token_glyph(Strength::Aspiring, 20);
    CHECK(aspiring.fill_share == 0.0);
    CHECK(aspiring.dash > 0);
    CHECK(aspiring.gap > 0);
}

TEST_CASE("token outlines: circle, rounded square and hexagon within their radius", "[look]") {
    for (const EntityKind kind : {EntityKind::Person, EntityKind::Organization, EntityKind::Network}) {
        const std::vector<Vec2> outline = token_outline(kind, {100, 50}, 10);
        REQUIRE(outline.size() >= 6);
        double farthest = 0;
        for (const Vec2& p : outline) farthest = std::max(farthest, std::hypot(p.x - 100, p.y - 50));
        CHECK(farthest <= 10 * kSquareHalfSide * std::sqrt(2.0) + 1e-9);  // the square's corners reach furthest
        CHECK(farthest >= 9.9);
    }
    CHECK(token_outline(EntityKind::Network, {0, 0}, 10).size() == 6);
}

TEST_CASE("the SVG draws aspiring organizations and networks with a dashed outline, like the screen", "[look][svg]") {
    Document document = two_role_document();
    document.entities[0].kind = EntityKind::Network;
    document.placements.resize(1);  // one aspiring placement
    const std::string svg = export_svg(document);
    const auto polygon = svg.find("<polygon");
    REQUIRE(polygon != std::string::npos);
    const std::string element = svg.substr(polygon, svg.find("/>", polygon) - polygon);
    CHECK(element.find("stroke-dasharray") != std::string::npos);
    CHECK(element.find("fill=\"#FFFFFF\"") != std::string::npos);
    CHECK(element.find("stroke=\"#88CCEE\"") != std::string::npos);
}

TEST_CASE("many roles: names run along their radius, never upside down, in the SVG too", "[look][svg]") {
    CHECK_FALSE(radial_role_labels(20));
    CHECK(radial_role_labels(64));
    CHECK(std::abs(radial_label_rotation(kPi / 2)) < 1e-9);           // 3 o'clock: level, reading outwards
    CHECK_FALSE(radial_label_ends_at_anchor(kPi / 2));
    CHECK(radial_label_ends_at_anchor(3 * kPi / 2));                   // 9 o'clock: level, ending at the ring
    CHECK(std::abs(std::cos(radial_label_rotation(3 * kPi / 2)) - 1) < 1e-9);
    Document document;
    for (int i = 0; i < 64; ++i)
        document.framework.roles.push_back({"r" + std::to_string(i), "Role " + std::to_string(i + 1), "", "#336699"});
    const std::string svg = export_svg(document);
    std::size_t rotated = 0;
    for (std::size_t at = svg.find("transform=\"rotate("); at != std::string::npos; at = svg.find("transform=\"rotate(", at + 1))
        ++rotated;
    CHECK(rotated == 64);
    CHECK(svg.find(">Role 64</text>") != std::string::npos);
}
