// Map geometry: sector angles, role order, hit tests, token arrangement.
#include <catch2/catch.hpp>

#include <cmath>
#include <random>

#include "core/geometry.hpp"
#include "core/sample.hpp"
#include "core/session.hpp"
#include "edit_test_support.hpp"

using namespace ecomap;

namespace {

bool overlap_free(const std::vector<Vec2>& centres, double radius) {
    // Sort by x so only neighbours within 2·radius in x need checking.
    std::vector<Vec2> sorted = centres;
    std::sort(sorted.begin(), sorted.end(), [](Vec2 a, Vec2 b) { return a.x < b.x; });
    for (std::size_t i = 0; i < sorted.size(); ++i)
        for (std::size_t j = i + 1; j < sorted.size() && sorted[j].x - sorted[i].x < 2 * radius; ++j)
            if (std::hypot(sorted[j].x - sorted[i].x, sorted[j].y - sorted[i].y) < 2 * radius - 1e-9) return false;
    return true;
}

}  // namespace

TEST_CASE("ten sectors: role 0 centred at 12 o'clock, then clockwise", "[geometry]") {
    const RingLayout layout = ring_layout(10);
    CHECK(layout.sector_sweep == Approx(2 * kPi / 10));
    CHECK(sector_mid_angle(layout, 0) == Approx(0));
    CHECK(sector_start_angle(layout, 0) == Approx(-kPi / 10));
    CHECK(sector_end_angle(layout, 9) == Approx(2 * kPi - kPi / 10));

    const double band = 0.5 * (layout.inner_radius + layout.outer_radius);
    const Vec2 top{0, -band};     // y points down: "up" is negative y
    const Vec2 bottom{0, band};   // 6 o'clock
    CHECK(hit_test_role(layout, top) == 0);
    CHECK(hit_test_role(layout, Vec2{band, -1}) == 2);  // just before 3 o'clock: role 2 spans 54°..90°
    CHECK(hit_test_role(layout, Vec2{band, 1}) == 3);  // just past 3 o'clock, clockwise
    CHECK(hit_test_role(layout, bottom) == 5);
    CHECK(hit_test_role(layout, Vec2{-band, 1}) == 7);  // just before 9 o'clock (coming from 6)
    // Clockwise order on screen: role 1 is to the right of role 0 near the top.
    CHECK(label_anchor(layout, 1).x > 0);
    CHECK(label_anchor(layout, 9).x < 0);
    CHECK(label_anchor(layout, 0).y == Approx(-layout.label_radius));
}

TEST_CASE("hit test agrees with sector angles at many points", "[geometry]") {
    for (int n : {1, 2, 3, 7, 10, 12}) {
        const RingLayout layout = ring_layout(n);
        for (int i = 0; i < n; ++i) {
            for (double t : {0.02, 0.25, 0.5, 0.75, 0.98}) {
                const double angle = sector_start_angle(layout, i) + t * layout.sector_sweep;
                for (double r : {layout.inner_radius + 1, 500.0, layout.outer_radius - 1}) {
                    INFO("n=" << n << " i=" << i << " t=" << t << " r=" << r);
                    CHECK(hit_test_role(layout, point_at(angle, r)) == i);
                }
                CHECK(hit_test_role(layout, point_at(angle, layout.outer_radius + 5)) == -1);
                CHECK(hit_test_role(layout, point_at(angle, layout.centre_radius - 5)) == -1);
                CHECK(in_centre(layout, point_at(angle, layout.centre_radius - 5)));
                CHECK_FALSE(in_centre(layout, point_at(angle, layout.inner_radius + 5)));
            }
        }
    }
    CHECK(in_centre(ring_layout(10), Vec2{0, 0}));
    CHECK(hit_test_role(ring_layout(10), Vec2{0, 0}) == -1);
    CHECK(hit_test_role(ring_layout(0), Vec2{0, -500}) == -1);
}

