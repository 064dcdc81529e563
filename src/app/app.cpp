// The application: window and GL setup, the frame loop (idle when nothing changes),
// the import door for every input (file picker, drop, paste, autosave, API), autosave,
// and the window.ecomap API.
//
// Index: [SECTION] Setup, [SECTION] Inputs through the import door, [SECTION] Services,
// [SECTION] API, [SECTION] Frame.
#include "app/app.hpp"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/framework.hpp"
#include "core/io_json.hpp"
#include "platform/platform.hpp"
#include "render/gl.hpp"
#include "ui/actions.hpp"
#include "ui/camera.hpp"
#include "ui/panels.hpp"
#include "ui/test_hooks.hpp"

namespace ecomap::app {
namespace {

constexpr int kRedrawAfterEvent = 4;        // ImGui settles hover/animation within a few frames
constexpr double kAutosaveDelaySeconds = 0.5;  // after the last change; "within a second"
constexpr const char* kMapFileTypes = ".json,application/json";

double seconds_now() { return static_cast<double>(SDL_GetTicks64()) / 1000.0; }

void apply_style() {
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
}

std::string file_name_for(const std::string& title) {
    std::string name;
    for (const char ch : title) {
        const auto u = static_cast<unsigned char>(ch);
        const bool keep = u >= 0x80 || std::isalnum(u) || ch == ' ' || ch == '-' || ch == '_' || ch == '(' || ch == ')';
        name += keep ? ch : '-';
    }
    while (!name.empty() && (name.back() == ' ' || name.back() == '-')) name.pop_back();
    while (!name.empty() && (name.front() == ' ' || name.front() == '-')) name.erase(name.begin());
    if (name.empty()) name = "map";
    return name + ".ecomap.json";
}

}  // namespace

// [SECTION] Setup

App::App() : history_(Document{}, [this] { return now_iso(); }) {}

bool App::init(std::string& error) {
    SDL_SetHint(SDL_HINT_EMSCRIPTEN_KEYBOARD_ELEMENT, "#canvas");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) {
        error = std::string("could not start SDL: ") + SDL_GetError();
        return false;
    }
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
    gl_context_ = SDL_GL_CreateContext(window_);
    if (gl_context_ == nullptr) {
        error = std::string("WebGL2 / OpenGL ES 3.0 is not available: ") + SDL_GetError();
        return false;
    }
    SDL_GL_MakeCurrent(window_, gl_context_);
    SDL_GL_SetSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // layout is ours; nothing written to disk
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    io.ConfigMacOSXBehaviors = platform::is_mac();  // Cmd+Z etc. on a Mac, also in the browser
    apply_style();
    ImGui_ImplSDL2_InitForOpenGL(window_, gl_context_);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    if (platform::is_web()) {  // SDL has no clipboard in browsers: copy through the page
        io.SetClipboardTextFn = [](void*, const char* text) { platform::set_clipboard_text(text); };
    }
    sync_window_size();
    sync_density();
    if (!ring_.init(error)) return false;

    history_.reset(new_document(default_framework(), now_iso()));
    restore_autosave();
    saved_revision_ = seen_revision_ = history_.revision();
    register_api();
    platform::set_file_handler([this](std::string_view name, std::string_view bytes) {
        open_bytes_with_dialog(name, bytes);
        redraw_frames_ = kRedrawAfterEvent;
    });
    platform::set_paste_handler([this](std::string_view text) { paste_text(text); });
    platform::set_flush_handler([this] { autosave_if_due(true); });
    return true;
}

// [SECTION] Inputs through the import door

LoadOutcome App::load_bytes(std::string_view name, std::string_view bytes) {
    ImportOptions options;
    options.now_iso = now_iso();
    ImportResult result = import_document(bytes, options);
    LoadOutcome outcome;
    for (const ImportWarning& warning : result.warnings)
        outcome.warnings.push_back(warning.path.empty() ? warning.message : warning.path + ": " + warning.message);
    if (!result.ok()) {
        outcome.error = result.error ? result.error->message : "unknown error";
        (void)name;
        return outcome;  // the current map stays as it is
    }
    history_.reset(std::move(*result.document));
    session_ = Session{};
    ui_state_.auto_fit = true;
    ui_state_.last_warnings = outcome.warnings;
    outcome.ok = true;
    return outcome;
}

void App::open_bytes_with_dialog(std::string_view name, std::string_view bytes) {
    const LoadOutcome outcome = load_bytes(name, bytes);
    const std::string file(name);
    if (!outcome.ok) {
        ui_state_.message = ui::MessageDialog{"This file could not be opened", file + ": " + outcome.error, {}, true};
        ui_state_.status = "Kept the current map";
        return;
    }
    ui_state_.status = "Opened " + file;
    if (!outcome.warnings.empty()) {
        ui_state_.message = ui::MessageDialog{
            "Opened with repairs",
            file + " was opened; " + std::to_string(outcome.warnings.size()) + " problem(s) were repaired:",
            outcome.warnings, false};
    }
}

