// ecomap core: the document model.
//
// A document is a set of flat records with stable string ids. Relationships and
// placements are records of their own that point at entities by id. The document
// carries the framework (roles, prompts, attribution) it was made with, so a file
// made from any template re-opens anywhere.
//
// Session state (selection, camera, hover) is NOT here: see session.hpp.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ecomap {

inline constexpr int kFormatVersion = 2;          // current "formatVersion" of saved files (2 added "votes")
inline constexpr std::string_view kFormatName = "ecomap"; // value of the "format" field

// [SECTION] Framework (template) ----------------------------------------------

struct Role {
    std::string id;           // stable id used by placements, e.g. "weavers"
    std::string name;         // display name, e.g. "Weavers"
    std::string description;  // one line in the project's own words
    std::string color;        // "#rrggbb"
    bool operator==(const Role&) const = default;
};

struct Prompt {
    std::string id;    // stable id used by reflections, e.g. "roles-most-often"
    int step = 1;      // method step: 1 values, 2 roles, 3 reflect/observe/plan
    std::string text;  // the question shown to the user
    bool operator==(const Prompt&) const = default;
};

struct Attribution {
    std::string text;  // line shown in the app and in every export
    std::string url;   // link to the framework's home
    bool operator==(const Attribution&) const = default;
};

struct Framework {
    std::string id;                       // e.g. "social-change-ecosystem"
    std::string name;                     // e.g. "Social Change Ecosystem Map"
    Attribution attribution;              // shown in app and exports
    std::vector<std::string> default_values;  // centre values a new map starts with
    std::string default_cause;            // centre cause a new map starts with
    std::vector<Role> roles;              // drawn clockwise from the top, in order
    std::vector<Prompt> prompts;          // reflection prompts of the method
    bool operator==(const Framework&) const = default;

    const Role* find_role(std::string_view role_id) const;  // nullptr when unknown
    int role_index(std::string_view role_id) const;         // -1 when unknown
};

// [SECTION] Records ------------------------------------------------------------

enum class EntityKind { Person, Organization, Network };
enum class Strength { Primary, Secondary, Aspiring };
enum class Energy { Unspecified, Energizes, Depletes };

struct Vec2 {
    double x = 0;
    double y = 0;
    bool operator==(const Vec2&) const = default;
};

struct Entity {
    std::string id;                     // unique among entities
    EntityKind kind = EntityKind::Person;
    std::string name;                   // may be empty when anonymous
    bool anonymous = false;             // hide the name when shown to others
    std::string notes;                  // free text
    std::string source;                 // provenance after a merge (participant map title), else ""
    bool operator==(const Entity&) const = default;
};

struct Placement {
    std::string id;                     // unique among placements
    std::string entity;                 // Entity::id
    std::string role;                   // Role::id of the document's framework
    Strength strength = Strength::Primary;
    Energy energy = Energy::Unspecified;
    std::string context;                // e.g. "at work", "in the community"; may be empty
    std::optional<Vec2> position;       // map units (see geometry.hpp); none = arranged automatically
    bool operator==(const Placement&) const = default;
};

struct Relationship {
    std::string id;                     // unique among relationships
    std::string from;                   // Entity::id
    std::string to;                     // Entity::id
    std::string kind;                   // e.g. "works-with", "supports", "member-of"
    std::string label;                  // optional free text
    bool operator==(const Relationship&) const = default;
};

struct Centre {
    std::vector<std::string> values;    // shared values, e.g. {"equity", "justice"}
    std::string cause;                  // what the group works for
    bool operator==(const Centre&) const = default;
};

inline constexpr std::string_view kDefaultMapLanguage = "en";  // meta.language of files that have none

struct Meta {
    std::string title;                  // shown in the app, used for file names
    std::string created;                // ISO 8601 UTC, e.g. "2026-11-26T10:00:00Z"
    std::string modified;               // ISO 8601 UTC
    std::string language{kDefaultMapLanguage};  // the map's language (a catalog code, src/i18n/<code>.json): its
                                                // template wording and the words of its exports
    bool operator==(const Meta&) const = default;
};

// [SECTION] Document -----------------------------------------------------------

struct Document {
    Meta meta;
    Framework framework;
    Centre centre;
    std::vector<Entity> entities;
    std::vector<Placement> placements;
    std::vector<Relationship> relationships;
    std::map<std::string, std::string> reflections;  // Prompt::id -> text
    std::map<std::string, int> votes;                // Role::id -> dot votes, 1..kMaxVotesPerRole (no entry = 0)
    bool operator==(const Document&) const = default;

    const Entity* find_entity(std::string_view id) const;              // nullptr when absent
    const Placement* find_placement(std::string_view id) const;        // nullptr when absent
    const Relationship* find_relationship(std::string_view id) const;  // nullptr when absent
    int votes_for(std::string_view role_id) const;                     // dot votes on the role, 0 when none
};

// [SECTION] Enum <-> text (the spelling used in files) -------------------------

std::string_view to_string(EntityKind kind);   // "person" | "organization" | "network"
std::string_view to_string(Strength strength); // "primary" | "secondary" | "aspiring"
std::string_view to_string(Energy energy);     // "" | "energizes" | "depletes"
std::optional<EntityKind> parse_entity_kind(std::string_view text);  // nullopt when unknown
std::optional<Strength> parse_strength(std::string_view text);       // nullopt when unknown
std::optional<Energy> parse_energy(std::string_view text);           // "" -> Unspecified

}  // namespace ecomap
