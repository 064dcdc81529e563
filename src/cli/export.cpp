// ecomap command-line tool: `export FILE -o OUT.svg|OUT.png|OUT.pdf|OUT.csv|OUT.json [--width N]
// [--paper a4|letter] [--map-only] [--hide-names] [--title] [--transparent]` (help in help.cpp; the exports are the core's pure
// functions; a PNG is the SVG export drawn by librsvg's rsvg-convert, with the map embedded).
#include "cli/cli.hpp"
#include "cli/files.hpp"

#include "core/anonymize.hpp"
#include "core/csv.hpp"
#include "core/export_pdf.hpp"
#include "core/export_svg.hpp"
#include "core/png_embed.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>

extern char** environ;

namespace ecomap::cli {

namespace {

enum class Format { Svg, Png, Pdf, Csv, Json };

constexpr int kDefaultPngWidth = 2000;  // pixels
constexpr int kMinPngWidth = 64;
constexpr int kMaxPngWidth = 8000;

struct ExportArgs {
    std::optional<std::string> input;   // the map to export
    std::optional<std::string> output;  // -o
    bool hide_names = false;            // --hide-names
    SvgOptions svg;                     // --title, --transparent
    int width = kDefaultPngWidth;       // --width (PNG only)
    bool width_given = false;
    PdfOptions pdf;                     // --paper, --map-only
    bool pdf_option_given = false;
};

// The lower-cased extension of `path` with its dot (".svg"), "" when it has none.
std::string extension(const std::string& path) {
    const std::size_t slash = path.find_last_of('/');
    const std::size_t dot = path.find_last_of('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
    std::string ext = path.substr(dot);
    for (char& c : ext)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return ext;
}

// Parses the command line; returns an error message, or "" when the arguments are usable.
std::string parse(const Args& args, ExportArgs& out) {
    bool options_ended = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string_view arg = args[i];
        if (!options_ended && arg == "--") {
            options_ended = true;
        } else if (!options_ended && (arg == "-o" || arg == "--output")) {
            if (i + 1 >= args.size()) return std::string(arg) + " needs a value";
            if (out.output) return "-o given twice";
            if (args[i + 1].empty()) return "-o needs a file name";
            out.output = args[++i];
        } else if (!options_ended && arg == "--hide-names") {
            out.hide_names = true;
        } else if (!options_ended && arg == "--title") {
            out.svg.title = true;
        } else if (!options_ended && arg == "--transparent") {
            out.svg.transparent = true;
        } else if (!options_ended && arg == "--paper") {
            if (i + 1 >= args.size()) return "--paper needs a value: a4 or letter";
            const std::string value(args[++i]);
            if (value != "a4" && value != "letter") return "--paper must be a4 or letter (got '" + one_line(value) + "')";
            out.pdf.paper = value == "a4" ? Paper::A4 : Paper::Letter;
            out.pdf_option_given = true;
        } else if (!options_ended && arg == "--map-only") {
            out.pdf.details = false;
            out.pdf_option_given = true;
        } else if (!options_ended && arg == "--width") {
            if (i + 1 >= args.size()) return "--width needs a value";
            const std::string value(args[++i]);
            char* end = nullptr;
            const long width = std::strtol(value.c_str(), &end, 10);
            if (value.empty() || *end != '\0' || width < kMinPngWidth || width > kMaxPngWidth)
                return "--width must be a whole number of pixels from " + std::to_string(kMinPngWidth) + " to " +
                       std::to_string(kMaxPngWidth) + " (got '" + one_line(value) + "')";
            out.width = static_cast<int>(width);
            out.width_given = true;
        } else if (!options_ended && arg.size() > 1 && arg[0] == '-') {
            return "unknown option '" + one_line(arg) + "'";
        } else if (out.input) {
            return "give exactly one map to export";
        } else {
            out.input = arg;
        }
    }
    if (!out.input) return "no map given";
    if (!out.output) return "missing -o OUT.svg, OUT.png, OUT.pdf, OUT.csv or OUT.json (the file to write)";
    if (same_file(*out.input, *out.output))
        return "refusing to overwrite the input " + one_line(*out.input) + "; choose another -o file";
    return {};
}

std::optional<Format> format_of(const std::string& path) {
    const std::string ext = extension(path);
    if (ext == ".svg") return Format::Svg;
    if (ext == ".png") return Format::Png;
    if (ext == ".pdf") return Format::Pdf;
    if (ext == ".csv") return Format::Csv;
    if (ext == ".json") return Format::Json;
    return std::nullopt;
}

// "OUT-links.csv" next to "OUT.csv".
std::string links_path(const std::string& csv_path) {
    return csv_path.substr(0, csv_path.size() - extension(csv_path).size()) + "-links.csv";
}

bool write(const std::string& path, const std::string& bytes) {
    if (const auto problem = write_file_atomically(path, bytes)) {
        std::fprintf(stderr, "ecomap export: cannot write %s: %s\n", one_line(path).c_str(), one_line(*problem).c_str());
        return false;
    }
    return true;
}

// Draws the SVG `width` pixels wide with rsvg-convert (Debian's librsvg2-bin), in a private
// temporary folder; the PNG bytes, or nullopt with `error` set.
std::optional<std::string> render_png(const std::string& svg, int width, std::string& error) {
    namespace fs = std::filesystem;
    std::error_code ec;
    std::string pattern = (fs::temp_directory_path(ec) / "ecomap-png-XXXXXX").string();
    if (ec || mkdtemp(pattern.data()) == nullptr) {
        error = "cannot create a temporary folder to draw the PNG in";
        return std::nullopt;
    }
    const fs::path dir = pattern;
    const std::string svg_path = (dir / "map.svg").string(), png_path = (dir / "map.png").string();
    std::optional<std::string> png;
    if (std::ofstream(svg_path, std::ios::binary).write(svg.data(), static_cast<std::streamsize>(svg.size()))) {
        const std::string width_text = std::to_string(width);
        const char* argv[] = {"rsvg-convert", "--width", width_text.c_str(), "--keep-aspect-ratio",
                              "--output", png_path.c_str(), svg_path.c_str(), nullptr};
        pid_t pid = 0;
        int status = 0;
        if (posix_spawnp(&pid, "rsvg-convert", nullptr, nullptr, const_cast<char* const*>(argv), environ) != 0) {
            error = "drawing a PNG needs rsvg-convert: install the Debian package librsvg2-bin (./ecomap setup does)";
        } else if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
            error = "rsvg-convert could not draw the map";
        } else {
            std::ifstream in(png_path, std::ios::binary);
            png = std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
            if (!is_png(*png)) {
                error = "rsvg-convert wrote no PNG";
                png.reset();
            }
        }
    } else {
        error = "cannot write the temporary SVG";
    }
    fs::remove_all(dir, ec);
    return png;
}

}  // namespace

