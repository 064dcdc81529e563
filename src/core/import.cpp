// ecomap core: import_document, the one door for untrusted bytes (see io_json.hpp).
#include "core/csv_input.hpp"
#include "core/document_size.hpp"
#include "core/export_svg.hpp"
#include "core/framework.hpp"
#include "core/framework_json.hpp"
#include "core/invariants.hpp"
#include "core/io_json.hpp"
#include "core/json_input.hpp"
#include "core/json_tree.hpp"
#include "core/migrate.hpp"
#include "core/png_embed.hpp"
#include "core/restore.hpp"
#include "core/utf8.hpp"

#include <cstdint>

namespace ecomap {

namespace {

ImportError wrong_format(const nlohmann::json& root, const std::string& format) {
    std::string message;
    if (const auto type = root.find("type"); type != root.end() && *type == "excalidraw")
        message = "this is an Excalidraw drawing, not an ecomap map";
    else if (root.contains("tldrawFileFormatVersion"))
        message = "this is a tldraw drawing, not an ecomap map";
    else if (root.contains("format") && !format.empty())
        message = "this is not an ecomap map (format is " + text::quoted_excerpt(format) + ")";
    else
        message = "this is not an ecomap map (it has no \"format\": \"ecomap\")";
    return ImportError{ImportErrorCode::WrongFormat, message, "/format", 0, 0};
}

// A new map made from the template file `root`.
void import_template(const nlohmann::json& root, const ImportOptions& options, ImportResult& result) {
    detail::Envelope envelope = detail::read_envelope(root, "template", kTemplateFormatVersion);
    if (envelope.error) {
        result.error = std::move(envelope.error);
        return;
    }
    result.source_version = envelope.version;
    FrameworkResult framework = detail::framework_from_json(root, "");
    if (!framework.ok()) {
        result.error = std::move(framework.error);
        return;
    }
    result.from_template = true;
    const std::string language = wording_language(*framework.framework);  // the built-in template's own language
    result.document = new_document(*framework.framework, options.now_iso,
                                   language.empty() ? kDefaultMapLanguage : std::string_view(language));
}

// The last stages of a map: caps and invariants of the restored document.
void finish_map(detail::Restored restored, detail::WarningSink& warnings, ImportResult& result) {
    warnings.finish();
    if (!restored.document) {
        result.error = std::move(restored.error);
        return;
    }
    if (std::string error = check_caps(*restored.document); !error.empty()) {
        // The file is readable but the map would not fit the caps, so it could not be saved and reopened.
        result.error = ImportError{ImportErrorCode::TooLarge, "this map is too big to open: " + error, "", 0, 0};
        return;
    }
    if (const auto problems = check_invariants(*restored.document); !problems.empty()) {
        result.error = ImportError{ImportErrorCode::Inconsistent,
                                   "internal error: the restored map breaks a rule (" + problems.front() +
                                       "); please report this file",
                                   "", 0, 0};
        return;
    }
    result.document = std::move(restored.document);
}

void import_map(nlohmann::json& root, const ImportOptions& options, ImportResult& result) {
    detail::Envelope envelope = detail::read_envelope(root, "map", kFormatVersion);
    if (envelope.error) {
        result.error = std::move(envelope.error);
        return;
    }
    result.source_version = envelope.version;
    detail::WarningSink warnings(result.warnings);
    detail::migrate_to_current(root, envelope.version, warnings);
    detail::JsonTree tree;
    detail::tree_from_nlohmann(root, tree);
    finish_map(detail::restore_document(tree.root(), options, warnings), warnings, result);
}

// The fast path: a map file of the current formatVersion that the fast reader reads
// (json_tree.hpp) goes straight to restore, as import_map would take it (the migration
// of the current version changes nothing). False, with `result` untouched, for anything
// else: the bytes then take the nlohmann path, which gives the same errors as always.
bool import_current_map(std::string_view bytes, const ImportOptions& options, ImportResult& result) {
    if (detail::check_untrusted_text(bytes, options.max_bytes)) return false;
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
    detail::JsonTree tree;  // the reader gives up past max_depth, where too_deep_at would refuse
    if (!detail::parse_json_tree(bytes, tree, options.max_depth)) return false;
    const detail::JsonValue& root = tree.root();
    const detail::JsonValue* format = root.find("format");
    const detail::JsonValue* version = root.find("formatVersion");
    if (format == nullptr || !format->is_string() || format->text() != kFormatName || version == nullptr ||
        !version->is_number_unsigned() || version->unsigned_integer() != static_cast<std::uint64_t>(kFormatVersion))
        return false;
    result.source_version = kFormatVersion;
    detail::WarningSink warnings(result.warnings);
    finish_map(detail::restore_document(root, options, warnings), warnings, result);
    return true;
}

}  // namespace

std::string_view to_string(ImportErrorCode code) {
    switch (code) {
        case ImportErrorCode::Empty: return "empty";
        case ImportErrorCode::TooLarge: return "too_large";
        case ImportErrorCode::NotText: return "not_text";
        case ImportErrorCode::Syntax: return "syntax";
        case ImportErrorCode::TooDeep: return "too_deep";
        case ImportErrorCode::NotAnObject: return "not_an_object";
        case ImportErrorCode::WrongFormat: return "wrong_format";
        case ImportErrorCode::MissingVersion: return "missing_version";
        case ImportErrorCode::InvalidVersion: return "invalid_version";
        case ImportErrorCode::NewerVersion: return "newer_version";
        case ImportErrorCode::TooManyRecords: return "too_many_records";
        case ImportErrorCode::InvalidFramework: return "invalid_framework";
        case ImportErrorCode::NothingUsable: return "nothing_usable";
        case ImportErrorCode::NoEmbeddedMap: return "no_embedded_map";
        case ImportErrorCode::Inconsistent: return "inconsistent";
    }
    return "unknown";
}

namespace {

// The JSON stages, for a map file or the map embedded in an image.
void import_json(std::string_view bytes, const ImportOptions& options, ImportResult& result) {
    if (import_current_map(bytes, options, result)) return;
    detail::ParsedJson parsed = detail::parse_untrusted_json(bytes, options.max_bytes, options.max_depth);
    if (parsed.error) {
        result.error = std::move(parsed.error);
        return;
    }
    nlohmann::json& root = parsed.value;
    std::string format;
    if (const auto it = root.find("format"); it != root.end() && it->is_string()) format = it->get<std::string>();
    if (format == kFormatName) import_map(root, options, result);
    else if (format == kTemplateFormatName) import_template(root, options, result);
    else result.error = wrong_format(root, format);
}

ImportError no_embedded_map(std::string_view image, std::string_view why) {
    return ImportError{ImportErrorCode::NoEmbeddedMap,
                       "this " + std::string(image) + " has no ecomap map inside" + std::string(why) +
                           ": export it from ecomap with the map embedded",
                       "", 0, 0};
}

// A map embedded in an image: its own errors say that they come from inside the image.
void import_embedded(const std::string& json, std::string_view image, const ImportOptions& options,
                     ImportResult& result) {
    import_json(json, options, result);
    if (result.error) result.error->message = "the map inside this " + std::string(image) + ": " + result.error->message;
}

void import_any(std::string_view bytes, const ImportOptions& options, ImportResult& result) {
    if (auto error = detail::too_large(bytes.size(), options.max_bytes)) {
        result.error = std::move(error);
        return;
    }
    if (is_png(bytes)) {
        result.source = ImportSource::Png;
        const PngScan scan = scan_png(bytes);
        if (scan.document) import_embedded(*scan.document, "PNG", options, result);
        else if (scan.well_formed) result.error = no_embedded_map("PNG", "");
        else
            result.error = ImportError{ImportErrorCode::NoEmbeddedMap,
                                       "this PNG is damaged (" + scan.problem + "), so no ecomap map can be read from it",
                                       "", 0, 0};
        return;
    }
    if (auto error = detail::check_untrusted_text(bytes, options.max_bytes)) {
        result.error = std::move(error);
        return;
    }
    std::string_view text = bytes;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && text[first] == '<' && text.find("<svg") != std::string_view::npos) {
        result.source = ImportSource::Svg;
        const SvgDocument embedded = document_from_svg(text);
        if (embedded.json) import_embedded(*embedded.json, "SVG", options, result);
        else result.error = no_embedded_map("SVG", embedded.found ? " that can be read (it is not valid base64)" : "");
        return;
    }
    const detail::CsvSniff csv = detail::sniff_csv(text);
    if (csv.shape == detail::CsvShape::Participants) {
        result.source = ImportSource::Csv;
        detail::import_csv(text, csv.delimiter, options, result);
        return;
    }
    if (csv.shape == detail::CsvShape::NoNameColumn) {
        result.error = ImportError{ImportErrorCode::WrongFormat,
                                   "this table (CSV) has no \"name\" column: its first row must name the columns, "
                                   "e.g. name,kind,roles",
                                   "", 1, 0};
        return;
    }
    import_json(text, options, result);
}

}  // namespace

ImportResult import_document(std::string_view bytes, const ImportOptions& options) {
    ImportResult result;
    try {
        import_any(bytes, options, result);
        if (result.error) {
            result.document.reset();
            result.from_template = false;
        }
    } catch (const std::exception& e) {  // not expected: every access is type-checked
        result = ImportResult{};
        result.error = ImportError{ImportErrorCode::Inconsistent,
                                   std::string("internal error while reading the map: ") + e.what(), "", 0, 0};
    }
    return result;
}

}  // namespace ecomap
