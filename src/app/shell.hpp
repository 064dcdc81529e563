// The shell: window, GL ES 3 context, ImGui back ends, fonts and frame pacing (render
// only while something changes). It feeds platform events to the workspace and draws
// the panels; everything about the document lives in the Workspace.
#pragma once
#include <cstdint>
#include <string>

#include "app/app_services.hpp"
#include "app/input.hpp"
#include "app/workspace.hpp"
#include "render/ring_cache.hpp"
#include "render/ring_renderer.hpp"
#include "ui/context.hpp"
#include "ui/draw_renderer.hpp"
#include "ui/fonts.hpp"
#include "ui/image_export.hpp"
#include "ui/map_view.hpp"

struct SDL_Window;
typedef void* SDL_GLContext;

namespace ecomap::app {

class Shell {
public:
    Shell();
    bool init(std::string& error);  // window, GL ES 3 context, ImGui, fonts, renderer, the map of the last visit
    void frame();                   // one main-loop iteration; renders only when something changed
    void shutdown();                // saves, then frees everything init created

    Workspace& workspace() { return workspace_; }      // history, session, UI state, the door
    const ui::Fonts& fonts() const { return fonts_; }  // the screen's font atlas
    AppServices& services() { return services_; }     // files, exports, Recent maps
    const ui::MapFrame& map_frame() const { return frames_.frame(); }  // where the map was drawn last frame
    std::uint64_t frames_rendered() const { return frames_rendered_; }  // frames drawn so far
    bool input_pending() const { return input_pending_; }  // ImGui holds input it has not taken yet (a little per frame)
    ui::UiContext context();        // what the panels and actions work on
    void redraw() { redraw_frames_ = kRedrawAfterEvent; }  // something changed: draw a few frames
    void apply_preferences();       // the style after UiState's reduced_motion / high_contrast changed
    ui::ImageExportResult render_png(const ui::ImageExportOptions& options);  // outside an ImGui frame only

private:
    void frame_body();              // frame() without the crash guard
    void sync_window_size();        // follow the page's canvas size (web)
    bool build_fonts();             // the font atlas for the window's density and what labels asked for; false when unchanged
    bool sync_density();            // rebuild fonts when the density changes or labels first need the large font
                                    // or every glyph (ui::build_fonts)
    void note_text(std::string_view text);  // arriving text: every glyph before it is drawn, when it needs them
    void draw_ui();                 // panels and the map
    void render();                  // ring + ImGui into the default framebuffer
    void connect_platform();        // platform events -> workspace and input

    static constexpr int kRedrawAfterEvent = 4;  // ImGui settles hover/animation within a few frames

    SDL_Window* window_ = nullptr;
    SDL_GLContext gl_context_ = nullptr;
    render::RingRenderer ring_;
    render::RingCache ring_cache_;  // the ring in a texture, redrawn only when it changes
    ui::DrawRenderer draw_;         // ImGui's draw data on GL, without state queries
    ui::Fonts fonts_;
    Workspace workspace_;
    AppServices services_;
    Input input_;
    ui::MapFrameCache frames_;           // the map's layout, kept while nothing changes
    int highlight_ = -1;
    std::uint64_t frames_rendered_ = 0;
    int redraw_frames_ = 3;                // frames still to render before idling
    bool ready_sent_ = false;
    bool input_pending_ = false;
    bool names_hidden_ = false;            // hide_names as last announced to the page
    std::size_t dialogs_open_ = 0;         // open dialogs as last announced to the page
    bool touch_ = false;                   // a touch screen is the main pointer: larger controls
    bool crashed_ = false;                 // a frame failed: the page shows why; nothing more is drawn
};

void register_api(Shell& shell);  // window.ecomap.* entries (app_api.cpp)
void register_access_api(Shell& shell);  // the entries of the page's operable list for screen readers (access_api.cpp)

}  // namespace ecomap::app
