#include "ui/fonts.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // ImTextCharFromUtf8

#include "core/embedded.hpp"
#include "core/glyph_ranges.hpp"
#include "core/i18n.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <utility>
#include <vector>

namespace ecomap::ui {
namespace {

constexpr float kUiSize = 16.0f;
constexpr float kLabelSmall = 15.0f;
constexpr float kLabelMedium = 24.0f;
constexpr float kLabelLarge = 38.0f;
constexpr const char* kDrawnMarks = "…−–—·•×“”‘’";  // drawn by the map code itself (shortened names, badges)

ImFont* add_font(ImFontAtlas& atlas, std::string_view data, float size, float density, const ImWchar* ranges) {
    ImFontConfig config;
    config.FontDataOwnedByAtlas = false;  // embedded data lives for the program's lifetime
    config.RasterizerDensity = density;
    // Sub-pixel positions matter little on large glyphs, nor where the glyphs are already
    // rasterized at 2x (a phone, a HiDPI laptop): there 2x more would be 8x the pixels of 1x.
    config.OversampleH = size >= kLabelMedium || density >= 2.0f ? 1 : 2;
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

namespace {

// The first-load set (fonts.hpp): the typeface's ranges cut to Latin-1 and the symbols past
// it, plus every character of every catalog (those words are drawn from the first frame on).
ImFontGlyphRangesBuilder& first_load_set() {
    static ImFontGlyphRangesBuilder builder = [] {
        ImFontGlyphRangesBuilder result;
        for (std::size_t i = 0; kGlyphRanges[i] != 0; i += 2)
            for (char32_t c = kGlyphRanges[i]; c <= kGlyphRanges[i + 1]; ++c)
                if (c <= 0xFF || c >= 0x2000) result.AddChar(static_cast<ImWchar>(c));
        for (const i18n::Language& language : i18n::languages())
            for (const std::string& key : i18n::keys(language.code)) {
                const std::string& text = i18n::text(language.code, key);
                result.AddText(text.data(), text.data() + text.size());
            }
        result.AddText(kDrawnMarks);
        return result;
    }();
    return builder;
}

// Builds the atlas with a box at U+FFFD in every font, which ImGui then draws for any character
// the atlas lacks. Inter has no U+FFFD, so without it the fallback would be "?", and a missing
// character could not be told from a question mark: not by a reader, nor by shows_fallback.
void add_replacement_glyphs(ImFontAtlas& atlas, const Fonts& fonts, float density) {
    const std::pair<ImFont*, float> list[] = {{fonts.ui, kUiSize}, {fonts.ui_bold, kUiSize}, {fonts.label_small, kLabelSmall},
                                              {fonts.label_medium, kLabelMedium}, {fonts.label_large, kLabelLarge}};
    std::vector<std::pair<ImFont*, int>> rects;
    for (const auto& [font, size] : list) {  // sizes given: ImFont::FontSize is only set by Build
        if (font == nullptr) continue;
        const int w = std::max(3, static_cast<int>(std::lround(size * 0.5f * density)));
        const int h = std::max(4, static_cast<int>(std::lround(size * 0.7f * density)));
        rects.emplace_back(font, atlas.AddCustomRectFontGlyph(font, 0xFFFD, w, h, size * 0.62f, {size * 0.06f, size * 0.22f}));
    }
    atlas.Build();
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsAlpha8(&pixels, &width, &height);
    for (const auto& [font, index] : rects) {
        const ImFontAtlasCustomRect& rect = *atlas.GetCustomRectByIndex(index);
        if (!rect.IsPacked()) continue;
        const int edge = std::max(1, static_cast<int>(std::lround(density)));
        for (int y = 0; y < rect.Height; ++y)
            for (int x = 0; x < rect.Width; ++x) {
                const bool border = x < edge || y < edge || x >= rect.Width - edge || y >= rect.Height - edge;
                pixels[(rect.Y + y) * width + rect.X + x] = border ? 255 : 0;
            }
        // ImGui sizes a custom glyph in texels; the screen's glyphs are in CSS pixels.
        if (ImFontGlyph* glyph = const_cast<ImFontGlyph*>(font->FindGlyphNoFallback(0xFFFD))) {
            glyph->X1 = glyph->X0 + static_cast<float>(rect.Width) / density;
            glyph->Y1 = glyph->Y0 + static_cast<float>(rect.Height) / density;
        }
    }
    // Every font draws the first font's box, stretched to its own size: shows_fallback then
    // looks for one texture corner, not five.
    const ImFontGlyph* first = rects.empty() ? nullptr : rects.front().first->FindGlyphNoFallback(0xFFFD);
    for (const auto& [font, index] : rects)
        if (ImFontGlyph* glyph = const_cast<ImFontGlyph*>(font->FindGlyphNoFallback(0xFFFD)); glyph != nullptr && first != nullptr) {
            glyph->U0 = first->U0;
            glyph->V0 = first->V0;
            glyph->U1 = first->U1;
            glyph->V1 = first->V1;
        }
}

}  // namespace

Fonts build_fonts(float density, bool with_large, bool all_glyphs) {
    ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
    atlas.Clear();
    static const std::vector<ImWchar> all(std::begin(kGlyphRanges), std::end(kGlyphRanges));  // what the font carries
    static const ImVector<ImWchar> first = [] {
        ImVector<ImWchar> ranges;
        first_load_set().BuildRanges(&ranges);
        return ranges;
    }();
    const ImWchar* ranges = all_glyphs ? all.data() : first.Data;
    Fonts fonts;
    fonts.density = density;
    fonts.all_glyphs = all_glyphs;
    fonts.ui = add_font(atlas, embedded::inter_regular_otf(), kUiSize, density, ranges);
    fonts.ui_bold = add_font(atlas, embedded::inter_semibold_otf(), kUiSize, density, ranges);
    fonts.label_small = add_font(atlas, embedded::inter_semibold_otf(), kLabelSmall, density, ranges);
    fonts.label_medium = add_font(atlas, embedded::inter_semibold_otf(), kLabelMedium, density, ranges);
    if (with_large) fonts.label_large = add_font(atlas, embedded::inter_semibold_otf(), kLabelLarge, density, ranges);
    add_replacement_glyphs(atlas, fonts, density);
    return fonts;
}

bool needs_all_glyphs(std::string_view text) {
    const ImFontGlyphRangesBuilder& set = first_load_set();  // built once; only read here
    const char* at = text.data();
    const char* const end = text.data() + text.size();
    while (at < end) {
        if (static_cast<unsigned char>(*at) < 0x80) {  // ASCII: always in the set
            ++at;
            continue;
        }
        unsigned int c = 0;
        const int length = ImTextCharFromUtf8(&c, at, end);
        at += length > 0 ? length : 1;
        if (c <= IM_UNICODE_CODEPOINT_MAX && !set.GetBit(c)) return true;
    }
    return false;
}

bool shows_fallback(const ImDrawData& draw_data, const Fonts& fonts) {
    // Every font's box is the first font's texels (add_replacement_glyphs), so one corner to
    // look for. Every vertex, whatever its texture: only glyph corners take atlas coordinates
    // (shapes use the white pixel's, and nothing of the app draws an image through ImGui).
    const ImFontGlyph* box = fonts.ui != nullptr ? fonts.ui->FindGlyphNoFallback(0xFFFD) : nullptr;
    if (box == nullptr) return false;
    const float u = box->U0, v = box->V0;
    for (int l = 0; l < draw_data.CmdListsCount; ++l) {
        const ImDrawList& list = *draw_data.CmdLists[l];
        const ImDrawVert* vertex = list.VtxBuffer.Data;
        const ImDrawVert* const end = vertex + list.VtxBuffer.Size;
        for (; vertex != end; ++vertex)
            if (vertex->uv.x == u && vertex->uv.y == v) return true;
    }
    return false;
}

Fonts build_label_fonts(ImFontAtlas& atlas, float density, std::string_view text) {
    ImFontGlyphRangesBuilder builder;
    static constexpr ImWchar kAscii[] = {0x0020, 0x007E, 0};
    builder.AddRanges(kAscii);
    builder.AddText(kDrawnMarks);
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
