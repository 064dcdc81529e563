// The map panel: the pointer interaction on the map (select, drag onto roles, connect,
// pan, zoom) and the overlay drawn for it. It reads the document every frame and keeps
// no copy of it; edits go through History. Where things are: map_frame.hpp; how they
// are drawn: map_draw.hpp.
#pragma once
#include "ui/context.hpp"
#include "ui/map_draw.hpp"
#include "ui/map_frame.hpp"

namespace ecomap::ui {

int highlighted_role(const UiContext& context, const MapFrame& frame);  // role to draw stronger, -1 for none
void map_view(UiContext& context, const MapFrame& frame);              // draws the map overlay and handles its input

}  // namespace ecomap::ui
