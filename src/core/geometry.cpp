// ecomap core: map geometry in map units (see geometry.hpp for the conventions).
#include "core/geometry.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

namespace ecomap {

namespace {

constexpr double kTwoPi = 2.0 * kPi;
constexpr double kShrinkFactor = 0.9;  // radius multiplier per attempt when tokens do not fit
constexpr double kEpsilon = 1e-9;

bool valid_role(const RingLayout& layout, int role_index) {
    return role_index >= 0 && role_index < layout.role_count;
}

// Rows of tokens at one token radius: the arc radius of each row and how many fit on it.
struct Rows {
    std::vector<double> radius;          // arc radius of row k, from the inside out
    std::vector<long long> capacity;     // tokens that fit on row k
    std::vector<double> step;            // angle between neighbours on row k
    std::vector<double> span;            // usable angle on row k (first to last possible centre)
};

Rows compute_rows(const RingLayout& layout, double r, double margin) {
    Rows rows;
    const double spacing = 2.0 * r + margin;
    const double edge_clearance = r + 0.5 * margin;  // half the margin each side of a sector edge
    for (double rho = layout.inner_radius + margin + r; rho + r + margin <= layout.outer_radius + kEpsilon;
         rho += spacing) {
        const double half_margin_angle = std::asin(std::min(1.0, edge_clearance / rho));
        const double span = layout.sector_sweep - 2.0 * half_margin_angle;
        const double step = 2.0 * std::asin(std::min(1.0, spacing / (2.0 * rho)));
        const long long fit = span < 0 ? 0 : static_cast<long long>(std::floor(span / step + kEpsilon)) + 1;
        rows.radius.push_back(rho);
        rows.capacity.push_back(fit);
        rows.step.push_back(step);
        rows.span.push_back(std::max(0.0, span));
    }
    return rows;
}

// First row of a block of consecutive rows holding `count` tokens, as close to the
// middle of the band as possible; -1 when all rows together hold fewer.
int centred_block_start(const Rows& rows, long long count) {
    const int row_count = static_cast<int>(rows.capacity.size());
    std::vector<long long> prefix(static_cast<std::size_t>(row_count) + 1, 0);
    for (int k = 0; k < row_count; ++k) prefix[k + 1] = prefix[k] + rows.capacity[k];
    for (int start = row_count / 2; start >= 0; --start) {
        const auto end = std::lower_bound(prefix.begin() + start, prefix.end(), prefix[start] + count);
        if (end == prefix.end()) continue;
        const int rows_used = static_cast<int>(end - prefix.begin()) - start;
        if (start <= row_count - (start + rows_used)) return start;
    }
    return -1;
}

}  // namespace

RingLayout ring_layout(int role_count) {
    RingLayout layout;
    layout.role_count = std::max(0, role_count);
    layout.sector_sweep = layout.role_count > 0 ? kTwoPi / layout.role_count : 0.0;
    return layout;
}

double sector_start_angle(const RingLayout& layout, int role_index) {
    return (role_index - 0.5) * layout.sector_sweep;
}

double sector_end_angle(const RingLayout& layout, int role_index) {
    return sector_start_angle(layout, role_index) + layout.sector_sweep;
}

double sector_mid_angle(const RingLayout& layout, int role_index) { return role_index * layout.sector_sweep; }

Vec2 point_at(double angle, double radius) { return {radius * std::sin(angle), -radius * std::cos(angle)}; }

double angle_of(Vec2 p) {
    const double a = std::atan2(p.x, -p.y);
    return a < 0 ? a + kTwoPi : a;
}

Vec2 label_anchor(const RingLayout& layout, int role_index) {
    return point_at(sector_mid_angle(layout, role_index), layout.label_radius);
}

bool in_centre(const RingLayout& layout, Vec2 p) { return std::hypot(p.x, p.y) <= layout.centre_radius; }

int hit_test_role(const RingLayout& layout, Vec2 p) {
    if (layout.role_count <= 0) return -1;
    const double r = std::hypot(p.x, p.y);
    if (r < layout.inner_radius || r > layout.outer_radius) return -1;
    const int i = static_cast<int>(std::floor((angle_of(p) + 0.5 * layout.sector_sweep) / layout.sector_sweep));
    return i % layout.role_count;
}

bool token_inside_sector(const RingLayout& layout, int role_index, Vec2 centre, double radius) {
    if (!valid_role(layout, role_index)) return false;
    const double rho = std::hypot(centre.x, centre.y);
    if (rho - radius < layout.inner_radius - kEpsilon || rho + radius > layout.outer_radius + kEpsilon) return false;
    // Angular offset of the centre from the sector's middle direction, in [-π, π).
    double offset = angle_of(centre) - sector_mid_angle(layout, role_index);
    offset = std::remainder(offset, kTwoPi);
    const double to_edge = 0.5 * layout.sector_sweep - std::abs(offset);  // angle to the nearer edge
    if (to_edge < 0) return false;
    if (layout.role_count == 1 || to_edge >= 0.5 * kPi) return true;
    return rho * std::sin(to_edge) >= radius - kEpsilon;
}

TokenArrangement arrange_tokens(const RingLayout& layout, int role_index, int count, double token_radius) {
    TokenArrangement out;
    out.radius = token_radius;
    if (count <= 0 || !valid_role(layout, role_index) || token_radius <= 0 ||
        layout.inner_radius >= layout.outer_radius)
        return out;

    double r = token_radius;
    Rows rows;
    int start = -1;
    for (;; r *= kShrinkFactor) {
        rows = compute_rows(layout, r, layout.token_margin * (r / token_radius));
        start = centred_block_start(rows, count);
        if (start >= 0) break;
    }

    out.radius = r;
    out.centres.reserve(static_cast<std::size_t>(count));
    const double mid = sector_mid_angle(layout, role_index);
    long long left = count;
    for (std::size_t k = static_cast<std::size_t>(start); left > 0; ++k) {
        const long long in_row = std::min(left, rows.capacity[k]);
        for (long long j = 0; j < in_row; ++j) {
            const double angle = mid + (static_cast<double>(j) - 0.5 * static_cast<double>(in_row - 1)) * rows.step[k];
            out.centres.push_back(point_at(angle, rows.radius[k]));
        }
        left -= in_row;
    }
    return out;
}

namespace {

// Centres already taken, in a grid of square cells at least `clear` wide over the ring's
// bounding box: a point is clear of them when no centre in the 3 x 3 cells around it is
// nearer than `clear`. Flat arrays (a list head per cell, a next index per centre) so that
// filling the grid allocates twice, not once per cell.
class TakenCentres {
public:
    TakenCentres(const RingLayout& layout, double clear) : clear_(clear) {
        constexpr double kMaxCellsPerSide = 128;  // larger cells when tokens are tiny: fewer cells to clear
        origin_ = -(layout.outer_radius + clear);
        cell_ = std::max(clear, -2 * origin_ / kMaxCellsPerSide);
        side_ = static_cast<long long>(std::ceil(-2 * origin_ / cell_)) + 1;
        head_.assign(static_cast<std::size_t>(side_ * side_), -1);
    }
    void take(Vec2 p) {
        const std::size_t cell = index(column(p.x), column(p.y));
        centres_.push_back(p);
        next_.push_back(head_[cell]);
        head_[cell] = static_cast<int>(centres_.size() - 1);
    }
    bool clear_of(Vec2 p) const {
        // Same test as std::hypot(d) < clear - 1e-9; the squared distance decides unless it is
        // within rounding of the limit, where hypot decides as before.
        const double limit = clear_ - 1e-9, near = limit * limit * (1 - 1e-12), far = limit * limit * (1 + 1e-12);
        if (limit <= 0) return true;  // no distance is below it
        const long long cx = column(p.x), cy = column(p.y);
        for (long long x = std::max(0LL, cx - 1); x <= std::min(side_ - 1, cx + 1); ++x)
            for (long long y = std::max(0LL, cy - 1); y <= std::min(side_ - 1, cy + 1); ++y)
                for (int k = head_[index(x, y)]; k >= 0; k = next_[static_cast<std::size_t>(k)]) {
                    const Vec2 q = centres_[static_cast<std::size_t>(k)];
                    const double dx = p.x - q.x, dy = p.y - q.y, d2 = dx * dx + dy * dy;
                    if (d2 < near || (d2 <= far && std::hypot(dx, dy) < limit)) return false;
                }
        return true;
    }

private:
    // Centres outside the box (never a slot; a fixed token is tested only once inside its
    // sector) share the edge cells, which only costs a few more comparisons.
    long long column(double v) const {
        return std::clamp(static_cast<long long>(std::floor((v - origin_) / cell_)), 0LL, side_ - 1);
    }
    std::size_t index(long long x, long long y) const { return static_cast<std::size_t>(x * side_ + y); }

