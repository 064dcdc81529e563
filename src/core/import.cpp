// ecomap core: import_document, the one door for untrusted bytes (see io_json.hpp).
#include "core/framework.hpp"
#include "core/framework_json.hpp"
#include "core/invariants.hpp"
#include "core/io_json.hpp"
#include "core/json_input.hpp"
#include "core/migrate.hpp"
#include "core/restore.hpp"
#include "core/utf8.hpp"

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
    result.document = new_document(*framework.framework, options.now_iso);
}

void import_map(nlohmann::json& root, const ImportOptions& options, ImportResult& result) {
    detail::Envelope envelope = detail::read_envelope(root, "map", kFormatVersion);
    if (envelope.error) {
        result.error = std::move(envelope.error);
        return;
    }
    result.source_version = envelope.version;
    detail::migrate_to_current(root, envelope.version, result.warnings);
    detail::WarningSink warnings(result.warnings);
    detail::Restored restored = detail::restore_document(root, options, warnings);
    warnings.finish();
    if (!restored.document) {
        result.error = std::move(restored.error);
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
        case ImportErrorCode::Inconsistent: return "inconsistent";
    }
    return "unknown";
}

ImportResult import_document(std::string_view bytes, const ImportOptions& options) {
    ImportResult result;
    try {
        detail::ParsedJson parsed = detail::parse_untrusted_json(bytes, options.max_bytes, options.max_depth);
        if (parsed.error) {
            result.error = std::move(parsed.error);
            return result;
        }
        nlohmann::json& root = parsed.value;
        std::string format;
        if (const auto it = root.find("format"); it != root.end() && it->is_string()) format = it->get<std::string>();
        if (format == kFormatName) import_map(root, options, result);
        else if (format == kTemplateFormatName) import_template(root, options, result);
        else result.error = wrong_format(root, format);
    } catch (const std::exception& e) {  // not expected: every access is type-checked
        result = ImportResult{};
        result.error = ImportError{ImportErrorCode::Inconsistent,
                                   std::string("internal error while reading the map: ") + e.what(), "", 0, 0};
    }
    return result;
}

}  // namespace ecomap
