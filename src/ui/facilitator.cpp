// The facilitator's views (see facilitator.hpp): tools, counts and gaps, entity table.
#include "ui/facilitator.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <string_view>
#include <unordered_map>

#include "core/i18n.hpp"
#include "core/look.hpp"
#include "ui/actions.hpp"
#include "ui/map_draw.hpp"
#include "ui/test_hooks.hpp"

namespace ecomap::ui {
namespace {

const ImVec4 kEmptyColor{0.53f, 0.13f, 0.33f, 1.0f};   // #882255: empty roles
const ImVec4 kThinColor{0.55f, 0.40f, 0.0f, 1.0f};     // dark ochre: thin roles
const ImVec4 kCrowdedColor{0.07f, 0.30f, 0.55f, 1.0f}; // blue: crowded roles

bool facilitator_tab = false;  // UI state of the side panel (not the document)


void swatch(const Role& role) {
    const float h = ImGui::GetTextLineHeight();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled({p.x, p.y + h * 0.15f}, {p.x + h * 0.7f, p.y + h * 0.85f}, im_color(parse_hex_color(role.color)),
                                              3.0f);
    ImGui::Dummy({h * 0.7f, h});
    ImGui::SameLine();
}

void action_button(UiContext& context, const char* id, const std::string& label) {
    const Action* action = find_action(id);
    if (action == nullptr) return;
    ImGui::BeginDisabled(!action->enabled(context));
    if (ImGui::Button((label + "###" + action->id).c_str())) run_action(context, id);
    ImGui::EndDisabled();
    expose_item(std::string("side:") + id);
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled) && !action->shortcut.empty())
        ImGui::SetTooltip("%s  (%s)", action->label(), action->shortcut.c_str());
}

// One row of the entity table; its roles as roles_text (core/look.hpp) writes them.
struct EntityRow {
    int index = 0;           // in document.entities
    int first_role = 1 << 20;  // smallest framework index of its roles
    int role_count = 0;      // placements on known roles
    std::string roles;       // text
};

// Names in the order people expect: case-insensitive (ASCII), numbers by value ("Person 2"
// before "Person 10"). Negative, zero or positive like strcmp.
int natural_compare(const std::string& a, const std::string& b) {
    size_t i = 0, j = 0;
    const auto digit = [](char c) { return c >= '0' && c <= '9'; };
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    while (i < a.size() && j < b.size()) {
        if (digit(a[i]) && digit(b[j])) {
            size_t ie = i, je = j;
            while (ie < a.size() && digit(a[ie])) ++ie;
            while (je < b.size() && digit(b[je])) ++je;
            std::string_view na(a.data() + i, ie - i), nb(b.data() + j, je - j);
            while (na.size() > 1 && na.front() == '0') na.remove_prefix(1);
            while (nb.size() > 1 && nb.front() == '0') nb.remove_prefix(1);
            if (na.size() != nb.size()) return na.size() < nb.size() ? -1 : 1;
            if (const int c = na.compare(nb); c != 0) return c;
            i = ie;
            j = je;
            continue;
        }
        const char ca = lower(a[i]), cb = lower(b[j]);
        if (ca != cb) return static_cast<unsigned char>(ca) < static_cast<unsigned char>(cb) ? -1 : 1;
        ++i;
        ++j;
    }
    if (i < a.size()) return 1;
    if (j < b.size()) return -1;
    return a.compare(b);
}

}  // namespace

// [SECTION] Words

const char* kind_text(EntityKind kind) { return i18n::tr("ui.kind." + std::string(to_string(kind))); }

const char* strength_text(Strength strength) {
    static constexpr std::array<const char*, 3> kKeys = {"ui.strength.primary", "ui.strength.secondary", "ui.strength.aspiring"};
    return i18n::tr(kKeys[static_cast<size_t>(strength)]);
}

const char* strength_label(Strength strength) {
    static constexpr std::array<const char*, 3> kKeys = {"ui.strength-label.primary", "ui.strength-label.secondary",
                                                         "ui.strength-label.aspiring"};
    return i18n::tr(kKeys[static_cast<size_t>(strength)]);
}

