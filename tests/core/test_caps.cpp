// Caps: the exported size is computed exactly, History keeps every cap (merge
// included), a map at the caps saves and reopens, undo memory is capped, and the
// warning cap holds on every import path.
#include <algorithm>
#include <catch2/catch.hpp>

#include "core/base64.hpp"
#include "core/commands.hpp"
#include "core/document_size.hpp"
#include "core/framework.hpp"
#include "core/io_json.hpp"
#include "core/merge.hpp"
#include "core/png_embed.hpp"
#include "core/sample.hpp"
#include "edit_test_support.hpp"
#include "fixtures.hpp"

#include <nlohmann/json.hpp>

using namespace ecomap;

namespace {

// A map holding every record cap (20,000 entities, 60,000 placements, 60,000
// relationships) whose notes fill its file up to exactly kMaxDocumentBytes.
Document document_at_caps() {
    Document d = new_document(default_framework(), test::kCreated);
    const auto& roles = d.framework.roles;
    d.entities.reserve(kDefaultMaxEntities);
    for (std::size_t i = 0; i < kDefaultMaxEntities; ++i)
        d.entities.push_back({.id = "p" + std::to_string(i), .kind = EntityKind::Person, .name = "N" + std::to_string(i),
                              .anonymous = false, .notes = "", .source = ""});
    for (std::size_t i = 0; i < kDefaultMaxPlacements; ++i)
        d.placements.push_back({.id = "a" + std::to_string(i), .entity = d.entities[i % kDefaultMaxEntities].id,
                                .role = roles[i / kDefaultMaxEntities].id, .strength = Strength::Primary,
                                .energy = Energy::Unspecified, .context = "", .position = std::nullopt});
    for (std::size_t i = 0; i < kDefaultMaxRelationships; ++i)
        d.relationships.push_back({.id = "r" + std::to_string(i), .from = d.entities[i % kDefaultMaxEntities].id,
                                   .to = d.entities[(i % kDefaultMaxEntities + 1 + i / kDefaultMaxEntities) % kDefaultMaxEntities].id,
                                   .kind = "works-with", .label = ""});
    std::size_t room = kMaxDocumentBytes - exported_size(d);
    for (Entity& e : d.entities) {
        if (room == 0) break;
        const std::size_t n = std::min(room, kMaxTextLength);
        e.notes.assign(n, 'x');
        room -= n;
    }
    REQUIRE(room == 0);
    return d;
}

}  // namespace

// [SECTION] Exported size ----------------------------------------------------------------

TEST_CASE("exported_size is the size of export_json, byte for byte", "[caps][size]") {
    CHECK(exported_size(new_document(default_framework(), test::kCreated)) ==
          export_json(new_document(default_framework(), test::kCreated)).size());
    CHECK(exported_size(test::small_document()) == export_json(test::small_document()).size());
    for (const int count : {1, 7, 60, 300})
        for (const std::uint64_t seed : {1u, 2u, 3u}) {
            const Document d = generate_document(seed, count);
            CHECK(exported_size(d) == export_json(d).size());
        }
    for (const char* fixture : {"v2/workshop.json", "v2/minimal.json", "v1/workshop.json", "v0/workshop.json"}) {
        const ImportResult imported = import_document(testing::read_fixture(fixture));
        REQUIRE(imported.ok());
        CHECK(exported_size(*imported.document) == export_json(*imported.document).size());
    }
    Document odd = test::small_document();
    odd.entities[0].name = std::string("quote \" back \\ tab \t nl \n bell \x07 del \x7f é 日本 ✓");
    odd.entities[1].notes = std::string("\x01\x1f\b\f\r", 5);
    odd.placements[0].position = Vec2{-0.0, 1e-7};
    odd.placements[1].position = Vec2{123456.789, -1000000.0};
    odd.placements[2].position = Vec2{0.1 + 0.2, 1.0 / 3.0};
    odd.reflections = {{"roles-most-often", "line \"one\"\nline two"}};
    odd.votes = {{"weavers", 3}, {"builders", 100000}};
    odd.centre.values = {};
    odd.relationships.clear();
    CHECK(exported_size(odd) == export_json(odd).size());
}

