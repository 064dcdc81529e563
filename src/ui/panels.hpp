// The panels around the map, one file each: toolbar.cpp, side_panel.cpp,
// inspector.cpp, dialogs.cpp. Each reads the document through the context and
// edits it only with commands.
#pragma once
#include "ui/context.hpp"

struct ImVec2;

namespace ecomap::ui {

inline constexpr float kToolbarHeight = 48.0f;  // CSS px
inline constexpr float kFooterHeight = 30.0f;   // CSS px, one line
inline constexpr float kNarrowWidth = 700.0f;   // CSS px; below it the footer takes two smaller lines
inline float footer_height(float width) { return width < kNarrowWidth ? 44.0f : kFooterHeight; }
inline constexpr float kSidePanelWidth = 340.0f;  // CSS px

struct WindowLayout {                       // where the panels go for a window size (CSS px)
    ScreenRect map;                         // the map
    ScreenRect panel;                       // the side panel (right) or, on a phone held upright, the bottom sheet
    bool compact = false;                   // narrow window: files and export behind a Menu button
};
WindowLayout window_layout(float width, float height, bool touch);  // pure; touch controls are larger

void draw_toolbar(UiContext& context, float width, bool compact);   // title, files, undo/redo, zoom
ImVec2 compact_button_padding(float width);  // frame padding of the compact toolbar's buttons: narrower when its words would not fit
void draw_side_panel(UiContext& context, const ScreenRect& rect);    // entity list + inspector
void draw_inspector(UiContext& context);                             // edits the selection (inside the side panel)
void draw_footer(UiContext& context, float width, float y);          // attribution + status line
void touch_scroll();                                                 // drag with a finger scrolls the current window
void draw_dialogs(UiContext& context);                               // modal messages and confirmations
void draw_export_dialog(UiContext& context);                         // PNG / SVG / CSV / JSON export choices

}  // namespace ecomap::ui
