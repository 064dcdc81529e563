// The map panel: where the ring sits in the window, the role labels, the centre's
// values. Reads the document every frame and keeps no copy of it.
#pragma once
#include <string>
#include <vector>

#include "core/model.hpp"
#include "render/ring_renderer.hpp"
#include "ui/fonts.hpp"

namespace ecomap::ui {

struct ScreenRect {
    float x = 0, y = 0, w = 0, h = 0;  // CSS pixels
};

struct MapScreenLayout {               // where things are this frame, in CSS pixels
    float centre_x = 0, centre_y = 0;
    float centre_radius = 0, inner_radius = 0, outer_radius = 0;
    float scale = 1;                   // CSS pixels per map unit (core/geometry.hpp)
    float start_angle = 0;             // sector 0 start, radians clockwise from the top
    float label_px = 0;                // role label text size
    struct Label {
        float x = 0, y = 0;            // anchor point
        float angle = 0;               // direction from the centre, radians clockwise from the top
    };
    std::vector<Label> labels;         // one per role, ring order
};

MapScreenLayout compute_screen_layout(const Framework& framework, ScreenRect area);  // pure

render::RingStyle ring_style(const Framework& framework, const MapScreenLayout& layout, float density,
                             int highlight);  // framebuffer-pixel style for RingRenderer

std::string layout_json(const Document& document, const MapScreenLayout& layout);  // window.ecomap.layout()

void draw_map_overlay(const Document& document, const MapScreenLayout& layout, const Fonts& fonts);  // labels + centre text

}  // namespace ecomap::ui