TEST_CASE("History keeps the file size exact through commands, undo, redo and merge", "[caps][size][history]") {
    History history(test::small_document(), test::counting_clock());
    const auto exact = [&] { return history.file_size() == export_json(history.document()).size(); };
    CHECK(exact());
    REQUIRE(history.apply(add_entity(EntityKind::Network, "Mutual \"Aid\"\n")));
    CHECK(exact());
    REQUIRE(history.apply(set_entity_notes("p1", std::string(500, 'n'))));
    REQUIRE(history.apply(set_entity_notes("p1", std::string(700, 'n'))));  // coalesced
    CHECK(exact());
    REQUIRE(history.apply(move_placement("pl1", Vec2{12.5, -3.25})));
    REQUIRE(history.apply(set_reflection("roles-most-often", "weavers")));
    REQUIRE(history.apply(add_vote("weavers", 2)));
    REQUIRE(history.apply(set_centre_values({"care", "joy"})));
    CHECK(exact());
    REQUIRE(history.apply(remove_entity("p1")));
    CHECK(exact());
    REQUIRE(history.apply(remove_relationship("r3")));  // r1 and r2 went with p1
    CHECK(exact());  // the list became empty: "[]"
    REQUIRE(history.apply(replace_document(new_document(default_framework(), test::kCreated), "New map")));
    CHECK(exact());
    REQUIRE(history.apply(merge_command({{"a.json", generate_document(5, 40)}, {"b.json", test::small_document()}})));
    CHECK(exact());
    while (history.undo()) CHECK(exact());
    CHECK(history.document().entities == test::small_document().entities);
    while (history.redo()) CHECK(exact());
}

// [SECTION] Caps in every command -----------------------------------------------------------

TEST_CASE("a map at the caps saves and reopens, and History refuses to grow it", "[caps][slow]") {
    const Document at_caps = document_at_caps();
    CHECK(check_caps(at_caps).empty());
    const std::string file = export_json(at_caps);
    CHECK(file.size() == kMaxDocumentBytes);  // the largest file the caps allow is the import limit

    const ImportResult reopened = import_document(file);  // default options: what the app's autosave restore uses
    REQUIRE(reopened.ok());
    CHECK(reopened.warnings.empty());
    CHECK(*reopened.document == at_caps);

    History history(*reopened.document, {});
    const std::uint64_t revision = history.revision();
    const ApplyResult more_entities = history.apply(add_entity(EntityKind::Person, "One more"));
    CHECK_FALSE(more_entities.ok);
    CHECK(more_entities.error == "a map holds at most 20,000 entities");

    const ApplyResult longer = history.apply(set_entity_notes("p0", std::string(kMaxTextLength - 1, 'x') + "y"));
    CHECK(longer.ok);  // same size: allowed
    const ApplyResult bigger = history.apply(set_title("A longer title"));
    CHECK_FALSE(bigger.ok);
    CHECK(bigger.error.find("a map file holds at most 20.0 MiB") != std::string::npos);
    const ApplyResult smaller = history.apply(set_entity_notes("p1", ""));
    CHECK(smaller.ok);  // shrinking is always allowed
    CHECK(history.file_size() == export_json(history.document()).size());
    CHECK(history.revision() == revision + 2);

    // A file one byte over the caps is refused at the door with the cap named, not half-read.
    Document over = at_caps;
    over.meta.title += "!";
    const ImportResult refused = import_document(export_json(over), ImportOptions{.max_bytes = kMaxDocumentBytes + 10, .now_iso = {}});
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error->code == ImportErrorCode::TooLarge);
    CHECK(refused.error->message.find("a map file holds at most") != std::string::npos);
}

TEST_CASE("History refuses any command past the record caps, replace included", "[caps][history]") {
    Document full = test::small_document();
    for (std::size_t i = full.entities.size(); i < kDefaultMaxEntities; ++i)
        full.entities.push_back({.id = "e" + std::to_string(i), .kind = EntityKind::Person, .name = "",
                                 .anonymous = false, .notes = "", .source = ""});
    Document too_many = full;
    too_many.entities.push_back({.id = "extra", .kind = EntityKind::Person, .name = "", .anonymous = false, .notes = "",
                                 .source = ""});
    History history(test::small_document(), {});
    const ApplyResult refused = history.apply(replace_document(too_many, "Open"));
    CHECK_FALSE(refused.ok);
    CHECK(refused.error == "the map would hold 20,001 entities; a map holds at most 20,000 entities");
    CHECK(history.document() == test::small_document());
    CHECK_FALSE(history.can_undo());
    CHECK(history.apply(replace_document(full, "Open")).ok);
    CHECK_FALSE(history.apply(add_entity(EntityKind::Organization, "x")).ok);
}

