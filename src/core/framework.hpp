// ecomap core: frameworks (templates) as data. A template file in maps/ describes the
// roles, prompts and attribution of a framework; every document carries a copy of the
// framework it was made with.
//
// Template file: {"format": "ecomap-template", "formatVersion": 1, "id", "name",
// "attribution": {"text", "url"}, "defaultValues": [...], "defaultCause",
// "roles": [{"id", "name", "color", "description"}], "prompts": [{"id", "step", "text"}]}.
//
// Languages: the built-in template's wording comes per language, one file each:
// maps/social-change-ecosystem.json is English, maps/social-change-ecosystem.<code>.json
// (e.g. ".es.json") the language <code> of src/i18n/<code>.json. A wording file is a
// whole template with the same id, role ids, colours, prompt ids and steps, and the same
// attribution line (kept as it is in every language); only the names, descriptions,
// prompts and default values are in its language, in the project's own words. Adding a
// language is adding that file (src/core/CMakeLists.txt embeds every one it finds).
// Maps store their language in meta.language; role ids never change, so a map made in
// one language opens in any other (set_language in commands.hpp rewrites the wording).
#pragma once

#include "core/io_error.hpp"
#include "core/model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
const Framework& default_framework(std::string_view language);  // its wording in that language (English when none)
std::vector<std::string> template_languages();  // the languages the built-in template is worded in, English first
bool is_builtin_wording(const Framework& framework);  // equals the built-in template in some language
std::string wording_language(const Framework& framework);  // that language ("" for any other framework)
bool is_language_code(std::string_view code);  // shaped like "en", "es", "pt-BR" (meta.language, at most 35 characters)
std::string untitled_title(std::string_view language);  // "Untitled map" in that language (the catalog's core.untitled_map)
bool is_untitled_title(std::string_view title);        // the untitled title of some language

// A fresh map in `language` ("Untitled map" in that language, meta.language set) with the
// framework's default centre. When `framework` is the built-in template in any language,
// the map gets its wording in `language`; any other framework is kept as it is.
Document new_document(const Framework& framework, std::string_view now_iso,
                      std::string_view language = kDefaultMapLanguage);
Document new_document(std::string_view language, std::string_view now_iso);  // the built-in template in `language`
std::optional<ImportError> validate_framework(const Framework& framework);  // first rule a framework breaks (code InvalidFramework), nullopt when usable

}  // namespace ecomap
