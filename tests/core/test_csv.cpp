// CSV: the entities and relationships tables (goldens), formula guards, and participant
// lists through the import door.
#include "core/csv.hpp"
#include "core/csv_input.hpp"
#include "core/framework.hpp"
#include "core/invariants.hpp"
#include "core/io_json.hpp"
#include "core/sample.hpp"

#include "edit_test_support.hpp"
#include "golden.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace ecomap;
using ecomap::test::small_document;

namespace {

Document table_document() {
    Document d = small_document();
    d.entities[0].notes = "Line 1\nLine 2, with \"quotes\"";
    d.entities[1].name = "=HYPERLINK(\"http://evil\")";
    d.entities[3].anonymous = true;
    d.placements.push_back({.id = "pl6", .entity = "p1", .role = "weavers", .strength = Strength::Secondary,
                            .energy = Energy::Unspecified, .context = "in the community", .position = std::nullopt});
    d.relationships[1].label = "@weekly";
    return d;
}

ImportResult import_ok(std::string_view text) {
    ImportResult result = import_document(text);
    INFO((result.error ? result.error->message : std::string("ok")));
    REQUIRE(result.ok());
    CHECK(result.source == ImportSource::Csv);
    CHECK(check_invariants(*result.document).empty());
    return result;
}

std::vector<std::string> messages(const ImportResult& result) {
    std::vector<std::string> out;
    for (const ImportWarning& w : result.warnings) out.push_back(w.message);
    return out;
}

bool has(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

TEST_CASE("the entities and relationships tables match their goldens", "[csv][golden]") {
    testing::check_golden("entities.csv", export_csv_entities(table_document()));
    testing::check_golden("links.csv", export_csv_relationships(table_document()));
}

TEST_CASE("tables have a BOM, CRLF, quoted fields and formula guards", "[csv]") {
    const std::string entities = export_csv_entities(table_document());
    CHECK(entities.rfind("\xEF\xBB\xBF\"id\",\"name\",\"kind\",\"anonymous\",\"Weavers\",\"Experimenters\",", 0) == 0);
    CHECK(entities.find("\"Guides\",\"roles\",\"notes\"\r\n") != std::string::npos);
    CHECK(entities.find("\"p1\",\"Alice\",\"person\",\"false\",\"primary (at work); secondary (in the community)\"") !=
          std::string::npos);
    CHECK(entities.find("\"Weavers (primary); Weavers (secondary); Builders (primary); Healers (aspiring)\"") !=
          std::string::npos);
    CHECK(entities.find("\"Line 1\nLine 2, with \"\"quotes\"\"\"\r\n") != std::string::npos);
    CHECK(entities.find("\"'=HYPERLINK(\"\"http://evil\"\")\"") != std::string::npos);
    const std::string links = export_csv_relationships(table_document());
    CHECK(links.find("\"r2\",\"p2\",\"=HYPERLINK") == std::string::npos);
    CHECK(links.find("\"r2\",\"p2\",\"'=HYPERLINK(\"\"http://evil\"\")\",\"p1\",\"Alice\",\"works-with\",\"'@weekly\"\r\n") !=
          std::string::npos);
    for (const char* cell : {"=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "'=x", "''-x"}) {
        INFO(cell);
        const std::string field = csv_field(cell);
        CHECK(field == "\"'" + std::string(cell) + "\"");
        CHECK(detail::unguard_cell(field.substr(1, field.size() - 2)) == cell);
    }
    for (const char* cell : {"plain", "'quoted", "a=b", ""}) {
        CHECK(csv_field(cell) == "\"" + std::string(cell) + "\"");
        CHECK(detail::unguard_cell(cell) == cell);
    }
}

TEST_CASE("the entities table re-opens with its entities and placements", "[csv][import]") {
    for (const Document& d : {table_document(), generate_document(4, 60)}) {
        const ImportResult result = import_ok(export_csv_entities(d));
        const Document& back = *result.document;
        REQUIRE(back.entities.size() == d.entities.size());
        for (std::size_t i = 0; i < d.entities.size(); ++i) {
            const Entity& a = d.entities[i];
            const Entity& b = back.entities[i];
            CHECK(std::tie(a.id, a.name, a.kind, a.anonymous, a.notes) == std::tie(b.id, b.name, b.kind, b.anonymous, b.notes));
        }
        // Same placements (entity, role, strength, context); the table lists them by role.
        const auto key = [](const Placement& p) { return p.entity + "|" + p.role + "|" + std::string(to_string(p.strength)) + "|" + p.context; };
        std::vector<std::string> want, got;
        for (const Placement& p : d.placements) want.push_back(key(p));
        for (const Placement& p : back.placements) got.push_back(key(p));
        std::sort(want.begin(), want.end());
        std::sort(got.begin(), got.end());
        CHECK(got == want);
        for (const std::string& message : messages(result)) CHECK(message.find("unnamed") != std::string::npos);
    }
}

TEST_CASE("a participant list becomes a new map with warnings that say where", "[csv][import]") {
    const std::string list =
        "Name,Kind,Roles,Notes\r\n"
        "Amina,person,Weavers (primary) | builders,first day\r\n"
        "Food Bank,Organisation,\"Caregivers(secondary); Healers (aspiring)\",\r\n"
        ",person,Guides,\r\n"
        "Zed,alien,\"Astronauts; Weavers (sometimes)\",\r\n"
        "\r\n"
        "\"Tenants, Network\",network,,\r\n";
    const ImportResult result = import_ok(list);
    const Document& d = *result.document;
    CHECK(d.framework == default_framework());
    REQUIRE(d.entities.size() == 5);
    CHECK(d.entities[0].name == "Amina");
    CHECK(d.entities[0].id == "p1");
    CHECK(d.entities[0].notes == "first day");
    CHECK(d.entities[1].kind == EntityKind::Organization);
    CHECK(d.entities[1].id == "o1");
    CHECK(d.entities[4].name == "Tenants, Network");
    CHECK(d.entities[4].kind == EntityKind::Network);
    const std::vector<std::string> found = messages(result);
    CHECK(has(found, "row 4, name: the name is empty; added as an unnamed person"));
    CHECK(has(found, "row 5, kind: unknown kind \"alien\"; using \"person\""));
    CHECK(has(found, "row 5, roles: no role \"Astronauts\"; skipped"));
    CHECK(has(found, "row 5, roles: unknown strength \"sometimes\" for Weavers; using primary"));
    CHECK(found.size() == 4);
    std::vector<std::string> placed;
    for (const Placement& p : d.placements) placed.push_back(p.entity + " " + p.role + " " + std::string(to_string(p.strength)));
    CHECK(placed == std::vector<std::string>{"p1 weavers primary", "p1 builders primary", "o1 caregivers secondary",
                                             "o1 healers aspiring", "p2 guides primary", "p3 weavers primary"});
}

TEST_CASE("participant lists may use semicolons or tabs between cells", "[csv][import]") {
    for (const char* list : {"name;roles\nAmina;Weavers|Guides\n", "roles\tname\nWeavers|Guides\tAmina\n"}) {
        INFO(list);
        const ImportResult result = import_ok(list);
        REQUIRE(result.document->entities.size() == 1);
        CHECK(result.document->entities[0].name == "Amina");
        CHECK(result.document->placements.size() == 2);
        CHECK(result.warnings.empty());
    }
}

TEST_CASE("tables the door cannot use are refused clearly", "[csv][import]") {
    ImportResult result = import_document("\xEF\xBB\xBF" "first,last,email\r\nAmina,K,a@example.org\r\n");
    REQUIRE_FALSE(result.ok());
    CHECK(result.error->code == ImportErrorCode::WrongFormat);
    CHECK(result.error->message ==
          "this table (CSV) has no \"name\" column: its first row must name the columns, e.g. name,kind,roles");

    result = import_document("name\r\n");
    REQUIRE(result.ok());
    CHECK(result.document->entities.empty());
    CHECK(has(messages(result), "the list has no rows below its header; the map is empty"));

    result = import_document("name,notes\nAmina,\"never closed\n");
    REQUIRE(result.ok());
    CHECK(result.document->entities[0].notes == "never closed\n");
    CHECK(has(messages(result), "the last quoted cell is not closed (a \" is missing); read up to the end of the file"));

    ImportOptions small;
    small.max_entities = 2;
    result = import_document("name\na\nb\nc\n", small);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error->code == ImportErrorCode::TooManyRecords);
    CHECK(result.error->message == "the list has more than 2 people, organizations and networks (row 4)");

    // JSON keeps its own errors: not mistaken for a table.
    CHECK(import_document("[1, 2]").error->code == ImportErrorCode::NotAnObject);
    CHECK(import_document("{\"name\": 1,}").error->code == ImportErrorCode::Syntax);
}
