// Headless frames of the panels: Dear ImGui's core with the app's fonts (atlas built, never
// uploaded), no window and no GL. Each frame runs NewFrame -> map view + side panel ->
// Render; the tests read what a user would see: draw data, the named widgets, the text.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "core/history.hpp"
#include "core/i18n.hpp"
#include "core/sample.hpp"
#include "core/session.hpp"
#include "ui/camera.hpp"
#include "ui/context.hpp"
#include "ui/fonts.hpp"
#include "ui/map_frame.hpp"
#include "ui/map_view.hpp"
#include "ui/panels.hpp"
#include "ui/test_hooks.hpp"

using namespace ecomap;

namespace {

// Services of a test: nothing to open or download; counts what the panels ask for.
class NoServices : public ui::Services {
public:
    void start_from(std::string_view) override { ++asked; }
    void open_file() override { ++asked; }
    void save_json() override { ++asked; }
    void open_files_for_merge() override { ++asked; }
    std::string now_iso() override { return "2026-11-28T09:00:00Z"; }
    void export_png(int, int, bool, bool) override { ++asked; }
    void export_svg(bool, bool) override { ++asked; }
    void export_pdf(bool, bool) override { ++asked; }
    void export_csv() override { ++asked; }
    bool rooms_available() override { return false; }
    void open_room_panel() override { ++asked; }
    bool links_available() override { return false; }
    void open_share_panel() override { ++asked; }
    bool set_language(std::string_view code) override { return i18n::set_language(code); }
    int asked = 0;  // requests that would reach the platform
};

// One ImGui context with the app's fonts, for one test.
struct Headless {
    Headless(float width, float height) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(width, height);
        io.DeltaTime = 1.0f / 60.0f;
        io.IniFilename = nullptr;
        fonts = ui::build_fonts(1.0f);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // what a renderer would upload
        atlas_w = w;
        atlas_h = h;
    }
    ~Headless() { ImGui::DestroyContext(); }
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;

    ui::Fonts fonts;
    int atlas_w = 0, atlas_h = 0;
};

struct FrameResult {
    int vertices = 0;      // ImDrawData::TotalVtxCount
    int lists = 0;         // draw lists (one per window and layer)
    std::string items;     // ui::items_json()
    std::string text;      // ui::captured_text()
    ui::MapFrame map;      // where the map view put everything
};

// One frame of the app's normal layout (map view, then side panel), as App::draw_ui does.
FrameResult run_frame(History& history, Session& session, ui::UiState& state, const ui::Fonts& fonts) {
    NoServices services;
    ui::UiContext context{history, session, state, fonts, services};
    ui::request_text_capture();
    ImGui::NewFrame();
    ui::begin_frame_items();
    ui::begin_text_capture();
    const ImVec2 size = ImGui::GetMainViewport()->Size;
    const ui::WindowLayout layout = ui::window_layout(size.x, size.y, false);
    state.map_area = layout.map;
    session.camera = ui::fit_camera(ring_layout(static_cast<int>(history.document().framework.roles.size())),
                                    layout.map, 6.0f);
    FrameResult result;
    result.map = ui::compute_map_frame(history.document(), session.camera, layout.map);
    ui::map_view(context, result.map);
    ui::draw_side_panel(context, layout.panel);
    ui::end_text_capture();
    ImGui::Render();
    const ImDrawData* data = ImGui::GetDrawData();
    result.vertices = data->TotalVtxCount;
    result.lists = data->CmdListsCount;
    result.items = ui::items_json();
    result.text = ui::captured_text();
    return result;
}

bool shows(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

History sample_history(int entities) {
    return History(generate_document(7, entities), [] { return std::string("2026-11-28T09:00:00Z"); });
}

}  // namespace

TEST_CASE("the font atlas builds without a renderer") {
    Headless imgui(1280, 800);
    REQUIRE(imgui.fonts.ui != nullptr);
    REQUIRE(imgui.fonts.label_large != nullptr);
    CHECK(ImGui::GetIO().Fonts->IsBuilt());
    CHECK(imgui.atlas_w > 0);
    CHECK(imgui.atlas_h > 0);
}

TEST_CASE("a frame of the map view and side panel with a sample map draws every placed token") {
    Headless imgui(1280, 800);
    History history = sample_history(12);
    Session session;
    ui::UiState state;
    run_frame(history, session, state, imgui.fonts);  // first frame: windows take their size
    const FrameResult frame = run_frame(history, session, state, imgui.fonts);
    std::printf("ui: 12-entity sample, 1280x800: %d vertices in %d draw lists\n", frame.vertices, frame.lists);

    const Document& document = history.document();
    CHECK(frame.vertices > 1000);
    CHECK(frame.lists >= 2);  // the map and the side panel at least
    std::size_t placed = 0;
    for (const Placement& placement : document.placements)
        if (document.framework.role_index(placement.role) >= 0) ++placed;
    CHECK(frame.map.tokens.size() == placed);
    CHECK(frame.map.labels.size() == document.framework.roles.size());
    // The ring fits the map area, which leaves room for the side panel on the right.
    CHECK(frame.map.centre_x + frame.map.outer_radius <= 1280.0f - ui::kSidePanelWidth);
    CHECK(frame.map.centre_x - frame.map.outer_radius >= 0.0f);
}

