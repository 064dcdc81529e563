// The tested invariants: import(export(d)) == d for valid documents, byte-stable
// exports, and a sample generator that only makes valid documents.
#include "core/framework.hpp"
#include "core/invariants.hpp"
#include "core/io_json.hpp"
#include "core/sample.hpp"

#include "fixtures.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <set>

using namespace ecomap;

namespace {

// import(export(document)) equals document, without warnings, and re-exports byte for byte.
void check_round_trip(const Document& document) {
    REQUIRE(check_invariants(document).empty());
    const std::string first = export_json(document);
    const ImportResult result = import_document(first);
    INFO((result.error ? result.error->message : std::string("ok")));
    REQUIRE(result.ok());
    CHECK(result.warnings.empty());
    CHECK(*result.document == document);
    CHECK(export_json(*result.document) == first);
}

}  // namespace

TEST_CASE("generated maps survive export and import unchanged", "[roundtrip]") {
    for (std::uint64_t seed = 1; seed <= 200; ++seed) {
        const int entity_count = static_cast<int>(seed % 37) + (seed % 50 == 0 ? 400 : 0);
        INFO("seed " << seed << ", " << entity_count << " entities");
        check_round_trip(generate_document(seed, entity_count));
    }
}

TEST_CASE("edge values survive export and import unchanged", "[roundtrip]") {
    Document document = generate_document(7, 3);
    document.meta.title = std::string("nul ") + '\0' + " \"quotes\" \\ \t\x01 — 日本語 🌍";
    document.entities[0].name = std::string(kMaxNameLength, 'n');
    document.entities[1].notes.clear();
    for (std::size_t i = 0; i < kMaxTextLength; ++i) document.entities[1].notes += "é";
    document.entities[2].id = "id/with~slashes and spaces";
    for (Placement& placement : document.placements) {
        if (placement.entity == "e3") placement.entity = document.entities[2].id;
    }
    for (Relationship& relationship : document.relationships) {
        if (relationship.from == "e3") relationship.from = document.entities[2].id;
        if (relationship.to == "e3") relationship.to = document.entities[2].id;
    }
    const double tiny = std::numeric_limits<double>::denorm_min();
    const std::vector<Vec2> positions = {{0.1, -0.0}, {kMaxCoordinate, -kMaxCoordinate}, {tiny, 1.0 / 3.0},
                                         {123456.789012345678, -1e-300}};
    for (std::size_t i = 0; i < document.placements.size(); ++i)
        document.placements[i].position = positions[i % positions.size()];
    document.reflections["plan-next"] = "";
    check_round_trip(document);
}

TEST_CASE("maps on a custom framework survive export and import unchanged", "[roundtrip]") {
    Document document = generate_document(11, 5);
    document.framework.id = "team";
    document.framework.roles.resize(3);
    document.framework.roles[2] = {"hosts", "Hosts", "", "#ABCDEF"};
    document.framework.prompts.resize(1);
    document.framework.attribution = {};
    document.placements.clear();
    document.placements.push_back({"p1", "e1", "hosts", Strength::Secondary, Energy::Depletes, "", std::nullopt});
    document.reflections.clear();
    document.reflections[document.framework.prompts[0].id] = "Kept.";
    check_round_trip(document);
}

TEST_CASE("fixtures survive export and import unchanged", "[roundtrip][fixtures]") {
    for (const char* fixture : {"v2/workshop.json", "v2/minimal.json", "v2/votes-repairable.json", "v1/workshop.json",
                                "v1/minimal.json", "v1/repairable.json", "v0/workshop.json"}) {
        INFO(fixture);
        const ImportResult result = import_document(testing::read_fixture(fixture));
        REQUIRE(result.ok());
        check_round_trip(*result.document);
    }
}

TEST_CASE("a default-constructed document is not valid", "[roundtrip]") {
    const std::vector<std::string> problems = check_invariants(Document{});
    REQUIRE_FALSE(problems.empty());
    CHECK(problems.front() == "/framework/id: framework id is empty (at /id)");
}

TEST_CASE("check_invariants reports broken references and ids", "[roundtrip]") {
    Document document = generate_document(3, 4);
    document.entities[1].id = document.entities[0].id;
    document.placements[0].role = "astronauts";
    document.relationships[0].to = document.relationships[0].from;
    document.placements[1].position = Vec2{std::nan(""), 0};
    const std::vector<std::string> problems = check_invariants(document);
    const std::set<std::string> found(problems.begin(), problems.end());
    CHECK(found.count("/entities/1/id: id \"e1\" is used twice"));
    CHECK(found.count("/placements/0/role: no role \"astronauts\""));
    CHECK(found.count("/relationships/0: joins an entity to itself"));
    CHECK(found.count("/placements/1/position: not finite or out of range"));
}

TEST_CASE("the sample generator is deterministic and realistic", "[roundtrip][sample]") {
    CHECK(generate_document(42, 30) == generate_document(42, 30));
    CHECK_FALSE(generate_document(42, 30) == generate_document(43, 30));

    const Document document = generate_document(5, 300);
    CHECK(check_invariants(document).empty());
    REQUIRE(document.entities.size() == 300);
    CHECK(document.relationships.size() == 150);
    std::map<std::string, int> placements_per_entity;
    for (const Placement& placement : document.placements) ++placements_per_entity[placement.entity];
    CHECK(placements_per_entity.size() == 300);
    for (const auto& [entity, count] : placements_per_entity) CHECK((count >= 1 && count <= 3));
    std::set<EntityKind> kinds;
    bool non_ascii = false;
    for (const Entity& entity : document.entities) {
        kinds.insert(entity.kind);
        for (char c : entity.name) non_ascii = non_ascii || static_cast<unsigned char>(c) >= 0x80;
    }
    CHECK(kinds.size() == 3);
    CHECK(non_ascii);
    CHECK_FALSE(document.reflections.empty());
    CHECK(generate_document(1, 0).entities.empty());
}

// Hidden: writes exports for the JSON Schema check (tests/schema/validate.mjs).
// Run: ECOMAP_EXPORT_DIR=/tmp/ecomap-exports ecomap_core_tests "[export-samples]"
TEST_CASE("write sample exports for schema validation", "[.][export-samples]") {
    const char* directory = std::getenv("ECOMAP_EXPORT_DIR");
    REQUIRE(directory != nullptr);
    std::filesystem::create_directories(directory);
    const auto write = [&](const std::string& name, const Document& document) {
        std::ofstream file(std::filesystem::path(directory) / name, std::ios::binary);
        file << export_json(document);
        REQUIRE(file.good());
    };
    for (std::uint64_t seed = 1; seed <= 20; ++seed)
        write("sample-" + std::to_string(seed) + ".json", generate_document(seed, static_cast<int>(seed * 3)));
    write("new.json", new_document(default_framework(), "2026-11-26T10:00:00Z"));
    for (const std::string& language : template_languages())
        write("new-" + language + ".json", new_document(language, "2026-11-26T10:00:00Z"));
    for (const char* fixture : {"v2/workshop", "v2/votes-repairable", "v1/workshop", "v1/repairable", "v0/workshop"}) {
        const ImportResult result = import_document(testing::read_fixture(std::string(fixture) + ".json"));
        REQUIRE(result.ok());
        std::string name = fixture;
        name[2] = '-';
        write("fixture-" + name + ".json", *result.document);
    }
}
