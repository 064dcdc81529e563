// ecomap core: frameworks (templates) as data. A template file in maps/ describes the
// roles, prompts and attribution of a framework; every document carries a copy of the
// framework it was made with.
//
// Template file: {"format": "ecomap-template", "formatVersion": 1, "id", "name",
// "attribution": {"text", "url"}, "defaultValues": [...], "defaultCause",
// "roles": [{"id", "name", "color", "description"}], "prompts": [{"id", "step", "text"}]}.
#pragma once

#include "core/io_error.hpp"
#include "core/model.hpp"

#include <optional>
#include <string_view>

namespace ecomap {

inline constexpr int kTemplateFormatVersion = 1;                            // newest "formatVersion" of templates
inline constexpr std::string_view kTemplateFormatName = "ecomap-template";  // value of "format" in templates
inline constexpr std::string_view kUntitledTitle = "Untitled map";          // title of a new document

struct FrameworkResult {
    std::optional<Framework> framework;  // set on success
    std::optional<ImportError> error;    // set on failure: what, where (JSON pointer), line/column
    bool ok() const { return framework.has_value(); }  // true when a framework was read
};

FrameworkResult load_framework(std::string_view json_text);  // reads a template file; never throws
const Framework& default_framework();  // the built-in Social Change Ecosystem framework (maps/social-change-ecosystem.json)
Document new_document(const Framework& framework, std::string_view now_iso);  // a fresh "Untitled map" with the framework's default centre
std::optional<ImportError> validate_framework(const Framework& framework);  // first rule a framework breaks (code InvalidFramework), nullopt when usable

}  // namespace ecomap
