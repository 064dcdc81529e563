// ecomap benchmarks: times the core's heavy paths on generated maps and prints a table
// (min and median of several runs, in milliseconds) with the machine it ran on.
// Run with ./ecomap bench [--runs N]. Figures only: nothing here passes or fails.
#include "core/analysis.hpp"
#include "core/document_size.hpp"
#include "core/export_pdf.hpp"
#include "core/export_svg.hpp"
#include "core/framework.hpp"
#include "core/geometry.hpp"
#include "core/io_json.hpp"
#include "core/map_figure.hpp"
#include "core/merge.hpp"
#include "core/sample.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <sched.h>

namespace {

using namespace ecomap;

constexpr int kDefaultRuns = 5;                // runs per measurement without --runs
constexpr int kMaxRuns = 1000;                 // largest --runs accepted
constexpr int kLargeMapEntities = 10'000;      // entities of the map imported, exported and analysed
constexpr int kDrawnMapEntities = 1'000;       // entities of the map drawn as SVG and PDF
constexpr std::size_t kLayoutPlacements = 20'000;  // placements given to layout_tokens
constexpr int kParticipants = 30;              // participant maps merged
constexpr int kParticipantEntities = 20;       // entities per participant map
constexpr std::uint64_t kSeed = 2026;          // seed of every generated map

volatile std::size_t g_sink = 0;  // results feed this so the optimiser keeps the timed work

struct Row {
    std::string name;      // what was timed
    std::string input;     // what it was given
    double min_ms = 0;     // fastest run
    double median_ms = 0;  // middle run
};

// Times `work` `runs` times; returns the row with min and median.
Row measure(std::string name, std::string input, int runs, const std::function<std::size_t()>& work) {
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const auto start = std::chrono::steady_clock::now();
        g_sink = g_sink + work();
        const auto stop = std::chrono::steady_clock::now();
        ms.push_back(std::chrono::duration<double, std::milli>(stop - start).count());
    }
    std::sort(ms.begin(), ms.end());
    const std::size_t n = ms.size();
    const double median = n % 2 == 1 ? ms[n / 2] : (ms[n / 2 - 1] + ms[n / 2]) / 2.0;
    return {std::move(name), std::move(input), ms.front(), median};
}

// CPUs this process may run on, as `nproc` counts them.
unsigned cpus_available() {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (::sched_getaffinity(0, sizeof set, &set) == 0) return static_cast<unsigned>(CPU_COUNT(&set));
    return std::thread::hardware_concurrency();
}

// "model name" of the first processor in /proc/cpuinfo, or "unknown".
std::string cpu_model() {
    std::ifstream cpuinfo("/proc/cpuinfo");
    std::string line;
    while (std::getline(cpuinfo, line)) {
        if (line.rfind("model name", 0) != 0) continue;
        const auto colon = line.find(':');
        if (colon != std::string::npos) return line.substr(line.find_first_not_of(' ', colon + 1));
    }
    return "unknown";
}

// A generated map with exactly `count` placements (more entities when needed).
Document map_with_placements(std::size_t count) {
    for (int entities = static_cast<int>(count / 2);; entities += static_cast<int>(count / 4)) {
        Document document = generate_document(kSeed, entities);
        if (document.placements.size() >= count) {
            document.placements.resize(count);
            return document;
        }
    }
}

// "20,000" and "6.3 MiB", as the core's messages write them.
std::string thousands(std::size_t n) { return format_thousands(n); }
std::string mib(std::size_t bytes) { return format_mebibytes(bytes); }

