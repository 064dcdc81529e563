// ecomap core: map_figure (see map_figure.hpp).
//
// Index
//   [SECTION] Text        wrapping, shortening, width estimates
//   [SECTION] Parts       ring, centre, role labels, votes, links, count cards, tokens
//   [SECTION] Figure
#include "core/map_figure.hpp"

#include "core/framework.hpp"

#include "core/analysis.hpp"
#include "core/crowding.hpp"
#include "core/label_place.hpp"
#include "core/utf8.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>
#include <unordered_map>

namespace ecomap {

namespace {

using namespace figure;

constexpr double kCauseSize = 34;         // the cause in the centre
constexpr double kValueSize = 30;         // the values in the centre
constexpr double kMaxNameSize = 21;       // entity names under tokens
constexpr double kCharWidth = 0.56;       // average character width, in ems, for layout estimates
constexpr double kMargin = 40;            // around everything
constexpr int kMaxVoteDots = 20;          // more votes are shown as a number
constexpr double kVoteDotSpacing = 30;    // between dot centres, when there is room
constexpr double kVoteDotMinSpacing = 26; // closest the dots may get before a number is shown instead
constexpr std::size_t kMaxNameChars = 22; // longer entity names are shortened with "…"

// [SECTION] Text -----------------------------------------------------------------------

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

// [SECTION] Parts -----------------------------------------------------------------------

struct Builder {
    const Document& document;
    MapFigure figure;
    Box box;
    std::unordered_map<std::string_view, const Entity*> entities;      // by id
    std::unordered_map<std::string_view, const Placement*> placements;  // by id
    std::vector<int> crowded;  // per role: its token count when drawn as a card, else 0

