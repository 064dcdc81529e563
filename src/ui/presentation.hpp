// Presentation mode, for a map projected on a wall: the map takes the whole window with
// large, high-contrast type and the counts on the ring; a click on a role (or the arrow
// keys) puts it in the spotlight (its description, counts, people and organizations);
// "hide names" shows neutral marks; vote mode turns clicks into dot votes. The role
// labels, counts and vote dots on the ring: role_notes.hpp. Entering and leaving:
// set_presenting (actions.hpp). Session state only (UiState): nothing here is saved.
#pragma once
#include "ui/context.hpp"
#include "ui/map_frame.hpp"
#include "ui/role_notes.hpp"

namespace ecomap::ui {

ScreenRect presentation_map_area(const UiContext& context, float width, float height);  // the window, minus the spotlight card

void spotlight_step(UiContext& context, int delta); // next (+1) or previous (-1) role clockwise
void handle_presentation_keys(UiContext& context);  // arrows between roles, Esc, Space/Enter votes in vote mode
void draw_presentation(UiContext& context, const MapFrame& frame);  // title, controls, spotlight card, attribution

// Pointer on the map in vote mode or presentation: a click adds a dot vote (delta 1,
// -1 with Shift or the right button) or spotlights the role. True when handled.
bool facilitator_click(UiContext& context, const MapFrame& frame, float x, float y, int delta);

}  // namespace ecomap::ui
