// One frame of the app's panels in the normal layout (not presenting): the map, the side
// panel, the toolbar, the footer and the dialogs, inside an ImGui frame. The shell calls
// it between NewFrame and Render; the headless UI tests and the frame benchmark call the
// same function, so what they measure is what the app draws.
#pragma once
#include <functional>

#include "ui/context.hpp"
#include "ui/map_frame.hpp"
#include "ui/panels.hpp"

namespace ecomap::ui {

// Draws the panels; `frames` keeps the map's layout between frames (rebuilt only when the
// document or the view changes). `toolbar_extra(compact)` runs right after the toolbar, in
// the same order as before the dialogs (the shell appends its Recent maps menu there).
// Returns the window layout used.
WindowLayout draw_app_frame(UiContext& context, MapFrameCache& frames, bool touch,
                            const std::function<void(bool compact)>& toolbar_extra = {});

}  // namespace ecomap::ui
