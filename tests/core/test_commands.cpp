// Every command: what it does, that undo restores the document exactly and redo
// re-applies it, and that a refusal leaves everything untouched.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "core/commands.hpp"
#include "core/limits.hpp"
#include "edit_test_support.hpp"

using namespace ecomap;
using ecomap::test::counting_clock;
using ecomap::test::small_document;

namespace {

struct RoundTrip {
    Document after;          // the document after the command
    std::string created_id;  // what the command created
    std::string undo_label;  // "Undo ..." label it left
};

// A placement request with default strength/energy and no position.
PlacementSpec on_role(std::string entity, std::string role, std::string context = {},
                      std::optional<Vec2> position = std::nullopt) {
    PlacementSpec spec;
    spec.entity = std::move(entity);
    spec.role = std::move(role);
    spec.context = std::move(context);
    spec.position = position;
    return spec;
}

// Applies `command` to `before` and checks undo -> before and redo -> after exactly.
RoundTrip round_trip(const Document& before, const Command& command) {
    constexpr const char* kEditTime = "2026-06-01T12:00:00Z";
    History history(before, [] { return std::string(kEditTime); });
    const ApplyResult result = history.apply(command);
    INFO(result.error);
    REQUIRE(result.ok);
    REQUIRE(result.changed);
    RoundTrip out{history.document(), result.created_id, history.undo_label()};
    CHECK(out.after.meta.modified == kEditTime);
    REQUIRE(history.undo());
    CHECK(history.document() == before);
    REQUIRE(history.redo());
    CHECK(history.document() == out.after);
    return out;
}

// Applies a command that must be refused; checks that nothing changed.
std::string refusal(const Document& before, const Command& command) {
    History history(before, counting_clock());
    const ApplyResult result = history.apply(command);
    CHECK_FALSE(result.ok);
    CHECK_FALSE(result.changed);
    CHECK(history.document() == before);
    CHECK_FALSE(history.can_undo());
    CHECK(history.revision() == 0);
    return result.error;
}

}  // namespace

TEST_CASE("add entity creates ids per kind and undoes", "[commands]") {
    const Document before = small_document();
    const RoundTrip person = round_trip(before, add_entity(EntityKind::Person, "Cy"));
    CHECK(person.created_id == "p3");
    CHECK(person.undo_label == "Add person");
    REQUIRE(person.after.entities.size() == before.entities.size() + 1);
    CHECK(person.after.entities.back() == Entity{.id = "p3", .kind = EntityKind::Person, .name = "Cy",
                                                 .anonymous = false, .notes = "", .source = ""});
    CHECK(round_trip(before, add_entity(EntityKind::Organization, "Clinic")).created_id == "o2");
    CHECK(round_trip(before, add_entity(EntityKind::Network, "")).created_id == "n2");
    CHECK(round_trip(Document{}, add_entity(EntityKind::Person, "First")).created_id == "p1");
}

TEST_CASE("entity field edits do, undo and redo", "[commands]") {
    const Document before = small_document();
    CHECK(round_trip(before, rename_entity("p2", "Bo Lee")).after.entities[1].name == "Bo Lee");
    CHECK(round_trip(before, set_entity_kind("n1", EntityKind::Organization)).after.entities[3].kind ==
          EntityKind::Organization);
    CHECK(round_trip(before, set_entity_anonymous("p1", true)).after.entities[0].anonymous);
    CHECK(round_trip(before, set_entity_notes("o1", "open Tuesdays")).after.entities[2].notes == "open Tuesdays");
    CHECK_FALSE(refusal(before, rename_entity("p9", "Nobody")).empty());
    CHECK_FALSE(refusal(before, set_entity_kind("", EntityKind::Person)).empty());
    CHECK_FALSE(refusal(before, set_entity_anonymous("x", true)).empty());
    CHECK_FALSE(refusal(before, set_entity_notes("x", "n")).empty());
}