    double clear_, origin_ = 0, cell_ = 1;
    long long side_ = 1;
    std::vector<int> head_, next_;  // first centre of each cell, next centre of the same cell; -1 ends a list
    std::vector<Vec2> centres_;
};

// The tokens of one role: `fixed` (indices into `tokens`) asked for their own positions,
// `arranged` did not. A fixed token keeps its position while it lies fully inside the
// sector and clears every other token by the layout's margin; one that does not is
// arranged with the others, and the arrangement is made again. After a few rounds every
// remaining fixed token is arranged too, so no two tokens ever overlap.
void place_role(const RingLayout& layout, int role, double token_radius, std::vector<TokenPlace>& tokens,
                std::vector<std::size_t> fixed, std::vector<std::size_t> arranged) {
    constexpr int kRounds = 4;
    for (int round = 0;; ++round) {
        if (round == kRounds) {
            arranged.insert(arranged.end(), fixed.begin(), fixed.end());
            std::sort(arranged.begin(), arranged.end());  // document order, as when nothing is fixed
            fixed.clear();
        }
        TokenArrangement arrangement;
        arrangement.radius = token_radius;
        if (!arranged.empty()) arrangement = arrange_tokens(layout, role, static_cast<int>(arranged.size()), token_radius);
        const double r = arrangement.radius, clear = 2 * r + layout.token_margin * (r / token_radius);
        std::vector<std::size_t> kept, demoted;
        if (!fixed.empty()) {
            // Arranged slots first, then each fixed token kept: later ones must clear it too.
            TakenCentres taken(layout, clear);
            for (const Vec2 slot : arrangement.centres) taken.take(slot);
            for (const std::size_t index : fixed) {
                const Vec2 at = tokens[index].centre;
                const bool fits = token_inside_sector(layout, role, at, r) && taken.clear_of(at);
                (fits ? kept : demoted).push_back(index);
                if (fits) taken.take(at);
            }
        }
        if (demoted.empty() || round == kRounds) {
            for (std::size_t k = 0; k < arranged.size(); ++k) tokens[arranged[k]].centre = arrangement.centres[k];
            for (const std::size_t index : arranged) tokens[index].radius = r;
            for (const std::size_t index : kept) tokens[index].radius = r;
            return;
        }
        arranged.insert(arranged.end(), demoted.begin(), demoted.end());
        std::sort(arranged.begin(), arranged.end());
        fixed = std::move(kept);
    }
}

}  // namespace

std::vector<TokenPlace> layout_tokens(const Document& document, const RingLayout& layout, double token_radius) {
    std::unordered_map<std::string_view, int> role_of;
    const int roles = std::min(layout.role_count, static_cast<int>(document.framework.roles.size()));
    for (int i = 0; i < roles; ++i) role_of.emplace(document.framework.roles[i].id, i);

    std::vector<TokenPlace> tokens;
    tokens.reserve(document.placements.size());
    std::vector<std::vector<std::size_t>> fixed(static_cast<std::size_t>(roles)), arranged(static_cast<std::size_t>(roles));
    for (const Placement& p : document.placements) {
        const auto it = role_of.find(p.role);
        if (it == role_of.end()) continue;
        const int role = it->second;
        TokenPlace token{.placement = p.id, .entity = p.entity, .role_index = role, .centre = {}, .radius = token_radius};
        if (p.position && hit_test_role(layout, *p.position) == role) {
            token.centre = *p.position;
            fixed[static_cast<std::size_t>(role)].push_back(tokens.size());
        } else {
            arranged[static_cast<std::size_t>(role)].push_back(tokens.size());
        }
        tokens.push_back(std::move(token));
    }
    for (int role = 0; role < roles; ++role)
        if (!fixed[static_cast<std::size_t>(role)].empty() || !arranged[static_cast<std::size_t>(role)].empty())
            place_role(layout, role, token_radius, tokens, std::move(fixed[static_cast<std::size_t>(role)]),
                       std::move(arranged[static_cast<std::size_t>(role)]));
    return tokens;
}

}  // namespace ecomap
