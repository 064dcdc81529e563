// One frame of the app's panels in the normal layout (see app_frame.hpp).
#include "ui/app_frame.hpp"

#include <imgui.h>

#include <algorithm>

#include "core/look.hpp"

#include "ui/camera.hpp"
#include "ui/keyboard_nav.hpp"
#include "ui/map_view.hpp"
#include "ui/role_notes.hpp"

namespace ecomap::ui {

WindowLayout draw_app_frame(UiContext& context, MapFrameCache& frames, bool touch,
                            const std::function<void(bool compact)>& toolbar_extra) {
    keyboard_begin_frame(context);
    const Document& document = context.document();
    const ImVec2 size = ImGui::GetMainViewport()->Size;
    const WindowLayout layout = window_layout(size.x, size.y, touch);
    context.state.map_area = layout.map;
    // A phone's small map: the names curve along the rim, so that the ring can fill the width.
    FrameOptions options;
    options.rim_labels = touch && std::min(layout.map.w, layout.map.h) < kRimLabelsBelow;
    if (context.state.auto_fit) {
        const RingLayout ring = ring_layout(static_cast<int>(document.framework.roles.size()));
        const float widest = widest_role_note_em(context);  // in label heights, with gap call-outs when shown
        context.session.camera = options.rim_labels && !radial_role_labels(ring.role_count)
                                     ? fit_camera_rim(ring, layout.map)
                                     : fit_camera(ring, layout.map, widest);
    }
    const MapFrame& frame = frames.update(document, context.history.revision(), context.session.camera, layout.map, options);
    map_view(context, frame);
    map_keyboard(context, frame);
    draw_side_panel(context, layout.panel);
    draw_toolbar(context, size.x, layout.compact);
    if (toolbar_extra) toolbar_extra(layout.compact);
    draw_footer(context, size.x, size.y - footer_height(size.x));
    draw_dialogs(context);
    draw_export_dialog(context);
    draw_shortcuts_overlay(context);
    keyboard_end_frame(context);
    return layout;
}

}  // namespace ecomap::ui