TEST_CASE("remove entity takes its placements and relationships; undo restores their order", "[commands]") {
    const Document before = small_document();
    const RoundTrip removed = round_trip(before, remove_entity("p1"));
    CHECK(removed.after.find_entity("p1") == nullptr);
    std::vector<std::string> placements;
    for (const Placement& p : removed.after.placements) placements.push_back(p.id);
    CHECK(placements == std::vector<std::string>{"pl2", "pl4"});
    REQUIRE(removed.after.relationships.size() == 1);
    CHECK(removed.after.relationships[0].id == "r3");
    CHECK_FALSE(refusal(before, remove_entity("p1x")).empty());
}

TEST_CASE("place entity on a role", "[commands]") {
    const Document before = small_document();
    const RoundTrip placed = round_trip(
        before, place_entity({.entity = "p2", .role = "guides", .strength = Strength::Aspiring,
                              .energy = Energy::Energizes, .context = "coalition", .position = Vec2{10, -500}}));
    CHECK(placed.created_id == "pl6");
    REQUIRE(placed.after.placements.size() == before.placements.size() + 1);
    CHECK(placed.after.placements.back() == Placement{.id = "pl6", .entity = "p2", .role = "guides",
                                                      .strength = Strength::Aspiring, .energy = Energy::Energizes,
                                                      .context = "coalition", .position = Vec2{10, -500}});

    CHECK(refusal(before, place_entity(on_role("p2", "astronauts"))).find("astronauts") !=
          std::string::npos);
    CHECK_FALSE(refusal(before, place_entity(on_role("zz", "guides"))).empty());
    CHECK_FALSE(refusal(before, place_entity(on_role("p1", "weavers", "at work"))).empty());
    const double nan = std::numeric_limits<double>::quiet_NaN();
    CHECK_FALSE(refusal(before, place_entity(on_role("p2", "guides", "", Vec2{nan, 0}))).empty());
    // Same entity and role in another context is a separate placement.
    CHECK(round_trip(before, place_entity(on_role("p1", "weavers", "at home"))).created_id ==
          "pl6");
}

TEST_CASE("placement field edits", "[commands]") {
    const Document before = small_document();
    CHECK(round_trip(before, set_placement_strength("pl2", Strength::Primary)).after.placements[1].strength ==
          Strength::Primary);
    CHECK(round_trip(before, set_placement_energy("pl2", Energy::Depletes)).after.placements[1].energy ==
          Energy::Depletes);
    CHECK(round_trip(before, set_placement_context("pl2", "at school")).after.placements[1].context == "at school");
    CHECK_FALSE(refusal(before, set_placement_strength("nope", Strength::Primary)).empty());
    CHECK_FALSE(refusal(before, set_placement_energy("nope", Energy::Depletes)).empty());

    // p1 is on builders "in the community" (pl5): giving another p1 builders placement that context is refused.
    History history(before, counting_clock());
    const ApplyResult placed = history.apply(place_entity(on_role("p1", "builders")));
    REQUIRE(placed);
    CHECK_FALSE(refusal(history.document(), set_placement_context(placed.created_id, "in the community")).empty());
}

TEST_CASE("move placement within and between roles", "[commands]") {
    const Document before = small_document();
    const RoundTrip moved = round_trip(before, move_placement("pl1", Vec2{5, -600}));
    CHECK(moved.after.placements[0].position == Vec2{5, -600});
    CHECK_FALSE(round_trip(moved.after, move_placement("pl1", std::nullopt)).after.placements[0].position);

    const RoundTrip to_role = round_trip(before, move_placement_to_role("pl3", "storytellers", Vec2{-400, 300}));
    CHECK(to_role.after.placements[2].role == "storytellers");
    CHECK(to_role.after.placements[2].position == Vec2{-400, 300});
    CHECK(to_role.after.placements[2].id == "pl3");

    CHECK_FALSE(refusal(before, move_placement("pl1", Vec2{INFINITY, 0})).empty());
    CHECK_FALSE(refusal(before, move_placement("plX", Vec2{0, 0})).empty());
    CHECK_FALSE(refusal(before, move_placement_to_role("pl3", "nowhere", std::nullopt)).empty());

    History history(before, counting_clock());
    REQUIRE(history.apply(place_entity(on_role("p1", "weavers", "in the community"))));
    CHECK_FALSE(refusal(history.document(), move_placement_to_role("pl5", "weavers", std::nullopt)).empty());
}

