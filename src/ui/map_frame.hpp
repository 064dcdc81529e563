// Where everything on the map is this frame, in CSS pixels: the ring, the role labels'
// anchors and the tokens, computed from the document and the camera (pure). The
// screen, the PNG export, hit-testing and window.ecomap.layout() all read it.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/crowding.hpp"
#include "core/geometry.hpp"
#include "core/session.hpp"
#include "render/ring_renderer.hpp"
#include "ui/ui_state.hpp"

namespace ecomap::ui {

struct TokenOnScreen {
    std::string placement;             // Placement::id
    std::string entity;                // Entity::id
    int role_index = -1;               // framework role index
    std::size_t entity_index = 0;      // in Document::entities of the frame's document
    std::size_t placement_index = 0;   // in Document::placements
    float x = 0, y = 0, r = 0;         // CSS pixels
};

struct RoleLabel {
    float x = 0, y = 0;                // anchor point, CSS px
    float angle = 0;                   // direction from the centre, radians clockwise from the top
};

struct MapFrame {                      // where everything is this frame, CSS pixels
    std::uint64_t version = 0;         // new for every different frame
    std::uint64_t shape = 0;           // new when anything but the position changes (panning keeps it)
    RingLayout ring;                   // map units
    Camera camera;                     // the view used for this frame
    ScreenRect area;                   // map area on the page
    float centre_x = 0, centre_y = 0;  // ring centre
    float centre_radius = 0, inner_radius = 0, outer_radius = 0;
    float start_angle = 0;             // sector 0 start, radians clockwise from the top
    float label_px = 0;                // role label text size
    bool rim_labels = false;           // role names curved along the rim, just outside the ring (phones)
    std::vector<RoleLabel> labels;     // one per role, ring order
    std::vector<TokenOnScreen> tokens; // one per placement on a known role
    std::vector<int> crowded;          // per role: its token count when too small to read (drawn as a count,
                                       // core/crowding.hpp: under kReadableTokenPx), else 0
    std::unordered_map<std::string, std::size_t> first_token;  // entity id -> its first token (links end there)
};

struct FrameOptions {                  // how large labels and tokens are drawn (presentation: larger)
    float label_scale = 1.0f;          // role label size relative to the normal view
    float max_label_px = 46.0f;        // role label size limit, CSS px
    float token_px = 14.0f;            // smallest token radius on screen, CSS px
    bool rim_labels = false;           // role names along the rim (a ring that fills a phone's width)
    bool operator==(const FrameOptions&) const = default;
};

MapFrame compute_map_frame(const Document& document, const Camera& camera, const ScreenRect& area,
                           const FrameOptions& options = {});  // pure
// The screen's map frame, kept between frames: the tokens' arrangement (core layout_tokens)
// is recomputed only when the document's revision or the token size changes, and the
// screen positions only when the view changes. Panning moves the tokens, nothing more.
class MapFrameCache {
public:
    const MapFrame& update(const Document& document, std::uint64_t revision, const Camera& camera,
                           const ScreenRect& area, const FrameOptions& options = {});
    const MapFrame& frame() const { return frame_; }  // the last one updated

private:
    const Document* document_ = nullptr;  // what the layout below was made for
    std::uint64_t revision_ = 0;
    double token_radius_ = 0;
    Camera camera_;
    ScreenRect area_;
    FrameOptions options_;
    std::vector<TokenPlace> places_;      // map units
    MapFrame frame_;
};

render::RingStyle ring_style(const Framework& framework, const MapFrame& frame, float density,
                             int highlight);  // framebuffer-pixel style for RingRenderer
std::string layout_json(const Document& document, const MapFrame& frame,
                        const std::vector<ScreenLabel>& labels);  // window.ecomap.layout()
bool token_shown(const MapFrame& frame, const TokenOnScreen& token);       // false on a role drawn as a count
const TokenOnScreen* token_at(const MapFrame& frame, float x, float y);     // topmost shown token under a point
const Entity* token_entity(const Document& document, const TokenOnScreen& token);        // nullptr if gone
const Placement* token_placement(const Document& document, const TokenOnScreen& token);  // nullptr if gone
const TokenOnScreen* first_token_of(const MapFrame& frame, const std::string& entity);  // nullptr when unplaced

}  // namespace ecomap::ui
