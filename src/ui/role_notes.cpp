// Role notes on the map and presentation sizes (see role_notes.hpp).
//
// Index: [SECTION] Geometry, [SECTION] Role notes.
#include "ui/role_notes.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "core/i18n.hpp"
#include "core/analysis.hpp"
#include "ui/camera.hpp"
#include "ui/facilitator.hpp"
#include "ui/map_draw.hpp"
#include "ui/test_hooks.hpp"

namespace ecomap::ui {
namespace {

constexpr float kLabelScale = 1.5f;       // presentation labels vs the normal view
constexpr float kMaxLabelPx = 46.0f;      // stays close to the largest rasterized label font
constexpr float kTokenPx = 20.0f;         // smallest token radius when presenting, CSS px
constexpr float kCountsShare = 0.62f;     // counts line size, share of the label size
constexpr float kBadgeShare = 0.56f;      // gap badge text size, share of the label size
constexpr ImU32 kDot = IM_COL32(20, 22, 28, 255);

float counts_px(float label_px) { return std::max(13.0f, label_px * kCountsShare); }
float badge_px(float label_px) { return std::max(11.0f, label_px * kBadgeShare); }
float dot_radius(float label_px) { return std::clamp(label_px * 0.2f, 4.0f, 9.0f); }

// Dot votes of one role, laid out along the arc outside the rim.
struct VoteRows {
    int per_row = 0;      // dots that fit on one row of the role's arc
    int rows = 0;         // 0 (no votes), 1 or 2; numbers beyond two rows are written
    bool written = false; // too many to draw one by one: a dot and the number
    float band = 0;       // radial room they take, CSS px
};

VoteRows vote_rows(int votes, float sweep, float outer_radius, float label_px) {
    VoteRows out;
    if (votes <= 0) return out;
    const float r = dot_radius(label_px);
    const float spacing = r * 2.7f;
    out.per_row = std::max(1, static_cast<int>(sweep * (outer_radius + r * 2.0f) * 0.8f / spacing));
    if (votes <= out.per_row) out.rows = 1;
    else if (votes <= out.per_row * 2) out.rows = 2;
    else {
        out.rows = 1;
        out.written = true;
    }
    out.band = static_cast<float>(out.rows) * spacing + 3.0f;
    return out;
}

struct LabelBlock {               // what is written next to a role
    std::string name;             // role name
    const char* badge = "";       // "empty", "thin" or ""
    std::string counts;           // "4 people · 2 orgs" when presenting
};

LabelBlock label_block(const Role& role, const RoleStats& stats, bool presenting, bool gaps) {
    LabelBlock block;
    block.name = role.name;
    if (gaps && (stats.empty || stats.thin)) block.badge = i18n::tr(stats.empty ? "ui.gap.empty" : "ui.gap.thin");
    if (presenting && !stats.empty) block.counts = kind_counts_text(stats, true);
    return block;
}

ImVec2 block_size(const Fonts& fonts, float px, const LabelBlock& block) {
    ImFont* font = fonts.label_for(px);
    ImVec2 size = font->CalcTextSizeA(px, 1e9f, 0.0f, block.name.c_str());
    if (block.badge[0] != '\0') {
        const float bpx = badge_px(px);
        size.x += px * 0.3f + fonts.label_for(bpx)->CalcTextSizeA(bpx, 1e9f, 0.0f, block.badge).x + bpx * 0.9f;
    }
    if (!block.counts.empty()) {
        const float cpx = counts_px(px);
        size.x = std::max(size.x, fonts.label_for(cpx)->CalcTextSizeA(cpx, 1e9f, 0.0f, block.counts.c_str()).x);
        size.y += cpx * 1.15f;
    }
    return size;
}

float sector_sweep(const MapFrame& frame, int index) {
    return static_cast<float>(sector_end_angle(frame.ring, index) - sector_start_angle(frame.ring, index));
}

void text(ImDrawList& list, ImFont* font, float px, ImVec2 at, ImU32 color, const std::string& s) {
    list.AddText(font, px, {std::round(at.x), std::round(at.y)}, color, s.c_str());
    record_text(s);
}

}  // namespace

// [SECTION] Geometry

FrameOptions presentation_frame_options() {
    FrameOptions options;
    options.label_scale = kLabelScale;
    options.max_label_px = kMaxLabelPx;
    options.token_px = kTokenPx;
    return options;
}

Camera presentation_camera(const UiContext& context, const ScreenRect& area) {
    const Document& document = context.document();
    const Fonts& fonts = context.fonts;
    const RingLayout ring = ring_layout(static_cast<int>(document.framework.roles.size()));
    const Analysis analysis = context.analysis();
    const auto& roles = document.framework.roles;
    // Widest and tallest label block, in label heights (measured at 24 px).
    float widest = 0, tallest = 1.2f;
    int most_votes = 0;
    for (size_t i = 0; i < roles.size() && i < analysis.roles.size(); ++i) {
        const ImVec2 size = block_size(fonts, 24.0f, label_block(roles[i], analysis.roles[i], true, true));
        widest = std::max(widest, size.x / 24.0f);
        tallest = std::max(tallest, radial_role_labels(static_cast<int>(roles.size())) ? size.x / 24.0f : size.y / 24.0f);
        most_votes = std::max(most_votes, analysis.roles[i].votes);
    }
    const float sweep = roles.empty() ? 1.0f : 6.2831853f / static_cast<float>(roles.size());
    // The label size grows with the radius: find the largest radius whose ring, labels
    // and vote dots fit (the room needed grows with the radius, so bisect).
    const auto fits = [&](double radius) {
        Camera trial;
        trial.zoom = radius / ring.outer_radius;
        const float label = std::min(label_size(trial, ring) * kLabelScale, kMaxLabelPx);
        const double band = vote_rows(most_votes, sweep, static_cast<float>(radius), label).band;
        return radius + label * (widest + 0.7) + band + kPresentMargin <= area.w * 0.5 &&
               radius + label * (tallest + 0.7) + band + kPresentMargin <= area.h * 0.5;
    };
    double low = 30.0, high = std::max(30.0, std::min(area.w, area.h) * 0.5);
    for (int i = 0; i < 24; ++i) {
        const double middle = (low + high) * 0.5;
        (fits(middle) ? low : high) = middle;
    }
    Camera camera;
    const double radius = low;
    camera.zoom = std::clamp(radius / ring.outer_radius, kMinZoom, kMaxZoom);
    camera.centre = {0, 0};
    return camera;
}

// [SECTION] Role notes

void draw_role_notes(ImDrawList& list, const UiContext& context, const MapFrame& frame) {
    const Document& document = context.document();
    const auto& roles = document.framework.roles;
    const Analysis analysis = context.analysis();
    const bool presenting = context.state.presenting;
    const bool gaps = gaps_shown(context);
    const float px = frame.label_px;
    ImFont* font = context.fonts.label_for(px);
    const bool radial = radial_role_labels(static_cast<int>(roles.size()));
    // Names along the rim (phones): one size for all, small enough that each fits its sector.
    float rim_px = px;
    if (frame.rim_labels) {
        for (size_t i = 0; i < roles.size() && i < analysis.roles.size(); ++i) {
            const LabelBlock block = label_block(roles[i], analysis.roles[i], presenting, gaps);
            const std::string line = block.badge[0] != '\0' ? block.name + " · " + block.badge : block.name;
            const float width = font->CalcTextSizeA(px, 1e9f, 0.0f, line.c_str()).x;
            const float arc = sector_sweep(frame, static_cast<int>(i)) * (frame.outer_radius + px * kRimLabelGap) * 0.94f;
            if (width > arc) rim_px = std::min(rim_px, px * arc / width);
        }
        rim_px = std::max(rim_px, 10.0f);
    }
    ImFont* rim_font = context.fonts.label_for(rim_px);
    for (size_t i = 0; i < roles.size() && i < frame.labels.size() && i < analysis.roles.size(); ++i) {
        const int index = static_cast<int>(i);
        const RoleStats& stats = analysis.roles[i];
        const RoleLabel& label = frame.labels[i];
        const float s = std::sin(label.angle), c = -std::cos(label.angle);

        // Vote dots, just outside the rim.
        const float sweep = sector_sweep(frame, index);
        const VoteRows votes = vote_rows(stats.votes, sweep, frame.outer_radius, px);
        if (votes.rows > 0) {
            const float r = dot_radius(px);
            const float spacing = r * 2.7f;
            int left = votes.written ? 1 : stats.votes;
            for (int row = 0; row < votes.rows && left > 0; ++row) {
                const int n = std::min(left, votes.per_row);
                left -= n;
                const float radius = frame.outer_radius + r + 4.0f + spacing * static_cast<float>(row);
                for (int k = 0; k < n; ++k) {
                    const float a = label.angle + (static_cast<float>(k) - static_cast<float>(n - 1) * 0.5f) * spacing / radius;
                    const ImVec2 p{frame.centre_x + std::sin(a) * radius, frame.centre_y - std::cos(a) * radius};
                    list.AddCircleFilled(p, r + 1.5f, IM_COL32(255, 255, 255, 255));
                    list.AddCircleFilled(p, r, kDot);
                }
            }
            if (votes.written) {
                const float radius = frame.outer_radius + r + 4.0f;
                const ImVec2 p{frame.centre_x + s * radius, frame.centre_y + c * radius};
                const std::string number = "× " + std::to_string(stats.votes);
                const float npx = std::max(12.0f, r * 2.4f);
                ImFont* nfont = context.fonts.label_for(npx);
                text(list, nfont, npx, {p.x + r + 3.0f, p.y - npx * 0.55f}, kInk, number);
            }
        }

        // The label block: name (+ gap badge), then counts when presenting.
        const LabelBlock block = label_block(roles[i], stats, presenting, gaps);
        if (radial) {  // many roles: the name and its gap word along the radius, no counts
            const std::string line = block.badge[0] != '\0' ? block.name + " · " + block.badge : block.name;
            draw_radial_text(list, font, px, frame, label.angle, frame.outer_radius + votes.band + px * 0.35f,
                             block.badge[0] == '\0' ? kInk : stats.empty ? kEmptyFill : IM_COL32(110, 80, 0, 255), line);
            continue;
        }
        if (frame.rim_labels) {  // a phone: the name (and its gap word) curved along the rim
            const std::string line = block.badge[0] != '\0' ? block.name + " · " + block.badge : block.name;
            draw_rim_text(list, rim_font, rim_px, frame, label.angle, frame.outer_radius + votes.band + px * kRimLabelGap,
                          block.badge[0] == '\0' ? kInk : stats.empty ? kEmptyFill : IM_COL32(110, 80, 0, 255), line);
            continue;
        }
        const ImVec2 size = block_size(context.fonts, px, block);
        const float anchor_r = frame.outer_radius + votes.band + px * 0.6f;
        const float ax = frame.centre_x + s * anchor_r, ay = frame.centre_y + c * anchor_r;
        const float fx = s > 0.25f ? 0.0f : (s < -0.25f ? 1.0f : 0.5f);
        const float fy = c > 0.25f ? 0.0f : (c < -0.25f ? 1.0f : 0.5f);
        const ImVec2 origin{std::round(ax - size.x * fx), std::round(ay - size.y * fy)};
        const ImVec2 name_size = font->CalcTextSizeA(px, 1e9f, 0.0f, block.name.c_str());
        float line_w = name_size.x;
        const float bpx = badge_px(px);
        ImFont* bfont = context.fonts.label_for(bpx);
        const ImVec2 badge_text = block.badge[0] ? bfont->CalcTextSizeA(bpx, 1e9f, 0.0f, block.badge) : ImVec2{0, 0};
        if (block.badge[0] != '\0') line_w += px * 0.3f + badge_text.x + bpx * 0.9f;
        float x = origin.x + (size.x - line_w) * fx;
        const bool spotlit = presenting && context.state.spotlight_role == roles[i].id;
        text(list, font, px, {x, origin.y}, presenting ? kInk : IM_COL32(28, 32, 40, 255), block.name);
        if (spotlit) {
            list.AddRectFilled({x, origin.y + name_size.y + 1.0f}, {x + name_size.x, origin.y + name_size.y + 5.0f},
                               im_color(parse_hex_color(roles[i].color)), 2.0f);
        }
        if (block.badge[0] != '\0') {
            const float bx = x + name_size.x + px * 0.3f;
            const float by = origin.y + (name_size.y - badge_text.y) * 0.5f;
            const bool empty = stats.empty;
            list.AddRectFilled({bx, by - bpx * 0.12f}, {bx + badge_text.x + bpx * 0.9f, by + badge_text.y + bpx * 0.12f},
                               empty ? kEmptyFill : kThinFill, bpx * 0.5f);
            text(list, bfont, bpx, {bx + bpx * 0.45f, by}, empty ? IM_COL32(255, 255, 255, 255) : kInk, block.badge);
        }
        if (!block.counts.empty()) {
            const float cpx = counts_px(px);
            ImFont* cfont = context.fonts.label_for(cpx);
            const float cw = cfont->CalcTextSizeA(cpx, 1e9f, 0.0f, block.counts.c_str()).x;
            x = origin.x + (size.x - cw) * fx;
            text(list, cfont, cpx, {x, origin.y + name_size.y + cpx * 0.15f}, kSubInk, block.counts);
        }
    }
}

float widest_role_note_em(const UiContext& context) {
    const Document& document = context.document();
    const Analysis analysis = context.analysis();
    const bool gaps = gaps_shown(context);
    float widest = 0;
    for (size_t i = 0; i < document.framework.roles.size() && i < analysis.roles.size(); ++i) {
        const LabelBlock block = label_block(document.framework.roles[i], analysis.roles[i], false, gaps);
        widest = std::max(widest, block_size(context.fonts, 24.0f, block).x / 24.0f);
    }
    return widest;
}

}  // namespace ecomap::ui
