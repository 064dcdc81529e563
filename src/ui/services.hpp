// What the panels ask of the app beyond editing the document: files and time.
// Implemented by app/App, so the panels know nothing of the platform.
#pragma once
#include <string>

namespace ecomap::ui {

class Services {
public:
    virtual ~Services() = default;
    virtual void start_from(std::string_view starter_id) = 0;  // a new map from a template or an example (core/starters.hpp)
    virtual void open_file() = 0;          // ask the user for a map file (picker)
    virtual void save_json() = 0;          // download the map as <title>.ecomap.json
    virtual void open_files_for_merge() = 0;  // ask for participants' maps and merge them into this one
    virtual std::string now_iso() = 0;     // current time, ISO 8601 UTC
    virtual void export_png(int width, int height, bool transparent, bool title) = 0;  // render, then download
    virtual void export_svg(bool transparent, bool title) = 0;  // download <title>.svg
    virtual void export_pdf(bool letter, bool details) = 0;  // download <title>.pdf (A4 or US Letter)
    virtual void export_csv() = 0;         // download <title>.csv (entities) and <title>-links.csv
    virtual bool rooms_available() = 0;    // live rooms can be started and joined here (the browser)
    virtual void open_room_panel() = 0;    // the page's room panel: start, join, or the room in progress
    virtual bool links_available() = 0;    // share links work here (the browser)
    virtual void open_share_panel() = 0;   // the page's share panel: the map as a link, with its QR code
    virtual bool set_language(std::string_view code) = 0;  // the interface's language (and the page's); false when unknown
};

}  // namespace ecomap::ui