    const Entity* entity_of(const TokenPlace& token) const {  // nullptr when the token has no entity or placement
        const auto entity = entities.find(token.entity);
        if (entity == entities.end() || placements.find(token.placement) == placements.end()) return nullptr;
        return entity->second;
    }
    bool shown(const TokenPlace& token) const {  // false on a role drawn as a card
        const auto role = static_cast<std::size_t>(token.role_index);
        return role >= crowded.size() || crowded[role] == 0;
    }
};

void add_ring(Builder& b) {
    MapFigure& f = b.figure;
    const RingLayout& l = f.layout;
    const double rim = l.outer_radius * kRimShare;
    for (int i = 0; i < l.role_count; ++i) {
        const double a0 = sector_start_angle(l, i), a1 = sector_end_angle(l, i);
        const std::string& color = f.colors[static_cast<std::size_t>(i)];
        f.bands.push_back({a0, a1, l.inner_radius, l.outer_radius - rim, to_hex(mix_with_white(parse_hex_color(color), kBandTint))});
        f.bands.push_back({a0, a1, l.outer_radius - rim, l.outer_radius, color});
    }
    if (l.role_count > 1) {
        f.gap_width = l.outer_radius * kGapShare;
        for (int i = 0; i < l.role_count; ++i) {
            const double a = sector_start_angle(l, i);
            f.gaps.push_back({point_at(a, l.inner_radius - 1), point_at(a, l.outer_radius + 1)});
        }
    }
    b.box.add(-l.outer_radius, -l.outer_radius);
    b.box.add(l.outer_radius, l.outer_radius);
}

void add_centre(Builder& b) {
    const double r = b.figure.layout.centre_radius;
    struct Line {
        std::string text;
        double size;
        bool strong;
    };
    std::vector<Line> lines;
    const Centre& centre = b.document.centre;
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
    for (Line& line : lines) {
        y += line.size * 1.2;
        FigureText text{std::move(line.text), 0, y - line.size * 0.3, line.size, TextAnchor::Middle, line.strong};
        b.figure.centre.push_back(std::move(text));
    }
}

void add_role_labels(Builder& b) {
    MapFigure& f = b.figure;
    const RingLayout& l = f.layout;
    f.radial_labels = radial_role_labels(l.role_count);
    for (int i = 0; i < l.role_count; ++i) {
        const std::string name = text::make_valid_utf8(b.document.framework.roles[static_cast<std::size_t>(i)].name);
        const Vec2 anchor = label_anchor(l, i);
        const double angle = sector_mid_angle(l, i);
        if (f.radial_labels) {  // many roles: along the radius, never upside down
            const double size = std::min(kLabelSize, l.outer_radius * l.sector_sweep * 0.8);
            const Vec2 at = point_at(angle, l.outer_radius + size * 0.35);
            const bool ends = radial_label_ends_at_anchor(angle);
            const double width = estimated_text_width(name, size);
            const Vec2 far = point_at(angle, l.outer_radius + size * 0.35 + width);
            b.box.add(far.x - size, far.y - size);
            b.box.add(far.x + size, far.y + size);
            FigureText text{name, at.x, at.y + size * 0.35, size, ends ? TextAnchor::End : TextAnchor::Start, true};
            text.rotation = radial_label_rotation(angle) * 180 / kPi;
            text.pivot_x = at.x;
            text.pivot_y = at.y;
            f.role_labels.push_back(std::move(text));
            continue;
        }
        const double s = std::sin(angle), down = -std::cos(angle);
        const TextAnchor side = s > 0.25 ? TextAnchor::Start : s < -0.25 ? TextAnchor::End : TextAnchor::Middle;
        const double fx = s > 0.25 ? 0.0 : s < -0.25 ? 1.0 : 0.5;
        const double baseline = down > 0.25    ? anchor.y + kLabelSize * 0.8
                                : down < -0.25 ? anchor.y - kLabelSize * 0.22
                                               : anchor.y + kLabelSize * 0.35;
        const double width = estimated_text_width(name, kLabelSize);
        b.box.add(anchor.x - width * fx, baseline - kLabelSize * 0.8);
        b.box.add(anchor.x - width * fx + width, baseline + kLabelSize * 0.25);
        f.role_labels.push_back({name, anchor.x, baseline, kLabelSize, side, true});
    }
}

void add_votes(Builder& b) {
    MapFigure& f = b.figure;
    const RingLayout& l = f.layout;
    const double radius = l.outer_radius * (1.0 - kRimShare / 2);
    for (int i = 0; i < l.role_count; ++i) {
        const int votes = b.document.votes_for(b.document.framework.roles[static_cast<std::size_t>(i)].id);
        if (votes <= 0) continue;
        // Arc length between the first and the last possible dot centre.
        const double usable = l.sector_sweep * radius - 2 * l.outer_radius * kGapShare - 2 * kVoteDotRadius;
        const int capacity = std::min(kMaxVoteDots, static_cast<int>(std::floor(usable / kVoteDotMinSpacing)) + 1);
        const double mid = sector_mid_angle(l, i);
        if (votes <= capacity) {
            const double spacing = votes > 1 ? std::min(kVoteDotSpacing, usable / (votes - 1)) : kVoteDotSpacing;
            const double step = spacing / radius;
            for (int k = 0; k < votes; ++k) {
                FigureVote dot;
                dot.at = point_at(mid + (k - 0.5 * (votes - 1)) * step, radius);
                f.votes.push_back(std::move(dot));
            }
        } else {
            const std::string count = std::to_string(votes);
            const double w = std::max(2.4 * kVoteDotRadius, estimated_text_width(count, kVoteCountSize) + 20);
            f.votes.push_back({point_at(mid, radius), true, w, count});
        }
    }
}

void add_links(Builder& b, const std::vector<TokenPlace>& tokens) {
    std::unordered_map<std::string_view, const TokenPlace*> first;  // entity id -> its first token
    for (const TokenPlace& token : tokens) first.emplace(token.entity, &token);
    for (const Relationship& link : b.document.relationships) {
        const auto a = first.find(link.from), c = first.find(link.to);
        if (a == first.end() || c == first.end() || !b.shown(*a->second) || !b.shown(*c->second)) continue;
        const Vec2 p = a->second->centre, q = c->second->centre;
        const double dx = q.x - p.x, dy = q.y - p.y, length = std::hypot(dx, dy);
        if (length < a->second->radius + c->second->radius + 2) continue;
        const double ux = dx / length, uy = dy / length;
        b.figure.links.push_back({{p.x + ux * a->second->radius, p.y + uy * a->second->radius},
                                  {q.x - ux * c->second->radius, q.y - uy * c->second->radius},
                                  link_style(link.kind)});
    }
}

// Which roles are drawn as cards (Builder::crowded): the rule of crowding.hpp at the output's scale.
void mark_crowded(Builder& b, const std::vector<TokenPlace>& tokens, const FigureOptions& options) {
    const auto roles = static_cast<std::size_t>(b.figure.layout.role_count);
    b.crowded.assign(roles, 0);
    const double px_per_unit = options.px_per_unit ? options.px_per_unit(b.figure.width, b.figure.height) : 0.0;
    if (!(px_per_unit > 0)) return;
    CrowdedRoles crowded(roles);
    for (const TokenPlace& token : tokens)
        if (b.entity_of(token) != nullptr) crowded.add(token.role_index, token.radius);
    b.crowded = crowded.counts(kReadableTokenPx / px_per_unit);
}

// True when the upright box lies in role i's band, clear of the rim, the gaps and the centre.
bool box_in_sector(const RingLayout& l, int i, double x0, double y0, double x1, double y1) {
    const double near_x = std::clamp(0.0, x0, x1), near_y = std::clamp(0.0, y0, y1);
    if (std::hypot(near_x, near_y) < l.inner_radius + l.token_margin) return false;
    const double a0 = sector_start_angle(l, i), a1 = sector_end_angle(l, i);
    const double margin = l.outer_radius * kGapShare + l.token_margin;
    for (const Vec2 corner : {Vec2{x0, y0}, Vec2{x1, y0}, Vec2{x0, y1}, Vec2{x1, y1}}) {
        if (std::hypot(corner.x, corner.y) > l.outer_radius * (1 - kRimShare) - l.token_margin) return false;
        if (l.role_count < 2) continue;  // one role: the whole ring
        // Inside both sector edges (the sector is convex): past the start edge clockwise, before the end edge.
        if (corner.x * std::cos(a0) + corner.y * std::sin(a0) < margin) return false;
        if (-(corner.x * std::cos(a1) + corner.y * std::sin(a1)) < margin) return false;
    }
    return true;
}

// A card in the middle of each crowded role's band: the token count, then the count per
// kind, as large as fits the sector (up to kCountSize).
void add_counts(Builder& b, const std::vector<TokenPlace>& tokens, const TextWidth& width) {
    MapFigure& f = b.figure;
    const RingLayout& l = f.layout;
    std::vector<std::array<int, 3>> kinds(b.crowded.size(), std::array<int, 3>{});
    for (const TokenPlace& token : tokens) {
        const Entity* entity = b.entity_of(token);
        if (entity != nullptr && !b.shown(token)) ++kinds[static_cast<std::size_t>(token.role_index)][slot(entity->kind)];
    }
    for (std::size_t i = 0; i < b.crowded.size(); ++i) {
        if (b.crowded[i] == 0) continue;
        const int role = static_cast<int>(i);
        const std::vector<std::string> lines = crowded_card_lines(b.crowded[i], kinds[i], b.document.meta.language);
        // In the middle of the band, or further out where a narrow sector is wider; smaller
        // until it fits.
        const double mid_radius = (l.inner_radius + l.outer_radius * (1 - kRimShare)) / 2;
        const double step = (l.outer_radius * (1 - kRimShare) - mid_radius) / 8;
        Vec2 centre;
        double scale = 1.0, w = 0, h = 0;
        for (;; scale *= 0.9) {
            bool fits = false;
            w = 0;
            h = 0;
            for (std::size_t k = 0; k < lines.size(); ++k) {
                const double size = (k == 0 ? kCountSize : kCountKindSize) * scale;
                w = std::max(w, width(lines[k], size));
                h += size * 1.2;
            }
            w += 40 * scale;
            h += 20 * scale;
            for (int out = 0; out < 8 && !fits; ++out) {
                centre = point_at(sector_mid_angle(l, role), mid_radius + out * step);
                fits = box_in_sector(l, role, centre.x - w / 2, centre.y - h / 2, centre.x + w / 2, centre.y + h / 2);
            }
            if (fits) break;
            if (scale < 0.2) {  // too many roles for any card: the smallest, in the middle
                centre = point_at(sector_mid_angle(l, role), mid_radius);
                break;
            }
        }
        FigureCount card{role, centre.x - w / 2, centre.y - h / 2, w, h, 14 * scale, f.colors[i], {}};
        double y = card.y + 10 * scale;
        for (std::size_t k = 0; k < lines.size(); ++k) {
            const double size = (k == 0 ? kCountSize : kCountKindSize) * scale;
            card.lines.push_back({lines[k], centre.x, y + size * 0.95, size, TextAnchor::Middle, k == 0});
            y += size * 1.2;
        }
        f.counts.push_back(std::move(card));
    }
}

void add_tokens(Builder& b, const std::vector<TokenPlace>& tokens, const TextWidth& width) {
    MapFigure& f = b.figure;
    std::vector<LabelRequest> names;
    LabelObstacles obstacles;
    for (const TokenPlace& token : tokens) {
        const Entity* entity = b.entity_of(token);
        if (entity == nullptr || !b.shown(token)) continue;
        const Placement* placement = b.placements.find(token.placement)->second;
        const std::string& color = f.colors[static_cast<std::size_t>(token.role_index)];
        const double r = token.radius;
        const TokenGlyph glyph = token_glyph(placement->strength, r);
        FigureToken shape;
        shape.kind = entity->kind;
        shape.centre = token.centre;
        shape.shape_radius = glyph.shape_radius;
        shape.fill = glyph.fill_share >= 1.0   ? color
                     : glyph.fill_share <= 0.0 ? std::string("#FFFFFF")
                                               : to_hex(mix_with_white(parse_hex_color(color), glyph.fill_share));
        shape.stroke = glyph.stroke == GlyphStroke::White ? "#FFFFFF" : color;
        shape.stroke_width = glyph.stroke_width;
        shape.dash = glyph.dash;
        shape.gap = glyph.gap;
        f.tokens.push_back(std::move(shape));
        obstacles.circle_centres.push_back(token.centre);
        obstacles.circle_radii.push_back(r);
        const double size = std::clamp(r * 0.75, 7.0, kMaxNameSize);
        if (r >= 10)
            names.push_back({shorten(display_name(*entity, b.document.meta.language), kMaxNameChars), token.centre, r + size * 0.05, size,
                             2 - static_cast<int>(placement->strength)});  // primary roles first
    }
    // Names where they collide with no token, role name or other name; shortened or left out otherwise.
    obstacles.circle_centres.push_back({0, 0});
    obstacles.circle_radii.push_back(f.layout.centre_radius);
    for (const FigureText& label : f.role_labels) {
        const double w = width(label.text, label.size);
        const double left = label.anchor == TextAnchor::Start ? label.x : label.anchor == TextAnchor::End ? label.x - w : label.x - w / 2;
        if (label.rotation == 0) obstacles.boxes.push_back({left, label.y - label.size, w, label.size * 1.25});
    }
    for (const FigureCount& card : f.counts) obstacles.boxes.push_back({card.x, card.y, card.width, card.height});
    std::vector<PlacedLabel> placed = place_labels(names, obstacles, width);
    std::sort(placed.begin(), placed.end(), [](const PlacedLabel& x, const PlacedLabel& y) { return x.request < y.request; });
    for (const PlacedLabel& label : placed) {
        const LabelRequest& request = names[label.request];
        const TextAnchor anchor = label.side == LabelSide::Right  ? TextAnchor::Start
                                  : label.side == LabelSide::Left ? TextAnchor::End
                                                                  : TextAnchor::Middle;
        const double x = anchor == TextAnchor::Middle ? request.anchor.x : anchor == TextAnchor::Start ? label.box.x : label.box.x + label.box.w;
        f.names.push_back({label.text, x, label.baseline.y, request.size, anchor});
    }
}

// Title above, attribution below the drawing; then the box around everything.
void add_frame(Builder& b, const FigureOptions& options) {
    MapFigure& f = b.figure;
    Box& box = b.box;
    const double half_width = std::max(-box.min_x, box.max_x);  // the ring stays in the middle of the image
    box.add(-half_width, 0);
    box.add(half_width, 0);
    const std::string title = is_untitled_title(b.document.meta.title) ? untitled_title(b.document.meta.language)
                                                                         : text::make_valid_utf8(b.document.meta.title);
    if (options.title && !title.empty()) {
        const double baseline = box.min_y - 40;
        const double width = estimated_text_width(title, kTitleSize);
        box.add(-width / 2, baseline - kTitleSize * 0.8);
        box.add(width / 2, baseline);
        f.title = FigureText{title, 0, baseline, kTitleSize, TextAnchor::Middle, true};
    }
    const std::string attribution = text::make_valid_utf8(b.document.framework.attribution.text);
    if (!attribution.empty()) {
        const double baseline = box.max_y + 30 + kAttributionSize;
        const double right = box.max_x;
        box.add(box.max_x - estimated_text_width(attribution, kAttributionSize), baseline + kAttributionSize * 0.3);
        f.attribution = FigureText{attribution, right, baseline, kAttributionSize, TextAnchor::End};
    }
    f.x = std::floor(box.min_x - kMargin);
    f.y = std::floor(box.min_y - kMargin);
    f.width = std::ceil(box.max_x + kMargin) - f.x;
    f.height = std::ceil(box.max_y + kMargin) - f.y;
}

}  // namespace

double estimated_text_width(std::string_view utf8, double size) {
    return static_cast<double>(text::code_point_count(utf8)) * size * kCharWidth;
}

// [SECTION] Figure ------------------------------------------------------------------------

MapFigure map_figure(const Document& document, const FigureOptions& options) {
    Builder b{document, {}, {}, {}, {}, {}};
    MapFigure& f = b.figure;
    f.layout = ring_layout(static_cast<int>(document.framework.roles.size()));
    for (const Role& role : document.framework.roles) f.colors.push_back(to_hex(parse_hex_color(role.color)));
    for (const Entity& entity : document.entities) b.entities.emplace(entity.id, &entity);
    for (const Placement& placement : document.placements) b.placements.emplace(placement.id, &placement);
    const std::vector<TokenPlace> tokens = layout_tokens(document, f.layout);

    add_ring(b);
    add_centre(b);
    add_role_labels(b);
    if (options.votes) add_votes(b);
    add_frame(b, options);  // the box first: the output's scale decides which roles are cards
    mark_crowded(b, tokens, options);
    add_links(b, tokens);
    const TextWidth measure = options.measure ? options.measure : [](std::string_view text, double size) {
        return estimated_text_width(text, size) * 1.1;  // the viewer's font is unknown: leave some room
    };
    add_counts(b, tokens, measure);
    add_tokens(b, tokens, measure);
    return f;
}

}  // namespace ecomap
