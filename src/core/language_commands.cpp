// ecomap core: set_language of commands.hpp, a map's language and its template wording.
#include "core/commands.hpp"
#include "core/framework.hpp"
#include "core/i18n.hpp"

#include <algorithm>

namespace ecomap {

namespace {

// `value` in the new wording when it is still the old wording's text, else as it is.
void reword(std::string& value, const std::string& old_text, const std::string& new_text) {
    if (value == old_text) value = new_text;
}

// The framework with the built-in template's wording moved from `from` to `to` wherever
// the map still has `from`'s text; renamed roles, edited prompts and added roles are kept.
Framework reworded(Framework framework, const Framework& from, const Framework& to) {
    if (framework.id != from.id || from.id != to.id) return framework;  // another template: its own words
    reword(framework.name, from.name, to.name);
    for (Role& role : framework.roles) {
        const Role* old_role = from.find_role(role.id);
        const Role* new_role = to.find_role(role.id);
        if (old_role == nullptr || new_role == nullptr) continue;
        reword(role.name, old_role->name, new_role->name);
        reword(role.description, old_role->description, new_role->description);
    }
    for (Prompt& prompt : framework.prompts) {
        const auto same_id = [&](const Prompt& p) { return p.id == prompt.id; };
        const auto old_prompt = std::find_if(from.prompts.begin(), from.prompts.end(), same_id);
        const auto new_prompt = std::find_if(to.prompts.begin(), to.prompts.end(), same_id);
        if (old_prompt != from.prompts.end() && new_prompt != to.prompts.end())
            reword(prompt.text, old_prompt->text, new_prompt->text);
    }
    if (framework.default_values == from.default_values) framework.default_values = to.default_values;
    reword(framework.default_cause, from.default_cause, to.default_cause);
    return framework;
}

// The centre's values with each of the old default values replaced by the new one at the
// same place in the template's list; values the user typed are kept.
std::vector<std::string> reworded_values(std::vector<std::string> values, const Framework& from, const Framework& to) {
    for (std::string& value : values) {
        const auto found = std::find(from.default_values.begin(), from.default_values.end(), value);
        const auto index = static_cast<std::size_t>(found - from.default_values.begin());
        if (found != from.default_values.end() && index < to.default_values.size()) value = to.default_values[index];
    }
    return values;
}

}  // namespace

Command set_language(std::string language) {
    return {"Change language", {}, [language = std::move(language)](const Document& doc) {
                if (!i18n::has_language(language)) return refuse("ecomap has no catalog for the language \"" + language + "\"");
                CommandOutcome outcome;
                if (doc.meta.language == language) return outcome;  // nothing to do
                const Framework& from = default_framework(doc.meta.language);
                const Framework& to = default_framework(language);
                Meta meta = doc.meta;
                meta.language = language;
                if (is_untitled_title(meta.title)) meta.title = untitled_title(language);
                outcome.change.meta = ValueStep<Meta>{doc.meta, std::move(meta)};
                Framework framework = reworded(doc.framework, from, to);
                if (!(framework == doc.framework))
                    outcome.change.framework = ValueStep<Framework>{doc.framework, std::move(framework)};
                Centre centre = doc.centre;
                centre.values = reworded_values(std::move(centre.values), from, to);
                reword(centre.cause, from.default_cause, to.default_cause);
                if (!(centre == doc.centre)) outcome.change.centre = ValueStep<Centre>{doc.centre, std::move(centre)};
                return outcome;
            }};
}

}  // namespace ecomap
