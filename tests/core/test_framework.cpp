#include "core/framework.hpp"
#include "core/limits.hpp"

#include "fixtures.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace ecomap;
using nlohmann::json;

namespace {

json template_json() { return json::parse(testing::read_source_file("maps/social-change-ecosystem.json")); }

// load_framework on `edited`, which must fail; returns the error.
ImportError load_error(const json& edited) {
    FrameworkResult result = load_framework(edited.dump());
    REQUIRE_FALSE(result.ok());
    REQUIRE(result.error.has_value());
    return *result.error;
}

}  // namespace

TEST_CASE("the built-in framework has the ten roles in the framework's order", "[framework]") {
    const Framework& framework = default_framework();
    CHECK(framework.id == "social-change-ecosystem");
    CHECK(framework.name == "Social Change Ecosystem Map");
    const std::vector<std::string> expected = {"Weavers", "Experimenters", "Frontline Responders", "Visionaries",
                                               "Builders", "Caregivers", "Disruptors", "Healers",
                                               "Storytellers", "Guides"};
    REQUIRE(framework.roles.size() == expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) CHECK(framework.roles[i].name == expected[i]);
    CHECK(framework.default_values == std::vector<std::string>{"equity", "shared liberation", "inclusion", "justice"});
    CHECK(framework.prompts.size() == 9);
    CHECK_FALSE(validate_framework(framework).has_value());
}

TEST_CASE("the built-in framework carries the attribution line", "[framework]") {
    const Attribution& attribution = default_framework().attribution;
    CHECK(attribution.text ==
          "Social Change Ecosystem Map framework: Deepa Iyer, Building Movement Project — socialchangemap.com");
    CHECK(attribution.url == "https://socialchangemap.com");
}

TEST_CASE("a template file loads to the same framework as the built-in one", "[framework]") {
    FrameworkResult result = load_framework(testing::read_source_file("maps/social-change-ecosystem.json"));
    REQUIRE(result.ok());
    CHECK(*result.framework == default_framework());
}

TEST_CASE("optional template fields default to empty", "[framework]") {
    json minimal = {{"format", "ecomap-template"},
                    {"formatVersion", 1},
                    {"id", "mine"},
                    {"name", "My roles"},
                    {"roles", {{{"id", "a"}, {"name", "A"}, {"color", "#112233"}}}}};
    FrameworkResult result = load_framework(minimal.dump());
    REQUIRE(result.ok());
    CHECK(result.framework->attribution == Attribution{});
    CHECK(result.framework->default_values.empty());
    CHECK(result.framework->prompts.empty());
    CHECK(result.framework->roles.front().description.empty());
}

TEST_CASE("template envelope errors", "[framework]") {
    json edited = template_json();
    edited["format"] = "ecomap";
    ImportError error = load_error(edited);
    CHECK(error.code == ImportErrorCode::WrongFormat);
    CHECK(error.message.find("this is a map, not a template") != std::string::npos);

    edited = template_json();
    edited["formatVersion"] = 2;
    error = load_error(edited);
    CHECK(error.code == ImportErrorCode::NewerVersion);
    CHECK(error.message == "this template was saved by a newer version of ecomap (format 2); this version reads up to 1");

    edited = template_json();
    edited.erase("formatVersion");
    CHECK(load_error(edited).code == ImportErrorCode::MissingVersion);

    FrameworkResult syntax = load_framework("{\n  \"format\": \"ecomap-template\",\n  \"id\" \"x\"\n}");
    REQUIRE(syntax.error.has_value());
    CHECK(syntax.error->code == ImportErrorCode::Syntax);
    CHECK(syntax.error->line == 3);
    CHECK(syntax.error->column == 10);
    CHECK(syntax.error->message ==
          "the file is not valid JSON: unexpected string literal; expected ':' (line 3, column 10)");
}

