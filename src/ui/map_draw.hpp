// Drawing the map overlay with ImGui draw lists, into any list: the map window's, or
// an offscreen one for the PNG export. Every rule of the look (glyphs, link styles,
// colours, names) comes from core/look.hpp, which the SVG export reads too.
#pragma once
#include <imgui.h>

#include <string>

#include "core/look.hpp"
#include "core/session.hpp"
#include "ui/fonts.hpp"
#include "ui/map_frame.hpp"

namespace ecomap::ui {

struct UiContext;

struct MapScene {                          // what the drawing needs, and nothing more
    MapScene(const Document& map, const Fonts& type) : document(map), fonts(type) {}  // nothing selected or hidden
    const Document& document;              // the map
    const Fonts& fonts;                    // fonts for the target's pixel density
    const Selection* selection = nullptr;  // drawn with a ring; nullptr for none (exports)
    Target hover;                          // drawn lighter than the selection
    const DragPreview* drag = nullptr;     // the token being moved is drawn faint
    bool hide_names = false;               // neutral marks instead of names (and no link labels)
    bool presenting = false;               // large type; a crowded map shows only the spotlit role's names
    bool high_contrast = false;            // darker outlines around tokens, opaque name backgrounds
    std::string spotlight_role;            // Role::id in the spotlight, "" for none
    NameCache* names = nullptr;            // the screen keeps its names' placement here between frames; nullptr: place anew
};

MapScene map_scene(const UiContext& context);  // the scene the map window shows this frame

ImU32 im_color(Rgb color, float alpha = 1.0f);  // a look colour for ImGui

void draw_role_labels(ImDrawList& list, const Document& document, const MapFrame& frame, const Fonts& fonts);
void draw_radial_text(ImDrawList& list, ImFont* font, float px, const MapFrame& frame, float angle, float radius,
                      ImU32 color, const std::string& text);  // a role name along its radius, from `radius` outward
void draw_rim_text(ImDrawList& list, ImFont* font, float px, const MapFrame& frame, float angle, float radius,
                   ImU32 color, const std::string& text);  // text curved along the ring from `radius` out, centred on angle
void draw_centre_text(ImDrawList& list, const Document& document, const MapFrame& frame, const Fonts& fonts);
void draw_links(ImDrawList& list, const MapScene& scene, const MapFrame& frame);
std::vector<ScreenLabel> draw_tokens(ImDrawList& list, const MapScene& scene, const MapFrame& frame);  // the names drawn
void draw_token_shape(ImDrawList& list, EntityKind kind, Strength strength, float x, float y, float r,
                      ImU32 role_color, float alpha);  // one token: token_outline × token_glyph (core/look.hpp)

}  // namespace ecomap::ui
