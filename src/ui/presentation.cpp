// Presentation mode (see presentation.hpp): the mode and its keys, clicks on the map in
// vote mode or presentation, and the overlay (title, controls, spotlight card).
//
// Index: [SECTION] Mode and keys, [SECTION] Overlay.
#include "ui/presentation.hpp"

#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "core/analysis.hpp"
#include "core/i18n.hpp"
#include "core/commands.hpp"
#include "ui/actions.hpp"
#include "ui/camera.hpp"
#include "ui/facilitator.hpp"
#include "ui/map_draw.hpp"
#include "ui/test_hooks.hpp"

namespace ecomap::ui {
namespace {

constexpr float kMargin = kPresentMargin;

float card_width(float window_width) { return std::clamp(window_width * 0.3f, 340.0f, 620.0f); }
bool card_below(float window_width) { return window_width < 760.0f; }  // narrow windows: the card takes the bottom

}  // namespace

// [SECTION] Mode and keys

ScreenRect presentation_map_area(const UiContext& context, float width, float height) {
    if (context.state.spotlight_role.empty()) return {0, 0, width, height};
    if (card_below(width)) return {0, 0, width, height * 0.55f};
    return {0, 0, std::max(1.0f, width - card_width(width)), height};
}

void spotlight_step(UiContext& context, int delta) {
    const auto& roles = context.document().framework.roles;
    if (roles.empty()) return;
    const int n = static_cast<int>(roles.size());
    const int current = context.document().framework.role_index(context.state.spotlight_role);
    const int next = current < 0 ? (delta > 0 ? 0 : n - 1) : ((current + delta) % n + n) % n;
    context.state.spotlight_role = roles[static_cast<size_t>(next)].id;
}

void handle_presentation_keys(UiContext& context) {
    if (ImGui::GetIO().WantTextInput || context.state.message || context.state.confirm) return;
    if (ImGui::IsKeyPressed(ImGuiKey_RightArrow) || ImGui::IsKeyPressed(ImGuiKey_DownArrow)) spotlight_step(context, 1);
    if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow) || ImGui::IsKeyPressed(ImGuiKey_UpArrow)) spotlight_step(context, -1);
    const std::string& role = context.state.spotlight_role;
    if (context.state.vote_mode && !role.empty()) {
        int delta = 0;
        if (ImGui::IsKeyPressed(ImGuiKey_Space, false) || ImGui::IsKeyPressed(ImGuiKey_Enter, false)) delta = 1;
        if (ImGui::IsKeyPressed(ImGuiKey_Backspace, false)) delta = -1;
        if (delta != 0) {
            context.history.break_coalescing();
            context.apply(add_vote(role, delta));
        }
    }
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        if (!context.state.spotlight_role.empty()) context.state.spotlight_role.clear();
        else set_presenting(context, false);
    }
}

bool facilitator_click(UiContext& context, const MapFrame& frame, float x, float y, int delta) {
    if (!context.state.vote_mode && !context.state.presenting) return false;
    const Document& document = context.document();
    const Vec2 map = to_map(frame.camera, frame.area, {x, y});
    const int role = hit_test_role(frame.ring, map);
    if (context.state.vote_mode) {
        if (role < 0) return true;  // a click beside the ring does nothing in vote mode
        const Role& target = document.framework.roles[static_cast<size_t>(role)];
        context.history.break_coalescing();
        if (context.apply(add_vote(target.id, delta)))
            context.state.status = target.name + ": " + std::to_string(context.document().votes_for(target.id)) + " votes";
        return true;
    }
    if (delta < 0) return true;
    if (role < 0) {
        context.state.spotlight_role.clear();
        return true;
    }
    const std::string& id = document.framework.roles[static_cast<size_t>(role)].id;
    if (context.state.spotlight_role == id) context.state.spotlight_role.clear();
    else context.state.spotlight_role = id;
    return true;
}

// [SECTION] Overlay

