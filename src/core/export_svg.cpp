// ecomap core: export_svg (see export_svg.hpp): map_figure written as SVG.
//
// Index
//   [SECTION] Numbers and shapes
//   [SECTION] Parts       ring, centre, role labels, votes, links, tokens, count cards
//   [SECTION] Document
#include "core/export_svg.hpp"

#include "core/base64.hpp"
#include "core/framework.hpp"
#include "core/io_json.hpp"
#include "core/map_figure.hpp"
#include "core/utf8.hpp"

#include <cmath>
#include <cstdio>

namespace ecomap {

namespace {

using namespace figure;

// [SECTION] Numbers and shapes --------------------------------------------------------

std::string num(double value) { return text::decimal(value, 2); }  // a number for SVG

std::string coordinates(Vec2 p) { return num(p.x) + "," + num(p.y); }
std::string point(double angle, double radius) { return coordinates(point_at(angle, radius)); }

// Path of the ring band between radii r0 < r1 and angles a0 < a1 (clockwise from 12
// o'clock); a whole annulus (even-odd) when the sector is the whole circle.
std::string band_path(double a0, double a1, double r0, double r1) {
    if (a1 - a0 >= 2.0 * kPi - 1e-9) {
        const auto circle = [](double r) {
            return "M" + point(0, r) + "A" + num(r) + "," + num(r) + " 0 1 1 " + point(kPi, r) + "A" + num(r) + "," +
                   num(r) + " 0 1 1 " + point(0, r) + "Z";
        };
        return circle(r1) + circle(r0);
    }
    const char* large = a1 - a0 > kPi ? "1" : "0";
    return "M" + point(a0, r1) + "A" + num(r1) + "," + num(r1) + " 0 " + large + " 1 " + point(a1, r1) + "L" +
           point(a1, r0) + "A" + num(r0) + "," + num(r0) + " 0 " + large + " 0 " + point(a0, r0) + "Z";
}

// The token outline of `kind` at (x, y) with radius r, as an element with `paint` attributes.
std::string token_shape(EntityKind kind, double x, double y, double r, const std::string& paint) {
    switch (kind) {
        case EntityKind::Person:
            return "<circle cx=\"" + num(x) + "\" cy=\"" + num(y) + "\" r=\"" + num(r) + "\"" + paint + "/>";
        case EntityKind::Organization: {
            const double s = r * kSquareHalfSide;
            return "<rect x=\"" + num(x - s) + "\" y=\"" + num(y - s) + "\" width=\"" + num(2 * s) + "\" height=\"" +
                   num(2 * s) + "\" rx=\"" + num(r * kSquareCorner) + "\"" + paint + "/>";
        }
        case EntityKind::Network: {
            std::string points;
            for (const Vec2& p : token_outline(kind, {x, y}, r))
                points += (points.empty() ? "" : " ") + num(p.x) + "," + num(p.y);
            return "<polygon points=\"" + points + "\"" + paint + "/>";
        }
    }
    return {};
}

const char* anchor_name(TextAnchor anchor) {
    return anchor == TextAnchor::Start ? "start" : anchor == TextAnchor::End ? "end" : "middle";
}

// [SECTION] Parts -----------------------------------------------------------------------

void write_ring(const MapFigure& f, std::string& out) {
    out += "<g id=\"ring\">\n";
    for (const FigureBand& band : f.bands)
        out += "<path d=\"" + band_path(band.a0, band.a1, band.r0, band.r1) + "\" fill=\"" + band.fill +
               "\" fill-rule=\"evenodd\"/>\n";
    for (const FigureSegment& gap : f.gaps)
        out += "<path d=\"M" + coordinates(gap.from) + "L" + coordinates(gap.to) + "\" stroke=\"#FFFFFF\" stroke-width=\"" +
               num(f.gap_width) + "\"/>\n";
    out += "</g>\n";
}

void write_centre(const MapFigure& f, std::string& out) {
    out += "<g id=\"centre\">\n<circle cx=\"0\" cy=\"0\" r=\"" + num(f.layout.centre_radius) + "\" fill=\"#FFFFFF\" stroke=\"" +
           kCentreOutline + "\" stroke-width=\"" + num(kCentreStroke) + "\"/>\n";
    for (const FigureText& line : f.centre)
        out += "<text x=\"" + num(line.x) + "\" y=\"" + num(line.y) + "\" font-size=\"" + num(line.size) +
               "\" text-anchor=\"middle\" fill=\"" + kTextColor + "\"" + (line.strong ? " font-weight=\"600\"" : "") + ">" +
               xml_escape(line.text) + "</text>\n";
    out += "</g>\n";
}

void write_role_labels(const MapFigure& f, std::string& out) {
    out += "<g id=\"role-labels\" font-size=\"" + num(kLabelSize) + "\" font-weight=\"600\" fill=\"" + kTextColor + "\">\n";
    for (const FigureText& label : f.role_labels) {
        if (f.radial_labels)
            out += "<text x=\"" + num(label.x) + "\" y=\"" + num(label.y) + "\" font-size=\"" + num(label.size) +
                   "\" text-anchor=\"" + anchor_name(label.anchor) + "\" transform=\"rotate(" + num(label.rotation) + " " +
                   num(label.pivot_x) + " " + num(label.pivot_y) + ")\">" + xml_escape(label.text) + "</text>\n";
        else
            out += "<text x=\"" + num(label.x) + "\" y=\"" + num(label.y) + "\" text-anchor=\"" + anchor_name(label.anchor) +
                   "\">" + xml_escape(label.text) + "</text>\n";
    }
    out += "</g>\n";
}

void write_votes(const MapFigure& f, std::string& out) {
    if (f.votes.empty()) return;
    out += std::string("<g id=\"votes\" fill=\"") + kTextColor + "\" stroke=\"#FFFFFF\" stroke-width=\"" + num(kVoteStroke) +
           "\">\n";
    for (const FigureVote& vote : f.votes) {
        const Vec2 p = vote.at;
        if (!vote.count) {
            out += "<circle cx=\"" + num(p.x) + "\" cy=\"" + num(p.y) + "\" r=\"" + num(kVoteDotRadius) + "\"/>\n";
            continue;
        }
        out += "<rect x=\"" + num(p.x - vote.width / 2) + "\" y=\"" + num(p.y - 17) + "\" width=\"" + num(vote.width) +
               "\" height=\"34\" rx=\"17\"/>\n<text x=\"" + num(p.x) + "\" y=\"" + num(p.y + 8.5) + "\" font-size=\"" +
               num(kVoteCountSize) + "\" font-weight=\"700\" text-anchor=\"middle\" fill=\"#FFFFFF\" stroke=\"none\">" +
               vote.text + "</text>\n";
    }
    out += "</g>\n";
}

void write_links(const MapFigure& f, std::string& out) {
    if (f.links.empty()) return;
    out += std::string("<g id=\"links\" stroke=\"") + kLinkColor + "\" stroke-width=\"" + num(kLinkWidth) +
           "\" stroke-opacity=\"" + num(kLinkOpacity) + "\">\n";
    for (const FigureLink& link : f.links) {
        std::string style;
        if (link.style.dash > 0)
            style = " stroke-dasharray=\"" + num(link.style.dash * kLinkWidth) + " " + num(link.style.gap * kLinkWidth) + "\"";
        if (link.style.arrow) style += " marker-end=\"url(#arrow)\"";
        out += "<line x1=\"" + num(link.from.x) + "\" y1=\"" + num(link.from.y) + "\" x2=\"" + num(link.to.x) + "\" y2=\"" +
               num(link.to.y) + "\"" + style + "/>\n";
    }
    out += "</g>\n";
}

void write_tokens(const MapFigure& f, std::string& out) {
    out += "<g id=\"tokens\">\n";
    for (const FigureToken& token : f.tokens) {
        std::string paint = " fill=\"" + token.fill + "\" stroke=\"" + token.stroke + "\" stroke-width=\"" +
                            num(token.stroke_width) + "\"";
        if (token.dash > 0) paint += " stroke-dasharray=\"" + num(token.dash) + " " + num(token.gap) + "\"";
        out += token_shape(token.kind, token.centre.x, token.centre.y, token.shape_radius, paint);
        out += "\n";
    }
    out += "</g>\n";
    if (f.names.empty()) return;
    out += std::string("<g id=\"names\" text-anchor=\"middle\" fill=\"") + kTextColor + "\" stroke=\"#FFFFFF\" stroke-width=\"" +
           num(kNameHalo) + "\" stroke-linejoin=\"round\" paint-order=\"stroke\">\n";
    for (const FigureText& name : f.names)
        out += "<text x=\"" + num(name.x) + "\" y=\"" + num(name.y) + "\" font-size=\"" + num(name.size) + "\"" +
               (name.anchor == TextAnchor::Middle ? "" : std::string(" text-anchor=\"") + anchor_name(name.anchor) + "\"") +
               ">" + xml_escape(name.text) + "</text>\n";
    out += "</g>\n";
}

void write_counts(const MapFigure& f, std::string& out) {
    if (f.counts.empty()) return;
    out += std::string("<g id=\"counts\" text-anchor=\"middle\" fill=\"") + kTextColor + "\">\n";
    for (const FigureCount& card : f.counts) {
        out += "<rect x=\"" + num(card.x) + "\" y=\"" + num(card.y) + "\" width=\"" + num(card.width) + "\" height=\"" +
               num(card.height) + "\" rx=\"" + num(card.corner) + "\" fill=\"#FFFFFF\" stroke=\"" + card.stroke +
               "\" stroke-width=\"" + num(kCardStroke) + "\"/>\n";
        for (const FigureText& line : card.lines)
            out += "<text x=\"" + num(line.x) + "\" y=\"" + num(line.y) + "\" font-size=\"" + num(line.size) + "\"" +
                   (line.strong ? " font-weight=\"600\"" : "") + ">" + xml_escape(line.text) + "</text>\n";
    }
    out += "</g>\n";
}

}  // namespace

// [SECTION] Document ----------------------------------------------------------------------

std::string xml_escape(std::string_view text) {
    const std::string valid = text::make_valid_utf8(text);
    std::string out;
    out.reserve(valid.size());
    for (std::size_t i = 0; i < valid.size(); ++i) {
        const char ch = valid[i];
        switch (ch) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            case '\t':
            case '\n':
            case '\r': out += ' '; break;
            default:
                if (static_cast<unsigned char>(ch) < 0x20) break;  // not allowed in XML 1.0
                // U+FFFE and U+FFFF (EF BF BE / EF BF BF) are not allowed either.
                if (ch == '\xEF' && i + 2 < valid.size() && valid[i + 1] == '\xBF' &&
                    (valid[i + 2] == '\xBE' || valid[i + 2] == '\xBF')) {
                    out += "\xEF\xBF\xBD";
                    i += 2;
                    break;
                }
                out += ch;
        }
    }
    return out;
}

