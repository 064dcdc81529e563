// GLSL ES 3.00 sources from shaders/, embedded at build time.
#pragma once
#include <string_view>

namespace ecomap::render::shaders {
std::string_view ring_vert();  // shaders/ring.vert
std::string_view ring_frag();  // shaders/ring.frag
}  // namespace ecomap::render::shaders
