// Presentation mode, for a map projected on a wall: the map takes the whole window with
// large, high-contrast type and the counts on the ring; a click on a role (or the arrow
// keys) puts it in the spotlight (its description, counts, people and organizations);
// "hide names" shows neutral marks; vote mode turns clicks into dot votes. Also the role
// labels with gap call-outs and the vote dots, which the normal map view uses too.
// Session state only (UiState): nothing here is saved in the document.
#pragma once
#include "ui/context.hpp"
#include "ui/map_view.hpp"

struct ImDrawList;

namespace ecomap::ui {

FrameOptions presentation_frame_options();  // larger labels and tokens than the normal view
ScreenRect presentation_map_area(const UiContext& context, float width, float height);  // the window, minus the spotlight card
Camera presentation_camera(const Document& document, const Fonts& fonts, const ScreenRect& area);  // ring, labels and counts fit

void set_presenting(UiContext& context, bool on);   // enters or leaves presentation mode (view refits)
void spotlight_step(UiContext& context, int delta); // next (+1) or previous (-1) role clockwise
void handle_presentation_keys(UiContext& context);  // arrows between roles, Esc, Space/Enter votes in vote mode
void draw_presentation(UiContext& context, const MapFrame& frame);  // title, controls, spotlight card, attribution

// Pointer on the map in vote mode or presentation: a click adds a dot vote (delta 1,
// -1 with Shift or the right button) or spotlights the role. True when handled.
bool facilitator_click(UiContext& context, const MapFrame& frame, float x, float y, int delta);

// Role labels with gap call-outs ("empty", "thin"), counts when presenting, and the vote
// dots just outside the rim (labels move out to make room). Replaces draw_role_labels
// in the map view.
void draw_role_notes(ImDrawList& list, const UiContext& context, const MapFrame& frame);
float widest_role_note_em(const UiContext& context);  // widest role label as drawn now (name, gap badge), in label heights

}  // namespace ecomap::ui
