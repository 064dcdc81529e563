// An offscreen framebuffer to render image exports into (not a screenshot of the UI),
// and the PNG encoder for what it holds.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "render/gl.hpp"

namespace ecomap::render {

int max_image_size();  // largest width/height this GL context can render offscreen (texture, renderbuffer, viewport)

class OffscreenTarget {
public:
    OffscreenTarget() = default;
    OffscreenTarget(const OffscreenTarget&) = delete;
    OffscreenTarget& operator=(const OffscreenTarget&) = delete;
    ~OffscreenTarget();

    bool create(int width, int height, std::string& error);  // RGBA8 colour target; false + reason on failure
    void bind() const;                                       // render into it (viewport set to its size)
    void unbind() const;                                     // back to the window
    std::vector<std::uint8_t> read_rgba() const;             // pixels, top row first (flipped from GL)
    int width() const { return width_; }
    int height() const { return height_; }

private:
    GLuint framebuffer_ = 0;
    GLuint texture_ = 0;
    int width_ = 0;
    int height_ = 0;
};

std::string encode_png(const std::vector<std::uint8_t>& rgba, int width, int height);  // stb_image_write; "" on failure

}  // namespace ecomap::render
