// The inspector: edits whatever is selected (entity, link, role, centre), or the map
// itself (title, centre, reflections) when nothing is. Every edit is one command; a
// typing burst is one undo step, closed when the field is left.
#include <imgui.h>
#include <imgui_internal.h>  // ActivateItemByID: focus the name field of a new entity
#include <imgui_stdlib.h>

#include <array>
#include <functional>
#include <sstream>
#include <string>

#include "core/analysis.hpp"
#include "core/commands.hpp"
#include "core/i18n.hpp"
#include "ui/facilitator.hpp"
#include "ui/actions.hpp"
#include "ui/panels.hpp"
#include "ui/map_draw.hpp"
#include "ui/test_hooks.hpp"

namespace ecomap::ui {
namespace {

constexpr std::array<const char*, 3> kStepNames = {"ui.inspector.step1", "ui.inspector.step2", "ui.inspector.step3"};  // keys

// A link kind's words in the interface's language (the core's label for kinds the catalog lacks).
std::string link_text(const std::string& kind) {
    const std::string key = "ui.link." + kind;
    return i18n::has_key(i18n::kDefaultLanguage, key) ? std::string(i18n::tr(key)) : link_kind_label(kind);
}

void heading(const UiContext& context, const char* text) {
    ImGui::Spacing();
    ImGui::PushFont(context.fonts.ui_bold);
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

// A text field bound to the document: applies `make(new_text)` on every edit.
void text_field(UiContext& context, const char* label, const std::string& current,
                const std::function<Command(std::string)>& make, const char* name, bool multiline = false,
                const char* hint = "") {
    std::string buffer = current;
    ImGui::SetNextItemWidth(-FLT_MIN);
    const bool changed = multiline ? ImGui::InputTextMultiline(label, &buffer, {-FLT_MIN, ImGui::GetTextLineHeight() * 4.5f})
                                   : ImGui::InputTextWithHint(label, hint, &buffer);
    expose_item(name);
    if (changed) context.apply(make(buffer));
    if (ImGui::IsItemDeactivated()) context.history.break_coalescing();
}

bool combo(const char* label, int& index, const std::array<const char*, 3>& names, const char* name) {
    ImGui::SetNextItemWidth(-FLT_MIN);
    const bool changed = ImGui::Combo(label, &index, names.data(), 3);
    expose_item(name);
    return changed;
}

std::vector<std::string> split_lines(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) lines.push_back(line);
    return lines;
}

std::string join_lines(const std::vector<std::string>& values) {
    std::string text;
    for (const std::string& value : values) text += (text.empty() ? "" : "\n") + value;
    return text;
}

void centre_fields(UiContext& context) {
    const Centre& centre = context.document().centre;
    ImGui::TextUnformatted(i18n::tr("ui.inspector.values"));
    text_field(context, "##values", join_lines(centre.values),
               [](std::string text) { return set_centre_values(split_lines(text)); }, "centre-values", true);
    ImGui::TextUnformatted(i18n::tr("ui.inspector.cause"));
    text_field(context, "##cause", centre.cause, [](std::string text) { return set_cause(std::move(text)); },
               "centre-cause", false, i18n::tr("ui.inspector.cause-hint"));
}

void prompt_fields(UiContext& context, int step) {
    const Document& document = context.document();
    for (const Prompt& prompt : document.framework.prompts) {
        if (prompt.step != step) continue;
        ImGui::PushID(prompt.id.c_str());
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(prompt.text.c_str());
        ImGui::PopTextWrapPos();
        const auto found = document.reflections.find(prompt.id);
        text_field(context, "##answer", found == document.reflections.end() ? "" : found->second,
                   [id = prompt.id](std::string text) { return set_reflection(id, std::move(text)); },
                   ("reflection:" + prompt.id).c_str(), true);
        ImGui::PopID();
    }
}

void placement_row(UiContext& context, const Placement& placement) {
    const Document& document = context.document();
    const Role* role = document.framework.find_role(placement.role);
    ImGui::PushID(placement.id.c_str());
    ImGui::Separator();
    ImGui::TextUnformatted(role ? role->name.c_str() : placement.role.c_str());
    const char* remove = i18n::tr("ui.inspector.remove");
    const float remove_width = ImGui::CalcTextSize(remove).x + ImGui::GetStyle().FramePadding.x * 2.0f;
    ImGui::SameLine(std::max(0.0f, ImGui::GetWindowContentRegionMax().x - remove_width));
    if (ImGui::SmallButton((std::string(remove) + "###remove").c_str())) context.apply(remove_placement(placement.id));
    expose_item("remove-placement:" + placement.id);
    int strength = static_cast<int>(placement.strength);
    const std::array<const char*, 3> strengths = {strength_label(Strength::Primary), strength_label(Strength::Secondary),
                                                  strength_label(Strength::Aspiring)};
    if (combo("##strength", strength, strengths, ("strength:" + placement.id).c_str()))
        context.apply(set_placement_strength(placement.id, static_cast<Strength>(strength)));
    int energy = static_cast<int>(placement.energy);
    const std::array<const char*, 3> energies = {energy_text(Energy::Unspecified), energy_text(Energy::Energizes),
                                                 energy_text(Energy::Depletes)};
    if (combo("##energy", energy, energies, ("energy:" + placement.id).c_str()))
        context.apply(set_placement_energy(placement.id, static_cast<Energy>(energy)));
    text_field(context, "##context", placement.context,
               [id = placement.id](std::string text) { return set_placement_context(id, std::move(text)); },
               ("context:" + placement.id).c_str(), false, i18n::tr("ui.inspector.context-hint"));
    ImGui::PopID();
}

// One button per role, two columns: tap to place the entity there (primary), tap again
// to take it off. Works with a finger as well as with the mouse.
void role_toggles(UiContext& context, const Entity& entity) {
    const Document& document = context.document();
    const float width = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    int column = 0;
    for (const Role& role : document.framework.roles) {
        const Placement* placed = nullptr;
        for (const Placement& placement : document.placements)
            if (placement.entity == entity.id && placement.role == role.id && placement.context.empty()) placed = &placement;
        const Rgb c = parse_hex_color(role.color);
        const ImVec4 color = ImGui::ColorConvertU32ToFloat4(im_color(c));
        if (placed != nullptr) {
            ImGui::PushStyleColor(ImGuiCol_Button, color);
            ImGui::PushStyleColor(ImGuiCol_ButtonHovered, color);
            ImGui::PushStyleColor(ImGuiCol_Text, luminance(c) > 0.55 ? ImVec4(0.08f, 0.09f, 0.11f, 1) : ImVec4(1, 1, 1, 1));
        }
        if (column == 1) ImGui::SameLine();
        if (ImGui::Button(((placed ? "• " : "") + role.name + "##toggle").c_str(), {width, 0})) {
            if (placed != nullptr) {
                context.apply(remove_placement(placed->id));
            } else {
                PlacementSpec spec;
                spec.entity = entity.id;
                spec.role = role.id;
                context.apply(place_entity(spec));
            }
        }
        if (placed != nullptr) ImGui::PopStyleColor(3);
        expose_item("toggle-role:" + role.id);
        column = 1 - column;
    }
}

void entity_inspector(UiContext& context, const Entity& entity) {
    const Document& document = context.document();
    heading(context, kind_text(entity.kind));
    ImGui::TextUnformatted(i18n::tr("ui.inspector.name"));
    if (context.state.focus_name_of == entity.id) {  // a new entity: type its name right away
        ImGui::ActivateItemByID(ImGui::GetID("##name"));  // takes effect when the field is drawn next frame
        context.state.focus_name_of.clear();
    }
    text_field(context, "##name", entity.name,
               [id = entity.id](std::string text) { return rename_entity(id, std::move(text)); }, "entity-name", false,
               i18n::tr("ui.inspector.name"));
    heading(context, i18n::tr("ui.inspector.roles"));
    role_toggles(context, entity);
    ImGui::Spacing();
    int kind = static_cast<int>(entity.kind);
    const std::array<const char*, 3> kinds = {kind_text(EntityKind::Person), kind_text(EntityKind::Organization),
                                              kind_text(EntityKind::Network)};
    if (combo("##kind", kind, kinds, "entity-kind"))
        context.apply(set_entity_kind(entity.id, static_cast<EntityKind>(kind)));
    bool anonymous = entity.anonymous;
    if (ImGui::Checkbox((std::string(i18n::tr("ui.inspector.anonymous")) + "###anonymous").c_str(), &anonymous))
        context.apply(set_entity_anonymous(entity.id, anonymous));
    expose_item("entity-anonymous");
    ImGui::TextUnformatted(i18n::tr("ui.inspector.notes"));
    text_field(context, "##notes", entity.notes,
               [id = entity.id](std::string text) { return set_entity_notes(id, std::move(text)); }, "entity-notes", true);

    heading(context, i18n::tr("ui.inspector.role-details"));
    bool any = false;
    for (const Placement& placement : document.placements) {
        if (placement.entity != entity.id) continue;
        placement_row(context, placement);
        any = true;
    }
    if (!any) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextDisabled("%s", i18n::tr("ui.inspector.no-roles"));
        ImGui::PopTextWrapPos();
    }

