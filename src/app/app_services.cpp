// Files, exports and Recent maps for the panels (see app_services.hpp).
#include "app/app_services.hpp"

#include <nlohmann/json.hpp>

#include "core/csv.hpp"
#include "core/export_pdf.hpp"
#include "core/starters.hpp"
#include "core/export_svg.hpp"
#include "core/i18n.hpp"
#include "core/io_json.hpp"
#include "platform/platform.hpp"

namespace ecomap::app {
namespace {
constexpr const char* kMapFileTypes = ".json,application/json";
}  // namespace

void AppServices::start_from(std::string_view starter_id) {
    if (const Framework* framework = starter_framework(starter_id)) {
        workspace_.new_map(*framework);
    } else if (const auto example = example_file(starter_id)) {
        workspace_.open(Origin::File, example_file_name(starter_id), *example);  // through the door, like any file
    }
}

void AppServices::open_file() { platform::open_file_picker(kMapFileTypes); }

void AppServices::open_files_for_merge() { platform::open_files_picker(kMapFileTypes); }

bool AppServices::rooms_available() { return platform::rooms_available(); }

void AppServices::open_room_panel() { platform::page_event("room"); }

bool AppServices::links_available() { return platform::is_web(); }

void AppServices::open_share_panel() { platform::page_event("share"); }

bool AppServices::set_language(std::string_view code) {
    if (!i18n::set_language(code)) return false;
    platform::set_page_language(code);  // the page's words, <html lang>, remembered in this browser
    workspace_.follow_language();       // the map's role names, prompts and exports too
    return true;
}

void AppServices::save_json() {
    const std::string name = workspace_.base_file_name() + ".ecomap.json";
    platform::download_file(name, "application/json", export_json(workspace_.export_document()));
    workspace_.ui().status = i18n::tr("app.status.saved", {{"name", name}});
}

void AppServices::export_png(int width, int height, bool transparent, bool title) {
    pending_png_ = ui::ImageExportOptions{width, height, transparent, title};  // the shell renders it after the frame
}

std::optional<ui::ImageExportOptions> AppServices::take_pending_png() {
    std::optional<ui::ImageExportOptions> options = pending_png_;
    pending_png_.reset();
    return options;
}

void AppServices::finish_png(const ui::ImageExportOptions& options, const ui::ImageExportResult& result) {
    if (result.png.empty()) {
        workspace_.ui().message = ui::MessageDialog{i18n::tr("app.error.image"), result.error, {}, true};
        return;
    }
    const std::string name = workspace_.base_file_name() + ".png";
    platform::download_file(name, "image/png", result.png);
    workspace_.ui().status = i18n::tr("app.status.saved-png", {{"name", name},
                                                              {"width", std::to_string(options.width)},
                                                              {"height", std::to_string(options.height)}});
}

void AppServices::export_svg(bool transparent, bool title) {
    SvgOptions options;
    options.transparent = transparent;
    options.title = title;
    const std::string name = workspace_.base_file_name() + ".svg";
    platform::download_file(name, "image/svg+xml", ecomap::export_svg(workspace_.export_document(), options));
    workspace_.ui().status = i18n::tr("app.status.saved", {{"name", name}});
}

void AppServices::export_pdf(bool letter, bool details) {
    PdfOptions options;
    options.paper = letter ? Paper::Letter : Paper::A4;
    options.details = details;
    const std::string name = workspace_.base_file_name() + ".pdf";
    platform::download_file(name, "application/pdf", ecomap::export_pdf(workspace_.export_document(), options));
    workspace_.ui().status = i18n::tr("app.status.saved", {{"name", name}});
}

void AppServices::export_csv() {
    const Document document = workspace_.export_document();
    const std::string base = workspace_.base_file_name();
    platform::download_file(base + ".csv", "text/csv", export_csv_entities(document));
    platform::download_file(base + "-links.csv", "text/csv", export_csv_relationships(document));
    workspace_.ui().status = i18n::tr("app.status.saved-csv", {{"entities", base + ".csv"}, {"links", base + "-links.csv"}});
}

bool AppServices::set_recent_maps(std::string_view json) {
    if (json == recent_json_) return false;
    recent_json_ = std::string(json);
    const nlohmann::json list = nlohmann::json::parse(json, nullptr, false);
    recent_.clear();
    if (!list.is_array()) return true;
    for (const nlohmann::json& item : list) {
        if (!item.is_object()) continue;
        RecentMap map;
        map.id = item.value("id", std::string());
        map.title = item.value("title", std::string());
        map.modified = item.value("modifiedText", std::string());
        map.entities = item.value("entities", 0);
        map.elsewhere = item.value("elsewhere", false);
        map.current = item.value("current", false);
        if (!map.id.empty()) recent_.push_back(std::move(map));
    }
    return true;
}

void AppServices::open_recent(const std::string& id) { platform::open_recent(id); }

}  // namespace ecomap::app
