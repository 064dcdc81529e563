// ecomap core: reading, checking and writing frameworks; new documents.
#include "core/framework.hpp"

#include "core/embedded.hpp"
#include "core/framework_json.hpp"
#include "core/i18n.hpp"
#include "core/json_input.hpp"
#include "core/limits.hpp"
#include "core/utf8.hpp"

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <set>

namespace ecomap {

namespace {

using nlohmann::json;

ImportError invalid(std::string_view message, std::string path) {
    return detail::field_error(ImportErrorCode::InvalidFramework, message, std::move(path));
}

// nullopt when `value` is valid UTF-8 of at most `max` characters (and not empty when required).
std::optional<ImportError> check_text(std::string_view value, std::size_t max, bool required,
                                      std::string_view what, const std::string& path) {
    if (text::first_invalid_utf8(value)) return invalid(std::string(what) + " is not valid UTF-8", path);
    if (required && value.empty()) return invalid(std::string(what) + " is empty", path);
    if (text::code_point_count(value) > max)
        return invalid(std::string(what) + " is longer than " + std::to_string(max) + " characters",
                       path);
    return std::nullopt;
}

bool is_hex_colour(std::string_view colour) {
    if (colour.size() != 7 || colour[0] != '#') return false;
    for (char c : colour.substr(1)) {
        const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
        if (!hex) return false;
    }
    return true;
}

// Reads typed members of JSON objects, keeping the first type error.
class StrictReader {
public:
    std::optional<ImportError> error;  // first problem found

    // The member `key` of `object` when present and of the kind `is_kind` accepts.
    // Missing: an error when required, else nullptr. Wrong kind: always an error.
    const json* member(const json& object, const char* key, const std::string& path,
                       bool required, bool (json::*is_kind)() const noexcept,
                       std::string_view expected) {
        if (error) return nullptr;
        const auto it = object.find(key);
        const std::string member_path = path + "/" + key;
        if (it == object.end()) {
            if (required) error = invalid(std::string("\"") + key + "\" is missing", member_path);
            return nullptr;
        }
        if (!((*it).*is_kind)()) {
            error = invalid("expected " + std::string(expected) + ", found " +
                                std::string(detail::type_phrase(*it)),
                            member_path);
            return nullptr;
        }
        return &*it;
    }

