// Compiling and linking GLSL ES 3.00 programs, with readable errors.
#pragma once
#include <string>
#include <string_view>

#include "render/gl.hpp"

namespace ecomap::render {

struct ProgramResult {
    GLuint program = 0;   // 0 when compiling or linking failed
    std::string error;    // the driver's log, prefixed with the stage that failed
};

ProgramResult build_program(std::string_view vertex_source, std::string_view fragment_source);  // caller owns program

}  // namespace ecomap::render
