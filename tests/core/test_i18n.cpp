// The catalogs (src/i18n/*.json through core/i18n.hpp): every language has every key, the
// same placeholders, both plural forms, and only characters the embedded font carries.
#include <catch2/catch.hpp>

#include <regex>
#include <set>

#include "core/glyph_ranges.hpp"
#include "core/i18n.hpp"
#include "core/utf8.hpp"

using namespace ecomap;

namespace {
std::set<std::string> placeholders(const std::string& text) {
    std::set<std::string> out;
    static const std::regex pattern(R"(\{([a-z_]+)\})");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), pattern); it != std::sregex_iterator(); ++it)
        out.insert((*it)[1]);
    return out;
}
bool in_font(char32_t c) {
    for (size_t i = 0; kGlyphRanges[i] != 0; i += 2)
        if (c >= kGlyphRanges[i] && c <= kGlyphRanges[i + 1]) return true;
    return false;
}
}  // namespace

TEST_CASE("English and Spanish catalogs are embedded, English first") {
    REQUIRE(i18n::languages().size() >= 2);
    CHECK(i18n::languages().front().code == "en");
    CHECK(i18n::has_language("es"));
    CHECK(i18n::match_language("es-MX") == "es");
    CHECK(i18n::match_language("ES") == "es");
    CHECK(i18n::match_language("fr-FR") == "en");
    CHECK(i18n::match_language("esperanto") == "en");
}

TEST_CASE("every catalog has every key of every other, with the same placeholders") {
    for (const auto& a : i18n::languages()) {
        for (const auto& b : i18n::languages()) {
            if (a.code == b.code) continue;
            for (const std::string& key : i18n::keys(a.code)) {
                INFO(b.code << ".json lacks \"" << key << "\" (found in " << a.code << ".json)");
                REQUIRE(i18n::has_key(b.code, key));
                INFO("placeholders of \"" << key << "\" differ between " << a.code << " and " << b.code);
                CHECK(placeholders(i18n::text(a.code, key)) == placeholders(i18n::text(b.code, key)));
            }
        }
    }
}

TEST_CASE("plural keys come in pairs, and no text is empty") {
    for (const auto& language : i18n::languages()) {
        for (const std::string& key : i18n::keys(language.code)) {
            INFO(language.code << ".json: \"" << key << "\"");
            CHECK_FALSE(i18n::text(language.code, key).empty());
            if (key.ends_with(".one")) CHECK(i18n::has_key(language.code, key.substr(0, key.size() - 4) + ".other"));
            if (key.ends_with(".other")) CHECK(i18n::has_key(language.code, key.substr(0, key.size() - 6) + ".one"));
        }
    }
}

TEST_CASE("the embedded font carries every character of every catalog") {
    for (const auto& language : i18n::languages()) {
        for (const std::string& key : i18n::keys(language.code)) {
            for (const char32_t c : text::code_points(i18n::text(language.code, key))) {
                INFO(language.code << ".json \"" << key << "\" has U+" << std::hex << static_cast<unsigned>(c)
                                   << ", which src/core/CMakeLists.txt's ECOMAP_GLYPH_RANGES leaves out");
                CHECK(in_font(c));
            }
        }
        for (const char32_t c : text::code_points(language.name)) CHECK(in_font(c));
    }
}

TEST_CASE("lookups fall back to English, then to the key; placeholders and plurals are filled") {
    CHECK(std::string(i18n::text("es", "language.menu")) == "Idioma");
    CHECK(i18n::text("xx", "language.menu") == "Language");
    CHECK(i18n::text("es", "no.such.key") == "no.such.key");
    REQUIRE(i18n::set_language("es"));
    CHECK(std::string(i18n::tr("language.menu")) == "Idioma");
    CHECK_FALSE(i18n::set_language("xx"));
    CHECK(i18n::language() == "es");
    CHECK(i18n::step_label("Connect") == "Conectar");
    CHECK(i18n::step_label("Merge 3 maps") == "Merge 3 maps");  // a label without a catalog entry stays as it is
    REQUIRE(i18n::set_language("en"));
    CHECK(i18n::step_label("Connect") == "Connect");
}
