// What the panels ask of the app beyond editing the document: files and time.
// Implemented by app/App, so the panels know nothing of the platform.
#pragma once
#include <string>

namespace ecomap::ui {

class Services {
public:
    virtual ~Services() = default;
    virtual void new_map() = 0;            // replace the map with a fresh one (history cleared)
    virtual void open_file() = 0;          // ask the user for a map file (picker)
    virtual void save_json() = 0;          // download the map as <title>.ecomap.json
    virtual std::string now_iso() = 0;     // current time, ISO 8601 UTC
};

}  // namespace ecomap::ui
