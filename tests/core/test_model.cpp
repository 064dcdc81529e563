#include "core/framework.hpp"
#include "core/model.hpp"

#include <catch2/catch.hpp>

using namespace ecomap;

TEST_CASE("roles are found by id, in framework order", "[model]") {
    const Framework& framework = default_framework();
    REQUIRE(framework.find_role("healers") != nullptr);
    CHECK(framework.find_role("healers")->name == "Healers");
    CHECK(framework.role_index("weavers") == 0);
    CHECK(framework.role_index("guides") == 9);
    CHECK(framework.find_role("astronauts") == nullptr);
    CHECK(framework.role_index("astronauts") == -1);
    CHECK(framework.role_index("") == -1);
}

TEST_CASE("records are found by id", "[model]") {
    Document document;
    document.entities = {{"e1", EntityKind::Person, "Amara", false, "", ""},
                         {"e2", EntityKind::Network, "Réseau", false, "", ""}};
    document.placements = {{"p1", "e2", "weavers", Strength::Primary, Energy::Unspecified, "", std::nullopt}};
    document.relationships = {{"r1", "e1", "e2", "member-of", ""}};
    REQUIRE(document.find_entity("e2") != nullptr);
    CHECK(document.find_entity("e2")->name == "Réseau");
    CHECK(document.find_entity("e3") == nullptr);
    REQUIRE(document.find_placement("p1") != nullptr);
    CHECK(document.find_placement("p1")->entity == "e2");
    CHECK(document.find_placement("e1") == nullptr);
    REQUIRE(document.find_relationship("r1") != nullptr);
    CHECK(document.find_relationship("r1")->kind == "member-of");
    CHECK(document.find_relationship("r2") == nullptr);
}

TEST_CASE("enums are spelled as in files and parsed back", "[model]") {
    CHECK(to_string(EntityKind::Person) == "person");
    CHECK(to_string(EntityKind::Organization) == "organization");
    CHECK(to_string(EntityKind::Network) == "network");
    CHECK(to_string(Strength::Primary) == "primary");
    CHECK(to_string(Strength::Secondary) == "secondary");
    CHECK(to_string(Strength::Aspiring) == "aspiring");
    CHECK(to_string(Energy::Unspecified).empty());
    CHECK(to_string(Energy::Energizes) == "energizes");
    CHECK(to_string(Energy::Depletes) == "depletes");

    for (EntityKind kind : {EntityKind::Person, EntityKind::Organization, EntityKind::Network})
        CHECK(parse_entity_kind(to_string(kind)) == kind);
    for (Strength strength : {Strength::Primary, Strength::Secondary, Strength::Aspiring})
        CHECK(parse_strength(to_string(strength)) == strength);
    for (Energy energy : {Energy::Unspecified, Energy::Energizes, Energy::Depletes})
        CHECK(parse_energy(to_string(energy)) == energy);
}

TEST_CASE("unknown enum spellings are not guessed", "[model]") {
    CHECK_FALSE(parse_entity_kind("Person").has_value());
    CHECK_FALSE(parse_entity_kind("").has_value());
    CHECK_FALSE(parse_entity_kind("organisation").has_value());
    CHECK_FALSE(parse_strength("strong").has_value());
    CHECK_FALSE(parse_strength("").has_value());
    CHECK_FALSE(parse_energy("unspecified").has_value());
    CHECK_FALSE(parse_energy("ENERGIZES").has_value());
}