const char* energy_text(Energy energy) {
    static constexpr std::array<const char*, 3> kKeys = {"ui.energy.0", "ui.energy.1", "ui.energy.2"};
    return i18n::tr(kKeys[std::min<size_t>(static_cast<size_t>(energy), 2)]);
}

std::string kind_counts_text(const RoleStats& stats, bool short_form) {
    std::string text = i18n::trn("ui.count.people", stats.by_kind[slot(EntityKind::Person)]);
    const int organizations = stats.by_kind[slot(EntityKind::Organization)];
    const int networks = stats.by_kind[slot(EntityKind::Network)];
    text += " · " + i18n::trn(short_form ? "ui.count.orgs" : "ui.count.organizations", organizations);
    if (networks > 0) text += " · " + i18n::trn("ui.count.networks", networks);
    return text;
}

std::string strength_counts_text(const RoleStats& stats) {
    std::string text;
    for (size_t i = 0; i < stats.by_strength.size(); ++i) {
        if (!text.empty()) text += " · ";
        text += std::string(strength_text(static_cast<Strength>(i))) + " " + std::to_string(stats.by_strength[i]);
    }
    return text;
}

const char* gap_word(const RoleStats& stats) {
    if (stats.empty) return i18n::tr("ui.gap.empty");
    if (stats.thin) return i18n::tr("ui.gap.thin");
    if (stats.crowded) return i18n::tr("ui.gap.crowded");
    return "";
}

bool gaps_shown(const UiContext& context) { return context.state.presenting || facilitator_tab; }

void set_facilitator_tab_open(bool open) { facilitator_tab = open; }

// [SECTION] Tools

void draw_facilitator_tools(UiContext& context) {
    action_button(context, "merge-maps", find_action("merge-maps")->label());
    ImGui::SameLine();
    action_button(context, "present", find_action("present")->label());
    bool hide = context.state.hide_names;
    if (ImGui::Checkbox((std::string(find_action("hide-names")->label()) + "###side-hide-names").c_str(), &hide))
        run_action(context, "hide-names");
    expose_item("side:hide-names");
    ImGui::SameLine();
    bool vote = context.state.vote_mode;
    if (ImGui::Checkbox((std::string(find_action("vote-mode")->label()) + "###side-vote-mode").c_str(), &vote))
        run_action(context, "vote-mode");
    expose_item("side:vote-mode");
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", i18n::tr("ui.tools.vote-tip"));
    ImGui::SameLine();
    action_button(context, "clear-votes", find_action("clear-votes")->label());
}

// [SECTION] Counts and gaps

