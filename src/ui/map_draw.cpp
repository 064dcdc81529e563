// Drawing the map overlay with ImGui's draw lists: role labels, the centre's text,
// links between entities and the entity tokens. The ring itself is drawn by
// render::RingRenderer underneath.
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "render/ring_renderer.hpp"
#include "ui/map_view.hpp"
#include "ui/facilitator.hpp"
#include "ui/relationship_kinds.hpp"
#include "ui/test_hooks.hpp"

namespace ecomap::ui {
namespace {

constexpr ImU32 kText = IM_COL32(28, 32, 40, 255);
constexpr ImU32 kSelection = IM_COL32(20, 24, 32, 255);
constexpr ImU32 kLink = IM_COL32(70, 76, 90, 200);
constexpr ImU32 kLinkSelected = IM_COL32(20, 24, 32, 255);

ImU32 role_color(const Framework& framework, int role_index, float alpha = 1.0f) {
    if (role_index < 0 || role_index >= static_cast<int>(framework.roles.size())) return IM_COL32(120, 120, 120, 255);
    const render::Rgb c = render::parse_hex_color(framework.roles[static_cast<size_t>(role_index)].color);
    return ImGui::ColorConvertFloat4ToU32({c.r, c.g, c.b, alpha});
}

ImU32 with_alpha(ImU32 color, float alpha) {
    ImVec4 c = ImGui::ColorConvertU32ToFloat4(color);
    c.w *= alpha;
    return ImGui::ColorConvertFloat4ToU32(c);
}

// Shape outline as a polygon: circle (person), rounded square (organization), hexagon (network).
void shape_path(ImDrawList* draw, EntityKind kind, float x, float y, float r) {
    switch (kind) {
        case EntityKind::Person:
            draw->PathArcTo({x, y}, r, 0.0f, 2.0f * 3.14159265f, 0);
            break;
        case EntityKind::Organization: {
            const float s = r * 0.88f;
            draw->PathRect({x - s, y - s}, {x + s, y + s}, r * 0.28f);
            break;
        }
        case EntityKind::Network:
            for (int i = 0; i < 6; ++i) {
                const float a = 3.14159265f / 3.0f * static_cast<float>(i);
                draw->PathLineTo({x + std::cos(a) * r * 1.02f, y + std::sin(a) * r * 1.02f});
            }
            break;
    }
}

void dashed_circle(ImDrawList* draw, float x, float y, float r, ImU32 color, float thickness) {
    const int dashes = std::max(8, static_cast<int>(r * 0.9f));
    const float step = 2.0f * 3.14159265f / static_cast<float>(dashes);
    for (int i = 0; i < dashes; ++i) {
        draw->PathArcTo({x, y}, r, step * static_cast<float>(i), step * (static_cast<float>(i) + 0.55f), 4);
        draw->PathStroke(color, 0, thickness);
    }
}

void dashed_line(ImDrawList* draw, ImVec2 a, ImVec2 b, ImU32 color, float thickness, float dash, float gap) {
    const float dx = b.x - a.x, dy = b.y - a.y;
    const float length = std::sqrt(dx * dx + dy * dy);
    if (length < 1.0f) return;
    for (float t = 0; t < length; t += dash + gap) {
        const float e = std::min(length, t + dash);
        draw->AddLine({a.x + dx * t / length, a.y + dy * t / length}, {a.x + dx * e / length, a.y + dy * e / length},
                      color, thickness);
    }
}

std::string truncated(const std::string& text, ImFont* font, float size, float max_width) {
    if (font->CalcTextSizeA(size, 1e9f, 0.0f, text.c_str()).x <= max_width) return text;
    std::string out = text;
    while (!out.empty()) {
        out.pop_back();
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80) out.pop_back();  // UTF-8
        if (font->CalcTextSizeA(size, 1e9f, 0.0f, (out + "…").c_str()).x <= max_width) return out + "…";
    }
    return "…";
}

// Presenting a crowded map: token names and links would be a wall; the spotlit role's
// stay (the spotlight card lists everyone on it in large type).
bool presenting_densely(const UiContext& context, const MapFrame& frame) {
    return context.state.presenting && frame.tokens.size() > 40;
}

}  // namespace

