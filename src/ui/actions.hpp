// Actions are data: registered once, called by toolbar buttons, keyboard shortcuts and
// the JavaScript API through the same entry (run_action).
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "ui/context.hpp"

namespace ecomap::ui {

struct Action {
    std::string id;                       // stable name, e.g. "undo"; used by the API and tests
    std::string label_key;                // catalog key of the button text ("ui.action.<id>")
    std::string shortcut;                 // shown in tooltips, e.g. "Ctrl+Z"; "" for none
    std::vector<int> chords;              // ImGuiKeyChord values that trigger it
    std::function<bool(const UiContext&)> enabled;  // false greys the button and ignores the shortcut
    std::function<void(UiContext&)> perform;        // does it
    const char* label() const;            // the button text in the interface's language
};

const std::vector<Action>& actions();                    // every action, in toolbar order
const Action* find_action(std::string_view id);          // nullptr when unknown
bool run_action(UiContext& context, std::string_view id);  // performs it when enabled; false otherwise
void handle_shortcuts(UiContext& context);               // runs actions whose chord was pressed this frame

void add_entity_and_select(UiContext& context, EntityKind kind);  // new entity, selected, name field focused
void request_delete_selection(UiContext& context);      // deletes, asking first when notes would be lost
void delete_entity_now(UiContext& context, const std::string& entity_id);  // no question asked
void set_presenting(UiContext& context, bool on);        // enters or leaves presentation mode (view refits)

}  // namespace ecomap::ui
