// Share links in the core: a map as the compact text and back, through the import door.
#include <catch2/catch.hpp>

#include <cmath>

#include "core/io_json.hpp"
#include "core/sample.hpp"
#include "core/share_link.hpp"
#include "fixtures.hpp"

using namespace ecomap;

namespace {

Document through_link(const Document& document) {
    std::string error;
    const std::optional<std::string> file = expand_map(compact_map(document), error);
    INFO(error);
    REQUIRE(file);
    ImportResult imported = import_document(*file);
    INFO((imported.error ? imported.error->message : std::string()));
    REQUIRE(imported.ok());
    CHECK(imported.warnings.empty());
    return std::move(*imported.document);
}

}  // namespace

TEST_CASE("a map survives the trip through a share link, ids renumbered", "[share]") {
    for (const Document& original : {generate_document(7, 30), generate_document(8, 3)}) {
        const Document back = through_link(original);
        CHECK(back.meta.title == original.meta.title);
        CHECK(back.centre == original.centre);
        CHECK(back.framework == original.framework);
        CHECK(back.reflections == original.reflections);
        CHECK(back.votes == original.votes);
        REQUIRE(back.entities.size() == original.entities.size());
        REQUIRE(back.placements.size() == original.placements.size());
        REQUIRE(back.relationships.size() == original.relationships.size());
        for (std::size_t i = 0; i < original.entities.size(); ++i) {
            const Entity& a = original.entities[i];
            const Entity& b = back.entities[i];
            CHECK((a.kind == b.kind && a.name == b.name && a.notes == b.notes && a.anonymous == b.anonymous &&
                   a.source == b.source));
        }
        for (std::size_t i = 0; i < original.placements.size(); ++i) {
            const Placement& a = original.placements[i];
            const Placement& b = back.placements[i];
            CHECK(a.role == b.role);
            CHECK(a.strength == b.strength);
            CHECK(a.energy == b.energy);
            CHECK(a.context == b.context);
            CHECK(a.position.has_value() == b.position.has_value());
            if (a.position && b.position) CHECK(std::abs(a.position->x - b.position->x) <= 0.05);
        }
        for (std::size_t i = 0; i < original.relationships.size(); ++i)
            CHECK(original.relationships[i].kind == back.relationships[i].kind);
    }
}

TEST_CASE("a 30-entity map's compact text is small enough to deflate into a link", "[share]") {
    const std::string compact = compact_map(generate_document(7, 30));
    CHECK(compact.size() < 4500);  // deflated and base64-encoded, about half: the link stays under 2,000 characters
    CHECK(compact.size() * 4 < export_json(generate_document(7, 30)).size());
}

TEST_CASE("a broken or foreign link is refused with a reason", "[share]") {
    std::string error;
    CHECK_FALSE(expand_map("not json", error));
    CHECK(error == "the link does not hold a map");
    CHECK_FALSE(expand_map(R"({"v": 2})", error));
    CHECK(error.find("another version of ecomap") != std::string::npos);
    CHECK_FALSE(expand_map(R"({"v": 1, "e": [[0, "A"]], "p": [[5, 0]]})", error));
    CHECK(error == "the link's placement 1 points at nothing");
    CHECK_FALSE(expand_map(R"({"v": 1, "e": "x"})", error));
    // Words the importer does not know are its to report: the map file is produced, the door repairs and says so.
    const std::optional<std::string> odd = expand_map(R"({"v": 1, "e": [[9, "A"]]})", error);
    REQUIRE(odd);
    CHECK_FALSE(import_document(*odd).warnings.empty());
}
