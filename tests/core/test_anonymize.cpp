// hide_names: no original name, id or free text of a participant reaches the exports of a
// hidden-names document (JSON, SVG with its embedded map, both CSV tables); what is kept.
#include <catch2/catch.hpp>

#include "core/anonymize.hpp"
#include "core/base64.hpp"
#include "core/csv.hpp"
#include "core/export_svg.hpp"
#include "core/invariants.hpp"
#include "core/io_json.hpp"
#include "edit_test_support.hpp"

using namespace ecomap;

namespace {

// The small map with names everywhere a participant can type one, and ids taken from
// their data (as a CSV "id" column gives).
Document named_document() {
    Document d = test::small_document();
    d.meta.title = "Zanele's map";
    const std::vector<std::pair<std::string, std::string>> ids = {
        {"p1", "alice-k"}, {"p2", "bongani-m"}, {"o1", "foodbank-jhb"}, {"n1", "tenants-net"}};
    for (const auto& [from, to] : ids) {
        for (Entity& e : d.entities) if (e.id == from) e.id = to;
        for (Placement& p : d.placements) if (p.entity == from) p.entity = to;
        for (Relationship& r : d.relationships) {
            if (r.from == from) r.from = to;
            if (r.to == from) r.to = to;
        }
    }
    d.entities[1].name = "Bongani";
    d.entities[0].notes = "Call Alice on Monday";
    d.entities[1].source = "Thandi's map";
    d.placements[0].id = "alice-at-work";
    d.placements[0].context = "at Precious's school";
    d.placements[4].context = "at Precious's school";
    d.relationships[0].id = "alice-foodbank";
    d.relationships[1].label = "Bo and Alice, weekly";
    d.relationships[2].kind = "cousin of Sipho";
    d.reflections["roles-most-often"] = "I help Lindiwe every week";
    d.votes["weavers"] = 4;
    return d;
}

const std::vector<std::string> kPersonal = {
    "Alice", "alice", "Bongani", "bongani", "Food Bank", "foodbank", "Tenants Network", "tenants-net", "Monday",
    "Thandi", "Precious", "weekly", "Sipho", "Lindiwe", "Zanele", "likes maps"};

std::string svg_embedded_json(const std::string& svg) {
    const SvgDocument embedded = document_from_svg(svg);
    return embedded.json ? *embedded.json : std::string();
}

}  // namespace

TEST_CASE("hidden-names exports carry no original name, id or free text", "[anonymize]") {
    const Document original = named_document();
    REQUIRE(check_invariants(original).empty());
    const Document hidden = hide_names(original);
    CHECK(check_invariants(hidden).empty());

    const std::string svg = export_svg(hidden);
    const std::vector<std::pair<std::string, std::string>> exports = {
        {"json", export_json(hidden)},
        {"svg", svg},
        {"svg embedded map", svg_embedded_json(svg)},
        {"entities csv", export_csv_entities(hidden)},
        {"links csv", export_csv_relationships(hidden)}};
    for (const auto& [what, text] : exports) {
        REQUIRE_FALSE(text.empty());
        for (const std::string& personal : kPersonal) {
            INFO(what << " holds " << personal);
            CHECK(text.find(personal) == std::string::npos);
        }
    }
    // The hidden map re-opens as it was exported.
    const ImportResult reopened = import_document(export_json(hidden));
    REQUIRE(reopened.ok());
    CHECK(reopened.warnings.empty());
    CHECK(*reopened.document == hidden);
}

TEST_CASE("hide_names replaces ids consistently and keeps the group's map", "[anonymize]") {
    const Document original = named_document();
    const Document hidden = hide_names(original);
    REQUIRE(hidden.entities.size() == original.entities.size());
    CHECK(hidden.entities[0].id == "p1");
    CHECK(hidden.entities[0].name == "Person 1");
    CHECK(hidden.entities[1].id == "p2");
    CHECK(hidden.entities[2].id == "o1");
    CHECK(hidden.entities[2].name == "Organization 1");
    CHECK(hidden.entities[3].id == "n1");
    CHECK(hidden.entities[3].name == "Network 1");
    for (const Entity& e : hidden.entities) CHECK((e.anonymous && e.notes.empty() && e.source.empty()));
    CHECK(hidden.meta.title == kHiddenNamesTitle);
    CHECK(hidden.reflections.empty());

    // Placements: same entity (by position in the list), role, strength, energy, position; contexts as marks.
    REQUIRE(hidden.placements.size() == original.placements.size());
    for (std::size_t i = 0; i < original.placements.size(); ++i) {
        const Placement& before = original.placements[i];
        const Placement& after = hidden.placements[i];
        CHECK(after.id == "pl" + std::to_string(i + 1));
        const auto index_of = [](const Document& d, const std::string& id) {
            for (std::size_t k = 0; k < d.entities.size(); ++k) if (d.entities[k].id == id) return k;
            return d.entities.size();
        };
        CHECK(index_of(hidden, after.entity) == index_of(original, before.entity));
        CHECK(after.role == before.role);
        CHECK(after.strength == before.strength);
        CHECK(after.energy == before.energy);
        CHECK(after.position == before.position);
        CHECK(after.context.empty() == before.context.empty());
    }
    CHECK(hidden.placements[0].context == "Context 1");
    CHECK(hidden.placements[4].context == "Context 1");  // the same text, the same mark

    REQUIRE(hidden.relationships.size() == original.relationships.size());
    CHECK(hidden.relationships[0].id == "r1");
    CHECK(hidden.relationships[0].from == "p1");
    CHECK(hidden.relationships[0].to == "o1");
    CHECK(hidden.relationships[0].kind == "member-of");
    CHECK(hidden.relationships[2].kind == "link");  // free-text kind
    for (const Relationship& r : hidden.relationships) CHECK(r.label.empty());

    CHECK(hidden.framework == original.framework);
    CHECK(hidden.centre == original.centre);
    CHECK(hidden.votes == original.votes);
    CHECK(hidden.meta.created == original.meta.created);
}
