// Everything a panel needs for one frame. Panels read the document through
// history.document() and change it only with apply(command), which shows a refused
// edit's reason in the status line.
#pragma once
#include "core/history.hpp"
#include "core/look.hpp"
#include "core/session.hpp"
#include "ui/fonts.hpp"
#include "ui/services.hpp"
#include "ui/ui_state.hpp"

namespace ecomap::ui {

struct UiContext {
    History& history;                    // the document and its undo stack
    Session& session;                    // selection, hover, camera, drag
    UiState& state;                      // dialogs, list drag, fit mode
    const Fonts& fonts;                  // fonts for the current pixel density
    Services& services;                  // files and time

    const Document& document() const { return history.document(); }  // shorthand
    EntityNames names() const { return EntityNames(document(), state.hide_names); }  // names as shown this frame
    const DocumentFacts& facts() const {  // counts per role and entity, recomputed only when the document changed
        if (!state.facts.valid || state.facts.revision != history.revision())
            state.facts = compute_facts(document(), history.revision());
        return state.facts;
    }
    const Analysis& analysis() const { return facts().analysis; }  // analyse(document()), cached

    ApplyResult apply(const Command& command) {  // every edit from the UI: a refusal's reason goes to the status line
        ApplyResult result = history.apply(command);
        if (!result) state.status = result.error;
        return result;
    }
};

}  // namespace ecomap::ui