void draw_counts(UiContext& context) {
    const Document& document = context.document();
    const Analysis analysis = context.analysis();
    const auto& roles = document.framework.roles;

    ImGui::PushTextWrapPos(0);
    std::string summary = i18n::trn("ui.counts.placed", analysis.entities_placed);
    if (analysis.entities_unplaced > 0) summary += i18n::trn("ui.counts.unplaced", analysis.entities_unplaced);
    ImGui::TextUnformatted(summary.c_str());
    expose_item("counts-summary");
    auto name_list = [&](const std::vector<int>& indices) {
        std::string text;
        for (int i : indices) text += (text.empty() ? "" : ", ") + roles[static_cast<size_t>(i)].name;
        return text;
    };
    if (!analysis.empty_roles.empty()) {
        ImGui::TextColored(kEmptyColor, "%s",
                           i18n::tr("ui.counts.missing", {{"roles", name_list(analysis.empty_roles)}}).c_str());
        expose_item("gaps-empty");
    }
    if (!analysis.thin_roles.empty()) {
        ImGui::TextColored(kThinColor, "%s",
                           i18n::tr("ui.counts.thin", {{"n", std::to_string(analysis.thin_threshold)},
                                                       {"roles", name_list(analysis.thin_roles)}})
                               .c_str());
        expose_item("gaps-thin");
    }
    if (!analysis.crowded_roles.empty()) {
        ImGui::TextColored(kCrowdedColor, "%s",
                           i18n::tr("ui.counts.crowded", {{"roles", name_list(analysis.crowded_roles)}}).c_str());
        expose_item("gaps-crowded");
    }
    if (analysis.votes > 0) ImGui::TextUnformatted(i18n::trn("ui.counts.votes-in-all", analysis.votes).c_str());
    ImGui::PopTextWrapPos();
    ImGui::Separator();

    ImGui::BeginChild("##counts", {0, 0});
    for (size_t i = 0; i < roles.size() && i < analysis.roles.size(); ++i) {
        const Role& role = roles[i];
        const RoleStats& stats = analysis.roles[i];
        ImGui::PushID(role.id.c_str());
        const bool selected = context.session.selection.contains({TargetKind::Role, role.id});
        const ImVec2 start = ImGui::GetCursorScreenPos();
        // The whole block selects the role (its prompts and people in the Map tab's inspector).
        const float lines = stats.empty ? 1.0f : 3.0f;
        if (ImGui::Selectable("##role", selected, ImGuiSelectableFlags_AllowOverlap,
                              {0, ImGui::GetTextLineHeightWithSpacing() * lines - ImGui::GetStyle().ItemSpacing.y})) {
            context.session.selection.items = {{TargetKind::Role, role.id}};
        }
        const ImVec2 after = ImGui::GetCursorScreenPos();
        expose_item("counts:" + role.id);
        ImGui::SetCursorScreenPos(start);
        swatch(role);
        ImGui::PushFont(context.fonts.ui_bold);
        ImGui::TextUnformatted(role.name.c_str());
        ImGui::PopFont();
        ImGui::SameLine();
        ImGui::Text("%d", stats.entities);
        if (const char* gap = gap_word(stats); gap[0] != '\0') {
            ImGui::SameLine();
            ImGui::TextColored(stats.empty ? kEmptyColor : stats.thin ? kThinColor : kCrowdedColor, "(%s)", gap);
        }
        if (stats.votes > 0) {
            ImGui::SameLine();
            ImGui::TextDisabled("%s", i18n::trn("ui.counts.votes", stats.votes).c_str());
        }
        if (!stats.empty) {
            ImGui::TextDisabled("%s", kind_counts_text(stats).c_str());
            ImGui::TextDisabled("%s", strength_counts_text(stats).c_str());
        }
        ImGui::SetCursorScreenPos(after);
        ImGui::Spacing();
        ImGui::PopID();
    }
    ImGui::EndChild();
}

// [SECTION] Entity table

