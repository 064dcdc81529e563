// Drawing the map overlay with ImGui's draw lists (see map_draw.hpp): role labels, the
// centre's text, links between entities and the entity tokens. The ring itself is drawn
// by render::RingRenderer underneath.
#include "ui/map_draw.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cmath>
#include <string>
#include <vector>

#include "core/crowding.hpp"
#include "core/i18n.hpp"
#include "core/label_place.hpp"
#include "core/utf8.hpp"
#include "ui/camera.hpp"
#include "ui/context.hpp"
#include "ui/test_hooks.hpp"

namespace ecomap::ui {
namespace {

constexpr ImU32 kText = IM_COL32(28, 32, 40, 255);
constexpr ImU32 kContrastEdge = IM_COL32(0, 0, 0, 255);  // token edges when more contrast is asked for
constexpr ImU32 kSelection = IM_COL32(20, 24, 32, 255);
constexpr ImU32 kLink = IM_COL32(70, 76, 90, 200);
constexpr ImU32 kLinkSelected = IM_COL32(20, 24, 32, 255);
constexpr ImU32 kWhite = IM_COL32(255, 255, 255, 255);
constexpr float kLinkWidth = 2.0f;  // px; link dashes are measured in this width (core LinkStyle)

ImU32 with_alpha(ImU32 color, float alpha) {
    ImVec4 c = ImGui::ColorConvertU32ToFloat4(color);
    c.w *= alpha;
    return ImGui::ColorConvertFloat4ToU32(c);
}

// `share` of the colour, the rest white (as core mix_with_white).
ImU32 tinted(ImU32 color, double share) {
    ImVec4 c = ImGui::ColorConvertU32ToFloat4(color);
    const auto mix = [share](float v) { return static_cast<float>(1.0 + (v - 1.0) * share); };
    return ImGui::ColorConvertFloat4ToU32({mix(c.x), mix(c.y), mix(c.z), c.w});
}

// Dashes along a polyline (closed: back to the first point), the pattern running on
// across its corners.
void dashed_path(ImDrawList& list, const std::vector<ImVec2>& points, bool closed, ImU32 color, float thickness,
                 float dash, float gap) {
    const size_t segments = closed ? points.size() : points.size() - 1;
    float phase = 0;  // distance into the current dash + gap
    for (size_t i = 0; i < segments && points.size() > 1; ++i) {
        const ImVec2 a = points[i], b = points[(i + 1) % points.size()];
        const float dx = b.x - a.x, dy = b.y - a.y;
        const float length = std::sqrt(dx * dx + dy * dy);
        for (float t = 0; t < length;) {
            const bool drawing = phase < dash;
            const float step = std::min(length - t, drawing ? dash - phase : dash + gap - phase);
            if (drawing && step > 0.01f)
                list.AddLine({a.x + dx * t / length, a.y + dy * t / length},
                             {a.x + dx * (t + step) / length, a.y + dy * (t + step) / length}, color, thickness);
            t += step;
            phase += step;
            if (phase >= dash + gap - 1e-4f) phase = 0;
        }
    }
}

// A token's outline in screen pixels; a circle gets as many points as keep it within
// 0.3 px of round (ImGui's own rule for circles), so small tokens cost few vertices.
std::vector<ImVec2> outline(EntityKind kind, float x, float y, double r) {
    constexpr double kMaxError = 0.3;  // px
    const int steps = r > kMaxError ? std::clamp(static_cast<int>(std::ceil(3.14159265358979 / std::acos(1.0 - kMaxError / r))), 8, 128) : 8;
    std::vector<ImVec2> points;
    for (const Vec2& p : token_outline(kind, {x, y}, r, steps)) points.push_back({static_cast<float>(p.x), static_cast<float>(p.y)});
    return points;
}

std::string truncated(const std::string& text, ImFont* font, float size, float max_width) {
    const auto fits = [&](const std::string& candidate) {
        return font->CalcTextSizeA(size, 1e9f, 0.0f, candidate.c_str()).x <= max_width;
    };
    if (fits(text)) return text;
    const std::u32string chars = text::code_points(text);
    std::size_t keep = 0, too_many = chars.size();  // binary search: `keep` characters and "…" fit
    while (keep + 1 < too_many) {
        const std::size_t mid = (keep + too_many) / 2;
        (fits(text::to_utf8(std::u32string_view(chars).substr(0, mid)) + "…") ? keep : too_many) = mid;
    }
    return text::to_utf8(std::u32string_view(chars).substr(0, keep)) + "…";
}

// Presenting a crowded map: token names and links would be a wall; the spotlit role's
// stay (the spotlight card lists everyone on it in large type).
constexpr std::size_t kQuietLinkLabels = 60;  // more tokens than this: link labels only on hover or selection

bool presenting_densely(const MapScene& scene, const MapFrame& frame) {
    return scene.presenting && frame.tokens.size() > 40;
}


// Where a level role name is drawn: aligned away from the ring (right of it on the right
// side, left on the left).
LabelBox role_label_box(ImFont* font, const MapFrame& frame, const RoleLabel& label, const std::string& name) {
    const ImVec2 size = font->CalcTextSizeA(frame.label_px, 1e9f, 0.0f, name.c_str());
    const float s = std::sin(label.angle), c = -std::cos(label.angle);
    const float fx = s > 0.25f ? 0.0f : (s < -0.25f ? 1.0f : 0.5f);
    const float fy = c > 0.25f ? 0.0f : (c < -0.25f ? 1.0f : 0.5f);
    return {label.x - size.x * fx, label.y - size.y * fy, size.x, size.y};
}

// What the kept names depend on besides the frame: the selection, the name settings, the
// dragged token and the fonts (a new pixel density measures text anew).
std::string names_key(const MapScene& scene) {
    std::string key = std::to_string(reinterpret_cast<std::uintptr_t>(scene.fonts.label_small));
    key += scene.hide_names ? "|hidden|" : "|shown|";
    key += scene.presenting ? "presenting|" : "|";
    key += scene.spotlight_role + "|";
    if (scene.drag != nullptr && scene.drag->kind == DragKind::MovePlacement) key += scene.drag->placement;
    if (scene.selection != nullptr)
        for (const Target& target : scene.selection->items) key += "|" + std::to_string(static_cast<int>(target.kind)) + target.id;
    return key;
}

// The tokens' names where they collide with no token, role name or other name
// (core/label_place.hpp): shortened or left out otherwise. `hovered_only`: only the
// hovered entity's names, drawn in full below their tokens; else every other token's,
// the selection first and always shown, then primary roles.
std::vector<PlacedName> place_names(const MapScene& scene, const MapFrame& frame, bool hovered_only) {
    const Document& document = scene.document;
    const bool hovering = scene.hover.kind == TargetKind::Entity;
    if (hovered_only && !hovering) return {};
    const EntityNames names(document, scene.hide_names);  // neutral marks while names are hidden
    const bool dense = presenting_densely(scene, frame);
    const int spotlight = document.framework.role_index(scene.spotlight_role);
    std::vector<LabelRequest> wanted;
    std::vector<float> alpha;
    for (const TokenOnScreen& token : frame.tokens) {
        if (!token_shown(frame, token)) continue;
        const bool hovered = hovering && token.entity == scene.hover.id;
        const bool selected = scene.selection && scene.selection->contains({TargetKind::Entity, token.entity});
        if (hovered_only != (hovered && !selected)) continue;  // a selected token's name is always among the kept
        if (dense && token.role_index != spotlight && !hovered) continue;  // a crowded wall: names in the spotlight
        const Entity* entity = token_entity(document, token);
        const Placement* placement = token_placement(document, token);
        if (entity == nullptr || placement == nullptr) continue;
        const float px = std::clamp(token.r * 0.95f, 11.0f, 22.0f);
        const int priority = selected ? 100 : hovered ? 90 : 2 - static_cast<int>(placement->strength);  // primary roles first
        wanted.push_back({truncated(names(*entity), scene.fonts.label_for(px), px, std::max(110.0f, token.r * 7.0f)),
                          {token.x, token.y}, token.r + 2.0, px, priority, selected || hovered});
        const bool dragged = scene.drag && scene.drag->kind == DragKind::MovePlacement && scene.drag->placement == token.placement;
        alpha.push_back(dragged ? 0.3f : 1.0f);
    }
    if (wanted.empty()) return {};
    LabelObstacles obstacles;
    if (!hovered_only) {  // hovered names go on top of everything
        for (const TokenOnScreen& token : frame.tokens) {
            if (!token_shown(frame, token)) continue;
            obstacles.circle_centres.push_back({token.x, token.y});
            obstacles.circle_radii.push_back(token.r);
        }
        obstacles.circle_centres.push_back({frame.centre_x, frame.centre_y});
        obstacles.circle_radii.push_back(frame.centre_radius);
        if (frame.rim_labels) {  // names along the rim: boxes along each sector's arc
            const float rc = frame.outer_radius + frame.label_px * (kRimLabelGap + 0.5f);
            const float step = static_cast<float>(frame.ring.sector_sweep) / 6.0f;
            const float side = std::max(frame.label_px * 1.1f, rc * step);
            for (const RoleLabel& label : frame.labels)
                for (int k = -3; k <= 3; ++k) {
                    const float angle = label.angle + static_cast<float>(k) * step;
                    const float x = frame.centre_x + std::sin(angle) * rc, y = frame.centre_y - std::cos(angle) * rc;
                    obstacles.boxes.push_back({x - side * 0.5f, y - side * 0.5f, side, side});
                }
        } else if (!radial_role_labels(static_cast<int>(document.framework.roles.size())))
            for (std::size_t i = 0; i < document.framework.roles.size() && i < frame.labels.size(); ++i)
                obstacles.boxes.push_back(role_label_box(scene.fonts.label_for(frame.label_px), frame, frame.labels[i],
                                                         document.framework.roles[i].name));
    }
    const auto width = [&](std::string_view text, double size) {
        const std::string copy(text);
        return static_cast<double>(
            scene.fonts.label_for(static_cast<float>(size))->CalcTextSizeA(static_cast<float>(size), 1e9f, 0.0f, copy.c_str()).x);
    };
    std::vector<PlacedName> placed;
    for (const PlacedLabel& label : place_labels(wanted, obstacles, width)) {
        const auto px = static_cast<float>(wanted[label.request].size);
        placed.push_back({label.text, static_cast<float>(label.box.x), static_cast<float>(label.box.y),
                          static_cast<float>(label.box.w), px * 1.25f, px, alpha[label.request]});
    }
    return placed;
}

// A role whose tokens are too small to read shows how many entries it holds, by kind,
// in a card at the middle of its sector; zooming in brings the tokens back.
void draw_crowded_roles(ImDrawList& list, const MapScene& scene, const MapFrame& frame) {
    const Document& document = scene.document;
    const std::size_t roles = frame.crowded.size();
    if (std::none_of(frame.crowded.begin(), frame.crowded.end(), [](int count) { return count > 0; })) return;
    std::vector<std::array<int, 3>> kinds(roles, std::array<int, 3>{});
    for (const TokenOnScreen& token : frame.tokens) {
        const auto role = static_cast<std::size_t>(token.role_index);
        if (role >= roles || frame.crowded[role] == 0) continue;
        if (const Entity* entity = token_entity(document, token)) ++kinds[role][slot(entity->kind)];
    }
    ImFont* big = scene.fonts.label_for(20.0f);
    ImFont* small = scene.fonts.label_small;
    const float px = 13.0f;
    for (std::size_t i = 0; i < roles; ++i) {
        if (frame.crowded[i] == 0) continue;
        const std::vector<std::string> lines = crowded_card_lines(frame.crowded[i], kinds[i], document.meta.language);
        float w = 0, h = 0;
        for (std::size_t l = 0; l < lines.size(); ++l) {
            const float size = l == 0 ? 20.0f : px;
            const ImVec2 extent = (l == 0 ? big : small)->CalcTextSizeA(size, 1e9f, 0.0f, lines[l].c_str());
            w = std::max(w, extent.x);
            h += extent.y;
        }
        const double mid = sector_mid_angle(frame.ring, static_cast<int>(i));
        const float r = (frame.inner_radius + frame.outer_radius) * 0.5f;
        const float cx = frame.centre_x + static_cast<float>(std::sin(mid)) * r;
        const float cy = frame.centre_y - static_cast<float>(std::cos(mid)) * r;
        const ImU32 color = im_color(role_color(document.framework, static_cast<int>(i)));
        list.AddRectFilled({cx - w * 0.5f - 8, cy - h * 0.5f - 5}, {cx + w * 0.5f + 8, cy + h * 0.5f + 5},
                           IM_COL32(255, 255, 255, 235), 6.0f);
        list.AddRect({cx - w * 0.5f - 8, cy - h * 0.5f - 5}, {cx + w * 0.5f + 8, cy + h * 0.5f + 5}, color, 6.0f, 0, 2.0f);
        float y = cy - h * 0.5f;
        for (std::size_t l = 0; l < lines.size(); ++l) {
            const float size = l == 0 ? 20.0f : px;
            ImFont* font = l == 0 ? big : small;
            const ImVec2 extent = font->CalcTextSizeA(size, 1e9f, 0.0f, lines[l].c_str());
            list.AddText(font, size, {std::round(cx - extent.x * 0.5f), std::round(y)}, kText, lines[l].c_str());
            record_text(lines[l]);
            y += extent.y;
        }
    }
}
}  // namespace

MapScene map_scene(const UiContext& context) {
    MapScene scene{context.document(), context.fonts};
    scene.selection = &context.session.selection;
    scene.hover = context.session.hover;
    scene.drag = context.session.drag ? &*context.session.drag : nullptr;
    scene.hide_names = context.state.hide_names;
    scene.presenting = context.state.presenting;
    scene.high_contrast = context.state.high_contrast;
    scene.spotlight_role = context.state.spotlight_role;
    scene.names = &context.state.name_cache;
    return scene;
}

ImU32 im_color(Rgb color, float alpha) {
    return ImGui::ColorConvertFloat4ToU32(
        {static_cast<float>(color.r), static_cast<float>(color.g), static_cast<float>(color.b), alpha});
}

void draw_token_shape(ImDrawList& list, EntityKind kind, Strength strength, float x, float y, float r, ImU32 color,
                      float alpha) {
    const TokenGlyph glyph = token_glyph(strength, r);
    const std::vector<ImVec2> points = outline(kind, x, y, glyph.shape_radius);
    const ImU32 fill = glyph.fill_share >= 1.0 ? color : tinted(color, glyph.fill_share);
    const ImU32 stroke = with_alpha(glyph.stroke == GlyphStroke::White ? kWhite : color, alpha);
    const auto width = static_cast<float>(glyph.stroke_width);
    list.AddConvexPolyFilled(points.data(), static_cast<int>(points.size()), with_alpha(fill, alpha));
    if (glyph.dash > 0)
        dashed_path(list, points, true, stroke, width, static_cast<float>(glyph.dash), static_cast<float>(glyph.gap));
    else
        list.AddPolyline(points.data(), static_cast<int>(points.size()), stroke, ImDrawFlags_Closed, width);
}

void draw_radial_text(ImDrawList& list, ImFont* font, float px, const MapFrame& frame, float angle, float radius,
                      ImU32 color, const std::string& text) {
    const ImVec2 anchor{frame.centre_x + std::sin(angle) * radius, frame.centre_y - std::cos(angle) * radius};
    const ImVec2 size = font->CalcTextSizeA(px, 1e9f, 0.0f, text.c_str());
    const bool ends = radial_label_ends_at_anchor(angle);
    const int first = list.VtxBuffer.Size;
    list.AddText(font, px, {anchor.x - (ends ? size.x : 0.0f), anchor.y - size.y * 0.5f}, color, text.c_str());
    const auto rotation = static_cast<float>(radial_label_rotation(angle));
    const float cs = std::cos(rotation), sn = std::sin(rotation);
    for (int i = first; i < list.VtxBuffer.Size; ++i) {  // turn the glyphs about the anchor
        ImVec2& p = list.VtxBuffer[i].pos;
        const float x = p.x - anchor.x, y = p.y - anchor.y;
        p = {anchor.x + x * cs - y * sn, anchor.y + x * sn + y * cs};
    }
    record_text(text);
}

void draw_rim_text(ImDrawList& list, ImFont* font, float px, const MapFrame& frame, float angle, float radius,
                   ImU32 color, const std::string& text) {
    // Each glyph stands on the circle: clockwise above the centre, anticlockwise below it,
    // so that the name reads left to right and is never upside down.
    constexpr float kTau = 6.2831853f;
    const float a = std::fmod(std::fmod(angle, kTau) + kTau, kTau);
    const bool below = a > kTau * 0.25f + 1e-3f && a < kTau * 0.75f - 1e-3f;
    const float rc = radius + px * 0.5f;  // the glyphs' middle line
    float along = -font->CalcTextSizeA(px, 1e9f, 0.0f, text.c_str()).x * 0.5f;
    const char* p = text.c_str();
    const char* const end = p + text.size();
    while (p < end) {
        const auto lead = static_cast<unsigned char>(*p);
        const int bytes = lead < 0x80 ? 1 : (lead >> 5) == 6 ? 2 : (lead >> 4) == 14 ? 3 : 4;
        const char* next = std::min(end, p + bytes);
        const float w = font->CalcTextSizeA(px, 1e9f, 0.0f, p, next).x;
        const float theta = angle + (below ? -1.0f : 1.0f) * (along + w * 0.5f) / rc;
        const float rotation = below ? theta + kTau * 0.5f : theta;
        const ImVec2 at{frame.centre_x + std::sin(theta) * rc, frame.centre_y - std::cos(theta) * rc};
        const int first = list.VtxBuffer.Size;
        const ImVec2 corner{at.x - w * 0.5f, at.y - px * 0.5f};
        list.AddText(font, px, corner, color, p, next);
        // ImGui puts text on whole pixels: undo that, or the glyphs would wobble along the arc.
        const float fx = corner.x - std::trunc(corner.x), fy = corner.y - std::trunc(corner.y);
        const float cs = std::cos(rotation), sn = std::sin(rotation);
        for (int i = first; i < list.VtxBuffer.Size; ++i) {  // turn the glyph about its middle
            ImVec2& v = list.VtxBuffer[i].pos;
            const float x = v.x + fx - at.x, y = v.y + fy - at.y;
            v = {at.x + x * cs - y * sn, at.y + x * sn + y * cs};
        }
        along += w;
        p = next;
    }
    record_text(text);
}

void draw_role_labels(ImDrawList& list, const Document& document, const MapFrame& frame, const Fonts& fonts) {
    ImDrawList* draw = &list;
    ImFont* font = fonts.label_for(frame.label_px);
    const auto& roles = document.framework.roles;
    const bool radial = radial_role_labels(static_cast<int>(roles.size()));
    for (size_t i = 0; i < roles.size() && i < frame.labels.size(); ++i) {
        const RoleLabel& label = frame.labels[i];
        if (radial) {
            draw_radial_text(list, font, frame.label_px, frame, label.angle, frame.outer_radius + frame.label_px * 0.35f,
                             kText, roles[i].name);
            continue;
        }
        const LabelBox box = role_label_box(font, frame, label, roles[i].name);
        draw->AddText(font, frame.label_px, {std::round(static_cast<float>(box.x)), std::round(static_cast<float>(box.y))},
                      kText, roles[i].name.c_str());
    }
}

void draw_centre_text(ImDrawList& list, const Document& document, const MapFrame& frame, const Fonts& fonts) {
    ImDrawList* draw = &list;
    // Links are drawn before: a white veil keeps them faint under the values.
    draw->AddCircleFilled({frame.centre_x, frame.centre_y}, std::max(0.0f, frame.centre_radius - 3.0f),
                          IM_COL32(255, 255, 255, 225));
    std::vector<std::string> lines;
    if (!document.centre.cause.empty()) lines.push_back(document.centre.cause);
    for (const std::string& value : document.centre.values) lines.push_back(value);
    if (lines.empty()) lines.push_back(i18n::tr("ui.map.your-values"));
    const float px = std::clamp(frame.centre_radius * 0.19f, 11.0f, 40.0f);
    ImFont* font = fonts.label_for(px);
    const size_t max_lines = std::max<size_t>(1, static_cast<size_t>(frame.centre_radius * 1.5f / (px * 1.2f)));
    if (lines.size() > max_lines) {
        lines.resize(max_lines);
        lines.back() = "…";
    }
    float y = frame.centre_y - static_cast<float>(lines.size()) * px * 1.2f * 0.5f;
    for (const std::string& line : lines) {
        const std::string shown = truncated(line, font, px, frame.centre_radius * 1.7f);
        const ImVec2 size = font->CalcTextSizeA(px, 1e9f, 0.0f, shown.c_str());
        draw->AddText(font, px, {std::round(frame.centre_x - size.x * 0.5f), std::round(y)}, kText, shown.c_str());
        record_text(shown);
        y += px * 1.2f;
    }
}

void draw_links(ImDrawList& list, const MapScene& scene, const MapFrame& frame) {
    ImDrawList* draw = &list;
    const Document& document = scene.document;
    const bool dense = presenting_densely(scene, frame);  // only the spotlit role's links
    const int spotlight = document.framework.role_index(scene.spotlight_role);
    for (const Relationship& link : document.relationships) {
        const TokenOnScreen* a = first_token_of(frame, link.from);
        const TokenOnScreen* b = first_token_of(frame, link.to);
        if (a == nullptr || b == nullptr || !token_shown(frame, *a) || !token_shown(frame, *b)) continue;
        if (dense && a->role_index != spotlight && b->role_index != spotlight) continue;
        const bool selected = scene.selection && scene.selection->contains({TargetKind::Relationship, link.id});
        const bool hovered = scene.hover == Target{TargetKind::Relationship, link.id};
        const ImU32 color = selected ? kLinkSelected : kLink;
        const float thickness = selected || hovered ? 3.5f : kLinkWidth;
        const float dx = b->x - a->x, dy = b->y - a->y;
        const float length = std::sqrt(dx * dx + dy * dy);
        if (length < a->r + b->r + 2.0f) continue;
        const ImVec2 p{a->x + dx / length * a->r, a->y + dy / length * a->r};
        const ImVec2 q{b->x - dx / length * b->r, b->y - dy / length * b->r};
        const LinkStyle style = link_style(link.kind);
        if (style.dash > 0)
            dashed_path(list, {p, q}, false, color, thickness, static_cast<float>(style.dash) * kLinkWidth,
                        static_cast<float>(style.gap) * kLinkWidth);
        else draw->AddLine(p, q, color, thickness);
        if (style.arrow) {
            const float ux = dx / length, uy = dy / length, size = 7.0f + thickness;
            draw->AddTriangleFilled(q, {q.x - ux * size - uy * size * 0.55f, q.y - uy * size + ux * size * 0.55f},
                                    {q.x - ux * size + uy * size * 0.55f, q.y - uy * size - ux * size * 0.55f}, color);
        }
        // A link's own label stays on small maps; on crowded ones only the selected or hovered link says what it is.
        if (selected || hovered || (!link.label.empty() && frame.tokens.size() <= kQuietLinkLabels)) {
            const bool own_label = !link.label.empty() && !scene.hide_names;  // labels may name people
            const std::string text = own_label ? link.label : link_kind_label(link.kind);
            ImFont* font = scene.fonts.label_small;
            const float px = 13.0f;
            const ImVec2 size = font->CalcTextSizeA(px, 1e9f, 0.0f, text.c_str());
            const ImVec2 mid{(p.x + q.x) * 0.5f - size.x * 0.5f, (p.y + q.y) * 0.5f - size.y * 0.5f};
            draw->AddRectFilled({mid.x - 4, mid.y - 2}, {mid.x + size.x + 4, mid.y + size.y + 2},
                                IM_COL32(255, 255, 255, 230), 4.0f);
            draw->AddText(font, px, mid, kText, text.c_str());
            record_text(text);
        }
    }
}

std::vector<ScreenLabel> draw_tokens(ImDrawList& list, const MapScene& scene, const MapFrame& frame) {
    ImDrawList* draw = &list;
    const Document& document = scene.document;
    const DragPreview* drag = scene.drag;
    const ScreenRect& area = frame.area;
    for (const TokenOnScreen& token : frame.tokens) {
        if (token.x + token.r + 6.0f < area.x || token.x - token.r - 6.0f > area.x + area.w ||
            token.y + token.r + 6.0f < area.y || token.y - token.r - 6.0f > area.y + area.h)
            continue;  // off screen: nothing to draw
        if (!token_shown(frame, token)) continue;  // its role shows a count instead
        const Entity* entity = token_entity(document, token);
        const Placement* placement = token_placement(document, token);
        if (entity == nullptr || placement == nullptr) continue;  // removed by an edit earlier in this frame
        const bool dragged = drag && drag->kind == DragKind::MovePlacement && drag->placement == token.placement;
        const bool selected = scene.selection && scene.selection->contains({TargetKind::Entity, entity->id});
        const bool hovered = scene.hover == Target{TargetKind::Entity, entity->id};
        if (selected || hovered) {
            draw->AddCircleFilled({token.x, token.y}, token.r + (selected ? 5.0f : 3.5f),
                                  selected ? IM_COL32(255, 196, 0, 255) : IM_COL32(20, 24, 32, 60));
        }
        draw_token_shape(list, entity->kind, placement->strength, token.x, token.y, token.r,
                         im_color(role_color(document.framework, token.role_index)), dragged ? 0.3f : 1.0f);
        if (scene.high_contrast) {  // a dark edge around every token, whatever the role's colour
            const std::vector<ImVec2> points = outline(entity->kind, token.x, token.y, token.r + 1.0f);
            draw->AddPolyline(points.data(), static_cast<int>(points.size()), with_alpha(kContrastEdge, dragged ? 0.3f : 1.0f),
                              ImDrawFlags_Closed, 1.5f);
        }
        if (placement->energy != Energy::Unspecified) {  // small badge: + energizes, − depletes
            const float b = std::max(5.0f, token.r * 0.38f);
            const ImVec2 c{token.x + token.r * 0.75f, token.y - token.r * 0.75f};
            draw->AddCircleFilled(c, b, IM_COL32(255, 255, 255, 255));
            draw->AddCircle(c, b, kSelection, 0, 1.2f);
            draw->AddLine({c.x - b * 0.55f, c.y}, {c.x + b * 0.55f, c.y}, kSelection, 1.6f);
            if (placement->energy == Energy::Energizes)
                draw->AddLine({c.x, c.y - b * 0.55f}, {c.x, c.y + b * 0.55f}, kSelection, 1.6f);
        }
    }
    draw_crowded_roles(list, scene, frame);
    // The names: placed for the view (kept while the view, selection and settings stay),
    // then the hovered entity's names on top; a kept name under them steps aside.
    NameCache fresh;
    NameCache& cache = scene.names != nullptr ? *scene.names : fresh;
    const std::string key = names_key(scene);
    if (&cache == &fresh || cache.frame_shape != frame.shape || cache.key != key) {
        cache.names = place_names(scene, frame, false);
        cache.frame_shape = frame.shape;
        cache.origin_x = frame.centre_x;
        cache.origin_y = frame.centre_y;
        cache.key = key;
    }
    const float dx = frame.centre_x - cache.origin_x, dy = frame.centre_y - cache.origin_y;  // panned since
    const std::vector<PlacedName> hovered = place_names(scene, frame, true);
    std::vector<ScreenLabel> shown;
    const auto draw_name = [&](const PlacedName& name, float shift_x, float shift_y) {
        const float x = name.x + shift_x, y = name.y + shift_y;
        if (x + name.w < area.x || x > area.x + area.w || y + name.h < area.y || y > area.y + area.h) return;
        const ImVec2 at{std::round(x), std::round(y)};
        draw->AddRectFilled({at.x - 3, at.y}, {at.x + name.w + 3, at.y + name.h},
                            IM_COL32(255, 255, 255, scene.presenting || scene.high_contrast ? 245 : 190), 3.0f);
        draw->AddText(scene.fonts.label_for(name.px), name.px, at, with_alpha(kText, name.alpha), name.text.c_str());
        record_text(name.text);
        shown.push_back({name.text, at.x, at.y, name.w, name.h});
    };
    for (const PlacedName& name : cache.names) {
        const float x = name.x + dx, y = name.y + dy;
        const bool covered = std::any_of(hovered.begin(), hovered.end(), [&](const PlacedName& top) {
            return x < top.x + top.w && top.x < x + name.w && y < top.y + top.h && top.y < y + name.h;
        });
        if (!covered) draw_name(name, dx, dy);
    }
    for (const PlacedName& name : hovered) draw_name(name, 0, 0);
    return shown;
}

}  // namespace ecomap::ui