// Prints a usage error; returns exit code 2.
int usage(const char* problem) {
    std::fprintf(stderr, "ecomap bench: %s\nUsage: ecomap bench [--runs N]   (N from 1 to %d, default %d)\n", problem,
                 kMaxRuns, kDefaultRuns);
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    int runs = kDefaultRuns;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "-h" || arg == "--help") {
            std::printf("Usage: ecomap bench [--runs N]\nTimes import, export (JSON, SVG, PDF), layout, merge and "
                        "analysis of generated maps; prints min and median of N runs (default %d) in milliseconds.\n",
                        kDefaultRuns);
            return 0;
        }
        if (arg != "--runs") return usage(("unknown option '" + std::string(arg) + "'").c_str());
        if (i + 1 >= argc) return usage("--runs needs a number");
        const std::string_view value = argv[++i];
        const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), runs);
        if (error != std::errc{} || end != value.data() + value.size() || runs < 1 || runs > kMaxRuns)
            return usage("--runs must be a whole number from 1 to 1000");
    }

#if defined(__clang__)
    constexpr const char* kCompiler = "clang " __clang_version__;
#else
    constexpr const char* kCompiler = "g++ " __VERSION__;
#endif
    std::printf("machine: nproc %u, CPU: %s\n", cpus_available(), cpu_model().c_str());
    std::printf("build: %s, %s; %d runs per measurement\n\n", ECOMAP_BUILD_TYPE, kCompiler, runs);

    const Document large = generate_document(kSeed, kLargeMapEntities);
    const std::string large_json = export_json(large);
    const std::string large_input = thousands(large.entities.size()) + " entities, " +
                                    thousands(large.placements.size()) + " placements, " + mib(large_json.size());
    if (const ImportResult check = import_document(large_json); !check.ok()) {
        std::fprintf(stderr, "ecomap bench: the generated map does not import: %s\n",
                     check.error ? check.error->message.c_str() : "unknown error");
        return 1;
    }
    const Document placed = map_with_placements(kLayoutPlacements);
    const RingLayout layout = ring_layout(static_cast<int>(placed.framework.roles.size()));
    const Document drawn = generate_document(kSeed, kDrawnMapEntities);
    const std::string drawn_input = thousands(drawn.entities.size()) + " entities, " +
                                    thousands(drawn.placements.size()) + " placements";
    std::vector<NamedDocument> participants;
    for (int i = 0; i < kParticipants; ++i)
        participants.push_back({"participant-" + std::to_string(i + 1) + ".json",
                                generate_document(kSeed + static_cast<std::uint64_t>(i), kParticipantEntities)});
    const Document base = new_document(default_framework(), "2026-11-26T10:00:00Z");

    std::vector<Row> rows;
    rows.push_back(measure("import_document", large_input, runs,
                           [&] { return import_document(large_json).document->entities.size(); }));
    rows.push_back(measure("export_json", large_input, runs, [&] { return export_json(large).size(); }));
    rows.push_back(measure("layout_tokens", thousands(placed.placements.size()) + " placements", runs,
                           [&] { return layout_tokens(placed, layout).size(); }));
    rows.push_back(measure("map_figure", drawn_input, runs, [&] { return map_figure(drawn).names.size(); }));
    rows.push_back(measure("export_svg", drawn_input, runs, [&] { return export_svg(drawn).size(); }));
    rows.push_back(measure("export_pdf", drawn_input, runs, [&] { return export_pdf(drawn).size(); }));
    rows.push_back(measure("merge_documents",
                           std::to_string(kParticipants) + " maps of " + std::to_string(kParticipantEntities) +
                               " entities",
                           runs, [&] { return merge_documents(base, participants).document.entities.size(); }));
    rows.push_back(measure("analyse", large_input, runs, [&] { return analyse(large).roles.size(); }));

    std::size_t name_width = 9, input_width = 5;
    for (const Row& row : rows) {
        name_width = std::max(name_width, row.name.size());
        input_width = std::max(input_width, row.input.size());
    }
    const int nw = static_cast<int>(name_width), iw = static_cast<int>(input_width);
    std::printf("%-*s  %-*s  %10s  %10s\n", nw, "benchmark", iw, "input", "min ms", "median ms");
    for (const Row& row : rows)
        std::printf("%-*s  %-*s  %10.2f  %10.2f\n", nw, row.name.c_str(), iw, row.input.c_str(), row.min_ms,
                    row.median_ms);
    return 0;
}