    heading(context, i18n::tr("ui.inspector.links"));
    for (const Relationship& link : document.relationships) {
        if (link.from != entity.id && link.to != entity.id) continue;
        const bool outgoing = link.from == entity.id;
        const Entity* other = document.find_entity(outgoing ? link.to : link.from);
        ImGui::PushID(link.id.c_str());
        const std::string other_name = other ? display_name(*other) : "?";
        const std::string text = i18n::tr(outgoing ? "ui.inspector.link-out" : "ui.inspector.link-in",
                                          {{"kind", link_text(link.kind)}, {"name", other_name}});
        if (ImGui::Selectable(text.c_str())) context.session.selection.items = {{TargetKind::Relationship, link.id}};
        expose_item("link:" + link.id);
        ImGui::PopID();
    }
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::BeginCombo("##link-to", i18n::tr("ui.inspector.link-to"))) {
        for (const Entity& other : document.entities) {
            if (other.id == entity.id) continue;
            ImGui::PushID(other.id.c_str());
            if (ImGui::Selectable(display_name(other).c_str())) {
                context.apply(add_relationship(entity.id, other.id, link_kinds().front().id, ""));
            }
            ImGui::PopID();
        }
        ImGui::EndCombo();
    }
    expose_item("link-to");

    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.53f, 0.13f, 0.33f, 0.85f));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    if (ImGui::Button((i18n::tr("ui.inspector.delete." + std::string(to_string(entity.kind))) + std::string("###delete-entity")).c_str()))
        request_delete_selection(context);
    ImGui::PopStyleColor(2);
    expose_item("delete-entity");
}

