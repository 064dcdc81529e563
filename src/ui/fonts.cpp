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

ImFont* add_font(ImFontAtlas& atlas, std::string_view data, float size, float density, const ImWchar* ranges) {
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // embedded data lives for the program's lifetime
    config.RasterizerDensity = density;
    config.OversampleH = size >= kLabelMedium ? 1 : 2;  // sub-pixel positions matter little on large glyphs
    config.OversampleV = 1;
    return atlas.AddFontFromMemoryTTF(const_cast<char*>(data.data()), static_cast<int>(data.size()), size, &config,
                                      ranges);
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
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    atlas.Clear();
    static const std::vector<ImWchar> ranges(std::begin(kGlyphRanges), std::end(kGlyphRanges));  // what the font carries
    Fonts fonts;
    fonts.density = density;
    fonts.ui = add_font(atlas, embedded::inter_regular_otf(), kUiSize, density, ranges.data());
    fonts.ui_bold = add_font(atlas, embedded::inter_semibold_otf(), kUiSize, density, ranges.data());
    fonts.label_small = add_font(atlas, embedded::inter_semibold_otf(), kLabelSmall, density, ranges.data());
    fonts.label_medium = add_font(atlas, embedded::inter_semibold_otf(), kLabelMedium, density, ranges.data());
    if (with_large)
        fonts.label_large = add_font(atlas, embedded::inter_semibold_otf(), kLabelLarge, density, ranges.data());
    atlas.Build();
    return fonts;
}

Fonts build_label_fonts(ImFontAtlas& atlas, float density, std::string_view text) {
    ImFontGlyphRangesBuilder builder;
    static constexpr ImWchar kAscii[] = {0x0020, 0x007E, 0};
    builder.AddRanges(kAscii);
    builder.AddText("…−–—·•×“”‘’");  // drawn by the map code itself (shortened names, badges)
    builder.AddText(text.data(), text.data() + text.size());
    ImVector<ImWchar> ranges;
    builder.BuildRanges(&ranges);  // characters the font lacks are skipped when the atlas is built
    Fonts fonts;
    fonts.density = density;
    fonts.label_small = add_font(atlas, embedded::inter_semibold_otf(), kLabelSmall, density, ranges.Data);
    fonts.label_medium = add_font(atlas, embedded::inter_semibold_otf(), kLabelMedium, density, ranges.Data);
    fonts.label_large = add_font(atlas, embedded::inter_semibold_otf(), kLabelLarge, density, ranges.Data);
    fonts.ui = fonts.label_small;
    fonts.ui_bold = fonts.label_small;
    const bool built = atlas.Build();  // `ranges` is only read while building
    return built ? fonts : Fonts{};
}

}  // namespace ecomap::ui
