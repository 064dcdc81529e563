// Input the SDL back end does not cover: two-finger pinch zoom, the browser's clipboard
// and paste event, and the on-screen keyboard of phones (a hidden field in the page).
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "app/workspace.hpp"
#include "core/model.hpp"
#include "ui/context.hpp"

union SDL_Event;

namespace ecomap::app {

class Input {
public:
    void install_clipboard();            // ImGui copies and pastes through the page (web: SDL has no clipboard)
    void event(const SDL_Event& event, ui::UiContext& context);  // fingers: two of them pinch-zoom the map
    void paste(std::string_view text, Workspace& workspace);     // into the active field, or a pasted map
    void typed(std::string_view text) { pending_typed_ += text; }  // on-screen keyboard: typed next frame
    void key(std::string_view key, bool down);                   // on-screen keyboard keys (Backspace, arrows...)
    void before_frame();                 // hands pending typed text to ImGui
    void after_frame(bool touch);        // opens or closes the on-screen keyboard for the active field

private:
    std::string pending_typed_;          // text from the on-screen keyboard, typed into the active field next frame
    std::string clipboard_;              // the app's clipboard in the browser (last copied or pasted text)
    bool keyboard_shown_ = false;        // the on-screen keyboard was asked for (touch screens)
    std::map<std::int64_t, Vec2> fingers_;  // touches on the screen now, CSS px
};

}  // namespace ecomap::app
