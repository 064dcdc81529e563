// Presentation mode and the role notes on the map (see presentation.hpp).
//
// Index: [SECTION] Geometry, [SECTION] Role notes, [SECTION] Mode and keys,
// [SECTION] Overlay.
#include "ui/presentation.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "core/analysis.hpp"
#include "core/commands.hpp"
#include "ui/actions.hpp"
#include "ui/camera.hpp"
#include "ui/facilitator.hpp"
#include "ui/test_hooks.hpp"

namespace ecomap::ui {
namespace {

constexpr float kLabelScale = 1.5f;       // presentation labels vs the normal view
constexpr float kMaxLabelPx = 46.0f;      // stays close to the largest rasterized label font
constexpr float kTokenPx = 20.0f;         // smallest token radius when presenting, CSS px
constexpr float kCountsShare = 0.62f;     // counts line size, share of the label size
constexpr float kBadgeShare = 0.56f;      // gap badge text size, share of the label size
constexpr float kMargin = 16.0f;          // CSS px kept free at the window's edges
constexpr ImU32 kInk = IM_COL32(0, 0, 0, 255);
constexpr ImU32 kSubInk = IM_COL32(35, 38, 46, 255);
constexpr ImU32 kEmptyFill = IM_COL32(136, 34, 85, 255);   // #882255
constexpr ImU32 kThinFill = IM_COL32(221, 204, 119, 255);  // #DDCC77
constexpr ImU32 kDot = IM_COL32(20, 22, 28, 255);
constexpr std::array<const char*, 3> kStrengthWords = {"primary", "secondary", "aspiring"};

float card_width(float window_width) { return std::clamp(window_width * 0.3f, 340.0f, 620.0f); }
bool card_below(float window_width) { return window_width < 760.0f; }  // narrow windows: the card takes the bottom

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
    if (gaps && (stats.empty || stats.thin)) block.badge = stats.empty ? "empty" : "thin";
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

ScreenRect presentation_map_area(const UiContext& context, float width, float height) {
    if (context.state.spotlight_role.empty()) return {0, 0, width, height};
    if (card_below(width)) return {0, 0, width, height * 0.55f};
    return {0, 0, std::max(1.0f, width - card_width(width)), height};
}

Camera presentation_camera(const Document& document, const Fonts& fonts, const ScreenRect& area) {
    const RingLayout ring = ring_layout(static_cast<int>(document.framework.roles.size()));
    const Analysis analysis = analyse(document);
    const auto& roles = document.framework.roles;
    // Widest and tallest label block, in label heights (measured at 24 px).
    float widest = 0, tallest = 1.2f;
    int most_votes = 0;
    for (size_t i = 0; i < roles.size() && i < analysis.roles.size(); ++i) {
        const ImVec2 size = block_size(fonts, 24.0f, label_block(roles[i], analysis.roles[i], true, true));
        widest = std::max(widest, size.x / 24.0f);
        tallest = std::max(tallest, size.y / 24.0f);
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
        return radius + label * (widest + 0.7) + band + kMargin <= area.w * 0.5 &&
               radius + label * (tallest + 0.7) + band + kMargin <= area.h * 0.5;
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
    const Analysis analysis = analyse(document);
    const bool presenting = context.state.presenting;
    const bool gaps = gaps_shown(context);
    const float px = frame.label_px;
    ImFont* font = context.fonts.label_for(px);
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
            const render::Rgb rc = render::parse_hex_color(roles[i].color);
            list.AddRectFilled({x, origin.y + name_size.y + 1.0f}, {x + name_size.x, origin.y + name_size.y + 5.0f},
                               ImGui::ColorConvertFloat4ToU32({rc.r, rc.g, rc.b, 1.0f}), 2.0f);
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
    const Analysis analysis = analyse(document);
    const bool gaps = gaps_shown(context);
    float widest = 0;
    for (size_t i = 0; i < document.framework.roles.size() && i < analysis.roles.size(); ++i) {
        const LabelBlock block = label_block(document.framework.roles[i], analysis.roles[i], false, gaps);
        widest = std::max(widest, block_size(context.fonts, 24.0f, block).x / 24.0f);
    }
    return widest;
}

// [SECTION] Mode and keys

void set_presenting(UiContext& context, bool on) {
    context.state.presenting = on;
    context.state.spotlight_role.clear();
    context.state.auto_fit = true;
    context.state.press.reset();
    context.state.list_drag.reset();
    context.session.drag.reset();
    context.session.selection.items.clear();
    context.state.status = on ? "Presenting: click a role or use the arrow keys; Esc leaves" : "Left presentation mode";
}

void spotlight_step(UiContext& context, int delta) {
    const auto& roles = context.document().framework.roles;
    if (roles.empty()) return;
    const int n = static_cast<int>(roles.size());
    const int current = context.document().framework.role_index(context.state.spotlight_role);
    const int next = current < 0 ? (delta > 0 ? 0 : n - 1) : ((current + delta) % n + n) % n;
    context.state.spotlight_role = roles[static_cast<size_t>(next)].id;
}

void handle_presentation_keys(UiContext& context) {
    if (ImGui::GetIO().WantTextInput || context.state.message || context.state.confirm) return;
    if (ImGui::IsKeyPressed(ImGuiKey_RightArrow) || ImGui::IsKeyPressed(ImGuiKey_DownArrow)) spotlight_step(context, 1);
    if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow) || ImGui::IsKeyPressed(ImGuiKey_UpArrow)) spotlight_step(context, -1);
    const std::string& role = context.state.spotlight_role;
    if (context.state.vote_mode && !role.empty()) {
        int delta = 0;
        if (ImGui::IsKeyPressed(ImGuiKey_Space, false) || ImGui::IsKeyPressed(ImGuiKey_Enter, false)) delta = 1;
        if (ImGui::IsKeyPressed(ImGuiKey_Backspace, false)) delta = -1;
        if (delta != 0) {
            context.history.break_coalescing();
            const ApplyResult result = context.history.apply(add_vote(role, delta));
            if (!result) context.state.status = result.error;
        }
    }
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        if (!context.state.spotlight_role.empty()) context.state.spotlight_role.clear();
        else set_presenting(context, false);
    }
}

