// ecomap core: a map small enough to travel in a link (see share_link.hpp).
#include "core/share_link.hpp"

#include <cmath>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/framework.hpp"
#include "core/framework_json.hpp"
#include "core/io_json.hpp"

namespace ecomap {
namespace {

using nlohmann::json;

constexpr const char* kKinds[] = {"person", "organization", "network"};
constexpr const char* kStrengths[] = {"primary", "secondary", "aspiring"};
constexpr const char* kEnergies[] = {"", "energizes", "depletes"};

template <std::size_t N>
int code_of(const std::string& text, const char* const (&names)[N]) {
    for (std::size_t i = 0; i < N; ++i)
        if (text == names[i]) return static_cast<int>(i);
    return 0;
}

// Drops trailing values that equal the defaults of their column.
json trimmed(json row, const json& defaults) {
    while (!row.empty() && row.size() > 2 && row.back() == defaults[row.size() - 1]) row.erase(row.size() - 1);
    return row;
}

double rounded(double value) { return std::round(value * 10.0) / 10.0; }  // a tenth of a map unit is invisible

}  // namespace

std::string compact_map(const Document& document) {
    json out = json::object();
    out["v"] = kShareLinkVersion;
    if (!document.meta.title.empty()) out["t"] = document.meta.title;
    if (!document.centre.values.empty()) out["c"] = document.centre.values;
    if (!document.centre.cause.empty()) out["k"] = document.centre.cause;
    if (document.meta.language != kDefaultMapLanguage) out["l"] = document.meta.language;
    if (!(document.framework == default_framework(document.meta.language)))
        out["f"] = detail::framework_to_json(document.framework);
    std::unordered_map<std::string, int> entity_index;
    json entities = json::array();
    for (const Entity& entity : document.entities) {
        entity_index.emplace(entity.id, static_cast<int>(entities.size()));
        json row = {code_of(std::string(to_string(entity.kind)), kKinds), entity.name, entity.notes, entity.anonymous ? 1 : 0,
                    entity.source};
        entities.push_back(trimmed(std::move(row), json::array({0, "", "", 0, ""})));
    }
    json placements = json::array();
    for (const Placement& placement : document.placements) {
        const auto it = entity_index.find(placement.entity);
        if (it == entity_index.end()) continue;
        json row = {it->second, document.framework.role_index(placement.role),
                    code_of(std::string(to_string(placement.strength)), kStrengths),
                    code_of(std::string(to_string(placement.energy)), kEnergies), placement.context};
        if (placement.position) {
            row.push_back(rounded(placement.position->x));
            row.push_back(rounded(placement.position->y));
        }
        placements.push_back(trimmed(std::move(row), json::array({0, 0, 0, 0, "", nullptr, nullptr})));
    }
    json relationships = json::array();
    for (const Relationship& relationship : document.relationships) {
        const auto from = entity_index.find(relationship.from), to = entity_index.find(relationship.to);
        if (from == entity_index.end() || to == entity_index.end()) continue;
        relationships.push_back(
            trimmed(json::array({from->second, to->second, relationship.kind, relationship.label}), json::array({0, 0, "", ""})));
    }
    if (!entities.empty()) out["e"] = std::move(entities);
    if (!placements.empty()) out["p"] = std::move(placements);
    if (!relationships.empty()) out["r"] = std::move(relationships);
    if (!document.reflections.empty()) out["n"] = document.reflections;
    if (!document.votes.empty()) out["d"] = document.votes;
    return out.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::optional<std::string> expand_map(std::string_view compact, std::string& error) {
    const json in = json::parse(compact, nullptr, false);
    if (!in.is_object() || !in.contains("v") || !in["v"].is_number_integer()) {
        error = "the link does not hold a map";
        return std::nullopt;
    }
    if (in["v"].get<long long>() != kShareLinkVersion) {
        error = "the link was made by another version of ecomap (link version " + in["v"].dump() + ", this one reads " +
                std::to_string(kShareLinkVersion) + ")";
        return std::nullopt;
    }
    const auto field = [&](const char* key, const json& fallback) { return in.contains(key) ? in[key] : fallback; };
    const auto row_at = [](const json& row, std::size_t i, const json& fallback) {
        return i < row.size() && !row[i].is_null() ? row[i] : fallback;
    };
    json map = {{"format", "ecomap"}, {"formatVersion", 2}};
    const json language = field("l", json(std::string(kDefaultMapLanguage)));
    map["meta"] = {{"title", field("t", "")}, {"language", language}};
    const std::string language_code = language.is_string() ? language.get<std::string>() : std::string(kDefaultMapLanguage);
    const json framework = field("f", json(detail::framework_to_json(default_framework(language_code))));
    map["framework"] = framework;
    map["centre"] = {{"values", field("c", json::array())}, {"cause", field("k", "")}};
    const json roles = framework.is_object() && framework.contains("roles") && framework["roles"].is_array() ? framework["roles"]
                                                                                                           : json::array();
    const json entities = field("e", json::array()), placements = field("p", json::array()),
               relationships = field("r", json::array());
    if (!entities.is_array() || !placements.is_array() || !relationships.is_array()) {
        error = "the link's records are not lists";
        return std::nullopt;
    }
    const auto index = [&](const json& value, std::size_t size, const char* what, std::size_t row) -> std::optional<std::size_t> {
        if (value.is_number_integer() && value.get<long long>() >= 0 && static_cast<std::size_t>(value.get<long long>()) < size)
            return static_cast<std::size_t>(value.get<long long>());
        error = std::string("the link's ") + what + " " + std::to_string(row + 1) + " points at nothing";
        return std::nullopt;
    };
    const auto code = [](const json& value, std::size_t count) {
        return value.is_number_integer() && value.get<long long>() >= 0 && static_cast<std::size_t>(value.get<long long>()) < count
                   ? static_cast<std::size_t>(value.get<long long>())
                   : count;  // out of range: the importer reports the unknown word
    };
    map["entities"] = json::array();
    for (std::size_t i = 0; i < entities.size(); ++i) {
        const json& row = entities[i];
        if (!row.is_array()) { error = "the link's entity " + std::to_string(i + 1) + " is not a list"; return std::nullopt; }
        const std::size_t kind = code(row_at(row, 0, 0), 3);
        map["entities"].push_back({{"id", "e" + std::to_string(i + 1)}, {"kind", kind < 3 ? kKinds[kind] : "unknown"},
                                   {"name", row_at(row, 1, "")}, {"notes", row_at(row, 2, "")},
                                   {"anonymous", row_at(row, 3, 0) == 1}, {"source", row_at(row, 4, "")}});
    }
    map["placements"] = json::array();
    for (std::size_t i = 0; i < placements.size(); ++i) {
        const json& row = placements[i];
        if (!row.is_array()) { error = "the link's placement " + std::to_string(i + 1) + " is not a list"; return std::nullopt; }
        const auto entity = index(row_at(row, 0, -1), entities.size(), "placement", i);
        const auto role = index(row_at(row, 1, 0), roles.size(), "placement", i);
        if (!entity || !role) return std::nullopt;
        const std::size_t strength = code(row_at(row, 2, 0), 3), energy = code(row_at(row, 3, 0), 3);
        json placement = {{"id", "p" + std::to_string(i + 1)}, {"entity", "e" + std::to_string(*entity + 1)},
                          {"role", roles[*role].value("id", "")}, {"strength", strength < 3 ? kStrengths[strength] : "unknown"},
                          {"energy", energy < 3 ? kEnergies[energy] : "unknown"}, {"context", row_at(row, 4, "")}};
        if (row.size() >= 7) placement["position"] = {{"x", row[5]}, {"y", row[6]}};
        map["placements"].push_back(std::move(placement));
    }
    map["relationships"] = json::array();
    for (std::size_t i = 0; i < relationships.size(); ++i) {
        const json& row = relationships[i];
        if (!row.is_array()) { error = "the link's link " + std::to_string(i + 1) + " is not a list"; return std::nullopt; }
        const auto from = index(row_at(row, 0, -1), entities.size(), "link", i);
        const auto to = index(row_at(row, 1, -1), entities.size(), "link", i);
        if (!from || !to) return std::nullopt;
        map["relationships"].push_back({{"id", "r" + std::to_string(i + 1)}, {"from", "e" + std::to_string(*from + 1)},
                                        {"to", "e" + std::to_string(*to + 1)}, {"kind", row_at(row, 2, "")},
                                        {"label", row_at(row, 3, "")}});
    }
    map["reflections"] = field("n", json::object());
    map["votes"] = field("d", json::object());
    return map.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace ecomap
