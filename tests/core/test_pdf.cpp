// export_pdf and FontFace: a small PDF reader checks what a reader of the file would
// see: the cross-reference table, the pages and their size, the text on each page
// (through the fonts' ToUnicode maps, as pdftotext reads it) and the attached map.
#include "core/analysis.hpp"
#include "core/commands.hpp"
#include "core/history.hpp"
#include "core/anonymize.hpp"
#include "core/document_size.hpp"
#include "core/embedded.hpp"
#include "core/export_pdf.hpp"
#include "core/font_face.hpp"
#include "core/io_json.hpp"
#include "core/sample.hpp"
#include "core/utf8.hpp"

#include "edit_test_support.hpp"

#include <catch2/catch.hpp>

#define STB_IMAGE_STATIC
#define STB_IMAGE_IMPLEMENTATION
#include <stb/stb_image.h>

#include <algorithm>
#include <map>
#include <regex>
#include <vector>

using namespace ecomap;

namespace {

std::string inflate(std::string_view zlib) {
    int length = 0;
    char* data = stbi_zlib_decode_malloc(zlib.data(), static_cast<int>(zlib.size()), &length);
    REQUIRE(data != nullptr);
    std::string out(data, static_cast<std::size_t>(length));
    free(data);
    return out;
}

struct Pdf {
    std::map<int, std::string> objects;  // number -> body, as written
    std::string trailer;

    explicit Pdf(const std::string& file) {
        // Every xref entry points at "N 0 obj".
        const std::size_t startxref = file.rfind("startxref\n");
        REQUIRE(startxref != std::string::npos);
        const std::size_t xref = std::stoul(file.substr(startxref + 10));
        REQUIRE(file.compare(xref, 5, "xref\n") == 0);
        std::size_t at = file.find('\n', xref + 5) + 1;
        const int size = std::stoi(file.substr(file.find(' ', xref + 5) + 1));
        at += 20;  // the free entry
        for (int n = 1; n < size; ++n, at += 20) {
            const std::size_t offset = std::stoul(file.substr(at, 10));
            const std::string head = std::to_string(n) + " 0 obj\n";
            REQUIRE(file.compare(offset, head.size(), head) == 0);
            const std::size_t end = file.find("\nendobj\n", offset);
            objects[n] = file.substr(offset + head.size(), end - offset - head.size());
        }
        trailer = file.substr(file.find("trailer", at - 20));
    }
    static int reference(const std::string& body, const std::string& key) {
        const std::size_t at = body.find(key + " ");
        REQUIRE(at != std::string::npos);
        return std::stoi(body.substr(at + key.size() + 1));
    }
    std::string stream(int n) const {
        const std::string& body = objects.at(n);
        const std::size_t from = body.find(">>\nstream\n") + 10, to = body.rfind("\nendstream");
        REQUIRE(body.find("/FlateDecode") != std::string::npos);
        return inflate(std::string_view(body).substr(from, to - from));
    }
    std::vector<int> pages() const {
        const std::string& catalog = objects.at(reference(trailer, "/Root"));
        const std::string& tree = objects.at(reference(catalog, "/Pages"));
        std::vector<int> kids;
        const std::string list = tree.substr(tree.find("/Kids [") + 7);
        std::regex entry(R"((\d+) 0 R)");
        for (auto it = std::sregex_iterator(list.begin(), list.begin() + static_cast<long>(list.find(']')), entry);
             it != std::sregex_iterator(); ++it)
            kids.push_back(std::stoi((*it)[1]));
        return kids;
    }
    // The texts shown on a page (one per Tj), decoded through the fonts' ToUnicode maps.
    std::vector<std::string> texts(int page) const {
        const std::string& body = objects.at(page);
        std::map<std::string, std::map<unsigned, std::u32string>> fonts;  // resource name -> glyph -> text
        for (const char* name : {"/R", "/S"}) {
            const int font = reference(body.substr(body.find("/Font <<")), name);
            const std::string whole = stream(reference(objects.at(font), "/ToUnicode"));
            const std::string cmap = whole.substr(whole.find("endcodespacerange"));  // the bfchar entries
            std::regex pair(R"(<([0-9A-F]{4})> <([0-9A-F]+)>)");
            for (auto it = std::sregex_iterator(cmap.begin(), cmap.end(), pair); it != std::sregex_iterator(); ++it) {
                const std::string hex = (*it)[2];
                std::u32string chars;
                for (std::size_t i = 0; i < hex.size(); i += 4) chars += static_cast<char32_t>(std::stoul(hex.substr(i, 4), nullptr, 16));
                fonts[name][static_cast<unsigned>(std::stoul((*it)[1], nullptr, 16))] = chars;
            }
        }
        const std::string content = stream(reference(body, "/Contents"));
        std::vector<std::string> out;
        std::regex show(R"((/[RS]) [0-9.]+ Tf [^<]*<([0-9A-F]*)> Tj)");
        for (auto it = std::sregex_iterator(content.begin(), content.end(), show); it != std::sregex_iterator(); ++it) {
            const std::string hex = (*it)[2];
            std::string text;
            for (std::size_t i = 0; i < hex.size(); i += 4) {
                const unsigned glyph = static_cast<unsigned>(std::stoul(hex.substr(i, 4), nullptr, 16));
                const auto& map = fonts[(*it)[1]];
                const auto found = map.find(glyph);
                text += text::to_utf8(found == map.end() ? std::u32string(U"\uFFFD") : found->second);
            }
            out.push_back(text);
        }
        return out;
    }
    std::string all_text(int page) const {
        std::string joined;
        for (const std::string& text : texts(page)) joined += text + "\n";
        return joined;
    }
};

bool has_line(const std::vector<std::string>& texts, const std::string& text) {
    return std::find(texts.begin(), texts.end(), text) != texts.end();
}

Document reflective_document() {
    Document d = generate_document(7, 30);
    d.reflections.clear();
    d.meta.title = "Eastside coalition";
    d.reflections[d.framework.prompts.front().id] = "We lean on two weavers; nobody heals.";
    return d;
}

}  // namespace

