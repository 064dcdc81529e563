// The role palette for colour-blind viewers: neighbouring roles on the ring stay apart
// (CIE76 ΔE ≥ 23) in normal vision and under simulated protanopia, deuteranopia and
// tritanopia (Machado, Oliveira and Fernandes 2009, severity 1, on linear RGB); and the
// kinds keep their own shapes, so colour is never the only cue.
#include "core/framework.hpp"
#include "core/geometry.hpp"
#include "core/look.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

using namespace ecomap;

namespace {

using Matrix = std::array<std::array<double, 3>, 3>;

struct Vision {
    const char* name;  // for the failure message
    Matrix matrix;     // linear RGB -> linear RGB as seen
};

// Machado et al. 2009, severity 1.0 (the published table).
const std::array<Vision, 4> kVisions{{
    {"normal vision", {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}}},
    {"protanopia", {{{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216}, {-0.003882, -0.048116, 1.051998}}}},
    {"deuteranopia", {{{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413}, {-0.011820, 0.042940, 0.968881}}}},
    {"tritanopia", {{{1.255528, -0.076749, -0.178779}, {-0.078411, 0.930809, 0.147602}, {0.004733, 0.691367, 0.303900}}}},
}};

constexpr double kMinNeighbourDeltaE = 23.0;  // CIE76 units between roles side by side on the ring

struct Lab {
    double l = 0, a = 0, b = 0;
};

double to_linear(double c) { return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4); }

// An sRGB colour as a viewer with that vision sees it, in CIE Lab (D65 white).
Lab seen_as(Rgb color, const Matrix& m) {
    const std::array<double, 3> in{to_linear(color.r), to_linear(color.g), to_linear(color.b)};
    std::array<double, 3> rgb{};
    for (int i = 0; i < 3; ++i)
        rgb[i] = std::clamp(m[i][0] * in[0] + m[i][1] * in[1] + m[i][2] * in[2], 0.0, 1.0);
    const double x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047;
    const double y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    const double z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883;
    const auto f = [](double t) {
        constexpr double d = 6.0 / 29.0;
        return t > d * d * d ? std::cbrt(t) : t / (3 * d * d) + 4.0 / 29.0;
    };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

double delta_e76(const Lab& p, const Lab& q) { return std::hypot(p.l - q.l, p.a - q.a, p.b - q.b); }

// The smallest ΔE between two roles side by side (the last one touches the first).
struct Closest {
    double delta = 1e9;
    std::string pair;
};
Closest closest_neighbours(const std::vector<Rgb>& colors, const Matrix& m) {
    Closest out;
    for (std::size_t i = 0; i < colors.size(); ++i) {
        const std::size_t j = (i + 1) % colors.size();
        const double d = delta_e76(seen_as(colors[i], m), seen_as(colors[j], m));
        if (d < out.delta) out = {d, std::to_string(i) + "-" + std::to_string(j)};
    }
    return out;
}

// How far apart two outlines are (symmetric Hausdorff distance, on their vertices).
double outline_distance(const std::vector<Vec2>& p, const std::vector<Vec2>& q) {
    const auto one_way = [](const std::vector<Vec2>& from, const std::vector<Vec2>& to) {
        double worst = 0;
        for (const Vec2& a : from) {
            double best = 1e9;
            for (std::size_t i = 0; i < to.size(); ++i) {  // nearest point on each edge of `to`
                const Vec2& s = to[i];
                const Vec2& e = to[(i + 1) % to.size()];
                const double ex = e.x - s.x, ey = e.y - s.y;
                const double length = ex * ex + ey * ey;
                const double t = length > 0 ? std::clamp(((a.x - s.x) * ex + (a.y - s.y) * ey) / length, 0.0, 1.0) : 0.0;
                best = std::min(best, std::hypot(a.x - (s.x + t * ex), a.y - (s.y + t * ey)));
            }
            worst = std::max(worst, best);
        }
        return worst;
    };
    return std::max(one_way(p, q), one_way(q, p));
}

}  // namespace

TEST_CASE("the simulation itself: black and white are far apart, a colour equals itself", "[palette]") {
    for (const Vision& vision : kVisions) {
        CHECK(delta_e76(seen_as({0, 0, 0}, vision.matrix), seen_as({1, 1, 1}, vision.matrix)) > 99.0);
        CHECK(delta_e76(seen_as({0.2, 0.4, 0.6}, vision.matrix), seen_as({0.2, 0.4, 0.6}, vision.matrix)) == 0.0);
    }
    // Protanopia and deuteranopia fold red onto green: a pure red and a pure green that
    // differ by far more than 23 in normal vision come much closer.
    const Rgb red{0.8, 0.2, 0.1}, green{0.45, 0.5, 0.1};
    CHECK(delta_e76(seen_as(red, kVisions[0].matrix), seen_as(green, kVisions[0].matrix)) > 40.0);
    CHECK(delta_e76(seen_as(red, kVisions[2].matrix), seen_as(green, kVisions[2].matrix)) < 23.0);
}

TEST_CASE("neighbouring role colours stay apart in normal vision and under protanopia, deuteranopia and tritanopia",
          "[palette]") {
    const Framework& framework = default_framework();
    REQUIRE(framework.roles.size() >= 2);
    std::vector<Rgb> colors;
    for (const Role& role : framework.roles) {
        const Rgb fallback{-1, -1, -1};
        const Rgb color = parse_hex_color(role.color, fallback);
        REQUIRE(!(color == fallback));  // every role has a real colour
        colors.push_back(color);
    }
    for (const Vision& vision : kVisions) {
        const Closest closest = closest_neighbours(colors, vision.matrix);
        INFO(vision.name << ": roles " << closest.pair << " differ by " << closest.delta);
        CHECK(closest.delta >= kMinNeighbourDeltaE);
    }
}

TEST_CASE("person, organization and network tokens keep different shapes", "[palette][look]") {
    const double r = 10;
    const std::vector<Vec2> person = token_outline(EntityKind::Person, {0, 0}, r, 64);
    const std::vector<Vec2> organization = token_outline(EntityKind::Organization, {0, 0}, r, 64);
    const std::vector<Vec2> network = token_outline(EntityKind::Network, {0, 0}, r, 64);
    // At least a tenth of the radius apart somewhere: visible at any token size on screen.
    CHECK(outline_distance(person, organization) > r * 0.1);
    CHECK(outline_distance(person, network) > r * 0.1);
    CHECK(outline_distance(organization, network) > r * 0.1);
}