std::string display_name(const Entity& entity) {
    if (entity.anonymous) return "Anonymous";
    if (!entity.name.empty()) return entity.name;
    switch (entity.kind) {
        case EntityKind::Person: return "Unnamed person";
        case EntityKind::Organization: return "Unnamed organization";
        case EntityKind::Network: return "Unnamed network";
    }
    return "Unnamed";
}

void draw_token_shape(ImDrawList& list, EntityKind kind, Strength strength, float x, float y, float r, unsigned int color, float alpha) {
    ImDrawList* draw = &list;
    const float outline = std::max(1.5f, r * 0.14f);
    switch (strength) {
        case Strength::Primary:  // solid
            shape_path(draw, kind, x, y, r);
            draw->PathFillConvex(with_alpha(color, alpha));
            shape_path(draw, kind, x, y, r);
            draw->PathStroke(with_alpha(IM_COL32(255, 255, 255, 255), alpha), ImDrawFlags_Closed, 1.5f);
            break;
        case Strength::Secondary:  // pale fill, solid outline
            shape_path(draw, kind, x, y, r - outline * 0.5f);
            draw->PathFillConvex(with_alpha(IM_COL32(255, 255, 255, 255), alpha));
            shape_path(draw, kind, x, y, r - outline * 0.5f);
            draw->PathFillConvex(with_alpha(color, alpha * 0.35f));
            shape_path(draw, kind, x, y, r - outline * 0.5f);
            draw->PathStroke(with_alpha(color, alpha), ImDrawFlags_Closed, outline);
            break;
        case Strength::Aspiring:  // white fill, dashed outline
            shape_path(draw, kind, x, y, r - outline * 0.5f);
            draw->PathFillConvex(with_alpha(IM_COL32(255, 255, 255, 255), alpha));
            if (kind == EntityKind::Person) {
                dashed_circle(draw, x, y, r - outline * 0.5f, with_alpha(color, alpha), outline);
            } else {
                shape_path(draw, kind, x, y, r - outline * 0.5f);
                draw->PathStroke(with_alpha(color, alpha * 0.55f), ImDrawFlags_Closed, outline * 0.6f);
                dashed_circle(draw, x, y, r * 0.35f, with_alpha(color, alpha), outline * 0.8f);
            }
            break;
    }
}

