#include "render/offscreen.hpp"

#include <algorithm>

#include "core/png_encode.hpp"

namespace ecomap::render {

int max_image_size() {
    GLint texture = 0, renderbuffer = 0;
    GLint viewport[2] = {0, 0};
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &texture);
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &renderbuffer);
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, viewport);
    return std::min({texture, renderbuffer, viewport[0], viewport[1]});
}

OffscreenTarget::~OffscreenTarget() {
    if (framebuffer_ != 0) glDeleteFramebuffers(1, &framebuffer_);
    if (texture_ != 0) glDeleteTextures(1, &texture_);
}

bool OffscreenTarget::create(int width, int height, std::string& error) {
    const int limit = max_image_size();
    if (width < 1 || height < 1 || width > limit || height > limit) {
        error = "this browser can render images up to " + std::to_string(limit) + " × " + std::to_string(limit) +
                " pixels; " + std::to_string(width) + " × " + std::to_string(height) + " was asked for";
        return false;
    }
    width_ = width;
    height_ = height;
    glGenTextures(1, &texture_);
    glBindTexture(GL_TEXTURE_2D, texture_);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glBindTexture(GL_TEXTURE_2D, 0);
    if (glGetError() == GL_OUT_OF_MEMORY) {
        error = "not enough graphics memory for a " + std::to_string(width) + " × " + std::to_string(height) +
                " image; try a smaller size";
        return false;
    }
    glGenFramebuffers(1, &framebuffer_);
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture_, 0);
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    if (status != GL_FRAMEBUFFER_COMPLETE) {
        error = "the graphics driver refused an offscreen image of that size";
        return false;
    }
    return true;
}

void OffscreenTarget::bind() const {
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
    glViewport(0, 0, width_, height_);
}

void OffscreenTarget::unbind() const { glBindFramebuffer(GL_FRAMEBUFFER, 0); }

Pixels OffscreenTarget::read_rgba() const {
    const size_t size = static_cast<size_t>(width_) * 4 * static_cast<size_t>(height_);
    Pixels pixels(size);  // not zeroed first: glReadPixels fills it
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer_);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, width_, height_, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return pixels;
}

std::string encode_png(const Pixels& rgba, int width, int height) {
    if (rgba.size() != static_cast<size_t>(width) * 4 * static_cast<size_t>(height)) return {};
    return encode_png_rgba(rgba.data(), width, height, true);  // GL's first row is the bottom one
}

}  // namespace ecomap::render