int run_export(const Args& args) {
    ExportArgs parsed;
    if (const std::string problem = parse(args, parsed); !problem.empty()) return usage_error("export", problem);
    const std::string& output = *parsed.output;
    const std::optional<Format> format = format_of(output);
    if (!format)
        return usage_error("export", "cannot tell the format from '" + one_line(output) +
                                         "': the -o file must end in .svg, .png, .pdf, .csv or .json");
    if (parsed.width_given && *format != Format::Png) return usage_error("export", "--width is for PNG images (-o OUT.png)");
    if (parsed.pdf_option_given && *format != Format::Pdf)
        return usage_error("export", "--paper and --map-only are for PDF files (-o OUT.pdf)");
    if (*format == Format::Csv && same_file(*parsed.input, links_path(output)))
        return usage_error("export", "refusing to overwrite the input " + one_line(*parsed.input) + " with the links table");

    LoadedMap loaded = load_map(*parsed.input);
    const std::string name = one_line(*parsed.input);
    if (!loaded.document) {
        std::fprintf(stderr, "%s: %s\n", name.c_str(), loaded.problem.c_str());
        return kExitProblem;
    }
    for (const ImportWarning& warning : loaded.warnings)
        std::fprintf(stderr, "%s: warning: %s\n", name.c_str(), describe(warning).c_str());
    const Document document = parsed.hide_names ? hide_names(*loaded.document) : std::move(*loaded.document);
    const std::string hidden = parsed.hide_names ? " (names hidden)" : "";

    switch (*format) {
        case Format::Svg:
            if (!write(output, export_svg(document, parsed.svg))) return kExitProblem;
            std::printf("wrote %s: the map as an SVG image%s, %s; it re-opens in ecomap\n", one_line(output).c_str(),
                        hidden.c_str(), record_counts(document).c_str());
            break;
        case Format::Png: {
            std::string error;
            SvgOptions svg = parsed.svg;
            svg.drawn_width = parsed.width;  // roles too small to read at the PNG's width show their counts
            const std::optional<std::string> png = render_png(export_svg(document, svg), parsed.width, error);
            if (!png) {
                std::fprintf(stderr, "ecomap export: %s\n", error.c_str());
                return kExitProblem;
            }
            if (!write(output, embed_document_in_png(*png, export_json(document)))) return kExitProblem;
            std::printf("wrote %s: the map as a PNG image %d pixels wide%s, %s; it re-opens in ecomap\n",
                        one_line(output).c_str(), parsed.width, hidden.c_str(), record_counts(document).c_str());
            break;
        }
        case Format::Pdf:
            if (!write(output, export_pdf(document, parsed.pdf))) return kExitProblem;
            std::printf("wrote %s: the map as a PDF, %s landscape, %s%s, %s; the map file is attached\n",
                        one_line(output).c_str(), parsed.pdf.paper == Paper::A4 ? "A4" : "Letter",
                        parsed.pdf.details ? "with the counts per role and the reflections" : "the map only", hidden.c_str(),
                        record_counts(document).c_str());
            break;
        case Format::Csv: {
            const std::string links = links_path(output);
            if (!write(output, export_csv_entities(document)) || !write(links, export_csv_relationships(document)))
                return kExitProblem;
            std::printf("wrote %s: %s%s\n", one_line(output).c_str(),
                        counted(document.entities.size(), "entity", "entities").c_str(), hidden.c_str());
            std::printf("wrote %s: %s\n", one_line(links).c_str(),
                        counted(document.relationships.size(), "relationship", "relationships").c_str());
            break;
        }
        case Format::Json:
            if (!write(output, export_json(document))) return kExitProblem;
            std::printf("wrote %s: the map file%s, %s\n", one_line(output).c_str(), hidden.c_str(),
                        record_counts(document).c_str());
            break;
    }
    return kExitOk;
}

}  // namespace ecomap::cli
