#include "render/ring_renderer.hpp"

#include <algorithm>

#include "render/embedded_shaders.hpp"
#include "render/shader.hpp"

namespace ecomap::render {

bool RingRenderer::init(std::string& error) {
    ProgramResult built = build_program(shaders::ring_vert(), shaders::ring_frag());
    if (built.program == 0) {
        error = "ring shader: " + built.error;
        return false;
    }
    program_ = built.program;
    glGenVertexArrays(1, &vao_);
    u_.centre = glGetUniformLocation(program_, "u_centre");
    u_.viewport_h = glGetUniformLocation(program_, "u_viewport_h");
    u_.viewport = glGetUniformLocation(program_, "u_viewport");
    u_.radii = glGetUniformLocation(program_, "u_radii");
    u_.rim = glGetUniformLocation(program_, "u_rim");
    u_.gap = glGetUniformLocation(program_, "u_gap");
    u_.start = glGetUniformLocation(program_, "u_start");
    u_.role_count = glGetUniformLocation(program_, "u_role_count");
    u_.colors = glGetUniformLocation(program_, "u_colors");
    u_.highlight = glGetUniformLocation(program_, "u_highlight");
    u_.centre_color = glGetUniformLocation(program_, "u_centre_color");
    u_.centre_edge = glGetUniformLocation(program_, "u_centre_edge");
    u_.tint = glGetUniformLocation(program_, "u_tint");
    return true;
}

void RingRenderer::draw(const RingStyle& style, int framebuffer_w, int framebuffer_h) const {
    if (program_ == 0) return;
    const size_t count = std::min(style.colors.size(), kMaxRingRoles);
    std::vector<float> colors(kMaxRingRoles * 3, 0.0f);
    for (size_t i = 0; i < count; ++i) {
        colors[i * 3 + 0] = static_cast<float>(style.colors[i].r);
        colors[i * 3 + 1] = static_cast<float>(style.colors[i].g);
        colors[i * 3 + 2] = static_cast<float>(style.colors[i].b);
    }
    glViewport(0, 0, framebuffer_w, framebuffer_h);
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glUseProgram(program_);
    glUniform2f(u_.centre, style.centre_x, style.centre_y);
    glUniform1f(u_.viewport_h, static_cast<float>(framebuffer_h));
    glUniform2f(u_.viewport, static_cast<float>(framebuffer_w), static_cast<float>(framebuffer_h));
    glUniform3f(u_.radii, style.centre_radius, style.inner_radius, style.outer_radius);
    glUniform1f(u_.rim, style.rim);
    glUniform1f(u_.gap, style.gap);
    glUniform1f(u_.start, style.start_angle);
    glUniform1i(u_.role_count, static_cast<GLint>(count));
    glUniform3fv(u_.colors, static_cast<GLsizei>(kMaxRingRoles), colors.data());
    glUniform1i(u_.highlight, style.highlight);
    glUniform4f(u_.centre_color, 1.0f, 1.0f, 1.0f, 1.0f);
    glUniform4f(u_.centre_edge, 0.55f, 0.57f, 0.62f, 1.0f);
    glUniform1f(u_.tint, style.tint);
    glBindVertexArray(vao_);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    glBindVertexArray(0);
    glUseProgram(0);
}

void RingRenderer::shutdown() {
    if (vao_ != 0) glDeleteVertexArrays(1, &vao_);
    if (program_ != 0) glDeleteProgram(program_);
    vao_ = 0;
    program_ = 0;
}

}  // namespace ecomap::render
