// Files from maps/ and the typeface embedded in the core at build time (see cmake/EcomapEmbed.cmake).
#pragma once
#include <string_view>
#include <utility>
#include <vector>

namespace ecomap::embedded {
std::string_view social_change_ecosystem_json();  // maps/social-change-ecosystem.json
std::string_view schema_json();                   // maps/ecomap.schema.json
std::string_view blank_json();                    // maps/blank.json: six roles to name
std::string_view example_one_person();            // maps/examples/*.ecomap.json
std::string_view example_organization();
std::string_view example_workshop();
std::string_view inter_regular_otf();             // Debian's fonts-inter: the screen's and the PDF's typeface
std::string_view inter_semibold_otf();
std::vector<std::pair<std::string_view, std::string_view>> catalogs();  // src/i18n/<code>.json: {code, JSON text}
// The built-in template per language, {code, JSON text}: "en" is maps/social-change-ecosystem.json,
// the others maps/social-change-ecosystem.<code>.json.
std::vector<std::pair<std::string_view, std::string_view>> template_wordings();
}  // namespace ecomap::embedded