namespace {

constexpr ImGuiWindowFlags kOverlayFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                           ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                           ImGuiWindowFlags_AlwaysAutoResize;

void wrapped(ImFont* font, const std::string& s, ImU32 color = kInk) {
    ImGui::PushFont(font);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(s.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
}

void title_block(UiContext& context, const Analysis& analysis) {
    const Document& document = context.document();
    ImGui::SetNextWindowPos({kMargin + 8.0f, kMargin});
    ImGui::Begin("##present-title", nullptr, kOverlayFlags | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoInputs);
    capture_window_text();
    const std::string title = document.meta.title.empty() ? std::string(i18n::tr("ui.present.our-ecosystem")) : document.meta.title;
    ImGui::PushFont(context.fonts.large());
    ImGui::PushStyleColor(ImGuiCol_Text, kInk);
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    expose_item("present-title");
    std::array<int, 3> kinds{};
    for (const Entity& entity : document.entities) ++kinds[static_cast<size_t>(entity.kind)];
    std::string line = i18n::trn("ui.count.people", kinds[0]) + " · " + i18n::trn("ui.count.organizations", kinds[1]);
    if (kinds[2] > 0) line += " · " + i18n::trn("ui.count.networks", kinds[2]);
    ImGui::PushFont(context.fonts.label_medium);
    ImGui::PushStyleColor(ImGuiCol_Text, kSubInk);
    ImGui::TextUnformatted(line.c_str());
    if (!analysis.empty_roles.empty()) {
        std::string missing = i18n::trn("ui.present.missing", static_cast<long long>(analysis.empty_roles.size()));
        ImGui::TextUnformatted(missing.c_str());
        expose_item("present-missing");
    }
    if (context.state.vote_mode || analysis.votes > 0)
        ImGui::TextUnformatted(i18n::trn("ui.present.dot-votes", analysis.votes).c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    if (context.state.vote_mode) {
        ImGui::Spacing();
        ImGui::PushFont(context.fonts.label_medium);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const char* hint = i18n::tr("ui.present.vote-hint");
        const ImVec2 size = ImGui::CalcTextSize(hint);
        ImGui::GetWindowDrawList()->AddRectFilled({p.x - 10, p.y - 6}, {p.x + size.x + 10, p.y + size.y + 6}, kInk, 8.0f);
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
        ImGui::TextUnformatted(hint);
        ImGui::PopStyleColor();
        ImGui::PopFont();
        expose_item("present-vote-hint");
    }
    ImGui::End();
}

void toggle_button(UiContext& context, const char* action, const char* label, bool on) {
    if (on) {
        ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(20, 22, 28, 255));
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, IM_COL32(50, 54, 64, 255));
        ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 255, 255, 255));
    }
    if (ImGui::Button((std::string(label) + "###present-" + action).c_str())) run_action(context, action);
    if (on) ImGui::PopStyleColor(3);
    expose_item(std::string("present:") + action);
    ImGui::SameLine();
}

void controls(UiContext& context, float width) {
    ImGui::SetNextWindowPos({width - kMargin, kMargin}, ImGuiCond_Always, {1.0f, 0.0f});
    ImGui::SetNextWindowBgAlpha(0.92f);
    ImGui::Begin("##present-controls", nullptr, kOverlayFlags);
    capture_window_text();
    ImGui::PushFont(context.fonts.ui_bold);
    toggle_button(context, "hide-names", i18n::tr(context.state.hide_names ? "ui.present.names-hidden" : "ui.action.hide-names"),
                  context.state.hide_names);
    toggle_button(context, "vote-mode", i18n::tr(context.state.vote_mode ? "ui.present.voting" : "ui.present.vote"),
                  context.state.vote_mode);
    if (context.state.vote_mode && !context.document().votes.empty()) {
        if (ImGui::Button((std::string(i18n::tr("ui.action.clear-votes")) + "###present-clear-votes").c_str()))
            run_action(context, "clear-votes");
        expose_item("present:clear-votes");
        ImGui::SameLine();
    }
    if (ImGui::Button((std::string(i18n::tr("ui.present.exit")) + "###present-exit").c_str())) set_presenting(context, false);
    expose_item("present:exit");
    ImGui::PopFont();
    ImGui::End();
}

