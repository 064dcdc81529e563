// Merge: id collisions, same-entity merging, provenance, deduplication, framework
// mismatch, reflections, and merge as one undo step.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "core/commands.hpp"
#include "core/invariants.hpp"
#include "core/limits.hpp"
#include "core/merge.hpp"
#include "edit_test_support.hpp"

using namespace ecomap;
using ecomap::test::counting_clock;
using ecomap::test::small_document;

namespace {

Document empty_group() {
    Document d = new_document(default_framework(), ecomap::test::kCreated);
    d.meta.title = "Group map";
    d.centre.values = {"equity"};
    return d;
}

Entity entity(std::string id, EntityKind kind, std::string name) {
    Entity e;
    e.id = std::move(id);
    e.kind = kind;
    e.name = std::move(name);
    return e;
}

Placement placement(std::string id, std::string entity_id, std::string role, std::string context = {}) {
    Placement p;
    p.id = std::move(id);
    p.entity = std::move(entity_id);
    p.role = std::move(role);
    p.context = std::move(context);
    return p;
}

// A participant's map with one person, one organization and their placements.
NamedDocument participant(std::string title, std::string person_name, std::string org_name) {
    Document d = new_document(default_framework(), ecomap::test::kCreated);
    d.meta.title = std::move(title);
    d.entities = {entity("p1", EntityKind::Person, std::move(person_name)),
                  entity("o1", EntityKind::Organization, std::move(org_name))};
    d.placements = {placement("pl1", "p1", "weavers"), placement("pl2", "o1", "builders")};
    d.relationships = {{.id = "r1", .from = "p1", .to = "o1", .kind = "member-of", .label = ""}};
    return {"file.json", std::move(d)};
}

template <class Record>
bool ids_unique(const std::vector<Record>& records) {
    std::set<std::string> ids;
    for (const Record& r : records)
        if (!ids.insert(r.id).second) return false;
    return true;
}

// True when every placement and relationship points at an existing entity.
bool references_valid(const Document& d) {
    const auto exists = [&](const std::string& id) { return d.find_entity(id) != nullptr; };
    return std::all_of(d.placements.begin(), d.placements.end(), [&](const Placement& p) { return exists(p.entity); }) &&
           std::all_of(d.relationships.begin(), d.relationships.end(),
                       [&](const Relationship& r) { return exists(r.from) && exists(r.to); });
}

}  // namespace

TEST_CASE("colliding ids are renamed and references follow", "[merge]") {
    const MergeResult r =
        merge_documents(empty_group(), {participant("Ana's map", "Ana", "Food Bank"),
                                        participant("Ben's map", "Ben", "Tool Library")});
    const Document& d = r.document;
    CHECK(ids_unique(d.entities));
    CHECK(ids_unique(d.placements));
    CHECK(ids_unique(d.relationships));
    CHECK(references_valid(d));
    CHECK(check_invariants(d).empty());
    REQUIRE(d.entities.size() == 4);
    const Entity* ben = d.find_entity("p1-2");
    REQUIRE(ben != nullptr);
    CHECK(ben->name == "Ben");
    CHECK(ben->source == "Ben's map");
    CHECK(d.find_entity("p1")->source == "Ana's map");
    // Ben's placement and link now point at p1-2.
    const auto ben_weaves = std::find_if(d.placements.begin(), d.placements.end(),
                                         [](const Placement& p) { return p.entity == "p1-2"; });
    REQUIRE(ben_weaves != d.placements.end());
    CHECK(ben_weaves->role == "weavers");
    CHECK(d.find_relationship("r1-2")->from == "p1-2");
    CHECK(d.find_relationship("r1-2")->to == "o1-2");
    CHECK(r.report.entities_added == 4);
    CHECK(r.report.entities_merged == 0);
    CHECK(std::find(r.report.renamed.begin(), r.report.renamed.end(), "Ben's map: entity p1 -> p1-2") !=
          r.report.renamed.end());
}

