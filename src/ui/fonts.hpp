// The app's fonts (Inter, from Debian's fonts-inter, embedded at build time),
// rasterized for the real pixel density so text stays crisp at any zoom.
#pragma once

struct ImFont;

namespace ecomap::ui {

struct Fonts {
    ImFont* ui = nullptr;          // panels and buttons
    ImFont* ui_bold = nullptr;     // headings
    ImFont* label_small = nullptr; // map labels, small windows
    ImFont* label_medium = nullptr;
    ImFont* label_large = nullptr; // map labels when projected
    float density = 0;             // pixel density the atlas was built for

    ImFont* label_for(float css_px) const;  // the label font closest to css_px (never smaller when possible)
};

Fonts build_fonts(float density);  // rebuilds ImGui's font atlas; the renderer must re-upload it

}  // namespace ecomap::ui