void relationship_inspector(UiContext& context, const Relationship& link) {
    const Document& document = context.document();
    const Entity* from = document.find_entity(link.from);
    const Entity* to = document.find_entity(link.to);
    heading(context, i18n::tr("ui.inspector.link"));
    ImGui::TextWrapped("%s → %s", from ? display_name(*from).c_str() : "?", to ? display_name(*to).c_str() : "?");
    ImGui::SetNextItemWidth(-FLT_MIN);
    if (ImGui::BeginCombo("##link-kind", link_text(link.kind).c_str())) {
        for (const LinkKind& kind : link_kinds())
            if (ImGui::Selectable((link_text(kind.id) + "###" + kind.id).c_str(), kind.id == link.kind))
                context.apply(set_relationship_kind(link.id, kind.id));
        ImGui::EndCombo();
    }
    expose_item("link-kind");
    ImGui::TextUnformatted(i18n::tr("ui.inspector.label"));
    text_field(context, "##label", link.label,
               [id = link.id](std::string text) { return set_relationship_label(id, std::move(text)); }, "link-label",
               false, i18n::tr("ui.inspector.label-hint"));
    if (ImGui::Button((std::string(i18n::tr("ui.inspector.delete-link")) + "###delete-link").c_str()) && context.apply(remove_relationship(link.id))) context.session.selection.items.clear();
    expose_item("delete-link");
}

