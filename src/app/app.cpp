#include "app/app.hpp"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl2.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <ctime>

#include "core/framework.hpp"
#include "platform/platform.hpp"
#include "render/gl.hpp"

namespace ecomap::app {
namespace {

constexpr int kRedrawAfterEvent = 4;  // ImGui settles hover/animation within a few frames
constexpr float kToolbarHeight = 44.0f;
constexpr float kFooterHeight = 30.0f;

std::string now_iso() {
    const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&t, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

void apply_style() {
    ImGui::StyleColorsLight();
    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowRounding = 0.0f;
    style.FrameRounding = 6.0f;
    style.FramePadding = {10.0f, 6.0f};
    style.ItemSpacing = {10.0f, 8.0f};
    style.WindowBorderSize = 0.0f;
    style.Colors[ImGuiCol_WindowBg] = ImVec4(0.98f, 0.98f, 0.99f, 1.0f);
    style.Colors[ImGuiCol_Text] = ImVec4(0.11f, 0.13f, 0.16f, 1.0f);
}

}  // namespace

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
    apply_style();
    ImGui_ImplSDL2_InitForOpenGL(window_, gl_context_);
    ImGui_ImplOpenGL3_Init("#version 300 es");
    sync_window_size();
    sync_density();

    if (!ring_.init(error)) return false;

    document_ = new_document(default_framework(), now_iso());
    register_api();
    return true;
}

void App::register_api() {
    platform::register_api("frameCount", [this](std::string_view) { return std::to_string(frames_rendered_); });
    platform::register_api("layout", [this](std::string_view) { return ui::layout_json(document_, layout_); });
}

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
    }
    sync_window_size();
    sync_density();
    if (had_event) redraw_frames_ = kRedrawAfterEvent;
    if (redraw_frames_ <= 0) {
        if (!platform::is_web()) SDL_WaitEventTimeout(nullptr, 250);  // desktop: sleep until input
        return;  // nothing changed: keep the last frame on screen
    }
    --redraw_frames_;

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
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const ImVec2 size = viewport->Size;

    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize({size.x, kToolbarHeight});
    const ImGuiWindowFlags bar = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("##toolbar", nullptr, bar);
    ImGui::PushFont(fonts_.ui_bold);
    ImGui::SetCursorPosY((kToolbarHeight - ImGui::GetTextLineHeight()) * 0.5f);
    ImGui::TextUnformatted("ecomap");
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    ImGui::TextUnformatted(document_.meta.title.c_str());
    ImGui::End();

    ImGui::SetNextWindowPos({0, size.y - kFooterHeight});
    ImGui::SetNextWindowSize({size.x, kFooterHeight});
    ImGui::Begin("##footer", nullptr, bar);
    ImGui::SetCursorPosY((kFooterHeight - ImGui::GetTextLineHeight()) * 0.5f);
    ImGui::TextDisabled("%s", document_.framework.attribution.text.c_str());
    ImGui::End();

    const ui::ScreenRect area{0, kToolbarHeight, size.x, std::max(1.0f, size.y - kToolbarHeight - kFooterHeight)};
    layout_ = ui::compute_screen_layout(document_.framework, area);
    ui::draw_map_overlay(document_, layout_, fonts_);
}

void App::render() {
    const ImGuiIO& io = ImGui::GetIO();
    const int fb_w = static_cast<int>(io.DisplaySize.x * io.DisplayFramebufferScale.x);
    const int fb_h = static_cast<int>(io.DisplaySize.y * io.DisplayFramebufferScale.y);
    glViewport(0, 0, fb_w, fb_h);
    glClearColor(0.965f, 0.969f, 0.976f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ring_.draw(ui::ring_style(document_.framework, layout_, io.DisplayFramebufferScale.x, -1), fb_w, fb_h);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void App::shutdown() {
    ring_.shutdown();
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    if (gl_context_ != nullptr) SDL_GL_DeleteContext(gl_context_);
    if (window_ != nullptr) SDL_DestroyWindow(window_);
    SDL_Quit();
}

}  // namespace ecomap::app
