#include "ui/camera.hpp"

#include <algorithm>

#include "core/look.hpp"

namespace ecomap::ui {

float label_size(const Camera& camera, const RingLayout& ring, float max_px) {
    return std::clamp(static_cast<float>(ring.outer_radius * camera.zoom) * 0.065f, 12.0f, max_px);
}

Camera fit_camera(const RingLayout& ring, const ScreenRect& area, float label_width_em, float max_label_px) {
    // The labels outside the ring need room: the widest name left and right, about two
    // label heights above and below.
    Camera camera;
    const bool radial = radial_role_labels(ring.role_count);  // names along their radius: room above and below too
    double radius = std::min(area.w, area.h) * 0.5;
    for (int i = 0; i < 4; ++i) {  // label size depends on the radius; settle in a few steps
        camera.zoom = radius / ring.outer_radius;
        const double label = label_size(camera, ring, max_label_px);
        const double side = label * (label_width_em * 0.96 + 0.9);  // room for the widest name beside the ring
        radius = std::min(area.w * 0.5 - side, area.h * 0.5 - (radial ? side : label * 2.0));
        radius = std::max(radius, 30.0);
    }
    camera.zoom = std::clamp(radius / ring.outer_radius, kMinZoom, kMaxZoom);
    camera.centre = {0, 0};
    return camera;
}

Camera fit_camera_rim(const RingLayout& ring, const ScreenRect& area, float max_label_px) {
    // The names follow the rim (one line each): the ring keeps a label height and a small
    // margin free all around, and fills the rest of the shorter side.
    Camera camera;
    double radius = std::min(area.w, area.h) * 0.5;
    for (int i = 0; i < 4; ++i) {
        camera.zoom = radius / ring.outer_radius;
        const double label = label_size(camera, ring, max_label_px);
        radius = std::max(30.0, std::min(area.w, area.h) * 0.5 - label * (1.0 + kRimLabelGap) - 3.0);
    }
    camera.zoom = std::clamp(radius / ring.outer_radius, kMinZoom, kMaxZoom);
    camera.centre = {0, 0};
    return camera;
}

Vec2 to_screen(const Camera& camera, const ScreenRect& area, Vec2 map) {
    const Vec2 local = map_to_screen(camera, {area.w, area.h}, map);
    return {local.x + area.x, local.y + area.y};
}

Vec2 to_map(const Camera& camera, const ScreenRect& area, Vec2 screen) {
    return screen_to_map(camera, {area.w, area.h}, {screen.x - area.x, screen.y - area.y});
}

void zoom_at(UiContext& context, double factor, Vec2 screen_anchor) {
    Camera& camera = context.session.camera;
    const ScreenRect& area = context.state.map_area;
    const Vec2 anchor_map = to_map(camera, area, screen_anchor);
    camera.zoom = std::clamp(camera.zoom * factor, kMinZoom, kMaxZoom);
    const Vec2 moved = to_map(camera, area, screen_anchor);
    camera.centre.x += anchor_map.x - moved.x;
    camera.centre.y += anchor_map.y - moved.y;
    context.state.auto_fit = false;
}

void zoom_by(UiContext& context, double factor) {
    const ScreenRect& area = context.state.map_area;
    zoom_at(context, factor, {area.x + area.w * 0.5, area.y + area.h * 0.5});
}

}  // namespace ecomap::ui