void spotlight_card(UiContext& context, const Analysis& analysis, float width, float height) {
    const Document& document = context.document();
    const int index = document.framework.role_index(context.state.spotlight_role);
    if (index < 0) return;
    const Role& role = document.framework.roles[static_cast<size_t>(index)];
    const RoleStats& stats = analysis.roles[static_cast<size_t>(index)];
    const float top = kMargin + 60.0f;
    ScreenRect rect{width - card_width(width), top, card_width(width) - kMargin, height - top - kMargin};
    if (card_below(width)) rect = {kMargin, height * 0.55f, width - 2 * kMargin, height * 0.45f - kMargin};
    ImGui::SetNextWindowPos({rect.x, rect.y});
    ImGui::SetNextWindowSize({rect.w, rect.h});
    ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(255, 255, 255, 255));
    ImGui::PushStyleColor(ImGuiCol_Border, IM_COL32(20, 22, 28, 255));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 2.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 10.0f);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {22.0f, 18.0f});
    ImGui::Begin("##spotlight", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::PopStyleVar(3);
    capture_window_text();
    ImGui::PopStyleColor(2);
    expose_item("spotlight");
    // A stripe in the role's colour, then the name.
    const ImU32 color = im_color(parse_hex_color(role.color));
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddRectFilled(p, {p.x + ImGui::GetContentRegionAvail().x, p.y + 10.0f}, color, 4.0f);
    ImGui::Dummy({0, 14.0f});
    wrapped(context.fonts.large(), role.name);
    expose_item("spotlight-name");
    if (const char* gap = gap_word(stats); gap[0] != '\0')
        wrapped(context.fonts.label_medium, i18n::tr("ui.present.role-is", {{"gap", gap}}),
                stats.empty ? kEmptyFill : stats.thin ? IM_COL32(110, 80, 0, 255) : IM_COL32(18, 77, 140, 255));
    wrapped(context.fonts.label_medium, role.description, kSubInk);
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    wrapped(context.fonts.label_medium, kind_counts_text(stats));
    expose_item("spotlight-counts");
    if (stats.placements > 0) wrapped(context.fonts.label_medium, strength_counts_text(stats), kSubInk);
    if (stats.votes > 0 || context.state.vote_mode)
        wrapped(context.fonts.label_medium, i18n::trn("ui.present.dot-votes", stats.votes));
    ImGui::Spacing();

    // Who is on the role: one line per placement (name, strength, context).
    const EntityNames names = context.names();
    ImGui::BeginChild("##who", {0, -ImGui::GetTextLineHeightWithSpacing() * 1.6f});
    ImGui::PushFont(context.fonts.label_medium);
    ImGui::PushStyleColor(ImGuiCol_Text, kInk);
    // One line per entity (its placements on the role may differ by context).
    struct Who {
        const Entity* entity = nullptr;
        Strength strongest = Strength::Aspiring;
        std::string detail;
    };
    std::vector<Who> who;
    for (const Placement& placement : document.placements) {
        if (placement.role != role.id) continue;
        const Entity* entity = document.find_entity(placement.entity);
        if (entity == nullptr) continue;
        auto found = std::find_if(who.begin(), who.end(), [&](const Who& w) { return w.entity == entity; });
        if (found == who.end()) found = who.insert(who.end(), Who{entity, placement.strength, ""});
        found->strongest = std::min(found->strongest, placement.strength);
        const std::string detail = placement_text(placement, !names.hidden());
        found->detail += (found->detail.empty() ? "" : ", ") + detail;
    }
    const int shown = static_cast<int>(who.size());
    for (const Who& w : who) {
        const float r = ImGui::GetTextLineHeight() * 0.3f;
        const ImVec2 at = ImGui::GetCursorScreenPos();
        draw_token_shape(*ImGui::GetWindowDrawList(), w.entity->kind, w.strongest, at.x + r + 2.0f,
                         at.y + ImGui::GetTextLineHeight() * 0.5f, r, color, 1.0f);
        ImGui::Dummy({r * 2.0f + 6.0f, ImGui::GetTextLineHeight()});
        ImGui::SameLine();
        ImGui::TextUnformatted(names(*w.entity).c_str());
        ImGui::SameLine();
        ImGui::PushFont(context.fonts.label_small);
        ImGui::PushStyleColor(ImGuiCol_Text, kSubInk);
        ImGui::TextUnformatted(w.detail.c_str());
        ImGui::PopStyleColor();
        ImGui::PopFont();
    }
    if (shown == 0) ImGui::TextUnformatted(i18n::tr("ui.present.nobody"));
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::EndChild();
    ImGui::TextDisabled("%s", i18n::tr("ui.present.card-keys"));
    ImGui::End();
}

}  // namespace

void draw_presentation(UiContext& context, const MapFrame& frame) {
    (void)frame;
    const Analysis analysis = context.analysis();
    const ImVec2 size = ImGui::GetMainViewport()->Size;
    title_block(context, analysis);
    controls(context, size.x);
    spotlight_card(context, analysis, size.x, size.y);
    // The framework's attribution stays on screen.
    ImGui::SetNextWindowPos({kMargin + 8.0f, size.y - kMargin}, ImGuiCond_Always, {0.0f, 1.0f});
    ImGui::Begin("##present-attribution", nullptr, kOverlayFlags | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoInputs);
    capture_window_text();
    ImGui::PushStyleColor(ImGuiCol_Text, kSubInk);
    ImGui::TextUnformatted(context.document().framework.attribution.text.c_str());
    ImGui::PopStyleColor();
    ImGui::End();
}

}  // namespace ecomap::ui