// ecomap frame benchmark: the app's panels drawn headless (Dear ImGui's core, the app's
// fonts, no window and no GL), as the shell draws them (ui::draw_app_frame), on generated
// maps of growing size. For each map it moves the pointer over tokens (hover), drags
// empty map space (pan) and drags at 4x zoom, where crowded roles show their tokens
// (zoomed); it prints the CPU time per frame (NewFrame -> panels -> Render)
// and the vertices ImGui would send to the GPU. Run with ./ecomap bench.
// Figures only: nothing here passes or fails.
#include <imgui.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "core/history.hpp"
#include "core/sample.hpp"
#include "core/session.hpp"
#include "ui/app_frame.hpp"
#include "ui/context.hpp"
#include "ui/fonts.hpp"
#include "ui/services.hpp"
#include "ui/test_hooks.hpp"

namespace {

using namespace ecomap;

constexpr float kWidth = 1280, kHeight = 800;  // a laptop window, CSS px
constexpr int kWarmFrames = 3;                 // frames before timing: windows take their size
constexpr int kDefaultFrames = 60;             // timed frames per scenario
constexpr std::uint64_t kSeed = 2026;

// The panels ask for nothing in a benchmark: no files, no exports.
class NoServices : public ui::Services {
public:
    void start_from(std::string_view) override {}
    void open_file() override {}
    void save_json() override {}
    void open_files_for_merge() override {}
    std::string now_iso() override { return "2026-11-28T09:00:00Z"; }
    void export_png(int, int, bool, bool) override {}
    void export_svg(bool, bool) override {}
    void export_pdf(bool, bool) override {}
    void export_csv() override {}
    bool rooms_available() override { return false; }
    void open_room_panel() override {}
    bool links_available() override { return false; }
    void open_share_panel() override {}
    bool set_language(std::string_view) override { return false; }
};

struct Scenario {
    int entities = 0;      // size of the generated map
    const char* action;    // "hover" or "pan"
    double median_ms = 0;  // CPU time per frame
    double max_ms = 0;
    int vertices = 0;      // per frame, median frame
    int placements = 0;
    float token_px = 0;    // smallest token radius on screen, CSS px
};

// Where the pointer is in frame `i` of a scenario: over successive tokens (hover) or
// dragging from an empty corner of the map area (pan).
ImVec2 pointer_at(const char* action, const ui::MapFrame& frame, int i) {
    if (std::string_view(action) == "hover") {
        if (frame.tokens.empty()) return {frame.centre_x + frame.outer_radius * 0.8f, frame.centre_y};
        const ui::TokenOnScreen& token = frame.tokens[static_cast<std::size_t>(i * 7) % frame.tokens.size()];
        return {token.x, token.y};
    }
    const float step = static_cast<float>(i % 40) * 3.0f;  // back and forth along the map's top edge
    return {frame.area.x + 20.0f + step, frame.area.y + 20.0f + step * 0.5f};
}

Scenario run(const ui::Fonts& fonts, int entities, const char* action, int frames) {
    History history(generate_document(kSeed, entities), [] { return std::string("2026-11-28T09:00:00Z"); });
    Session session;
    ui::UiState state;
    NoServices services;
    ui::MapFrameCache cache;
    ui::UiContext context{history, session, state, fonts, services};
    ImGuiIO& io = ImGui::GetIO();
    const bool zoomed = std::string_view(action) == "zoomed";  // panning at 4x zoom: tokens of crowded roles drawn
    const bool pan = std::string_view(action) == "pan" || zoomed;
    std::vector<double> ms;
    std::vector<int> vertices;
    for (int i = 0; i < kWarmFrames + frames; ++i) {
        const ImVec2 pointer = pointer_at(action, cache.frame(), i);
        io.AddMousePosEvent(pointer.x, pointer.y);
        if (pan && i == kWarmFrames - 1) io.AddMouseButtonEvent(ImGuiMouseButton_Left, true);
        if (zoomed && i == 1) {  // after the first frame fitted the view: zoom about the ring's upper right
            state.auto_fit = false;
            session.camera.zoom *= 4.0;
            session.camera.centre = {250.0, -250.0};
        }
        const auto start = std::chrono::steady_clock::now();
        ImGui::NewFrame();
        ui::begin_frame_items();
        ui::draw_app_frame(context, cache, false);
        ImGui::Render();
        const auto stop = std::chrono::steady_clock::now();
        if (i < kWarmFrames) continue;
        ms.push_back(std::chrono::duration<double, std::milli>(stop - start).count());
        vertices.push_back(ImGui::GetDrawData()->TotalVtxCount);
    }
    if (pan) io.AddMouseButtonEvent(ImGuiMouseButton_Left, false);
    ImGui::NewFrame();  // let the release reach ImGui before the next scenario
    ImGui::Render();
    std::vector<double> sorted = ms;
    std::sort(sorted.begin(), sorted.end());
    const std::size_t middle = sorted.size() / 2;
    const auto median_frame = static_cast<std::size_t>(std::find(ms.begin(), ms.end(), sorted[middle]) - ms.begin());
    float token_px = 0;
    for (const ui::TokenOnScreen& token : cache.frame().tokens) token_px = token_px == 0 ? token.r : std::min(token_px, token.r);
    return {entities, action, sorted[middle], sorted.back(), vertices[median_frame],
            static_cast<int>(history.document().placements.size()), token_px};
}

int usage(const char* problem) {
    std::fprintf(stderr, "ecomap-bench-frames: %s\nUsage: ecomap-bench-frames [--frames N] [--entities K]   (default %d frames; maps of 0, 200, 1000 and 10000 entities)\n",
                 problem, kDefaultFrames);
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    int frames = kDefaultFrames;
    std::vector<int> sizes = {0, 200, 1000, 10000};
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "-h" || arg == "--help") {
            std::printf("Usage: ecomap-bench-frames [--frames N] [--entities K]\nDraws the app's panels headless on maps of 0 to "
                        "10,000 entities while hovering and panning; prints CPU ms per frame and vertices.\n");
            return 0;
        }
        if ((arg != "--frames" && arg != "--entities") || i + 1 >= argc)
            return usage(("unknown option '" + std::string(arg) + "'").c_str());
        const std::string_view value = argv[++i];
        int number = 0;
        const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
        if (error != std::errc{} || end != value.data() + value.size() || number < 0 || number > 20000 ||
            (arg == "--frames" && number < 1))
            return usage((std::string(arg) + " must be a whole number from " + (arg == "--frames" ? "1" : "0") +
                          " to 20000").c_str());
        if (arg == "--frames") frames = number;
        else sizes = {number};
    }
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(kWidth, kHeight);
    io.DeltaTime = 1.0f / 60.0f;
    io.IniFilename = nullptr;
    const ui::Fonts fonts = ui::build_fonts(1.0f);
    unsigned char* pixels = nullptr;
    int atlas_w = 0, atlas_h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &atlas_w, &atlas_h);  // what a renderer would upload

    std::printf("frames: %.0fx%.0f CSS px, %d timed frames per row (after %d to settle); CPU of NewFrame -> panels -> "
                "Render, no GPU\n\n",
                kWidth, kHeight, frames, kWarmFrames);
    std::printf("%8s  %10s  %6s  %12s  %9s  %10s  %8s\n", "entities", "placements", "action", "median ms", "max ms",
                "vertices", "token px");
    for (const int entities : sizes) {
        for (const char* action : {"hover", "pan", "zoomed"}) {
            const Scenario row = run(fonts, entities, action, frames);
            std::printf("%8d  %10d  %6s  %12.2f  %9.2f  %10d  %8.1f\n", row.entities, row.placements, row.action,
                        row.median_ms, row.max_ms, row.vertices, row.token_px);
            std::fflush(stdout);
        }
    }
    ImGui::DestroyContext();
    return 0;
}