TEST_CASE("remove placement keeps the entity", "[commands]") {
    const Document before = small_document();
    const RoundTrip removed = round_trip(before, remove_placement("pl3"));
    CHECK(removed.after.find_placement("pl3") == nullptr);
    CHECK(removed.after.entities == before.entities);
    CHECK_FALSE(refusal(before, remove_placement("pl3x")).empty());
}

TEST_CASE("relationships: add, edit, remove, refusals", "[commands]") {
    const Document before = small_document();
    const RoundTrip added = round_trip(before, add_relationship("n1", "p2", "supports", "since 2024"));
    CHECK(added.created_id == "r4");
    CHECK(added.after.relationships.back() ==
          Relationship{.id = "r4", .from = "n1", .to = "p2", .kind = "supports", .label = "since 2024"});
    // The reverse direction of an existing link is a different relationship.
    CHECK(round_trip(before, add_relationship("o1", "p1", "member-of", "")).created_id == "r4");

    CHECK_FALSE(refusal(before, add_relationship("p1", "p1", "works-with", "")).empty());
    CHECK_FALSE(refusal(before, add_relationship("p1", "o1", "member-of", "again")).empty());
    CHECK_FALSE(refusal(before, add_relationship("p1", "ghost", "works-with", "")).empty());
    CHECK_FALSE(refusal(before, add_relationship("ghost", "p1", "works-with", "")).empty());
    CHECK_FALSE(refusal(before, add_relationship("p1", "p2", "", "")).empty());

    CHECK(round_trip(before, set_relationship_kind("r2", "supports")).after.relationships[1].kind == "supports");
    CHECK(round_trip(before, set_relationship_label("r2", "monthly")).after.relationships[1].label == "monthly");
    CHECK_FALSE(refusal(before, set_relationship_kind("r2", "")).empty());
    CHECK_FALSE(refusal(before, set_relationship_label("r9", "x")).empty());

    History history(before, counting_clock());
    const ApplyResult supports = history.apply(add_relationship("p1", "o1", "supports", ""));
    REQUIRE(supports);
    CHECK_FALSE(refusal(history.document(), set_relationship_kind(supports.created_id, "member-of")).empty());

    const RoundTrip removed = round_trip(before, remove_relationship("r2"));
    CHECK(removed.after.find_relationship("r2") == nullptr);
    CHECK(removed.after.relationships.size() == 2);
    CHECK_FALSE(refusal(before, remove_relationship("r2x")).empty());
}

TEST_CASE("centre, title and reflections", "[commands]") {
    const Document before = small_document();
    const std::vector<std::string> values{"care", "justice"};
    CHECK(round_trip(before, set_centre_values(values)).after.centre.values == values);
    CHECK(round_trip(before, set_cause("housing for all")).after.centre.cause == "housing for all");
    CHECK(round_trip(before, set_title("Retreat 2026")).after.meta.title == "Retreat 2026");

    const RoundTrip answered = round_trip(before, set_reflection("roles-grow", "Healer"));
    CHECK(answered.after.reflections.at("roles-grow") == "Healer");
    const RoundTrip cleared = round_trip(answered.after, set_reflection("roles-grow", ""));
    CHECK(cleared.after.reflections.count("roles-grow") == 0);
    CHECK(refusal(before, set_reflection("no-such-prompt", "x")).find("no-such-prompt") != std::string::npos);
}

