#include "ui/image_export.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // ImDrawListSharedData: draw lists outside an ImGui frame

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>

#include "core/framework.hpp"
#include "core/i18n.hpp"
#include "core/io_json.hpp"
#include "core/png_embed.hpp"
#include "render/offscreen.hpp"
#include "ui/camera.hpp"
#include "ui/draw_renderer.hpp"
#include "ui/map_draw.hpp"

namespace ecomap::ui {
namespace {

constexpr ImU32 kText = IM_COL32(28, 32, 40, 255);
constexpr ImU32 kMuted = IM_COL32(90, 96, 110, 255);

// The export's own font atlas (only the document's characters, at the image's density) and
// its GL texture: the screen's atlas and texture are left as they are.
class ExportFonts {
public:
    ExportFonts(float density, std::string_view text) {
        fonts_ = build_label_fonts(atlas_, density, text);
        if (fonts_.label_small == nullptr) return;
        texture_ = upload_atlas(atlas_);
    }
    ExportFonts(const ExportFonts&) = delete;
    ExportFonts& operator=(const ExportFonts&) = delete;
    ~ExportFonts() {
        if (texture_ != 0) glDeleteTextures(1, &texture_);
    }
    bool ok() const { return texture_ != 0; }
    const Fonts& fonts() const { return fonts_; }
    const ImFontAtlas& atlas() const { return atlas_; }

private:
    ImFontAtlas atlas_;
    Fonts fonts_;
    GLuint texture_ = 0;
};

void unpremultiply(render::Pixels& rgba) {
    for (size_t i = 0; i + 3 < rgba.size(); i += 4) {
        const unsigned a = rgba[i + 3];
        if (a == 0 || a == 255) continue;
        for (size_t c = 0; c < 3; ++c) rgba[i + c] = static_cast<std::uint8_t>(std::min(255u, rgba[i + c] * 255u / a));
    }
}

float widest_label_em(const Document& document, const Fonts& fonts) {
    float widest = 0;
    for (const Role& role : document.framework.roles)
        widest = std::max(widest, fonts.label_medium->CalcTextSizeA(24.0f, 1e9f, 0.0f, role.name.c_str()).x / 24.0f);
    return widest;
}

}  // namespace

ImageExportResult export_png(const Document& document, const ImageExportOptions& options,
                             const render::RingRenderer& ring, const DrawRenderer& draw) {
    const auto started = std::chrono::steady_clock::now();
    ImageExportResult result;
    if (options.width < 64 || options.height < 64 || options.width > kMaxExportWidth ||
        options.height > kMaxExportWidth) {
        result.error = i18n::tr("export.png.size_range", {{"max", std::to_string(kMaxExportWidth)}});
        return result;
    }
    render::OffscreenTarget target;
    if (!target.create(options.width, options.height, result.error)) return result;

    // Layout in image pixels: optional title band, the ring, the attribution line.
    const auto w = static_cast<float>(options.width);
    const auto h = static_cast<float>(options.height);
    const float unit = std::min(w, h) / 100.0f;
    const float title_px = std::max(14.0f, unit * 4.0f);
    const float footer_px = std::max(10.0f, unit * 1.8f);
    const float top = options.title ? title_px * 2.2f : unit * 2.0f;
    const ScreenRect area{0, top, w, std::max(1.0f, h - top - footer_px * 2.4f)};

    const std::string json = export_json(document);  // embedded in the file; its characters are the glyphs needed
    const ExportFonts type(std::clamp(unit / 8.0f, 1.0f, 4.0f), json);  // glyphs rasterized near the size they are drawn at
    if (!type.ok()) {
        result.error = i18n::tr("export.png.fonts_failed");
        return result;
    }
    const Fonts& fonts = type.fonts();
    const RingLayout ring_geometry = ring_layout(static_cast<int>(document.framework.roles.size()));
    FrameOptions sizes;                       // labels and tokens grow with the image
    sizes.max_label_px = 1e6f;
    sizes.token_px = std::max(14.0f, unit * 1.2f);
    const Camera camera = fit_camera(ring_geometry, area, widest_label_em(document, fonts), sizes.max_label_px);
    const MapFrame frame = compute_map_frame(document, camera, area, sizes);

    target.bind();
    if (options.transparent) glClearColor(0, 0, 0, 0);
    else glClearColor(1, 1, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    ring.draw(ring_style(document.framework, frame, 1.0f, -1), options.width, options.height);

    ImDrawListSharedData shared;
    const ImFontAtlas* atlas = &type.atlas();
    shared.TexUvWhitePixel = atlas->TexUvWhitePixel;
    shared.TexUvLines = atlas->TexUvLines;
    shared.Font = fonts.ui;
    shared.FontSize = fonts.ui->FontSize;
    shared.CurveTessellationTol = ImGui::GetStyle().CurveTessellationTol;
    shared.SetCircleTessellationMaxError(ImGui::GetStyle().CircleTessellationMaxError);
    shared.ClipRectFullscreen = {0, 0, w, h};
    shared.InitialFlags = ImDrawListFlags_AntiAliasedLines | ImDrawListFlags_AntiAliasedLinesUseTex |
                          ImDrawListFlags_AntiAliasedFill;
    ImDrawList list(&shared);
    list._ResetForNewFrame();
    list.PushTextureID(atlas->TexID);
    list.PushClipRectFullScreen();

    const MapScene scene{document, fonts};  // nothing selected, hovered or dragged
    draw_role_labels(list, document, frame, fonts);
    draw_links(list, scene, frame);
    draw_centre_text(list, document, frame, fonts);
    (void)draw_tokens(list, scene, frame);
    if (options.title) {
        const std::string title =
            is_untitled_title(document.meta.title) ? untitled_title(document.meta.language) : document.meta.title;
        ImFont* font = fonts.label_for(title_px);
        const ImVec2 size = font->CalcTextSizeA(title_px, 1e9f, 0.0f, title.c_str());
        list.AddText(font, title_px, {std::round((w - size.x) * 0.5f), std::round(title_px * 0.6f)}, kText, title.c_str());
    }
    const std::string& attribution = document.framework.attribution.text;
    ImFont* small = fonts.label_for(footer_px);
    const ImVec2 size = small->CalcTextSizeA(footer_px, 1e9f, 0.0f, attribution.c_str());
    list.AddText(small, footer_px, {std::round(w - size.x - footer_px), std::round(h - footer_px * 1.8f)}, kMuted,
                 attribution.c_str());

    ImDrawData data;
    data.Valid = true;
    data.DisplayPos = {0, 0};
    data.DisplaySize = {w, h};
    data.FramebufferScale = {1, 1};
    data.AddDrawList(&list);
    draw.render(data);
    render::Pixels pixels = target.read_rgba();
    target.unbind();

    if (options.transparent) unpremultiply(pixels);
    const std::string png = render::encode_png(pixels, options.width, options.height);
    if (png.empty()) {
        result.error = i18n::tr("export.png.encoder_failed");
        return result;
    }
    result.png = embed_document_in_png(png, json);
    result.milliseconds =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return result;
}

}  // namespace ecomap::ui
