// The shell: SDL window, GL ES 3 context, ImGui back ends and style, frame pacing, and
// the wiring of platform events to the workspace (see shell.hpp).
//
// Index: [SECTION] Setup, [SECTION] Platform events, [SECTION] Frame.
#include "app/shell.hpp"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl2.h>
#include <imgui_internal.h>  // ClearActiveID: one click leaves a text field and presses

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <exception>

#include "app/recent_menu.hpp"
#include "core/geometry.hpp"
#include "core/i18n.hpp"
#include "platform/platform.hpp"
#include "render/gl.hpp"
#include "ui/actions.hpp"
#include "ui/app_frame.hpp"
#include "ui/camera.hpp"
#include "ui/dialog_stack.hpp"
#include "ui/panels.hpp"
#include "ui/presentation.hpp"
#include "ui/test_hooks.hpp"

namespace ecomap::app {
namespace {

double seconds_now() { return static_cast<double>(SDL_GetTicks64()) / 1000.0; }

std::string now_iso() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&t, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

void apply_style(bool touch, bool high_contrast) {
    ImGui::StyleColorsLight();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 0.0f;
    style.ChildRounding = 6.0f;
    style.PopupRounding = 8.0f;
    style.FrameRounding = 6.0f;
    style.FramePadding = {10.0f, 6.0f};
    style.ItemSpacing = {10.0f, 8.0f};
    style.WindowPadding = {12.0f, 10.0f};
    style.WindowBorderSize = 0.0f;
    style.PopupBorderSize = 1.0f;
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImVec4(0.98f, 0.98f, 0.99f, 1.0f);
    c[ImGuiCol_Text] = ImVec4(0.11f, 0.13f, 0.16f, 1.0f);
    c[ImGuiCol_TextDisabled] = ImVec4(0.38f, 0.41f, 0.47f, 1.0f);
    c[ImGuiCol_Button] = ImVec4(0.91f, 0.92f, 0.95f, 1.0f);
    c[ImGuiCol_ButtonHovered] = ImVec4(0.80f, 0.82f, 0.92f, 1.0f);
    c[ImGuiCol_ButtonActive] = ImVec4(0.70f, 0.72f, 0.88f, 1.0f);
    c[ImGuiCol_FrameBg] = ImVec4(0.95f, 0.95f, 0.97f, 1.0f);
    c[ImGuiCol_Header] = ImVec4(0.85f, 0.86f, 0.95f, 1.0f);
    c[ImGuiCol_HeaderHovered] = ImVec4(0.80f, 0.82f, 0.93f, 1.0f);
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0.1f, 0.1f, 0.15f, 0.35f);
    if (high_contrast) {  // prefers-contrast: more: black text, dark borders around every control
        style.FrameBorderSize = 1.0f;
        style.ChildBorderSize = 1.5f;
        style.PopupBorderSize = 2.0f;
        c[ImGuiCol_Text] = ImVec4(0.0f, 0.0f, 0.0f, 1.0f);
        c[ImGuiCol_TextDisabled] = ImVec4(0.20f, 0.22f, 0.26f, 1.0f);
        c[ImGuiCol_Border] = ImVec4(0.10f, 0.11f, 0.14f, 1.0f);
        c[ImGuiCol_WindowBg] = ImVec4(1.0f, 1.0f, 1.0f, 1.0f);
        c[ImGuiCol_Button] = ImVec4(0.86f, 0.87f, 0.92f, 1.0f);
        c[ImGuiCol_Header] = ImVec4(0.72f, 0.75f, 0.92f, 1.0f);
        c[ImGuiCol_CheckMark] = ImVec4(0.0f, 0.0f, 0.0f, 1.0f);
        c[ImGuiCol_ModalWindowDimBg] = ImVec4(0.0f, 0.0f, 0.05f, 0.55f);
    }
    if (touch) {  // fingers: every control at least 44 px high
        style.FramePadding = {14.0f, 14.0f};
        style.ItemSpacing = {10.0f, 10.0f};
        style.TouchExtraPadding = {4.0f, 4.0f};
        style.ScrollbarSize = 18.0f;
        style.GrabMinSize = 24.0f;
    }
}

WorkspaceHost platform_host() {
    WorkspaceHost host;
    host.clock = now_iso;
    host.store = [](std::string_view text, std::string_view summary) { platform::store_autosave(text, summary); };
    host.begin_map = [] { platform::begin_map(); };
    host.keep_aside = [](std::string_view reason) { platform::keep_aside(reason); };
    host.room_send = [](std::string_view patch) { platform::room_send(patch); };
    return host;
}

}  // namespace

