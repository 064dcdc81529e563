// import_document: every error code, every limit, every restore rule, migrations.
//
// Index
//   [SECTION] Errors, in pipeline order
//   [SECTION] Valid files
//   [SECTION] Restore rules
//   [SECTION] Migrations
#include "core/framework.hpp"
#include "core/invariants.hpp"
#include "core/io_json.hpp"
#include "core/migrate.hpp"
#include "core/sample.hpp"

#include "fixtures.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>

using namespace ecomap;
using nlohmann::json;

namespace {

// Default options with one member changed.
template <typename Member, typename Value>
ImportOptions options_with(Member ImportOptions::*member, Value value) {
    ImportOptions options;
    options.*member = value;
    return options;
}

json envelope() { return {{"format", "ecomap"}, {"formatVersion", kFormatVersion}}; }

ImportError import_error(std::string_view bytes, const ImportOptions& options = {}) {
    ImportResult result = import_document(bytes, options);
    REQUIRE_FALSE(result.ok());
    REQUIRE(result.error.has_value());
    return *result.error;
}

// Imports `file`, which must succeed.
ImportResult import_ok(const json& file) {
    ImportResult result = import_document(file.dump());
    INFO((result.error ? result.error->message : std::string("ok")));
    REQUIRE(result.ok());
    CHECK(check_invariants(*result.document).empty());
    return result;
}

bool has_warning(const ImportResult& result, const std::string& path, const std::string& says) {
    return std::any_of(result.warnings.begin(), result.warnings.end(), [&](const ImportWarning& warning) {
        return warning.path == path && warning.message.find(says) != std::string::npos;
    });
}

json entity(const std::string& id, const std::string& name = "Someone") {
    return {{"id", id}, {"kind", "person"}, {"name", name}};
}

json placement(const std::string& id, const std::string& entity_id, const std::string& role = "weavers") {
    return {{"id", id}, {"entity", entity_id}, {"role", role}};
}

json relationship(const std::string& id, const std::string& from, const std::string& to) {
    return {{"id", id}, {"from", from}, {"to", to}, {"kind", "works-with"}};
}

}  // namespace

// [SECTION] Errors, in pipeline order ---------------------------------------------------

TEST_CASE("empty input is refused", "[import][errors]") {
    CHECK(import_error("").code == ImportErrorCode::Empty);
    CHECK(import_error(" \n\t\r\n").code == ImportErrorCode::Empty);
    CHECK(import_error("\xEF\xBB\xBF").code == ImportErrorCode::Empty);
    const ImportError error = import_error(testing::read_fixture("bad/empty.json"));
    CHECK(error.code == ImportErrorCode::Empty);
    CHECK(error.message == "the file is empty");
}

TEST_CASE("input over the size limit is refused before parsing", "[import][errors][limits]") {
    ImportOptions options;
    options.max_bytes = 64;
    const ImportError error = import_error(std::string(65, '{'), options);  // not even parsed
    CHECK(error.code == ImportErrorCode::TooLarge);
    CHECK(error.message == "the file is 65 bytes; the limit is 64 bytes");

    const std::string big(kDefaultMaxBytes + 1, ' ');
    const ImportError default_limit = import_error(big);
    CHECK(default_limit.code == ImportErrorCode::TooLarge);
    CHECK(default_limit.message.find("the limit is 20.0 MiB") != std::string::npos);
    CHECK(import_error(std::string(kDefaultMaxBytes, ' ')).code == ImportErrorCode::Empty);
}

TEST_CASE("binary and non-UTF-8 files are refused as not text", "[import][errors]") {
    ImportError error = import_error(std::string("{\n\n\0\1\2}", 7));
    CHECK(error.code == ImportErrorCode::NotText);
    CHECK(error.message == "this is not a text file: it contains a NUL byte (line 3, column 1)");

    // A PNG is read as an image (see test_embedded.cpp); this one is cut short.
    error = import_error(testing::read_fixture("bad/binary.png"));
    CHECK(error.code == ImportErrorCode::NoEmbeddedMap);
    CHECK(error.message == "this PNG is damaged (chunk 1 is longer than the file), so no ecomap map can be read from it");

    error = import_error(testing::read_fixture("bad/latin1.json"));
    CHECK(error.code == ImportErrorCode::NotText);
    CHECK(error.message == "this is not a UTF-8 text file: invalid byte 0xe9 (line 1, column 64)");
    CHECK(error.line == 1);
    CHECK(error.column == 64);

    CHECK(import_error("{\"a\": \"\xED\xA0\x80\"}").code == ImportErrorCode::NotText);  // encoded surrogate
    CHECK(import_error("{\"a\": \"\xC0\xAF\"}").code == ImportErrorCode::NotText);      // overlong
    CHECK(import_error("{\"a\": \"\xE2\x82\"}").code == ImportErrorCode::NotText);      // cut sequence
}

