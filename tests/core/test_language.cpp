// A map's language (meta.language): the built-in template per language, the file format,
// set_language (commands.hpp) and the words of the exports (SVG, CSV, crowded cards).
#include "core/commands.hpp"
#include "core/crowding.hpp"
#include "core/csv.hpp"
#include "core/embedded.hpp"
#include "core/export_svg.hpp"
#include "core/framework.hpp"
#include "core/glyph_ranges.hpp"
#include "core/i18n.hpp"
#include "core/history.hpp"
#include "core/io_json.hpp"
#include "core/look.hpp"
#include "core/merge.hpp"
#include "core/share_link.hpp"
#include "core/utf8.hpp"

#include "edit_test_support.hpp"

#include <catch2/catch.hpp>

using namespace ecomap;

namespace {

constexpr const char* kNow = "2026-01-01T00:00:00Z";

// A Spanish map with an anonymous person, an unnamed organization and a link.
Document spanish_document() {
    Document d = new_document("es", kNow);
    d.entities = {
        {.id = "p1", .kind = EntityKind::Person, .name = "", .anonymous = true, .notes = "", .source = ""},
        {.id = "o1", .kind = EntityKind::Organization, .name = "", .anonymous = false, .notes = "", .source = ""},
    };
    d.placements = {{.id = "pl1", .entity = "p1", .role = "weavers", .strength = Strength::Primary,
                     .energy = Energy::Unspecified, .context = "", .position = std::nullopt},
                    {.id = "pl2", .entity = "o1", .role = "healers", .strength = Strength::Secondary,
                     .energy = Energy::Unspecified, .context = "", .position = std::nullopt}};
    d.relationships = {{.id = "r1", .from = "p1", .to = "o1", .kind = "supports", .label = ""}};
    return d;
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("every wording of the built-in template has the same roles, colours, prompts and attribution", "[language]") {
    const Framework& english = default_framework();
    REQUIRE(template_languages().front() == "en");
    REQUIRE(template_languages().size() >= 2);
    for (const std::string& language : template_languages()) {
        INFO("maps/social-change-ecosystem." << language << ".json");
        CHECK(i18n::has_language(language));
        const Framework& worded = default_framework(language);
        CHECK(worded.id == english.id);
        CHECK(worded.attribution == english.attribution);
        REQUIRE(worded.roles.size() == english.roles.size());
        for (std::size_t i = 0; i < english.roles.size(); ++i) {
            CHECK(worded.roles[i].id == english.roles[i].id);
            CHECK(worded.roles[i].color == english.roles[i].color);
            if (language != "en") CHECK(worded.roles[i].name != english.roles[i].name);
        }
        REQUIRE(worded.prompts.size() == english.prompts.size());
        for (std::size_t i = 0; i < english.prompts.size(); ++i) {
            CHECK(worded.prompts[i].id == english.prompts[i].id);
            CHECK(worded.prompts[i].step == english.prompts[i].step);
        }
        CHECK(worded.default_values.size() == english.default_values.size());
    }
    CHECK(default_framework("xx") == english);
    CHECK(default_framework("es").roles.front().name == "Tejedoras");
}

TEST_CASE("new_document takes a language: its template wording and its untitled title", "[language]") {
    const Document old_style = new_document(default_framework(), kNow);  // the old signature: English
    CHECK(old_style.meta.language == "en");
    CHECK(old_style.meta.title == "Untitled map");
    const Document spanish = new_document("es", kNow);
    CHECK(spanish.meta.language == "es");
    CHECK(spanish.meta.title == "Mapa sin título");
    CHECK(spanish.framework == default_framework("es"));
    CHECK(spanish.centre.values == default_framework("es").default_values);
    // The built-in template in any wording becomes the map's language's wording.
    CHECK(new_document(default_framework(), kNow, "es").framework == default_framework("es"));
    CHECK(new_document("xx", kNow).meta.language == "en");
}

TEST_CASE("meta.language is saved and read back; older files read as English", "[language][import]") {
    const std::string file = export_json(spanish_document());
    CHECK(contains(file, "\"language\": \"es\""));
    const ImportResult back = import_document(file);
    REQUIRE(back.ok());
    CHECK(back.warnings.empty());
    CHECK(back.document->meta.language == "es");
    CHECK(back.document->framework.roles.front().name == "Tejedoras");

    std::string older = file;
    older.replace(older.find("\"language\": \"es\""), 16, "\"language\": null");
    const ImportResult absent = import_document(older);
    REQUIRE(absent.ok());
    CHECK(absent.document->meta.language == "en");
    CHECK(absent.document->framework.roles.front().id == "weavers");  // the roles keep their ids and words

    std::string odd = file;
    odd.replace(odd.find("\"language\": \"es\""), 16, "\"language\": \"<b>\"");
    const ImportResult repaired = import_document(odd);
    REQUIRE(repaired.ok());
    CHECK(repaired.document->meta.language == "en");
    REQUIRE(repaired.warnings.size() == 1);
    CHECK(repaired.warnings.front().path == "/meta/language");
}

TEST_CASE("set_language rewrites the template's wording but keeps what the user wrote", "[language][commands]") {
    History history(new_document(default_framework(), kNow), test::counting_clock());
    REQUIRE(history.apply(set_role_name("weavers", "Connectors")));
    REQUIRE(history.apply(set_role_description("healers", "Our own words")));
    std::vector<std::string> values = history.document().centre.values;
    values.push_back("housing");
    REQUIRE(history.apply(set_centre_values(values)));
    const Document english = history.document();

    const ApplyResult changed = history.apply(set_language("es"));
    REQUIRE(changed);
    const Document& spanish = history.document();
    CHECK(spanish.meta.language == "es");
    CHECK(spanish.meta.title == "Mapa sin título");
    const Framework& es = default_framework("es");
    CHECK(spanish.framework.find_role("weavers")->name == "Connectors");          // renamed by the user: kept
    CHECK(spanish.framework.find_role("weavers")->description == es.roles[0].description);
    CHECK(spanish.framework.find_role("healers")->description == "Our own words");  // kept
    CHECK(spanish.framework.find_role("healers")->name == es.find_role("healers")->name);
    CHECK(spanish.framework.prompts.front().text == es.prompts.front().text);
    CHECK(spanish.centre.values.front() == es.default_values.front());
    CHECK(spanish.centre.values.back() == "housing");
    for (std::size_t i = 0; i < spanish.framework.roles.size(); ++i)
        CHECK(spanish.framework.roles[i].id == english.framework.roles[i].id);

    REQUIRE(history.undo());
    CHECK(history.document().framework == english.framework);
    CHECK(history.document().centre == english.centre);
    CHECK(history.document().meta.language == "en");
    REQUIRE(history.redo());
    CHECK(history.document().meta.language == "es");

    REQUIRE(history.apply(set_language("en")));  // and back: the same English words
    CHECK(history.document().framework == english.framework);
    CHECK(history.document().centre == english.centre);
    CHECK(history.document().meta.title == "Untitled map");

    CHECK_FALSE(history.apply(set_language("xx")));
    CHECK(history.document().meta.language == "en");
}

TEST_CASE("a titled map keeps its title, and another template keeps its words", "[language][commands]") {
    Document custom = new_document(default_framework(), kNow);
    custom.meta.title = "Eastside";
    custom.framework.id = "our-own";
    History history(custom, test::counting_clock());
    REQUIRE(history.apply(set_language("es")));
    CHECK(history.document().meta.title == "Eastside");
    CHECK(history.document().framework == custom.framework);
    CHECK(history.document().meta.language == "es");
}

TEST_CASE("a Spanish map's SVG and CSV hold Spanish words and none of the English ones", "[language][export]") {
    const Document d = spanish_document();
    SvgOptions options;
    options.title = true;
    const std::string svg = export_svg(d, options);
    for (const char* word : {"Mapa sin título", "Anónimo", "Organización sin", "Tejedoras"}) {
        INFO(word);
        CHECK(contains(svg, word));
    }
    for (const char* word : {"Untitled map", "Anonymous", "Unnamed", "Weavers"}) {
        INFO(word);
        CHECK_FALSE(contains(svg, word));
    }
    CHECK(contains(svg, "Social Change Ecosystem Map framework"));  // the attribution stays as it is

    const std::string csv = export_csv_entities(d);
    CHECK(contains(csv, R"("id","nombre","tipo","anónimo","Tejedoras")"));
    CHECK(contains(csv, R"("roles","notas")"));
    CHECK(contains(export_csv_relationships(d), R"("id","desde","nombre_desde","hacia","nombre_hacia","tipo","etiqueta")"));
    const ImportResult again = import_document(csv);  // the Spanish columns read back
    REQUIRE(again.ok());
    CHECK(again.document->entities.size() == 2);
    CHECK(again.document->placements.size() == 2);
}

TEST_CASE("crowded cards count in the map's language", "[language][crowded]") {
    CHECK(crowded_card_lines(1204, {1203, 1, 0}, "es") ==
          std::vector<std::string>{"1.204", "1.203 personas", "1 organización"});
    CHECK(crowded_card_lines(13, {1, 12, 0}) == std::vector<std::string>{"13", "1 person", "12 organizations"});
    CHECK(kind_count(EntityKind::Network, 2, "es") == "2 redes");
}

TEST_CASE("merge keeps the first map's language; share links carry it", "[language][merge]") {
    const Document group = new_document("es", kNow);
    const MergeResult merged = merge_documents(group, {{"a.json", new_document(default_framework(), kNow)}});
    CHECK(merged.document.meta.language == "es");

    const Document d = spanish_document();
    const std::string compact = compact_map(d);
    CHECK(contains(compact, "\"l\":\"es\""));
    CHECK_FALSE(contains(compact, "\"f\""));  // the Spanish wording is the built-in one
    std::string error;
    const auto file = expand_map(compact, error);
    REQUIRE(file.has_value());
    const ImportResult back = import_document(*file);
    REQUIRE(back.ok());
    CHECK(back.document->meta.language == "es");
    CHECK(back.document->framework == default_framework("es"));
    CHECK_FALSE(contains(compact_map(new_document(default_framework(), kNow)), "\"l\""));
}

TEST_CASE("the embedded font carries every character of every template wording", "[language][font]") {
    const auto in_font = [](char32_t c) {
        for (std::size_t i = 0; kGlyphRanges[i] != 0; i += 2)
            if (c >= kGlyphRanges[i] && c <= kGlyphRanges[i + 1]) return true;
        return false;
    };
    for (const std::string& language : template_languages()) {
        const Framework& f = default_framework(language);
        std::string all = f.name + f.attribution.text;
        for (const Role& role : f.roles) all += role.name + role.description;
        for (const Prompt& prompt : f.prompts) all += prompt.text;
        for (const std::string& value : f.default_values) all += value;
        for (const char32_t c : text::code_points(all)) {
            INFO(language << ": U+" << std::hex << static_cast<unsigned>(c));
            CHECK(in_font(c));
        }
    }
}

TEST_CASE("opening the Spanish template file starts a Spanish map", "[language][import]") {
    const ImportResult result = import_document(embedded::template_wordings().back().second);
    REQUIRE(result.ok());
    CHECK(result.from_template);
    CHECK(result.document->meta.language == embedded::template_wordings().back().first);
    CHECK(result.document->framework == default_framework(result.document->meta.language));
}
