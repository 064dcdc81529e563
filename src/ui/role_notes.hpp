// The role labels on the map with their gap call-outs ("empty", "thin"), the counts
// when presenting, and the dot votes just outside the rim (labels move out to make
// room); and the sizes and fitted view of presentation mode, which depend on them.
#pragma once
#include <imgui.h>

#include "ui/context.hpp"
#include "ui/map_frame.hpp"

namespace ecomap::ui {

inline constexpr float kPresentMargin = 16.0f;                  // CSS px kept free at the window's edges when presenting
inline constexpr ImU32 kInk = IM_COL32(0, 0, 0, 255);           // presentation text
inline constexpr ImU32 kSubInk = IM_COL32(35, 38, 46, 255);     // presentation secondary text
inline constexpr ImU32 kEmptyFill = IM_COL32(136, 34, 85, 255); // #882255: empty roles
inline constexpr ImU32 kThinFill = IM_COL32(221, 204, 119, 255);  // #DDCC77: thin roles

FrameOptions presentation_frame_options();  // larger labels and tokens than the normal view
Camera presentation_camera(const UiContext& context, const ScreenRect& area);  // ring, labels and counts fit

// Role labels with gap call-outs, counts when presenting, and the vote dots. Replaces
// draw_role_labels (map_draw.hpp) in the map view.
void draw_role_notes(ImDrawList& list, const UiContext& context, const MapFrame& frame);
float widest_role_note_em(const UiContext& context);  // widest role label as drawn now (name, gap badge), in label heights

}  // namespace ecomap::ui
