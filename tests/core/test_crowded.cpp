// Crowded roles (core/crowding.hpp): the rule, the count card's words, and the SVG and PDF
// figure drawing a card instead of tokens too small to read in the output.
#include "core/analysis.hpp"
#include "core/crowding.hpp"
#include "core/document_size.hpp"
#include "core/export_svg.hpp"
#include "core/geometry.hpp"
#include "core/look.hpp"
#include "core/map_figure.hpp"
#include "core/sample.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <regex>

using namespace ecomap;

namespace {

// The elements inside <g id="NAME">...</g> of an SVG (groups there hold no nested groups).
std::vector<std::string> group_elements(const std::string& svg, const std::string& name) {
    const std::size_t start = svg.find("<g id=\"" + name + "\"");
    if (start == std::string::npos) return {};
    const std::size_t from = svg.find('\n', start) + 1, to = svg.find("</g>", from);
    std::vector<std::string> out;
    std::size_t at = from;
    while (at < to) {
        const std::size_t end = svg.find('\n', at);
        out.push_back(svg.substr(at, end - at));
        at = end + 1;
    }
    return out;
}

std::vector<std::string> texts_of(const std::vector<std::string>& elements) {
    std::vector<std::string> out;
    const std::regex text(R"(<text[^>]*>([^<]*)</text>)");
    std::smatch m;
    for (const std::string& element : elements)
        if (std::regex_search(element, m, text)) out.push_back(m[1]);
    return out;
}

struct RoleTokens {
    int count = 0;
    double smallest = 1e9;
    std::array<int, 3> by_kind{};
};

// What the rule says, worked out here from the layout: per role, its tokens, their
// smallest radius and their kinds.
std::vector<RoleTokens> role_tokens(const Document& d) {
    const RingLayout layout = ring_layout(static_cast<int>(d.framework.roles.size()));
    std::vector<RoleTokens> roles(d.framework.roles.size());
    for (const TokenPlace& token : layout_tokens(d, layout)) {
        RoleTokens& role = roles[static_cast<std::size_t>(token.role_index)];
        ++role.count;
        role.smallest = std::min(role.smallest, token.radius);
        ++role.by_kind[static_cast<std::size_t>(d.find_entity(token.entity)->kind)];
    }
    return roles;
}

FigureOptions at_scale(double px_per_unit) {
    FigureOptions options;
    options.px_per_unit = [px_per_unit](double, double) { return px_per_unit; };
    return options;
}

}  // namespace

TEST_CASE("the crowded rule: more than one token and the smallest under the readable radius", "[crowded]") {
    CrowdedRoles roles(4);
    roles.add(0, 5.9);  // one token only: never a count
    roles.add(1, 10);
    roles.add(1, 5.9);  // the smallest decides
    roles.add(2, 6);
    roles.add(2, 6);    // exactly readable
    roles.add(3, 2);
    roles.add(3, 2);
    roles.add(3, 2);
    roles.add(7, 1);    // no such role
    roles.add(-1, 1);
    CHECK(roles.counts(kReadableTokenPx) == std::vector<int>{0, 2, 0, 3});
    CHECK(roles.counts(1.5) == std::vector<int>{0, 0, 0, 0});  // larger output: all readable again
    CHECK(CrowdedRoles(0).counts(6).empty());
}

TEST_CASE("the count card's words: the total, then one line per kind held", "[crowded]") {
    CHECK(kind_count(EntityKind::Person, 1) == "1 person");
    CHECK(kind_count(EntityKind::Person, 1204) == "1,204 people");
    CHECK(kind_count(EntityKind::Organization, 0) == "0 organizations");
    CHECK(kind_count(EntityKind::Network, 1) == "1 network");
    CHECK(crowded_card_lines(1215, {1204, 0, 11}) == std::vector<std::string>{"1,215", "1,204 people", "11 networks"});
    CHECK(crowded_card_lines(3, {1, 1, 1}) ==
          std::vector<std::string>{"3", "1 person", "1 organization", "1 network"});
}

