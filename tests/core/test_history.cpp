// History: undo/redo stacks and labels, revision, coalescing of typing bursts,
// reset, and the Change mechanics (index order, compose).
#include <catch2/catch.hpp>

#include <random>

#include "core/commands.hpp"
#include "core/invariants.hpp"
#include "edit_test_support.hpp"

using namespace ecomap;
using ecomap::test::counting_clock;
using ecomap::test::small_document;

TEST_CASE("undo and redo labels, availability and revision", "[history]") {
    History history(small_document(), counting_clock());
    CHECK_FALSE(history.can_undo());
    CHECK_FALSE(history.can_redo());
    CHECK(history.undo_label().empty());
    CHECK_FALSE(history.undo());
    CHECK_FALSE(history.redo());
    CHECK(history.revision() == 0);

    REQUIRE(history.apply(add_entity(EntityKind::Person, "Cy")));
    REQUIRE(history.apply(remove_placement("pl2")));
    CHECK(history.revision() == 2);
    CHECK(history.undo_label() == "Remove from role");
    CHECK(history.undo_depth() == 2);

    REQUIRE(history.undo());
    CHECK(history.undo_label() == "Add person");
    CHECK(history.redo_label() == "Remove from role");
    CHECK(history.can_redo());
    CHECK(history.revision() == 3);

    REQUIRE(history.redo());
    CHECK(history.revision() == 4);
    CHECK_FALSE(history.can_redo());
}

TEST_CASE("a new command clears redo", "[history]") {
    History history(small_document(), counting_clock());
    REQUIRE(history.apply(set_title("One")));
    REQUIRE(history.undo());
    REQUIRE(history.can_redo());
    REQUIRE(history.apply(set_cause("Two")));
    CHECK_FALSE(history.can_redo());
    CHECK(history.document().meta.title == "Small map");
}

TEST_CASE("typing in one field coalesces into one undo step", "[history]") {
    const Document before = small_document();
    History history(before, counting_clock());
    for (const char* text : {"A", "Al", "Ali", "Alic", "Alice B"}) REQUIRE(history.apply(rename_entity("p2", text)));
    CHECK(history.undo_depth() == 1);
    CHECK(history.document().entities[1].name == "Alice B");
    CHECK(history.revision() == 5);
    REQUIRE(history.undo());
    CHECK(history.document() == before);
    REQUIRE(history.redo());
    CHECK(history.document().entities[1].name == "Alice B");
}

TEST_CASE("different keys, commands without keys, break and undo all end a burst", "[history]") {
    History history(small_document(), counting_clock());
    REQUIRE(history.apply(rename_entity("p2", "B")));
    REQUIRE(history.apply(rename_entity("p1", "A")));  // other entity: other key
    CHECK(history.undo_depth() == 2);

    REQUIRE(history.apply(rename_entity("p1", "AB")));
    CHECK(history.undo_depth() == 2);
    history.break_coalescing();  // text field deactivated
    REQUIRE(history.apply(rename_entity("p1", "ABC")));
    CHECK(history.undo_depth() == 3);

    REQUIRE(history.apply(set_entity_anonymous("p1", true)));  // no key
    REQUIRE(history.apply(rename_entity("p1", "ABCD")));
    CHECK(history.undo_depth() == 5);

    REQUIRE(history.undo());
    REQUIRE(history.apply(rename_entity("p1", "ABCE")));  // after undo: a new step, not merged into "ABC"
    CHECK(history.undo_depth() == 5);
    REQUIRE(history.undo());
    CHECK(history.document().entities[0].name == "ABC");
}

TEST_CASE("a coalesced burst that creates then edits keeps one exact step", "[history]") {
    const Document before = small_document();
    History history(before, counting_clock());
    REQUIRE(history.apply(set_reflection("roles-grow", "H")));
    REQUIRE(history.apply(set_reflection("roles-grow", "He")));
    REQUIRE(history.apply(set_reflection("roles-grow", "")));
    CHECK(history.undo_depth() == 1);
    CHECK(history.document().reflections.count("roles-grow") == 0);
    REQUIRE(history.undo());
    CHECK(history.document() == before);
}

