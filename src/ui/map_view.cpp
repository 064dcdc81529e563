#include "ui/map_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

#include <nlohmann/json.hpp>

#include "core/geometry.hpp"

namespace ecomap::ui {
namespace {

ImU32 text_color() { return IM_COL32(28, 32, 40, 255); }

}  // namespace

MapScreenLayout compute_screen_layout(const Framework& framework, ScreenRect area) {
    MapScreenLayout layout;
    const int count = static_cast<int>(framework.roles.size());
    const RingLayout ring = ring_layout(count);
    const float side = std::min(area.w, area.h);
    layout.label_px = std::clamp(side * 0.028f, 13.0f, 44.0f);
    const float label_room = layout.label_px * 4.2f;  // space for names left and right of the ring
    layout.outer_radius = std::max(40.0f, std::min(area.w * 0.5f - label_room, area.h * 0.5f - layout.label_px * 2.4f));
    layout.scale = layout.outer_radius / static_cast<float>(ring.outer_radius);
    layout.inner_radius = static_cast<float>(ring.inner_radius) * layout.scale;
    layout.centre_radius = static_cast<float>(ring.centre_radius) * layout.scale;
    layout.centre_x = area.x + area.w * 0.5f;
    layout.centre_y = area.y + area.h * 0.5f;
    layout.start_angle = count > 0 ? static_cast<float>(sector_start_angle(ring, 0)) : 0.0f;
    for (int i = 0; i < count; ++i) {
        const float mid = static_cast<float>(sector_mid_angle(ring, i));
        // Names sit just outside the ring; the gap grows with the text, not with the map.
        const Vec2 direction = point_at(mid, 1.0);
        const float r = layout.outer_radius + layout.label_px * 0.6f;
        layout.labels.push_back({layout.centre_x + static_cast<float>(direction.x) * r,
                                 layout.centre_y + static_cast<float>(direction.y) * r, mid});
    }
    return layout;
}

render::RingStyle ring_style(const Framework& framework, const MapScreenLayout& layout, float density, int highlight) {
    render::RingStyle style;
    style.centre_x = layout.centre_x * density;
    style.centre_y = layout.centre_y * density;
    style.centre_radius = layout.centre_radius * density;
    style.inner_radius = layout.inner_radius * density;
    style.outer_radius = layout.outer_radius * density;
    style.rim = std::max(5.0f, layout.outer_radius * 0.06f) * density;
    style.gap = std::max(2.0f, layout.outer_radius * 0.012f) * density;
    style.start_angle = layout.start_angle;
    style.highlight = highlight;
    for (const Role& role : framework.roles) style.colors.push_back(render::parse_hex_color(role.color));
    return style;
}

std::string layout_json(const Document& document, const MapScreenLayout& layout) {
    nlohmann::ordered_json out;
    out["centre"] = {{"x", layout.centre_x}, {"y", layout.centre_y}, {"r", layout.centre_radius}};
    out["ring"] = {{"inner", layout.inner_radius}, {"outer", layout.outer_radius}};
    out["scale"] = layout.scale;
    auto roles = nlohmann::ordered_json::array();
    const auto& framework_roles = document.framework.roles;
    const float sweep = framework_roles.empty() ? 0.0f : 6.2831853f / static_cast<float>(framework_roles.size());
    for (size_t i = 0; i < framework_roles.size() && i < layout.labels.size(); ++i) {
        const float start = layout.start_angle + sweep * static_cast<float>(i);
        roles.push_back({{"id", framework_roles[i].id},
                         {"name", framework_roles[i].name},
                         {"color", framework_roles[i].color},
                         {"label", {{"x", layout.labels[i].x}, {"y", layout.labels[i].y}}},
                         {"arc", {{"start", start}, {"end", start + sweep}}}});
    }
    out["roles"] = std::move(roles);
    out["tokens"] = nlohmann::ordered_json::array();
    return out.dump();
}

void draw_map_overlay(const Document& document, const MapScreenLayout& layout, const Fonts& fonts) {
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    ImFont* font = fonts.label_for(layout.label_px);
    const auto& roles = document.framework.roles;
    for (size_t i = 0; i < roles.size() && i < layout.labels.size(); ++i) {
        const auto& label = layout.labels[i];
        const char* name = roles[i].name.c_str();
        const ImVec2 size = font->CalcTextSizeA(layout.label_px, 1e9f, 0.0f, name);
        // Align the text away from the ring: right of it on the right side, left on the left.
        const float s = std::sin(label.angle);
        const float c = -std::cos(label.angle);
        const float fx = s > 0.25f ? 0.0f : (s < -0.25f ? 1.0f : 0.5f);
        const float fy = c > 0.25f ? 0.0f : (c < -0.25f ? 1.0f : 0.5f);
        const ImVec2 top_left{std::round(label.x - size.x * fx), std::round(label.y - size.y * fy)};
        draw->AddText(font, layout.label_px, top_left, text_color(), name);
    }

    // Centre: the values the group works for, one per line.
    std::string text;
    for (const std::string& value : document.centre.values) text += (text.empty() ? "" : "\n") + value;
    if (!document.centre.cause.empty()) text = document.centre.cause + (text.empty() ? "" : "\n\n" + text);
    if (text.empty()) text = "Your values";
    const float centre_px = std::clamp(layout.centre_radius * 0.19f, 13.0f, 40.0f);
    ImFont* centre_font = fonts.label_for(centre_px);
    const float wrap = layout.centre_radius * 1.6f;
    const ImVec2 size = centre_font->CalcTextSizeA(centre_px, 1e9f, wrap, text.c_str());
    const ImVec2 pos{std::round(layout.centre_x - size.x * 0.5f), std::round(layout.centre_y - size.y * 0.5f)};
    // Centre each line on its own.
    float y = pos.y;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        const std::string line = text.substr(start, end - start);
        const ImVec2 line_size = centre_font->CalcTextSizeA(centre_px, 1e9f, 0.0f, line.c_str());
        draw->AddText(centre_font, centre_px, {std::round(layout.centre_x - line_size.x * 0.5f), y}, text_color(),
                      line.c_str());
        y += centre_px * 1.2f;
        start = end + 1;
    }
}

}  // namespace ecomap::ui
