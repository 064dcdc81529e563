// The map panel: handles the pointer on the map. Where things are: map_frame.cpp;
// drawing: map_draw.cpp.
//
// Pointer rules: click a token, link, role or the centre to select it; drag a token to
// move it within its role or onto another role (one undo step, on release; Esc
// cancels); Shift+drag from a token to another to link them; drag empty space to pan;
// the wheel zooms about the pointer; an entity dragged from the list is placed on the
// role it is dropped on.
#include "ui/map_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "core/i18n.hpp"
#include "core/commands.hpp"
#include "ui/camera.hpp"
#include "ui/presentation.hpp"
#include "ui/test_hooks.hpp"

namespace ecomap::ui {
namespace {

constexpr float kDragThreshold = 4.0f;  // px before a press becomes a drag
constexpr float kLinkHitDistance = 6.0f;

float distance_to_segment(float px, float py, float ax, float ay, float bx, float by) {
    const float dx = bx - ax, dy = by - ay;
    const float length2 = dx * dx + dy * dy;
    const float t = length2 > 0 ? std::clamp(((px - ax) * dx + (py - ay) * dy) / length2, 0.0f, 1.0f) : 0.0f;
    const float cx = ax + dx * t - px, cy = ay + dy * t - py;
    return std::sqrt(cx * cx + cy * cy);
}

// What is under a screen point: token (as its entity), link, role, centre or nothing.
Target target_at(const Document& document, const MapFrame& frame, float x, float y, std::string* placement) {
    if (const TokenOnScreen* token = token_at(frame, x, y)) {
        if (placement != nullptr) *placement = token->placement;
        return {TargetKind::Entity, token->entity};
    }
    for (const Relationship& link : document.relationships) {
        const TokenOnScreen* a = first_token_of(frame, link.from);
        const TokenOnScreen* b = first_token_of(frame, link.to);
        if (a && b && token_shown(frame, *a) && token_shown(frame, *b) && distance_to_segment(x, y, a->x, a->y, b->x, b->y) < kLinkHitDistance)
            return {TargetKind::Relationship, link.id};
    }
    const Vec2 map = to_map(frame.camera, frame.area, {x, y});
    if (in_centre(frame.ring, map)) return {TargetKind::Centre, ""};
    const int role = hit_test_role(frame.ring, map);
    if (role >= 0) return {TargetKind::Role, document.framework.roles[static_cast<size_t>(role)].id};
    return {};
}

void role_tooltip(const Document& document, const std::string& role_id) {
    const Role* role = document.framework.find_role(role_id);
    if (role == nullptr) return;
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 22.0f);
    ImGui::TextUnformatted(role->name.c_str());
    ImGui::Separator();
    ImGui::TextUnformatted(role->description.c_str());
    ImGui::TextDisabled("%s", i18n::tr("ui.map.role-tip"));
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
}

// Commits the drag of a token: same role -> new position, other role -> moved there.
void finish_move(UiContext& context, const MapFrame& frame, const std::string& placement_id, float x, float y) {
    const Document& document = context.document();
    const Placement* placement = document.find_placement(placement_id);
    if (placement == nullptr) return;
    const Vec2 map = to_map(frame.camera, frame.area, {x, y});
    const int role = hit_test_role(frame.ring, map);
    if (role < 0) {
        context.state.status = i18n::tr("ui.status.drop-in-sector");
        return;
    }
    const std::string& role_id = document.framework.roles[static_cast<size_t>(role)].id;
    if (role_id == placement->role) context.apply(move_placement(placement_id, map));
    else context.apply(move_placement_to_role(placement_id, role_id, map));
}

void finish_connect(UiContext& context, const MapFrame& frame, const std::string& from, float x, float y) {
    const TokenOnScreen* token = token_at(frame, x, y);
    if (token == nullptr || token->entity == from) {
        context.state.status = i18n::tr("ui.status.link-release");
        return;
    }
    const ApplyResult result = context.apply(add_relationship(from, token->entity, link_kinds().front().id, ""));
    if (!result) return;
    context.session.selection.items = {{TargetKind::Relationship, result.created_id}};
    context.state.status = i18n::tr("ui.status.linked");
}

void drop_from_list(UiContext& context, const MapFrame& frame, const std::string& entity, float x, float y) {
    const Document& document = context.document();
    const Vec2 map = to_map(frame.camera, frame.area, {x, y});
    const int role = hit_test_role(frame.ring, map);
    if (role < 0) return;
    PlacementSpec spec;
    spec.entity = entity;
    spec.role = document.framework.roles[static_cast<size_t>(role)].id;
    spec.position = map;
    if (context.apply(place_entity(spec))) {
        context.session.selection.items = {{TargetKind::Entity, entity}};
        context.state.status = i18n::tr("ui.status.placed", {{"role", document.framework.roles[static_cast<size_t>(role)].name}});
    }
}

}  // namespace

