#include "ui/fonts.hpp"

#include <imgui.h>

#include "core/embedded.hpp"
#include "core/glyph_ranges.hpp"

#include <iterator>
#include <vector>

namespace ecomap::ui {
namespace {

constexpr float kUiSize = 16.0f;
constexpr float kLabelSmall = 15.0f;
constexpr float kLabelMedium = 24.0f;
constexpr float kLabelLarge = 38.0f;

ImFont* add_font(std::string_view data, float size, float density) {
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // embedded data lives for the program's lifetime
    config.RasterizerDensity = density;
    config.OversampleH = size >= kLabelMedium ? 1 : 2;  // sub-pixel positions matter little on large glyphs
    config.OversampleV = 1;
    static const std::vector<ImWchar> ranges(std::begin(kGlyphRanges), std::end(kGlyphRanges));  // what the font carries
    return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<char*>(data.data()), static_cast<int>(data.size()),
                                                      size, &config, ranges.data());
}

}  // namespace

ImFont* Fonts::label_for(float css_px) const {
    if (css_px <= kLabelSmall * 1.15f) return label_small;
    if (css_px <= kLabelMedium * 1.15f) return label_medium;
    return large();
}

ImFont* Fonts::large() const {
    if (label_large != nullptr) return label_large;
    wants_large = true;
    return label_medium;
}

Fonts build_fonts(float density, bool with_large) {
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->Clear();
    Fonts fonts;
    fonts.density = density;
    fonts.ui = add_font(embedded::inter_regular_otf(), kUiSize, density);
    fonts.ui_bold = add_font(embedded::inter_semibold_otf(), kUiSize, density);
    fonts.label_small = add_font(embedded::inter_semibold_otf(), kLabelSmall, density);
    fonts.label_medium = add_font(embedded::inter_semibold_otf(), kLabelMedium, density);
    if (with_large) fonts.label_large = add_font(embedded::inter_semibold_otf(), kLabelLarge, density);
    atlas->Build();
    return fonts;
}

}  // namespace ecomap::ui