TEST_CASE("angles: point_at and angle_of are inverse, clockwise from the top", "[geometry]") {
    CHECK(angle_of(Vec2{0, -1}) == Approx(0));
    CHECK(angle_of(Vec2{1, 0}) == Approx(kPi / 2));
    CHECK(angle_of(Vec2{0, 1}) == Approx(kPi));
    CHECK(angle_of(Vec2{-1, 0}) == Approx(3 * kPi / 2));
    for (double a = 0; a < 2 * kPi; a += 0.37) CHECK(angle_of(point_at(a, 300)) == Approx(a));
}

TEST_CASE("arranged tokens never overlap and stay inside their sector", "[geometry]") {
    for (int n : {1, 3, 10, 16}) {
        const RingLayout layout = ring_layout(n);
        for (int count : {1, 2, 3, 5, 8, 13, 40, 100, 333, 1500}) {
            for (int role : {0, n - 1}) {
                const TokenArrangement arranged = arrange_tokens(layout, role, count);
                INFO("n=" << n << " count=" << count << " role=" << role);
                REQUIRE(static_cast<int>(arranged.centres.size()) == count);
                CHECK(arranged.radius > 0);
                CHECK(arranged.radius <= kDefaultTokenRadius);
                CHECK(overlap_free(arranged.centres, arranged.radius));
                bool inside = true;
                for (const Vec2& c : arranged.centres)
                    inside = inside && token_inside_sector(layout, role, c, arranged.radius) &&
                             hit_test_role(layout, c) == role;
                CHECK(inside);
            }
        }
    }
}

TEST_CASE("arrangement keeps the requested radius while tokens fit and is deterministic", "[geometry]") {
    const RingLayout layout = ring_layout(10);
    CHECK(arrange_tokens(layout, 4, 6).radius == kDefaultTokenRadius);
    CHECK(arrange_tokens(layout, 4, 5000).radius < kDefaultTokenRadius);
    CHECK(arrange_tokens(layout, 4, 77).centres == arrange_tokens(layout, 4, 77).centres);
    // One token sits on the sector's middle direction.
    const Vec2 single = arrange_tokens(layout, 3, 1).centres.at(0);
    CHECK(angle_of(single) == Approx(sector_mid_angle(layout, 3)));
    CHECK(arrange_tokens(layout, 10, 5).centres.empty());  // no such role
    CHECK(arrange_tokens(layout, 0, 0).centres.empty());
}

TEST_CASE("token_inside_sector rejects tokens crossing an edge", "[geometry]") {
    const RingLayout layout = ring_layout(10);
    const Vec2 on_edge = point_at(sector_end_angle(layout, 0), 600);
    CHECK_FALSE(token_inside_sector(layout, 0, on_edge, 10));
    CHECK(token_inside_sector(layout, 0, Vec2{0, -600}, 10));
    CHECK_FALSE(token_inside_sector(layout, 0, Vec2{0, -(layout.outer_radius - 5)}, 10));
    CHECK_FALSE(token_inside_sector(layout, 1, Vec2{0, -600}, 10));
}

TEST_CASE("layout_tokens keeps explicit positions inside their sector and arranges the rest", "[geometry]") {
    Document d = ecomap::test::small_document();
    const RingLayout layout = ring_layout(static_cast<int>(d.framework.roles.size()));
    const int weavers = d.framework.role_index("weavers");
    const int builders = d.framework.role_index("builders");
    d.placements[0].position = Vec2{0, -700};  // pl1 on weavers, inside its sector: kept
    d.placements[1].position = Vec2{0, -700};  // pl2 on builders, but the point is in weavers: arranged
    d.placements.push_back({.id = "pl9", .entity = "p2", .role = "unknown-role", .strength = Strength::Primary,
                            .energy = Energy::Unspecified, .context = "", .position = std::nullopt});

    const std::vector<TokenPlace> tokens = layout_tokens(d, layout);
    REQUIRE(tokens.size() == 5);  // pl9 has no token
    CHECK(tokens[0].placement == "pl1");
    CHECK(tokens[0].entity == "p1");
    CHECK(tokens[0].role_index == weavers);
    CHECK(tokens[0].centre == Vec2{0, -700});
    CHECK(tokens[1].placement == "pl2");
    CHECK(tokens[1].role_index == builders);
    CHECK(hit_test_role(layout, tokens[1].centre) == builders);
    // pl2 and pl5 are both arranged on builders: distinct, non-overlapping.
    CHECK(tokens[4].placement == "pl5");
    CHECK(overlap_free({tokens[1].centre, tokens[4].centre}, tokens[1].radius));
    for (const TokenPlace& t : tokens) CHECK(t.radius == kDefaultTokenRadius);
}

