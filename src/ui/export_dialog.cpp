// The Export dialog: PNG (size presets of the map view or a custom width, background,
// title), SVG, PDF (paper, page 2), CSV, JSON. Every choice ends in one Services call,
// the same functions window.ecomap.exportPNG/SVG/PDF/CSV use.
#include <imgui.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "core/i18n.hpp"
#include "ui/image_export.hpp"
#include "ui/panels.hpp"
#include "ui/test_hooks.hpp"

namespace ecomap::ui {
namespace {

constexpr std::array<const char*, 5> kFormats = {"ui.export.png", "ui.export.svg", "ui.export.pdf", "ui.export.csv",
                                                 "ui.export.json"};  // catalog keys
constexpr std::array<const char*, 4> kSizes = {"1×", "2×", "4×", "ui.export.custom"};  // of the map view (keys from "ui.")

// A label in the interface's language with a stable ID ("text###id").
std::string label(const char* key, const std::string& id) { return std::string(i18n::tr(key)) + "###" + id; }
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
    const std::string title = label("ui.export.title", "export-dialog");
    if (!ImGui::IsPopupOpen("###export-dialog")) ImGui::OpenPopup(title.c_str());
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(viewport->GetCenter(), ImGuiCond_Always, {0.5f, 0.5f});
    ImGui::SetNextWindowSizeConstraints({std::min(340.0f, viewport->Size.x - 16.0f), 0},
                                        {std::min(480.0f, viewport->Size.x - 16.0f), viewport->Size.y * 0.9f});
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    capture_window_text();  // tests read the dialog's words (test_hooks.hpp)
    for (int i = 0; i < static_cast<int>(kFormats.size()); ++i) {
        ImGui::RadioButton(label(kFormats[static_cast<size_t>(i)], "format" + std::to_string(i)).c_str(), &dialog.format, i);
        expose_item(std::string("export-format:") + std::to_string(i));
    }
    ImGui::Separator();
    int width = 0, height = 0;
    if (dialog.format == 0) {
        ImGui::TextUnformatted(i18n::tr("ui.export.size"));
        for (int i = 0; i < static_cast<int>(kSizes.size()); ++i) {
            if (i > 0) ImGui::SameLine();
            const char* size = kSizes[static_cast<size_t>(i)];
            ImGui::RadioButton((std::string(std::string_view(size).starts_with("ui.") ? i18n::tr(size) : size) + "###size" +
                                std::to_string(i)).c_str(),
                               &dialog.size_preset, i);
            expose_item(std::string("export-size:") + std::to_string(i));
        }
        if (dialog.size_preset == 3) {
            ImGui::SetNextItemWidth(220);
            ImGui::InputInt(label("ui.export.width", "width").c_str(), &dialog.custom_width, 100, 1000);
            expose_item("export-width");
            dialog.custom_width = std::clamp(dialog.custom_width, 64, 100000);
        }
        png_size(context.state, dialog, width, height);
        ImGui::TextDisabled("%s", i18n::tr("ui.export.pixels", {{"width", std::to_string(width)}, {"height", std::to_string(height)}}).c_str());
        if (width > kMaxExportWidth) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.53f, 0.13f, 0.33f, 1.0f));
            ImGui::TextWrapped("%s", i18n::tr("ui.export.too-wide", {{"max", std::to_string(kMaxExportWidth)}}).c_str());
            ImGui::PopStyleColor();
        }
    }
    if (dialog.format <= 1) {
        ImGui::Checkbox(label("ui.export.transparent", "transparent").c_str(), &dialog.transparent);
        expose_item("export-transparent");
        ImGui::Checkbox(label("ui.export.with-title", "title").c_str(), &dialog.title);
        expose_item("export-title");
        ImGui::TextDisabled("%s", i18n::tr("ui.export.attribution"));
    }
    if (dialog.format == 2) {
        ImGui::TextUnformatted(i18n::tr("ui.export.paper"));
        ImGui::RadioButton("A4", &dialog.paper, 0);
        expose_item("export-paper:0");
        ImGui::SameLine();
        ImGui::RadioButton(label("ui.export.letter", "letter").c_str(), &dialog.paper, 1);
        expose_item("export-paper:1");
        ImGui::Checkbox(label("ui.export.details", "details").c_str(), &dialog.details);
        expose_item("export-details");
        ImGui::TextDisabled("%s", i18n::tr("ui.export.title-attribution"));
    }
    if (context.state.hide_names) ImGui::TextDisabled("%s", i18n::tr("ui.export.names-hidden"));
    ImGui::Spacing();
    const bool too_wide = dialog.format == 0 && width > kMaxExportWidth;
    ImGui::BeginDisabled(too_wide);
    if (ImGui::Button(label("ui.export.go", "go").c_str(), {120, 0})) {
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
    if (ImGui::Button(label("ui.dialog.cancel", "cancel").c_str()) || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
        context.state.export_dialog.reset();
        ImGui::CloseCurrentPopup();
    }
    expose_item("export-cancel");
    ImGui::EndPopup();
}

}  // namespace ecomap::ui