bool facilitator_click(UiContext& context, const MapFrame& frame, float x, float y, int delta) {
    if (!context.state.vote_mode && !context.state.presenting) return false;
    const Document& document = context.document();
    const Vec2 map = to_map(frame.camera, frame.area, {x, y});
    const int role = hit_test_role(frame.ring, map);
    if (context.state.vote_mode) {
        if (role < 0) return true;  // a click beside the ring does nothing in vote mode
        const Role& target = document.framework.roles[static_cast<size_t>(role)];
        context.history.break_coalescing();
        const ApplyResult result = context.history.apply(add_vote(target.id, delta));
        if (!result) context.state.status = result.error;
        else context.state.status = target.name + ": " + std::to_string(context.document().votes_for(target.id)) + " votes";
        return true;
    }
    if (delta < 0) return true;
    if (role < 0) {
        context.state.spotlight_role.clear();
        return true;
    }
    const std::string& id = document.framework.roles[static_cast<size_t>(role)].id;
    if (context.state.spotlight_role == id) context.state.spotlight_role.clear();
    else context.state.spotlight_role = id;
    return true;
}

// [SECTION] Overlay

namespace {

constexpr ImGuiWindowFlags kOverlayFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                           ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                           ImGuiWindowFlags_AlwaysAutoResize;

void wrapped(ImFont* font, const std::string& s, ImU32 color = kInk) {
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(s.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void title_block(UiContext& context, const Analysis& analysis) {
    const Document& document = context.document();
    ImGui::SetNextWindowPos({kMargin + 8.0f, kMargin});
    ImGui::Begin("##present-title", nullptr, kOverlayFlags | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoInputs);
    capture_window_text();
    const std::string title = document.meta.title.empty() ? "Our ecosystem" : document.meta.title;
    ImGui::PushFont(context.fonts.label_large);
    ImGui::PushStyleColor(ImGuiCol_Text, kInk);
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    expose_item("present-title");
    std::array<int, 3> kinds{};
    for (const Entity& entity : document.entities) ++kinds[static_cast<size_t>(entity.kind)];
    std::string line = std::to_string(kinds[0]) + (kinds[0] == 1 ? " person · " : " people · ") +
                       std::to_string(kinds[1]) + (kinds[1] == 1 ? " organization" : " organizations");
    if (kinds[2] > 0) line += " · " + std::to_string(kinds[2]) + (kinds[2] == 1 ? " network" : " networks");
    ImGui::PushFont(context.fonts.label_medium);
    ImGui::PushStyleColor(ImGuiCol_Text, kSubInk);
    ImGui::TextUnformatted(line.c_str());
    if (!analysis.empty_roles.empty()) {
        std::string missing = std::to_string(analysis.empty_roles.size()) +
                              (analysis.empty_roles.size() == 1 ? " role missing" : " roles missing");
        ImGui::TextUnformatted(missing.c_str());
        expose_item("present-missing");
    }
    if (context.state.vote_mode || analysis.votes > 0)
        ImGui::Text("%d dot vote%s", analysis.votes, analysis.votes == 1 ? "" : "s");
    ImGui::PopStyleColor();
    ImGui::PopFont();
    if (context.state.vote_mode) {
        ImGui::Spacing();
        ImGui::PushFont(context.fonts.label_medium);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const char* hint = "Vote: click the roles missing in our ecosystem";
        const ImVec2 size = ImGui::CalcTextSize(hint);
        ImGui::GetWindowDrawList()->AddRectFilled({p.x - 10, p.y - 6}, {p.x + size.x + 10, p.y + size.y + 6}, kInk, 8.0f);
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
        ImGui::TextUnformatted(hint);
        ImGui::PopStyleColor();
        ImGui::PopFont();
        expose_item("present-vote-hint");
    }
    ImGui::End();
}

void toggle_button(UiContext& context, const char* action, const char* label, bool on) {
    if (on) {
        ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(20, 22, 28, 255));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(50, 54, 64, 255));
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
    }
    if (ImGui::Button((std::string(label) + "##" + action).c_str())) run_action(context, action);
    if (on) ImGui::PopStyleColor(3);
    expose_item(std::string("present:") + action);
    ImGui::SameLine();
}

void controls(UiContext& context, float width) {
    ImGui::SetNextWindowPos({width - kMargin, kMargin}, ImGuiCond_Always, {1.0f, 0.0f});
    ImGui::SetNextWindowBgAlpha(0.92f);
    ImGui::Begin("##present-controls", nullptr, kOverlayFlags);
    capture_window_text();
    ImGui::PushFont(context.fonts.ui_bold);
    toggle_button(context, "hide-names", context.state.hide_names ? "Names hidden" : "Hide names",
                  context.state.hide_names);
    toggle_button(context, "vote-mode", context.state.vote_mode ? "Voting" : "Vote", context.state.vote_mode);
    if (context.state.vote_mode && !context.document().votes.empty()) {
        if (ImGui::Button("Clear votes")) run_action(context, "clear-votes");
        expose_item("present:clear-votes");
        ImGui::SameLine();
    }
    if (ImGui::Button("Exit  (Esc)")) set_presenting(context, false);
    expose_item("present:exit");
    ImGui::PopFont();
    ImGui::End();
}

void spotlight_card(UiContext& context, const Analysis& analysis, float width, float height) {
    const Document& document = context.document();
    const int index = document.framework.role_index(context.state.spotlight_role);
    if (index < 0) return;
    const Role& role = document.framework.roles[static_cast<size_t>(index)];
    const RoleStats& stats = analysis.roles[static_cast<size_t>(index)];
    const float top = kMargin + 60.0f;
    ScreenRect rect{width - card_width(width), top, card_width(width) - kMargin, height - top - kMargin};
    if (card_below(width)) rect = {kMargin, height * 0.55f, width - 2 * kMargin, height * 0.45f - kMargin};
    ImGui::SetNextWindowPos({rect.x, rect.y});
    ImGui::SetNextWindowSize({rect.w, rect.h});
    ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(255, 255, 255, 255));
    ImGui::PushStyleColor(ImGuiCol_Border, IM_COL32(20, 22, 28, 255));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 2.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 10.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {22.0f, 18.0f});
    ImGui::Begin("##spotlight", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::PopStyleVar(3);
    capture_window_text();
    ImGui::PopStyleColor(2);
    expose_item("spotlight");
    // A stripe in the role's colour, then the name.
    const render::Rgb rc = render::parse_hex_color(role.color);
    const ImU32 color = ImGui::ColorConvertFloat4ToU32({rc.r, rc.g, rc.b, 1.0f});
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(p, {p.x + ImGui::GetContentRegionAvail().x, p.y + 10.0f}, color, 4.0f);
    ImGui::Dummy({0, 14.0f});
    wrapped(context.fonts.label_large, role.name);
    expose_item("spotlight-name");
    if (const char* gap = gap_word(stats); gap[0] != '\0')
        wrapped(context.fonts.label_medium, std::string("This role is ") + gap,
                stats.empty ? kEmptyFill : stats.thin ? IM_COL32(110, 80, 0, 255) : IM_COL32(18, 77, 140, 255));
    wrapped(context.fonts.label_medium, role.description, kSubInk);
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    wrapped(context.fonts.label_medium, kind_counts_text(stats));
    expose_item("spotlight-counts");
    if (stats.placements > 0) wrapped(context.fonts.label_medium, strength_counts_text(stats), kSubInk);
    if (stats.votes > 0 || context.state.vote_mode)
        wrapped(context.fonts.label_medium, std::to_string(stats.votes) + (stats.votes == 1 ? " dot vote" : " dot votes"));
    ImGui::Spacing();

    // Who is on the role: one line per placement (name, strength, context).
    const EntityNames names(context);
    ImGui::BeginChild("##who", {0, -ImGui::GetTextLineHeightWithSpacing() * 1.6f});
    ImGui::PushFont(context.fonts.label_medium);
    ImGui::PushStyleColor(ImGuiCol_Text, kInk);
    // One line per entity (its placements on the role may differ by context).
    struct Who {
        const Entity* entity = nullptr;
        Strength strongest = Strength::Aspiring;
        std::string detail;
    };
    std::vector<Who> who;
    for (const Placement& placement : document.placements) {
        if (placement.role != role.id) continue;
        const Entity* entity = document.find_entity(placement.entity);
        if (entity == nullptr) continue;
        auto found = std::find_if(who.begin(), who.end(), [&](const Who& w) { return w.entity == entity; });
        if (found == who.end()) found = who.insert(who.end(), Who{entity, placement.strength, ""});
        found->strongest = std::min(found->strongest, placement.strength);
        std::string detail = kStrengthWords[static_cast<size_t>(placement.strength)];
        if (!placement.context.empty() && !names.hidden()) detail += " (" + placement.context + ")";
        found->detail += (found->detail.empty() ? "" : ", ") + detail;
    }
    const int shown = static_cast<int>(who.size());
    for (const Who& w : who) {
        const float r = ImGui::GetTextLineHeight() * 0.3f;
        const ImVec2 at = ImGui::GetCursorScreenPos();
        draw_token_shape(*ImGui::GetWindowDrawList(), w.entity->kind, w.strongest, at.x + r + 2.0f,
                         at.y + ImGui::GetTextLineHeight() * 0.5f, r, color, 1.0f);
        ImGui::Dummy({r * 2.0f + 6.0f, ImGui::GetTextLineHeight()});
        ImGui::SameLine();
        ImGui::TextUnformatted(names(*w.entity).c_str());
        ImGui::SameLine();
        ImGui::PushFont(context.fonts.label_small);
        ImGui::PushStyleColor(ImGuiCol_Text, kSubInk);
        ImGui::TextUnformatted(w.detail.c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
    }
    if (shown == 0) ImGui::TextUnformatted("Nobody on this role yet.");
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::EndChild();
    ImGui::TextDisabled("← → other roles   ·   Esc closes");
    ImGui::End();
}

}  // namespace

void draw_presentation(UiContext& context, const MapFrame& frame) {
    (void)frame;
    const Analysis analysis = analyse(context.document());
    const ImVec2 size = ImGui::GetMainViewport()->Size;
    title_block(context, analysis);
    controls(context, size.x);
    spotlight_card(context, analysis, size.x, size.y);
    // The framework's attribution stays on screen.
    ImGui::SetNextWindowPos({kMargin + 8.0f, size.y - kMargin}, ImGuiCond_Always, {0.0f, 1.0f});
    ImGui::Begin("##present-attribution", nullptr, kOverlayFlags | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoInputs);
    capture_window_text();
    ImGui::PushStyleColor(ImGuiCol_Text, kSubInk);
    ImGui::TextUnformatted(context.document().framework.attribution.text.c_str());
    ImGui::PopStyleColor();
    ImGui::End();
}

}  // namespace ecomap::ui
