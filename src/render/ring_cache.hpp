// The ring kept in a texture: RingRenderer's shader runs over every pixel of the ring,
// which costs a software GPU (and a weak integrated one) most of a frame. RingCache
// draws the ring into a texture only when it changes (zoom, window density, colours,
// the highlighted sector) or when panning brings into view a part the texture does
// not hold, and otherwise copies the texture to where the ring is now.
#pragma once
#include <string>

#include "render/gl.hpp"
#include "render/ring_renderer.hpp"

namespace ecomap::render {

bool same_ring_look(const RingStyle& a, const RingStyle& b);  // equal but for where the centre is

class RingCache {
public:
    bool init(std::string& error);  // compiles the copy shader; false + error on failure
    // Draws the ring of `style` onto the bound window framebuffer, from the texture when it can.
    void draw(const RingRenderer& ring, const RingStyle& style, int framebuffer_w, int framebuffer_h);
    void shutdown();
    long long redraws() const { return redraws_; }  // times the ring was drawn into the texture

private:
    struct Region {  // a rectangle of framebuffer pixels, y down
        int x = 0, y = 0, w = 0, h = 0;
    };
    bool holds(const RingStyle& style, const Region& visible, int& dx, int& dy) const;
    bool redraw(const RingRenderer& ring, const RingStyle& style, const Region& visible, int framebuffer_w,
                int framebuffer_h);
    bool reserve(int w, int h);

    GLuint program_ = 0, vao_ = 0, texture_ = 0, framebuffer_ = 0;
    GLint u_rect_ = -1, u_viewport_ = -1, u_uv_scale_ = -1, u_image_ = -1;
    int capacity_w_ = 0, capacity_h_ = 0, max_size_ = 0;
    bool valid_ = false;
    RingStyle drawn_;       // the style the texture holds, centre included
    Region region_;         // where the texture's pixels were on screen when drawn
    long long redraws_ = 0;
};

}  // namespace ecomap::render