TEST_CASE("the embedded typeface is read: glyphs, widths, measures", "[pdf][font]") {
    const auto face = FontFace::read(embedded::inter_regular_otf());
    REQUIRE(face.has_value());
    CHECK(face->units_per_em() > 0);
    CHECK(face->glyph(U'A') != 0);
    CHECK(face->glyph(U'é') != 0);
    CHECK(face->glyph(U'ñ') != 0);
    CHECK(face->glyph(U'A') != face->glyph(U'B'));
    CHECK(face->glyph(U'地') == 0);  // the typeface has no CJK: its missing glyph
    CHECK(face->width("iii") < face->width("MMM"));
    CHECK(face->width("Weavers") == Approx(face->width("Wea") + face->width("vers")));
    CHECK(face->ascent() > 0);
    CHECK(face->descent() < 0);
    // A font cut short anywhere is refused, never read past its end.
    const std::string_view bytes = embedded::inter_regular_otf();
    for (std::size_t length : {std::size_t{0}, std::size_t{11}, std::size_t{200}, std::size_t{5000}, bytes.size() / 2})
        CHECK_FALSE(FontFace::read(bytes.substr(0, length)).has_value());
}

TEST_CASE("the PDF: a map page and a details page, A4 or Letter landscape, byte-stable", "[pdf]") {
    const Document d = reflective_document();
    const std::string file = export_pdf(d);
    CHECK(file.rfind("%PDF-1.7\n", 0) == 0);
    CHECK(file.size() > 1000);
    CHECK(file.substr(file.size() - 6) == "%%EOF\n");
    CHECK(export_pdf(d) == file);
    const Pdf pdf(file);
    const std::vector<int> pages = pdf.pages();
    REQUIRE(pages.size() == 2);
    CHECK(pdf.objects.at(pages[0]).find("/MediaBox [0 0 841.89 595.28]") != std::string::npos);

    PdfOptions letter;
    letter.paper = Paper::Letter;
    letter.details = false;
    const Pdf small(export_pdf(d, letter));
    REQUIRE(small.pages().size() == 1);
    CHECK(small.objects.at(small.pages()[0]).find("/MediaBox [0 0 792 612]") != std::string::npos);
}

TEST_CASE("the PDF's map page shows every role, the title, the values, names and the attribution as text", "[pdf]") {
    const Document d = reflective_document();
    const Pdf pdf(export_pdf(d));
    const std::vector<std::string> texts = pdf.texts(pdf.pages()[0]);
    for (const Role& role : d.framework.roles) CHECK(has_line(texts, role.name));
    CHECK(has_line(texts, "Eastside coalition"));
    CHECK(has_line(texts, d.framework.attribution.text));
    std::size_t names = 0;
    for (const Entity& entity : d.entities) names += has_line(texts, entity.name) ? 1 : 0;
    CHECK(names >= d.entities.size() * 3 / 4);  // long names are shortened with "…"
    const std::string all = pdf.all_text(pdf.pages()[0]);
    CHECK(all.find(d.centre.values.front()) != std::string::npos);
}

TEST_CASE("the PDF's details page: counts per role and the reflections under their prompts", "[pdf]") {
    const Document d = reflective_document();
    const Pdf pdf(export_pdf(d));
    const std::vector<std::string> texts = pdf.texts(pdf.pages()[1]);
    CHECK(has_line(texts, "Who plays which role"));
    CHECK(has_line(texts, "Organizations"));
    for (const Role& role : d.framework.roles) CHECK(has_line(texts, role.name));
    CHECK(has_line(texts, d.framework.prompts.front().text));
    CHECK(has_line(texts, "We lean on two weavers; nobody heals."));
    CHECK(has_line(texts, d.framework.attribution.text));

    Document empty = d;
    empty.reflections.clear();
    const Pdf none(export_pdf(empty));
    CHECK(has_line(none.texts(none.pages()[1]), "No reflections written yet."));
}