TEST_CASE("same organization across participants becomes one entity with joined sources", "[merge]") {
    const MergeResult r = merge_documents(empty_group(), {participant("Ana's map", "Ana", "Food Bank"),
                                                          participant("Ben's map", "Ben", "  food bank ")});
    const Document& d = r.document;
    REQUIRE(d.entities.size() == 3);  // Ana, Ben, one Food Bank
    const Entity* bank = d.find_entity("o1");
    REQUIRE(bank != nullptr);
    CHECK(bank->name == "Food Bank");
    CHECK(bank->source == "Ana's map, Ben's map");
    CHECK(r.report.entities_merged == 1);
    // Both put the Food Bank on builders with no context: one placement.
    CHECK(std::count_if(d.placements.begin(), d.placements.end(),
                        [](const Placement& p) { return p.entity == "o1" && p.role == "builders"; }) == 1);
    CHECK(r.report.placements_deduplicated == 1);
    // Both links end at the one Food Bank.
    CHECK(d.find_relationship("r1-2")->to == "o1");
}

TEST_CASE("people merge only with the same id and name", "[merge]") {
    // Same id, same name (different case): one person.
    const MergeResult same = merge_documents(empty_group(), {participant("A", "Ana Diaz", "X"),
                                                             participant("B", "ana diaz", "Y")});
    CHECK(std::count_if(same.document.entities.begin(), same.document.entities.end(),
                        [](const Entity& e) { return e.kind == EntityKind::Person; }) == 1);
    CHECK(same.document.find_entity("p1")->source == "A, B");

    // Same name, different id: two people.
    NamedDocument other = participant("C", "Ana Diaz", "Z");
    other.document.entities[0].id = "p7";
    other.document.placements[0].entity = "p7";
    other.document.relationships[0].from = "p7";
    const MergeResult by_name = merge_documents(empty_group(), {participant("A", "Ana Diaz", "X"), other});
    CHECK(std::count_if(by_name.document.entities.begin(), by_name.document.entities.end(),
                        [](const Entity& e) { return e.kind == EntityKind::Person; }) == 2);

    // Same id, both unnamed (anonymous): two people.
    const MergeResult anonymous = merge_documents(empty_group(), {participant("A", "", "X"), participant("B", "", "Y")});
    CHECK(anonymous.document.entities.size() == 4);
}

TEST_CASE("placements on the same role in other contexts are kept", "[merge]") {
    NamedDocument a = participant("A", "Ana", "Food Bank");
    NamedDocument b = participant("B", "Ana", "Food Bank");
    b.document.placements[1].context = "in the community";
    const MergeResult r = merge_documents(empty_group(), {a, b});
    CHECK(r.document.placements.size() == 3);  // Ana weaves once; the bank builds in two contexts
    CHECK(r.report.placements_added == 3);
    CHECK(r.report.relationships_deduplicated == 1);  // Ana member-of Food Bank, twice
    CHECK(r.document.relationships.size() == 1);
}

TEST_CASE("a participant with another framework gets a warning and loses unknown roles", "[merge]") {
    NamedDocument other = participant("Other", "Oli", "Co-op");
    other.document.framework.id = "my-own-framework";
    other.document.framework.roles.push_back({.id = "gardeners", .name = "Gardeners", .description = "", .color = "#00ff00"});
    other.document.placements.push_back(placement("pl3", "p1", "gardeners"));
    const MergeResult r = merge_documents(empty_group(), {other});
    CHECK(r.document.framework == empty_group().framework);
    CHECK(r.report.placements_dropped == 1);
    CHECK(r.report.placements_added == 2);
    REQUIRE(r.report.warnings.size() == 2);
    CHECK(r.report.warnings[0].find("my-own-framework") != std::string::npos);
    CHECK(std::none_of(r.document.placements.begin(), r.document.placements.end(),
                       [](const Placement& p) { return p.role == "gardeners"; }));
}

