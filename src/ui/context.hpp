// Everything a panel needs for one frame. Panels read the document through
// history.document() and change it only with history.apply(command).
#pragma once
#include "core/history.hpp"
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
};

}  // namespace ecomap::ui
