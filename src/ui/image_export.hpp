// PNG export: the map rendered offscreen at the asked size (not a screenshot of the
// UI) with the same ring renderer and drawing code as the screen, the title and the
// attribution line, the map file embedded in an iTXt chunk so the PNG re-opens.
// Must run outside an ImGui frame (it draws with ImGui's renderer into its own target, with
// its own font atlas at the image's density; the screen's fonts are left alone).
#pragma once
#include <string>

#include "core/model.hpp"
#include "render/ring_renderer.hpp"
#include "ui/draw_renderer.hpp"
#include "ui/fonts.hpp"

namespace ecomap::ui {

inline constexpr int kMaxExportWidth = 8192;  // px; the browser's own limit may be lower

struct ImageExportOptions {
    int width = 0;             // px
    int height = 0;            // px
    bool transparent = false;  // no background (else white)
    bool title = true;         // the map's title above the ring
};

struct ImageExportResult {
    std::string png;           // the file; empty on failure
    std::string error;         // one line for the user when it failed
    double milliseconds = 0;   // time to render and encode
};

// Renders `document` (already anonymized when names are hidden) with the screen's GL objects.
ImageExportResult export_png(const Document& document, const ImageExportOptions& options,
                             const render::RingRenderer& ring, const DrawRenderer& draw);

}  // namespace ecomap::ui
