// GLSL ES 3.00 sources from shaders/, embedded at build time.
#pragma once
#include <string_view>

namespace ecomap::render::shaders {
std::string_view ring_vert();  // shaders/ring.vert
std::string_view ring_frag();  // shaders/ring.frag
std::string_view blit_vert();  // shaders/blit.vert
std::string_view blit_frag();  // shaders/blit.frag
std::string_view draw_vert();  // shaders/draw.vert
std::string_view draw_frag();  // shaders/draw.frag
}  // namespace ecomap::render::shaders
