// The panels around the map, one file each: toolbar.cpp, side_panel.cpp,
// inspector.cpp, dialogs.cpp. Each reads the document through the context and
// edits it only with commands.
#pragma once
#include "ui/context.hpp"

namespace ecomap::ui {

inline constexpr float kToolbarHeight = 48.0f;  // CSS px
inline constexpr float kFooterHeight = 30.0f;   // CSS px
inline constexpr float kSidePanelWidth = 340.0f;  // CSS px

void draw_toolbar(UiContext& context, float width);                  // title, files, undo/redo, zoom
void draw_side_panel(UiContext& context, const ScreenRect& rect);    // entity list + inspector
void draw_inspector(UiContext& context);                             // edits the selection (inside the side panel)
void draw_footer(UiContext& context, float width, float y);          // attribution + status line
void draw_dialogs(UiContext& context);                               // modal messages and confirmations

}  // namespace ecomap::ui
