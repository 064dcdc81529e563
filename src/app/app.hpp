// The application: owns the window, the GL context, ImGui, the document history and
// the session, and runs one frame at a time (see main.cpp). It implements the
// panels' Services (files, time) on top of the platform layer.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/history.hpp"
#include "core/session.hpp"
#include "platform/platform.hpp"
#include "render/ring_renderer.hpp"
#include "ui/fonts.hpp"
#include "ui/image_export.hpp"
#include "ui/map_view.hpp"
#include "ui/services.hpp"
#include "ui/ui_state.hpp"

struct SDL_Window;
struct SDL_TouchFingerEvent;
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
    void open_files_for_merge() override;
    void export_png(int width, int height, bool transparent, bool title) override;
    void export_svg(bool transparent, bool title) override;
    void export_csv() override;
    std::string now_iso() override;

private:
    LoadOutcome load_bytes(std::string_view name, std::string_view bytes);  // import door; map kept on error
    void open_bytes_with_dialog(std::string_view name, std::string_view bytes);  // load + show the outcome
    void paste_text(std::string_view text);  // into the active text field, or a pasted map
    void handle_finger(const SDL_TouchFingerEvent& finger);  // two fingers pinch-zoom the map
    LoadOutcome merge_files(const std::vector<platform::NamedBytes>& files);  // group map, one undo step
    void merge_files_with_dialog(const std::vector<platform::NamedBytes>& files);  // merge + show the report
    void register_api();            // window.ecomap.* entries
    void restore_autosave();        // the map of the previous visit, if any
    void autosave_if_due(bool force);  // store the map when it changed (debounced)
    void sync_window_size();        // follow the page's canvas size (web)
    bool sync_density();            // rebuild fonts when the pixel density changes; true if rebuilt
    void draw_ui();                 // panels and the map
    void render();                  // ring + ImGui into the default framebuffer
    std::string state_json() const; // window.ecomap.state()
    Document export_document() const;  // the document as exports show it (names hidden when asked)
    std::string base_file_name() const;  // file name from the map's title, without extension
    ui::ImageExportResult render_png(const ui::ImageExportOptions& options);  // outside an ImGui frame only

    static constexpr int kRedrawAfterEvent = 4;  // ImGui settles hover/animation within a few frames

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
    std::string pending_paste_;            // text from the on-screen keyboard, typed into the active field next frame
    std::string clipboard_;                // the app's clipboard in the browser (last copied or pasted text)
    bool names_hidden_ = false;            // hide_names as last announced to the page
    bool touch_ = false;                   // a touch screen is the main pointer: larger controls
    bool keyboard_shown_ = false;          // the on-screen keyboard was asked for (touch screens)
    std::map<std::int64_t, Vec2> fingers_; // touches on the screen now, CSS px
    std::optional<ui::ImageExportOptions> pending_png_;  // PNG asked for by the UI, rendered after the frame
};

}  // namespace ecomap::app
