// The Export dialog: PNG (size presets of the map view or a custom width, background,
// title), SVG, PDF (paper, page 2), CSV, JSON. Every choice ends in one Services call,
// the same functions window.ecomap.exportPNG/SVG/PDF/CSV use.
#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "ui/image_export.hpp"
#include "ui/panels.hpp"
#include "ui/test_hooks.hpp"

namespace ecomap::ui {
namespace {

constexpr std::array<const char*, 5> kFormats = {"PNG image", "SVG image", "PDF for print", "CSV tables", "JSON map file"};
constexpr std::array<const char*, 4> kSizes = {"1×", "2×", "4×", "Custom"};  // of the map view
constexpr std::array<int, 3> kFactors = {1, 2, 4};

void png_size(const UiState& state, const ExportDialog& dialog, int& width, int& height) {
    const float view_w = std::max(1.0f, state.map_area.w);
    const float view_h = std::max(1.0f, state.map_area.h);
    if (dialog.size_preset < 3) {
        width = static_cast<int>(std::lround(view_w * static_cast<float>(kFactors[static_cast<size_t>(dialog.size_preset)])));
    } else {
        width = dialog.custom_width;
    }
    height = static_cast<int>(std::lround(static_cast<float>(width) * view_h / view_w));
}

}  // namespace

void draw_export_dialog(UiContext& context) {
    if (!context.state.export_dialog) return;
    ExportDialog& dialog = *context.state.export_dialog;
    if (!ImGui::IsPopupOpen("Export##dialog")) ImGui::OpenPopup("Export##dialog");
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, {0.5f, 0.5f});
    ImGui::SetNextWindowSizeConstraints({std::min(340.0f, viewport->Size.x - 16.0f), 0},
                                        {std::min(480.0f, viewport->Size.x - 16.0f), viewport->Size.y * 0.9f});
    if (!ImGui::BeginPopupModal("Export##dialog", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    for (int i = 0; i < static_cast<int>(kFormats.size()); ++i) {
        ImGui::RadioButton(kFormats[static_cast<size_t>(i)], &dialog.format, i);
        expose_item(std::string("export-format:") + std::to_string(i));
    }
    ImGui::Separator();
    int width = 0, height = 0;
    if (dialog.format == 0) {
        ImGui::TextUnformatted("Size");
        for (int i = 0; i < static_cast<int>(kSizes.size()); ++i) {
            if (i > 0) ImGui::SameLine();
            ImGui::RadioButton(kSizes[static_cast<size_t>(i)], &dialog.size_preset, i);
            expose_item(std::string("export-size:") + std::to_string(i));
        }
        if (dialog.size_preset == 3) {
            ImGui::SetNextItemWidth(220);
            ImGui::InputInt("Width (px)", &dialog.custom_width, 100, 1000);
            expose_item("export-width");
            dialog.custom_width = std::clamp(dialog.custom_width, 64, 100000);
        }
        png_size(context.state, dialog, width, height);
        ImGui::TextDisabled("%d × %d pixels (1× is the map as it is on screen)", width, height);
        if (width > kMaxExportWidth) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.53f, 0.13f, 0.33f, 1.0f));
            ImGui::TextWrapped("At most %d pixels wide: choose a smaller width.", kMaxExportWidth);
            ImGui::PopStyleColor();
        }
    }
    if (dialog.format <= 1) {
        ImGui::Checkbox("Transparent background", &dialog.transparent);
        expose_item("export-transparent");
        ImGui::Checkbox("Title above the map", &dialog.title);
        expose_item("export-title");
        ImGui::TextDisabled("The attribution line is always included.");
    }
    if (dialog.format == 2) {
        ImGui::TextUnformatted("Paper (landscape)");
        ImGui::RadioButton("A4", &dialog.paper, 0);
        expose_item("export-paper:0");
        ImGui::SameLine();
        ImGui::RadioButton("US Letter", &dialog.paper, 1);
        expose_item("export-paper:1");
        ImGui::Checkbox("Page 2: counts per role and reflections", &dialog.details);
        expose_item("export-details");
        ImGui::TextDisabled("The title and the attribution line are always included.");
    }
    if (context.state.hide_names) ImGui::TextDisabled("Names are hidden in this export.");
    ImGui::Spacing();
    const bool too_wide = dialog.format == 0 && width > kMaxExportWidth;
    ImGui::BeginDisabled(too_wide);
    if (ImGui::Button("Export", {120, 0})) {
        const ExportDialog choice = dialog;
        context.state.export_dialog.reset();
        ImGui::CloseCurrentPopup();
        switch (choice.format) {
            case 0: context.services.export_png(width, height, choice.transparent, choice.title); break;
            case 1: context.services.export_svg(choice.transparent, choice.title); break;
            case 2: context.services.export_pdf(choice.paper == 1, choice.details); break;
            case 3: context.services.export_csv(); break;
            default: context.services.save_json(); break;
        }
    }
    ImGui::EndDisabled();
    expose_item("export-go");
    ImGui::SameLine();
    if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
        context.state.export_dialog.reset();
        ImGui::CloseCurrentPopup();
    }
    expose_item("export-cancel");
    ImGui::EndPopup();
}

}  // namespace ecomap::ui