TEST_CASE("a Spanish map's PDF: Spanish headings, roles and counts, none of the English words", "[pdf][language]") {
    History history(reflective_document(), test::counting_clock());
    REQUIRE(history.apply(set_language("es")));
    const Document& d = history.document();
    const Pdf pdf(export_pdf(d));
    const std::vector<std::string> details = pdf.texts(pdf.pages()[1]);
    for (const char* word : {"Eastside coalition: roles y reflexiones", "Quién cumple cada rol", "Rol", "Personas",
                             "Organizaciones", "Redes", "Votos", "Carencia", "Reflexiones"}) {
        INFO(word);
        CHECK(has_line(details, word));
    }
    for (const Role& role : d.framework.roles) CHECK(has_line(details, role.name));
    CHECK(has_line(details, d.framework.prompts.front().text));  // the Spanish prompt over the answer
    const std::string all = pdf.all_text(pdf.pages()[0]) + pdf.all_text(pdf.pages()[1]);
    for (const char* word : {"Who plays which role", "People", "Organizations", "Networks", "Votes", "Gap", "Reflections",
                             "placed on the map", "Weavers", "Untitled map", "Anonymous"}) {
        INFO(word);
        CHECK(all.find(word) == std::string::npos);
    }
    CHECK(has_line(details, d.framework.attribution.text));  // the attribution stays as it is
}

TEST_CASE("long reflections flow onto more pages, wrapped inside the margins", "[pdf]") {
    Document d = reflective_document();
    std::string essay;
    for (int i = 0; i < 400; ++i) essay += "Everyone in the room named a role they want to grow into. ";
    essay += "Averyveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryverylongword.";
    d.reflections[d.framework.prompts.back().id] = essay;
    const Pdf pdf(export_pdf(d));
    REQUIRE(pdf.pages().size() >= 3);
    const auto face = FontFace::read(embedded::inter_regular_otf());
    for (std::size_t p = 1; p < pdf.pages().size(); ++p)
        for (const std::string& line : pdf.texts(pdf.pages()[p])) CHECK(face->width(line) * 11 <= 841.89 - 80 + 1);
    const std::string last = pdf.all_text(pdf.pages().back());
    CHECK(last.find("longword.") != std::string::npos);
}

TEST_CASE("the PDF carries its map, hides names when asked and survives any text", "[pdf]") {
    Document d = reflective_document();
    d.meta.title = "Mapa de la coalición 地図 \xFF";  // Spanish, CJK the font lacks, a broken byte
    d.entities.front().name = "(Ana) \\ Lucía";
    const std::string file = export_pdf(d);
    const Pdf pdf(file);
    const std::string& catalog = pdf.objects.at(Pdf::reference(pdf.trailer, "/Root"));
    REQUIRE(catalog.find("/EmbeddedFiles") != std::string::npos);
    const int spec = Pdf::reference(catalog.substr(catalog.find("(map.ecomap.json)")), "(map.ecomap.json)");
    const int attached = Pdf::reference(pdf.objects.at(spec), "/EF <</F");
    CHECK(pdf.stream(attached) == export_json(d));
    const std::string info = pdf.objects.at(Pdf::reference(pdf.trailer, "/Info"));
    CHECK(info.find("/Title <FEFF") != std::string::npos);
    const std::vector<std::string> texts = pdf.texts(pdf.pages()[0]);
    CHECK(has_line(texts, "(Ana) \\ Lucía"));
    CHECK(has_line(texts, "Mapa de la coalición \uFFFD\uFFFD \uFFFD"));  // no glyph: shown as the font's box

    const Document hidden = hide_names(d);
    const Pdf anonymous(export_pdf(hidden));
    const std::string all = anonymous.all_text(anonymous.pages()[0]);
    for (const Entity& entity : d.entities)
        if (!entity.name.empty()) CHECK(all.find(entity.name) == std::string::npos);
    CHECK(all.find("Anonymous") != std::string::npos);
}

TEST_CASE("the PDF's map page: a role whose tokens would be under 4.5 pt shows its counts instead", "[pdf][crowded]") {
    const Document d = generate_document(2026, 1000);
    const Analysis analysis = analyse(d);
    const Pdf pdf(export_pdf(d));
    const std::vector<std::string> texts = pdf.texts(pdf.pages()[0]);
    int totals = 0;
    for (const RoleStats& role : analysis.roles) {  // 1,000 entities on a page: every role is a count
        CHECK(has_line(texts, format_thousands(static_cast<std::size_t>(role.placements))));
        totals += role.placements;
    }
    CHECK(totals == static_cast<int>(d.placements.size()));
    CHECK(std::count_if(texts.begin(), texts.end(), [](const std::string& t) { return t.find(" people") != std::string::npos; }) ==
          static_cast<long>(analysis.roles.size()));
    for (const Entity& entity : d.entities)  // no token, so no name
        if (entity.name.size() > 3) CHECK_FALSE(has_line(texts, entity.name));

    const Pdf small(export_pdf(reflective_document()));  // 30 entities: tokens, no counts
    for (const std::string& text : small.texts(small.pages()[0])) CHECK(text.find(" people") == std::string::npos);
}