// [SECTION] Setup

Shell::Shell() : workspace_(platform_host()), services_(workspace_) {}

ui::UiContext Shell::context() {
    return ui::UiContext{workspace_.history(), workspace_.session(), workspace_.ui(), fonts_, services_};
}

bool Shell::init(std::string& error) {
    i18n::set_language(i18n::match_language(platform::preferred_language()));  // before the first word is drawn
    workspace_.follow_language();  // the start-up map in that language (an autosaved map arrives later, as it was)
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
        error = std::string("could not start SDL: ") + SDL_GetError();
        return false;
    }
    platform::mark("sdl-init");
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 8);
    const auto flags = static_cast<SDL_WindowFlags>(SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    window_ = SDL_CreateWindow("ecomap", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, 1280, 800, flags);
    if (window_ == nullptr) {
        error = std::string("could not open a window: ") + SDL_GetError();
        return false;
    }
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is ours; nothing written to disk
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigMacOSXBehaviors = platform::is_mac();  // Cmd+Z etc. on a Mac, also in the browser
    touch_ = platform::is_touch();
    apply_style(touch_, false);
    sync_window_size();
    // The fonts are rasterized before the GL context is made. In a browser without a GPU, the
    // GPU process is busy for a while after the page loads drawing its first frames, and making
    // a context waits for it; the fonts are CPU work of our own in the meantime. The map this
    // tab continues is read first, so that its letters are in the first atlas.
    const std::optional<std::string> saved = platform::load_autosave();
    if (saved) note_text(*saved);
    build_fonts();
    platform::mark("fonts");

    gl_context_ = SDL_GL_CreateContext(window_);
    if (gl_context_ == nullptr) {
        error = std::string("WebGL2 / OpenGL ES 3.0 is not available: ") + SDL_GetError();
        return false;
    }
    SDL_GL_MakeCurrent(window_, gl_context_);
    SDL_GL_SetSwapInterval(1);
    platform::mark("gl-context");
    ImGui_ImplSDL2_InitForOpenGL(window_, gl_context_);
    if (!draw_.init(error)) return false;
    draw_.upload_fonts(*io.Fonts);
    input_.install_clipboard();
    if (!ring_.init(error) || !ring_cache_.init(error)) return false;

    if (saved) workspace_.open(Origin::Autosave, "autosave", *saved);
    register_api(*this);
    register_access_api(*this);
    connect_platform();
    platform::mark("init-done");
    return true;
}

// [SECTION] Platform events

void Shell::connect_platform() {
    platform::set_arrival_handler([this](std::string_view origin_text, std::vector<platform::NamedBytes> files,
                                         bool quiet) {
        Origin origin = Origin::File;
        if (!origin_from_name(origin_text, origin)) origin = Origin::Api;
        std::vector<Arrival> arrivals;
        for (platform::NamedBytes& file : files) {
            note_text(file.name);
            note_text(file.bytes);
            arrivals.push_back({std::move(file.name), std::move(file.bytes)});
        }
        const OpenOutcome outcome = workspace_.open(origin, std::move(arrivals), quiet);
        redraw();
        return outcome_json(outcome, origin);
    });
    platform::set_paste_handler([this](std::string_view text) {
        note_text(text);
        input_.paste(text, workspace_);
        redraw();
    });
    platform::set_text_handlers(
        [this](std::string_view text) {
            note_text(text);
            input_.typed(text);
            redraw();
        },
        [this](std::string_view key, bool down) {
            input_.key(key, down);
            redraw();
        });
    platform::set_flush_handler([this] { workspace_.flush(); });
}

// [SECTION] Frame

void Shell::sync_window_size() {
    int css_w = 0, css_h = 0;
    if (!platform::host_size(css_w, css_h)) return;
    int w = 0, h = 0;
    SDL_GetWindowSize(window_, &w, &h);
    if (w != css_w || h != css_h) {
        SDL_SetWindowSize(window_, css_w, css_h);
        redraw();
    }
}