TEST_CASE("a merge over the caps is refused with the cap named and the map untouched", "[caps][merge]") {
    const auto people = [](std::size_t count, const std::string& prefix) {
        Document d = new_document(default_framework(), test::kCreated);
        for (std::size_t i = 0; i < count; ++i)
            d.entities.push_back({.id = prefix + std::to_string(i), .kind = EntityKind::Person, .name = "P",
                                  .anonymous = false, .notes = "", .source = ""});
        return d;
    };
    History history(people(15'000, "p"), {});
    REQUIRE(history.apply(set_title("Group")));
    const Document before = history.document();
    const ApplyResult merged = history.apply(merge_command({{"a.json", people(3'000, "a")}, {"b.json", people(3'000, "b")}}));
    CHECK_FALSE(merged.ok);
    CHECK(merged.error == "the maps were not merged: the map would hold 21,000 entities; a map holds at most 20,000 "
                          "entities; merge fewer maps");
    CHECK(history.document() == before);
    CHECK(history.undo_depth() == 1);
    CHECK(history.undo_label() == "Edit title");

    // Within the caps the same merge runs once and reports through the apply result.
    const ApplyResult ok = history.apply(merge_command({{"a.json", people(3'000, "a")}}));
    REQUIRE(ok.ok);
    const MergeReport* report = ok.result_as<MergeReport>();
    REQUIRE(report != nullptr);
    CHECK(report->participants == 1);
    CHECK(report->entities_added == 3'000);
    CHECK(history.document().entities.size() == 18'000);
}

// [SECTION] Undo memory --------------------------------------------------------------------

TEST_CASE("a merge step holds only the records it adds or changes", "[caps][merge][memory]") {
    const Document base = generate_document(11, 400);
    Document participant = test::small_document();
    participant.entities[2].name = base.entities.front().kind == EntityKind::Organization ? base.entities.front().name
                                                                                          : "Food Bank";
    const CommandOutcome outcome = merge_outcome(base, {{"p.json", participant}});
    REQUIRE(outcome.ok());
    const auto* report = std::any_cast<MergeReport>(&outcome.result);
    REQUIRE(report != nullptr);
    std::size_t removals = 0, replacements = 0, inserts = 0;
    for (const auto& step : outcome.change.entities) {
        if (step.before && step.after) ++replacements;
        else if (step.before) ++removals;
        else ++inserts;
    }
    CHECK(removals == 0);
    CHECK(inserts == static_cast<std::size_t>(report->entities_added));
    CHECK(replacements <= static_cast<std::size_t>(report->entities_merged));
    CHECK(outcome.change.placements.size() == static_cast<std::size_t>(report->placements_added));
    CHECK(outcome.change.relationships.size() == static_cast<std::size_t>(report->relationships_added));
    CHECK(change_memory(outcome.change) < exported_size(base) / 4);

    Document applied = base;
    apply_change(applied, outcome.change);
    CHECK(applied == merge_documents(base, {{"p.json", participant}}).document);
    revert_change(applied, outcome.change);
    CHECK(applied == base);
}

TEST_CASE("undo memory is capped by dropping the oldest steps", "[caps][history][memory]") {
    History history(test::small_document(), test::counting_clock());
    history.set_undo_memory_limit(40'000);
    std::vector<Document> states{history.document()};
    for (int i = 0; i < 40; ++i) {
        REQUIRE(history.apply(add_entity(EntityKind::Person, "Person " + std::to_string(i))));
        const std::string id = history.document().entities.back().id;
        REQUIRE(history.apply(set_entity_notes(id, std::string(2'000, static_cast<char>('a' + i % 26)))));
        history.break_coalescing();
        states.push_back(history.document());
        CHECK(history.undo_memory() <= 40'000);
    }
    CHECK(history.undo_depth() < 80);
    CHECK(history.undo_depth() > 4);
    // The steps still held undo exactly, back to the oldest one kept.
    const std::size_t depth = history.undo_depth();
    for (std::size_t i = 0; i < depth; ++i) REQUIRE(history.undo());
    CHECK_FALSE(history.undo());
    const std::size_t kept_pairs = depth / 2;
    const std::vector<Entity>& expected = states[states.size() - 1 - kept_pairs - depth % 2].entities;
    const std::vector<Entity>& entities = history.document().entities;
    if (depth % 2 == 0) {
        CHECK(entities == expected);
    } else {  // the oldest step kept is a pair's notes: its person is there, still without notes
        REQUIRE(entities.size() == expected.size() + 1);
        CHECK(std::equal(expected.begin(), expected.end(), entities.begin()));
        CHECK(entities.back().notes.empty());
    }
    CHECK(history.file_size() == export_json(history.document()).size());

    // One step larger than the limit is still kept, so the last action can be undone.
    History small(test::small_document(), {});
    small.set_undo_memory_limit(1'000);
    REQUIRE(small.apply(set_entity_notes("p1", std::string(5'000, 'z'))));
    CHECK(small.undo_depth() == 1);
    CHECK(small.undo());
    CHECK(small.document() == test::small_document());
}

// [SECTION] Warning caps -------------------------------------------------------------------

namespace {

// A version 0 map whose `count` placements each have only an "x": one migration warning each.
std::string v0_with_half_positions(int count) {
    nlohmann::json root = nlohmann::json::parse(testing::read_fixture("v0/workshop.json"));
    nlohmann::json placements = nlohmann::json::array();
    const nlohmann::json first = root["placements"][0];
    for (int i = 0; i < count; ++i) {
        nlohmann::json p = first;
        p["id"] = "pl" + std::to_string(i);
        p["context"] = "c" + std::to_string(i);
        p.erase("y");
        placements.push_back(p);
    }
    root["placements"] = placements;
    return root.dump();
}

void check_capped(const std::vector<ImportWarning>& warnings) {
    CHECK(warnings.size() == kMaxWarnings + 1);
    CHECK(warnings.back().message.find("more problems") != std::string::npos);
}

}  // namespace

TEST_CASE("version 0 migration keeps the warning cap", "[caps][warnings][migrate]") {
    const ImportResult imported = import_document(v0_with_half_positions(300));
    REQUIRE(imported.ok());
    check_capped(imported.warnings);
    CHECK(imported.warnings.back().message == "... and 200 more problems of the same kinds");
}

TEST_CASE("restore, CSV, PNG and SVG keep the warning cap", "[caps][warnings]") {
    nlohmann::json map = nlohmann::json::parse(export_json(test::small_document()));
    for (int i = 0; i < 300; ++i) map["entities"].push_back({{"id", "x" + std::to_string(i)}, {"kind", "dragon"}});
    const std::string restored_json = map.dump();
    check_capped(import_document(restored_json).warnings);

    std::string csv = "name,kind\n";
    for (int i = 0; i < 300; ++i) csv += "Name " + std::to_string(i) + ",dragon\n";
    const ImportResult from_csv = import_document(csv);
    REQUIRE(from_csv.ok());
    check_capped(from_csv.warnings);

    const std::string png = embed_document_in_png(testing::read_fixture("images/blank.png"), v0_with_half_positions(300));
    REQUIRE_FALSE(png.empty());
    const ImportResult from_png = import_document(png);
    REQUIRE(from_png.ok());
    check_capped(from_png.warnings);

    const std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><metadata><ecomap:document xmlns:ecomap=\"x\">" +
                            base64_encode(v0_with_half_positions(300)) + "</ecomap:document></metadata></svg>";
    const ImportResult from_svg = import_document(svg);
    REQUIRE(from_svg.ok());
    check_capped(from_svg.warnings);
}

TEST_CASE("merge keeps the warning cap", "[caps][warnings][merge]") {
    std::vector<NamedDocument> participants;
    for (int i = 0; i < 150; ++i) {
        Document d = test::small_document();
        d.framework.id = "other-framework";
        d.meta.title = "Map " + std::to_string(i);
        participants.push_back({"", std::move(d)});
    }
    const MergeResult merged = merge_documents(test::small_document(), participants);
    CHECK(merged.report.warnings.size() == kMaxWarnings + 1);
    CHECK(merged.report.warnings.back() == "... and 50 more warnings of the same kinds");
}
