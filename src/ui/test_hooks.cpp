#include "ui/test_hooks.hpp"

#include <imgui.h>

#include <map>
#include <nlohmann/json.hpp>

namespace ecomap::ui {
namespace {
struct Rect {
    float x, y, w, h;
};
std::map<std::string, Rect, std::less<>>& items() {
    static std::map<std::string, Rect, std::less<>> table;
    return table;
}
}  // namespace

void begin_frame_items() { items().clear(); }

void expose_item(std::string_view name) {
    const ImVec2 min = ImGui::GetItemRectMin();
    const ImVec2 max = ImGui::GetItemRectMax();
    items()[std::string(name)] = {min.x, min.y, max.x - min.x, max.y - min.y};
}

std::string items_json() {
    nlohmann::ordered_json out = nlohmann::ordered_json::object();
    for (const auto& [name, rect] : items()) out[name] = {{"x", rect.x}, {"y", rect.y}, {"w", rect.w}, {"h", rect.h}};
    return out.dump();
}

}  // namespace ecomap::ui
