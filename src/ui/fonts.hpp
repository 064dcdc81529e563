// The app's fonts (Inter, from Debian's fonts-inter, embedded at build time),
// rasterized for the real pixel density so text stays crisp at any zoom.
#pragma once
#include <string_view>

struct ImDrawData;
struct ImFont;
struct ImFontAtlas;

namespace ecomap::ui {

struct Fonts {
    ImFont* ui = nullptr;          // panels and buttons
    ImFont* ui_bold = nullptr;     // headings
    ImFont* label_small = nullptr; // map labels, small windows
    ImFont* label_medium = nullptr;
    ImFont* label_large = nullptr; // map labels when zoomed in or projected; built on first use
    float density = 0;             // pixel density the atlas was built for
    bool all_glyphs = false;       // every character the typeface carries; else the first-load set
    mutable bool wants_large = false;  // a label asked for label_large before it was built
    bool wants_all_glyphs = false;     // text outside the first-load set arrived or was drawn

    ImFont* label_for(float css_px) const;  // the label font closest to css_px (never smaller when possible)
    ImFont* large() const;                  // label_large, or label_medium (and wants_large) until it is built
};

// Rebuilds ImGui's font atlas; the renderer must re-upload it. The large label font is half
// the atlas and is seldom needed at once, so the app starts without it (with_large false)
// and rebuilds when wants_large says a label asked for it.
//
// Rasterizing every character the typeface carries (about 950: Latin Extended-A, -B and
// Additional, combining accents) is most of the app's start-up after its GL context. So the
// app starts with `all_glyphs` false: the first-load set, Latin-1 plus every character of the
// catalogs and the map drawing's own marks, and rebuilds once with everything as soon as
// other text arrives (needs_all_glyphs) or a frame drew a missing character (shows_fallback).
Fonts build_fonts(float density, bool with_large = true, bool all_glyphs = true);

// True when UTF-8 `text` has a character outside the first-load set.
bool needs_all_glyphs(std::string_view text);

// True when `draw_data` holds the fallback glyph of one of `fonts` (a character the atlas
// lacks was drawn): for an atlas without all glyphs, the sign to rebuild it with them.
bool shows_fallback(const ImDrawData& draw_data, const Fonts& fonts);

// The three label fonts in `atlas` (not ImGui's), with only the characters of `text` (UTF-8),
// ASCII and the few the map drawing adds: an image export's glyphs at its own density, built
// in a fraction of the screen atlas' time. `ui` and `ui_bold` are `label_small`. All null
// when the atlas could not be built.
Fonts build_label_fonts(ImFontAtlas& atlas, float density, std::string_view text);

}  // namespace ecomap::ui