TEST_CASE("the side panel lists every named entity and the map shows every role name") {
    Headless imgui(1280, 800);
    History history = sample_history(8);
    Session session;
    ui::UiState state;
    run_frame(history, session, state, imgui.fonts);
    const FrameResult frame = run_frame(history, session, state, imgui.fonts);
    const Document& document = history.document();
    for (const Entity& entity : document.entities) {
        if (entity.anonymous || entity.name.empty()) continue;
        INFO("entity " << entity.name);
        CHECK(shows(frame.text, entity.name));
    }
    for (const Role& role : document.framework.roles) {
        INFO("role " << role.name);
        CHECK(shows(frame.text, role.name));
    }
    CHECK(frame.items.front() == '{');
}

TEST_CASE("in Spanish the side panel speaks Spanish, and English comes back at once") {
    Headless imgui(1280, 800);
    History history = sample_history(3);
    Session session;
    ui::UiState state;
    REQUIRE(i18n::set_language("es"));
    run_frame(history, session, state, imgui.fonts);
    const FrameResult spanish = run_frame(history, session, state, imgui.fonts);
    REQUIRE(i18n::set_language("en"));
    const FrameResult english = run_frame(history, session, state, imgui.fonts);
    CHECK(shows(spanish.text, "Personas y organizaciones"));
    CHECK_FALSE(shows(spanish.text, "People and organizations"));
    CHECK(shows(english.text, "People and organizations"));
    const auto names = [](const std::string& json) {  // the widgets' names: each "name":{"x"... of items_json()
        std::vector<std::string> list;
        for (size_t at = json.find("\":{"); at != std::string::npos; at = json.find("\":{", at + 1))
            list.push_back(json.substr(json.rfind('"', at - 1) + 1, at - json.rfind('"', at - 1) - 1));
        return list;
    };
    CHECK(names(spanish.items) == names(english.items));  // the same named widgets: names do not depend on the language
}

TEST_CASE("with names hidden, no entity name is drawn in any panel") {
    Headless imgui(1280, 800);
    History history = sample_history(8);
    Session session;
    ui::UiState state;
    state.hide_names = true;
    run_frame(history, session, state, imgui.fonts);
    const FrameResult frame = run_frame(history, session, state, imgui.fonts);
    REQUIRE_FALSE(frame.text.empty());
    for (const Entity& entity : history.document().entities) {
        if (entity.name.size() < 3) continue;  // a short name could be part of other text
        INFO("entity " << entity.name);
        CHECK_FALSE(shows(frame.text, entity.name));
    }
}

TEST_CASE("the window layout puts the side panel right on a laptop and below on an upright phone") {
    const ui::WindowLayout laptop = ui::window_layout(1280, 800, false);
    CHECK(laptop.panel.x >= laptop.map.x + laptop.map.w - 1.0f);
    CHECK(laptop.panel.w == Approx(ui::kSidePanelWidth));
    CHECK_FALSE(laptop.compact);
    const ui::WindowLayout phone = ui::window_layout(390, 844, true);
    CHECK(phone.panel.y >= phone.map.y + phone.map.h - 1.0f);
    CHECK(phone.compact);
}

TEST_CASE("the map frame: a role is drawn as a count where its tokens are under 6 px; zooming in brings them back") {
    const Document d = generate_document(2026, 1000);
    const ui::ScreenRect area{0, 0, 900, 800};
    std::vector<int> crowded_roles;
    for (const double zoom : {0.3, 0.45, 2.0}) {
        Camera camera;
        camera.zoom = zoom;
        const ui::MapFrame frame = ui::compute_map_frame(d, camera, area);
        const std::size_t roles = frame.labels.size();
        std::vector<int> count(roles, 0);
        std::vector<float> smallest(roles, 1e9f);
        for (const ui::TokenOnScreen& token : frame.tokens) {
            const auto role = static_cast<std::size_t>(token.role_index);
            ++count[role];
            smallest[role] = std::min(smallest[role], token.r);
        }
        REQUIRE(frame.crowded.size() == roles);
        int crowded = 0;
        for (std::size_t i = 0; i < roles; ++i) {
            CHECK(frame.crowded[i] == (count[i] > 1 && smallest[i] < 6.0f ? count[i] : 0));
            crowded += frame.crowded[i] > 0 ? 1 : 0;
        }
        crowded_roles.push_back(crowded);
    }
    CHECK(crowded_roles.front() == 10);  // fitted to a laptop's window: every role a count
    CHECK(crowded_roles.back() == 0);    // zoomed in: every token drawn
}