TEST_CASE("reset replaces the document and clears history", "[history]") {
    History history(small_document(), counting_clock());
    REQUIRE(history.apply(set_title("Edited")));
    REQUIRE(history.undo());
    REQUIRE(history.apply(set_title("Edited again")));
    const auto revision = history.revision();
    Document loaded;
    loaded.meta.title = "Loaded";
    history.reset(loaded);
    CHECK(history.document() == loaded);
    CHECK_FALSE(history.can_undo());
    CHECK_FALSE(history.can_redo());
    CHECK(history.revision() > revision);
    // A burst that was open before the reset does not continue into the loaded document.
    REQUIRE(history.apply(set_title("L")));
    REQUIRE(history.undo());
    CHECK(history.document() == loaded);
}

TEST_CASE("change steps run in order and revert in reverse", "[history]") {
    Document d;
    d.entities = {{.id = "a", .kind = EntityKind::Person, .name = "", .anonymous = false, .notes = "", .source = ""},
                  {.id = "b", .kind = EntityKind::Person, .name = "", .anonymous = false, .notes = "", .source = ""},
                  {.id = "c", .kind = EntityKind::Person, .name = "", .anonymous = false, .notes = "", .source = ""}};
    const Document before = d;
    Entity x = d.entities[0];
    x.id = "x";
    Entity b2 = d.entities[1];
    b2.name = "renamed";
    Change change;
    change.entities = {{2, d.entities[2], std::nullopt},  // remove c
                       {0, d.entities[0], std::nullopt},  // remove a -> [b]
                       {0, std::nullopt, x},              // insert x -> [x, b]
                       {1, d.entities[1], b2}};           // replace b
    CHECK_FALSE(change.empty());
    apply_change(d, change);
    REQUIRE(d.entities.size() == 2);
    CHECK(d.entities[0].id == "x");
    CHECK(d.entities[1].name == "renamed");
    revert_change(d, change);
    CHECK(d == before);

    Change noop;
    noop.entities = {{1, before.entities[1], before.entities[1]}};
    noop.centre = ValueStep<Centre>{before.centre, before.centre};
    CHECK(noop.empty());
}

TEST_CASE("random edit sequences keep the invariants, undo to the start and redo to the end", "[history]") {
    const Document start = small_document();
    std::mt19937 rng(1234);
    for (int round = 0; round < 20; ++round) {
        History history(start, counting_clock());
        for (int step = 0; step < 60; ++step) {
            const Document& d = history.document();
            const auto pick = [&](const auto& records) -> std::string {
                if (records.empty()) return "missing";
                return records[std::uniform_int_distribution<std::size_t>(0, records.size() - 1)(rng)].id;
            };
            const std::string role =
                d.framework.roles[std::uniform_int_distribution<std::size_t>(0, d.framework.roles.size() - 1)(rng)].id;
            const std::string text = "t" + std::to_string(step % 7);
            switch (std::uniform_int_distribution<int>(0, 9)(rng)) {
                case 0: (void)history.apply(add_entity(EntityKind::Organization, text)); break;
                case 1: (void)history.apply(remove_entity(pick(d.entities))); break;
                case 2: (void)history.apply(rename_entity(pick(d.entities), text)); break;
                case 3: {
                    PlacementSpec spec;
                    spec.entity = pick(d.entities);
                    spec.role = role;
                    spec.context = text;
                    (void)history.apply(place_entity(spec));
                    break;
                }
                case 4: (void)history.apply(remove_placement(pick(d.placements))); break;
                case 5: (void)history.apply(move_placement_to_role(pick(d.placements), role, Vec2{1, 2})); break;
                case 6: (void)history.apply(add_relationship(pick(d.entities), pick(d.entities), text, "")); break;
                case 7: (void)history.apply(remove_relationship(pick(d.relationships))); break;
                case 8: (void)history.apply(set_reflection("roles-grow", text)); break;
                default: history.break_coalescing(); break;
            }
        }
        const Document end = history.document();
        CHECK(check_invariants(end).empty());
        while (history.undo()) {
        }
        CHECK(history.document() == start);
        while (history.redo()) {
        }
        CHECK(history.document() == end);
    }
}
