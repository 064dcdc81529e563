#include "render/ring_cache.hpp"

#include <algorithm>
#include <cmath>

#include "render/embedded_shaders.hpp"
#include "render/shader.hpp"

namespace ecomap::render {
namespace {

constexpr float kQuadMargin = 2.0f;  // ring.vert draws the square around the ring plus this much

bool whole(float value) { return std::abs(value - std::round(value)) < 0.01f; }

}  // namespace

bool same_ring_look(const RingStyle& a, const RingStyle& b) {
    return a.centre_radius == b.centre_radius && a.inner_radius == b.inner_radius &&
           a.outer_radius == b.outer_radius && a.rim == b.rim && a.gap == b.gap && a.start_angle == b.start_angle &&
           a.highlight == b.highlight && a.tint == b.tint && a.colors == b.colors;
}

bool RingCache::init(std::string& error) {
    ProgramResult built = build_program(shaders::blit_vert(), shaders::blit_frag());
    if (built.program == 0) {
        error = "ring copy shader: " + built.error;
        return false;
    }
    program_ = built.program;
    u_rect_ = glGetUniformLocation(program_, "u_rect");
    u_viewport_ = glGetUniformLocation(program_, "u_viewport");
    u_uv_scale_ = glGetUniformLocation(program_, "u_uv_scale");
    u_image_ = glGetUniformLocation(program_, "u_image");
    glGenVertexArrays(1, &vao_);
    glGenFramebuffers(1, &framebuffer_);
    glGenTextures(1, &texture_);
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_size_);
    return true;
}

void RingCache::shutdown() {
    if (framebuffer_ != 0) glDeleteFramebuffers(1, &framebuffer_);
    if (texture_ != 0) glDeleteTextures(1, &texture_);
    if (vao_ != 0) glDeleteVertexArrays(1, &vao_);
    if (program_ != 0) glDeleteProgram(program_);
    framebuffer_ = texture_ = vao_ = program_ = 0;
    capacity_w_ = capacity_h_ = 0;
    valid_ = false;
}

// Whether the texture shows this ring and covers `visible` once moved by the pan since it
// was drawn (whole pixels only: a fractional move would blur it); the move in dx, dy.
bool RingCache::holds(const RingStyle& style, const Region& visible, int& dx, int& dy) const {
    if (!valid_ || !same_ring_look(style, drawn_)) return false;
    const float move_x = style.centre_x - drawn_.centre_x, move_y = style.centre_y - drawn_.centre_y;
    if (!whole(move_x) || !whole(move_y)) return false;
    dx = static_cast<int>(std::round(move_x));
    dy = static_cast<int>(std::round(move_y));
    const int x = region_.x + dx, y = region_.y + dy;
    return x <= visible.x && y <= visible.y && x + region_.w >= visible.x + visible.w &&
           y + region_.h >= visible.y + visible.h;
}

bool RingCache::reserve(int w, int h) {
    if (w <= capacity_w_ && h <= capacity_h_) return true;
    capacity_w_ = std::max(w, capacity_w_);
    capacity_h_ = std::max(h, capacity_h_);
    glBindTexture(GL_TEXTURE_2D, texture_);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, capacity_w_, capacity_h_, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindTexture(GL_TEXTURE_2D, 0);
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture_, 0);
    const bool complete = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (!complete) capacity_w_ = capacity_h_ = 0;
    return complete;
}

// Draws the ring into the texture: the visible part and, around it, up to half a window
// more each way, so that panning can go on a while before the next redraw.
bool RingCache::redraw(const RingRenderer& ring, const RingStyle& style, const Region& visible, int framebuffer_w,
                       int framebuffer_h) {
    const float reach = style.outer_radius + kQuadMargin;
    const int ring_x0 = static_cast<int>(std::floor(style.centre_x - reach));
    const int ring_y0 = static_cast<int>(std::floor(style.centre_y - reach));
    const int ring_x1 = static_cast<int>(std::ceil(style.centre_x + reach));
    const int ring_y1 = static_cast<int>(std::ceil(style.centre_y + reach));
    const int spare_w = std::clamp((max_size_ - visible.w) / 2, 0, framebuffer_w / 2);
    const int spare_h = std::clamp((max_size_ - visible.h) / 2, 0, framebuffer_h / 2);
    Region region;
    region.x = std::max(ring_x0, visible.x - spare_w);
    region.y = std::max(ring_y0, visible.y - spare_h);
    region.w = std::min(ring_x1, visible.x + visible.w + spare_w) - region.x;
    region.h = std::min(ring_y1, visible.y + visible.h + spare_h) - region.y;
    if (region.w > max_size_ || region.h > max_size_ || !reserve(region.w, region.h)) return false;

    RingStyle local = style;
    local.centre_x -= static_cast<float>(region.x);
    local.centre_y -= static_cast<float>(region.y);
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
    glViewport(0, 0, capacity_w_, capacity_h_);
    glClearColor(0, 0, 0, 0);
    glClear(GL_COLOR_BUFFER_BIT);
    ring.draw(local, region.w, region.h);  // into the texture's bottom-left region.w × region.h
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, framebuffer_w, framebuffer_h);
    drawn_ = style;
    region_ = region;
    valid_ = true;
    ++redraws_;
    return true;
}

void RingCache::draw(const RingRenderer& ring, const RingStyle& style, int framebuffer_w, int framebuffer_h) {
    const float reach = style.outer_radius + kQuadMargin;
    Region visible;
    visible.x = std::max(0, static_cast<int>(std::floor(style.centre_x - reach)));
    visible.y = std::max(0, static_cast<int>(std::floor(style.centre_y - reach)));
    visible.w = std::min(framebuffer_w, static_cast<int>(std::ceil(style.centre_x + reach))) - visible.x;
    visible.h = std::min(framebuffer_h, static_cast<int>(std::ceil(style.centre_y + reach))) - visible.y;
    if (visible.w <= 0 || visible.h <= 0 || style.outer_radius <= 0) return;  // nothing of the ring on screen

    int dx = 0, dy = 0;
    if (program_ == 0 || (!holds(style, visible, dx, dy) && !redraw(ring, style, visible, framebuffer_w, framebuffer_h))) {
        valid_ = false;
        ring.draw(style, framebuffer_w, framebuffer_h);  // no texture (or too large a ring): draw it directly
        return;
    }
    glViewport(0, 0, framebuffer_w, framebuffer_h);
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);  // the texture holds premultiplied colour, as ring.frag writes it
    glUseProgram(program_);
    glUniform4f(u_rect_, static_cast<float>(region_.x + dx), static_cast<float>(region_.y + dy),
                static_cast<float>(region_.w), static_cast<float>(region_.h));
    glUniform2f(u_viewport_, static_cast<float>(framebuffer_w), static_cast<float>(framebuffer_h));
    glUniform2f(u_uv_scale_, static_cast<float>(region_.w) / static_cast<float>(capacity_w_),
                static_cast<float>(region_.h) / static_cast<float>(capacity_h_));
    glUniform1i(u_image_, 0);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, texture_);
    glBindVertexArray(vao_);
    glDrawArrays(GL_TRIANGLE_STRIP, 0, 4);
    glBindVertexArray(0);
    glBindTexture(GL_TEXTURE_2D, 0);
    glUseProgram(0);
}

}  // namespace ecomap::render
