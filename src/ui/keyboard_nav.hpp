// The app without a mouse. Tab and Shift+Tab walk through the toolbar, the side panel (its
// tabs and add buttons, the list, the inspector) and the map, one area after another (ImGui
// moves inside an area; at its end the next area takes over); F6 jumps between areas. When
// the map has the keyboard, Left/Right move a cursor between the roles on the ring and
// Up/Down between the tokens of a role; Enter or Space acts (a role: place the selected
// entry there, or open the role; a token: select it); L links the selected entry to the
// token under the cursor. Esc closes the overlay, clears the selection, leaves vote mode.
// "?" opens the list of shortcuts (shortcuts.cpp). The keyboard's focus is drawn as a ring,
// on ImGui's widgets and on the map's role or token. State: UiState::keyboard.
#pragma once
#include "ui/context.hpp"
#include "ui/map_frame.hpp"

namespace ecomap::ui {

void keyboard_begin_frame(UiContext& context);     // after NewFrame, before the panels: Esc, ?, F6, entering an area
void map_keyboard(UiContext& context, const MapFrame& frame);  // right after map_view: the map's cursor and its ring
void draw_shortcuts_overlay(UiContext& context);   // the "?" overlay, when open (shortcuts.cpp)
void close_shortcuts_overlay(UiContext& context);  // closes it; the keyboard goes back where it was
void keyboard_end_frame(UiContext& context);       // after every panel: a Tab at an area's end moves on; focus ring

}  // namespace ecomap::ui
