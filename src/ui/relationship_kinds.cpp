#include "ui/relationship_kinds.hpp"

namespace ecomap::ui {

const std::vector<RelationshipKind>& relationship_kinds() {
    static const std::vector<RelationshipKind> kinds = {
        {"works-with", "works with"}, {"supports", "supports"}, {"member-of", "member of"},
        {"funds", "funds"},           {"learns-from", "learns from"},
    };
    return kinds;
}

std::string relationship_kind_label(std::string_view kind) {
    for (const RelationshipKind& k : relationship_kinds())
        if (k.id == kind) return k.label;
    return std::string(kind);
}

LinkStyle link_style(std::string_view kind) {
    if (kind == "supports") return {0, true};
    if (kind == "member-of") return {9, false};
    if (kind == "funds") return {0, true};
    if (kind == "learns-from") return {3, true};
    return {0, false};
}

}  // namespace ecomap::ui
