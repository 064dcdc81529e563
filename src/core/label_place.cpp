// ecomap core: place_labels (see label_place.hpp).
#include "core/label_place.hpp"

#include "core/utf8.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace ecomap {

bool LabelBox::overlaps(const LabelBox& o) const {
    return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
}

namespace {

// A uniform grid of cells holding the indices of the boxes and circles that touch them.
class Grid {
public:
    explicit Grid(double cell) : cell_(cell) {}

    void add_box(const LabelBox& box) {
        boxes_.push_back(box);
        each_cell(box, [&](long long key) { cells_[key].boxes.push_back(boxes_.size() - 1); });
    }
    void add_circle(Vec2 c, double r) {
        circles_.push_back({c, r});
        each_cell({c.x - r, c.y - r, 2 * r, 2 * r}, [&](long long key) { cells_[key].circles.push_back(circles_.size() - 1); });
    }
    bool free(const LabelBox& box) const {
        bool clear = true;
        each_cell(box, [&](long long key) {
            if (!clear) return;
            const auto it = cells_.find(key);
            if (it == cells_.end()) return;
            for (const std::size_t b : it->second.boxes)
                if (boxes_[b].overlaps(box)) clear = false;
            for (const std::size_t c : it->second.circles)
                if (touches(circles_[c], box)) clear = false;
        });
        return clear;
    }

private:
    struct Circle {
        Vec2 c;
        double r;
    };
    struct Cell {
        std::vector<std::size_t> boxes, circles;
    };
    static bool touches(const Circle& circle, const LabelBox& box) {
        const double nx = std::clamp(circle.c.x, box.x, box.x + box.w), ny = std::clamp(circle.c.y, box.y, box.y + box.h);
        const double dx = circle.c.x - nx, dy = circle.c.y - ny;
        return dx * dx + dy * dy < circle.r * circle.r;  // as hypot(dx, dy) < r, without its cost
    }
    template <class F>
    void each_cell(const LabelBox& box, F&& visit) const {
        const auto lo_x = static_cast<long long>(std::floor(box.x / cell_)), hi_x = static_cast<long long>(std::floor((box.x + box.w) / cell_));
        const auto lo_y = static_cast<long long>(std::floor(box.y / cell_)), hi_y = static_cast<long long>(std::floor((box.y + box.h) / cell_));
        for (long long gx = lo_x; gx <= hi_x; ++gx)
            for (long long gy = lo_y; gy <= hi_y; ++gy) visit(gx * 2654435761LL ^ gy);
    }

    double cell_;
    std::vector<LabelBox> boxes_;
    std::vector<Circle> circles_;
    std::unordered_map<long long, Cell> cells_;
};

// The text with at most `keep` characters, ending with "…".
std::string shortened(std::string_view text, std::size_t keep) {
    return text::truncate_code_points(text, keep) + "…";
}

}  // namespace

std::vector<PlacedLabel> place_labels(const std::vector<LabelRequest>& requests, const LabelObstacles& obstacles,
                                      const TextWidth& width) {
    if (requests.empty()) return {};  // nothing to place: the obstacles need no grid
    double typical = 0;
    for (const LabelRequest& request : requests) typical = std::max(typical, request.size);
    Grid grid(std::max(1.0, typical * 4));
    for (std::size_t i = 0; i < obstacles.circle_centres.size() && i < obstacles.circle_radii.size(); ++i)
        grid.add_circle(obstacles.circle_centres[i], obstacles.circle_radii[i]);
    for (const LabelBox& box : obstacles.boxes) grid.add_box(box);

    std::vector<std::size_t> order(requests.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return requests[a].priority > requests[b].priority; });
    std::vector<PlacedLabel> placed;
    for (const std::size_t index : order) {
        const LabelRequest& request = requests[index];
        if (request.text.empty() || request.size <= 0) continue;
        const double h = request.size * 1.25, gap = request.clearance;
        const Vec2 a = request.anchor;
        std::vector<std::string> texts = {request.text};
        const std::size_t length = text::code_point_count(request.text);
        for (const std::size_t keep : {length * 6 / 10, length * 35 / 100})
            if (keep >= 4 && keep < length) texts.push_back(shortened(request.text, keep));
        bool done = false;
        if (request.always) {
            const double w = width(request.text, request.size);
            const LabelBox below{a.x - w / 2, a.y + gap, w, h};
            grid.add_box(below);
            placed.push_back({index, LabelSide::Below, request.text, below, {below.x, below.y + request.size}});
            continue;
        }
        for (const std::string& text : texts) {
            const double w = width(text, request.size);
            const LabelBox spots[] = {
                {a.x - w / 2, a.y + gap, w, h},          // below
                {a.x - w / 2, a.y - gap - h, w, h},      // above
                {a.x + gap, a.y - h / 2, w, h},          // right
                {a.x - gap - w, a.y - h / 2, w, h},      // left
            };
            for (int side = 0; side < 4; ++side) {
                const LabelBox& spot = spots[side];
                if (!grid.free(spot)) continue;
                grid.add_box(spot);
                placed.push_back({index, static_cast<LabelSide>(side), text, spot, {spot.x, spot.y + request.size}});
                done = true;
                break;
            }
            if (done) break;
        }
    }
    return placed;
}

}  // namespace ecomap
