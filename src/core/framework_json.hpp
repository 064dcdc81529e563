// ecomap core (internal): a framework as JSON, the same fields in templates and in the
// "framework" object of saved maps.
#pragma once

#include "core/framework.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace ecomap::detail {

// Strict: any missing required field, wrong type or broken rule is an error whose path
// starts with `path` (e.g. "/framework"). Unknown keys are ignored.
FrameworkResult framework_from_json(const nlohmann::json& object, const std::string& path);

// Keys in this order: id, name, attribution {text, url}, defaultValues, defaultCause,
// roles [{id, name, color, description}], prompts [{id, step, text}].
nlohmann::ordered_json framework_to_json(const Framework& framework);

}  // namespace ecomap::detail
