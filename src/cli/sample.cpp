// ecomap command-line tool: `sample [--seed N] [--entities K] -o FILE`.
#include "cli/cli.hpp"
#include "cli/files.hpp"

#include "core/limits.hpp"
#include "core/sample.hpp"

#include <charconv>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>

namespace ecomap::cli {

namespace {

constexpr std::uint64_t kDefaultSeed = 1;  // --seed without the option
constexpr int kDefaultEntities = 30;       // --entities without the option

// A whole decimal number from 0 to `max`, the whole text; nullopt otherwise.
std::optional<std::uint64_t> parse_count(std::string_view text, std::uint64_t max) {
    std::uint64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size() || text.empty() || value > max) return std::nullopt;
    return value;
}

}  // namespace

int run_sample(const Args& args) {
    std::uint64_t seed = kDefaultSeed;
    int entities = kDefaultEntities;
    std::optional<std::string> output;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        if (arg != "--seed" && arg != "--entities" && arg != "-o" && arg != "--output")
            return usage_error("sample", arg.size() > 1 && arg[0] == '-' ? "unknown option '" + one_line(arg) + "'"
                                                                         : "unexpected argument '" + one_line(arg) + "'");
        if (i + 1 >= args.size()) return usage_error("sample", std::string(arg) + " needs a value");
        const std::string_view value = args[++i];
        if (arg == "--seed") {
            const auto number = parse_count(value, UINT64_MAX);
            if (!number) return usage_error("sample", "--seed must be a whole number from 0 to 2^64-1, not '" + one_line(value) + "'");
            seed = *number;
        } else if (arg == "--entities") {
            const auto number = parse_count(value, kDefaultMaxEntities);
            if (!number)
                return usage_error("sample", "--entities must be a whole number from 0 to " +
                                                 std::to_string(kDefaultMaxEntities) + ", not '" + one_line(value) + "'");
            entities = static_cast<int>(*number);
        } else {
            if (output) return usage_error("sample", "-o given twice");
            if (value.empty()) return usage_error("sample", "-o needs a file name");
            output = value;
        }
    }
    if (!output) return usage_error("sample", "missing -o FILE (the file to write the map to)");

    const Document document = generate_document(seed, entities);
    if (const auto problem = write_file_atomically(*output, export_json(document))) {
        std::fprintf(stderr, "ecomap sample: cannot write %s: %s\n", one_line(*output).c_str(), one_line(*problem).c_str());
        return kExitProblem;
    }
    std::printf("wrote %s: sample map (seed %llu): %s\n", one_line(*output).c_str(),
                static_cast<unsigned long long>(seed), record_counts(document).c_str());
    return kExitOk;
}

}  // namespace ecomap::cli
