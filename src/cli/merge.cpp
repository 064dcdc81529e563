// ecomap command-line tool: `merge A.json B.json... -o GROUP.json [--title TEXT]`
// (rules and output in help.cpp; the merge itself is the core's merge_documents).
#include "cli/cli.hpp"
#include "cli/files.hpp"

#include "core/document_size.hpp"
#include "core/framework.hpp"
#include "core/merge.hpp"

#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>

namespace ecomap::cli {

namespace {

constexpr std::string_view kDefaultGroupTitle = "Group map";  // title of the group map without --title

struct MergeArgs {
    std::vector<std::string> inputs;    // participants' maps, in order
    std::optional<std::string> output;  // -o
    std::string title{kDefaultGroupTitle};  // --title
};

// Parses the command line; returns an error message, or "" when the arguments are usable.
std::string parse(const Args& args, MergeArgs& out) {
    bool options_ended = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        const bool takes_value = arg == "-o" || arg == "--output" || arg == "--title";
        if (!options_ended && arg == "--") {
            options_ended = true;
        } else if (!options_ended && takes_value) {
            if (i + 1 >= args.size()) return std::string(arg) + " needs a value";
            const std::string_view value = args[++i];
            if (arg == "--title") {
                out.title = value;
            } else {
                if (out.output) return "-o given twice";
                if (value.empty()) return "-o needs a file name";
                out.output = value;
            }
        } else if (!options_ended && arg.size() > 1 && arg[0] == '-') {
            return "unknown option '" + one_line(arg) + "'";
        } else {
            out.inputs.emplace_back(arg);
        }
    }
    if (out.inputs.empty()) return "no participant map given";
    if (!out.output) return "missing -o GROUP.json (the file to write the group map to)";
    for (std::size_t i = 0; i < out.inputs.size(); ++i) {
        if (same_file(out.inputs[i], *out.output))
            return "refusing to overwrite the input " + one_line(out.inputs[i]) + "; choose another -o file";
        for (std::size_t j = 0; j < i; ++j)
            if (same_file(out.inputs[i], out.inputs[j]))
                return one_line(out.inputs[i]) + " is listed twice (as " + one_line(out.inputs[j]) + ")";
    }
    return {};
}

// Loads every input; prints problems and warnings. Returns nullopt when any was unusable.
std::optional<std::vector<NamedDocument>> load_participants(const std::vector<std::string>& inputs) {
    std::vector<NamedDocument> participants;
    int unusable = 0;
    for (const std::string& input : inputs) {
        LoadedMap loaded = load_map(input);
        const std::string name = one_line(input);
        if (!loaded.document) {
            std::printf("%s: %s\n", name.c_str(), loaded.problem.c_str());
            ++unusable;
            continue;
        }
        for (const ImportWarning& warning : loaded.warnings)
            std::printf("%s: warning: %s\n", name.c_str(), describe(warning).c_str());
        if (loaded.from_template)
            std::printf("%s: warning: this is a template, not a participant's map; it adds no entities\n", name.c_str());
        participants.push_back({std::filesystem::path(input).filename().string(), std::move(*loaded.document)});
    }
    if (unusable == 0) return participants;
    std::fprintf(stderr, "ecomap merge: nothing written: %d of %zu maps could not be used\n", unusable, inputs.size());
    return std::nullopt;
}

// What the merge did: the inputs, the totals, then merged entities, renamed ids, warnings.
void print_report(const std::vector<std::string>& inputs, const std::vector<NamedDocument>& participants,
                  const MergeReport& report) {
    std::printf("merged %s:\n", counted(static_cast<std::size_t>(report.participants), "map", "maps").c_str());
    for (std::size_t i = 0; i < participants.size(); ++i) {
        const Document& d = participants[i].document;
        std::printf("  %s: \"%s\": %s\n", one_line(inputs[i]).c_str(), one_line(d.meta.title).c_str(),
                    record_counts(d).c_str());
    }
    const auto n = [](int count, std::string_view one, std::string_view many) {
        return counted(static_cast<std::size_t>(count), one, many);
    };
    std::printf("entities: %d added, %d merged into existing ones\n", report.entities_added, report.entities_merged);
    std::printf("placements: %d added, %s skipped, %d dropped (unknown role or entity)\n", report.placements_added,
                n(report.placements_deduplicated, "duplicate", "duplicates").c_str(), report.placements_dropped);
    std::printf("relationships: %d added, %s skipped\n", report.relationships_added,
                n(report.relationships_deduplicated, "duplicate or self-link", "duplicates or self-links").c_str());
    for (const std::string& line : report.merged) std::printf("  merged: %s\n", one_line(line).c_str());
    for (const std::string& line : report.renamed) std::printf("  renamed: %s\n", one_line(line).c_str());
    for (const std::string& line : report.warnings) std::printf("  warning: %s\n", one_line(line).c_str());
}

}  // namespace

int run_merge(const Args& args) {
    MergeArgs parsed;
    if (const std::string problem = parse(args, parsed); !problem.empty()) return usage_error("merge", problem);
    const std::optional<std::vector<NamedDocument>> participants = load_participants(parsed.inputs);
    if (!participants) return kExitProblem;

    const Document& first = participants->front().document;  // the group map keeps its framework and language
    Document base = new_document(first.framework, now_iso_utc(), first.meta.language);
    base.framework = first.framework;
    base.meta.language = first.meta.language;
    base.meta.title = parsed.title;
    base.centre = Centre{};
    const MergeResult merged = merge_documents(base, *participants);
    print_report(parsed.inputs, *participants, merged.report);

    if (const std::string problem = check_caps(merged.document); !problem.empty()) {
        std::fprintf(stderr, "ecomap merge: nothing written: %s; merge fewer maps\n", problem.c_str());
        return kExitProblem;
    }
    const std::string& output = *parsed.output;
    const std::string bytes = export_json(merged.document);
    // The group map must reopen: the same limits apply to it as to any file.
    if (const ImportResult check = import_document(bytes); !check.ok()) {
        std::fprintf(stderr, "ecomap merge: nothing written: the group map could not be reopened: %s\n",
                     check.error ? describe(*check.error).c_str() : "unknown error");
        return kExitProblem;
    }
    if (const auto problem = write_file_atomically(output, bytes)) {
        std::fprintf(stderr, "ecomap merge: cannot write %s: %s\n", one_line(output).c_str(), one_line(*problem).c_str());
        return kExitProblem;
    }
    std::printf("wrote %s: %s\n", one_line(output).c_str(), record_counts(merged.document).c_str());
    return kExitOk;
}

}  // namespace ecomap::cli