TEST_CASE("JSON syntax errors say where", "[import][errors]") {
    ImportError error = import_error("{\n  \"format\": \"ecomap\",\n  \"formatVersion\": 1,,\n}");
    CHECK(error.code == ImportErrorCode::Syntax);
    CHECK(error.line == 3);
    CHECK(error.column == 22);
    CHECK(error.message == "the file is not valid JSON: unexpected ','; expected string literal (line 3, column 22)");

    error = import_error(testing::read_fixture("bad/truncated.json"));
    CHECK(error.code == ImportErrorCode::Syntax);
    CHECK(error.message.rfind("the file is not valid JSON: it ends too early (line ", 0) == 0);
    CHECK(error.line > 50);

    CHECK(import_error("{\"format\": \"ecomap\"} trailing").code == ImportErrorCode::Syntax);
    CHECK(import_error("{\"a\": NaN}").message == "the file is not valid JSON: invalid literal (line 1, column 7)");
    CHECK(import_error("{\"a\":\n 1e400}").message == "the file is not valid JSON: a number is too large (line 2, column 2)");
    CHECK(import_error("{\"a\": \"two\nlines\"}").message.find("control character U+000A (LF) must be escaped") !=
          std::string::npos);
    CHECK(import_error("{\"a\": \"\\ud800\"}").code == ImportErrorCode::Syntax);  // lone surrogate escape
}

TEST_CASE("nesting deeper than the limit is refused", "[import][errors][limits]") {
    const auto nested = [](int depth) {
        return "{\"format\": \"ecomap\", \"formatVersion\": 1, \"notes\": " + std::string(static_cast<std::size_t>(depth - 1), '[') +
               std::string(static_cast<std::size_t>(depth - 1), ']') + "}";
    };
    CHECK(import_document(nested(kDefaultMaxDepth)).ok());
    const ImportError error = import_error(nested(kDefaultMaxDepth + 1));
    CHECK(error.code == ImportErrorCode::TooDeep);
    CHECK(error.message == "the file nests lists and objects more than 64 levels deep (line 1, column 114)");

    CHECK(import_error(std::string(1'000'000, '[')).code == ImportErrorCode::TooDeep);
    CHECK(import_document("{\"format\": \"ecomap\", \"formatVersion\": 1, \"x\": \"[[[[[[[[[[[[\"}",
                          options_with(&ImportOptions::max_depth, 2))
              .ok());  // brackets inside strings do not count
}

TEST_CASE("the top level must be an object", "[import][errors]") {
    ImportError error = import_error(testing::read_fixture("bad/not-an-object.json"));
    CHECK(error.code == ImportErrorCode::NotAnObject);
    CHECK(error.message == "expected a JSON object at the top level, found a list");
    CHECK(import_error("42").message == "expected a JSON object at the top level, found a number");
    CHECK(import_error("\"map\"").code == ImportErrorCode::NotAnObject);
    CHECK(import_error("null").code == ImportErrorCode::NotAnObject);
}

TEST_CASE("files of other formats are refused by name", "[import][errors]") {
    ImportError error = import_error(testing::read_fixture("bad/excalidraw.json"));
    CHECK(error.code == ImportErrorCode::WrongFormat);
    CHECK(error.message == "this is an Excalidraw drawing, not an ecomap map");
    CHECK(import_error(R"({"tldrawFileFormatVersion": 1, "records": []})").message ==
          "this is a tldraw drawing, not an ecomap map");
    CHECK(import_error(R"({"format": "ecomop", "formatVersion": 1})").message ==
          "this is not an ecomap map (format is \"ecomop\")");
    CHECK(import_error(R"({"formatVersion": 1})").message == "this is not an ecomap map (it has no \"format\": \"ecomap\")");
    CHECK(import_error(R"({"format": 1, "formatVersion": 1})").code == ImportErrorCode::WrongFormat);
}

