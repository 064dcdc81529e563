// Where everything on the map is this frame, in CSS pixels: the ring, the role labels'
// anchors and the tokens, computed from the document and the camera (pure). The
// screen, the PNG export, hit-testing and window.ecomap.layout() all read it.
#pragma once
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "core/session.hpp"
#include "render/ring_renderer.hpp"
#include "ui/ui_state.hpp"

namespace ecomap::ui {

struct TokenOnScreen {
    std::string placement;             // Placement::id
    std::string entity;                // Entity::id
    int role_index = -1;               // framework role index
    float x = 0, y = 0, r = 0;         // CSS pixels
};

struct RoleLabel {
    float x = 0, y = 0;                // anchor point, CSS px
    float angle = 0;                   // direction from the centre, radians clockwise from the top
};

struct MapFrame {                      // where everything is this frame, CSS pixels
    RingLayout ring;                   // map units
    Camera camera;                     // the view used for this frame
    ScreenRect area;                   // map area on the page
    float centre_x = 0, centre_y = 0;  // ring centre
    float centre_radius = 0, inner_radius = 0, outer_radius = 0;
    float start_angle = 0;             // sector 0 start, radians clockwise from the top
    float label_px = 0;                // role label text size
    std::vector<RoleLabel> labels;     // one per role, ring order
    std::vector<TokenOnScreen> tokens; // one per placement on a known role
};

struct FrameOptions {                  // how large labels and tokens are drawn (presentation: larger)
    float label_scale = 1.0f;          // role label size relative to the normal view
    float max_label_px = 46.0f;        // role label size limit, CSS px
    float token_px = 14.0f;            // smallest token radius on screen, CSS px
};

MapFrame compute_map_frame(const Document& document, const Camera& camera, const ScreenRect& area,
                           const FrameOptions& options = {});  // pure
render::RingStyle ring_style(const Framework& framework, const MapFrame& frame, float density,
                             int highlight);  // framebuffer-pixel style for RingRenderer
std::string layout_json(const Document& document, const MapFrame& frame,
                        const std::vector<ScreenLabel>& labels);  // window.ecomap.layout()
const TokenOnScreen* token_at(const MapFrame& frame, float x, float y);     // topmost token under a point
const TokenOnScreen* first_token_of(const MapFrame& frame, const std::string& entity);  // nullptr when unplaced

}  // namespace ecomap::ui
