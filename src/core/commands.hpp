// ecomap core: every document edit, as a Command for History::apply.
//
// Each function returns a Command; nothing happens until History applies it. A
// command checks its inputs against the current document and refuses with a reason
// (document untouched) when an id is missing, a role is unknown or the edit would
// break an invariant of invariants.hpp (text not UTF-8 or over the limits of
// limits.hpp, position off the map, too many records). History then refuses any change
// that would break a cap of document_size.hpp (record counts, size of the map file). Commands that create a record report its id in
// ApplyResult::created_id. Text edits carry a coalesce key ("entity:<id>:name"), so a
// typing burst is one undo step until History::break_coalescing().
//
// Generated ids: entities "p<n>" (person), "o<n>" (organization), "n<n>" (network),
// placements "pl<n>", relationships "r<n>"; n is one more than the largest number
// in use with that prefix, so a new id never collides with an existing record.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/history.hpp"
#include "core/model.hpp"

namespace ecomap {

// [SECTION] Ids -----------------------------------------------------------------

std::string next_entity_id(const Document& document, EntityKind kind);  // unused id for a new entity of that kind
std::string next_placement_id(const Document& document);                // unused id for a new placement
std::string next_relationship_id(const Document& document);             // unused id for a new relationship

// [SECTION] Entities ------------------------------------------------------------

Command add_entity(EntityKind kind, std::string name);              // adds an entity at the end; created_id = its id
Command rename_entity(std::string entity_id, std::string name);      // sets Entity::name (coalesces per entity)
Command set_entity_kind(std::string entity_id, EntityKind kind);     // sets Entity::kind (the id is kept)
Command set_entity_anonymous(std::string entity_id, bool anonymous); // sets Entity::anonymous
Command set_entity_notes(std::string entity_id, std::string notes);  // sets Entity::notes (coalesces per entity)
Command remove_entity(std::string entity_id);  // removes it with its placements and relationships

// [SECTION] Placements ----------------------------------------------------------

struct PlacementSpec {
    std::string entity;                  // Entity::id to place
    std::string role;                    // Role::id of the document's framework
    Strength strength = Strength::Primary;
    Energy energy = Energy::Unspecified;
    std::string context;                 // e.g. "at work"; may be empty
    std::optional<Vec2> position;        // map units; nullopt = arranged automatically
};

Command place_entity(PlacementSpec spec);  // adds a placement; refuses a second one with the same entity, role and context
Command set_placement_strength(std::string placement_id, Strength strength);  // sets Placement::strength
Command set_placement_energy(std::string placement_id, Energy energy);        // sets Placement::energy
Command set_placement_context(std::string placement_id, std::string context); // sets Placement::context (coalesces)
Command move_placement(std::string placement_id, std::optional<Vec2> position);  // sets or clears Placement::position
Command move_placement_to_role(std::string placement_id, std::string role_id,
                               std::optional<Vec2> position);  // puts the placement on another role (and position)
Command remove_placement(std::string placement_id);  // removes one placement (the entity stays)

// [SECTION] Relationships -------------------------------------------------------

Command add_relationship(std::string from, std::string to, std::string kind,
                         std::string label);  // links two entities; refuses self-links and same from/to/kind twice
Command set_relationship_kind(std::string relationship_id, std::string kind);    // sets Relationship::kind
Command set_relationship_label(std::string relationship_id, std::string label);  // sets Relationship::label (coalesces)
Command remove_relationship(std::string relationship_id);  // removes one relationship

// [SECTION] Dot votes -----------------------------------------------------------

Command add_vote(std::string role_id, int delta);  // adds delta (may be negative) to the role's votes; never below 0,
                                                   // refuses an unknown role or more than kMaxVotesPerRole
Command clear_votes();                             // removes every vote (one undo step)

// [SECTION] Roles (role_commands.cpp) -------------------------------------------
// A role's id never changes, so maps stay mergeable; edits replace the framework as one
// step. Text edits coalesce per role and field ("role:<id>:name").
Command set_role_name(std::string role_id, std::string name);                // refuses "" and a name another role has
Command set_role_description(std::string role_id, std::string description);
Command set_role_color(std::string role_id, std::string color);              // "#RRGGBB"
Command add_role(std::string name);       // at the end, with an unused id ("role-<n>") and the next palette colour; created_id = its id
Command remove_role(std::string role_id); // refuses while entries are placed on it or the last role would go; drops its votes

// [SECTION] Centre, meta, reflections, whole document ---------------------------

Command set_centre_values(std::vector<std::string> values);  // replaces the centre's values (coalesces)
Command set_cause(std::string cause);                        // sets the centre's cause (coalesces)
Command set_title(std::string title);                        // sets Meta::title (coalesces)
Command set_reflection(std::string prompt_id, std::string text);  // sets one prompt's answer; "" removes it
Command replace_document(Document contents, std::string label);   // replaces everything as one undo step; contents
                                                                   // come from import or merge, so are not re-checked
                                                                   // (History still refuses them past the caps)

// [SECTION] Language (language_commands.cpp) -------------------------------------
// The map's language (meta.language): its exports' words and its built-in template's
// wording. Role ids and prompt ids never change, so placements, votes and reflections stay.

// Sets meta.language to `language` (a catalog code, i18n::has_language) and rewrites the
// built-in template's wording (the framework's name, role names and descriptions, prompts,
// default values, and the centre's values and cause) from the old language's words to the
// new one's wherever the map still has the old words; anything the user wrote is kept. An
// untitled map's title follows too. One undo step; refuses a language without a catalog.
Command set_language(std::string language);

}  // namespace ecomap