// [SECTION] Highlight

int highlighted_role(const UiContext& context, const MapFrame& frame) {
    const ImVec2 mouse = ImGui::GetMousePos();
    const bool dragging_token = context.session.drag && context.session.drag->kind == DragKind::MovePlacement;
    const bool dragging_entity = context.state.list_drag && context.state.list_drag->active;
    if (dragging_token || dragging_entity)
        return hit_test_role(frame.ring, to_map(frame.camera, frame.area, {mouse.x, mouse.y}));
    const Target& hover = context.session.hover;
    const Target selected = context.session.selection.empty() ? Target{} : context.session.selection.items.front();
    for (const Target& t : {hover, selected})
        if (t.kind == TargetKind::Role) return context.document().framework.role_index(t.id);
    return -1;
}

// [SECTION] Interaction

void map_view(UiContext& context, const MapFrame& frame) {
    const Document& document = context.document();
    const ScreenRect& area = frame.area;
    ImGui::SetNextWindowPos({area.x, area.y});
    ImGui::SetNextWindowSize({area.w, area.h});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    ImGui::Begin("##map", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoMove |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus |
                     ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoFocusOnAppearing);
    ImGui::PopStyleVar();
    ImGui::InvisibleButton("map-canvas", {std::max(1.0f, area.w), std::max(1.0f, area.h)});
    expose_item("map");
    const bool hovered = ImGui::IsItemHovered();
    const ImVec2 mouse = ImGui::GetMousePos();
    const ImGuiIO& io = ImGui::GetIO();

    ImDrawList& list = *ImGui::GetWindowDrawList();
    const MapScene scene = map_scene(context);
    draw_role_notes(list, context, frame);  // labels, gap call-outs, counts when presenting, vote dots
    draw_links(list, scene, frame);
    draw_centre_text(list, document, frame, context.fonts);  // over the links, which pass under the values
    context.state.drawn_labels = draw_tokens(list, scene, frame);

    // Hover.
    context.session.hover = hovered ? target_at(document, frame, mouse.x, mouse.y, nullptr) : Target{};

    // Press: remember what was under the pointer.
    if (ImGui::IsItemActivated()) {
        MapPress press;
        const Target target = target_at(document, frame, mouse.x, mouse.y, &press.placement);
        press.target_kind = static_cast<int>(target.kind);
        press.target_id = target.id;
        press.x = mouse.x;
        press.y = mouse.y;
        press.connect = io.KeyShift && target.kind == TargetKind::Entity;
        context.state.press = press;
        context.history.break_coalescing();
    }

    // Esc cancels a drag. Checked first: ImGui's keyboard navigation also drops the
    // active item on Esc, and that deactivation must not commit the drag below.
    auto& press = context.state.press;
    if (press && press->dragging && !press->cancelled && ImGui::IsKeyPressed(ImGuiKey_Escape, false)) {
        press->cancelled = true;
        context.session.drag.reset();
        context.state.status = i18n::tr("ui.status.drag-cancelled");
    }

    // Drag: move a token, draw a link, or pan.
    if (press && ImGui::IsItemActive() && !press->cancelled && !context.state.presenting) {
        const float dx = mouse.x - press->x, dy = mouse.y - press->y;
        if (!press->dragging && dx * dx + dy * dy > kDragThreshold * kDragThreshold) press->dragging = true;
        if (press->dragging) {
            const auto kind = static_cast<TargetKind>(press->target_kind);
            const Vec2 start = to_map(frame.camera, area, {press->x, press->y});
            const Vec2 now = to_map(frame.camera, area, {mouse.x, mouse.y});
            if (kind == TargetKind::Entity && press->connect) {
                context.session.drag = DragPreview{DragKind::Connect, "", press->target_id, start, now};
                const TokenOnScreen* from = token_at(frame, press->x, press->y);
                if (from != nullptr)
                    list.AddLine({from->x, from->y}, mouse, IM_COL32(20, 24, 32, 200), 2.5f);
            } else if (kind == TargetKind::Entity) {
                context.session.drag = DragPreview{DragKind::MovePlacement, press->placement, "", start, now};
                const Placement* placement = document.find_placement(press->placement);
                const Entity* entity = document.find_entity(press->target_id);
                const TokenOnScreen* token = token_at(frame, press->x, press->y);
                if (placement && entity && token) {
                    const int role = hit_test_role(frame.ring, now);
                    const int color_role = role >= 0 ? role : token->role_index;
                    draw_token_shape(list, entity->kind, placement->strength, mouse.x, mouse.y, token->r,
                                     im_color(role_color(document.framework, color_role)), role >= 0 ? 0.9f : 0.45f);
                }
            } else {
                context.session.camera.centre.x -= io.MouseDelta.x / context.session.camera.zoom;
                context.session.camera.centre.y -= io.MouseDelta.y / context.session.camera.zoom;
                context.state.auto_fit = false;
            }
        }
    }

    // Release: commit the drag, or select what was clicked.
    if (press && ImGui::IsItemDeactivated()) {
        const auto kind = static_cast<TargetKind>(press->target_kind);
        if (!press->cancelled && press->dragging && kind == TargetKind::Entity) {
            if (press->connect) finish_connect(context, frame, press->target_id, mouse.x, mouse.y);
            else finish_move(context, frame, press->placement, mouse.x, mouse.y);
        } else if (!press->cancelled && !press->dragging &&
                   !facilitator_click(context, frame, mouse.x, mouse.y, io.KeyShift ? -1 : 1)) {
            context.session.selection.items.clear();
            if (kind != TargetKind::None) context.session.selection.items.push_back({kind, press->target_id});
        }
        context.session.drag.reset();
        press.reset();
    }

    // An entity dragged from the list: ghost under the pointer, placed on release.
    if (auto& drag = context.state.list_drag; drag && !drag->active) {
        if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) drag.reset();  // a click, not a drag
        else if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, kDragThreshold)) drag->active = true;
    }
    if (auto& drag = context.state.list_drag; drag && drag->active) {
        if (const Entity* entity = document.find_entity(drag->entity)) {
            draw_token_shape(list, entity->kind, Strength::Primary, mouse.x, mouse.y, 14.0f, IM_COL32(90, 96, 110, 255), 0.6f);
        }
        if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
            if (area.contains(mouse.x, mouse.y)) drop_from_list(context, frame, drag->entity, mouse.x, mouse.y);
            drag.reset();
        }
    }

    // Vote mode: the right button takes a vote back.
    if (hovered && context.state.vote_mode && ImGui::IsMouseClicked(ImGuiMouseButton_Right))
        facilitator_click(context, frame, mouse.x, mouse.y, -1);

    // Wheel zoom about the pointer; role tooltip (presentation keeps its fitted view).
    if (hovered && !context.state.presenting && io.MouseWheel != 0.0f) zoom_at(context, std::pow(1.15, io.MouseWheel), {mouse.x, mouse.y});
    if (hovered && !press && !context.state.presenting && context.session.hover.kind == TargetKind::Role)
        role_tooltip(document, context.session.hover.id);
    ImGui::End();
}

}  // namespace ecomap::ui
