// Where the keyboard is (ui/keyboard_nav.hpp): the area that has it, the map's cursor on a
// role or a token, the shortcuts overlay, and a Tab that moves on to the next area over
// a few frames. Session state of the panels: never saved.
#pragma once
#include <string>

namespace ecomap::ui {

struct KeyboardState {
    std::string area;              // "toolbar", "side", "entities", "inspector", "map", "dialog" or "" (none)
    bool map_focused = false;      // the map has the keyboard: the arrow keys move the cursor below
    bool ring_shown = false;       // a focus ring was drawn this frame (keyboard use, not the mouse)
    int role = -1;                 // the map cursor's role (framework index); -1 before the map first had the keyboard
    std::string placement;         // the cursor's token (Placement::id); "" when the cursor is on the role itself
    bool shortcuts = false;        // the "?" overlay is open
    bool shortcuts_appearing = false;  // it opened this frame (takes the keyboard)
    unsigned return_to = 0;        // the window (ImGuiID) that had the keyboard before the overlay opened
    bool popup_was_open = false;   // a popup (combo, menu) was open last frame: its Esc is not ours
    unsigned switch_to = 0;        // a Tab leaving an area: the window (ImGuiID) to enter next frame; 0 for none
    int switch_dir = 0;            // +1 forward (its first item), -1 backward (its last)
    int switch_stage = 0;          // 1: enter it this frame, 2: check that an item took the keyboard
    int switch_hops = 0;           // areas skipped for having nothing to focus
};

}  // namespace ecomap::ui
