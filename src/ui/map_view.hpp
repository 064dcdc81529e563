// The map panel: the ring's place on screen this frame, tokens, links, labels, and
// the pointer interaction (select, drag onto roles, connect, pan, zoom). It reads the
// document every frame and keeps no copy of it; edits go through History.
#pragma once
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "render/ring_renderer.hpp"
#include "ui/context.hpp"

struct ImDrawList;

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
std::string layout_json(const Document& document, const MapFrame& frame);  // window.ecomap.layout()
int highlighted_role(const UiContext& context, const MapFrame& frame);     // role to draw stronger, -1 for none

void map_view(UiContext& context, const MapFrame& frame);  // draws the map overlay and handles its input

// Drawing (map_draw.cpp), into any draw list: the map window's, or an offscreen one
// for image exports.
void draw_role_labels(ImDrawList& list, const Document& document, const MapFrame& frame, const Fonts& fonts);
void draw_centre_text(ImDrawList& list, const Document& document, const MapFrame& frame, const Fonts& fonts);
void draw_links(ImDrawList& list, const UiContext& context, const MapFrame& frame);
void draw_tokens(ImDrawList& list, const UiContext& context, const MapFrame& frame);
void draw_token_shape(ImDrawList& list, EntityKind kind, Strength strength, float x, float y, float r,
                      unsigned int role_color, float alpha);  // one token (shape by kind, fill by strength)
const TokenOnScreen* token_at(const MapFrame& frame, float x, float y);     // topmost token under a point
const TokenOnScreen* first_token_of(const MapFrame& frame, const std::string& entity);  // nullptr when unplaced
std::string display_name(const Entity& entity);  // the name, or "Anonymous"/"Unnamed …" (ignores hide names:
                                                 // what is shown uses EntityNames, ui/facilitator.hpp)

}  // namespace ecomap::ui
