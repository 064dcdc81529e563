// ecomap core: what a new map can start from, as the app's "New map" dialog lists it:
// the templates (the Social Change Ecosystem framework, and a blank map whose six roles
// the user names) and the example maps of maps/examples/. All are embedded data files;
// examples are map files and reach the document through the import door like any file.
#pragma once

#include "core/model.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ecomap {

enum class StarterKind { Template, Example };

struct Starter {
    std::string id;  // stable: "social-change-ecosystem", "blank", "example-one-person"...
    StarterKind kind;
};

const std::vector<Starter>& starters();                      // templates first, then examples
// As listed, in `language` (the catalogs' "core.starter.<id>.title" / ".description").
const std::string& starter_title(const Starter& starter, std::string_view language);
const std::string& starter_description(const Starter& starter, std::string_view language);
const Framework* starter_framework(std::string_view id);     // a template's framework; nullptr for others
std::optional<std::string_view> example_file(std::string_view id);  // an example's map file (JSON text)
std::string example_file_name(std::string_view id);          // e.g. "workshop-25-people.ecomap.json"

}  // namespace ecomap