// A map's own roles: name, description, colour; add one, remove this one. Open by default
// on maps that are not the Social Change Ecosystem, whose roles people rarely change.
void role_editor(UiContext& context, const Role& role) {
    const bool own_roles = context.document().framework.id != "social-change-ecosystem";
    ImGui::Spacing();
    const bool open = ImGui::CollapsingHeader((std::string(i18n::tr("ui.inspector.edit-roles")) + "###edit-roles").c_str(),
                                              own_roles ? ImGuiTreeNodeFlags_DefaultOpen : 0);
    expose_item("role-edit");
    if (!open) return;
    const std::string id = role.id;
    ImGui::TextUnformatted(i18n::tr("ui.inspector.name"));
    text_field(context, "##role-name", role.name, [id](std::string text) { return set_role_name(id, std::move(text)); },
               "role-name");
    ImGui::TextUnformatted(i18n::tr("ui.inspector.role-does"));
    text_field(context, "##role-description", role.description,
               [id](std::string text) { return set_role_description(id, std::move(text)); }, "role-description", true);
    const Rgb rgb = parse_hex_color(role.color);
    float color[3] = {static_cast<float>(rgb.r), static_cast<float>(rgb.g), static_cast<float>(rgb.b)};
    if (ImGui::ColorEdit3((std::string(i18n::tr("ui.inspector.colour")) + "###role-colour").c_str(), color, ImGuiColorEditFlags_DisplayHex))
        context.apply(set_role_color(id, to_hex({color[0], color[1], color[2]})));
    expose_item("role-color");
    if (ImGui::IsItemDeactivatedAfterEdit()) context.history.break_coalescing();
    if (ImGui::Button((std::string(i18n::tr("ui.inspector.add-role")) + "###add-role").c_str())) {
        if (const ApplyResult added = context.apply(add_role(""))) {
            context.session.selection.items = {Target{TargetKind::Role, added.created_id}};
            context.state.auto_fit = true;
        }
    }
    expose_item("role-add");
    ImGui::SameLine();
    if (ImGui::Button((std::string(i18n::tr("ui.inspector.remove-role")) + "###remove-role").c_str()) && context.apply(remove_role(id))) {
        context.session.selection.items.clear();
        context.state.auto_fit = true;
    }
    expose_item("role-remove");
}

void role_inspector(UiContext& context, const Role& role) {
    const Document& document = context.document();
    heading(context, role.name.c_str());
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(role.description.c_str());
    ImGui::PopTextWrapPos();
    const Analysis analysis = context.analysis();
    const int index = document.framework.role_index(role.id);
    if (index >= 0) {
        const RoleStats& stats = analysis.roles[static_cast<size_t>(index)];
        const std::string counts = i18n::trn("ui.count.people", stats.by_kind[0]) + ", " +
                                   i18n::trn("ui.count.organizations", stats.by_kind[1]) + ", " +
                                   i18n::trn("ui.count.networks", stats.by_kind[2]);
        ImGui::TextDisabled("%s", counts.c_str());
    }
    for (const Placement& placement : document.placements) {
        if (placement.role != role.id) continue;
        if (const Entity* entity = document.find_entity(placement.entity)) {
            ImGui::BulletText("%s (%s)", display_name(*entity).c_str(),
                              strength_label(placement.strength));
        }
    }
    role_editor(context, role);
    heading(context, i18n::tr("ui.inspector.reflect"));
    prompt_fields(context, 2);
}

void map_inspector(UiContext& context) {
    heading(context, i18n::tr("ui.inspector.this-map"));
    ImGui::TextUnformatted(i18n::tr("ui.inspector.title"));
    text_field(context, "##title", context.document().meta.title,
               [](std::string text) { return set_title(std::move(text)); }, "map-title");
    for (int step = 1; step <= 3; ++step) {
        heading(context, i18n::tr(kStepNames[static_cast<size_t>(step - 1)]));
        if (step == 1) centre_fields(context);
        if (step == 2) {
            ImGui::PushTextWrapPos(0);
            ImGui::TextDisabled("%s", i18n::tr("ui.inspector.step2-hint"));
            ImGui::PopTextWrapPos();
        }
        prompt_fields(context, step);
    }
}

}  // namespace

void draw_inspector(UiContext& context) {
    ImGui::BeginChild("##inspector", {0, 0}, ImGuiChildFlags_None);
    const Document& document = context.document();
    const Target target = context.session.selection.empty() ? Target{} : context.session.selection.items.front();
    if (target.id != context.state.inspected) {  // something else to inspect: start at its top
        ImGui::SetScrollY(0);
        context.state.inspected = target.id;
    }
    switch (target.kind) {
        case TargetKind::Entity:
            if (const Entity* entity = document.find_entity(target.id)) entity_inspector(context, *entity);
            else context.session.selection.items.clear();
            break;
        case TargetKind::Relationship:
            if (const Relationship* link = document.find_relationship(target.id)) relationship_inspector(context, *link);
            else context.session.selection.items.clear();
            break;
        case TargetKind::Role:
            if (const Role* role = document.framework.find_role(target.id)) role_inspector(context, *role);
            break;
        case TargetKind::Centre:
            heading(context, i18n::tr("ui.inspector.centre"));
            centre_fields(context);
            break;
        default:
            map_inspector(context);
            break;
    }
    touch_scroll();
    ImGui::EndChild();
}

}  // namespace ecomap::ui