    void read(const json& object, const char* key, const std::string& path, bool required,
              std::string& out) {
        if (const json* value = member(object, key, path, required, &json::is_string, "text"))
            out = value->get<std::string>();
    }
};

// [SECTION] Checking -----------------------------------------------------------------

// First rule `framework` breaks, with paths under `base` (e.g. "/framework").
std::optional<ImportError> check_framework(const Framework& framework, const std::string& base) {
    if (auto e = check_text(framework.id, kMaxIdLength, true, "framework id", base + "/id")) return e;
    if (auto e = check_text(framework.name, kMaxNameLength, true, "framework name", base + "/name")) return e;
    if (auto e = check_text(framework.attribution.text, kMaxTextLength, false, "attribution text",
                            base + "/attribution/text"))
        return e;
    if (auto e = check_text(framework.attribution.url, kMaxNameLength, false, "attribution url",
                            base + "/attribution/url"))
        return e;
    if (framework.default_values.size() > kMaxValues)
        return invalid("more than " + std::to_string(kMaxValues) + " default values", base + "/defaultValues");
    for (std::size_t i = 0; i < framework.default_values.size(); ++i) {
        if (auto e = check_text(framework.default_values[i], kMaxNameLength, false, "default value",
                                base + "/defaultValues/" + std::to_string(i)))
            return e;
    }
    if (auto e = check_text(framework.default_cause, kMaxTextLength, false, "default cause",
                            base + "/defaultCause"))
        return e;
    if (framework.roles.empty()) return invalid("the framework has no roles", base + "/roles");
    if (framework.roles.size() > kMaxRoles)
        return invalid("more than " + std::to_string(kMaxRoles) + " roles", base + "/roles");
    std::set<std::string_view> role_ids;
    for (std::size_t i = 0; i < framework.roles.size(); ++i) {
        const Role& role = framework.roles[i];
        const std::string path = base + "/roles/" + std::to_string(i);
        if (auto e = check_text(role.id, kMaxIdLength, true, "role id", path + "/id")) return e;
        if (!role_ids.insert(role.id).second)
            return invalid("role id " + text::quoted_excerpt(role.id) + " is used twice", path + "/id");
        if (auto e = check_text(role.name, kMaxNameLength, true, "role name", path + "/name")) return e;
        if (!is_hex_colour(role.color))
            return invalid("role colour must look like \"#rrggbb\", found " +
                               text::quoted_excerpt(role.color),
                           path + "/color");
        if (auto e = check_text(role.description, kMaxTextLength, false, "role description",
                                path + "/description"))
            return e;
    }
    if (framework.prompts.size() > kMaxPrompts)
        return invalid("more than " + std::to_string(kMaxPrompts) + " prompts", base + "/prompts");
    std::set<std::string_view> prompt_ids;
    for (std::size_t i = 0; i < framework.prompts.size(); ++i) {
        const Prompt& prompt = framework.prompts[i];
        const std::string path = base + "/prompts/" + std::to_string(i);
        if (auto e = check_text(prompt.id, kMaxIdLength, true, "prompt id", path + "/id")) return e;
        if (!prompt_ids.insert(prompt.id).second)
            return invalid("prompt id " + text::quoted_excerpt(prompt.id) + " is used twice",
                           path + "/id");
        if (prompt.step < 1 || prompt.step > 3)
            return invalid("prompt step must be 1, 2 or 3, found " + std::to_string(prompt.step),
                           path + "/step");
        if (auto e = check_text(prompt.text, kMaxTextLength, false, "prompt text", path + "/text"))
            return e;
    }
    return std::nullopt;
}

}  // namespace

std::optional<ImportError> validate_framework(const Framework& framework) {
    return check_framework(framework, "");
}

// [SECTION] JSON ---------------------------------------------------------------------

FrameworkResult detail::framework_from_json(const json& object, const std::string& path) {
    FrameworkResult result;
    if (!object.is_object()) {
        result.error = invalid("expected an object, found " + std::string(detail::type_phrase(object)), path);
        return result;
    }
    Framework framework;
    StrictReader reader;
    reader.read(object, "id", path, true, framework.id);
    reader.read(object, "name", path, true, framework.name);
    if (const json* attribution =
            reader.member(object, "attribution", path, false, &json::is_object, "an object")) {
        reader.read(*attribution, "text", path + "/attribution", false, framework.attribution.text);
        reader.read(*attribution, "url", path + "/attribution", false, framework.attribution.url);
    }
    if (const json* values =
            reader.member(object, "defaultValues", path, false, &json::is_array, "a list")) {
        if (values->size() > kMaxValues)
            reader.error = invalid("more than " + std::to_string(kMaxValues) + " default values",
                                   path + "/defaultValues");
        for (std::size_t i = 0; i < values->size() && !reader.error; ++i) {
            const json& value = (*values)[i];
            if (value.is_string()) framework.default_values.push_back(value.get<std::string>());
            else reader.error = invalid("expected text, found " + std::string(detail::type_phrase(value)),
                                        path + "/defaultValues/" + std::to_string(i));
        }
    }
    reader.read(object, "defaultCause", path, false, framework.default_cause);
    if (const json* roles = reader.member(object, "roles", path, true, &json::is_array, "a list")) {
        for (std::size_t i = 0; i < roles->size() && i <= kMaxRoles && !reader.error; ++i) {
            const std::string role_path = path + "/roles/" + std::to_string(i);
            const json& item = (*roles)[i];
            if (!item.is_object()) {
                reader.error = invalid("expected a role object, found " + std::string(detail::type_phrase(item)),
                                       role_path);
                break;
            }
            Role role;
            reader.read(item, "id", role_path, true, role.id);
            reader.read(item, "name", role_path, true, role.name);
            reader.read(item, "color", role_path, true, role.color);
            reader.read(item, "description", role_path, false, role.description);
            framework.roles.push_back(std::move(role));
        }
    }
    if (const json* prompts = reader.member(object, "prompts", path, false, &json::is_array, "a list")) {
        for (std::size_t i = 0; i < prompts->size() && i <= kMaxPrompts && !reader.error; ++i) {
            const std::string prompt_path = path + "/prompts/" + std::to_string(i);
            const json& item = (*prompts)[i];
            if (!item.is_object()) {
                reader.error = invalid("expected a prompt object, found " + std::string(detail::type_phrase(item)),
                                       prompt_path);
                break;
            }
            Prompt prompt;
            reader.read(item, "id", prompt_path, true, prompt.id);
            if (const json* step = reader.member(item, "step", prompt_path, true,
                                                 &json::is_number_integer, "a whole number")) {
                if (step->is_number_unsigned() && step->get<std::uint64_t>() >= 1 &&
                    step->get<std::uint64_t>() <= 3)
                    prompt.step = step->get<int>();
                else
                    reader.error = invalid("prompt step must be 1, 2 or 3, found " + step->dump(),
                                           prompt_path + "/step");
            }
            reader.read(item, "text", prompt_path, true, prompt.text);
            framework.prompts.push_back(std::move(prompt));
        }
    }
    if (reader.error) {
        result.error = std::move(reader.error);
        return result;
    }
    if (auto problem = check_framework(framework, path)) {
        result.error = std::move(problem);
        return result;
    }
    result.framework = std::move(framework);
    return result;
}

nlohmann::ordered_json detail::framework_to_json(const Framework& framework) {
    nlohmann::ordered_json roles = nlohmann::ordered_json::array();
    for (const Role& role : framework.roles) {
        roles.push_back({{"id", role.id},
                         {"name", role.name},
                         {"color", role.color},
                         {"description", role.description}});
    }
    nlohmann::ordered_json prompts = nlohmann::ordered_json::array();
    for (const Prompt& prompt : framework.prompts) {
        prompts.push_back({{"id", prompt.id}, {"step", prompt.step}, {"text", prompt.text}});
    }
    nlohmann::ordered_json out;
    out["id"] = framework.id;
    out["name"] = framework.name;
    out["attribution"] = {{"text", framework.attribution.text}, {"url", framework.attribution.url}};
    out["defaultValues"] = framework.default_values;
    out["defaultCause"] = framework.default_cause;
    out["roles"] = std::move(roles);
    out["prompts"] = std::move(prompts);
    return out;
}

// [SECTION] Templates and new documents ----------------------------------------------

FrameworkResult load_framework(std::string_view json_text) {
    FrameworkResult result;
    detail::ParsedJson parsed = detail::parse_untrusted_json(json_text, kDefaultMaxBytes, kDefaultMaxDepth);
    if (parsed.error) {
        result.error = std::move(parsed.error);
        return result;
    }
    const json& root = parsed.value;
    detail::Envelope envelope = detail::read_envelope(root, "template", kTemplateFormatVersion);
    if (envelope.format != kTemplateFormatName) {
        const std::string found = envelope.format == kFormatName
                                      ? "this is a map, not a template"
                                      : "this is not an ecomap template (\"format\" must be \"ecomap-template\")";
        result.error = detail::field_error(ImportErrorCode::WrongFormat, found, "/format");
        return result;
    }
    if (envelope.error) {
        result.error = std::move(envelope.error);
        return result;
    }
    try {
        return detail::framework_from_json(root, "");
    } catch (const std::exception& e) {  // not expected: every access above is type-checked
        result.error = ImportError{ImportErrorCode::InvalidFramework,
                                   std::string("the template could not be read: ") + e.what(), "", 0, 0};
        return result;
    }
}

namespace {

struct Wording {
    std::string language;
    Framework framework;
};

// The built-in template in every embedded language, English first.
const std::vector<Wording>& wordings() {
    static const std::vector<Wording> all = [] {
        std::vector<Wording> result;
        for (const auto& [code, json_text] : embedded::template_wordings()) {
            FrameworkResult read = load_framework(json_text);
            if (!read.ok()) {  // a build defect, caught by the tests
                std::fprintf(stderr, "ecomap: built-in template (%.*s) is broken: %s\n", static_cast<int>(code.size()),
                             code.data(), read.error->message.c_str());
                std::abort();
            }
            result.push_back({std::string(code), std::move(*read.framework)});
        }
        return result;
    }();
    return all;
}

}  // namespace

const Framework& default_framework() { return wordings().front().framework; }

const Framework& default_framework(std::string_view language) {
    for (const Wording& wording : wordings())
        if (wording.language == language) return wording.framework;
    return default_framework();
}

std::vector<std::string> template_languages() {
    std::vector<std::string> codes;
    for (const Wording& wording : wordings()) codes.push_back(wording.language);
    return codes;
}

bool is_builtin_wording(const Framework& framework) { return !wording_language(framework).empty(); }

std::string wording_language(const Framework& framework) {
    for (const Wording& wording : wordings())
        if (wording.framework == framework) return wording.language;
    return {};
}

bool is_language_code(std::string_view code) {
    if (code.size() > 35) return false;
    std::size_t at = 0;
    while (at < code.size() && code[at] >= 'a' && code[at] <= 'z') ++at;
    if (at < 2 || at > 3) return false;
    while (at < code.size()) {
        if (code[at++] != '-') return false;
        const std::size_t start = at;
        while (at < code.size() && std::isalnum(static_cast<unsigned char>(code[at]))) ++at;
        if (at == start || at - start > 8) return false;
    }
    return true;
}

std::string untitled_title(std::string_view language) { return i18n::text(language, "core.untitled_map"); }

bool is_untitled_title(std::string_view title) {
    if (title == kUntitledTitle) return true;
    for (const i18n::Language& language : i18n::languages())
        if (title == i18n::text(language.code, "core.untitled_map")) return true;
    return false;
}

Document new_document(const Framework& framework, std::string_view now_iso, std::string_view language) {
    const std::string code = i18n::has_language(language) ? std::string(language) : std::string(kDefaultMapLanguage);
    const Framework& chosen = is_builtin_wording(framework) ? default_framework(code) : framework;
    Document document;
    document.meta.title = untitled_title(code);
    document.meta.created = std::string(now_iso);
    document.meta.modified = std::string(now_iso);
    document.meta.language = code;
    document.framework = chosen;
    document.centre.values = chosen.default_values;
    document.centre.cause = chosen.default_cause;
    return document;
}

Document new_document(std::string_view language, std::string_view now_iso) {
    return new_document(default_framework(language), now_iso, language);
}

}  // namespace ecomap
