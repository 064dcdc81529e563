// Named widgets of the last frame, exposed to JavaScript as window.ecomap.uiItems() so
// browser tests (and embedding pages) can find buttons and fields on the canvas.
#pragma once
#include <string>
#include <string_view>

namespace ecomap::ui {

void begin_frame_items();                  // forget the previous frame's items
void expose_item(std::string_view name);   // records ImGui's last item rect under that name
std::string items_json();                  // {"name": {"x","y","w","h"[,"focused": true]}, ...} in CSS pixels; focused: has the keyboard

// The text drawn in one frame (widgets of the windows that call capture_window_text,
// through ImGui's log; map text through record_text), for tests that check what is on
// screen, e.g. that no name shows while names are hidden.
void request_text_capture();               // the next frame records its text
void begin_text_capture();                 // start of a frame (inside the ImGui frame)
void end_text_capture();                   // end of a frame: keeps what was recorded
void capture_window_text();                // right after Begin() of a window whose widget text is recorded
void record_text(std::string_view text);   // map text drawn straight into a draw list (no-op unless capturing)
std::string captured_text();               // the text of the last captured frame, one piece per line

}  // namespace ecomap::ui
