// ecomap command-line tool: `validate FILE...` (see help.cpp for the output format).
#include "cli/cli.hpp"
#include "cli/files.hpp"

#include <cstdio>
#include <string>

namespace ecomap::cli {

namespace {

// "FILE: ok (...)" and the warning lines of one loaded file.
void print_loaded(const std::string& name, const LoadedMap& loaded) {
    const Document& document = *loaded.document;
    if (loaded.from_template) {
        std::printf("%s: ok (template \"%s\": %s, %s)\n", name.c_str(), one_line(document.framework.name).c_str(),
                    counted(document.framework.roles.size(), "role", "roles").c_str(),
                    counted(document.framework.prompts.size(), "prompt", "prompts").c_str());
    } else {
        std::printf("%s: ok (%s)\n", name.c_str(), record_counts(document).c_str());
    }
    for (const ImportWarning& warning : loaded.warnings)
        std::printf("  warning: %s\n", describe(warning).c_str());
}

}  // namespace

int run_validate(const Args& args) {
    std::vector<std::string> files;
    bool options_ended = false;
    for (const std::string_view arg : args) {
        if (!options_ended && arg == "--") options_ended = true;
        else if (!options_ended && arg.size() > 1 && arg[0] == '-')
            return usage_error("validate", "unknown option '" + one_line(arg) + "'");
        else files.emplace_back(arg);
    }
    if (files.empty()) return usage_error("validate", "no file given");

    int code = kExitOk;
    for (const std::string& file : files) {
        const LoadedMap loaded = load_map(file);
        const std::string name = one_line(file);
        if (loaded.document) {
            print_loaded(name, loaded);
        } else {
            std::printf("%s: %s\n", name.c_str(), loaded.problem.c_str());
            code = kExitProblem;
        }
    }
    return code;
}

}  // namespace ecomap::cli