std::string export_svg(const Document& document, const SvgOptions& options) {
    FigureOptions figure;
    figure.title = options.title;
    figure.votes = options.votes;
    figure.px_per_unit = [&options](double width, double) {
        return options.drawn_width > 0 ? options.drawn_width / width : kSvgPxPerUnit;
    };
    const MapFigure f = map_figure(document, figure);
    std::string body;
    write_ring(f, body);
    write_links(f, body);  // under the centre disc, so the values stay readable
    write_centre(f, body);
    write_role_labels(f, body);
    write_votes(f, body);
    write_tokens(f, body);
    write_counts(f, body);
    if (f.title)
        body += "<text id=\"title\" x=\"" + num(f.title->x) + "\" y=\"" + num(f.title->y) + "\" font-size=\"" +
                num(f.title->size) + "\" font-weight=\"700\" text-anchor=\"middle\" fill=\"" + kTextColor + "\">" +
                xml_escape(f.title->text) + "</text>\n";
    if (f.attribution)
        body += "<text id=\"attribution\" x=\"" + num(f.attribution->x) + "\" y=\"" + num(f.attribution->y) +
                "\" font-size=\"" + num(f.attribution->size) + "\" text-anchor=\"end\" fill=\"" + kMutedColor + "\">" +
                xml_escape(f.attribution->text) + "</text>\n";

    const std::string title = is_untitled_title(document.meta.title) ? untitled_title(document.meta.language)
                                                                     : text::make_valid_utf8(document.meta.title);
    std::string svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"" + num(f.x) + " " + num(f.y) + " " + num(f.width) + " " +
           num(f.height) + "\" width=\"" + num(std::round(f.width * kSvgPxPerUnit)) + "\" height=\"" +
           num(std::round(f.height * kSvgPxPerUnit)) + "\" font-family=\"" + std::string(kSvgFontStack) + "\">\n";
    svg += "<title>" + xml_escape(title.empty() ? "ecomap map" : title) + "</title>\n";
    if (f.attribution) svg += "<desc>" + xml_escape(f.attribution->text) + "</desc>\n";
    if (options.embed_document)
        svg += "<metadata><ecomap:document xmlns:ecomap=\"" + std::string(kSvgDocumentNamespace) + "\">" +
               base64_encode(export_json(document)) + "</ecomap:document></metadata>\n";
    svg += std::string("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"4\" "
                       "markerHeight=\"4\" orient=\"auto\"><path d=\"M0,0L10,5L0,10Z\" fill=\"") +
           kLinkColor + "\"/></marker></defs>\n";
    if (!options.transparent)
        svg += "<rect x=\"" + num(f.x) + "\" y=\"" + num(f.y) + "\" width=\"" + num(f.width) + "\" height=\"" + num(f.height) +
               "\" fill=\"#FFFFFF\"/>\n";
    svg += body;
    svg += "</svg>\n";
    return svg;
}

}  // namespace ecomap
