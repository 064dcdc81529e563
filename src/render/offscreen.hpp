// An offscreen framebuffer to render image exports into (not a screenshot of the UI),
// and the PNG encoder for what it holds.
#pragma once
#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <utility>
#include <vector>

#include "render/gl.hpp"

namespace ecomap::render {

// Leaves new elements default-initialized: a pixel buffer of tens of megabytes is not zeroed
// before glReadPixels overwrites it.
template <class T>
struct DefaultInit : std::allocator<T> {
    template <class U>
    struct rebind {
        using other = DefaultInit<U>;
    };
    DefaultInit() = default;
    template <class U>
    DefaultInit(const DefaultInit<U>&) noexcept {}
    template <class U>
    void construct(U* at) noexcept {
        ::new (static_cast<void*>(at)) U;
    }
    template <class U, class... Args>
    void construct(U* at, Args&&... args) {
        ::new (static_cast<void*>(at)) U(std::forward<Args>(args)...);
    }
};
using Pixels = std::vector<std::uint8_t, DefaultInit<std::uint8_t>>;  // RGBA, 4 bytes a pixel

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
    Pixels read_rgba() const;                                // bottom row first (as GL reads them)
    int width() const { return width_; }
    int height() const { return height_; }

private:
    GLuint framebuffer_ = 0;
    GLuint texture_ = 0;
    int width_ = 0;
    int height_ = 0;
};

// The PNG of read_rgba()'s pixels (core/png_encode.hpp); "" on failure.
std::string encode_png(const Pixels& rgba, int width, int height);

}  // namespace ecomap::render
