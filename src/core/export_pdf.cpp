// ecomap core: export_pdf (see export_pdf.hpp).
//
// Index
//   [SECTION] Fonts       the embedded typeface, read once
//   [SECTION] Drawing     colours, arcs, shapes, text
//   [SECTION] Map page    map_figure drawn in map units under one transform
//   [SECTION] Details     counts per role and reflections, wrapped, over as many pages as needed
//   [SECTION] Document
#include "core/export_pdf.hpp"

#include "core/analysis.hpp"
#include "core/crowding.hpp"
#include "core/embedded.hpp"
#include "core/font_face.hpp"
#include "core/framework.hpp"
#include "core/i18n.hpp"
#include "core/io_json.hpp"
#include "core/pdf_writer.hpp"
#include "core/map_figure.hpp"
#include "core/utf8.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <stdexcept>
#include <vector>

namespace ecomap {

namespace {

using namespace figure;
using namespace pdf;

// [SECTION] Fonts -----------------------------------------------------------------------

struct Typefaces {
    FontFace regular, semibold;
};

const Typefaces& typefaces() {
    static const Typefaces faces = [] {
        auto regular = FontFace::read(embedded::inter_regular_otf());
        auto semibold = FontFace::read(embedded::inter_semibold_otf());
        if (!regular || !semibold) throw std::logic_error("the embedded typeface cannot be read");
        return Typefaces{std::move(*regular), std::move(*semibold)};
    }();
    return faces;
}

// [SECTION] Drawing ---------------------------------------------------------------------

std::string color(std::string_view hex, const char* op) {
    const Rgb c = parse_hex_color(hex);
    return num(c.r) + " " + num(c.g) + " " + num(c.b) + " " + op + "\n";
}

struct Canvas {
    Font& regular;
    Font& semibold;
    std::string ops;

