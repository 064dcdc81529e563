// ecomap command-line tool: `stats FILE [--json]` (keys and rules in help.cpp).
#include "cli/cli.hpp"
#include "cli/files.hpp"

#include "core/analysis.hpp"
#include "core/i18n.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>

namespace ecomap::cli {

namespace {

// Characters (code points) in UTF-8 text: its width in a terminal for most scripts.
std::size_t width_of(std::string_view text) {
    std::size_t width = 0;
    for (const char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++width;
    return width;
}

// `text` followed by spaces up to `width` characters.
std::string pad_right(std::string text, std::size_t width) {
    const std::size_t used = width_of(text);
    if (used < width) text.append(width - used, ' ');
    return text;
}

// The display name of framework role `index` (its id when unnamed), on one line.
std::string role_name(const Document& document, int index) {
    const Role& role = document.framework.roles[static_cast<std::size_t>(index)];
    return one_line(role.name.empty() ? role.id : role.name);
}

// "Healers, Disruptors", or "none" (in the map's language).
std::string role_list(const Document& document, const std::vector<int>& indices) {
    std::string text;
    for (const int index : indices) text += (text.empty() ? "" : ", ") + role_name(document, index);
    return text.empty() ? i18n::text(document.meta.language, "export.stats.none") : text;
}

// "---- text ----" exactly `width` characters wide: a heading over a group of columns.
std::string banner(std::string_view text, std::size_t width) {
    const std::size_t used = width_of(text) + 2;
    const std::size_t dashes = width > used ? width - used : 0;
    return std::string(dashes / 2, '-') + " " + std::string(text) + " " + std::string(dashes - dashes / 2, '-');
}

using Cells = std::array<std::string, 10>;
using Widths = std::array<std::size_t, 10>;

// One table row: the cells right-aligned in their columns, without trailing spaces.
void print_row(const std::string& name, const Cells& numbers, const Widths& widths, std::string_view note) {
    std::string line = name;
    for (std::size_t i = 0; i < numbers.size(); ++i) {
        line += i == 0 || i == 4 ? "  " : " ";
        line.append(widths[i] - std::min(width_of(numbers[i]), widths[i]), ' ');
        line += numbers[i];
    }
    if (!note.empty()) line += "  " + std::string(note);
    std::printf("%s\n", line.c_str());
}

// The readable report in the map's language: title, totals, one row per role, gaps and crowded roles.
void print_table(const std::string& file, const Document& document, const Analysis& analysis) {
    const std::string& language = document.meta.language;
    const auto word = [&language](std::string_view key) -> const std::string& { return i18n::text(language, key); };
    const auto count = [&language](std::string_view key, std::size_t n) {
        return i18n::plural(language, key, static_cast<long long>(n));
    };
    const std::string title = document.meta.title.empty() ? word("export.stats.untitled") : one_line(document.meta.title);
    std::printf("%s (%s)\n", title.c_str(), one_line(file).c_str());
    const std::string totals = i18n::format(language, "export.stats.totals",
                                            {{"entities", count("export.stats.entities", document.entities.size())},
                                             {"placed", std::to_string(analysis.entities_placed)},
                                             {"unplaced", std::to_string(analysis.entities_unplaced)},
                                             {"placements", count("export.stats.placements", document.placements.size())},
                                             {"relationships", count("export.stats.relationships", document.relationships.size())}});
    std::printf("%s\n\n", totals.c_str());

    const Cells headers = {word("export.stats.all"),       word("export.stats.people"),    word("export.stats.orgs"),
                           word("export.stats.networks"),  word("export.stats.all"),       word("export.stats.primary"),
                           word("export.stats.secondary"), word("export.stats.aspiring"),  word("export.stats.energizes"),
                           word("export.stats.depletes")};
    Widths widths = {5, 6, 4, 8, 5, 7, 9, 8, 9, 8};  // the English headers' widths ("all" gets room for 5 digits)
    for (std::size_t i = 0; i < widths.size(); ++i) widths[i] = std::max(widths[i], width_of(headers[i]));
    const std::size_t entities_width = widths[0] + widths[1] + widths[2] + widths[3] + 3;
    const std::size_t placements_width = widths[4] + widths[5] + widths[6] + widths[7] + widths[8] + widths[9] + 5;
    const std::string& role_heading = word("export.stats.role");
    std::size_t name_width = width_of(role_heading);
    for (std::size_t i = 0; i < analysis.roles.size(); ++i)
        name_width = std::max(name_width, width_of(role_name(document, static_cast<int>(i))));
    std::printf("%s  %s  %s\n", std::string(name_width, ' ').c_str(),
                banner(word("export.stats.group_entities"), entities_width).c_str(),
                banner(word("export.stats.group_placements"), placements_width).c_str());
    print_row(pad_right(role_heading, name_width), headers, widths, word("export.stats.gap"));
    for (std::size_t i = 0; i < analysis.roles.size(); ++i) {
        const RoleStats& r = analysis.roles[i];
        const auto n = [](int value) { return std::to_string(value); };
        print_row(pad_right(role_name(document, static_cast<int>(i)), name_width),
                  {n(r.entities), n(r.by_kind[slot(EntityKind::Person)]), n(r.by_kind[slot(EntityKind::Organization)]),
                   n(r.by_kind[slot(EntityKind::Network)]), n(r.placements), n(r.by_strength[slot(Strength::Primary)]),
                   n(r.by_strength[slot(Strength::Secondary)]), n(r.by_strength[slot(Strength::Aspiring)]),
                   n(r.by_energy[slot(Energy::Energizes)]), n(r.by_energy[slot(Energy::Depletes)])},
                  widths,
                  r.empty ? word("export.stats.empty") : r.thin ? word("export.stats.thin")
                                                     : r.crowded ? word("export.stats.crowded") : std::string());
    }
    const auto threshold = [&](int n) { return count("export.stats.entities", static_cast<std::size_t>(std::max(n, 0))); };
    const auto line = [&](std::string_view key, std::string_view count_text, const std::vector<int>& roles) {
        const std::string text = i18n::format(language, key, {{"count", count_text}, {"roles", role_list(document, roles)}});
        std::printf("%s\n", text.c_str());
    };
    std::printf("\n");
    line("export.stats.empty_roles", "", analysis.empty_roles);
    line("export.stats.thin_roles", threshold(analysis.thin_threshold), analysis.thin_roles);
    line("export.stats.crowded_roles", threshold(analysis.crowded_threshold), analysis.crowded_roles);
    if (analysis.ignored_placements > 0) {
        const std::string text = i18n::format(
            language, "export.stats.not_counted",
            {{"placements", count("export.stats.placements", static_cast<std::size_t>(analysis.ignored_placements))}});
        std::printf("%s\n", text.c_str());
    }
}

// The --json report (keys documented in help.cpp).
void print_json(const std::string& file, const Document& document, const Analysis& analysis) {
    using ordered = nlohmann::ordered_json;
    const auto role_ids = [&document](const std::vector<int>& indices) {
        ordered ids = ordered::array();
        for (const int index : indices) ids.push_back(document.framework.roles[static_cast<std::size_t>(index)].id);
        return ids;
    };
    ordered roles = ordered::array();
    for (std::size_t i = 0; i < analysis.roles.size(); ++i) {
        const RoleStats& r = analysis.roles[i];
        roles.push_back({{"id", r.role},
                         {"name", document.framework.roles[i].name},
                         {"entities", r.entities},
                         {"placements", r.placements},
                         {"people", r.by_kind[slot(EntityKind::Person)]},
                         {"organizations", r.by_kind[slot(EntityKind::Organization)]},
                         {"networks", r.by_kind[slot(EntityKind::Network)]},
                         {"primary", r.by_strength[slot(Strength::Primary)]},
                         {"secondary", r.by_strength[slot(Strength::Secondary)]},
                         {"aspiring", r.by_strength[slot(Strength::Aspiring)]},
                         {"energizes", r.by_energy[slot(Energy::Energizes)]},
                         {"depletes", r.by_energy[slot(Energy::Depletes)]},
                         {"votes", r.votes},
                         {"empty", r.empty},
                         {"thin", r.thin},
                         {"crowded", r.crowded}});
    }
    ordered out = {{"file", file},
                   {"title", document.meta.title},
                   {"framework", document.framework.id},
                   {"entities", document.entities.size()},
                   {"placements", document.placements.size()},
                   {"relationships", document.relationships.size()},
                   {"entitiesPlaced", analysis.entities_placed},
                   {"entitiesUnplaced", analysis.entities_unplaced},
                   {"ignoredPlacements", analysis.ignored_placements},
                   {"thinThreshold", analysis.thin_threshold},
                   {"crowdedThreshold", analysis.crowded_threshold},
                   {"votes", analysis.votes},
                   {"roles", std::move(roles)},
                   {"gaps", {{"empty", role_ids(analysis.empty_roles)}, {"thin", role_ids(analysis.thin_roles)}}},
                   {"crowded", role_ids(analysis.crowded_roles)}};
    // The file name comes from the command line and may not be UTF-8: replace bad bytes.
    const std::string text = out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
    std::printf("%s\n", text.c_str());
}

}  // namespace

int run_stats(const Args& args) {
    std::vector<std::string> files;
    bool json = false;
    bool options_ended = false;
    for (const std::string_view arg : args) {
        if (!options_ended && arg == "--") options_ended = true;
        else if (!options_ended && arg == "--json") json = true;
        else if (!options_ended && arg.size() > 1 && arg[0] == '-')
            return usage_error("stats", "unknown option '" + one_line(arg) + "'");
        else files.emplace_back(arg);
    }
    if (files.size() != 1)
        return usage_error("stats", files.empty() ? "no file given" : "give exactly one file (got " +
                                                                          std::to_string(files.size()) + ")");

    const std::string& file = files.front();
    const LoadedMap loaded = load_map(file);
    if (!loaded.document) {
        std::fprintf(stderr, "%s: %s\n", one_line(file).c_str(), loaded.problem.c_str());
        return kExitProblem;
    }
    for (const ImportWarning& warning : loaded.warnings)
        std::fprintf(stderr, "%s: warning: %s\n", one_line(file).c_str(), describe(warning).c_str());
    const Analysis analysis = analyse(*loaded.document);
    if (json) print_json(file, *loaded.document, analysis);
    else print_table(file, *loaded.document, analysis);
    return kExitOk;
}

}  // namespace ecomap::cli