TEST_CASE("layout_tokens handles 20,000 placements", "[geometry]") {
    Document d = ecomap::test::small_document();
    d.placements.clear();
    std::mt19937 rng(7);
    for (int i = 0; i < 20000; ++i) {
        Placement p;
        p.id = "pl" + std::to_string(i);
        p.entity = "p1";
        p.role = d.framework.roles[std::uniform_int_distribution<std::size_t>(0, 9)(rng)].id;
        d.placements.push_back(std::move(p));
    }
    const RingLayout layout = ring_layout(10);
    const std::vector<TokenPlace> tokens = layout_tokens(d, layout);
    REQUIRE(tokens.size() == 20000);
    std::vector<std::vector<Vec2>> per_role(10);
    for (const TokenPlace& t : tokens) {
        REQUIRE(hit_test_role(layout, t.centre) == t.role_index);
        per_role[static_cast<std::size_t>(t.role_index)].push_back(t.centre);
    }
    for (int role = 0; role < 10; ++role) {
        const auto it = std::find_if(tokens.begin(), tokens.end(), [&](const TokenPlace& t) { return t.role_index == role; });
        REQUIRE(it != tokens.end());
        CHECK(overlap_free(per_role[static_cast<std::size_t>(role)], it->radius));
    }
}

TEST_CASE("camera: map and screen points convert both ways", "[geometry][session]") {
    const Camera camera{.centre = Vec2{100, -50}, .zoom = 0.5};
    const Vec2 viewport{800, 600};
    const Vec2 centre_on_screen = map_to_screen(camera, viewport, camera.centre);
    CHECK(centre_on_screen.x == Approx(400));
    CHECK(centre_on_screen.y == Approx(300));
    const Vec2 below = map_to_screen(camera, viewport, Vec2{100, 150});  // 200 map units down = 100 px down
    CHECK(below.y == Approx(400));
    for (const Vec2 p : {Vec2{0, 0}, Vec2{-1000, 250}, Vec2{333.5, -720}}) {
        const Vec2 back = screen_to_map(camera, viewport, map_to_screen(camera, viewport, p));
        CHECK(back.x == Approx(p.x));
        CHECK(back.y == Approx(p.y));
    }
}

TEST_CASE("layout_tokens: on busy maps with hand-placed tokens, every token is inside its sector and none overlap",
          "[geometry][legibility]") {
    for (const int entities : {30, 300, 1000}) {
        Document d = generate_document(11, entities);
        // Some hand-placed tokens on top of each other and on the sector's edge, as drags leave them.
        const RingLayout layout = ring_layout(static_cast<int>(d.framework.roles.size()));
        for (std::size_t i = 0; i < d.placements.size(); i += 7) {
            const int role = d.framework.role_index(d.placements[i].role);
            d.placements[i].position = point_at(sector_start_angle(layout, role) + 0.01, 600);
        }
        const std::vector<TokenPlace> tokens = layout_tokens(d, layout);
        INFO(entities << " entities, " << tokens.size() << " tokens");
        int outside = 0, overlaps = 0;
        for (std::size_t a = 0; a < tokens.size(); ++a) {
            outside += token_inside_sector(layout, tokens[a].role_index, tokens[a].centre, tokens[a].radius) ? 0 : 1;
            for (std::size_t b = a + 1; b < tokens.size(); ++b) {
                const double gap = std::hypot(tokens[a].centre.x - tokens[b].centre.x, tokens[a].centre.y - tokens[b].centre.y);
                overlaps += gap < tokens[a].radius + tokens[b].radius ? 1 : 0;
            }
        }
        CHECK(outside == 0);
        CHECK(overlaps == 0);
    }
}
