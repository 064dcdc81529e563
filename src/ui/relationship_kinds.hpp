// The relationship kinds the UI offers, and how each is drawn. Kinds are free text in
// the document; unknown kinds are drawn like "works-with" and shown as written.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace ecomap::ui {

struct RelationshipKind {
    std::string id;       // stored in Relationship::kind, e.g. "supports"
    std::string label;    // shown, e.g. "supports"
};

struct LinkStyle {
    float dash = 0;       // dash length in px; 0 = solid
    bool arrow = false;   // arrowhead at the "to" end
};

const std::vector<RelationshipKind>& relationship_kinds();  // in menu order; the first is the default
std::string relationship_kind_label(std::string_view kind);  // label for a kind id (the id itself when unknown)
LinkStyle link_style(std::string_view kind);                 // how links of that kind are drawn

}  // namespace ecomap::ui
