// ecomap core: starters (see starters.hpp).
#include "core/starters.hpp"

#include "core/embedded.hpp"
#include "core/framework.hpp"

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
        {"social-change-ecosystem", StarterKind::Template, "Social Change Ecosystem Map",
         "Ten roles around the values you work for"},
        {"blank", StarterKind::Template, "Blank map", "Six roles for you to name, colour, add or remove"},
        {"example-one-person", StarterKind::Example, "Example: one person's map", "Rosa's roles, her organizations and the people around her"},
        {"example-organization", StarterKind::Example, "Example: an organization's map",
         "A community health collective, its staff and partners"},
        {"example-workshop", StarterKind::Example, "Example: a 25-person workshop",
         "A tenant organizing workshop's group map"},
    };
    return list;
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