TEST_CASE("formatVersion must be present and a whole number", "[import][errors]") {
    ImportError error = import_error(testing::read_fixture("bad/no-version.json"));
    CHECK(error.code == ImportErrorCode::MissingVersion);
    CHECK(error.message == "the map has no formatVersion (at /formatVersion)");
    CHECK(error.path == "/formatVersion");

    for (const char* version : {"\"1\"", "1.5", "-1", "null", "true", "[1]"}) {
        INFO(version);
        error = import_error(std::string(R"({"format": "ecomap", "formatVersion": )") + version + "}");
        CHECK(error.code == ImportErrorCode::InvalidVersion);
        CHECK(error.message.rfind("formatVersion must be a whole number from 0 to 2, found ", 0) == 0);
    }
    CHECK(import_error(R"({"format": "ecomap", "formatVersion": "1"})").message ==
          "formatVersion must be a whole number from 0 to 2, found \"1\" (at /formatVersion)");
}

TEST_CASE("maps from a newer ecomap are refused with the version", "[import][errors]") {
    ImportError error = import_error(testing::read_fixture("bad/version-999.json"));
    CHECK(error.code == ImportErrorCode::NewerVersion);
    CHECK(error.message == "this map was saved by a newer version of ecomap (format 999); this version reads up to 2");
    CHECK(error.path == "/formatVersion");
    error = import_error(R"({"format": "ecomap", "formatVersion": 18446744073709551615})");
    CHECK(error.code == ImportErrorCode::NewerVersion);
    CHECK(error.message.find("(format 18446744073709551615)") != std::string::npos);
}

TEST_CASE("more records than the limits is refused", "[import][errors][limits]") {
    json file = envelope();
    for (int i = 0; i < 4; ++i) file["entities"].push_back(entity("e" + std::to_string(i)));
    file["placements"] = {placement("p1", "e1"), placement("p2", "e2")};
    file["relationships"] = {relationship("r1", "e1", "e2"), relationship("r2", "e2", "e3")};

    ImportError error = import_error(file.dump(), options_with(&ImportOptions::max_entities, 3));
    CHECK(error.code == ImportErrorCode::TooManyRecords);
    CHECK(error.message == "the map has 4 entities; the limit is 3");
    CHECK(error.path == "/entities");
    CHECK(import_document(file.dump(), options_with(&ImportOptions::max_entities, 4)).ok());

    error = import_error(file.dump(), options_with(&ImportOptions::max_placements, 1));
    CHECK(error.message == "the map has 2 placements; the limit is 1");
    error = import_error(file.dump(), options_with(&ImportOptions::max_relationships, 1));
    CHECK(error.message == "the map has 2 relationships; the limit is 1");
}

TEST_CASE("the default record limit is 20,000 entities", "[import][errors][limits]") {
    std::string file = R"({"format": "ecomap", "formatVersion": 1, "entities": [)";
    for (std::size_t i = 0; i <= kDefaultMaxEntities; ++i) file += i == 0 ? "{}" : ",{}";
    file += "]}";
    const ImportError error = import_error(file);
    CHECK(error.code == ImportErrorCode::TooManyRecords);
    CHECK(error.message == "the map has 20001 entities; the limit is 20000");
}

TEST_CASE("a map at the entity limit fits in the size limit and re-opens", "[import][limits]") {
    const Document document = generate_document(1, static_cast<int>(kDefaultMaxEntities));
    const std::string file = export_json(document);
    CHECK(file.size() < kDefaultMaxBytes * 3 / 4);
    const ImportResult result = import_document(file);
    REQUIRE(result.ok());
    CHECK(*result.document == document);
}

TEST_CASE("a map whose records are all unusable is refused", "[import][errors]") {
    json file = envelope();
    file["entities"] = {1, "two", nullptr};
    file["placements"] = {placement("p1", "ghost")};
    ImportError error = import_error(file.dump());
    CHECK(error.code == ImportErrorCode::NothingUsable);
    CHECK(error.message == "none of the 4 records in this map could be read");
}

