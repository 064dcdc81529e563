// ecomap command-line tool: help texts and usage errors (see cli.hpp).
#include "cli/cli.hpp"
#include "core/utf8.hpp"
#include "cli/files.hpp"

#include "core/limits.hpp"

#include <cstdio>
#include <string>

namespace ecomap::cli {

namespace {

constexpr std::string_view kToolHelp = R"(Usage: ecomap <command> [options]

Command-line tool for Social Change Ecosystem maps (ecomap map files, .json).
Every command reads what the app opens: map files, templates, exported SVG and PNG
images with the map inside, and participant lists (CSV with a "name" column).

Commands:
  validate FILE...              Check map files; lists what the importer repaired
  stats FILE [--json]           Counts per role, gaps (empty/thin roles) and crowded roles
  merge A.json B.json... -o GROUP.json [--title TEXT]
                                Combine participants' maps into one group map
  sample [--seed N] [--entities K] -o FILE
                                Write a generated example map (demos, tests, benchmarks)
  export FILE -o OUT.svg|OUT.png|OUT.pdf|OUT.csv|OUT.json [--width N] [--paper a4|letter] [--map-only] [--hide-names] [--title] [--transparent]
                                Write the map as an image, spreadsheet tables or a map file
  help [COMMAND]                This text, or the help of one command (also: COMMAND --help)

Exit codes:
  0  everything worked
  1  a file was rejected, could not be read, or could not be written
  2  usage error (unknown command, bad or missing arguments)
)";

constexpr std::string_view kValidateHelp = R"(Usage: ecomap validate FILE...

Reads each FILE exactly as the app opens it and prints one line per file:
  FILE: ok (N entities, M placements, K relationships)
followed by one indented line per repair the importer made:
  warning: /placements/3: role "astronauts" is not a role of this map's framework; dropped
or, when the file cannot be used:
  FILE: rejected: <what is wrong and where>
  FILE: cannot read: <reason from the system>
A template file (format "ecomap-template") is reported as
  FILE: ok (template "NAME": N roles, M prompts)
Files larger than the import limit ({max_bytes}) are refused from their size, unread.

Exit codes: 0 every file loads (warnings allowed), 1 some file was rejected or
unreadable, 2 usage error.
)";

constexpr std::string_view kStatsHelp = R"(Usage: ecomap stats FILE [--json]

Counts per role of the map in FILE: distinct entities on the role (people,
organizations, networks), placements by strength (primary, secondary, aspiring)
and by energy (energizes, depletes), then the gaps (empty and thin roles) and the
crowded roles. Thin: fewer entities than 10% of the placed entities (at least 1);
crowded: at least 1.5 times the mean per role (at least 2). Import warnings go to
stderr.

With --json, prints one JSON object instead (keys are stable):
  file, title, framework            text
  entities, placements, relationships, entitiesPlaced, entitiesUnplaced,
  ignoredPlacements, thinThreshold, crowdedThreshold, votes    numbers
  roles: [{id, name, entities, placements, people, organizations, networks,
           primary, secondary, aspiring, energizes, depletes, votes,
           empty, thin, crowded (true/false)}]          in framework order
  gaps: {empty: [role id...], thin: [role id...]}      framework order
  crowded: [role id...]                                most entities first

Exit codes: 0 ok, 1 the file was rejected or unreadable, 2 usage error.
)";

constexpr std::string_view kMergeHelp = R"(Usage: ecomap merge A.json B.json... -o GROUP.json [--title TEXT]

Combines participants' maps into a NEW group map written to GROUP.json. The group
map starts empty (title "Group map" or TEXT, an empty centre) on the framework of
the first file; each participant is then added in order with the core's merge rules:
every entity records which participant's map it came from (the map's title, else
its file name); organizations and networks with the same kind and name are merged,
people only when id and name both match; colliding ids are renamed; centre values
are united; reflections are kept per prompt, labelled with the participant.

Prints who was merged, every merged entity and renamed id, and warnings.
Refuses to run without -o, when GROUP.json is one of the inputs, when a file is
listed twice, or when any input is rejected (nothing is written then). GROUP.json
is written atomically: a temporary file next to it is renamed over it.

