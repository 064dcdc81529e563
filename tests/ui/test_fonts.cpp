// The app's first atlas holds the first-load glyphs only (ui/fonts.hpp): text outside that
// set is recognised before it is drawn, and a frame that drew a missing glyph says so.
#include <catch2/catch.hpp>

#include <imgui.h>

#include "ui/fonts.hpp"

using namespace ecomap;

TEST_CASE("first-load glyphs: Latin-1 and every catalog's letters; other text asks for every glyph", "[fonts]") {
    CHECK_FALSE(ui::needs_all_glyphs("José Muñoz, Ängel & Søn – 3 € … “quoted”"));
    CHECK_FALSE(ui::needs_all_glyphs("Tejedoras, Experimentadoras, Sanadoras, Guías"));
    CHECK_FALSE(ui::needs_all_glyphs(""));
    CHECK(ui::needs_all_glyphs("Łukasz"));
    CHECK(ui::needs_all_glyphs("Nguyễn"));
    CHECK(ui::needs_all_glyphs("Ōtautahi Arts Hub"));
    CHECK(ui::needs_all_glyphs(std::string("{\"name\": \"\xC5\x81") + "\"}"));  // Ł in a JSON text
}

TEST_CASE("a frame drawing a glyph the first atlas lacks shows the fallback; with every glyph it does not",
          "[fonts]") {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(800, 600);
    io.DeltaTime = 1.0f / 60.0f;
    io.IniFilename = nullptr;
    int first_glyphs = 0;
    for (const bool all : {false, true}) {
        INFO((all ? "every glyph" : "first-load glyphs"));
        const ui::Fonts fonts = ui::build_fonts(1.0f, false, all);
        CHECK(fonts.all_glyphs == all);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        const auto frame = [&](const char* text) {
            ImGui::NewFrame();
            ImGui::Begin("names");
            ImGui::TextUnformatted(text);
            ImGui::PushFont(fonts.label_small);
            ImGui::TextUnformatted(text);
            ImGui::PopFont();
            ImGui::End();
            ImGui::Render();
            return ui::shows_fallback(*ImGui::GetDrawData(), fonts);
        };
        CHECK_FALSE(frame("José Muñoz, Guías"));
        CHECK_FALSE(frame("What do you work for?"));  // "?" is a character, not the missing-glyph box
        CHECK(fonts.ui->FallbackChar == 0xFFFD);
        CHECK(frame("Łukasz Nguyễn") == !all);
        if (!all) first_glyphs = fonts.ui->Glyphs.Size;
        else CHECK(first_glyphs * 3 < fonts.ui->Glyphs.Size);  // the first atlas is a fraction of the whole
    }
    ImGui::DestroyContext();
}