    void move(Vec2 p) { ops += num(p.x) + " " + num(p.y) + " m\n"; }
    void line(Vec2 p) { ops += num(p.x) + " " + num(p.y) + " l\n"; }
    void curve(Vec2 a, Vec2 b, Vec2 c) {
        ops += num(a.x) + " " + num(a.y) + " " + num(b.x) + " " + num(b.y) + " " + num(c.x) + " " + num(c.y) + " c\n";
    }
    // An arc around the map centre at radius r from angle a0 to a1 (either way), from the
    // current point, in Bézier pieces of at most a quarter turn.
    void arc(double r, double a0, double a1) {
        const int pieces = std::max(1, static_cast<int>(std::ceil(std::abs(a1 - a0) / (kPi / 2) - 1e-9)));
        const double step = (a1 - a0) / pieces, h = 4.0 / 3.0 * std::tan(step / 4) * r;
        for (int i = 0; i < pieces; ++i) {
            const double s = a0 + i * step, e = s + step;
            const Vec2 p = point_at(s, r), q = point_at(e, r);
            curve({p.x + h * std::cos(s), p.y + h * std::sin(s)}, {q.x - h * std::cos(e), q.y - h * std::sin(e)}, q);
        }
    }
    void circle(Vec2 c, double r) {  // closed
        const double k = 0.5522847498 * r;
        move({c.x + r, c.y});
        curve({c.x + r, c.y + k}, {c.x + k, c.y + r}, {c.x, c.y + r});
        curve({c.x - k, c.y + r}, {c.x - r, c.y + k}, {c.x - r, c.y});
        curve({c.x - r, c.y - k}, {c.x - k, c.y - r}, {c.x, c.y - r});
        curve({c.x + k, c.y - r}, {c.x + r, c.y - k}, {c.x + r, c.y});
        ops += "h\n";
    }
    void rounded_rect(double x0, double y0, double x1, double y1, double radius) {  // closed
        const double r = std::min({radius, (x1 - x0) / 2, (y1 - y0) / 2}), k = 0.5522847498 * r;
        move({x0 + r, y0});
        line({x1 - r, y0});
        curve({x1 - r + k, y0}, {x1, y0 + r - k}, {x1, y0 + r});
        line({x1, y1 - r});
        curve({x1, y1 - r + k}, {x1 - r + k, y1}, {x1 - r, y1});
        line({x0 + r, y1});
        curve({x0 + r - k, y1}, {x0, y1 - r + k}, {x0, y1 - r});
        line({x0, y0 + r});
        curve({x0, y0 + r - k}, {x0 + r - k, y0}, {x0 + r, y0});
        ops += "h\n";
    }
    // Text whose baseline starts at the matrix's origin; `flip` for the map's y-down space.
    // Returns the width, in the size's units.
    double text(std::string_view utf8, bool strong, double size, double a, double b, double c, double d, double e, double f) {
        Font& font = strong ? semibold : regular;
        double width = 0;
        const std::string glyphs = font.glyphs(utf8, width);
        ops += "BT " + font.resource + " " + num(size) + " Tf " + num(a) + " " + num(b) + " " + num(c) + " " + num(d) + " " +
               num(e) + " " + num(f) + " Tm " + glyphs + " Tj ET\n";
        return width * size;
    }
    double width(std::string_view utf8, bool strong, double size) const {
        return (strong ? semibold : regular).face.width(utf8) * size;
    }
};

// [SECTION] Map page --------------------------------------------------------------------

// A figure text in the map's y-down space: anchored by its real width, turned around its pivot.
void figure_text(Canvas& canvas, const FigureText& t) {
    const double width = canvas.width(t.text, t.strong, t.size);
    const double shift = t.anchor == TextAnchor::Start ? 0 : t.anchor == TextAnchor::Middle ? -width / 2 : -width;
    const double angle = t.rotation * kPi / 180, cs = std::cos(angle), sn = std::sin(angle);
    const double dx = t.x + shift - t.pivot_x, dy = t.y - t.pivot_y;
    const double x = t.rotation == 0 ? t.x + shift : t.pivot_x + dx * cs - dy * sn;
    const double y = t.rotation == 0 ? t.y : t.pivot_y + dx * sn + dy * cs;
    canvas.text(t.text, t.strong, t.size, cs, sn, sn, -cs, x, y);
}

void draw_token_shape(Canvas& c, EntityKind kind, Vec2 centre, double r) {
    switch (kind) {
        case EntityKind::Person: c.circle(centre, r); break;
        case EntityKind::Organization: {
            const double s = r * kSquareHalfSide;
            c.rounded_rect(centre.x - s, centre.y - s, centre.x + s, centre.y + s, r * kSquareCorner);
            break;
        }
        case EntityKind::Network: {
            const std::vector<Vec2> outline = token_outline(kind, centre, r);
            for (std::size_t i = 0; i < outline.size(); ++i) i == 0 ? c.move(outline[i]) : c.line(outline[i]);
            c.ops += "h\n";
            break;
        }
    }
}

void draw_map(Canvas& c, const MapFigure& f) {
    for (const FigureBand& band : f.bands) {  // the ring
        c.ops += color(band.fill, "rg");
        if (band.a1 - band.a0 >= 2.0 * kPi - 1e-9) {
            c.circle({0, 0}, band.r1);
            c.circle({0, 0}, band.r0);
            c.ops += "f*\n";
            continue;
        }
        c.move(point_at(band.a0, band.r1));
        c.arc(band.r1, band.a0, band.a1);
        c.line(point_at(band.a1, band.r0));
        c.arc(band.r0, band.a1, band.a0);
        c.ops += "h f\n";
    }
    if (!f.gaps.empty()) {
        c.ops += "1 1 1 RG " + num(f.gap_width) + " w 0 J\n";
        for (const FigureSegment& gap : f.gaps) {
            c.move(gap.from);
            c.line(gap.to);
            c.ops += "S\n";
        }
    }
    if (!f.links.empty()) {  // under the centre disc, as in the SVG
        c.ops += "q /Links gs " + color(kLinkColor, "RG") + color(kLinkColor, "rg") + num(kLinkWidth) + " w\n";
        for (const FigureLink& link : f.links) {
            c.ops += link.style.dash > 0 ? "[" + num(link.style.dash * kLinkWidth) + " " + num(link.style.gap * kLinkWidth) + "] 0 d\n"
                                         : "[] 0 d\n";
            c.move(link.from);
            c.line(link.to);
            c.ops += "S\n";
            if (!link.style.arrow) continue;
            // The SVG's marker: a triangle 10 x 10 marker units of 0.4 stroke widths, its
            // tip one unit past the line's end.
            const double dx = link.to.x - link.from.x, dy = link.to.y - link.from.y, length = std::hypot(dx, dy);
            if (length <= 0) continue;
            const double ux = dx / length, uy = dy / length, u = kLinkWidth * 0.4;
            const Vec2 back{link.to.x - ux * 9 * u, link.to.y - uy * 9 * u};
            c.ops += "[] 0 d\n";
            c.move({link.to.x + ux * u, link.to.y + uy * u});
            c.line({back.x - uy * 5 * u, back.y + ux * 5 * u});
            c.line({back.x + uy * 5 * u, back.y - ux * 5 * u});
            c.ops += "h f\n";
        }
        c.ops += "Q\n";
    }
    // The centre disc with the cause and values.
    c.ops += "1 1 1 rg " + color(kCentreOutline, "RG") + num(kCentreStroke) + " w [] 0 d\n";
    c.circle({0, 0}, f.layout.centre_radius);
    c.ops += "B\n" + color(kTextColor, "rg");
    for (const FigureText& line : f.centre) figure_text(c, line);
    for (const FigureText& label : f.role_labels) figure_text(c, label);
    for (const FigureVote& vote : f.votes) {
        c.ops += color(kTextColor, "rg") + "1 1 1 RG " + num(kVoteStroke) + " w\n";
        if (!vote.count) {
            c.circle(vote.at, kVoteDotRadius);
            c.ops += "B\n";
            continue;
        }
        c.rounded_rect(vote.at.x - vote.width / 2, vote.at.y - 17, vote.at.x + vote.width / 2, vote.at.y + 17, 17);
        c.ops += "B\n1 1 1 rg\n";
        figure_text(c, {vote.text, vote.at.x, vote.at.y + 8.5, kVoteCountSize, TextAnchor::Middle, true});
    }
    for (const FigureToken& token : f.tokens) {
        c.ops += color(token.fill, "rg") + color(token.stroke, "RG") + num(token.stroke_width) + " w " +
                 (token.dash > 0 ? "[" + num(token.dash) + " " + num(token.gap) + "] 0 d\n" : "[] 0 d\n");
        draw_token_shape(c, token.kind, token.centre, token.shape_radius);
        c.ops += "B\n";
    }
    if (!f.names.empty()) {  // a white halo first (stroked text), then the letters
        c.ops += "[] 0 d 1 1 1 RG " + num(kNameHalo) + " w 1 j 1 Tr\n";
        for (const FigureText& name : f.names) figure_text(c, name);
        c.ops += "0 Tr " + color(kTextColor, "rg");
        for (const FigureText& name : f.names) figure_text(c, name);
    }
    for (const FigureCount& card : f.counts) {  // crowded roles: their counts on a white card
        c.ops += "[] 0 d 1 1 1 rg " + color(card.stroke, "RG") + num(kCardStroke) + " w\n";
        c.rounded_rect(card.x, card.y, card.x + card.width, card.y + card.height, card.corner);
        c.ops += "B\n" + color(kTextColor, "rg");
        for (const FigureText& line : card.lines) figure_text(c, line);
    }
    if (f.title) {
        c.ops += color(kTextColor, "rg");
        figure_text(c, *f.title);
    }
    if (f.attribution) {
        c.ops += color(kMutedColor, "rg");
        figure_text(c, *f.attribution);
    }
}

// [SECTION] Details ---------------------------------------------------------------------

constexpr double kMarginPt = 40;     // page margin, points

struct Page {
    double width, height;
};

// Pages of flowing text in points (y up), a new page whenever the next line does not fit.
struct Flow {
    Canvas& canvas;
    Page page;
    std::vector<std::string>& pages;  // finished content streams
    double y = 0;
    std::string attribution;

