// The app's open dialogs as one stack (see dialog_stack.hpp).
#include "ui/dialog_stack.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // the open popups: menus and lists have no state of their own

namespace ecomap::ui {
namespace {

// The dialogs kept in UiState, bottom to top (the order draw_dialogs stacks them in).
std::vector<std::string> state_dialogs(const UiState& state) {
    std::vector<std::string> out;
    if (state.new_map_dialog) out.emplace_back("new-map");
    if (state.export_dialog) out.emplace_back("export");
    if (state.confirm) out.emplace_back("confirm");
    if (state.message) out.emplace_back("message");
    return out;
}

int open_popups() { return GImGui != nullptr ? GImGui->OpenPopupStack.Size : 0; }

}  // namespace

std::vector<std::string> open_dialogs(const UiState& state) {
    std::vector<std::string> out = state_dialogs(state);
    // Every dialog is a popup once drawn: popups beyond them are menus or lists.
    if (open_popups() > static_cast<int>(out.size())) out.emplace_back("menu");
    return out;
}

void handle_back(UiContext& context) {
    UiState& state = context.state;
    if (!state.back_requested) return;
    state.back_requested = false;
    const int popups = open_popups();
    const std::vector<std::string> dialogs = state_dialogs(state);
    if (!dialogs.empty()) {  // the topmost dialog goes, with any menu or list open over it
        const std::string& top = dialogs.back();
        if (top == "message") state.message.reset();
        else if (top == "confirm") state.confirm.reset();
        else if (top == "export") state.export_dialog.reset();
        else state.new_map_dialog = false;
    }
    // Close every popup: the dialogs still open in the state open again as they are drawn.
    if (popups > 0) ImGui::ClosePopupToLevel(0, true);
}

}  // namespace ecomap::ui