TEST_CASE("centre values, cause and reflections are combined", "[merge]") {
    NamedDocument a = participant("Ana's map", "Ana", "X");
    a.document.centre = {{"Equity", "care"}, "housing"};
    a.document.reflections["roles-grow"] = "Healer";
    NamedDocument b = participant("Ana's map", "Ben", "Y");  // same title: label becomes "Ana's map (2)"
    b.document.centre = {{"care", "joy"}, "food"};
    b.document.reflections["roles-grow"] = "Guide";
    const MergeResult r = merge_documents(empty_group(), {a, b});
    CHECK(r.document.centre.values == std::vector<std::string>{"equity", "care", "joy"});
    CHECK(r.document.centre.cause == "housing");
    CHECK(r.document.reflections.at("roles-grow") == "Ana's map: Healer\n\nAna's map (2): Guide");
    CHECK(r.document.find_entity("p1-2")->source == "Ana's map (2)");
}

TEST_CASE("the file name is the provenance when a map has no title", "[merge]") {
    NamedDocument a = participant("", "Ana", "X");
    a.name = "ana.ecomap.json";
    const MergeResult r = merge_documents(empty_group(), {a});
    CHECK(r.document.find_entity("p1")->source == "ana.ecomap.json");
    CHECK(r.document.meta == empty_group().meta);
}

TEST_CASE("merging into a populated base keeps the base records first and unchanged", "[merge]") {
    const Document base = small_document();
    const MergeResult r = merge_documents(base, {participant("Ana's map", "Alice", "food bank")});
    const Document& d = r.document;
    // p1 "Alice" has the same id and name as the base's p1: merged. The bank merges by name.
    CHECK(d.entities.size() == base.entities.size());
    CHECK(d.find_entity("p1")->source == "Ana's map");
    CHECK(std::equal(base.placements.begin(), base.placements.end(), d.placements.begin()));
    CHECK(references_valid(d));
    CHECK(ids_unique(d.placements));
}

TEST_CASE("merge is one undo step", "[merge]") {
    const Document base = empty_group();
    History history(base, counting_clock());
    const std::vector<NamedDocument> maps{participant("A", "Ana", "X"), participant("B", "Ben", "Y")};
    const ApplyResult result = history.apply(merge_command(maps));
    REQUIRE(result);
    CHECK(history.undo_label() == "Merge 2 maps");
    CHECK(history.undo_depth() == 1);
    Document expected = merge_documents(base, maps).document;
    expected.meta.modified = history.document().meta.modified;
    CHECK(history.document() == expected);
    REQUIRE(history.undo());
    CHECK(history.document() == base);
    REQUIRE(history.redo());
    CHECK(history.document() == expected);
}

TEST_CASE("joined texts stay within the limits, with a warning", "[merge]") {
    std::vector<NamedDocument> maps;
    for (int i = 0; i < 30; ++i) {
        NamedDocument m = participant("Map " + std::to_string(i), "P", "Shared Org");
        m.document.reflections["roles-grow"] = std::string(500, 'a');
        m.document.entities[1].notes = "note " + std::to_string(i) + std::string(500, 'n');
        maps.push_back(std::move(m));
    }
    // A colliding id at the length limit still yields a valid, unique id.
    maps[1].document.entities[0].id = std::string(kMaxIdLength, 'q');
    maps[1].document.placements[0].entity = maps[1].document.entities[0].id;
    maps[1].document.relationships[0].from = maps[1].document.entities[0].id;
    maps[2].document.entities[0] = maps[1].document.entities[0];
    maps[2].document.entities[0].name = "Someone else";
    maps[2].document.placements[0].entity = maps[1].document.entities[0].id;
    maps[2].document.relationships[0].from = maps[1].document.entities[0].id;

    const MergeResult r = merge_documents(empty_group(), maps);
    CHECK(check_invariants(r.document).empty());
    CHECK(r.document.reflections.at("roles-grow").size() == kMaxTextLength);
    CHECK(r.document.find_entity("o1")->notes.size() == kMaxTextLength);
    CHECK(ids_unique(r.document.entities));
    CHECK(std::any_of(r.report.warnings.begin(), r.report.warnings.end(),
                      [](const std::string& w) { return w.find("roles-grow") != std::string::npos; }));
}
