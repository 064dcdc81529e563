// The panels driven by the keyboard alone, headless (see test_frames.cpp for the set-up):
// Tab walks through the areas, the map's cursor places and links, "?" and Esc.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <string>
#include <vector>

#include "core/i18n.hpp"
#include "core/commands.hpp"
#include "core/framework.hpp"
#include "core/history.hpp"
#include "core/look.hpp"
#include "core/session.hpp"
#include "ui/actions.hpp"
#include "ui/app_frame.hpp"
#include "ui/context.hpp"
#include "ui/fonts.hpp"
#include "ui/test_hooks.hpp"

using namespace ecomap;

namespace {

class QuietServices : public ui::Services {
public:
    void start_from(std::string_view) override {}
    void open_file() override {}
    void save_json() override { ++saved; }
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
    bool set_language(std::string_view code) override { return i18n::set_language(code); }
    int saved = 0;
};

// The app's normal layout, frame after frame, with keyboard navigation on (as the shell).
struct KeyboardApp {
    KeyboardApp()
        : history(new_document(default_framework(), "2026-11-28T09:00:00Z"), [] { return std::string("2026-11-28T09:00:00Z"); }) {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = ImVec2(1280, 800);
        io.DeltaTime = 1.0f / 60.0f;
        io.IniFilename = nullptr;
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        fonts = ui::build_fonts(1.0f);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~KeyboardApp() { ImGui::DestroyContext(); }
    KeyboardApp(const KeyboardApp&) = delete;
    KeyboardApp& operator=(const KeyboardApp&) = delete;

    ui::UiContext context() { return ui::UiContext{history, session, state, fonts, services}; }
    void frame() {
        ImGui::NewFrame();
        ui::begin_frame_items();
        ui::UiContext c = context();
        ui::handle_shortcuts(c);  // as the shell: Delete, Ctrl+Z...
        ui::draw_app_frame(c, frames, false);
        ImGui::Render();
    }
    void key(ImGuiKey key, bool shift = false) {
        ImGuiIO& io = ImGui::GetIO();
        if (shift) io.AddKeyEvent(ImGuiMod_Shift, true);
        io.AddKeyEvent(key, true);
        frame();
        io.AddKeyEvent(key, false);
        if (shift) io.AddKeyEvent(ImGuiMod_Shift, false);
        for (int i = 0; i < 4; ++i) frame();
    }
    std::string entity(EntityKind kind, const std::string& name) {
        const ApplyResult result = history.apply(add_entity(kind, name));
        return result.created_id;
    }

    History history;
    Session session;
    ui::UiState state;
    ui::Fonts fonts;
    QuietServices services;
    ui::MapFrameCache frames;
};

}  // namespace

TEST_CASE("Tab walks through the toolbar, the side panel, the list, the inspector and the map, and round again") {
    KeyboardApp app;
    app.entity(EntityKind::Person, "Amina");
    app.frame();
    app.frame();
    std::vector<std::string> areas;
    for (int i = 0; i < 120; ++i) {
        app.key(ImGuiKey_Tab);
        const std::string& area = app.state.keyboard.area;
        if (areas.empty() || areas.back() != area) areas.push_back(area);
        if (areas.size() > 6) break;
    }
    REQUIRE(areas.size() >= 6);
    CHECK(areas[0] == "toolbar");
    CHECK(areas[1] == "side");
    CHECK(areas[2] == "entities");
    CHECK(areas[3] == "inspector");
    CHECK(areas[4] == "map");
    CHECK(areas[5] == "toolbar");
    CHECK(app.state.keyboard.ring_shown);
}

TEST_CASE("Shift+Tab walks the areas backwards; F6 jumps from one to the next") {
    KeyboardApp app;
    app.frame();
    app.key(ImGuiKey_Tab, true);  // from nowhere: the map
    CHECK(app.state.keyboard.area == "map");
    CHECK(app.state.keyboard.map_focused);
    app.key(ImGuiKey_Tab, true);
    CHECK(app.state.keyboard.area == "inspector");
    app.key(ImGuiKey_F6);
    CHECK(app.state.keyboard.area == "map");
    app.key(ImGuiKey_F6);
    CHECK(app.state.keyboard.area == "toolbar");
}

TEST_CASE("on the map, the arrows move between roles and tokens, Enter places the selected entry, L links") {
    KeyboardApp app;
    const std::string me = app.entity(EntityKind::Person, "me");
    const std::string org = app.entity(EntityKind::Organization, "Tenants United");
    app.session.selection.items = {{TargetKind::Entity, me}};
    app.frame();
    app.key(ImGuiKey_Tab, true);
    REQUIRE(app.state.keyboard.map_focused);
    const auto& roles = app.history.document().framework.roles;
    CHECK(app.state.keyboard.role == 0);
    app.key(ImGuiKey_Enter);
    app.key(ImGuiKey_RightArrow);
    app.key(ImGuiKey_RightArrow);
    CHECK(app.state.keyboard.role == 2);
    app.key(ImGuiKey_Space);
    const Document& document = app.history.document();
    REQUIRE(document.placements.size() == 2);
    CHECK(document.placements[0].role == roles[0].id);
    CHECK(document.placements[1].role == roles[2].id);
    CHECK(app.state.keyboard.map_focused);  // Enter did not take the keyboard elsewhere

    app.key(ImGuiKey_LeftArrow);  // role 1, empty: no token to go down to
    app.key(ImGuiKey_DownArrow);
    CHECK(app.state.keyboard.placement.empty());
    app.key(ImGuiKey_LeftArrow);  // role 0: down to me's token
    app.key(ImGuiKey_DownArrow);
    CHECK(app.state.keyboard.placement == document.placements[0].id);
    app.key(ImGuiKey_UpArrow);
    CHECK(app.state.keyboard.placement.empty());

    // The organization selected, placed on role 3; then a link from it to me.
    app.session.selection.items = {{TargetKind::Entity, org}};
    app.key(ImGuiKey_RightArrow);
    app.key(ImGuiKey_RightArrow);
    app.key(ImGuiKey_RightArrow);
    app.key(ImGuiKey_Enter);
    REQUIRE(document.placements.size() == 3);
    CHECK(document.placements[2].role == roles[3].id);
    for (int i = 0; i < 3; ++i) app.key(ImGuiKey_LeftArrow);
    app.key(ImGuiKey_DownArrow);
    app.key(ImGuiKey_L);
    REQUIRE(document.relationships.size() == 1);
    CHECK(document.relationships[0].from == org);
    CHECK(document.relationships[0].to == me);

    // Enter on a token selects its entry; Esc clears the selection; Delete removes the entry.
    app.key(ImGuiKey_Enter);
    REQUIRE(app.session.selection.items.size() == 1);
    CHECK(app.session.selection.items[0].id == me);
    app.key(ImGuiKey_Escape);
    CHECK(app.session.selection.empty());
    CHECK(app.state.keyboard.map_focused);
    app.key(ImGuiKey_Enter);
    app.key(ImGuiKey_Delete);
    CHECK(document.find_entity(me) == nullptr);
    CHECK(document.relationships.empty());
}

TEST_CASE("? opens the list of shortcuts in the catalog's words, Esc closes it") {
    KeyboardApp app;
    app.frame();
    ImGui::GetIO().AddInputCharacter('?');
    app.frame();
    app.frame();
    CHECK(app.state.keyboard.shortcuts);
    CHECK(ui::items_json().find("shortcuts-close") != std::string::npos);
    app.key(ImGuiKey_Escape);
    CHECK_FALSE(app.state.keyboard.shortcuts);
    CHECK(ui::items_json().find("shortcuts-close") == std::string::npos);
}
