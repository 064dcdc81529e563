// The application: owns the window, the GL context, ImGui and the document history,
// and runs one frame at a time (see main.cpp).
#pragma once
#include <cstdint>
#include <string>

#include "core/model.hpp"
#include "render/ring_renderer.hpp"
#include "ui/fonts.hpp"
#include "ui/map_view.hpp"

struct SDL_Window;
typedef void* SDL_GLContext;

namespace ecomap::app {

class App {
public:
    bool init(std::string& error);  // window, GL ES 3 context, ImGui, fonts, renderer, first document
    void frame();                   // one main-loop iteration; renders only when something changed
    void shutdown();                // frees everything init created
    std::uint64_t frames_rendered() const { return frames_rendered_; }

private:
    void register_api();            // window.ecomap.* entries
    void sync_window_size();        // follow the page's canvas size (web)
    bool sync_density();            // rebuild fonts when the pixel density changes; true if rebuilt
    void draw_ui();                 // panels and the map overlay
    void render();                  // ring + ImGui into the default framebuffer

    SDL_Window* window_ = nullptr;
    SDL_GLContext gl_context_ = nullptr;
    render::RingRenderer ring_;
    ui::Fonts fonts_;
    ui::MapScreenLayout layout_;
    Document document_;
    std::uint64_t frames_rendered_ = 0;
    int redraw_frames_ = 3;          // frames still to render before idling
    bool ready_sent_ = false;
};

}  // namespace ecomap::app
