// The window.ecomap API of the app: each entry is a handler registered with the
// platform layer (platform::register_api); the page (web/ecomap-page.js) wraps them.
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>

#include <imgui.h>

#include "app/app.hpp"
#include "core/analysis.hpp"
#include "core/base64.hpp"
#include "core/csv.hpp"
#include "core/export_svg.hpp"
#include "core/io_json.hpp"
#include "platform/platform.hpp"
#include "ui/actions.hpp"
#include "ui/test_hooks.hpp"

namespace ecomap::app {
namespace {

// {ok, errors: [reason], <details_key>: [...]}: what loadMap() and merge() return.
std::string outcome_json(const LoadOutcome& outcome, const char* details_key) {
    nlohmann::ordered_json out;
    out["ok"] = outcome.ok;
    out["errors"] = outcome.ok ? nlohmann::ordered_json::array() : nlohmann::ordered_json::array({outcome.error});
    out[details_key] = outcome.warnings;
    return out.dump();
}

}  // namespace

std::string App::state_json() const {
    nlohmann::ordered_json out;
    auto selection = nlohmann::ordered_json::array();
    for (const Target& target : session_.selection.items)
        selection.push_back({{"kind", static_cast<int>(target.kind)}, {"id", target.id}});
    out["selection"] = std::move(selection);
    out["hover"] = {{"kind", static_cast<int>(session_.hover.kind)}, {"id", session_.hover.id}};
    out["camera"] = {{"x", session_.camera.centre.x}, {"y", session_.camera.centre.y}, {"zoom", session_.camera.zoom}};
    out["autoFit"] = ui_state_.auto_fit;
    out["revision"] = history_.revision();
    out["canUndo"] = history_.can_undo();
    out["canRedo"] = history_.can_redo();
    out["undoLabel"] = history_.undo_label();
    out["redoLabel"] = history_.redo_label();
    out["status"] = ui_state_.status;
    out["presenting"] = ui_state_.presenting;
    out["hideNames"] = ui_state_.hide_names;
    out["spotlight"] = ui_state_.spotlight_role;
    out["voteMode"] = ui_state_.vote_mode;
    out["typing"] = ImGui::GetIO().WantTextInput;  // a text field has the keyboard
    if (ui_state_.message) {
        out["dialog"] = {{"title", ui_state_.message->title},
                         {"message", ui_state_.message->message},
                         {"details", ui_state_.message->details}};
    } else {
        out["dialog"] = nullptr;
    }
    out["confirm"] = ui_state_.confirm ? nlohmann::ordered_json(ui_state_.confirm->title) : nlohmann::ordered_json();
    return out.dump();
}

void App::register_api() {
    platform::register_api("frameCount", [this](std::string_view) { return std::to_string(frames_rendered_); });
    platform::register_api("layout", [this](std::string_view) { return ui::layout_json(history_.document(), frame_); });
    platform::register_api("getMap", [this](std::string_view) { return export_json(history_.document()); });
    platform::register_api("loadMap", [this](std::string_view text) {
        const LoadOutcome outcome = load_bytes("loadMap", text);
        redraw_frames_ = kRedrawAfterEvent;
        return outcome_json(outcome, "warnings");
    });
    platform::register_api("merge", [this](std::string_view json_texts) {  // ["<map json>", ...]
        std::vector<platform::NamedBytes> files;
        const nlohmann::json texts = nlohmann::json::parse(json_texts, nullptr, false);
        if (texts.is_array()) {
            for (size_t i = 0; i < texts.size(); ++i)
                if (texts[i].is_string()) files.push_back({"map " + std::to_string(i + 1), texts[i].get<std::string>()});
        }
        const LoadOutcome outcome = files.empty() ? LoadOutcome{false, "merge() takes an array of map texts", {}}
                                                  : merge_files(files);
        redraw_frames_ = kRedrawAfterEvent;
        return outcome_json(outcome, "report");
    });
    platform::register_api("exportPNG", [this](std::string_view argument) {  // {"width", "transparent", "title"}
        const nlohmann::json options = nlohmann::json::parse(argument, nullptr, false);
        const auto number = [&](const char* key, double fallback) {
            return options.is_object() && options.contains(key) && options[key].is_number() ? options[key].get<double>()
                                                                                           : fallback;
        };
        const auto flag = [&](const char* key, bool fallback) {
            return options.is_object() && options.contains(key) && options[key].is_boolean() ? options[key].get<bool>()
                                                                                            : fallback;
        };
        const ui::ScreenRect& view = ui_state_.map_area;
        ui::ImageExportOptions image;
        image.width = static_cast<int>(std::lround(number("width", view.w * 2.0)));
        image.height = static_cast<int>(
            std::lround(number("height", image.width * static_cast<double>(view.h) / std::max(1.0f, view.w))));
        image.transparent = flag("transparent", false);
        image.title = flag("title", true);
        const ui::ImageExportResult result = render_png(image);
        nlohmann::ordered_json out;
        out["ok"] = !result.png.empty();
        out["error"] = result.error;
        out["width"] = image.width;
        out["height"] = image.height;
        out["milliseconds"] = result.milliseconds;
        out["base64"] = base64_encode(result.png);
        return out.dump();
    });
    platform::register_api("exportSVG", [this](std::string_view) {
        return ecomap::export_svg(export_document(), SvgOptions{});
    });
    platform::register_api("readout", [this](std::string_view) {  // the map as plain data for the page's
        const Document document = export_document();                // screen-reader table (names hidden when asked)
        const Analysis analysis = analyse(document);
        nlohmann::ordered_json out;
        out["title"] = document.meta.title;
        out["values"] = document.centre.values;
        out["cause"] = document.centre.cause;
        auto entities = nlohmann::ordered_json::array();
        for (const Entity& entity : document.entities) {
            std::string roles;
            for (const Placement& placement : document.placements) {
                if (placement.entity != entity.id) continue;
                const Role* role = document.framework.find_role(placement.role);
                roles += (roles.empty() ? "" : "; ") + (role ? role->name : placement.role) + " (" +
                         std::string(to_string(placement.strength)) + ")";
            }
            entities.push_back({{"name", entity.anonymous && !ui_state_.hide_names ? "Anonymous" : entity.name},
                                {"kind", to_string(entity.kind)},
                                {"roles", roles}});
        }
        out["entities"] = std::move(entities);
        auto roles = nlohmann::ordered_json::array();
        for (size_t i = 0; i < analysis.roles.size() && i < document.framework.roles.size(); ++i) {
            const RoleStats& stats = analysis.roles[i];
            roles.push_back({{"name", document.framework.roles[i].name},
                             {"people", stats.by_kind[slot(EntityKind::Person)]},
                             {"organizations", stats.by_kind[slot(EntityKind::Organization)]},
                             {"networks", stats.by_kind[slot(EntityKind::Network)]},
                             {"votes", stats.votes},
                             {"gap", stats.empty ? "missing" : stats.thin ? "thin" : stats.crowded ? "crowded" : ""}});
        }
        out["roles"] = std::move(roles);
        return out.dump();
    });
    platform::register_api("exportCSV", [this](std::string_view) {
        const Document document = export_document();
        nlohmann::ordered_json out;
        out["entities"] = export_csv_entities(document);
        out["relationships"] = export_csv_relationships(document);
        return out.dump();
    });
    platform::register_api("uiItems", [](std::string_view) { return ui::items_json(); });
    platform::register_api("state", [this](std::string_view) { return state_json(); });
    platform::register_api("action", [this](std::string_view id) {
        ui::UiContext context{history_, session_, ui_state_, fonts_, *this};
        const bool ok = ui::run_action(context, id);
        redraw_frames_ = kRedrawAfterEvent;
        return std::string(ok ? "true" : "false");
    });
    // Facilitator switches through the same actions as the buttons: "true" / "false"; "" toggles.
    const auto switch_api = [this](const char* name, const char* action, bool ui::UiState::*flag) {
        platform::register_api(name, [this, action, flag](std::string_view on) {
            const bool want = on.empty() ? !(ui_state_.*flag) : (on == "true" || on == "1");
            if (ui_state_.*flag != want) {
                ui::UiContext context{history_, session_, ui_state_, fonts_, *this};
                ui::run_action(context, action);
            }
            redraw_frames_ = kRedrawAfterEvent;
            return std::string(ui_state_.*flag ? "true" : "false");
        });
    };
    switch_api("present", "present", &ui::UiState::presenting);
    switch_api("hideNames", "hide-names", &ui::UiState::hide_names);
    switch_api("voteMode", "vote-mode", &ui::UiState::vote_mode);
    platform::register_api("captureText", [this](std::string_view) {  // the next frame records its text
        ui::request_text_capture();
        redraw_frames_ = kRedrawAfterEvent;
        return std::string("true");
    });
    platform::register_api("capturedText", [](std::string_view) { return ui::captured_text(); });
    platform::register_api("showMessage", [this](std::string_view json) {  // {"title", "message", "error"}: a page notice
        const nlohmann::json in = nlohmann::json::parse(json, nullptr, false);
        if (!in.is_object()) return std::string("false");
        ui_state_.message = ui::MessageDialog{in.value("title", std::string("Notice")), in.value("message", std::string()),
                                              {}, in.value("error", false)};
        redraw_frames_ = kRedrawAfterEvent;
        return std::string("true");
    });
}

}  // namespace ecomap::app
