// ecomap core: session state.
//
// Everything the user is doing right now that is NOT part of the document: what is
// selected, what the pointer is over, where the camera looks, and a drag in
// progress. Session state is never saved and never goes through History; changing
// it never clears redo. A drag previews here and commits ONE command on release
// (see commands.hpp); Esc clears `drag` and nothing is committed.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"

namespace ecomap {

// What a selection or hover can point at.
enum class TargetKind { None, Centre, Role, Entity, Placement, Relationship };

struct Target {
    TargetKind kind = TargetKind::None;  // None = nothing under the pointer / selected
    std::string id;                      // record id, or Role::id for TargetKind::Role; "" otherwise
    bool operator==(const Target&) const = default;
};

struct Selection {
    std::vector<Target> items;           // selected records in the order they were picked

    bool empty() const { return items.empty(); }  // nothing selected
    bool contains(const Target& t) const {        // true when t is selected
        for (const Target& item : items)
            if (item == t) return true;
        return false;
    }
    bool operator==(const Selection&) const = default;
};

struct Camera {
    Vec2 centre;                         // map point (map units, see geometry.hpp) at the viewport centre
    double zoom = 1.0;                   // screen pixels per map unit
    bool operator==(const Camera&) const = default;
};

// Converts a map point to a viewport pixel (origin top-left, y down).
inline Vec2 map_to_screen(const Camera& camera, Vec2 viewport_size, Vec2 map_point) {
    return {(map_point.x - camera.centre.x) * camera.zoom + viewport_size.x * 0.5,
            (map_point.y - camera.centre.y) * camera.zoom + viewport_size.y * 0.5};
}

// Converts a viewport pixel back to a map point (inverse of map_to_screen; zoom must be > 0).
inline Vec2 screen_to_map(const Camera& camera, Vec2 viewport_size, Vec2 screen_point) {
    return {(screen_point.x - viewport_size.x * 0.5) / camera.zoom + camera.centre.x,
            (screen_point.y - viewport_size.y * 0.5) / camera.zoom + camera.centre.y};
}

enum class DragKind {
    MovePlacement,   // dragging a token: commits move_placement (or move to another role)
    Connect,         // dragging from one entity to another: commits add_relationship
    Pan,             // dragging empty space: moves the camera only, commits nothing
};

struct DragPreview {
    DragKind kind = DragKind::MovePlacement;
    std::string placement;               // MovePlacement: the placement being moved
    std::string from_entity;             // Connect: the entity the link starts from
    Vec2 start;                          // map point where the drag started
    Vec2 current;                        // map point under the pointer now
    bool operator==(const DragPreview&) const = default;
};

struct Session {
    Selection selection;                 // what the user picked
    Target hover;                        // what is under the pointer this frame
    Camera camera;                       // the view onto the map
    std::optional<DragPreview> drag;     // a drag in progress; nullopt when none
    bool operator==(const Session&) const = default;
};

}  // namespace ecomap
