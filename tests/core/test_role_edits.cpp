// The role commands (a map's own roles) and the starters of the "New map" dialog.
#include "core/commands.hpp"
#include "core/framework.hpp"
#include "core/i18n.hpp"
#include "core/io_json.hpp"
#include "core/starters.hpp"

#include "edit_test_support.hpp"

#include <catch2/catch.hpp>

using namespace ecomap;
using ecomap::test::small_document;

namespace {

Document blank_document() {
    const Framework* blank = starter_framework("blank");
    REQUIRE(blank != nullptr);
    return new_document(*blank, "2026-01-01T00:00:00Z");
}

}  // namespace

TEST_CASE("starters: two templates, three examples that import cleanly", "[starters]") {
    std::size_t templates = 0, examples = 0;
    for (const Starter& starter : starters()) {
        for (const i18n::Language& language : i18n::languages()) {  // listed in every language
            INFO(starter.id << " in " << language.code);
            CHECK(i18n::has_key(language.code, "core.starter." + starter.id + ".title"));
            CHECK(i18n::has_key(language.code, "core.starter." + starter.id + ".description"));
        }
        CHECK(starter_title(starter, "es") != starter_title(starter, "en"));
        if (starter.kind == StarterKind::Template) {
            ++templates;
            const Framework* framework = starter_framework(starter.id);
            REQUIRE(framework != nullptr);
            CHECK_FALSE(validate_framework(*framework).has_value());
            CHECK_FALSE(example_file(starter.id).has_value());
        } else {
            ++examples;
            const auto file = example_file(starter.id);
            REQUIRE(file.has_value());
            CHECK(example_file_name(starter.id).ends_with(".ecomap.json"));
            const ImportResult imported = import_document(*file);
            INFO(starter.id);
            REQUIRE(imported.ok());
            CHECK(imported.warnings.empty());
            CHECK(imported.document->entities.size() >= 4);
        }
    }
    CHECK(templates == 2);
    CHECK(examples == 3);
    CHECK(starter_framework("social-change-ecosystem") == &default_framework());
    CHECK(blank_document().framework.roles.size() == 6);
    CHECK(blank_document().framework.attribution.text.empty());  // not the framework: no attribution to carry
}

TEST_CASE("a role is renamed, described and recoloured; undo takes each back", "[roles][commands]") {
    History history(blank_document(), test::counting_clock());
    REQUIRE(history.apply(set_role_name("role-1", "Connectors")));
    REQUIRE(history.apply(set_role_description("role-1", "Bring people together")));
    REQUIRE(history.apply(set_role_color("role-1", "#aa3377")));
    const Role& role = history.document().framework.roles[0];
    CHECK(role.id == "role-1");
    CHECK(role.name == "Connectors");
    CHECK(role.description == "Bring people together");
    CHECK(role.color == "#AA3377");
    history.undo();
    CHECK(history.document().framework.roles[0].color != "#AA3377");
    history.undo();
    history.undo();
    CHECK(history.document().framework.roles[0].name == "Role 1");
    // The saved map keeps the new roles, and reads back the same.
    history.redo();
    const ImportResult again = import_document(export_json(history.document()));
    REQUIRE(again.ok());
    CHECK(again.document->framework.roles[0].name == "Connectors");
}

TEST_CASE("role edits refuse what would break the map, with the reason", "[roles][commands]") {
    History history(small_document(), test::counting_clock());
    const Document before = history.document();
    CHECK(history.apply(set_role_name("weavers", "  ")).error == "a role needs a name");
    CHECK(history.apply(set_role_name("weavers", "guides")).error == "another role is already called \"guides\"");
    CHECK(history.apply(set_role_name("nope", "X")).error == "the framework has no role \"nope\"");
    CHECK(history.apply(set_role_color("weavers", "red")).error == "\"red\" is not a colour like #3366CC");
    CHECK(history.apply(set_role_name("weavers", std::string("\xFF"))).error == "the role's name is not valid UTF-8");
    const std::string placed = history.document().placements.front().role;
    const std::string refused = history.apply(remove_role(placed)).error;
    CHECK(refused.find("placed on") != std::string::npos);
    CHECK(refused.find("first") != std::string::npos);
    CHECK(history.document() == before);
}

TEST_CASE("roles are added with an unused id and removed with their votes", "[roles][commands]") {
    History history(blank_document(), test::counting_clock());
    const ApplyResult added = history.apply(add_role(""));
    REQUIRE(added);
    CHECK(added.created_id == "role-7");
    CHECK(history.document().framework.roles.back().name == "Role 7");
    for (std::size_t i = 0; i + 1 < history.document().framework.roles.size(); ++i)  // a colour not yet used
        CHECK(history.document().framework.roles[i].color != history.document().framework.roles.back().color);
    REQUIRE(history.apply(add_vote("role-7", 2)));
    REQUIRE(history.apply(remove_role("role-7")));
    CHECK(history.document().framework.roles.size() == 6);
    CHECK(history.document().votes_for("role-7") == 0);
    CHECK(history.document().votes.empty());
    history.undo();
    CHECK(history.document().votes_for("role-7") == 2);
    // Down to one role, never none.
    for (int i = 2; i <= 7; ++i) REQUIRE(history.apply(remove_role("role-" + std::to_string(i))));
    CHECK(history.apply(remove_role("role-1")).error == "a map needs at least one role");
    // Past the limit, refused.
    for (int i = 0; i < 63; ++i) REQUIRE(history.apply(add_role("")));
    CHECK(history.document().framework.roles.size() == 64);
    CHECK(history.apply(add_role("")).error == "a map holds at most 64 roles");
}
