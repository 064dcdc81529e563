// ecomap command-line tool: picks the verb and runs it. Users reach it as ./ecomap VERB.
#include "cli/cli.hpp"
#include "cli/files.hpp"

#include <cstdio>
#include <string>

namespace {

using namespace ecomap::cli;

// Writes `ecomap help` to `out`.
void print_tool_help(std::FILE* out) {
    const std::string_view help = tool_help();
    std::fwrite(help.data(), 1, help.size(), out);
}

// Runs one command line; returns the exit code.
int run(const std::string_view verb, const Args& args) {
    if (verb == "help" || verb == "-h" || verb == "--help") {
        if (args.empty()) {
            print_tool_help(stdout);
            return kExitOk;
        }
        if (args.size() == 1 && !verb_help(args[0]).empty()) return print_verb_help(args[0]);
        const std::string problem = args.size() > 1 ? "give at most one command name"
                                                    : "no command named '" + one_line(args[0]) + "'";
        std::fprintf(stderr, "ecomap help: %s\n", problem.c_str());
        print_tool_help(stderr);
        return kExitUsage;
    }
    if (verb_help(verb).empty()) {
        std::fprintf(stderr, "ecomap: unknown command '%s'\n", one_line(verb).c_str());
        print_tool_help(stderr);
        return kExitUsage;
    }
    if (wants_help(args)) return print_verb_help(verb);
    if (verb == "validate") return run_validate(args);
    if (verb == "stats") return run_stats(args);
    if (verb == "merge") return run_merge(args);
    if (verb == "export") return run_export(args);
    return run_sample(args);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fputs("ecomap: no command given\n", stderr);
        print_tool_help(stderr);
        return kExitUsage;
    }
    const Args args(argv + 2, argv + argc);
    const int code = run(argv[1], args);
    if (std::fflush(stdout) != 0) {
        std::perror("ecomap: cannot write the output");
        return kExitProblem;
    }
    return code;
}
