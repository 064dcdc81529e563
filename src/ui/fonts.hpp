// The app's fonts (Inter, from Debian's fonts-inter, embedded at build time),
// rasterized for the real pixel density so text stays crisp at any zoom.
#pragma once
#include <string_view>

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
    mutable bool wants_large = false;  // a label asked for label_large before it was built

    ImFont* label_for(float css_px) const;  // the label font closest to css_px (never smaller when possible)
    ImFont* large() const;                  // label_large, or label_medium (and wants_large) until it is built
};

// Rebuilds ImGui's font atlas; the renderer must re-upload it. The large label font is half
// the atlas and is seldom needed at once, so the app starts without it (with_large false)
// and rebuilds when wants_large says a label asked for it.
Fonts build_fonts(float density, bool with_large = true);

// The three label fonts in `atlas` (not ImGui's), with only the characters of `text` (UTF-8),
// ASCII and the few the map drawing adds: an image export's glyphs at its own density, built
// in a fraction of the screen atlas' time. `ui` and `ui_bold` are `label_small`. All null
// when the atlas could not be built.
Fonts build_label_fonts(ImFontAtlas& atlas, float density, std::string_view text);

}  // namespace ecomap::ui