bool Shell::build_fonts() {
    int w = 0, h = 0, fb_w = 0, fb_h = 0;
    SDL_GetWindowSize(window_, &w, &h);
    SDL_GL_GetDrawableSize(window_, &fb_w, &fb_h);
    float density = w > 0 ? static_cast<float>(fb_w) / static_cast<float>(w) : 1.0f;
    density = std::max(density, platform::device_pixel_ratio());
    density = std::clamp(std::round(density * 4.0f) / 4.0f, 1.0f, 4.0f);
    const bool add_large = fonts_.wants_large && fonts_.label_large == nullptr;
    const bool add_glyphs = fonts_.wants_all_glyphs && !fonts_.all_glyphs;
    if (fonts_.ui != nullptr && std::abs(density - fonts_.density) < 0.01f && !add_large && !add_glyphs) return false;
    // Large labels and every glyph once asked for; the first atlas has the first-load glyphs only.
    fonts_ = ui::build_fonts(density, fonts_.label_large != nullptr || add_large, fonts_.all_glyphs || add_glyphs);
    ImGui::GetIO().FontDefault = fonts_.ui;
    return true;
}

bool Shell::sync_density() {
    if (!build_fonts()) return false;
    draw_.upload_fonts(*ImGui::GetIO().Fonts);
    redraw();
    return true;
}

void Shell::note_text(std::string_view text) {
    if (!fonts_.all_glyphs && !fonts_.wants_all_glyphs && ui::needs_all_glyphs(text)) fonts_.wants_all_glyphs = true;
}

void Shell::apply_preferences() {
    const ui::UiState& state = workspace_.ui();
    apply_style(touch_, state.high_contrast);
    ImGui::GetIO().ConfigInputTextCursorBlink = !state.reduced_motion;
    redraw();
}

ui::ImageExportResult Shell::render_png(const ui::ImageExportOptions& options) {
    ui::ImageExportResult result = ui::export_png(workspace_.export_document(), options, ring_, draw_);
    redraw();
    return result;
}

void Shell::frame() {
    if (crashed_) return;
    try {
        frame_body();
    } catch (const std::exception& error) {  // out of memory, or a bug: say so instead of freezing
        crashed_ = true;
        platform::report_error(std::string("the app stopped in the middle of a frame (") + error.what() + ")");
    }
}

void Shell::frame_body() {
    SDL_Event event;
    bool had_event = false;
    while (SDL_PollEvent(&event)) {
        had_event = true;
        ImGui_ImplSDL2_ProcessEvent(&event);
        if (event.type == SDL_TEXTINPUT) note_text(event.text.text);
        if (event.type == SDL_QUIT) platform::request_quit();
        ui::UiContext ui_context = context();
        input_.event(event, ui_context);
        if (event.type == SDL_DROPFILE && event.drop.file != nullptr) {  // desktop drag and drop
            platform::NamedBytes file;
            std::string error;
            if (platform::read_file(event.drop.file, file, error)) {
                note_text(file.bytes);
                workspace_.open(Origin::Drop, file.name, file.bytes);
            } else {
                workspace_.ui().message =
                    ui::MessageDialog{i18n::tr("app.error.file"), file.name + ": " + error, {}, true};
            }
            SDL_free(event.drop.file);
        }
    }
    sync_window_size();
    sync_density();
    if (workspace_.tick(seconds_now())) {
        platform::notify_change(workspace_.history().revision());
        redraw();
    }
    if (workspace_.ui().hide_names != names_hidden_) {
        names_hidden_ = workspace_.ui().hide_names;
        platform::notify_view_change();
    }
    if (had_event) redraw();
    if (redraw_frames_ <= 0) {
        if (!platform::is_web()) SDL_WaitEventTimeout(nullptr, 250);  // desktop: sleep until input
        return;  // nothing changed: keep the last frame on screen
    }
    --redraw_frames_;

    input_.before_frame();
    ImGui_ImplSDL2_NewFrame();
    const bool takes_input = !GImGui->InputEventsQueue.empty();
    ImGui::NewFrame();
    // ImGui takes fast input a little per frame (a key and its text, one click) and queues the
    // rest: keep drawing until it has taken all of it, and one frame more to show what it did.
    // Otherwise a burst of typing waits for the next event, and a click after it lands on a
    // field still being edited (it was not taken). Input is pending (inputPending() to the page)
    // until a frame took none.
    input_pending_ = takes_input;
    if (takes_input) redraw();
    // A click while a text field has the keyboard ends the editing AND reaches what was
    // clicked (ImGui alone would spend the first click on leaving the field). A click
    // inside the same field activates it again at the click.
    if (ImGui::GetIO().MouseClicked[ImGuiMouseButton_Left] && ImGui::GetIO().WantTextInput) ImGui::ClearActiveID();
    draw_ui();
    if (workspace_.ui().reduced_motion) GImGui->DimBgRatio = 1.0f;  // a modal's dimmed background appears at once, no fade
    ImGui::Render();
    if (!fonts_.all_glyphs && ui::shows_fallback(*ImGui::GetDrawData(), fonts_)) {
        // A character the first atlas lacks (a name that came by a room, an API call...):
        // this frame is not shown; the next one is drawn with every glyph.
        fonts_.wants_all_glyphs = true;
        redraw();
        return;
    }
    render();
    SDL_GL_SwapWindow(window_);
    ++frames_rendered_;
    input_.after_frame(touch_);
    if (const auto png = services_.take_pending_png()) {  // outside the ImGui frame: the export draws with ImGui's renderer
        services_.finish_png(*png, render_png(*png));
    }
    // The page keeps a history entry while a dialog is open, so that Back closes it (web/ecomap-phone.js).
    const std::size_t dialogs = ui::open_dialogs(workspace_.ui()).size();
    if (dialogs != dialogs_open_) {
        dialogs_open_ = dialogs;
        platform::page_event(dialogs > 0 ? "dialog-open" : "dialog-closed");
    }
    if (!ready_sent_) {
        ready_sent_ = true;
        platform::notify_ready();
    }
}