TEST_CASE("replace document is one undoable step", "[commands]") {
    const Document before = small_document();
    Document other = small_document();
    other.meta.title = "Other";
    other.entities.erase(other.entities.begin());
    other.placements = {other.placements[1]};
    other.relationships.clear();
    other.centre.cause = "other cause";
    other.reflections["roles-grow"] = "Guide";
    other.framework.roles.pop_back();
    const RoundTrip replaced = round_trip(before, replace_document(other, "Merge 2 maps"));
    CHECK(replaced.undo_label == "Merge 2 maps");
    Document expected = other;
    expected.meta.modified = replaced.after.meta.modified;
    CHECK(replaced.after == expected);
}

TEST_CASE("an edit that changes nothing is accepted but records no step", "[commands]") {
    History history(small_document(), counting_clock());
    const ApplyResult same = history.apply(rename_entity("p1", "Alice"));
    CHECK(same.ok);
    CHECK_FALSE(same.changed);
    CHECK_FALSE(history.can_undo());
    CHECK(history.revision() == 0);
    CHECK(history.document() == small_document());
}

TEST_CASE("new ids follow the largest number in use", "[commands]") {
    Document d = small_document();
    d.entities.push_back({.id = "p41", .kind = EntityKind::Person, .name = "", .anonymous = true, .notes = "",
                          .source = ""});
    d.entities.push_back({.id = "p1-2", .kind = EntityKind::Person, .name = "", .anonymous = true, .notes = "",
                          .source = ""});
    CHECK(next_entity_id(d, EntityKind::Person) == "p42");
    CHECK(next_entity_id(d, EntityKind::Network) == "n2");
    CHECK(next_placement_id(d) == "pl6");
    CHECK(next_relationship_id(d) == "r4");
}

TEST_CASE("edits that would break the document's limits are refused", "[commands]") {
    const Document before = small_document();
    const std::string too_long(kMaxNameLength + 1, 'x');
    const std::string not_utf8 = "caf\xC3";
    CHECK(refusal(before, rename_entity("p1", too_long)).find("longer") != std::string::npos);
    CHECK(refusal(before, add_entity(EntityKind::Person, not_utf8)).find("UTF-8") != std::string::npos);
    CHECK_FALSE(refusal(before, set_entity_notes("p1", std::string(kMaxTextLength + 1, 'n'))).empty());
    CHECK_FALSE(refusal(before, set_title(too_long)).empty());
    CHECK_FALSE(refusal(before, set_cause(not_utf8)).empty());
    CHECK_FALSE(refusal(before, set_centre_values(std::vector<std::string>(kMaxValues + 1, "v"))).empty());
    CHECK_FALSE(refusal(before, set_centre_values({"ok", too_long})).empty());
    CHECK_FALSE(refusal(before, set_reflection("roles-grow", std::string(kMaxTextLength + 1, 'r'))).empty());
    CHECK_FALSE(refusal(before, set_placement_context("pl1", too_long)).empty());
    CHECK_FALSE(refusal(before, add_relationship("p1", "p2", "supports", too_long)).empty());
    CHECK_FALSE(refusal(before, set_relationship_label("r1", not_utf8)).empty());
    CHECK_FALSE(refusal(before, set_relationship_kind("r1", too_long)).empty());
    CHECK_FALSE(refusal(before, move_placement("pl1", Vec2{0, -2 * kMaxCoordinate})).empty());
    CHECK_FALSE(refusal(before, place_entity(on_role("p2", "guides", "", Vec2{2 * kMaxCoordinate, 0}))).empty());
    CHECK_FALSE(refusal(before, place_entity(on_role("p2", "guides", too_long))).empty());
    // At the limit is fine.
    CHECK(round_trip(before, rename_entity("p1", std::string(kMaxNameLength, 'x'))).after.entities[0].name.size() ==
          kMaxNameLength);
}
