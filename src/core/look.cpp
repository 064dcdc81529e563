// ecomap core: the look of a map (see look.hpp).
#include "core/look.hpp"

#include "core/anonymize.hpp"
#include "core/document_size.hpp"
#include "core/geometry.hpp"
#include "core/i18n.hpp"
#include "core/utf8.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <unordered_map>

namespace ecomap {

// [SECTION] Colours --------------------------------------------------------------

Rgb parse_hex_color(std::string_view hex, Rgb fallback) {
    if (hex.size() != 7 || hex[0] != '#') return fallback;
    const auto digit = [](char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    double channel[3];
    for (int k = 0; k < 3; ++k) {
        const int hi = digit(hex[static_cast<std::size_t>(1 + 2 * k)]), lo = digit(hex[static_cast<std::size_t>(2 + 2 * k)]);
        if (hi < 0 || lo < 0) return fallback;
        channel[k] = (hi * 16 + lo) / 255.0;
    }
    return {channel[0], channel[1], channel[2]};
}

std::string to_hex(Rgb color) {
    char buffer[8];
    const auto byte = [](double v) { return static_cast<unsigned>(std::lround(std::clamp(v, 0.0, 1.0) * 255.0)); };
    std::snprintf(buffer, sizeof buffer, "#%02X%02X%02X", byte(color.r), byte(color.g), byte(color.b));
    return buffer;
}

Rgb mix_with_white(Rgb color, double share) {
    const auto mix = [share](double c) { return 1.0 + (c - 1.0) * share; };
    return {mix(color.r), mix(color.g), mix(color.b)};
}

double luminance(Rgb color) { return 0.2126 * color.r + 0.7152 * color.g + 0.0722 * color.b; }

Rgb role_color(const Framework& framework, int role_index) {
    if (role_index < 0 || role_index >= static_cast<int>(framework.roles.size())) return kUnknownRoleColor;
    return parse_hex_color(framework.roles[static_cast<std::size_t>(role_index)].color);
}

// [SECTION] Ring ------------------------------------------------------------------

bool radial_role_labels(int role_count) { return role_count > kMaxLevelLabels; }

bool radial_label_ends_at_anchor(double angle) {
    const double a = std::fmod(std::fmod(angle, 2 * kPi) + 2 * kPi, 2 * kPi);
    return a > kPi + 1e-9;
}

double radial_label_rotation(double angle) {
    return radial_label_ends_at_anchor(angle) ? angle + kPi / 2 : angle - kPi / 2;
}

// [SECTION] Words -----------------------------------------------------------------

const char* kind_label(EntityKind kind) { return kKindLabels[static_cast<std::size_t>(kind)]; }

std::string format_count(std::size_t count, std::string_view language) {
    std::string digits = format_thousands(count);
    const std::string& separator = i18n::text(language, "core.thousands_separator");
    if (separator == ",") return digits;
    std::string out;
    for (const char c : digits) out += c == ',' ? separator : std::string(1, c);
    return out;
}

std::string kind_count(EntityKind kind, std::size_t count, std::string_view language) {
    static constexpr std::array<std::string_view, 3> kKeys = {"core.count.person", "core.count.organization",
                                                              "core.count.network"};
    const std::string number = format_count(count, language);
    return i18n::plural(language, kKeys[static_cast<std::size_t>(kind)], static_cast<long long>(count), {{"n", number}});
}

const char* strength_word(Strength strength) {
    static constexpr std::array<const char*, 3> kWords = {"primary", "secondary", "aspiring"};
    return kWords[static_cast<std::size_t>(strength)];
}

const char* energy_label(Energy energy) { return kEnergyLabels[static_cast<std::size_t>(energy)]; }

std::string display_name(const Entity& entity, std::string_view language) {
    if (entity.anonymous) return i18n::text(language, "core.anonymous");
    if (!entity.name.empty()) return text::make_valid_utf8(entity.name);
    switch (entity.kind) {
        case EntityKind::Person: return i18n::text(language, "core.unnamed.person");
        case EntityKind::Organization: return i18n::text(language, "core.unnamed.organization");
        case EntityKind::Network: return i18n::text(language, "core.unnamed.network");
    }
    return i18n::text(language, "core.unnamed.person");
}

EntityNames::EntityNames(const Document& document, bool hide, std::string_view language)
    : document_(&document), hide_(hide), language_(language.empty() ? document.meta.language : language) {
    if (!hide_) return;
    std::array<int, 3> next{};  // numbered per kind in document order, as hide_names() does
    numbers_.reserve(document.entities.size());
    for (const Entity& entity : document.entities) numbers_.push_back(++next[static_cast<std::size_t>(entity.kind)]);
}

std::string EntityNames::operator()(const Entity& entity) const {
    if (!hide_) return display_name(entity, language_);
    const auto& entities = document_->entities;
    if (!entities.empty() && &entity >= entities.data() && &entity < entities.data() + entities.size())
        return neutral_name(entity.kind, numbers_[static_cast<std::size_t>(&entity - entities.data())], language_);
    for (std::size_t i = 0; i < entities.size(); ++i)  // a copy of an entity: find it by id
        if (entities[i].id == entity.id) return neutral_name(entity.kind, numbers_[i], language_);
    return neutral_name(entity.kind, 0, language_);
}

namespace {

using RoleStrengths = std::set<std::pair<int, Strength>>;  // (role index, strength) pairs, in framework order

// "Weavers (primary); Healers (aspiring)": the strength words in English data spelling, or
// in `language` when one is given (the screen's table).
std::string said(const Framework& framework, const RoleStrengths& pairs, std::string_view language) {
    std::string text;
    for (const auto& [role, strength] : pairs) {
        const std::string word = language.empty() ? std::string(strength_word(strength))
                                                  : i18n::text(language, std::string("export.stats.") + strength_word(strength));
        text += (text.empty() ? "" : "; ") + framework.roles[static_cast<std::size_t>(role)].name + " (" + word + ")";
    }
    return text;
}

}  // namespace

std::string roles_text(const Document& document, const Entity& entity) {
    RoleStrengths pairs;
    for (const Placement& placement : document.placements)
        if (placement.entity == entity.id)
            if (const int role = document.framework.role_index(placement.role); role >= 0)
                pairs.insert({role, placement.strength});
    return said(document.framework, pairs, {});
}

std::vector<std::string> roles_texts(const Document& document, std::string_view language) {
    std::unordered_map<std::string_view, std::size_t> index_of;
    for (std::size_t i = 0; i < document.entities.size(); ++i) index_of.emplace(document.entities[i].id, i);
    std::vector<RoleStrengths> pairs(document.entities.size());
    for (const Placement& placement : document.placements) {
        const auto found = index_of.find(placement.entity);
        const int role = document.framework.role_index(placement.role);
        if (found != index_of.end() && role >= 0) pairs[found->second].insert({role, placement.strength});
    }
    std::vector<std::string> texts;
    texts.reserve(pairs.size());
    for (const RoleStrengths& entity_pairs : pairs) texts.push_back(said(document.framework, entity_pairs, language));
    return texts;
}

std::string placement_text(const Placement& placement, bool with_context) {
    std::string text = strength_word(placement.strength);
    if (with_context && !placement.context.empty()) text += " (" + placement.context + ")";
    return text;
}

// [SECTION] Links -----------------------------------------------------------------

const std::vector<LinkKind>& link_kinds() {
    static const std::vector<LinkKind> kinds = {
        {"works-with", "works with"}, {"supports", "supports"}, {"member-of", "member of"},
        {"funds", "funds"},           {"learns-from", "learns from"},
    };
    return kinds;
}

std::string link_kind_label(std::string_view kind) {
    for (const LinkKind& k : link_kinds())
        if (k.id == kind) return k.label;
    return std::string(kind);
}

LinkStyle link_style(std::string_view kind) {
    if (kind == "supports" || kind == "funds") return {0, 0, true};
    if (kind == "member-of") return {14.0 / 3.0, 10.0 / 3.0, false};
    if (kind == "learns-from") return {4.0 / 3.0, 5.0 / 3.0, true};
    return {};
}

// [SECTION] Tokens ----------------------------------------------------------------

TokenGlyph token_glyph(Strength strength, double r) {
    const double outline = std::max(1.5, r * 0.14);
    switch (strength) {
        case Strength::Primary: return {r, 1.0, GlyphStroke::White, 1.5, 0, 0};
        case Strength::Secondary: return {r - outline / 2, 0.35, GlyphStroke::Role, outline, 0, 0};
        case Strength::Aspiring: return {r - outline / 2, 0.0, GlyphStroke::Role, outline, outline * 1.6, outline * 1.1};
    }
    return {};
}

std::vector<Vec2> token_outline(EntityKind kind, Vec2 centre, double r, int circle_steps) {
    std::vector<Vec2> points;
    switch (kind) {
        case EntityKind::Person: {
            const int steps = circle_steps > 2 ? circle_steps : std::clamp(static_cast<int>(r * 2.0), 24, 128);
            for (int i = 0; i < steps; ++i) {
                const double a = 2.0 * kPi * i / steps;
                points.push_back({centre.x + std::cos(a) * r, centre.y + std::sin(a) * r});
            }
            break;
        }
        case EntityKind::Organization: {
            const double s = r * kSquareHalfSide, c = r * kSquareCorner;
            const double corners[4][3] = {{s - c, s - c, 0.0}, {-(s - c), s - c, 0.5}, {-(s - c), -(s - c), 1.0},
                                          {s - c, -(s - c), 1.5}};  // corner centre, start angle in half turns
            for (const auto& corner : corners)
                for (int i = 0; i <= 6; ++i) {
                    const double a = (corner[2] + 0.5 * i / 6.0) * kPi;
                    points.push_back({centre.x + corner[0] + std::cos(a) * c, centre.y + corner[1] + std::sin(a) * c});
                }
            break;
        }
        case EntityKind::Network:
            for (int i = 0; i < 6; ++i) {
                const double a = kPi / 3.0 * i;
                points.push_back({centre.x + std::cos(a) * r * kHexagonRadius, centre.y + std::sin(a) * r * kHexagonRadius});
            }
            break;
    }
    return points;
}

}  // namespace ecomap
