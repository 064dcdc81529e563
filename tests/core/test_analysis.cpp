// Analysis: counts per role, empty/thin/crowded gaps, ranking.
#include <catch2/catch.hpp>

#include "core/analysis.hpp"
#include "edit_test_support.hpp"

using namespace ecomap;

namespace {

Entity person(std::string id) {
    Entity e;
    e.id = std::move(id);
    return e;
}

Placement placement(std::string id, std::string entity, std::string role, std::string context = {}) {
    Placement p;
    p.id = std::move(id);
    p.entity = std::move(entity);
    p.role = std::move(role);
    p.context = std::move(context);
    return p;
}

}  // namespace

TEST_CASE("counts per role by kind, strength and energy", "[analysis]") {
    Document d = ecomap::test::small_document();
    d.placements.push_back(placement("pl6", "p1", "builders", "at home"));  // p1 again on builders, other context
    d.placements.push_back(placement("pl7", "ghost", "builders"));           // missing entity
    d.placements.push_back(placement("pl8", "p2", "no-such-role"));          // unknown role
    const Analysis a = analyse(d);
    REQUIRE(a.roles.size() == 10);
    const RoleStats& builders = a.roles[static_cast<std::size_t>(d.framework.role_index("builders"))];
    CHECK(builders.role == "builders");
    CHECK(builders.entities == 2);    // p1 and p2; p1 counted once
    CHECK(builders.placements == 3);  // pl2, pl5, pl6
    CHECK(builders.by_kind[slot(EntityKind::Person)] == 2);
    CHECK(builders.by_kind[slot(EntityKind::Organization)] == 0);
    CHECK(builders.by_strength[slot(Strength::Primary)] == 2);
    CHECK(builders.by_strength[slot(Strength::Secondary)] == 1);
    CHECK(builders.by_energy[slot(Energy::Unspecified)] == 3);

    const RoleStats& healers = a.roles[static_cast<std::size_t>(d.framework.role_index("healers"))];
    CHECK(healers.by_strength[slot(Strength::Aspiring)] == 1);
    CHECK(healers.by_energy[slot(Energy::Depletes)] == 1);
    const RoleStats& caregivers = a.roles[static_cast<std::size_t>(d.framework.role_index("caregivers"))];
    CHECK(caregivers.by_kind[slot(EntityKind::Organization)] == 1);

    CHECK(a.entities_placed == 3);    // p1, p2, o1
    CHECK(a.entities_unplaced == 1);  // n1
    CHECK(a.ignored_placements == 2);
}

TEST_CASE("empty and thin roles follow the documented thresholds", "[analysis]") {
    Document d = ecomap::test::small_document();
    d.entities.clear();
    d.placements.clear();
    // 30 people: 20 on weavers, 8 on builders, 2 on healers, 0 elsewhere.
    for (int i = 0; i < 30; ++i) {
        const std::string id = "p" + std::to_string(i);
        d.entities.push_back(person(id));
        const std::string role = i < 20 ? "weavers" : i < 28 ? "builders" : "healers";
        d.placements.push_back(placement("pl" + std::to_string(i), id, role));
    }
    const Analysis a = analyse(d);
    CHECK(a.thin_threshold == 3);  // ceil(10% of 30)
    const int healers = d.framework.role_index("healers");
    CHECK(a.thin_roles == std::vector<int>{healers});
    CHECK(a.empty_roles.size() == 7);
    CHECK(a.roles[static_cast<std::size_t>(healers)].thin);
    CHECK_FALSE(a.roles[static_cast<std::size_t>(healers)].empty);

    AnalysisOptions strict;
    strict.thin_fraction = 0.5;  // thin below 15
    const Analysis b = analyse(d, strict);
    CHECK(b.thin_threshold == 15);
    CHECK(b.thin_roles == std::vector<int>{d.framework.role_index("builders"), healers});
}

TEST_CASE("small maps have no thin roles, only empty ones", "[analysis]") {
    const Analysis a = analyse(ecomap::test::small_document());
    CHECK(a.thin_threshold == 1);
    CHECK(a.thin_roles.empty());
    CHECK(a.empty_roles.size() == 6);  // weavers, builders, healers, caregivers are used
}

TEST_CASE("crowded roles and ranking", "[analysis]") {
    Document d = ecomap::test::small_document();
    d.entities.clear();
    d.placements.clear();
    // 10 people on weavers, 6 on guides, 3 on builders, 1 on healers: mean 2 per role.
    const std::vector<std::pair<std::string, int>> spread{{"weavers", 10}, {"guides", 6}, {"builders", 3}, {"healers", 1}};
    int n = 0;
    for (const auto& [role, count] : spread) {
        for (int i = 0; i < count; ++i, ++n) {
            const std::string id = "p" + std::to_string(n);
            d.entities.push_back(person(id));
            d.placements.push_back(placement("pl" + std::to_string(n), id, role));
        }
    }
    const Analysis a = analyse(d);
    CHECK(a.crowded_threshold == 3);  // ceil(1.5 × 2)
    const int weavers = d.framework.role_index("weavers");
    const int guides = d.framework.role_index("guides");
    const int builders = d.framework.role_index("builders");
    CHECK(a.crowded_roles == std::vector<int>{weavers, guides, builders});
    REQUIRE(a.ranking.size() == 10);
    CHECK(a.ranking[0] == weavers);
    CHECK(a.ranking[1] == guides);
    CHECK(a.ranking[3] == d.framework.role_index("healers"));
    // Ties (the empty roles) keep framework order.
    CHECK(a.ranking[4] < a.ranking[5]);

    AnalysisOptions picky;
    picky.crowded_factor = 4.0;  // crowded from 8
    CHECK(analyse(d, picky).crowded_roles == std::vector<int>{weavers});
}

TEST_CASE("an empty document: every role empty, none crowded", "[analysis]") {
    Document d = ecomap::test::small_document();
    d.placements.clear();
    const Analysis a = analyse(d);
    CHECK(a.empty_roles.size() == 10);
    CHECK(a.crowded_roles.empty());
    CHECK(a.entities_placed == 0);
    CHECK(a.entities_unplaced == 4);
}
