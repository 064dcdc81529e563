// State of the panels that is neither document nor core session: open dialogs, the
// drag of an entity from the list onto the map, the view's fit mode. Never saved.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"
#include "ui/document_facts.hpp"
#include "ui/keyboard_state.hpp"

namespace ecomap::ui {

struct ScreenRect {
    float x = 0, y = 0, w = 0, h = 0;  // CSS pixels
    bool contains(float px, float py) const { return px >= x && py >= y && px < x + w && py < y + h; }
    bool operator==(const ScreenRect&) const = default;
};

struct MessageDialog {                   // a modal message (rejected file, notice with warnings)
    std::string title;                   // e.g. "This file could not be opened"
    std::string message;                 // one-line reason or summary
    std::vector<std::string> details;    // e.g. restore warnings, one per line
    bool is_error = false;               // error styling
};

struct ConfirmDialog {                   // "are you sure?" before losing work
    std::string title;                   // question
    std::string message;                 // what would be lost
    std::string confirm_label;           // e.g. "Delete"
    std::string action;                  // what to run on confirm: "delete-entity:<id>"
};

struct ListDrag {                        // an entity dragged from the list onto a role
    std::string entity;                  // Entity::id
    bool active = false;                 // moved past the drag threshold
};

struct MapPress {                        // the mouse button went down on the map
    int target_kind = 0;                 // TargetKind under the pointer at the press (as int: no core include here)
    std::string target_id;               // its id
    std::string placement;               // the token's placement, when a token was pressed
    float x = 0, y = 0;                  // where, CSS px
    bool connect = false;                // Shift held: drag a link instead of moving the token
    bool dragging = false;               // moved past the drag threshold
    bool cancelled = false;              // Esc pressed during the drag
};

struct ExportDialog {                    // the "Export" dialog's choices
    int format = 0;                      // 0 PNG, 1 SVG, 2 PDF, 3 CSV, 4 JSON
    int size_preset = 1;                 // PNG: 0 = 1x, 1 = 2x, 2 = 4x the map view, 3 = custom width
    int custom_width = 4000;             // PNG width in px when size_preset is custom
    bool transparent = false;            // PNG/SVG without background
    bool title = true;                   // title above the map
    int paper = 0;                       // PDF: 0 A4, 1 US Letter (landscape)
    bool details = true;                 // PDF: page 2 with the counts per role and the reflections
};

struct ScreenLabel {                  // a token's name as drawn (layout().labels)
    std::string text;
    float x = 0, y = 0, w = 0, h = 0;  // CSS pixels, top-left corner and size
};

struct PlacedName {                   // a token's name placed on screen (map_draw.cpp)
    std::string text;                  // as drawn (maybe shortened)
    float x = 0, y = 0, w = 0, h = 0;  // CSS pixels, the label's box (not rounded)
    float px = 0;                      // text size
    float alpha = 1;                   // faint while its token is dragged
};

struct NameCache {                     // the names placed for one view, kept while it lasts
    std::uint64_t frame_shape = 0;     // MapFrame::shape they were placed for
    float origin_x = 0, origin_y = 0;  // where the ring's centre was then (panning moves the names with it)
    std::string key;                   // selection, name settings and fonts they were placed with
    std::vector<PlacedName> names;
};

struct UiState {
    bool auto_fit = true;                // camera follows the window until the user pans or zooms
    ScreenRect map_area;                 // where the map is drawn this frame
    std::optional<MessageDialog> message;    // shown modally when set
    std::optional<ConfirmDialog> confirm;    // shown modally when set
    std::optional<ListDrag> list_drag;       // entity being dragged from the list
    std::optional<MapPress> press;           // pointer pressed on the map, until release
    std::optional<ExportDialog> export_dialog;  // the Export dialog, when open
    std::vector<ScreenLabel> drawn_labels;   // the tokens' names drawn in the last frame (layout().labels)
    NameCache name_cache;                    // where the names go in the current view (map_draw.cpp)
    bool new_map_dialog = false;             // the "New map" dialog (templates and examples), when open
    std::string inspected;               // id the inspector showed last frame (scrolls to the top on change)
    std::string focus_name_of;           // entity whose name field takes keyboard focus next frame
    bool presenting = false;             // presentation mode: panels hidden, large type, counts on the ring
    bool hide_names = false;             // names shown as neutral marks everywhere, exports included
    std::string spotlight_role;          // Role::id shown large in presentation; "" for none
    bool vote_mode = false;              // a click on a role adds a dot vote instead of selecting it
    std::string status;                  // short feedback in the footer, e.g. "Saved Untitled map.ecomap.json"
    std::vector<std::string> last_warnings;  // warnings of the last opened file (API + notice)
    KeyboardState keyboard;              // where the keyboard is: area, map cursor, shortcuts overlay (keyboard_nav.hpp)
    DocumentFacts facts;                 // derived from the document, kept while its revision lasts (UiContext::facts)
    bool reduced_motion = false;         // the page's prefers-reduced-motion: no fades, no blinking caret
    bool high_contrast = false;          // the page's prefers-contrast: more: darker text, borders and outlines
    bool back_requested = false;         // the browser's Back: the next frame closes the topmost dialog (dialog_stack.hpp)
};

}  // namespace ecomap::ui