TEST_CASE("template field errors name the field", "[framework]") {
    struct Case {
        const char* pointer;
        json value;
        const char* path;
        const char* says;
    };
    const std::vector<Case> cases = {
        {"/roles/2/color", "red", "/roles/2/color", "role colour must look like \"#rrggbb\", found \"red\""},
        {"/roles/3/id", "weavers", "/roles/3/id", "role id \"weavers\" is used twice"},
        {"/roles/1/name", "", "/roles/1/name", "role name is empty"},
        {"/roles/1/name", 5, "/roles/1/name", "expected text, found a number"},
        {"/roles", json::array(), "/roles", "the framework has no roles"},
        {"/roles/0", "weavers", "/roles/0", "expected a role object, found text"},
        {"/prompts/0/step", 4, "/prompts/0/step", "prompt step must be 1, 2 or 3, found 4"},
        {"/prompts/0/step", -1, "/prompts/0/step", "prompt step must be 1, 2 or 3, found -1"},
        {"/prompts/0/step", 1.5, "/prompts/0/step", "expected a whole number, found a number"},
        {"/prompts/1/id", "values-centre", "/prompts/1/id", "prompt id \"values-centre\" is used twice"},
        {"/defaultValues/1", false, "/defaultValues/1", "expected text, found true/false"},
        {"/attribution", "Deepa Iyer", "/attribution", "expected an object, found text"},
        {"/id", "", "/id", "framework id is empty"},
        {"/name", std::string(2001, 'n'), "/name", "framework name is longer than 2000 characters"},
    };
    for (const Case& c : cases) {
        json edited = template_json();
        edited[json::json_pointer(c.pointer)] = c.value;
        const ImportError error = load_error(edited);
        INFO(c.pointer << " -> " << error.message);
        CHECK(error.code == ImportErrorCode::InvalidFramework);
        CHECK(error.path == c.path);
        CHECK(error.message == std::string(c.says) + " (at " + c.path + ")");
    }
}

TEST_CASE("a missing required template field is reported by name", "[framework]") {
    json edited = template_json();
    edited["roles"][4].erase("color");
    const ImportError error = load_error(edited);
    CHECK(error.path == "/roles/4/color");
    CHECK(error.message == "\"color\" is missing (at /roles/4/color)");
}

TEST_CASE("template size limits", "[framework][limits]") {
    json edited = template_json();
    json role = edited["roles"][0];
    edited["roles"] = json::array();
    for (std::size_t i = 0; i <= kMaxRoles; ++i) {
        role["id"] = "r" + std::to_string(i);
        edited["roles"].push_back(role);
    }
    CHECK(load_error(edited).message == "more than 64 roles (at /roles)");

    edited = template_json();
    edited["defaultValues"] = json::array();
    for (std::size_t i = 0; i <= kMaxValues; ++i) edited["defaultValues"].push_back("v");
    CHECK(load_error(edited).message == "more than 100 default values (at /defaultValues)");
}

TEST_CASE("validate_framework checks frameworks built in code", "[framework]") {
    Framework framework = default_framework();
    framework.roles[1].id = "";
    REQUIRE(validate_framework(framework).has_value());
    CHECK(validate_framework(framework)->path == "/roles/1/id");

    framework = default_framework();
    framework.prompts[0].text = std::string("\xff\xfe", 2);
    REQUIRE(validate_framework(framework).has_value());
    CHECK(validate_framework(framework)->message == "prompt text is not valid UTF-8 (at /prompts/0/text)");
}

TEST_CASE("a new document starts from the framework's defaults", "[framework]") {
    const Document document = new_document(default_framework(), "2026-11-26T10:00:00Z");
    CHECK(document.meta.title == "Untitled map");
    CHECK(document.meta.created == "2026-11-26T10:00:00Z");
    CHECK(document.meta.modified == "2026-11-26T10:00:00Z");
    CHECK(document.framework == default_framework());
    CHECK(document.centre.values == default_framework().default_values);
    CHECK(document.centre.cause.empty());
    CHECK(document.entities.empty());
    CHECK(document.placements.empty());
    CHECK(document.relationships.empty());
    CHECK(document.reflections.empty());
}