void draw_entity_table(UiContext& context) {
    const Document& document = context.document();
    const EntityNames names = context.names();
    std::vector<EntityRow> rows(document.entities.size());
    {
        std::unordered_map<std::string_view, size_t> index_of;
        for (size_t i = 0; i < document.entities.size(); ++i) {
            rows[i].index = static_cast<int>(i);
            index_of.emplace(document.entities[i].id, i);
        }
        std::vector<std::vector<bool>> on_role(rows.size());  // per entity: which roles it plays
        for (const Placement& placement : document.placements) {
            const auto found = index_of.find(placement.entity);
            const int role = document.framework.role_index(placement.role);
            if (found == index_of.end() || role < 0) continue;
            EntityRow& row = rows[found->second];
            auto& roles = on_role[found->second];
            roles.resize(document.framework.roles.size());
            row.first_role = std::min(row.first_role, role);
            if (!roles[static_cast<size_t>(role)]) ++row.role_count;
            roles[static_cast<size_t>(role)] = true;
        }
        std::vector<std::string> texts = roles_texts(document, i18n::language());  // one text for every output (core/look.hpp)
        for (size_t i = 0; i < rows.size(); ++i) rows[i].roles = std::move(texts[i]);
    }

    ImGui::TextDisabled("%s", i18n::trn("ui.table.entries", static_cast<long long>(rows.size())).c_str());
    const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingStretchProp |
                                  ImGuiTableFlags_SortTristate;
    if (!ImGui::BeginTable("##entity-table", 3, flags, {0, 0})) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn(i18n::tr("ui.table.name"), ImGuiTableColumnFlags_DefaultSort, 1.2f);
    ImGui::TableSetupColumn(i18n::tr("ui.table.kind"), ImGuiTableColumnFlags_None, 0.8f);
    ImGui::TableSetupColumn(i18n::tr("ui.table.roles"), ImGuiTableColumnFlags_None, 2.0f);
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);  // the header row, one named widget per column
    for (int column = 0; column < 3; ++column) {
        ImGui::TableSetColumnIndex(column);
        ImGui::TableHeader(ImGui::TableGetColumnName(column));
        expose_item("table-header:" + std::to_string(column));
    }

    std::vector<std::string> shown(rows.size());
    for (size_t i = 0; i < rows.size(); ++i) shown[i] = names(document.entities[i]);
    if (const ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs != nullptr && specs->SpecsCount > 0) {
        const ImGuiTableColumnSortSpecs spec = specs->Specs[0];
        const bool ascending = spec.SortDirection != ImGuiSortDirection_Descending;
        auto less = [&](const EntityRow& a, const EntityRow& b) {
            const Entity& ea = document.entities[static_cast<size_t>(a.index)];
            const Entity& eb = document.entities[static_cast<size_t>(b.index)];
            switch (spec.ColumnIndex) {
                case 1:
                    if (ea.kind != eb.kind) return ea.kind < eb.kind;
                    break;
                case 2:
                    if (a.first_role != b.first_role) return a.first_role < b.first_role;
                    if (a.role_count != b.role_count) return a.role_count > b.role_count;
                    break;
                default: break;
            }
            const int order = natural_compare(shown[static_cast<size_t>(a.index)], shown[static_cast<size_t>(b.index)]);
            if (order != 0) return order < 0;
            return a.index < b.index;
        };
        std::stable_sort(rows.begin(), rows.end(), [&](const EntityRow& a, const EntityRow& b) {
            return ascending ? less(a, b) : less(b, a);
        });
    }

    // Rows wrap (roles), so heights differ: clip only when the table is long.
    const int count = static_cast<int>(rows.size());
    ImGuiListClipper clipper;
    const bool clip = count > 600;
    if (clip) clipper.Begin(count);
    while (clip ? clipper.Step() : true) {
        const int first = clip ? clipper.DisplayStart : 0;
        const int last = clip ? clipper.DisplayEnd : count;
        for (int r = first; r < last; ++r) {
            const EntityRow& row = rows[static_cast<size_t>(r)];
            const Entity& entity = document.entities[static_cast<size_t>(row.index)];
            ImGui::TableNextRow();
            ImGui::TableSetColumnIndex(0);
            ImGui::PushID(entity.id.c_str());
            const bool selected = context.session.selection.contains({TargetKind::Entity, entity.id});
            const ImVec2 cell = ImGui::GetCursorScreenPos();
            if (ImGui::Selectable("##row", selected,
                                  ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap)) {
                context.session.selection.items = {{TargetKind::Entity, entity.id}};
            }
            expose_item("table-row:" + std::to_string(r));
            if (!names.hidden() && !entity.source.empty() && ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", i18n::tr("ui.table.from", {{"source", entity.source}}).c_str());
            ImGui::SetCursorScreenPos(cell);
            ImGui::PushTextWrapPos(0);
            ImGui::TextUnformatted(shown[static_cast<size_t>(row.index)].c_str());
            ImGui::PopTextWrapPos();
            ImGui::TableSetColumnIndex(1);
            ImGui::TextUnformatted(kind_text(entity.kind));
            ImGui::TableSetColumnIndex(2);
            ImGui::PushTextWrapPos(0);
            if (row.roles.empty()) ImGui::TextDisabled("%s", i18n::tr("ui.table.not-placed"));
            else ImGui::TextUnformatted(row.roles.c_str());
            ImGui::PopTextWrapPos();
            ImGui::PopID();
        }
        if (!clip) break;
    }
    ImGui::EndTable();
}

}  // namespace ecomap::ui