void Shell::draw_ui() {
    ui::begin_frame_items();
    ui::UiContext context = this->context();
    ui::UiState& ui_state = workspace_.ui();
    Session& session = workspace_.session();
    const Document& document = workspace_.history().document();
    ui::handle_back(context);  // before the dialogs are drawn
    ui::handle_shortcuts(context);
    ui::begin_text_capture();

    // Presentation: the map takes the whole window (no toolbar, side panel or footer),
    // larger type, high contrast; the arrow keys move between roles, so no keyboard nav.
    ImGuiIO& io = ImGui::GetIO();
    if (ui_state.presenting) ui::handle_presentation_keys(context);
    if (ui_state.presenting) io.ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;
    else io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    if (ui_state.presenting) {
        const ImVec2 full = ImGui::GetMainViewport()->Size;
        const ui::ScreenRect area = ui::presentation_map_area(context, full.x, full.y);
        ui_state.map_area = area;
        ui_state.auto_fit = true;
        session.camera = ui::presentation_camera(context, area);
        const ui::MapFrame& frame = frames_.update(document, workspace_.history().revision(), session.camera, area,
                                                   ui::presentation_frame_options());
        ui::map_view(context, frame);
        ui::draw_presentation(context, frame);
        ui::draw_dialogs(context);
        ui::draw_export_dialog(context);
        const int spotlight = document.framework.role_index(ui_state.spotlight_role);
        highlight_ = spotlight >= 0 ? spotlight : ui::highlighted_role(context, frame);
        ui::end_text_capture();
        return;
    }

    ui::draw_app_frame(context, frames_, touch_, [this](bool compact) { draw_recent_menu(services_, compact); });
    highlight_ = ui::highlighted_role(context, frames_.frame());
    ui::end_text_capture();
}

void Shell::render() {
    const ImGuiIO& io = ImGui::GetIO();
    const int fb_w = static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x);
    const int fb_h = static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y);
    glViewport(0, 0, fb_w, fb_h);
    const bool presenting = workspace_.ui().presenting;  // high contrast: white page, stronger role colours
    if (presenting) glClearColor(1.0f, 1.0f, 1.0f, 1.0f);
    else glClearColor(0.965f, 0.969f, 0.976f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    render::RingStyle style = ui::ring_style(workspace_.history().document().framework, frames_.frame(),
                                             io.DisplayFramebufferScale.x, highlight_);
    if (presenting || workspace_.ui().high_contrast) {
        style.tint = 0.30f;
        style.rim *= 1.4f;
    }
    ring_cache_.draw(ring_, style, fb_w, fb_h);
    draw_.render(*ImGui::GetDrawData());
}

void Shell::shutdown() {
    workspace_.flush();
    ring_cache_.shutdown();
    ring_.shutdown();
    draw_.shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    if (gl_context_ != nullptr) SDL_GL_DeleteContext(gl_context_);
    if (window_ != nullptr) SDL_DestroyWindow(window_);
    SDL_Quit();
}

}  // namespace ecomap::app
