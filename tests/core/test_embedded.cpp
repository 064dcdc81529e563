// Maps inside PNG images (iTXt chunk "ecomap") and the import door for images.
#include "core/export_svg.hpp"
#include "core/io_json.hpp"
#include "core/png_embed.hpp"

#include "edit_test_support.hpp"
#include "fixtures.hpp"

#include <catch2/catch.hpp>

using namespace ecomap;
using ecomap::test::small_document;

namespace {

std::string blank_png() { return testing::read_fixture("images/blank.png"); }

}  // namespace

TEST_CASE("crc32 is the PNG checksum", "[png]") {
    CHECK(crc32("IEND") == 0xAE426082u);
    CHECK(crc32("123456789") == 0xCBF43926u);
    CHECK(crc32("") == 0u);
}

TEST_CASE("a map embedded in a PNG reads back and re-opens", "[png][import]") {
    Document d = small_document();
    d.votes = {{"healers", 2}};
    const std::string json = export_json(d);
    const std::string png = embed_document_in_png(blank_png(), json);
    REQUIRE_FALSE(png.empty());
    CHECK(png.size() == blank_png().size() + 12 + 11 + json.size());
    CHECK(png.substr(png.size() - 12) == blank_png().substr(blank_png().size() - 12));  // IEND stays last
    const PngScan scan = scan_png(png);
    CHECK(scan.well_formed);
    CHECK(document_from_png(png) == std::optional<std::string>(json));

    const ImportResult result = import_document(png);
    REQUIRE(result.ok());
    CHECK(result.source == ImportSource::Png);
    CHECK(*result.document == d);

    // Embedding again replaces the map instead of adding a second one.
    d.meta.title = "Second";
    const std::string again = embed_document_in_png(png, export_json(d));
    CHECK(again.size() == png.size() + 6 - 9);  // "Second" replaces "Small map"
    CHECK(import_document(again).document->meta.title == "Second");
}

TEST_CASE("a PNG without a map, or a damaged one, is refused clearly", "[png][import]") {
    ImportResult result = import_document(blank_png());
    REQUIRE_FALSE(result.ok());
    CHECK(result.error->code == ImportErrorCode::NoEmbeddedMap);
    CHECK(result.error->message == "this PNG has no ecomap map inside: export it from ecomap with the map embedded");

    const std::string png = embed_document_in_png(blank_png(), export_json(small_document()));
    std::string flipped = png;
    flipped[flipped.size() - 40] ^= 0x20;  // inside the map text: the chunk's CRC no longer matches
    result = import_document(flipped);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error->message.find("this PNG is damaged (chunk 3 (iTXt) has a wrong CRC)") == 0);
    CHECK_FALSE(document_from_png(flipped).has_value());

    // Every prefix of the file: no crash, never a document.
    for (std::size_t n = 0; n < png.size(); n += 7) CHECK_FALSE(document_from_png(png.substr(0, n)).has_value());
    CHECK(embed_document_in_png("not a png", "{}").empty());
    CHECK(embed_document_in_png(png.substr(0, 40), "{}").empty());

    // A map inside an image that is itself broken says where it came from.
    const std::string bad = embed_document_in_png(blank_png(), "{\"format\": \"ecomap\"}");
    result = import_document(bad);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error->message == "the map inside this PNG: the map has no formatVersion (at /formatVersion)");
}

TEST_CASE("a length past the end of the file is refused without reading it", "[png]") {
    std::string png = blank_png();
    png[8] = '\x7f';  // IHDR length 0x7f00000d
    const PngScan scan = scan_png(png);
    CHECK_FALSE(scan.well_formed);
    CHECK(scan.problem == "chunk 1 is longer than the file");
}

TEST_CASE("an SVG with a damaged embedded map is refused clearly", "[svg][import]") {
    std::string svg = export_svg(small_document());
    const auto at = svg.find("<ecomap:document");
    svg.insert(svg.find('>', at) + 1, "*");
    const ImportResult result = import_document(svg);
    REQUIRE_FALSE(result.ok());
    CHECK(result.error->code == ImportErrorCode::NoEmbeddedMap);
    CHECK(result.error->message ==
          "this SVG has no ecomap map inside that can be read (it is not valid base64): export it from ecomap with "
          "the map embedded");
    CHECK(import_document("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>").error->code == ImportErrorCode::NoEmbeddedMap);
}
