// ecomap command-line tool: the verbs and what they share.
//
// Every verb takes its arguments (without the verb itself), writes results to stdout
// and problems to stderr, and returns an exit code. Usage errors print one line saying
// what was wrong, then the verb's usage, on stderr.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ecomap::cli {

inline constexpr int kExitOk = 0;       // everything worked
inline constexpr int kExitProblem = 1;  // a file was rejected, could not be read or written
inline constexpr int kExitUsage = 2;    // bad command line

using Args = std::vector<std::string_view>;  // the arguments after the verb

int run_validate(const Args& args);  // validate FILE...
int run_stats(const Args& args);     // stats FILE [--json]
int run_merge(const Args& args);     // merge A.json B.json... -o GROUP.json [--title TEXT]
int run_sample(const Args& args);    // sample [--seed N] [--entities K] -o FILE
int run_export(const Args& args);    // export FILE -o OUT.svg|OUT.csv|OUT.json [--hide-names] [--title] [--transparent]

std::string_view tool_help();                    // the text of `ecomap help`
std::string verb_help(std::string_view verb);   // the text of `ecomap help VERB`; "" for an unknown verb
std::string verb_usage(std::string_view verb);  // the usage line(s) of a verb, from its help

int usage_error(std::string_view verb, std::string_view message);  // prints "ecomap VERB: message" + usage; returns kExitUsage
bool wants_help(const Args& args);  // true when the arguments hold -h or --help (before any "--")
int print_verb_help(std::string_view verb);  // prints the verb's help on stdout; returns kExitOk

}  // namespace ecomap::cli