// The SVG's own size is half a pixel per map unit: a 2,000-entity map's tokens (radius
// about 11 units) are under 6 px there; a 1,000-entity map's (about 15) are not, until the
// image is drawn smaller (here a PNG 1,000 px wide).
TEST_CASE("2,000 entities in an SVG, 1,000 in a small PNG: crowded roles show their counts, not their tokens", "[crowded][svg]") {
    const bool thousand = GENERATE(false, true);
    const Document d = generate_document(2026, thousand ? 1000 : 2000);
    SvgOptions options;
    options.drawn_width = thousand ? 1000 : 0;
    const double px_per_unit = thousand ? 1000 / map_figure(d).width : kSvgPxPerUnit;
    const std::vector<RoleTokens> roles = role_tokens(d);
    const Analysis analysis = analyse(d);
    const std::string svg = export_svg(d, options);
    const std::vector<std::string> tokens = group_elements(svg, "tokens");
    const std::vector<std::string> cards = texts_of(group_elements(svg, "counts"));

    int crowded = 0, expected_tokens = 0, counted = 0;
    for (std::size_t i = 0; i < roles.size(); ++i) {
        const RoleTokens& role = roles[i];
        const bool small = role.count > 1 && role.smallest * px_per_unit < kReadableTokenPx;
        CHECK(role.count == analysis.roles[i].placements);  // every token is a placement the analysis counts
        if (!small) {
            expected_tokens += role.count;
            continue;
        }
        ++crowded;
        counted += role.count;
        // The card: the total, then each kind, and the kinds add up to the total.
        const std::string total = format_thousands(static_cast<std::size_t>(role.count));
        CHECK(std::count(cards.begin(), cards.end(), total) >= 1);
        int kinds = 0;
        for (std::size_t k = 0; k < 3; ++k) {
            kinds += role.by_kind[k];
            if (role.by_kind[k] > 0)
                CHECK(std::find(cards.begin(), cards.end(), kind_count(static_cast<EntityKind>(k),
                                                                       static_cast<std::size_t>(role.by_kind[k]))) !=
                      cards.end());
        }
        CHECK(kinds == role.count);
    }
    REQUIRE(crowded >= 5);  // most roles are too small to read at that size
    CHECK(static_cast<int>(tokens.size()) == expected_tokens);  // no token of a crowded role is drawn
    CHECK(counted + expected_tokens == static_cast<int>(d.placements.size()));
    std::size_t lines = 0;
    for (std::size_t i = 0; i < roles.size(); ++i)
        if (roles[i].count > 1 && roles[i].smallest * px_per_unit < kReadableTokenPx)
            lines += 1 + static_cast<std::size_t>(std::count_if(roles[i].by_kind.begin(), roles[i].by_kind.end(),
                                                                [](int n) { return n > 0; }));
    CHECK(cards.size() == lines);
}

TEST_CASE("the figure's count cards: inside their sector, clear of the rim; no names or links of hidden tokens", "[crowded]") {
    const Document d = generate_document(2026, 1000);
    const MapFigure figure = map_figure(d, at_scale(0.3));  // about a 1,000-entity map fitted to a laptop's window
    REQUIRE_FALSE(figure.counts.empty());
    std::vector<bool> carded(d.framework.roles.size(), false);
    for (const FigureCount& card : figure.counts) {
        carded[static_cast<std::size_t>(card.role_index)] = true;
        CHECK(card.stroke == figure.colors[static_cast<std::size_t>(card.role_index)]);
        REQUIRE(card.lines.size() >= 2);
        CHECK(card.lines.front().strong);
        CHECK(card.lines.front().size >= 30);
        for (const Vec2 corner : {Vec2{card.x, card.y}, Vec2{card.x + card.width, card.y},
                                  Vec2{card.x, card.y + card.height}, Vec2{card.x + card.width, card.y + card.height}}) {
            CHECK(hit_test_role(figure.layout, corner) == card.role_index);
            CHECK(std::hypot(corner.x, corner.y) < figure.layout.outer_radius * (1 - kRimShare));
        }
        for (const FigureText& line : card.lines) {  // each line inside the card
            const double w = estimated_text_width(line.text, line.size) * 1.1;
            CHECK(line.x - w / 2 >= card.x);
            CHECK(line.x + w / 2 <= card.x + card.width);
            CHECK(line.y - line.size * 0.75 >= card.y);
            CHECK(line.y <= card.y + card.height);
        }
    }
    const auto on_card_role = [&](Vec2 p) {
        const int role = hit_test_role(figure.layout, p);
        return role >= 0 && carded[static_cast<std::size_t>(role)];
    };
    for (const FigureToken& token : figure.tokens) CHECK_FALSE(on_card_role(token.centre));
    for (const FigureLink& link : figure.links) {
        CHECK_FALSE(on_card_role(link.from));
        CHECK_FALSE(on_card_role(link.to));
    }
    CHECK(figure.names.size() <= figure.tokens.size());

    // A larger output (zoomed in): every token is readable again and drawn.
    CHECK(map_figure(d, at_scale(kSvgPxPerUnit)).counts.empty());  // the SVG's own size: 7.4 px
    const MapFigure large = map_figure(d, at_scale(4.0));
    CHECK(large.counts.empty());
    CHECK(large.tokens.size() == d.placements.size());
    SvgOptions wide;  // a PNG drawn 8,000 px wide from the SVG
    wide.drawn_width = 8000;
    const std::string svg = export_svg(d, wide);
    CHECK(svg.find("<g id=\"counts\"") == std::string::npos);
    CHECK(group_elements(svg, "tokens").size() == d.placements.size());
}

TEST_CASE("a 20-entity map draws every token, as before", "[crowded][svg]") {
    const Document d = generate_document(2026, 20);
    const MapFigure plain = map_figure(d);
    const MapFigure svg_scale = map_figure(d, at_scale(kSvgPxPerUnit));
    CHECK(svg_scale.counts.empty());
    CHECK(svg_scale.tokens.size() == d.placements.size());
    CHECK(svg_scale.tokens.size() == plain.tokens.size());
    CHECK(svg_scale.names.size() == plain.names.size());
    CHECK(svg_scale.links.size() == plain.links.size());
    const std::string svg = export_svg(d);
    CHECK(svg.find("<g id=\"counts\"") == std::string::npos);
    CHECK(group_elements(svg, "tokens").size() == d.placements.size());
    // The same map printed on a stamp would be a count: the rule follows the output's size.
    CHECK_FALSE(map_figure(d, at_scale(0.05)).counts.empty());
}
