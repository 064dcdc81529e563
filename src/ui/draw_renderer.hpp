// Dear ImGui's draw data on OpenGL ES 3 (WebGL2 in the browser): ecomap's own renderer back
// end, in place of ImGui's OpenGL 3 one, for the screen and for image exports.
//
// It asks the driver nothing while drawing. ImGui's back end saves and restores about twenty
// pieces of GL state around every frame with glGet* calls, and in a browser each of those
// waits for the GPU process to answer. Without a GPU that process is busy drawing the page
// (on SwiftShader, 10-80 ms a frame at start-up), and those waits were over 100 ms of the
// first frame. The state is set instead: everything ecomap draws sets what it relies on.
//
// After render(): blending on (ImGui's function), scissor test off, no program, vertex array,
// buffer or texture bound; the viewport is the draw data's framebuffer.
#pragma once
#include <string>

#include "render/gl.hpp"

struct ImDrawData;
struct ImFontAtlas;

namespace ecomap::ui {

// `atlas` as a texture: into `texture`, or a new one when it is 0; sets the atlas' TexID.
GLuint upload_atlas(ImFontAtlas& atlas, GLuint texture = 0);

class DrawRenderer {
public:
    bool init(std::string& error);            // program, buffers, vertex layout; false + error on failure
    void upload_fonts(ImFontAtlas& atlas);    // the atlas as the font texture (replacing the last one); sets its TexID
    void render(const ImDrawData& data) const;  // onto the bound framebuffer, the size of data's display
    void shutdown();

private:
    void set_state(const ImDrawData& data, int framebuffer_w, int framebuffer_h) const;

    GLuint program_ = 0, vao_ = 0, vertices_ = 0, indices_ = 0, font_texture_ = 0;
    GLint u_projection_ = -1, u_texture_ = -1;
};

}  // namespace ecomap::ui
