// ecomap core: export_svg (see export_svg.hpp).
//
// Index
//   [SECTION] Text        XML escaping, numbers, colours, wrapping, width estimates
//   [SECTION] Shapes      sectors, token shapes
//   [SECTION] Parts       ring, centre, role labels, votes, links, tokens
//   [SECTION] Document
#include "core/export_svg.hpp"

#include "core/base64.hpp"
#include "core/geometry.hpp"
#include "core/io_json.hpp"
#include "core/look.hpp"
#include "core/utf8.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>
#include <vector>

namespace ecomap {

namespace {

// Sizes in map units (the ring's outer radius is 1000).
constexpr double kLabelSize = 40;         // role names
constexpr double kCauseSize = 34;         // the cause in the centre
constexpr double kValueSize = 30;         // the values in the centre
constexpr double kTitleSize = 60;         // the map's title
constexpr double kAttributionSize = 22;   // the attribution line
constexpr double kMaxNameSize = 21;       // entity names under tokens
constexpr double kCharWidth = 0.56;       // average character width, in ems, for layout estimates
constexpr double kMargin = 40;            // around everything
constexpr int kMaxVoteDots = 20;          // more votes are shown as a number
constexpr double kVoteDotRadius = 12;
constexpr double kVoteDotSpacing = 30;    // between dot centres, when there is room
constexpr double kVoteDotMinSpacing = 26; // closest the dots may get before a number is shown instead
constexpr double kLinkWidth = 3;          // link stroke width
constexpr std::size_t kMaxNameChars = 22; // longer entity names are shortened with "…"
constexpr const char* kTextColor = "#1C2028";
constexpr const char* kLinkColor = "#464C5A";
constexpr const char* kMutedColor = "#5A606E";

// [SECTION] Text -----------------------------------------------------------------------

// A number for SVG: at most two decimals, no trailing zeros, never "-0".
std::string num(double value) {
    if (!std::isfinite(value)) return "0";
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    std::string text = buffer;
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
    if (text == "-0") text = "0";
    return text;
}

double text_width(std::string_view utf8, double size) {
    return static_cast<double>(text::code_point_count(utf8)) * size * kCharWidth;
}

// `text` (valid UTF-8) cut to `max` characters, ending with "…" when cut.
std::string shorten(const std::string& text, std::size_t max) {
    if (text::code_point_count(text) <= max) return text;
    return text::truncate_code_points(text, max - 1) + "…";
}

// Greedy word wrap of valid UTF-8 to lines of at most `max_chars` characters; longer
// words are cut.
std::vector<std::string> wrap(const std::string& text, std::size_t max_chars) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t from = 0;
    while (from <= text.size()) {
        std::size_t to = text.find_first_of(" \n\t", from);
        if (to == std::string::npos) to = text.size();
        std::string word = text.substr(from, to - from);
        from = to + 1;
        while (text::code_point_count(word) > max_chars) {
            if (!line.empty()) lines.push_back(std::move(line));
            line.clear();
            const std::string head = text::truncate_code_points(word, max_chars);
            lines.push_back(head);
            word.erase(0, head.size());
        }
        if (word.empty()) continue;
        if (line.empty()) line = word;
        else if (text::code_point_count(line) + 1 + text::code_point_count(word) <= max_chars) line += " " + word;
        else {
            lines.push_back(std::move(line));
            line = word;
        }
    }
    if (!line.empty()) lines.push_back(std::move(line));
    return lines;
}

struct Box {
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
    void add(double x, double y) {
        min_x = std::min(min_x, x);
        min_y = std::min(min_y, y);
        max_x = std::max(max_x, x);
        max_y = std::max(max_y, y);
    }
};

// [SECTION] Shapes ----------------------------------------------------------------------

std::string point(double angle, double radius) {
    const Vec2 p = point_at(angle, radius);
    return num(p.x) + "," + num(p.y);
}

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

// [SECTION] Parts -----------------------------------------------------------------------

struct Canvas {
    const Document& document;
    RingLayout layout;
    std::vector<std::string> colors;  // per role, "#RRGGBB"
    Box box;
    std::string out;
};

void draw_ring(Canvas& c) {
    const RingLayout& l = c.layout;
    const double rim = l.outer_radius * kRimShare;
    c.out += "<g id=\"ring\">\n";
    for (int i = 0; i < l.role_count; ++i) {
        const double a0 = sector_start_angle(l, i), a1 = sector_end_angle(l, i);
        const std::string tint = to_hex(mix_with_white(parse_hex_color(c.colors[static_cast<std::size_t>(i)]), kBandTint));
        c.out += "<path d=\"" + band_path(a0, a1, l.inner_radius, l.outer_radius - rim) + "\" fill=\"" + tint +
                 "\" fill-rule=\"evenodd\"/>\n";
        c.out += "<path d=\"" + band_path(a0, a1, l.outer_radius - rim, l.outer_radius) + "\" fill=\"" +
                 c.colors[static_cast<std::size_t>(i)] + "\" fill-rule=\"evenodd\"/>\n";
    }
    if (l.role_count > 1) {
        const double gap = l.outer_radius * kGapShare;
        for (int i = 0; i < l.role_count; ++i) {
            const double a = sector_start_angle(l, i);
            c.out += "<path d=\"M" + point(a, l.inner_radius - 1) + "L" + point(a, l.outer_radius + 1) +
                     "\" stroke=\"#FFFFFF\" stroke-width=\"" + num(gap) + "\"/>\n";
        }
    }
    c.out += "</g>\n";
    c.box.add(-l.outer_radius, -l.outer_radius);
    c.box.add(l.outer_radius, l.outer_radius);
}

void draw_centre(Canvas& c) {
    const double r = c.layout.centre_radius;
    c.out += "<g id=\"centre\">\n<circle cx=\"0\" cy=\"0\" r=\"" + num(r) +
             "\" fill=\"#FFFFFF\" stroke=\"#8C919E\" stroke-width=\"4\"/>\n";
    struct Line {
        std::string text;
        double size;
        bool strong;
    };
    std::vector<Line> lines;
    const Centre& centre = c.document.centre;
    const auto width_in = [r](double size) { return static_cast<std::size_t>(std::max(4.0, 1.6 * r / (size * kCharWidth))); };
    for (std::string& line : wrap(text::make_valid_utf8(centre.cause), width_in(kCauseSize)))
        lines.push_back({std::move(line), kCauseSize, true});
    std::string values;
    for (const std::string& value : centre.values) {
        if (value.empty()) continue;
        values += (values.empty() ? "" : " · ") + text::make_valid_utf8(value);
    }
    for (std::string& line : wrap(values, width_in(kValueSize))) lines.push_back({std::move(line), kValueSize, false});
    const auto max_lines = static_cast<std::size_t>(1.45 * r / (kCauseSize * 1.2));
    if (lines.size() > max_lines) {  // the last line that fits ends with "…"
        lines.resize(max_lines);
        Line& last = lines.back();
        last.text = text::truncate_code_points(last.text, width_in(last.size) - 2) + " …";
    }
    double height = 0;
    for (const Line& line : lines) height += line.size * 1.2;
    double y = -height / 2;
    for (const Line& line : lines) {
        y += line.size * 1.2;
        c.out += "<text x=\"0\" y=\"" + num(y - line.size * 0.3) + "\" font-size=\"" + num(line.size) +
                 "\" text-anchor=\"middle\" fill=\"" + kTextColor + "\"" + (line.strong ? " font-weight=\"600\"" : "") +
                 ">" + xml_escape(line.text) + "</text>\n";
    }
    c.out += "</g>\n";
}

void draw_role_labels(Canvas& c) {
    c.out += "<g id=\"role-labels\" font-size=\"" + num(kLabelSize) + "\" font-weight=\"600\" fill=\"" + kTextColor +
             "\">\n";
    for (int i = 0; i < c.layout.role_count; ++i) {
        const std::string name = text::make_valid_utf8(c.document.framework.roles[static_cast<std::size_t>(i)].name);
        const Vec2 anchor = label_anchor(c.layout, i);
        const double angle = sector_mid_angle(c.layout, i);
        if (radial_role_labels(c.layout.role_count)) {  // many roles: along the radius, never upside down
            const double size = std::min(kLabelSize, c.layout.outer_radius * c.layout.sector_sweep * 0.8);
            const Vec2 at = point_at(angle, c.layout.outer_radius + size * 0.35);
            const bool ends = radial_label_ends_at_anchor(angle);
            const double width = text_width(name, size);
            const Vec2 far = point_at(angle, c.layout.outer_radius + size * 0.35 + width);
            c.box.add(far.x - size, far.y - size);
            c.box.add(far.x + size, far.y + size);
            c.out += "<text x=\"" + num(at.x) + "\" y=\"" + num(at.y + size * 0.35) + "\" font-size=\"" + num(size) +
                     "\" text-anchor=\"" + (ends ? "end" : "start") + "\" transform=\"rotate(" +
                     num(radial_label_rotation(angle) * 180 / kPi) + " " + num(at.x) + " " + num(at.y) + ")\">" +
                     xml_escape(name) + "</text>\n";
            continue;
        }
        const double s = std::sin(angle), down = -std::cos(angle);
        const char* anchor_name = s > 0.25 ? "start" : s < -0.25 ? "end" : "middle";
        const double fx = s > 0.25 ? 0.0 : s < -0.25 ? 1.0 : 0.5;
        const double baseline = down > 0.25    ? anchor.y + kLabelSize * 0.8
                                : down < -0.25 ? anchor.y - kLabelSize * 0.22
                                               : anchor.y + kLabelSize * 0.35;
        const double width = text_width(name, kLabelSize);
        c.box.add(anchor.x - width * fx, baseline - kLabelSize * 0.8);
        c.box.add(anchor.x - width * fx + width, baseline + kLabelSize * 0.25);
        c.out += "<text x=\"" + num(anchor.x) + "\" y=\"" + num(baseline) + "\" text-anchor=\"" + anchor_name + "\">" +
                 xml_escape(name) + "</text>\n";
    }
    c.out += "</g>\n";
}

void draw_votes(Canvas& c) {
    const RingLayout& l = c.layout;
    const double radius = l.outer_radius * (1.0 - kRimShare / 2);
    std::string dots;
    for (int i = 0; i < l.role_count; ++i) {
        const int votes = c.document.votes_for(c.document.framework.roles[static_cast<std::size_t>(i)].id);
        if (votes <= 0) continue;
        // Arc length between the first and the last possible dot centre.
        const double usable = l.sector_sweep * radius - 2 * l.outer_radius * kGapShare - 2 * kVoteDotRadius;
        const int capacity = std::min(kMaxVoteDots, static_cast<int>(std::floor(usable / kVoteDotMinSpacing)) + 1);
        const double mid = sector_mid_angle(l, i);
        if (votes <= capacity) {
            const double spacing = votes > 1 ? std::min(kVoteDotSpacing, usable / (votes - 1)) : kVoteDotSpacing;
            const double step = spacing / radius;
            for (int k = 0; k < votes; ++k) {
                const Vec2 p = point_at(mid + (k - 0.5 * (votes - 1)) * step, radius);
                dots += "<circle cx=\"" + num(p.x) + "\" cy=\"" + num(p.y) + "\" r=\"" + num(kVoteDotRadius) + "\"/>\n";
            }
        } else {
            const Vec2 p = point_at(mid, radius);
            const std::string count = std::to_string(votes);
            const double w = std::max(2.4 * kVoteDotRadius, text_width(count, 24) + 20);
            dots += "<rect x=\"" + num(p.x - w / 2) + "\" y=\"" + num(p.y - 17) + "\" width=\"" + num(w) +
                    "\" height=\"34\" rx=\"17\"/>\n<text x=\"" + num(p.x) + "\" y=\"" + num(p.y + 8.5) +
                    "\" font-size=\"24\" font-weight=\"700\" text-anchor=\"middle\" fill=\"#FFFFFF\" stroke=\"none\">" +
                    count + "</text>\n";
        }
    }
    if (!dots.empty())
        c.out += std::string("<g id=\"votes\" fill=\"") + kTextColor + "\" stroke=\"#FFFFFF\" stroke-width=\"3\">\n" +
                 dots + "</g>\n";
}

void draw_links(Canvas& c, const std::vector<TokenPlace>& tokens) {
    std::unordered_map<std::string_view, const TokenPlace*> first;  // entity id -> its first token
    for (const TokenPlace& token : tokens) first.emplace(token.entity, &token);
    std::string lines;
    for (const Relationship& link : c.document.relationships) {
        const auto a = first.find(link.from), b = first.find(link.to);
        if (a == first.end() || b == first.end()) continue;
        const Vec2 p = a->second->centre, q = b->second->centre;
        const double dx = q.x - p.x, dy = q.y - p.y, length = std::hypot(dx, dy);
        if (length < a->second->radius + b->second->radius + 2) continue;
        const double ux = dx / length, uy = dy / length;
        const LinkStyle look = link_style(link.kind);
        std::string style;
        if (look.dash > 0)
            style = " stroke-dasharray=\"" + num(look.dash * kLinkWidth) + " " + num(look.gap * kLinkWidth) + "\"";
        if (look.arrow) style += " marker-end=\"url(#arrow)\"";
        lines += "<line x1=\"" + num(p.x + ux * a->second->radius) + "\" y1=\"" + num(p.y + uy * a->second->radius) +
                 "\" x2=\"" + num(q.x - ux * b->second->radius) + "\" y2=\"" + num(q.y - uy * b->second->radius) + "\"" +
                 style + "/>\n";
    }
    if (!lines.empty())
        c.out += std::string("<g id=\"links\" stroke=\"") + kLinkColor + "\" stroke-width=\"" + num(kLinkWidth) +
                 "\" stroke-opacity=\"0.85\">\n" + lines + "</g>\n";
}

void draw_tokens(Canvas& c, const std::vector<TokenPlace>& tokens) {
    std::unordered_map<std::string_view, const Entity*> entities;
    for (const Entity& entity : c.document.entities) entities.emplace(entity.id, &entity);
    std::unordered_map<std::string_view, const Placement*> placements;
    for (const Placement& placement : c.document.placements) placements.emplace(placement.id, &placement);
    c.out += "<g id=\"tokens\">\n";
    std::string names;
    for (const TokenPlace& token : tokens) {
        const auto entity = entities.find(token.entity);
        const auto placement = placements.find(token.placement);
        if (entity == entities.end() || placement == placements.end()) continue;
        const std::string& color = c.colors[static_cast<std::size_t>(token.role_index)];
        const double x = token.centre.x, y = token.centre.y, r = token.radius;
        const TokenGlyph glyph = token_glyph(placement->second->strength, r);
        const std::string fill = glyph.fill_share >= 1.0 ? color
                                 : glyph.fill_share <= 0.0 ? std::string("#FFFFFF")
                                                           : to_hex(mix_with_white(parse_hex_color(color), glyph.fill_share));
        std::string paint = " fill=\"" + fill + "\" stroke=\"" + (glyph.stroke == GlyphStroke::White ? "#FFFFFF" : color) +
                            "\" stroke-width=\"" + num(glyph.stroke_width) + "\"";
        if (glyph.dash > 0) paint += " stroke-dasharray=\"" + num(glyph.dash) + " " + num(glyph.gap) + "\"";
        c.out += token_shape(entity->second->kind, x, y, glyph.shape_radius, paint);
        c.out += "\n";
        const double size = std::clamp(r * 0.75, 7.0, kMaxNameSize);
        if (r >= 10)
            names += "<text x=\"" + num(x) + "\" y=\"" + num(y + r + size * 1.05) + "\" font-size=\"" + num(size) + "\">" +
                     xml_escape(shorten(display_name(*entity->second), kMaxNameChars)) + "</text>\n";
    }
    c.out += "</g>\n";
    if (!names.empty())
        c.out += std::string("<g id=\"names\" text-anchor=\"middle\" fill=\"") + kTextColor +
                 "\" stroke=\"#FFFFFF\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\">\n" + names +
                 "</g>\n";
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
    const int role_count = static_cast<int>(document.framework.roles.size());
    Canvas c{document, ring_layout(role_count), {}, {}, {}};
    for (const Role& role : document.framework.roles) c.colors.push_back(to_hex(parse_hex_color(role.color)));
    const std::vector<TokenPlace> tokens = layout_tokens(document, c.layout);

    draw_ring(c);
    draw_links(c, tokens);  // under the centre disc, so the values stay readable
    draw_centre(c);
    draw_role_labels(c);
    if (options.votes) draw_votes(c);
    draw_tokens(c, tokens);
    std::string body = std::move(c.out);

    // Title above, attribution below the drawing; then the view box around everything.
    Box& box = c.box;
    const double half_width = std::max(-box.min_x, box.max_x);  // the ring stays in the middle of the image
    box.add(-half_width, 0);
    box.add(half_width, 0);
    const std::string title = text::make_valid_utf8(document.meta.title);
    const double centre_x = 0;
    if (options.title && !title.empty()) {
        const double baseline = box.min_y - 40;
        box.add(centre_x - text_width(title, kTitleSize) / 2, baseline - kTitleSize * 0.8);
        box.add(centre_x + text_width(title, kTitleSize) / 2, baseline);
        body += "<text id=\"title\" x=\"" + num(centre_x) + "\" y=\"" + num(baseline) + "\" font-size=\"" +
                num(kTitleSize) + "\" font-weight=\"700\" text-anchor=\"middle\" fill=\"" + kTextColor + "\">" +
                xml_escape(title) + "</text>\n";
    }
    const std::string attribution = text::make_valid_utf8(document.framework.attribution.text);
    if (!attribution.empty()) {
        const double baseline = box.max_y + 30 + kAttributionSize;
        box.add(box.max_x - text_width(attribution, kAttributionSize), baseline + kAttributionSize * 0.3);
        body += "<text id=\"attribution\" x=\"" + num(box.max_x) + "\" y=\"" + num(baseline) + "\" font-size=\"" +
                num(kAttributionSize) + "\" text-anchor=\"end\" fill=\"" + kMutedColor + "\">" + xml_escape(attribution) +
                "</text>\n";
    }
    const double x = std::floor(box.min_x - kMargin), y = std::floor(box.min_y - kMargin);
    const double w = std::ceil(box.max_x + kMargin) - x, h = std::ceil(box.max_y + kMargin) - y;

    std::string svg = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"" + num(x) + " " + num(y) + " " + num(w) + " " + num(h) +
           "\" width=\"" + num(std::round(w / 2)) + "\" height=\"" + num(std::round(h / 2)) + "\" font-family=\"" +
           std::string(kSvgFontStack) + "\">\n";
    svg += "<title>" + xml_escape(title.empty() ? "ecomap map" : title) + "</title>\n";
    if (!attribution.empty()) svg += "<desc>" + xml_escape(attribution) + "</desc>\n";
    if (options.embed_document)
        svg += "<metadata><ecomap:document xmlns:ecomap=\"" + std::string(kSvgDocumentNamespace) + "\">" +
               base64_encode(export_json(document)) + "</ecomap:document></metadata>\n";
    svg += std::string("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"4\" "
                       "markerHeight=\"4\" orient=\"auto\"><path d=\"M0,0L10,5L0,10Z\" fill=\"") +
           kLinkColor + "\"/></marker></defs>\n";
    if (!options.transparent)
        svg += "<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" + num(h) +
               "\" fill=\"#FFFFFF\"/>\n";
    svg += body;
    svg += "</svg>\n";
    return svg;
}

}  // namespace ecomap