void App::paste_text(std::string_view text) {
    redraw_frames_ = kRedrawAfterEvent;
    if (ImGui::GetIO().WantTextInput) {
        pending_paste_ += text;  // typed into the active field next frame
        return;
    }
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && text[first] == '{') {
        open_bytes_with_dialog("Pasted map", text);
        return;
    }
    ui_state_.status = "To paste text, click a text field first; to paste a map, copy its JSON";
}

void App::restore_autosave() {
    const std::optional<std::string> saved = platform::load_autosave();
    if (!saved) return;
    const LoadOutcome outcome = load_bytes("autosave", *saved);
    if (outcome.ok) ui_state_.status = "Restored your map from this browser";
    else ui_state_.status = "The map saved in this browser could not be restored (" + outcome.error + ")";
}

void App::autosave_if_due(bool force) {
    if (history_.revision() == saved_revision_) return;
    if (!force && seconds_now() - last_change_seconds_ < kAutosaveDelaySeconds) return;
    platform::store_autosave(export_json(history_.document()));
    saved_revision_ = history_.revision();
}

// [SECTION] Services

std::string App::now_iso() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&t, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

void App::new_map() {
    history_.reset(new_document(default_framework(), now_iso()));
    session_ = Session{};
    ui_state_.auto_fit = true;
    ui_state_.status = "Started a new map";
}

void App::open_file() { platform::open_file_picker(kMapFileTypes); }

void App::save_json() {
    const std::string name = file_name_for(history_.document().meta.title);
    platform::download_file(name, "application/json", export_json(history_.document()));
    ui_state_.status = "Saved " + name;
}

// [SECTION] API

std::string App::state_json() const {
    nlohmann::ordered_json out;
    auto selection = nlohmann::ordered_json::array();
    for (const Target& target : session_.selection.items)
        selection.push_back({{"kind", static_cast<int>(target.kind)}, {"id", target.id}});
    out["selection"] = std::move(selection);
    out["hover"] = {{"kind", static_cast<int>(session_.hover.kind)}, {"id", session_.hover.id}};
    out["camera"] = {{"x", session_.camera.centre.x}, {"y", session_.camera.centre.y}, {"zoom", session_.camera.zoom}};
    out["autoFit"] = ui_state_.auto_fit;
    out["revision"] = history_.revision();
    out["canUndo"] = history_.can_undo();
    out["canRedo"] = history_.can_redo();
    out["undoLabel"] = history_.undo_label();
    out["redoLabel"] = history_.redo_label();
    out["status"] = ui_state_.status;
    out["typing"] = ImGui::GetIO().WantTextInput;  // a text field has the keyboard
    if (ui_state_.message) {
        out["dialog"] = {{"title", ui_state_.message->title},
                         {"message", ui_state_.message->message},
                         {"details", ui_state_.message->details}};
    } else {
        out["dialog"] = nullptr;
    }
    out["confirm"] = ui_state_.confirm ? nlohmann::ordered_json(ui_state_.confirm->title) : nlohmann::ordered_json();
    return out.dump();
}

void App::register_api() {
    platform::register_api("frameCount", [this](std::string_view) { return std::to_string(frames_rendered_); });
    platform::register_api("layout", [this](std::string_view) { return ui::layout_json(history_.document(), frame_); });
    platform::register_api("getMap", [this](std::string_view) { return export_json(history_.document()); });
    platform::register_api("loadMap", [this](std::string_view text) {
        const LoadOutcome outcome = load_bytes("loadMap", text);
        redraw_frames_ = kRedrawAfterEvent;
        nlohmann::ordered_json out;
        out["ok"] = outcome.ok;
        out["errors"] = outcome.ok ? nlohmann::ordered_json::array() : nlohmann::ordered_json::array({outcome.error});
        out["warnings"] = outcome.warnings;
        return out.dump();
    });
    platform::register_api("uiItems", [](std::string_view) { return ui::items_json(); });
    platform::register_api("state", [this](std::string_view) { return state_json(); });
    platform::register_api("action", [this](std::string_view id) {
        ui::UiContext context{history_, session_, ui_state_, fonts_, *this};
        const bool ok = ui::run_action(context, id);
        redraw_frames_ = kRedrawAfterEvent;
        return std::string(ok ? "true" : "false");
    });
}

// [SECTION] Frame

void App::sync_window_size() {
    int css_w = 0, css_h = 0;
    if (!platform::host_size(css_w, css_h)) return;
    int w = 0, h = 0;
    SDL_GetWindowSize(window_, &w, &h);
    if (w != css_w || h != css_h) {
        SDL_SetWindowSize(window_, css_w, css_h);
        redraw_frames_ = kRedrawAfterEvent;
    }
}

