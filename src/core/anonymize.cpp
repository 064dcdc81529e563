// ecomap core: hide_names (see anonymize.hpp).
#include "core/anonymize.hpp"

#include <array>

namespace ecomap {

std::string neutral_name(EntityKind kind, int number) {
    std::string_view noun = "Person";
    if (kind == EntityKind::Organization) noun = "Organization";
    else if (kind == EntityKind::Network) noun = "Network";
    return std::string(noun) + " " + std::to_string(number);
}

Document hide_names(const Document& document) {
    Document out = document;
    std::array<int, 3> numbers{};  // per EntityKind
    for (Entity& entity : out.entities) {
        const int number = ++numbers[static_cast<std::size_t>(entity.kind)];
        entity.name = neutral_name(entity.kind, number);
        entity.notes.clear();
        entity.source.clear();
        entity.anonymous = true;
    }
    for (Relationship& relationship : out.relationships) relationship.label.clear();
    return out;
}

}  // namespace ecomap
