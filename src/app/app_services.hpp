// What the panels ask of the app beyond editing the document (ui::Services): files,
// exports, time and Recent maps, on top of the workspace and the platform layer.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/workspace.hpp"
#include "ui/image_export.hpp"
#include "ui/services.hpp"

namespace ecomap::app {

struct RecentMap {                       // a map kept in this browser (Recent maps)
    std::string id;                      // storage key
    std::string title;                   // its title ("" = untitled)
    std::string modified;                // when it was last saved, e.g. "2026-11-28 09:12"
    int entities = 0;                    // people, organizations and networks on it
    bool elsewhere = false;              // being edited in another tab
    bool current = false;                // the map of this tab
};

class AppServices final : public ui::Services {
public:
    explicit AppServices(Workspace& workspace) : workspace_(workspace) {}

    void start_from(std::string_view starter_id) override;
    void open_file() override;
    void save_json() override;
    void open_files_for_merge() override;
    std::string now_iso() override { return workspace_.now_iso(); }
    void export_png(int width, int height, bool transparent, bool title) override;  // rendered after the frame
    void export_svg(bool transparent, bool title) override;
    void export_pdf(bool letter, bool details) override;
    void export_csv() override;
    bool rooms_available() override;
    void open_room_panel() override;
    bool links_available() override;
    void open_share_panel() override;
    bool set_language(std::string_view code) override;

    std::optional<ui::ImageExportOptions> take_pending_png();  // the PNG asked for this frame, if any
    void finish_png(const ui::ImageExportOptions& options, const ui::ImageExportResult& result);  // download or tell why

    const std::vector<RecentMap>& recent_maps() const { return recent_; }  // as last told by the platform
    bool set_recent_maps(std::string_view json);  // [{id, title, modified, entities, elsewhere, current}]; true if changed
    void open_recent(const std::string& id);      // asks the platform for that map; it arrives through the door

private:
    Workspace& workspace_;
    std::optional<ui::ImageExportOptions> pending_png_;
    std::vector<RecentMap> recent_;
    std::string recent_json_ = "[]";     // the list as last received (unchanged lists cause no redraw)
};

}  // namespace ecomap::app
