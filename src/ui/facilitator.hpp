// The facilitator's views of the map, read from the document every frame (no copy):
// counts and gaps per role (from core/analysis.hpp) and the sortable table of every
// person, organization and network with its roles, which is also the keyboard-friendly
// way to read the map. Names follow the "hide names" switch (EntityNames, core/look.hpp).
#pragma once
#include <string>
#include <vector>

#include "core/analysis.hpp"
#include "ui/context.hpp"

namespace ecomap::ui {

std::string kind_counts_text(const RoleStats& stats, bool short_form = false);  // "4 people · 2 organizations"
std::string strength_counts_text(const RoleStats& stats);  // "primary 5 · secondary 1 · aspiring 2"
const char* gap_word(const RoleStats& stats);              // "empty", "thin", "crowded" or ""
const char* kind_text(EntityKind kind);                    // "Person", "Organization", "Network" in the interface's language
const char* strength_text(Strength strength);              // "primary", "secondary", "aspiring" (running text)
const char* strength_label(Strength strength);             // "Primary", "Secondary", "Aspiring" (menus)
const char* energy_text(Energy energy);                    // "Energy: not said", "Energizes me", "Depletes me"
bool gaps_shown(const UiContext& context);                 // call-outs on the map: presenting or a facilitator tab open
void set_facilitator_tab_open(bool open);                  // side panel: the Counts or Table tab is the visible one

void draw_facilitator_tools(UiContext& context);  // merge / present / hide names / vote buttons (side panel)
void draw_counts(UiContext& context);             // per role: people, organizations, strengths, votes, gaps
void draw_entity_table(UiContext& context);       // every entity with its roles; sortable columns

}  // namespace ecomap::ui