TEST_CASE("an unusable template is refused with the field", "[import][errors]") {
    json file = json::parse(testing::read_source_file("maps/social-change-ecosystem.json"));
    file["roles"][0]["color"] = "#12345";
    const ImportError error = import_error(file.dump());
    CHECK(error.code == ImportErrorCode::InvalidFramework);
    CHECK(error.path == "/roles/0/color");
}

TEST_CASE("error codes have stable names", "[import][errors]") {
    CHECK(to_string(ImportErrorCode::NewerVersion) == "newer_version");
    CHECK(to_string(ImportErrorCode::NotText) == "not_text");
    CHECK(to_string(ImportErrorCode::TooManyRecords) == "too_many_records");
}

// [SECTION] Valid files ------------------------------------------------------------------

TEST_CASE("the v1 workshop fixture loads without warnings", "[import][fixtures]") {
    ImportResult result = import_document(testing::read_fixture("v1/workshop.json"));
    REQUIRE(result.ok());
    CHECK(result.warnings.empty());
    CHECK(result.source_version == 1);
    CHECK_FALSE(result.from_template);
    const Document& document = *result.document;
    CHECK(document.meta.title == "Eastside coalition retreat");
    CHECK(document.framework == default_framework());
    CHECK(document.centre.values.size() == 3);
    REQUIRE(document.entities.size() == 4);
    CHECK(document.entities[2].anonymous);
    CHECK(document.entities[3].name == "Réseau des Quartiers");
    CHECK(document.entities[3].kind == EntityKind::Network);
    REQUIRE(document.placements.size() == 5);
    CHECK(document.placements[0].position == Vec2{-120.5, 80.25});
    CHECK_FALSE(document.placements[1].position.has_value());
    CHECK(document.placements[1].strength == Strength::Aspiring);
    CHECK(document.placements[3].energy == Energy::Depletes);
    CHECK(document.relationships.size() == 2);
    CHECK(document.reflections.at("roles-grow") == "Guide, in a few years.");
}

TEST_CASE("missing fields take their defaults", "[import][restore]") {
    ImportResult result = import_document(testing::read_fixture("v1/minimal.json"));
    REQUIRE(result.ok());
    CHECK(result.warnings.empty());
    const Document& document = *result.document;
    CHECK(document.meta.title == "Untitled map");
    CHECK(document.meta.created.empty());
    CHECK(document.framework == default_framework());
    CHECK(document.centre.values == default_framework().default_values);

    json file = envelope();
    file["entities"] = {{{"id", "e1"}}};
    file["placements"] = {placement("p1", "e1")};
    result = import_ok(file);
    CHECK(result.warnings.empty());
    CHECK(result.document->entities[0] == Entity{"e1", EntityKind::Person, "", false, "", ""});
    CHECK(result.document->placements[0] ==
          Placement{"p1", "e1", "weavers", Strength::Primary, Energy::Unspecified, "", std::nullopt});
}

TEST_CASE("a UTF-8 byte order mark and unknown fields are accepted", "[import]") {
    ImportResult result = import_document("\xEF\xBB\xBF{\"format\": \"ecomap\", \"formatVersion\": 1, \"future\": [1, 2]}");
    REQUIRE(result.ok());
    CHECK(result.warnings.empty());
}

TEST_CASE("a template file opens as a new map made from it", "[import]") {
    ImportResult result = import_document(testing::read_source_file("maps/social-change-ecosystem.json"),
                                          options_with(&ImportOptions::now_iso, "2026-11-26T10:00:00Z"));
    REQUIRE(result.ok());
    CHECK(result.from_template);
    CHECK(*result.document == new_document(default_framework(), "2026-11-26T10:00:00Z"));
}

// [SECTION] Restore rules ------------------------------------------------------------------