bool App::sync_density() {
    int w = 0, h = 0, fb_w = 0, fb_h = 0;
    SDL_GetWindowSize(window_, &w, &h);
    SDL_GL_GetDrawableSize(window_, &fb_w, &fb_h);
    float density = w > 0 ? static_cast<float>(fb_w) / static_cast<float>(w) : 1.0f;
    density = std::max(density, platform::device_pixel_ratio());
    density = std::clamp(std::round(density * 4.0f) / 4.0f, 1.0f, 4.0f);
    if (fonts_.ui != nullptr && std::abs(density - fonts_.density) < 0.01f) return false;
    fonts_ = ui::build_fonts(density);
    ImGui::GetIO().FontDefault = fonts_.ui;
    ImGui_ImplOpenGL3_DestroyFontsTexture();  // re-created by the next NewFrame
    redraw_frames_ = kRedrawAfterEvent;
    return true;
}

void App::frame() {
    SDL_Event event;
    bool had_event = false;
    while (SDL_PollEvent(&event)) {
        had_event = true;
        ImGui_ImplSDL2_ProcessEvent(&event);
        if (event.type == SDL_QUIT) platform::request_quit();
        if (event.type == SDL_DROPFILE && event.drop.file != nullptr) {  // desktop drag and drop
            std::ifstream in(event.drop.file, std::ios::binary);
            std::ostringstream bytes;
            bytes << in.rdbuf();
            const std::string path = event.drop.file;
            open_bytes_with_dialog(path.substr(path.find_last_of('/') + 1), bytes.str());
            SDL_free(event.drop.file);
        }
    }
    sync_window_size();
    sync_density();
    if (history_.revision() != seen_revision_) {
        seen_revision_ = history_.revision();
        last_change_seconds_ = seconds_now();
        platform::notify_change(seen_revision_);
        redraw_frames_ = kRedrawAfterEvent;
    }
    autosave_if_due(false);
    if (had_event) redraw_frames_ = kRedrawAfterEvent;
    if (redraw_frames_ <= 0) {
        if (!platform::is_web()) SDL_WaitEventTimeout(nullptr, 250);  // desktop: sleep until input
        return;  // nothing changed: keep the last frame on screen
    }
    --redraw_frames_;

    if (!pending_paste_.empty()) {
        ImGui::GetIO().AddInputCharactersUTF8(pending_paste_.c_str());
        pending_paste_.clear();
    }
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    draw_ui();
    ImGui::Render();
    render();
    SDL_GL_SwapWindow(window_);
    ++frames_rendered_;
    if (!ready_sent_) {
        ready_sent_ = true;
        platform::notify_ready();
    }
}

void App::draw_ui() {
    ui::begin_frame_items();
    ui::UiContext context{history_, session_, ui_state_, fonts_, *this};
    ui::handle_shortcuts(context);

    const ImVec2 size = ImGui::GetMainViewport()->Size;
    const float panel = size.x >= 760.0f ? std::min(ui::kSidePanelWidth, size.x * 0.4f) : size.x * 0.45f;
    const float body_top = ui::kToolbarHeight;
    const float body_height = std::max(1.0f, size.y - ui::kToolbarHeight - ui::kFooterHeight);
    const ui::ScreenRect map_area{0, body_top, std::max(1.0f, size.x - panel), body_height};
    ui_state_.map_area = map_area;
    const RingLayout ring = ring_layout(static_cast<int>(history_.document().framework.roles.size()));
    if (ui_state_.auto_fit) {
        float widest = 0;  // in label heights, measured with the label font
        for (const Role& role : history_.document().framework.roles)
            widest = std::max(widest, fonts_.label_medium->CalcTextSizeA(24.0f, 1e9f, 0.0f, role.name.c_str()).x / 24.0f);
        session_.camera = ui::fit_camera(ring, map_area, widest);
    }

    frame_ = ui::compute_map_frame(history_.document(), session_.camera, map_area);
    ui::map_view(context, frame_);
    ui::draw_side_panel(context, {size.x - panel, body_top, panel, body_height});
    ui::draw_toolbar(context, size.x);
    ui::draw_footer(context, size.x, size.y - ui::kFooterHeight);
    ui::draw_dialogs(context);
    highlight_ = ui::highlighted_role(context, frame_);
}

void App::render() {
    const ImGuiIO& io = ImGui::GetIO();
    const int fb_w = static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x);
    const int fb_h = static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y);
    glViewport(0, 0, fb_w, fb_h);
    glClearColor(0.965f, 0.969f, 0.976f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ring_.draw(ui::ring_style(history_.document().framework, frame_, io.DisplayFramebufferScale.x, highlight_), fb_w,
               fb_h);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void App::shutdown() {
    autosave_if_due(true);
    ring_.shutdown();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    if (gl_context_ != nullptr) SDL_GL_DeleteContext(gl_context_);
    if (window_ != nullptr) SDL_DestroyWindow(window_);
    SDL_Quit();
}

}  // namespace ecomap::app
