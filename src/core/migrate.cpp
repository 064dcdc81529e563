// ecomap core (internal): the migration table.
//
// Version 0 is the pre-release shape (fixture: tests/fixtures/v0/):
//   {"format": "ecomap", "formatVersion": 0, "title", "created", "modified",
//    "framework", "values": [...], "cause",
//    "entities": [{"id", "type", "name", "anonymous", "notes"}],
//    "placements": [{"id", "entity", "role", "strength", "energy", "context", "x", "y"}],
//    "links": [{"id", "from", "to", "kind", "label"}], "reflections"}
// Version 1 is version 2 without "votes" (fixtures: tests/fixtures/v1/).
// Version 2 is described in io_json.hpp (fixtures: tests/fixtures/v2/).
#include "core/migrate.hpp"

#include "core/model.hpp"

#include <array>

namespace ecomap::detail {

namespace {

using nlohmann::json;

// Moves root[from] to target[to] when present (and target[to] is not already set).
void move_member(json& root, const char* from, json& target, const char* to) {
    const auto it = root.find(from);
    if (it == root.end()) return;
    if (!target.contains(to)) target[to] = std::move(*it);
    root.erase(it);
}

// 0 -> 1: meta and centre become objects, entity "type" becomes "kind", placement x/y
// become "position", "links" become "relationships".
void migrate_0_to_1(json& root, WarningSink& warnings) {
    if (!root.contains("meta")) {
        json meta = json::object();
        move_member(root, "title", meta, "title");
        move_member(root, "created", meta, "created");
        move_member(root, "modified", meta, "modified");
        root["meta"] = std::move(meta);
    }
    if (!root.contains("centre")) {
        json centre = json::object();
        move_member(root, "values", centre, "values");
        move_member(root, "cause", centre, "cause");
        root["centre"] = std::move(centre);
    }
    if (auto entities = root.find("entities"); entities != root.end() && entities->is_array()) {
        for (json& entity : *entities) {
            if (entity.is_object()) move_member(entity, "type", entity, "kind");
        }
    }
    if (auto placements = root.find("placements"); placements != root.end() && placements->is_array()) {
        for (std::size_t i = 0; i < placements->size(); ++i) {
            json& placement = (*placements)[i];
            if (!placement.is_object() || placement.contains("position")) continue;
            const bool has_x = placement.contains("x");
            const bool has_y = placement.contains("y");
            if (has_x && has_y) {
                placement["position"] = {{"x", placement["x"]}, {"y", placement["y"]}};
            } else if (has_x || has_y) {
                warnings.add("/placements/" + std::to_string(i),
                             "the position has only one coordinate; it will be arranged automatically");
            }
            placement.erase("x");
            placement.erase("y");
        }
    }
    if (!root.contains("relationships")) move_member(root, "links", root, "relationships");
}

// 1 -> 2: maps gain "votes" (dot votes per role), none yet. Version 1 had no votes, so a
// "votes" member in a version 1 file is not ours: it is dropped with a warning.
void migrate_1_to_2(json& root, WarningSink& warnings) {
    if (root.contains("votes"))
        warnings.add("/votes", "a version 1 map has no votes; the \"votes\" member was ignored");
    root["votes"] = json::object();
}

constexpr std::array<Migration, kFormatVersion> kMigrations = {migrate_0_to_1, migrate_1_to_2};

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

int migrate_to_current(json& root, int from_version, WarningSink& warnings) {
    int steps = 0;
    for (int version = from_version; version < kFormatVersion; ++version) {
        kMigrations[static_cast<std::size_t>(version)](root, warnings);
        ++steps;
    }
    root["formatVersion"] = kFormatVersion;
    return steps;
}

}  // namespace ecomap::detail
