// Draws the map's ring (centre disc + one sector per role) with one quad around it and
// the analytic shader in shaders/ring.frag.
#pragma once
#include <string>
#include <vector>

#include "core/limits.hpp"
#include "core/look.hpp"
#include "render/gl.hpp"

namespace ecomap::render {

inline constexpr size_t kMaxRingRoles = kMaxRoles;  // sectors the shader colours (u_colors in shaders/ring.frag)

struct RingStyle {                        // everything in framebuffer pixels, y down
    float centre_x = 0, centre_y = 0;
    float centre_radius = 0;              // the values disc
    float inner_radius = 0;               // ring band start
    float outer_radius = 0;               // ring band end
    float rim = 0;                        // solid colour rim at the outer edge
    float gap = 0;                        // gap between sectors
    float start_angle = 0;                // sector 0 start, radians clockwise from the top
    std::vector<Rgb> colors;              // one per role, in ring order (at most kMaxRingRoles)
    int highlight = -1;                   // sector drawn stronger, -1 for none
    float tint = 0.22f;                   // share of the role colour in the band fill
};

class RingRenderer {
public:
    bool init(std::string& error);                          // compiles shaders; false + error on failure
    void draw(const RingStyle& style, int framebuffer_w, int framebuffer_h) const;  // blends over the target
    void shutdown();                                        // frees GL objects
    ~RingRenderer() = default;

private:
    GLuint program_ = 0;
    GLuint vao_ = 0;
    struct Uniforms {
        GLint centre, viewport_h, viewport, radii, rim, gap, start, role_count, colors, highlight, centre_color,
            centre_edge, tint;
    } u_{};
};

}  // namespace ecomap::render
