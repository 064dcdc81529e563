// Where everything on the map is this frame (see map_frame.hpp).
#include "ui/map_frame.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/look.hpp"
#include "ui/camera.hpp"

namespace ecomap::ui {

MapFrame compute_map_frame(const Document& document, const Camera& camera, const ScreenRect& area,
                           const FrameOptions& options) {
    MapFrame frame;
    frame.ring = ring_layout(static_cast<int>(document.framework.roles.size()));
    frame.camera = camera;
    frame.area = area;
    const Vec2 centre = to_screen(camera, area, {0, 0});
    const auto zoom = static_cast<float>(camera.zoom);
    frame.centre_x = static_cast<float>(centre.x);
    frame.centre_y = static_cast<float>(centre.y);
    frame.centre_radius = static_cast<float>(frame.ring.centre_radius) * zoom;
    frame.inner_radius = static_cast<float>(frame.ring.inner_radius) * zoom;
    frame.outer_radius = static_cast<float>(frame.ring.outer_radius) * zoom;
    frame.label_px = std::min(label_size(camera, frame.ring, options.max_label_px) * options.label_scale,
                              options.max_label_px);
    const int count = frame.ring.role_count;
    if (radial_role_labels(count))  // names side by side along the rim: no taller than their sector is wide
        frame.label_px = std::min(frame.label_px, frame.outer_radius * static_cast<float>(frame.ring.sector_sweep) * 0.8f);
    frame.start_angle = count > 0 ? static_cast<float>(sector_start_angle(frame.ring, 0)) : 0.0f;
    for (int i = 0; i < count; ++i) {
        const double mid = sector_mid_angle(frame.ring, i);
        const Vec2 direction = point_at(mid, 1.0);
        const float r = frame.outer_radius + frame.label_px * 0.6f;  // just outside the ring
        frame.labels.push_back({frame.centre_x + static_cast<float>(direction.x) * r,
                                frame.centre_y + static_cast<float>(direction.y) * r, static_cast<float>(mid)});
    }
    // Tokens: the core's arrangement, with a radius that stays readable on screen.
    const double token_radius = std::clamp(options.token_px / camera.zoom, 20.0, 60.0);
    for (const TokenPlace& place : layout_tokens(document, frame.ring, token_radius)) {
        const Vec2 p = to_screen(camera, area, place.centre);
        frame.tokens.push_back({place.placement, place.entity, place.role_index, static_cast<float>(p.x),
                                static_cast<float>(p.y), static_cast<float>(place.radius * camera.zoom)});
    }
    return frame;
}

render::RingStyle ring_style(const Framework& framework, const MapFrame& frame, float density, int highlight) {
    render::RingStyle style;
    style.centre_x = frame.centre_x * density;
    style.centre_y = frame.centre_y * density;
    style.centre_radius = frame.centre_radius * density;
    style.inner_radius = frame.inner_radius * density;
    style.outer_radius = frame.outer_radius * density;
    style.rim = std::max(5.0f, frame.outer_radius * static_cast<float>(kRimShare)) * density;
    style.gap = std::max(2.0f, frame.outer_radius * static_cast<float>(kGapShare)) * density;
    style.tint = static_cast<float>(kBandTint);
    style.start_angle = frame.start_angle;
    style.highlight = highlight;
    for (const Role& role : framework.roles) style.colors.push_back(parse_hex_color(role.color));
    return style;
}

std::string layout_json(const Document& document, const MapFrame& frame, const std::vector<ScreenLabel>& labels) {
    nlohmann::ordered_json out;
    out["centre"] = {{"x", frame.centre_x}, {"y", frame.centre_y}, {"r", frame.centre_radius}};
    out["ring"] = {{"inner", frame.inner_radius}, {"outer", frame.outer_radius}};
    out["area"] = {{"x", frame.area.x}, {"y", frame.area.y}, {"w", frame.area.w}, {"h", frame.area.h}};
    out["zoom"] = frame.camera.zoom;
    out["labelPx"] = frame.label_px;  // role label text size, CSS px (larger when presenting)
    auto roles = nlohmann::ordered_json::array();
    const auto& framework_roles = document.framework.roles;
    for (size_t i = 0; i < framework_roles.size() && i < frame.labels.size(); ++i) {
        const int index = static_cast<int>(i);
        roles.push_back({{"id", framework_roles[i].id},
                         {"name", framework_roles[i].name},
                         {"color", framework_roles[i].color},
                         {"label", {{"x", frame.labels[i].x}, {"y", frame.labels[i].y}}},
                         {"arc", {{"start", sector_start_angle(frame.ring, index)},
                                  {"end", sector_end_angle(frame.ring, index)}}}});
    }
    out["roles"] = std::move(roles);
    auto tokens = nlohmann::ordered_json::array();
    for (const TokenOnScreen& token : frame.tokens) {
        const Role& role = framework_roles[static_cast<size_t>(token.role_index)];
        tokens.push_back({{"id", token.placement}, {"entity", token.entity}, {"role", role.id},
                          {"x", token.x}, {"y", token.y}, {"r", token.r}});
    }
    out["tokens"] = std::move(tokens);
    auto names = nlohmann::ordered_json::array();
    for (const ScreenLabel& label : labels)
        names.push_back({{"text", label.text}, {"x", label.x}, {"y", label.y}, {"w", label.w}, {"h", label.h}});
    out["labels"] = std::move(names);  // the tokens' names drawn in the last frame
    return out.dump();
}

const TokenOnScreen* token_at(const MapFrame& frame, float x, float y) {
    for (auto it = frame.tokens.rbegin(); it != frame.tokens.rend(); ++it) {  // topmost = drawn last
        const float dx = x - it->x, dy = y - it->y;
        if (dx * dx + dy * dy <= (it->r + 2.0f) * (it->r + 2.0f)) return &*it;
    }
    return nullptr;
}

const TokenOnScreen* first_token_of(const MapFrame& frame, const std::string& entity) {
    for (const TokenOnScreen& token : frame.tokens)
        if (token.entity == entity) return &token;
    return nullptr;
}

}  // namespace ecomap::ui
