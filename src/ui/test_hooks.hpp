// Named widgets of the last frame, exposed to JavaScript as window.ecomap.uiItems() so
// browser tests (and embedding pages) can find buttons and fields on the canvas.
#pragma once
#include <string>
#include <string_view>

namespace ecomap::ui {

void begin_frame_items();                  // forget the previous frame's items
void expose_item(std::string_view name);   // records ImGui's last item rect under that name
std::string items_json();                  // {"name": {"x","y","w","h"}, ...} in CSS pixels

}  // namespace ecomap::ui