void draw_role_labels(ImDrawList& list, const Document& document, const MapFrame& frame, const Fonts& fonts) {
    ImDrawList* draw = &list;
    ImFont* font = fonts.label_for(frame.label_px);
    const auto& roles = document.framework.roles;
    for (size_t i = 0; i < roles.size() && i < frame.labels.size(); ++i) {
        const RoleLabel& label = frame.labels[i];
        const char* name = roles[i].name.c_str();
        const ImVec2 size = font->CalcTextSizeA(frame.label_px, 1e9f, 0.0f, name);
        // Align the text away from the ring: right of it on the right side, left on the left.
        const float s = std::sin(label.angle), c = -std::cos(label.angle);
        const float fx = s > 0.25f ? 0.0f : (s < -0.25f ? 1.0f : 0.5f);
        const float fy = c > 0.25f ? 0.0f : (c < -0.25f ? 1.0f : 0.5f);
        draw->AddText(font, frame.label_px, {std::round(label.x - size.x * fx), std::round(label.y - size.y * fy)}, kText,
                      name);
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
    if (lines.empty()) lines.push_back("Your values");
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

void draw_links(ImDrawList& list, const UiContext& context, const MapFrame& frame) {
    ImDrawList* draw = &list;
    const Document& document = context.document();
    const bool dense = presenting_densely(context, frame);  // only the spotlit role's links
    const int spotlight = document.framework.role_index(context.state.spotlight_role);
    for (const Relationship& link : document.relationships) {
        const TokenOnScreen* a = first_token_of(frame, link.from);
        const TokenOnScreen* b = first_token_of(frame, link.to);
        if (a == nullptr || b == nullptr) continue;
        if (dense && a->role_index != spotlight && b->role_index != spotlight) continue;
        const bool selected = context.session.selection.contains({TargetKind::Relationship, link.id});
        const bool hovered = context.session.hover == Target{TargetKind::Relationship, link.id};
        const ImU32 color = selected ? kLinkSelected : kLink;
        const float thickness = selected || hovered ? 3.5f : 2.0f;
        const float dx = b->x - a->x, dy = b->y - a->y;
        const float length = std::sqrt(dx * dx + dy * dy);
        if (length < a->r + b->r + 2.0f) continue;
        const ImVec2 p{a->x + dx / length * a->r, a->y + dy / length * a->r};
        const ImVec2 q{b->x - dx / length * b->r, b->y - dy / length * b->r};
        const LinkStyle style = link_style(link.kind);
        if (style.dash > 0) dashed_line(draw, p, q, color, thickness, style.dash, style.dash * 0.8f);
        else draw->AddLine(p, q, color, thickness);
        if (style.arrow) {
            const float ux = dx / length, uy = dy / length, size = 7.0f + thickness;
            draw->AddTriangleFilled(q, {q.x - ux * size - uy * size * 0.55f, q.y - uy * size + ux * size * 0.55f},
                                    {q.x - ux * size + uy * size * 0.55f, q.y - uy * size - ux * size * 0.55f}, color);
        }
        if (selected || hovered || !link.label.empty()) {
            const bool own_label = !link.label.empty() && !context.state.hide_names;  // labels may name people
            const std::string text = own_label ? link.label : relationship_kind_label(link.kind);
            ImFont* font = context.fonts.label_small;
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

void draw_tokens(ImDrawList& list, const UiContext& context, const MapFrame& frame) {
    ImDrawList* draw = &list;
    const Document& document = context.document();
    const auto& drag = context.session.drag;
    const EntityNames names(context);  // neutral marks while names are hidden
    const bool dense = presenting_densely(context, frame);
    const int spotlight = context.document().framework.role_index(context.state.spotlight_role);
    for (const TokenOnScreen& token : frame.tokens) {
        const Entity* entity = document.find_entity(token.entity);
        const Placement* placement = document.find_placement(token.placement);
        if (entity == nullptr || placement == nullptr) continue;
        const bool dragged = drag && drag->kind == DragKind::MovePlacement && drag->placement == token.placement;
        const float alpha = dragged ? 0.3f : 1.0f;
        const bool selected = context.session.selection.contains({TargetKind::Entity, entity->id});
        const bool hovered = context.session.hover == Target{TargetKind::Entity, entity->id};
        if (selected || hovered) {
            draw->AddCircleFilled({token.x, token.y}, token.r + (selected ? 5.0f : 3.5f),
                                  selected ? IM_COL32(255, 196, 0, 255) : IM_COL32(20, 24, 32, 60));
        }
        draw_token_shape(list, entity->kind, placement->strength, token.x, token.y, token.r,
                         role_color(document.framework, token.role_index), alpha);
        if (placement->energy != Energy::Unspecified) {  // small badge: + energizes, − depletes
            const float b = std::max(5.0f, token.r * 0.38f);
            const ImVec2 c{token.x + token.r * 0.75f, token.y - token.r * 0.75f};
            draw->AddCircleFilled(c, b, IM_COL32(255, 255, 255, 255));
            draw->AddCircle(c, b, kSelection, 0, 1.2f);
            draw->AddLine({c.x - b * 0.55f, c.y}, {c.x + b * 0.55f, c.y}, kSelection, 1.6f);
            if (placement->energy == Energy::Energizes)
                draw->AddLine({c.x, c.y - b * 0.55f}, {c.x, c.y + b * 0.55f}, kSelection, 1.6f);
        }
        if (dense && token.role_index != spotlight && !hovered) continue;  // a crowded wall: names in the spotlight
        const float px = std::clamp(token.r * 0.95f, 11.0f, 22.0f);
        ImFont* font = context.fonts.label_for(px);
        const std::string name = truncated(names(*entity), font, px, std::max(110.0f, token.r * 7.0f));
        const ImVec2 size = font->CalcTextSizeA(px, 1e9f, 0.0f, name.c_str());
        const ImVec2 at{std::round(token.x - size.x * 0.5f), std::round(token.y + token.r + 2.0f)};
        draw->AddRectFilled({at.x - 3, at.y}, {at.x + size.x + 3, at.y + size.y},
                            IM_COL32(255, 255, 255, context.state.presenting ? 235 : 190), 3.0f);
        draw->AddText(font, px, at, with_alpha(kText, alpha), name.c_str());
        record_text(name);
    }
}

}  // namespace ecomap::ui
