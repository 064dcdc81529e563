// The app's open dialogs as one stack (message, confirm, Export, New map, and menus or
// lists open above them): what state().dialogs lists, and what the browser's Back
// closes first on a phone (web/ecomap-phone.js).
#pragma once
#include <string>
#include <vector>

#include "ui/context.hpp"

namespace ecomap::ui {

std::vector<std::string> open_dialogs(const UiState& state);  // bottom to top: "new-map", "export", "confirm", "message", "menu"
void handle_back(UiContext& context);  // in a frame, before drawing: when Back was asked for, closes the topmost dialog
                                       // (and menus over it), or the open menus when there is no dialog

}  // namespace ecomap::ui
