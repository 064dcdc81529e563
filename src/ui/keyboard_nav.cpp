// The app without a mouse (see keyboard_nav.hpp).
//
// Index: [SECTION] Areas (Tab and F6 between toolbar, side panel, list, inspector, map),
// [SECTION] Frame (Esc, ?, the focus ring on widgets), [SECTION] Map (cursor on roles and tokens).
#include "ui/keyboard_nav.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // ImGui's navigation state: which window and item have the keyboard

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/commands.hpp"
#include "core/i18n.hpp"
#include "ui/actions.hpp"

namespace ecomap::ui {
namespace {

constexpr ImU32 kFocus = IM_COL32(20, 80, 200, 255);  // the focus ring: dark blue (contrast > 4.5:1 on white)
constexpr ImU32 kHalo = IM_COL32(255, 255, 255, 255);  // under it, so that it shows on any colour
constexpr int kMaxHops = 6;                            // areas skipped in a row when none takes the keyboard

// [SECTION] Areas

// The areas Tab walks through, in order: the toolbar, the side panel (its tabs and add
// buttons), each window inside the side panel as drawn (the list, the inspector), the map.
// `this_frame`: after the panels were drawn (else as they were last frame).
std::vector<ImGuiWindow*> areas(bool this_frame) {
    std::vector<ImGuiWindow*> chain;
    const auto drawn = [this_frame](const ImGuiWindow* w) { return w != nullptr && (this_frame ? w->Active : w->WasActive); };
    if (ImGuiWindow* toolbar = ImGui::FindWindowByName("##toolbar"); drawn(toolbar)) chain.push_back(toolbar);
    if (ImGuiWindow* side = ImGui::FindWindowByName("##side"); drawn(side)) {
        chain.push_back(side);
        for (ImGuiWindow* child : side->DC.ChildWindows)
            if (drawn(child) && (child->Flags & (ImGuiWindowFlags_Popup | ImGuiWindowFlags_Tooltip)) == 0) chain.push_back(child);
    }
    if (ImGuiWindow* map = ImGui::FindWindowByName("##map"); drawn(map)) chain.push_back(map);
    return chain;
}

int index_of(const std::vector<ImGuiWindow*>& chain, const ImGuiWindow* window) {
    const auto found = std::find(chain.begin(), chain.end(), window);
    return found == chain.end() ? -1 : static_cast<int>(found - chain.begin());
}

// The area a window belongs to: itself, or the area holding it (a text box's own window).
int area_of(const std::vector<ImGuiWindow*>& chain, const ImGuiWindow* window) {
    for (; window != nullptr; window = window->ParentWindow)
        if (const int index = index_of(chain, window); index >= 0) return index;
    return -1;
}

// "##side/##entities_1A2B3C4D" -> "entities"
std::string area_name(const ImGuiWindow* window) {
    std::string name = window->Name;
    if (const auto slash = name.rfind('/'); slash != std::string::npos) {
        name = name.substr(slash + 1);
        if (const auto tail = name.rfind('_'); tail != std::string::npos) name.resize(tail);
    }
    name.erase(0, name.find_first_not_of('#'));
    return name;
}

// The next area from `from` (-1: from outside) in direction `dir` that has something to focus.
ImGuiWindow* next_area(const std::vector<ImGuiWindow*>& chain, int from, int dir) {
    const int n = static_cast<int>(chain.size());
    for (int step = 1; step <= n; ++step) {
        const int i = from < 0 ? (dir > 0 ? step - 1 : n - step) : ((from + dir * step) % n + n) % n;
        if ((chain[static_cast<std::size_t>(i)]->DC.NavLayersActiveMaskNext & 1) != 0) return chain[static_cast<std::size_t>(i)];
    }
    return nullptr;
}

void begin_switch(KeyboardState& keys, const ImGuiWindow* target, int dir) {
    keys.switch_to = target != nullptr ? target->ID : 0;
    keys.switch_dir = dir;
    keys.switch_stage = target != nullptr ? 1 : 0;
    keys.switch_hops = 0;
}

// Gives the window the keyboard and asks ImGui's tabbing for its first item (forward) or
// its last (backward); ImGui applies the result at the start of the next frame.
void enter_area(ImGuiWindow* window, int dir) {
    ImGuiContext& g = *GImGui;
    ImGui::FocusWindow(window);  // NoBringToFrontOnFocus keeps the panels' order
    if (g.NavWindow != window) {  // FocusWindow goes back to the child last used; we want the area itself
        ImGui::SetNavWindow(window);
        g.NavFocusScopeId = window->NavRootFocusScopeId;
        g.NavLayer = ImGuiNavLayer_Main;
    }
    g.NavId = 0;
    g.NavIdIsAlive = false;
    g.NavTabbingDir = dir > 0 ? 0 : -1;  // 0: the first item; -1 from no item: the last
    ImGui::NavMoveRequestSubmit(ImGuiDir_None, dir > 0 ? ImGuiDir_Down : ImGuiDir_Up,
                                ImGuiNavMoveFlags_IsTabbing | ImGuiNavMoveFlags_Activate,
                                ImGuiScrollFlags_KeepVisibleEdgeX | ImGuiScrollFlags_KeepVisibleEdgeY);
    g.NavTabbingCounter = -1;
}

void continue_switch(KeyboardState& keys) {
    ImGuiContext& g = *GImGui;
    if (keys.switch_stage == 2) {  // did an item of the area take the keyboard?
        ImGuiWindow* target = ImGui::FindWindowByID(keys.switch_to);
        if (target == nullptr || (g.NavWindow == target && g.NavId != 0) || ++keys.switch_hops > kMaxHops) {
            keys.switch_stage = 0;
        } else {
            const std::vector<ImGuiWindow*> chain = areas(false);
            ImGuiWindow* next = next_area(chain, index_of(chain, target), keys.switch_dir);
            keys.switch_to = next != nullptr ? next->ID : 0;
            keys.switch_stage = next != nullptr ? 1 : 0;
        }
    }
    if (keys.switch_stage == 1) {
        if (ImGuiWindow* target = ImGui::FindWindowByID(keys.switch_to)) {
            enter_area(target, keys.switch_dir);
            keys.switch_stage = 2;
        } else {
            keys.switch_stage = 0;
        }
    }
}

bool dialog_open(const UiContext& context) {
    const UiState& s = context.state;
    return s.message || s.confirm || s.new_map_dialog || s.export_dialog || ImGui::GetTopMostPopupModal() != nullptr;
}

std::string role_name(const Document& document, int index) {
    return index >= 0 && index < static_cast<int>(document.framework.roles.size())
               ? document.framework.roles[static_cast<std::size_t>(index)].name
               : std::string();
}

// [SECTION] Map

// The shown tokens of a role, in the frame's order.
std::vector<const TokenOnScreen*> tokens_of_role(const MapFrame& frame, int role) {
    std::vector<const TokenOnScreen*> tokens;
    for (const TokenOnScreen& token : frame.tokens)
        if (token.role_index == role && token_shown(frame, token)) tokens.push_back(&token);
    return tokens;
}

void announce_cursor(UiContext& context, const MapFrame& frame) {
    const KeyboardState& keys = context.state.keyboard;
    const Document& document = context.document();
    const std::string role = role_name(document, keys.role);
    if (!keys.placement.empty()) {
        const Placement* placement = document.find_placement(keys.placement);
        const Entity* entity = placement != nullptr ? document.find_entity(placement->entity) : nullptr;
        if (entity != nullptr) {
            context.state.status = i18n::tr("keys.status.token", {{"name", context.names()(*entity)}, {"role", role}});
            return;
        }
    }
    long long count = 0;
    for (const TokenOnScreen& token : frame.tokens) count += token.role_index == keys.role ? 1 : 0;
    context.state.status = i18n::trn("keys.status.role", count, {{"role", role}});
}

// Enter or Space on the map: on a token, select its entry; on a role, place the selected
// entry there, or (no entry selected) open the role in the inspector.
void act(UiContext& context, const MapFrame& frame) {
    KeyboardState& keys = context.state.keyboard;
    const Document& document = context.document();
    const std::string role = role_name(document, keys.role);
    if (!keys.placement.empty()) {
        if (const Placement* placement = document.find_placement(keys.placement)) {
            const Entity* entity = document.find_entity(placement->entity);
            context.session.selection.items = {{TargetKind::Entity, placement->entity}};
            if (entity != nullptr) context.state.status = i18n::tr("keys.status.selected", {{"name", context.names()(*entity)}});
            return;
        }
    }
    const std::string& role_id = document.framework.roles[static_cast<std::size_t>(keys.role)].id;
    const Target selected = context.session.selection.empty() ? Target{} : context.session.selection.items.front();
    const Entity* entity = selected.kind == TargetKind::Entity ? document.find_entity(selected.id) : nullptr;
    if (entity == nullptr) {
        context.session.selection.items = {{TargetKind::Role, role_id}};
        announce_cursor(context, frame);
        return;
    }
    const std::string name = context.names()(*entity);
    for (const Placement& placement : document.placements)
        if (placement.entity == entity->id && placement.role == role_id && placement.context.empty()) {
            context.state.status = i18n::tr("keys.status.already", {{"name", name}, {"role", role}});
            return;
        }
    PlacementSpec spec;
    spec.entity = entity->id;
    spec.role = role_id;
    context.history.break_coalescing();
    if (context.apply(place_entity(spec))) context.state.status = i18n::tr("keys.status.placed", {{"name", name}, {"role", role}});
}

// L on the map: a link from the selected entry to the token under the cursor.
void link_to_cursor(UiContext& context) {
    const KeyboardState& keys = context.state.keyboard;
    const Document& document = context.document();
    const Target selected = context.session.selection.empty() ? Target{} : context.session.selection.items.front();
    const Entity* from = selected.kind == TargetKind::Entity ? document.find_entity(selected.id) : nullptr;
    const Placement* placement = keys.placement.empty() ? nullptr : document.find_placement(keys.placement);
    const Entity* to = placement != nullptr ? document.find_entity(placement->entity) : nullptr;
    if (from == nullptr || to == nullptr || from->id == to->id) {
        context.state.status = i18n::tr("keys.status.link_needs");
        return;
    }
    const std::string from_name = context.names()(*from), to_name = context.names()(*to);
    context.history.break_coalescing();
    const ApplyResult result = context.apply(add_relationship(from->id, to->id, link_kinds().front().id, ""));
    if (!result) return;
    context.session.selection.items = {{TargetKind::Relationship, result.created_id}};
    context.state.status = i18n::tr("keys.status.linked", {{"from", from_name}, {"to", to_name}});
}

// Where the cursor starts when the map takes the keyboard: the selected role, or the
// selected entry's first token, else where it was.
void place_cursor(KeyboardState& keys, const UiContext& context, const MapFrame& frame) {
    const Target selected = context.session.selection.empty() ? Target{} : context.session.selection.items.front();
    if (selected.kind == TargetKind::Role) {
        keys.role = context.document().framework.role_index(selected.id);
        keys.placement.clear();
    } else if (selected.kind == TargetKind::Entity) {
        if (const TokenOnScreen* token = first_token_of(frame, selected.id); token != nullptr && token_shown(frame, *token)) {
            keys.role = token->role_index;
            keys.placement = token->placement;
        }
    }
}

void draw_map_ring(ImDrawList& list, const KeyboardState& keys, const MapFrame& frame) {
    const ScreenRect& area = frame.area;
    list.PushClipRect({area.x, area.y}, {area.x + area.w, area.y + area.h}, false);
    list.AddRect({area.x + 2, area.y + 2}, {area.x + area.w - 2, area.y + area.h - 2}, kFocus, 0, 0, 2.0f);  // the map has the keyboard
    const TokenOnScreen* cursor = nullptr;
    for (const TokenOnScreen& token : frame.tokens)
        if (token.placement == keys.placement) cursor = &token;
    if (cursor != nullptr) {
        list.AddCircle({cursor->x, cursor->y}, cursor->r + 6.0f, kHalo, 0, 6.0f);
        list.AddCircle({cursor->x, cursor->y}, cursor->r + 6.0f, kFocus, 0, 3.0f);
    } else {  // the role's sector: outer arc, then the inner arc back
        const auto start = static_cast<float>(sector_start_angle(frame.ring, keys.role));
        const auto end = static_cast<float>(sector_end_angle(frame.ring, keys.role));
        std::vector<ImVec2> points;
        constexpr int kSteps = 32;
        for (int side = 0; side < 2; ++side) {
            const float radius = side == 0 ? frame.outer_radius + 2.0f : std::max(0.0f, frame.inner_radius - 2.0f);
            for (int i = 0; i <= kSteps; ++i) {
                const float t = static_cast<float>(side == 0 ? i : kSteps - i) / kSteps;
                const float angle = start + (end - start) * t;
                points.push_back({frame.centre_x + std::sin(angle) * radius, frame.centre_y - std::cos(angle) * radius});
            }
        }
        list.AddPolyline(points.data(), static_cast<int>(points.size()), kHalo, ImDrawFlags_Closed, 7.0f);
        list.AddPolyline(points.data(), static_cast<int>(points.size()), kFocus, ImDrawFlags_Closed, 3.5f);
    }
    list.PopClipRect();
}

}  // namespace

// [SECTION] Frame

void keyboard_begin_frame(UiContext& context) {
    ImGuiContext& g = *GImGui;
    const ImGuiIO& io = g.IO;
    UiState& state = context.state;
    KeyboardState& keys = state.keyboard;
    const bool dialog = dialog_open(context);
    const bool typing = io.WantTextInput;  // as of the end of last frame, when the key went down
    keys.ring_shown = false;
    keys.shortcuts_appearing = false;

    // "?" (a character, so any keyboard layout) opens the list of shortcuts.
    if (!dialog && !typing && !keys.shortcuts) {
        const bool question = std::find(io.InputQueueCharacters.begin(), io.InputQueueCharacters.end(), ImWchar('?')) !=
                              io.InputQueueCharacters.end();
        if (question || (ImGui::IsKeyPressed(ImGuiKey_Slash, false) && io.KeyShift)) {
            keys.return_to = g.NavWindow != nullptr ? g.NavWindow->ID : 0;
            keys.shortcuts = true;
            keys.shortcuts_appearing = true;
        }
    }

    // Esc: closes the overlay, else leaves vote mode, else clears the selection. A dialog,
    // a text field, a drag and an open menu handle their own Esc.
    if (ImGui::IsKeyPressed(ImGuiKey_Escape, false) && !dialog && !typing && !keys.popup_was_open &&
        !(state.press && state.press->dragging)) {
        if (keys.shortcuts) {
            close_shortcuts_overlay(context);
        } else if (state.vote_mode) {
            run_action(context, "vote-mode");
        } else if (!context.session.selection.empty()) {
            context.session.selection.items.clear();
            state.status = i18n::tr("keys.status.cleared");
        }
    }

    // F6 / Shift+F6: the next or previous area. Tab while no area has the keyboard (at the
    // start, or after a dialog): the first area (Shift+Tab: the map).
    if (!dialog && !keys.shortcuts && !keys.popup_was_open) {
        const int dir = io.KeyShift ? -1 : 1;
        const std::vector<ImGuiWindow*> chain = areas(false);
        const int current = area_of(chain, g.NavWindow);
        const bool tab = ImGui::IsKeyPressed(ImGuiKey_Tab, true) && !io.KeyCtrl && !io.KeyAlt;
        if (ImGui::IsKeyPressed(ImGuiKey_F6, false) || (tab && current < 0))
            begin_switch(keys, next_area(chain, current, dir), dir);
    }
    continue_switch(keys);
}

void keyboard_end_frame(UiContext& context) {
    ImGuiContext& g = *GImGui;
    KeyboardState& keys = context.state.keyboard;
    keys.popup_was_open = g.OpenPopupStack.Size > 0;
    const std::vector<ImGuiWindow*> chain = areas(true);
    ImGuiWindow* nav = g.NavWindow;

    // A Tab that would wrap around inside an area moves on to the next area instead.
    if (g.NavMoveSubmitted && (g.NavMoveFlags & ImGuiNavMoveFlags_IsTabbing) != 0 &&
        (g.NavMoveFlags & ImGuiNavMoveFlags_FocusApi) == 0 && g.NavMoveResultLocal.ID == 0 && g.NavId != 0 &&
        keys.switch_stage == 0) {
        const int current = index_of(chain, nav);
        const bool wraps = (g.NavTabbingDir > 0 && g.NavTabbingCounter == 1) || g.NavTabbingDir < 0;
        if (current >= 0 && wraps) {
            const int dir = g.NavTabbingDir < 0 ? -1 : 1;
            if (ImGuiWindow* next = next_area(chain, current, dir); next != nullptr && next != nav) {
                ImGui::NavMoveRequestCancel();
                begin_switch(keys, next, dir);
            }
        }
    }

    // Which area has the keyboard, for the tests and the page.
    const int area = area_of(chain, nav);
    keys.area = area >= 0 ? area_name(chain[static_cast<std::size_t>(area)])
                : nav != nullptr && (nav->Flags & ImGuiWindowFlags_Popup) != 0 ? "dialog"
                                                                             : "";

    // The focused widget's ring: ImGui draws a thin one; this one is thicker, darker and
    // has a white halo, so it shows on every background. The map draws its own.
    if (nav != nullptr && g.NavId != 0 && g.NavIdIsAlive && !g.NavDisableHighlight && !keys.map_focused) {
        ImRect rect = ImGui::WindowRectRelToAbs(nav, nav->NavRectRel[g.NavLayer]);
        rect.Expand(3.0f);
        const float rounding = g.Style.FrameRounding + 3.0f;
        ImDrawList* list = nav->DrawList;
        const ImRect& clip = nav->OuterRectClipped;  // the window, within its parent
        list->PushClipRect(clip.Min, clip.Max, false);
        list->AddRect(rect.Min, rect.Max, kHalo, rounding, 0, 5.0f);
        list->AddRect(rect.Min, rect.Max, kFocus, rounding, 0, 2.5f);
        list->PopClipRect();
        keys.ring_shown = true;
    }
}

void close_shortcuts_overlay(UiContext& context) {
    KeyboardState& keys = context.state.keyboard;
    keys.shortcuts = false;
    if (ImGuiWindow* window = keys.return_to != 0 ? ImGui::FindWindowByID(keys.return_to) : nullptr) {
        ImGui::FocusWindow(window);  // back to its last focused item
        ImGui::NavRestoreHighlightAfterMove();
    }
    keys.return_to = 0;
}

// [SECTION] Map

void map_keyboard(UiContext& context, const MapFrame& frame) {
    ImGuiContext& g = *GImGui;
    KeyboardState& keys = context.state.keyboard;
    ImGuiWindow* window = ImGui::FindWindowByName("##map");
    const int roles = static_cast<int>(context.document().framework.roles.size());
    const ImGuiID canvas = window != nullptr ? ImGui::GetIDWithSeed("map-canvas", nullptr, window->ID) : 0;
    const bool focused = window != nullptr && g.NavWindow == window && g.NavId == canvas && !context.state.presenting;
    const bool entered = focused && !keys.map_focused;
    keys.map_focused = focused;
    if (!focused || roles == 0) return;
    // ImGui's navigation "presses" the focused map on Enter or Space; that is no click at
    // the pointer (map_view would select what lies under it on release): Enter acts below.
    if (context.state.press && g.ActiveId == canvas && g.ActiveIdSource != ImGuiInputSource_Mouse) context.state.press.reset();

    // The map's keys are its own while it has the keyboard: ImGui's navigation would move
    // away with the arrows and "press" the map with Enter (at the pointer).
    for (const ImGuiKey key : {ImGuiKey_LeftArrow, ImGuiKey_RightArrow, ImGuiKey_UpArrow, ImGuiKey_DownArrow,
                               ImGuiKey_Enter, ImGuiKey_KeypadEnter, ImGuiKey_Space, ImGuiKey_Escape})
        ImGui::SetKeyOwner(key, canvas);

    if (entered) place_cursor(keys, context, frame);
    keys.role = std::clamp(keys.role, 0, roles - 1);
    const std::vector<const TokenOnScreen*> tokens = tokens_of_role(frame, keys.role);
    int at = -1;  // the cursor's token among them; -1 on the role
    for (std::size_t i = 0; i < tokens.size(); ++i)
        if (tokens[i]->placement == keys.placement) at = static_cast<int>(i);
    if (at < 0) keys.placement.clear();

    bool moved = entered;
    const auto pressed = [canvas](ImGuiKey key) { return ImGui::IsKeyPressed(key, canvas, ImGuiInputFlags_Repeat); };
    if (pressed(ImGuiKey_RightArrow) || pressed(ImGuiKey_LeftArrow)) {
        keys.role = (keys.role + (pressed(ImGuiKey_RightArrow) ? 1 : -1) + roles) % roles;
        keys.placement.clear();
        moved = true;
    } else if (pressed(ImGuiKey_DownArrow) && at + 1 < static_cast<int>(tokens.size())) {
        keys.placement = tokens[static_cast<std::size_t>(at + 1)]->placement;
        moved = true;
    } else if (pressed(ImGuiKey_UpArrow) && at >= 0) {
        keys.placement = at > 0 ? tokens[static_cast<std::size_t>(at - 1)]->placement : std::string();
        moved = true;
    }
    if (moved) {
        announce_cursor(context, frame);
        ImGui::NavRestoreHighlightAfterMove();  // keyboard use: show the ring
    }
    const ImGuiIO& io = g.IO;
    if (ImGui::IsKeyPressed(ImGuiKey_Enter, canvas) || ImGui::IsKeyPressed(ImGuiKey_KeypadEnter, canvas) ||
        ImGui::IsKeyPressed(ImGuiKey_Space, canvas)) {
        act(context, frame);
        ImGui::NavRestoreHighlightAfterMove();
    }
    if (ImGui::IsKeyPressed(ImGuiKey_L, false) && !io.KeyCtrl && !io.KeyAlt && !io.KeySuper && !io.WantTextInput) {
        link_to_cursor(context);
        ImGui::NavRestoreHighlightAfterMove();
    }
    if (!g.NavDisableHighlight) {
        draw_map_ring(*window->DrawList, keys, frame);
        keys.ring_shown = true;
    }
}

}  // namespace ecomap::ui
