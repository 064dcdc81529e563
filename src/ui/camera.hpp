// The view onto the map: map units (core/geometry.hpp) <-> CSS pixels of the map area,
// fitting the whole ring with its labels, and zooming around a point.
#pragma once
#include "core/geometry.hpp"
#include "core/session.hpp"
#include "ui/context.hpp"

namespace ecomap::ui {

inline constexpr double kMinZoom = 0.05;  // CSS px per map unit
inline constexpr double kMaxZoom = 8.0;

inline constexpr float kMaxScreenLabelPx = 46.0f;  // role labels never grow past this on screen
inline constexpr float kRimLabelGap = 0.15f;        // rim labels: gap between the ring and the text, in label heights
inline constexpr float kRimLabelsBelow = 600.0f;    // touch screens whose map area is narrower (CSS px) curve the names

Camera fit_camera(const RingLayout& ring, const ScreenRect& area, float label_width_em,
                  float max_label_px = kMaxScreenLabelPx);  // whole ring and labels visible; widest label in label heights
Camera fit_camera_rim(const RingLayout& ring, const ScreenRect& area,
                      float max_label_px = kMaxScreenLabelPx);  // the ring as large as it fits, names along its rim
Vec2 to_screen(const Camera& camera, const ScreenRect& area, Vec2 map);  // map units -> CSS px (page coordinates)
Vec2 to_map(const Camera& camera, const ScreenRect& area, Vec2 screen);  // CSS px -> map units
float label_size(const Camera& camera, const RingLayout& ring,
                 float max_px = kMaxScreenLabelPx);  // role label text size for this zoom
void zoom_by(UiContext& context, double factor);                         // about the map area's centre
void zoom_at(UiContext& context, double factor, Vec2 screen_anchor);     // keeps the map point under the anchor

}  // namespace ecomap::ui