Exit codes: 0 written, 1 an input was rejected or GROUP.json could not be written,
2 usage error.
)";

constexpr std::string_view kSampleHelp = R"(Usage: ecomap sample [--seed N] [--entities K] -o FILE

Writes a generated example map on the built-in framework to FILE (atomically):
K entities (default 30, from 0 to {max_entities}) with placements, relationships and
reflections. The same seed (default 1, a whole number from 0 to 2^64-1) and K give
the same map on every machine.

Exit codes: 0 written, 1 FILE could not be written, 2 usage error.
)";

constexpr std::string_view kExportHelp = R"(Usage: ecomap export FILE -o OUT.svg|OUT.png|OUT.pdf|OUT.csv|OUT.json [--width N] [--paper a4|letter] [--map-only] [--hide-names] [--title] [--transparent]

Reads FILE exactly as the app opens it and writes it in the format of the -o file's
extension (atomically: a temporary file next to it is renamed over it):
  .svg   the map as an image: ring, roles, values, people and organizations, links,
         dot votes, and the framework's attribution line. The map file is embedded,
         so the image re-opens in ecomap. --title puts the map's title on top;
         --transparent leaves out the white background.
  .png   the same image as PNG, N pixels wide (--width, default 2000, 64 to 8000),
         drawn by rsvg-convert (Debian: librsvg2-bin), no display needed; the map
         file is embedded, so the PNG re-opens in ecomap too.
  .pdf   the same map as a vector PDF for print, fitted to a landscape page
         (--paper a4, the default, or letter), with selectable text in the app's
         typeface; page 2 lists the counts per role and the reflections (leave it
         out with --map-only). The map file is attached to the PDF.
  .csv   two spreadsheet tables (UTF-8, quoted, formula-safe): OUT.csv with one row
         per entity and one column per role, and OUT-links.csv with the relationships.
  .json  the map file (the current format version).
A role whose tokens would be drawn under 6 px (the SVG at its own size, the PNG at
its width, the PDF on its page: 4.5 pt) shows a card with its counts by kind instead.
--hide-names replaces every name with "Person 1", "Organization 2"... and clears
notes, sources and link labels, in the output and in the embedded map.
Import warnings go to stderr. Refuses to overwrite FILE.

Exit codes: 0 written, 1 FILE was rejected or OUT could not be written, 2 usage error.
)";

// Replaces the placeholder `name` in `text` with `value`.
void replace(std::string& text, std::string_view name, const std::string& value) {
    if (const auto at = text.find(name); at != std::string::npos) text.replace(at, name.size(), value);
}

}  // namespace

std::string_view tool_help() { return kToolHelp; }

std::string verb_help(std::string_view verb) {
    std::string help(verb == "validate" ? kValidateHelp
                     : verb == "stats"  ? kStatsHelp
                     : verb == "merge"  ? kMergeHelp
                     : verb == "sample" ? kSampleHelp
                     : verb == "export" ? kExportHelp
                                        : std::string_view{});
    replace(help, "{max_bytes}", text::human_size(kDefaultMaxBytes));
    replace(help, "{max_entities}", std::to_string(kDefaultMaxEntities));
    return help;
}

std::string verb_usage(std::string_view verb) {
    const std::string help = verb_help(verb);
    return help.substr(0, help.find("\n\n") + 1);  // the "Usage:" paragraph, with its newline
}

int usage_error(std::string_view verb, std::string_view message) {
    std::fprintf(stderr, "ecomap %s: %s\n%s", std::string(verb).c_str(), std::string(message).c_str(),
                 verb_usage(verb).c_str());
    return kExitUsage;
}

bool wants_help(const Args& args) {
    for (const std::string_view arg : args) {
        if (arg == "--") return false;
        if (arg == "-h" || arg == "--help") return true;
    }
    return false;
}

int print_verb_help(std::string_view verb) {
    const std::string help = verb_help(verb);
    std::fwrite(help.data(), 1, help.size(), stdout);
    return kExitOk;
}

}  // namespace ecomap::cli
