// The application: window and GL setup, the frame loop (idle when nothing changes),
// the import door for every input (file picker, drop, paste, autosave, API), autosave,
// and the window.ecomap API.
//
// Index: [SECTION] Setup, [SECTION] Inputs through the import door, [SECTION] Services,
// [SECTION] Frame. The window.ecomap API is in app_api.cpp.
#include "app/app.hpp"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>
#include <imgui_internal.h>  // ClearActiveID: one click leaves a text field and presses

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/framework.hpp"
#include "core/io_json.hpp"
#include "core/anonymize.hpp"
#include "core/csv.hpp"
#include "core/export_svg.hpp"
#include "core/merge.hpp"
#include "platform/platform.hpp"
#include "render/gl.hpp"
#include "ui/actions.hpp"
#include "ui/camera.hpp"
#include "ui/panels.hpp"
#include "ui/presentation.hpp"
#include "ui/test_hooks.hpp"

namespace ecomap::app {
namespace {

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

std::string base_name_for(const std::string& title) {
    std::string name;
    for (const char ch : title) {
        const auto u = static_cast<unsigned char>(ch);
        const bool keep = u >= 0x80 || std::isalnum(u) || ch == ' ' || ch == '-' || ch == '_' || ch == '(' || ch == ')';
        name += keep ? ch : '-';
    }
    while (!name.empty() && (name.back() == ' ' || name.back() == '-')) name.pop_back();
    while (!name.empty() && (name.front() == ' ' || name.front() == '-')) name.erase(name.begin());
    if (name.empty()) name = "map";
    return name;
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
    touch_ = platform::is_touch();
    if (touch_) {  // fingers: every control at least 44 px high
        ImGuiStyle& style = ImGui::GetStyle();
        style.FramePadding = {14.0f, 14.0f};
        style.ItemSpacing = {10.0f, 10.0f};
        style.TouchExtraPadding = {4.0f, 4.0f};
        style.ScrollbarSize = 18.0f;
        style.GrabMinSize = 24.0f;
    }
    ImGui_ImplSDL2_InitForOpenGL(window_, gl_context_);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    if (platform::is_web()) {  // SDL has no clipboard in browsers: copy through the page, paste from its event
        io.ClipboardUserData = this;
        io.SetClipboardTextFn = [](void* self, const char* text) {
            static_cast<App*>(self)->clipboard_ = text;
            platform::set_clipboard_text(text);
        };
        io.GetClipboardTextFn = [](void* self) { return static_cast<App*>(self)->clipboard_.c_str(); };
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
    platform::set_files_handler([this](std::vector<platform::NamedBytes> files) {
        merge_files_with_dialog(files);
        redraw_frames_ = kRedrawAfterEvent;
    });
    platform::set_paste_handler([this](std::string_view text) { paste_text(text); });
    platform::set_text_handlers(
        [this](std::string_view text) {  // on-screen keyboard: typed into the active field
            pending_paste_ += text;
            redraw_frames_ = kRedrawAfterEvent;
        },
        [this](std::string_view key, bool down) {
            static const std::pair<std::string_view, ImGuiKey> keys[] = {
                {"Backspace", ImGuiKey_Backspace}, {"Delete", ImGuiKey_Delete}, {"Enter", ImGuiKey_Enter},
                {"Tab", ImGuiKey_Tab}, {"Escape", ImGuiKey_Escape}, {"ArrowLeft", ImGuiKey_LeftArrow},
                {"ArrowRight", ImGuiKey_RightArrow}, {"ArrowUp", ImGuiKey_UpArrow},
                {"ArrowDown", ImGuiKey_DownArrow}, {"Home", ImGuiKey_Home}, {"End", ImGuiKey_End}};
            for (const auto& [name, imgui_key] : keys)
                if (name == key) ImGui::GetIO().AddKeyEvent(imgui_key, down);
            redraw_frames_ = kRedrawAfterEvent;
        });
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

LoadOutcome App::merge_files(const std::vector<platform::NamedBytes>& files) {
    LoadOutcome outcome;
    std::vector<NamedDocument> participants;
    ImportOptions options;
    options.now_iso = now_iso();
    for (const platform::NamedBytes& file : files) {
        ImportResult result = import_document(file.bytes, options);
        if (!result.ok()) {  // one unreadable file is reported; the others are still merged
            outcome.warnings.push_back(file.name + ": not merged: " + (result.error ? result.error->message : "unreadable"));
            continue;
        }
        for (const ImportWarning& warning : result.warnings)
            outcome.warnings.push_back(file.name + ": " + warning.path + ": " + warning.message);
        participants.push_back({file.name, std::move(*result.document)});
    }
    if (participants.empty()) {
        outcome.error = "none of the files could be read";
        return outcome;
    }
    const MergeResult preview = merge_documents(history_.document(), participants);
    const ApplyResult applied = history_.apply(merge_command(std::move(participants)));
    if (!applied) {
        outcome.error = applied.error;
        return outcome;
    }
    const MergeReport& report = preview.report;
    std::vector<std::string> lines = {
        std::to_string(report.participants) + " maps merged: " + std::to_string(report.entities_added) +
            " entities added, " + std::to_string(report.entities_merged) + " merged into existing ones, " +
            std::to_string(report.placements_added) + " placements, " + std::to_string(report.relationships_added) +
            " links"};
    for (const auto* group : {&report.merged, &report.warnings})
        lines.insert(lines.end(), group->begin(), group->end());
    lines.insert(lines.end(), outcome.warnings.begin(), outcome.warnings.end());
    outcome.warnings = std::move(lines);
    outcome.ok = true;
    ui_state_.auto_fit = true;
    return outcome;
}

void App::merge_files_with_dialog(const std::vector<platform::NamedBytes>& files) {
    const LoadOutcome outcome = merge_files(files);
    if (!outcome.ok) {
        ui_state_.message = ui::MessageDialog{"The maps could not be merged", outcome.error, outcome.warnings, true};
        return;
    }
    std::vector<std::string> details(outcome.warnings.begin() + 1, outcome.warnings.end());
    if (ui_state_.hide_names) details = {"Details are not shown while names are hidden."};  // they name people
    ui_state_.message = ui::MessageDialog{"Group map", outcome.warnings.front(), std::move(details), false};
    ui_state_.status = "Merged " + std::to_string(files.size()) + " files (Undo reverts the whole merge)";
}

void App::handle_finger(const SDL_TouchFingerEvent& finger) {
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    const Vec2 point{finger.x * size.x, finger.y * size.y};
    if (finger.type == SDL_FINGERUP) {
        fingers_.erase(finger.fingerId);
        return;
    }
    if (fingers_.size() == 2 && fingers_.count(finger.fingerId) != 0 && finger.type == SDL_FINGERMOTION) {
        // Two fingers: zoom by the change of their distance, about their midpoint.
        const auto first = fingers_.begin()->second, second = std::next(fingers_.begin())->second;
        const double before = std::hypot(first.x - second.x, first.y - second.y);
        fingers_[finger.fingerId] = point;
        const auto a = fingers_.begin()->second, b = std::next(fingers_.begin())->second;
        const double after = std::hypot(a.x - b.x, a.y - b.y);
        if (before > 10.0 && after > 10.0) {
            ui::UiContext context{history_, session_, ui_state_, fonts_, *this};
            ui::zoom_at(context, after / before, {(a.x + b.x) * 0.5, (a.y + b.y) * 0.5});
            session_.drag.reset();
        }
        return;
    }
    fingers_[finger.fingerId] = point;
}

void App::paste_text(std::string_view text) {
    redraw_frames_ = kRedrawAfterEvent;
    if (ImGui::GetIO().WantTextInput) {
        // Let the text field paste it itself: ImGui ignores typed characters while Ctrl
        // is held, and a person still holds it. The field asks GetClipboardTextFn.
        clipboard_ = std::string(text);
        ImGuiIO& io = ImGui::GetIO();
        const ImGuiKey modifier = io.ConfigMacOSXBehaviors ? ImGuiMod_Super : ImGuiMod_Ctrl;
        const bool held = modifier == ImGuiMod_Super ? io.KeySuper : io.KeyCtrl;
        if (!held) io.AddKeyEvent(modifier, true);
        io.AddKeyEvent(ImGuiKey_V, true);
        io.AddKeyEvent(ImGuiKey_V, false);
        if (!held) io.AddKeyEvent(modifier, false);
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

void App::open_files_for_merge() { platform::open_files_picker(kMapFileTypes); }

std::string App::base_file_name() const { return base_name_for(history_.document().meta.title); }

Document App::export_document() const {
    return ui_state_.hide_names ? hide_names(history_.document()) : history_.document();
}

void App::save_json() {
    const std::string name = base_file_name() + ".ecomap.json";
    platform::download_file(name, "application/json", export_json(export_document()));
    ui_state_.status = "Saved " + name;
}

void App::export_png(int width, int height, bool transparent, bool title) {
    pending_png_ = ui::ImageExportOptions{width, height, transparent, title};  // after this frame: see frame()
    redraw_frames_ = kRedrawAfterEvent;
}

ui::ImageExportResult App::render_png(const ui::ImageExportOptions& options) {
    ui::ImageExportResult result = ui::export_png(export_document(), options, ring_, fonts_, fonts_.density);
    redraw_frames_ = kRedrawAfterEvent;
    return result;
}

void App::export_svg(bool transparent, bool title) {
    SvgOptions options;
    options.transparent = transparent;
    options.title = title;
    const std::string name = base_file_name() + ".svg";
    platform::download_file(name, "image/svg+xml", ecomap::export_svg(export_document(), options));
    ui_state_.status = "Saved " + name;
}

void App::export_csv() {
    const Document document = export_document();
    platform::download_file(base_file_name() + ".csv", "text/csv", export_csv_entities(document));
    platform::download_file(base_file_name() + "-links.csv", "text/csv", export_csv_relationships(document));
    ui_state_.status = "Saved " + base_file_name() + ".csv and " + base_file_name() + "-links.csv";
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
        if (event.type == SDL_FINGERDOWN || event.type == SDL_FINGERMOTION || event.type == SDL_FINGERUP)
            handle_finger(event.tfinger);
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
    if (ui_state_.hide_names != names_hidden_) {
        names_hidden_ = ui_state_.hide_names;
        platform::notify_view_change();
    }
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
    // A click while a text field has the keyboard ends the editing AND reaches what was
    // clicked (ImGui alone would spend the first click on leaving the field). A click
    // inside the same field activates it again at the click.
    if (ImGui::GetIO().MouseClicked[ImGuiMouseButton_Left] && ImGui::GetIO().WantTextInput) ImGui::ClearActiveID();
    draw_ui();
    ImGui::Render();
    render();
    SDL_GL_SwapWindow(window_);
    ++frames_rendered_;
    if (const bool typing = ImGui::GetIO().WantTextInput; typing != keyboard_shown_ && touch_) {
        keyboard_shown_ = typing;  // phones: open the on-screen keyboard for the active field
        platform::show_keyboard(typing);
    }
    if (pending_png_) {  // outside the ImGui frame: the export rebuilds the font atlas
        const ui::ImageExportOptions options = *pending_png_;
        pending_png_.reset();
        const ui::ImageExportResult result = render_png(options);
        if (result.png.empty()) {
            ui_state_.message = ui::MessageDialog{"The image could not be made", result.error, {}, true};
        } else {
            const std::string name = base_file_name() + ".png";
            platform::download_file(name, "image/png", result.png);
            ui_state_.status = "Saved " + name + " (" + std::to_string(options.width) + " × " +
                               std::to_string(options.height) + " px)";
        }
    }
    if (!ready_sent_) {
        ready_sent_ = true;
        platform::notify_ready();
    }
}

void App::draw_ui() {
    ui::begin_frame_items();
    ui::UiContext context{history_, session_, ui_state_, fonts_, *this};
    ui::handle_shortcuts(context);
    ui::begin_text_capture();

    // Presentation: the map takes the whole window (no toolbar, side panel or footer),
    // larger type, high contrast; the arrow keys move between roles, so no keyboard nav.
    ImGuiIO& io = ImGui::GetIO();
    if (ui_state_.presenting) ui::handle_presentation_keys(context);
    if (ui_state_.presenting) io.ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;
    else io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    if (ui_state_.presenting) {
        const ImVec2 full = ImGui::GetMainViewport()->Size;
        const ui::ScreenRect area = ui::presentation_map_area(context, full.x, full.y);
        ui_state_.map_area = area;
        ui_state_.auto_fit = true;
        session_.camera = ui::presentation_camera(history_.document(), fonts_, area);
        frame_ = ui::compute_map_frame(history_.document(), session_.camera, area, ui::presentation_frame_options());
        ui::map_view(context, frame_);
        ui::draw_presentation(context, frame_);
        ui::draw_dialogs(context);
        ui::draw_export_dialog(context);
        const int spotlight = history_.document().framework.role_index(ui_state_.spotlight_role);
        highlight_ = spotlight >= 0 ? spotlight : ui::highlighted_role(context, frame_);
        ui::end_text_capture();
        return;
    }

    const ImVec2 size = ImGui::GetMainViewport()->Size;
    const ui::WindowLayout layout = ui::window_layout(size.x, size.y, touch_);
    const ui::ScreenRect& map_area = layout.map;
    ui_state_.map_area = map_area;
    const RingLayout ring = ring_layout(static_cast<int>(history_.document().framework.roles.size()));
    if (ui_state_.auto_fit) {
        const float widest = ui::widest_role_note_em(context);  // in label heights, with gap call-outs when shown
        session_.camera = ui::fit_camera(ring, map_area, widest);
    }

    frame_ = ui::compute_map_frame(history_.document(), session_.camera, map_area);
    ui::map_view(context, frame_);
    ui::draw_side_panel(context, layout.panel);
    ui::draw_toolbar(context, size.x, layout.compact);
    ui::draw_footer(context, size.x, size.y - ui::footer_height(size.x));
    ui::draw_dialogs(context);
    ui::draw_export_dialog(context);
    highlight_ = ui::highlighted_role(context, frame_);
    ui::end_text_capture();
}

void App::render() {
    const ImGuiIO& io = ImGui::GetIO();
    const int fb_w = static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x);
    const int fb_h = static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y);
    glViewport(0, 0, fb_w, fb_h);
    const bool presenting = ui_state_.presenting;  // high contrast: white page, stronger role colours
    if (presenting) glClearColor(1.0f, 1.0f, 1.0f, 1.0f);
    else glClearColor(0.965f, 0.969f, 0.976f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    render::RingStyle style = ui::ring_style(history_.document().framework, frame_, io.DisplayFramebufferScale.x, highlight_);
    if (presenting) {
        style.tint = 0.30f;
        style.rim *= 1.4f;
    }
    ring_.draw(style, fb_w, fb_h);
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
