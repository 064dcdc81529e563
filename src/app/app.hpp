// The application: owns the window, the GL context, ImGui, the document history and
// the session, and runs one frame at a time (see main.cpp). It implements the
// panels' Services (files, time) on top of the platform layer.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/history.hpp"
#include "core/session.hpp"
#include "render/ring_renderer.hpp"
#include "ui/fonts.hpp"
#include "ui/map_view.hpp"
#include "ui/services.hpp"
#include "ui/ui_state.hpp"

struct SDL_Window;
typedef void* SDL_GLContext;

namespace ecomap::app {

struct LoadOutcome {                 // result of opening bytes through the import door
    bool ok = false;                 // the map was replaced
    std::string error;               // one-line reason when not ok
    std::vector<std::string> warnings;  // what was repaired
};

class App final : public ui::Services {
public:
    App();
    bool init(std::string& error);  // window, GL ES 3 context, ImGui, fonts, renderer, first document
    void frame();                   // one main-loop iteration; renders only when something changed
    void shutdown();                // frees everything init created

    // ui::Services
    void new_map() override;
    void open_file() override;
    void save_json() override;
    std::string now_iso() override;

private:
    LoadOutcome load_bytes(std::string_view name, std::string_view bytes);  // import door; map kept on error
    void open_bytes_with_dialog(std::string_view name, std::string_view bytes);  // load + show the outcome
    void paste_text(std::string_view text);  // into the active text field, or a pasted map
    void register_api();            // window.ecomap.* entries
    void restore_autosave();        // the map of the previous visit, if any
    void autosave_if_due(bool force);  // store the map when it changed (debounced)
    void sync_window_size();        // follow the page's canvas size (web)
    bool sync_density();            // rebuild fonts when the pixel density changes; true if rebuilt
    void draw_ui();                 // panels and the map
    void render();                  // ring + ImGui into the default framebuffer
    std::string state_json() const; // window.ecomap.state()

    SDL_Window* window_ = nullptr;
    SDL_GLContext gl_context_ = nullptr;
    render::RingRenderer ring_;
    ui::Fonts fonts_;
    History history_;
    Session session_;
    ui::UiState ui_state_;
    ui::MapFrame frame_;
    int highlight_ = -1;
    std::uint64_t frames_rendered_ = 0;
    std::uint64_t saved_revision_ = 0;     // revision last written to autosave
    std::uint64_t seen_revision_ = 0;      // revision last announced to onChange listeners
    double last_change_seconds_ = 0;       // when the revision last changed
    int redraw_frames_ = 3;                // frames still to render before idling
    bool ready_sent_ = false;
    std::string pending_paste_;            // pasted text to type into the active field next frame
};

}  // namespace ecomap::app
