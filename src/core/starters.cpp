// ecomap core: starters (see starters.hpp).
#include "core/starters.hpp"

#include "core/embedded.hpp"
#include "core/framework.hpp"
#include "core/i18n.hpp"

#include <stdexcept>

namespace ecomap {

namespace {

struct ExampleFile {
    std::string_view id, file_name;
    std::string_view (*bytes)();
};

constexpr ExampleFile kExamples[] = {
    {"example-one-person", "one-person.ecomap.json", embedded::example_one_person},
    {"example-organization", "organization.ecomap.json", embedded::example_organization},
    {"example-workshop", "workshop-25-people.ecomap.json", embedded::example_workshop},
};

const Framework& blank_framework() {
    static const Framework framework = [] {
        FrameworkResult result = load_framework(embedded::blank_json());
        if (!result.ok()) throw std::logic_error("maps/blank.json is not a usable template");
        return std::move(*result.framework);
    }();
    return framework;
}

}  // namespace

const std::vector<Starter>& starters() {
    static const std::vector<Starter> list = {
        {"social-change-ecosystem", StarterKind::Template},
        {"blank", StarterKind::Template},
        {"example-one-person", StarterKind::Example},
        {"example-organization", StarterKind::Example},
        {"example-workshop", StarterKind::Example},
    };
    return list;
}

const std::string& starter_title(const Starter& starter, std::string_view language) {
    return i18n::text(language, "core.starter." + starter.id + ".title");
}

const std::string& starter_description(const Starter& starter, std::string_view language) {
    return i18n::text(language, "core.starter." + starter.id + ".description");
}

const Framework* starter_framework(std::string_view id) {
    if (id == "social-change-ecosystem") return &default_framework();
    if (id == "blank") return &blank_framework();
    return nullptr;
}

std::optional<std::string_view> example_file(std::string_view id) {
    for (const ExampleFile& example : kExamples)
        if (example.id == id) return example.bytes();
    return std::nullopt;
}

std::string example_file_name(std::string_view id) {
    for (const ExampleFile& example : kExamples)
        if (example.id == id) return std::string(example.file_name);
    return {};
}

}  // namespace ecomap