    void start() {
        y = page.height - kMarginPt;
        if (!attribution.empty()) {
            canvas.ops += color(kMutedColor, "rg");
            canvas.text(attribution, false, 8, 1, 0, 0, 1, kMarginPt, kMarginPt / 2);
        }
    }
    void finish() {
        pages.push_back(std::move(canvas.ops));
        canvas.ops.clear();
    }
    void need(double height) {
        if (y - height >= kMarginPt) return;
        finish();
        start();
    }
    double right() const { return page.width - kMarginPt; }
    void line(std::string_view text, bool strong, double size, const char* fill = kTextColor) {
        need(size * 1.35);
        y -= size * 1.35;
        canvas.ops += color(fill, "rg");
        canvas.text(text, strong, size, 1, 0, 0, 1, kMarginPt, y);
    }
    // Greedy word wrap by the font's widths; long words are cut; line breaks are kept.
    void paragraph(std::string_view text, bool strong, double size, const char* fill = kTextColor) {
        const double room = right() - kMarginPt;
        std::size_t start_at = 0;
        while (start_at <= text.size()) {
            std::size_t end = text.find('\n', start_at);
            if (end == std::string_view::npos) end = text.size();
            const std::u32string chars = text::code_points(text.substr(start_at, end - start_at));
            start_at = end + 1;
            std::u32string current;
            const auto utf8 = text::to_utf8;
            std::size_t i = 0;
            while (i < chars.size()) {
                std::size_t word_end = chars.find(U' ', i);
                if (word_end == std::u32string::npos) word_end = chars.size();
                const std::u32string word = chars.substr(i, word_end - i);
                const std::u32string candidate = current.empty() ? word : current + U' ' + word;
                if (canvas.width(utf8(candidate), strong, size) <= room) {
                    current = candidate;
                    i = word_end + 1;
                    continue;
                }
                if (!current.empty()) {  // the word starts the next line
                    line(utf8(current), strong, size, fill);
                    current.clear();
                    continue;
                }
                std::size_t fit = 1;  // a word longer than the line: cut it
                while (fit < word.size() && canvas.width(utf8(word.substr(0, fit + 1)), strong, size) <= room) ++fit;
                line(utf8(word.substr(0, fit)), strong, size, fill);
                i += fit;
            }
            line(utf8(current), strong, size, fill);
        }
    }
};

void write_details(Flow& flow, const Document& document) {
    Canvas& c = flow.canvas;
    flow.start();
    const std::string& language = document.meta.language;
    const auto word = [&language](std::string_view key) -> const std::string& { return i18n::text(language, key); };
    const std::string title = is_untitled_title(document.meta.title) ? untitled_title(language)
                                                                     : text::make_valid_utf8(document.meta.title);
    flow.paragraph(title.empty() ? word("export.pdf.heading") : i18n::format(language, "export.pdf.heading_titled", {{"title", title}}),
                   true, 18);
    flow.y -= 10;
    flow.line(word("export.pdf.who_plays"), true, 13);
    flow.y -= 4;
    const Analysis analysis = analyse(document);
    const double columns[] = {flow.right() - 300, flow.right() - 225, flow.right() - 150, flow.right() - 90, flow.right()};
    const std::string headers[] = {word("export.pdf.people"), word("export.pdf.organizations"), word("export.pdf.networks"),
                                   word("export.pdf.votes"), word("export.pdf.gap")};
    const auto right_aligned = [&](std::string_view text, bool strong, double x, double size) {
        c.text(text, strong, size, 1, 0, 0, 1, x - c.width(text, strong, size), flow.y);
    };
    flow.line(word("export.pdf.role"), true, 10, kMutedColor);
    for (int k = 0; k < 5; ++k) right_aligned(headers[k], true, columns[k], 10);
    for (std::size_t i = 0; i < analysis.roles.size() && i < document.framework.roles.size(); ++i) {
        const RoleStats& stats = analysis.roles[i];
        const Role& role = document.framework.roles[i];
        flow.need(18);
        flow.y -= 18;
        c.ops += color(role.color, "rg") + num(kMarginPt) + " " + num(flow.y - 1) + " 10 10 re f\n" + color(kTextColor, "rg");
        c.text(text::make_valid_utf8(role.name), false, 11, 1, 0, 0, 1, kMarginPt + 16, flow.y);
        const std::string cells[] = {std::to_string(stats.by_kind[slot(EntityKind::Person)]),
                                     std::to_string(stats.by_kind[slot(EntityKind::Organization)]),
                                     std::to_string(stats.by_kind[slot(EntityKind::Network)]), std::to_string(stats.votes),
                                     stats.empty     ? word("export.pdf.missing")
                                     : stats.thin    ? word("export.pdf.thin")
                                     : stats.crowded ? word("export.pdf.crowded")
                                                     : std::string()};
        for (int k = 0; k < 5; ++k) right_aligned(cells[k], k == 4, columns[k], 11);
    }
    flow.y -= 6;
    flow.line(i18n::format(language, "export.pdf.placed",
                           {{"placed", std::to_string(analysis.entities_placed)},
                            {"unplaced", std::to_string(analysis.entities_unplaced)}}),
              false, 10, kMutedColor);

    flow.y -= 14;
    flow.line(word("export.pdf.reflections"), true, 13);
    bool any = false;
    std::map<std::string, bool> shown;
    const auto reflection = [&](std::string_view question, const std::string& answer) {
        if (text::trimmed(answer).empty()) return;
        any = true;
        flow.y -= 6;
        flow.paragraph(text::make_valid_utf8(question), true, 11);
        flow.paragraph(text::make_valid_utf8(answer), false, 11);
    };
    for (const Prompt& prompt : document.framework.prompts) {
        const auto it = document.reflections.find(prompt.id);
        if (it == document.reflections.end()) continue;
        shown[prompt.id] = true;
        reflection(prompt.text, it->second);
    }
    for (const auto& [id, answer] : document.reflections)
        if (!shown.count(id)) reflection(id, answer);
    if (!any) flow.line(word("export.pdf.no_reflections"), false, 11, kMutedColor);
    flow.finish();
}

}  // namespace

// [SECTION] Document ----------------------------------------------------------------------

std::string export_pdf(const Document& document, const PdfOptions& options) {
    const Typefaces& faces = typefaces();
    Font regular{faces.regular, "/R", "Inter-Regular", embedded::inter_regular_otf(), {}};
    Font semibold{faces.semibold, "/S", "Inter-SemiBold", embedded::inter_semibold_otf(), {}};
    Canvas canvas{regular, semibold, {}};
    const Page page = options.paper == Paper::A4 ? Page{841.89, 595.28} : Page{792, 612};
    std::vector<std::string> pages;

    // Page 1: the figure, centred in the page's margins, y flipped.
    const double room_w = page.width - 2 * kMarginPt, room_h = page.height - 2 * kMarginPt;
    const auto fit = [room_w, room_h](double width, double height) { return std::min(room_w / width, room_h / height); };
    FigureOptions figure_options;
    figure_options.title = true;
    figure_options.measure = [&canvas](std::string_view text, double size) { return canvas.width(text, false, size); };
    figure_options.px_per_unit = [&fit](double width, double height) { return fit(width, height) / kPointsPerPx; };
    const MapFigure figure = map_figure(document, figure_options);
    const double scale = fit(figure.width, figure.height);
    const double left = kMarginPt + (room_w - figure.width * scale) / 2, top = kMarginPt + (room_h - figure.height * scale) / 2;
    canvas.ops = "q " + num(scale) + " 0 0 " + num(-scale) + " " + num(left - figure.x * scale) + " " +
                 num(page.height - top + figure.y * scale) + " cm\n";
    draw_map(canvas, figure);
    canvas.ops += "Q\n";
    pages.push_back(std::move(canvas.ops));
    canvas.ops.clear();

    if (options.details) {
        Flow flow{canvas, page, pages, 0, text::make_valid_utf8(document.framework.attribution.text)};
        write_details(flow, document);
    }

    Objects objects;
    const int catalog = objects.reserve(), pages_object = objects.reserve();
    const int regular_font = regular.write(objects), semibold_font = semibold.write(objects);
    const std::string resources = "<</Font <</R " + ref(regular_font) + " /S " + ref(semibold_font) +
                                  ">> /ExtGState <</Links <</CA " + num(kLinkOpacity) + ">>>>>>";
    std::string kids;
    for (const std::string& content : pages) {
        const int stream = objects.stream("", content);
        kids += ref(objects.add("<</Type /Page /Parent " + ref(pages_object) + " /MediaBox [0 0 " + num(page.width) + " " +
                                num(page.height) + "] /Resources " + resources + " /Contents " + ref(stream) + ">>")) +
                " ";
    }
    objects.set(pages_object, "<</Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages.size()) + ">>");
    std::string names;
    if (options.embed_document) {
        const int file = objects.stream(" /Type /EmbeddedFile /Subtype /application#2Fjson", export_json(document));
        const int spec = objects.add("<</Type /Filespec /F (map.ecomap.json) /UF (map.ecomap.json) /AFRelationship /Source"
                                     " /Desc (The map, to open again in ecomap) /EF <</F " + ref(file) + ">>>>");
        names = " /Names <</EmbeddedFiles <</Names [(map.ecomap.json) " + ref(spec) + "]>>>> /AF [" + ref(spec) + "]";
    }
    const std::string title = is_untitled_title(document.meta.title) ? untitled_title(document.meta.language)
                                                                     : text::make_valid_utf8(document.meta.title);
    objects.set(catalog, "<</Type /Catalog /Pages " + ref(pages_object) + names +
                             " /ViewerPreferences <</DisplayDocTitle true>>>>");
    const int info = objects.add("<</Title " + text_string(title.empty() ? "ecomap map" : title) + " /Subject " +
                                 text_string(text::make_valid_utf8(document.framework.attribution.text)) +
                                 " /Creator (ecomap)>>");
    return objects.file(catalog, info);
}

}  // namespace ecomap
