// Where everything on the map is this frame (see map_frame.hpp).
#include "ui/map_frame.hpp"

#include <algorithm>
#include <string_view>
#include <nlohmann/json.hpp>

#include "core/look.hpp"
#include "ui/camera.hpp"

namespace ecomap::ui {

namespace {

std::uint64_t next_version() {  // unique across caches, so a cache keyed on it never mixes two frames
    static std::uint64_t version = 0;
    return ++version;
}

// The token radius in map units: stays readable on screen (options.token_px) when zoomed out.
double token_radius_for(const Camera& camera, const FrameOptions& options) {
    return std::clamp(options.token_px / camera.zoom, 20.0, 60.0);
}

// Everything but the tokens: the ring, its centre and the role labels' anchors.
void place_view(MapFrame& frame, const Document& document, const Camera& camera, const ScreenRect& area,
                const FrameOptions& options) {
    frame.ring = ring_layout(static_cast<int>(document.framework.roles.size()));
    frame.camera = camera;
    frame.area = area;
    const Vec2 centre = to_screen(camera, area, {0, 0});
    const auto zoom = static_cast<float>(camera.zoom);
    frame.centre_x = static_cast<float>(centre.x);
    frame.centre_y = static_cast<float>(centre.y);
    frame.centre_radius = static_cast<float>(frame.ring.centre_radius) * zoom;
    frame.inner_radius = static_cast<float>(frame.ring.inner_radius) * zoom;
    frame.outer_radius = static_cast<float>(frame.ring.outer_radius) * zoom;
    frame.label_px = std::min(label_size(camera, frame.ring, options.max_label_px) * options.label_scale,
                              options.max_label_px);
    const int count = frame.ring.role_count;
    if (radial_role_labels(count))  // names side by side along the rim: no taller than their sector is wide
        frame.label_px = std::min(frame.label_px, frame.outer_radius * static_cast<float>(frame.ring.sector_sweep) * 0.8f);
    frame.rim_labels = options.rim_labels && !radial_role_labels(count);
    frame.start_angle = count > 0 ? static_cast<float>(sector_start_angle(frame.ring, 0)) : 0.0f;
    frame.labels.clear();
    for (int i = 0; i < count; ++i) {
        const double mid = sector_mid_angle(frame.ring, i);
        const Vec2 direction = point_at(mid, 1.0);
        const float r = frame.outer_radius + frame.label_px * (frame.rim_labels ? kRimLabelGap + 0.5f : 0.6f);  // just outside the ring
        frame.labels.push_back({frame.centre_x + static_cast<float>(direction.x) * r,
                                frame.centre_y + static_cast<float>(direction.y) * r, static_cast<float>(mid)});
    }
}

// One token per place, with the indices of its entity and placement in the document.
void make_tokens(MapFrame& frame, const Document& document, const std::vector<TokenPlace>& places) {
    std::unordered_map<std::string_view, std::size_t> entity_index, placement_index;
    entity_index.reserve(document.entities.size());
    placement_index.reserve(document.placements.size());
    for (std::size_t i = 0; i < document.entities.size(); ++i) entity_index.emplace(document.entities[i].id, i);
    for (std::size_t i = 0; i < document.placements.size(); ++i) placement_index.emplace(document.placements[i].id, i);
    frame.tokens.clear();
    frame.tokens.reserve(places.size());
    frame.first_token.clear();
    for (const TokenPlace& place : places) {
        const auto entity = entity_index.find(place.entity);
        const auto placement = placement_index.find(place.placement);
        if (entity == entity_index.end() || placement == placement_index.end()) continue;
        frame.first_token.emplace(place.entity, frame.tokens.size());
        frame.tokens.push_back({place.placement, place.entity, place.role_index, entity->second, placement->second, 0, 0, 0});
    }
}

// Roles whose tokens are too small on screen to read (MapFrame::crowded): the core's rule
// in CSS pixels, as the SVG and PDF exports apply it at their own scale.
void mark_crowded(MapFrame& frame) {
    CrowdedRoles roles(frame.labels.size());
    for (const TokenOnScreen& token : frame.tokens) roles.add(token.role_index, token.r);
    frame.crowded = roles.counts(kReadableTokenPx);
}

// The tokens' screen positions for the frame's view (tokens made from the same places).
void move_tokens(MapFrame& frame, const std::vector<TokenPlace>& places) {
    std::size_t next = 0;
    for (const TokenPlace& place : places) {
        if (next == frame.tokens.size()) break;
        TokenOnScreen& token = frame.tokens[next];
        if (token.placement != place.placement) continue;  // a place make_tokens left out
        const Vec2 p = to_screen(frame.camera, frame.area, place.centre);
        token.x = static_cast<float>(p.x);
        token.y = static_cast<float>(p.y);
        token.r = static_cast<float>(place.radius * frame.camera.zoom);
        ++next;
    }
    mark_crowded(frame);
}

}  // namespace

MapFrame compute_map_frame(const Document& document, const Camera& camera, const ScreenRect& area,
                           const FrameOptions& options) {
    MapFrame frame;
    place_view(frame, document, camera, area, options);
    const std::vector<TokenPlace> places = layout_tokens(document, frame.ring, token_radius_for(camera, options));
    make_tokens(frame, document, places);
    move_tokens(frame, places);
    frame.version = next_version();
    frame.shape = frame.version;
    return frame;
}

const MapFrame& MapFrameCache::update(const Document& document, std::uint64_t revision, const Camera& camera,
                                      const ScreenRect& area, const FrameOptions& options) {
    const double token_radius = token_radius_for(camera, options);
    const bool relayout = document_ != &document || revision_ != revision || token_radius_ != token_radius;
    if (!relayout && camera_ == camera && area_ == area && options_ == options) return frame_;
    place_view(frame_, document, camera, area, options);
    if (relayout) {
        places_ = layout_tokens(document, frame_.ring, token_radius);
        make_tokens(frame_, document, places_);
        document_ = &document;
        revision_ = revision;
        token_radius_ = token_radius;
    }
    move_tokens(frame_, places_);
    frame_.version = next_version();
    if (relayout || camera_.zoom != camera.zoom || area_.w != area.w || area_.h != area.h || !(options_ == options))
        frame_.shape = frame_.version;
    camera_ = camera;
    area_ = area;
    options_ = options;
    return frame_;
}

render::RingStyle ring_style(const Framework& framework, const MapFrame& frame, float density, int highlight) {
    render::RingStyle style;
    style.centre_x = frame.centre_x * density;
    style.centre_y = frame.centre_y * density;
    style.centre_radius = frame.centre_radius * density;
    style.inner_radius = frame.inner_radius * density;
    style.outer_radius = frame.outer_radius * density;
    style.rim = std::max(5.0f, frame.outer_radius * static_cast<float>(kRimShare)) * density;
    style.gap = std::max(2.0f, frame.outer_radius * static_cast<float>(kGapShare)) * density;
    style.tint = static_cast<float>(kBandTint);
    style.start_angle = frame.start_angle;
    style.highlight = highlight;
    for (const Role& role : framework.roles) style.colors.push_back(parse_hex_color(role.color));
    return style;
}

std::string layout_json(const Document& document, const MapFrame& frame, const std::vector<ScreenLabel>& labels) {
    nlohmann::ordered_json out;
    out["centre"] = {{"x", frame.centre_x}, {"y", frame.centre_y}, {"r", frame.centre_radius}};
    out["ring"] = {{"inner", frame.inner_radius}, {"outer", frame.outer_radius}};
    out["area"] = {{"x", frame.area.x}, {"y", frame.area.y}, {"w", frame.area.w}, {"h", frame.area.h}};
    out["zoom"] = frame.camera.zoom;
    out["labelPx"] = frame.label_px;  // role label text size, CSS px (larger when presenting)
    auto roles = nlohmann::ordered_json::array();
    const auto& framework_roles = document.framework.roles;
    for (size_t i = 0; i < framework_roles.size() && i < frame.labels.size(); ++i) {
        const int index = static_cast<int>(i);
        roles.push_back({{"id", framework_roles[i].id},
                         {"name", framework_roles[i].name},
                         {"color", framework_roles[i].color},
                         {"label", {{"x", frame.labels[i].x}, {"y", frame.labels[i].y}}},
                         {"crowded", i < frame.crowded.size() ? frame.crowded[i] : 0},  // tokens drawn as a count
                         {"arc", {{"start", sector_start_angle(frame.ring, index)},
                                  {"end", sector_end_angle(frame.ring, index)}}}});
    }
    out["roles"] = std::move(roles);
    auto tokens = nlohmann::ordered_json::array();
    for (const TokenOnScreen& token : frame.tokens) {
        const Role& role = framework_roles[static_cast<size_t>(token.role_index)];
        tokens.push_back({{"id", token.placement}, {"entity", token.entity}, {"role", role.id},
                          {"x", token.x}, {"y", token.y}, {"r", token.r}, {"shown", token_shown(frame, token)}});
    }
    out["tokens"] = std::move(tokens);
    auto names = nlohmann::ordered_json::array();
    for (const ScreenLabel& label : labels)
        names.push_back({{"text", label.text}, {"x", label.x}, {"y", label.y}, {"w", label.w}, {"h", label.h}});
    out["labels"] = std::move(names);  // the tokens' names drawn in the last frame
    return out.dump();
}

bool token_shown(const MapFrame& frame, const TokenOnScreen& token) {
    const auto role = static_cast<std::size_t>(token.role_index);
    return role >= frame.crowded.size() || frame.crowded[role] == 0;
}

const TokenOnScreen* token_at(const MapFrame& frame, float x, float y) {
    for (auto it = frame.tokens.rbegin(); it != frame.tokens.rend(); ++it) {  // topmost = drawn last
        if (!token_shown(frame, *it)) continue;
        const float dx = x - it->x, dy = y - it->y;
        if (dx * dx + dy * dy <= (it->r + 2.0f) * (it->r + 2.0f)) return &*it;
    }
    return nullptr;
}

// The token's entity and placement by their index, checked against the ids: an edit
// earlier in the frame may have changed the document since the frame was made.
const Entity* token_entity(const Document& document, const TokenOnScreen& token) {
    if (token.entity_index < document.entities.size() && document.entities[token.entity_index].id == token.entity)
        return &document.entities[token.entity_index];
    return document.find_entity(token.entity);
}

const Placement* token_placement(const Document& document, const TokenOnScreen& token) {
    if (token.placement_index < document.placements.size() &&
        document.placements[token.placement_index].id == token.placement)
        return &document.placements[token.placement_index];
    return document.find_placement(token.placement);
}

const TokenOnScreen* first_token_of(const MapFrame& frame, const std::string& entity) {
    const auto found = frame.first_token.find(entity);
    return found == frame.first_token.end() ? nullptr : &frame.tokens[found->second];
}

}  // namespace ecomap::ui