TEST_CASE("over-long texts are cut at a character boundary with a warning", "[import][restore][limits]") {
    std::string long_name;
    for (int i = 0; i < 2500; ++i) long_name += "é";
    json file = envelope();
    file["meta"] = {{"title", long_name}};
    file["entities"] = {{{"id", "e1"}, {"name", long_name}, {"notes", std::string(12'000, 'n')}}};
    ImportResult result = import_ok(file);
    const Entity& restored = result.document->entities[0];
    CHECK(restored.name.size() == 2000 * 2);  // 2,000 two-byte characters
    CHECK(restored.notes.size() == 10'000);
    CHECK(result.document->meta.title == restored.name);
    CHECK(has_warning(result, "/entities/0/name", "longer than 2000 characters; cut to 2000"));
    CHECK(has_warning(result, "/entities/0/notes", "longer than 10000 characters; cut to 10000"));
    CHECK(has_warning(result, "/meta/title", "longer than 2000 characters"));
}

TEST_CASE("wrongly typed fields fall back to defaults with a warning", "[import][restore]") {
    json file = envelope();
    file["meta"] = {{"title", 7}};
    file["entities"] = {{{"id", "e1"}, {"name", {1, 2}}, {"anonymous", "yes"}, {"kind", 3}}};
    ImportResult result = import_ok(file);
    CHECK(result.document->meta.title == "Untitled map");
    CHECK(has_warning(result, "/meta/title", "expected text, found a number; using \"Untitled map\""));
    CHECK(has_warning(result, "/entities/0/name", "expected text, found a list; left empty"));
    CHECK(has_warning(result, "/entities/0/anonymous", "expected true or false, found text; using false"));
    CHECK(has_warning(result, "/entities/0/kind", "expected text, found a number; using \"person\""));

    file = envelope();
    file["meta"] = "Title";
    file["centre"] = {{"values", "equity"}};
    file["reflections"] = {1};
    file["entities"] = {{"not", "a list"}};
    result = import_ok(file);
    CHECK(has_warning(result, "/meta", "expected an object, found text; ignored"));
    CHECK(has_warning(result, "/centre/values", "expected a list, found text; left empty"));
    CHECK(has_warning(result, "/reflections", "expected an object, found a list; ignored"));
    CHECK(has_warning(result, "/entities", "expected a list, found an object; ignored"));
}

TEST_CASE("centre values: non-text dropped, count and length limited", "[import][restore][limits]") {
    json file = envelope();
    file["centre"] = {{"values", {"equity", 5, std::string(2001, 'v')}}, {"cause", "Clean air"}};
    ImportResult result = import_ok(file);
    CHECK(result.document->centre.values == std::vector<std::string>{"equity", std::string(2000, 'v')});
    CHECK(result.document->centre.cause == "Clean air");
    CHECK(has_warning(result, "/centre/values/1", "expected text, found a number; dropped"));

    file["centre"]["values"] = json::array();
    for (int i = 0; i < 150; ++i) file["centre"]["values"].push_back("v" + std::to_string(i));
    result = import_ok(file);
    CHECK(result.document->centre.values.size() == kMaxValues);
    CHECK(has_warning(result, "/centre/values/100", "more than 100 values; the rest were dropped"));
}

TEST_CASE("positions: absent stays absent, far ones are clamped, malformed ones dropped", "[import][restore][limits]") {
    json file = envelope();
    file["entities"] = {entity("e1")};
    for (int i = 0; i < 6; ++i) file["placements"].push_back(placement("p" + std::to_string(i), "e1"));
    file["placements"][0]["position"] = {{"x", 2e9}, {"y", -3e7}};
    file["placements"][1]["position"] = {{"x", 1}, {"y", "2"}};
    file["placements"][2]["position"] = {1, 2};
    file["placements"][3]["position"] = nullptr;
    file["placements"][4]["position"] = {{"x", -0.5}, {"y", 1e-300}};
    ImportResult result = import_ok(file);
    const auto& placements = result.document->placements;
    REQUIRE(placements.size() == 6);
    CHECK(placements[0].position == Vec2{kMaxCoordinate, -kMaxCoordinate});
    CHECK(has_warning(result, "/placements/0/position", "far outside the map; moved to the edge"));
    CHECK_FALSE(placements[1].position.has_value());
    CHECK(has_warning(result, "/placements/1/position", "expected a position"));
    CHECK_FALSE(placements[2].position.has_value());
    CHECK_FALSE(placements[3].position.has_value());
    CHECK(placements[4].position == Vec2{-0.5, 1e-300});
    CHECK_FALSE(placements[5].position.has_value());
    CHECK(result.warnings.size() == 3);
}

TEST_CASE("unknown enum values become defaults with a warning", "[import][restore]") {
    json file = envelope();
    file["entities"] = {{{"id", "e1"}, {"kind", "robot"}}, {{"id", "e2"}, {"kind", "organization"}}};
    file["placements"] = {{{"id", "p1"}, {"entity", "e1"}, {"role", "healers"}, {"strength", "huge"}, {"energy", "meh"}}};
    ImportResult result = import_ok(file);
    CHECK(result.document->entities[0].kind == EntityKind::Person);
    CHECK(result.document->entities[1].kind == EntityKind::Organization);
    CHECK(result.document->placements[0].strength == Strength::Primary);
    CHECK(result.document->placements[0].energy == Energy::Unspecified);
    CHECK(has_warning(result, "/entities/0/kind", "unknown kind \"robot\"; using \"person\""));
    CHECK(has_warning(result, "/placements/0/strength", "unknown strength \"huge\"; using \"primary\""));
    CHECK(has_warning(result, "/placements/0/energy", "unknown energy \"meh\"; using \"\""));
}

TEST_CASE("duplicate ids are renamed and references keep the first", "[import][restore]") {
    json file = envelope();
    file["entities"] = {entity("e1", "First"), entity("e1", "Second"), entity("e1-2", "Holds e1-2"), entity("e2")};
    file["placements"] = {placement("p1", "e1"), placement("p1", "e1-2")};
    file["relationships"] = {relationship("r1", "e1", "e2"), relationship("r1", "e1-2", "e2")};
    ImportResult result = import_ok(file);
    const Document& document = *result.document;
    CHECK(document.entities[0].id == "e1");
    CHECK(document.entities[1].id == "e1-3");  // e1-2 is taken by a later record
    CHECK(document.entities[2].id == "e1-2");
    CHECK(has_warning(result, "/entities/1/id", "the entity id \"e1\" is used twice; renamed this one to \"e1-3\""));
    CHECK(document.placements[0].entity == "e1");
    CHECK(document.find_entity(document.placements[0].entity)->name == "First");
    CHECK(document.find_entity(document.placements[1].entity)->name == "Holds e1-2");
    CHECK(document.placements[1].id == "p1-2");
    CHECK(document.relationships[1].id == "r1-2");
    CHECK(document.find_entity(document.relationships[0].from)->name == "First");
}

TEST_CASE("many duplicates of one id are renamed in linear time", "[import][restore][limits]") {
    json file = envelope();
    for (int i = 0; i < 20'000; ++i) file["entities"].push_back(entity("same"));
    ImportResult result = import_ok(file);
    CHECK(result.document->entities.back().id == "same-20000");
    CHECK(result.warnings.size() == kMaxWarnings + 1);
}

TEST_CASE("records without ids get generated ids that collide with nothing", "[import][restore]") {
    json file = envelope();
    file["entities"] = {{{"name", "No id"}}, entity("entity-1"), {{"id", ""}}, {{"id", std::string(201, 'x')}}};
    file["relationships"] = {relationship("r1", "entity-1", "entity-2")};  // entity-2 is only a generated id
    ImportResult result = import_ok(file);
    const Document& document = *result.document;
    CHECK(document.entities[0].id == "entity-2");
    CHECK(document.entities[1].id == "entity-1");
    CHECK(document.entities[2].id == "entity-3");
    CHECK(document.entities[3].id == "entity-4");
    CHECK(has_warning(result, "/entities/0/id", "the entity has no id; gave it \"entity-2\""));
    CHECK(has_warning(result, "/entities/2/id", "the entity id is not usable"));
    CHECK(document.relationships.empty());
    CHECK(has_warning(result, "/relationships/0/to", "points at entity \"entity-2\", which is not in the map; dropped"));
}

TEST_CASE("whole-number ids are read as text", "[import][restore]") {
    json file = envelope();
    file["entities"] = {{{"id", 1}}, {{"id", 2}}};
    file["relationships"] = {{{"id", 7}, {"from", 1}, {"to", "2"}}};
    ImportResult result = import_ok(file);
    CHECK(result.warnings.empty());
    CHECK(result.document->entities[0].id == "1");
    CHECK(result.document->relationships[0] == Relationship{"7", "1", "2", "", ""});
}

TEST_CASE("placements on missing entities or unknown roles are dropped", "[import][restore]") {
    json file = envelope();
    file["entities"] = {entity("e1")};
    file["placements"] = {placement("p1", "ghost"), placement("p2", "e1", "astronauts"), placement("p3", "e1"),
                          {{"id", "p4"}, {"role", "weavers"}}, {{"id", "p5"}, {"entity", "e1"}}, "p6"};
    ImportResult result = import_ok(file);
    REQUIRE(result.document->placements.size() == 1);
    CHECK(result.document->placements[0].id == "p3");
    CHECK(has_warning(result, "/placements/0/entity", "the placement points at entity \"ghost\", which is not in the map; dropped"));
    CHECK(has_warning(result, "/placements/1/role", "role \"astronauts\" is not a role of this map's framework; dropped"));
    CHECK(has_warning(result, "/placements/3/entity", "the placement has no usable \"entity\" entity; dropped"));
    CHECK(has_warning(result, "/placements/4/role", "the placement has no usable role; dropped"));
    CHECK(has_warning(result, "/placements/5", "expected a placement object, found text; dropped"));
}

TEST_CASE("relationships to missing entities or to themselves are dropped", "[import][restore]") {
    json file = envelope();
    file["entities"] = {entity("e1"), entity("e2")};
    file["relationships"] = {relationship("r1", "e1", "ghost"), relationship("r2", "e2", "e2"),
                             relationship("r3", "e1", "e2"), {{"id", "r4"}, {"to", "e2"}}};
    ImportResult result = import_ok(file);
    REQUIRE(result.document->relationships.size() == 1);
    CHECK(result.document->relationships[0].id == "r3");
    CHECK(has_warning(result, "/relationships/0/to", "points at entity \"ghost\""));
    CHECK(has_warning(result, "/relationships/1", "joins entity \"e2\" to itself; dropped"));
    CHECK(has_warning(result, "/relationships/3/from", "has no usable \"from\" entity; dropped"));
}

TEST_CASE("reflections on unknown prompts or not text are dropped", "[import][restore]") {
    json file = envelope();
    file["reflections"] = {{"plan-next", "Call Amara"}, {"no/such~prompt", "lost"}, {"roles-grow", 5}};
    ImportResult result = import_ok(file);
    CHECK(result.document->reflections == std::map<std::string, std::string>{{"plan-next", "Call Amara"}});
    CHECK(has_warning(result, "/reflections/no~1such~0prompt", "no prompt \"no/such~prompt\" in this map's framework; dropped"));
    CHECK(has_warning(result, "/reflections/roles-grow", "expected text, found a number; dropped"));
}

TEST_CASE("a map's own framework is kept, a broken one replaced by the default", "[import][restore]") {
    json custom = {{"id", "mine"},
                   {"name", "Team roles"},
                   {"roles", {{{"id", "host"}, {"name", "Host"}, {"color", "#aabbcc"}}}},
                   {"prompts", {{{"id", "q"}, {"step", 3}, {"text", "What next?"}}}}};
    json file = envelope();
    file["framework"] = custom;
    file["entities"] = {entity("e1")};
    file["placements"] = {placement("p1", "e1", "host")};
    file["reflections"] = {{"q", "Rest."}};
    ImportResult result = import_ok(file);
    CHECK(result.warnings.empty());
    CHECK(result.document->framework.name == "Team roles");
    CHECK(result.document->placements.size() == 1);
    CHECK(result.document->reflections.at("q") == "Rest.");

    file["framework"]["roles"][0]["color"] = "blue";
    result = import_ok(file);
    CHECK(result.document->framework == default_framework());
    CHECK(has_warning(result, "/framework/roles/0/color",
                      "the map's own framework is unusable: role colour must look like \"#rrggbb\", found \"blue\" "
                      "(at /framework/roles/0/color); using the built-in Social Change Ecosystem Map framework"));
    CHECK(result.document->placements.empty());  // "host" is not a built-in role
}

TEST_CASE("warnings are capped with a count of the rest", "[import][restore][limits]") {
    json file = envelope();
    file["entities"] = {entity("e1")};
    for (int i = 0; i < 250; ++i) file["placements"].push_back(placement("p" + std::to_string(i), "ghost"));
    file["placements"].push_back(placement("ok", "e1"));
    ImportResult result = import_ok(file);
    REQUIRE(result.warnings.size() == kMaxWarnings + 1);
    CHECK(result.warnings.back().message == "... and 150 more problems of the same kinds");
    CHECK(result.document->placements.size() == 1);
}

TEST_CASE("the repairable fixture loads with one warning per repair", "[import][restore][fixtures]") {
    ImportResult result = import_document(testing::read_fixture("v1/repairable.json"));
    REQUIRE(result.ok());
    std::vector<std::string> paths;
    for (const ImportWarning& warning : result.warnings) paths.push_back(warning.path);
    CHECK(paths == std::vector<std::string>{"/entities/0/kind", "/entities/1/id", "/entities/2/id", "/entities/3",
                                            "/placements/0/strength", "/placements/0/position", "/placements/1/entity",
                                            "/placements/2/role", "/relationships/0", "/relationships/1/to",
                                            "/reflections/no-such-prompt"});
    const Document& document = *result.document;
    CHECK(document.entities.size() == 3);
    CHECK(document.placements.size() == 1);
    CHECK(document.relationships.empty());
    CHECK(document.reflections.size() == 1);
}

// [SECTION] Migrations ---------------------------------------------------------------------

TEST_CASE("there is one migration per past version", "[import][migrate]") {
    CHECK(detail::migrations().size() == static_cast<std::size_t>(kFormatVersion));
}

TEST_CASE("the migration chain upgrades a version 0 map", "[import][migrate]") {
    json v0 = json::parse(testing::read_fixture("v0/workshop.json"));
    std::vector<ImportWarning> warnings;
    detail::WarningSink sink(warnings);
    CHECK(detail::migrate_to_current(v0, 0, sink) == kFormatVersion);
    CHECK(v0["formatVersion"] == kFormatVersion);
    CHECK(v0["meta"]["title"] == "Pre-release map");
    CHECK(v0["centre"]["cause"] == "Clean air");
    CHECK(v0["entities"][1]["kind"] == "organization");
    CHECK(v0["placements"][0]["position"] == json{{"x", 10}, {"y", -20.5}});
    CHECK(v0["relationships"][0]["label"] == "podcast");
    CHECK_FALSE(v0.contains("links"));
    CHECK_FALSE(v0.contains("title"));
    CHECK(warnings.empty());

    json current = json::parse(testing::read_fixture("v2/workshop.json"));
    const json before = current;
    CHECK(detail::migrate_to_current(current, kFormatVersion, sink) == 0);
    CHECK(current == before);
}

TEST_CASE("the version 0 fixture imports through the migration", "[import][migrate][fixtures]") {
    ImportResult result = import_document(testing::read_fixture("v0/workshop.json"));
    REQUIRE(result.ok());
    CHECK(result.source_version == 0);
    CHECK(result.warnings.empty());
    const Document& document = *result.document;
    CHECK(document.meta == Meta{"Pre-release map", "2026-01-05T09:00:00Z", "2026-01-05T09:30:00Z"});
    CHECK(document.centre == Centre{{"justice", "care"}, "Clean air"});
    CHECK(document.entities[1] == Entity{"b", EntityKind::Organization, "Youth Media Lab", false, "Runs the podcast.", ""});
    CHECK(document.placements[0].position == Vec2{10, -20.5});
    CHECK_FALSE(document.placements[1].position.has_value());
    CHECK(document.relationships == std::vector<Relationship>{{"l1", "a", "b", "works-with", "podcast"}});
    CHECK(document.reflections.at("plan-next") == "Record the next episode together.");
}

TEST_CASE("a version 0 position with one coordinate is dropped with a warning", "[import][migrate]") {
    json v0 = {{"format", "ecomap"}, {"formatVersion", 0}, {"entities", {{{"id", "a"}, {"type", "network"}}}},
               {"placements", {{{"id", "p"}, {"entity", "a"}, {"role", "healers"}, {"x", 4}}}}};
    ImportResult result = import_document(v0.dump());
    REQUIRE(result.ok());
    CHECK(result.document->entities[0].kind == EntityKind::Network);
    CHECK_FALSE(result.document->placements[0].position.has_value());
    CHECK(has_warning(result, "/placements/0", "the position has only one coordinate"));
}
