// The window.ecomap API of the app: each entry is a handler registered with the
// platform layer (platform::register_api) that calls the workspace or the shell; the
// page (web/ecomap-page.js) wraps them.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>

#include <imgui.h>

#include "app/shell.hpp"
#include "core/base64.hpp"
#include "core/commands.hpp"
#include "core/csv.hpp"
#include "core/export_pdf.hpp"
#include "core/export_svg.hpp"
#include "core/i18n.hpp"
#include "core/io_json.hpp"
#include "core/share_link.hpp"
#include "platform/platform.hpp"
#include "ui/actions.hpp"
#include "ui/dialog_stack.hpp"
#include "ui/test_hooks.hpp"

namespace ecomap::app {

void register_api(Shell& shell) {
    Workspace& workspace = shell.workspace();
    ui::UiState& ui_state = workspace.ui();
    // Maps arrive through the page's bridge (files_begin/add/end: loadMap, merge, ?map=,
    // Open…, drop, Recent maps), which walks them through Workspace::open.
    platform::register_api("frameCount", [&shell](std::string_view) { return std::to_string(shell.frames_rendered()); });
    platform::register_api("inputPending", [&shell](std::string_view) { return shell.input_pending() ? "true" : "false"; });
    platform::register_api("layout", [&shell, &workspace](std::string_view) {
        return ui::layout_json(workspace.history().document(), shell.map_frame(), workspace.ui().drawn_labels);
    });
    platform::register_api("getMap", [&workspace](std::string_view) { return export_json(workspace.history().document()); });
    platform::register_api("setRecentMaps", [&shell](std::string_view json) {  // the page's list of kept maps
        if (shell.services().set_recent_maps(json)) shell.redraw();
        return std::string("true");
    });
    platform::register_api("debugAbort", [](std::string_view) -> std::string {  // tests: the crash screen
        std::abort();
    });
    // The last PNG, until the page has copied it out of the heap (web/ecomap-bridge.js heapBytes)
    // and says "releasePNG": no base64 text of several megabytes on the way.
    const auto last_png = std::make_shared<std::string>();
    platform::register_api("releasePNG", [last_png](std::string_view) {
        std::string().swap(*last_png);
        return std::string("true");
    });
    platform::register_api("exportPNG", [&shell, &ui_state, last_png](std::string_view argument) {  // {"width", "transparent", "title"}
        const nlohmann::json options = nlohmann::json::parse(argument, nullptr, false);
        const auto number = [&](const char* key, double fallback) {
            return options.is_object() && options.contains(key) && options[key].is_number() ? options[key].get<double>()
                                                                                           : fallback;
        };
        const auto flag = [&](const char* key, bool fallback) {
            return options.is_object() && options.contains(key) && options[key].is_boolean() ? options[key].get<bool>()
                                                                                            : fallback;
        };
        const ui::ScreenRect& view = ui_state.map_area;
        ui::ImageExportOptions image;
        image.width = static_cast<int>(std::lround(number("width", view.w * 2.0)));
        image.height = static_cast<int>(
            std::lround(number("height", image.width * static_cast<double>(view.h) / std::max(1.0f, view.w))));
        image.transparent = flag("transparent", false);
        image.title = flag("title", true);
        ui::ImageExportResult result = shell.render_png(image);
        *last_png = std::move(result.png);
        nlohmann::ordered_json out;
        out["ok"] = !last_png->empty();
        out["error"] = result.error;
        out["width"] = image.width;
        out["height"] = image.height;
        out["milliseconds"] = result.milliseconds;
        out["pointer"] = reinterpret_cast<std::uintptr_t>(last_png->data());  // the bytes, in the heap
        out["size"] = last_png->size();
        return out.dump();
    });
    platform::register_api("exportSVG", [&workspace](std::string_view) {
        return ecomap::export_svg(workspace.export_document(), SvgOptions{});
    });
    platform::register_api("exportPDF", [&workspace](std::string_view argument) {  // {"paper": "a4"|"letter", "details"}
        const nlohmann::json options = nlohmann::json::parse(argument, nullptr, false);
        PdfOptions pdf;
        if (options.is_object()) {
            if (options.contains("paper")) {
                const nlohmann::json& paper = options["paper"];
                if (paper == "letter") pdf.paper = Paper::Letter;
                else if (paper != "a4") return std::string(R"({"ok":false,"error":"paper must be \"a4\" or \"letter\""})");
            }
            if (options.contains("details") && options["details"].is_boolean()) pdf.details = options["details"].get<bool>();
        }
        nlohmann::ordered_json out;
        out["ok"] = true;
        out["base64"] = base64_encode(ecomap::export_pdf(workspace.export_document(), pdf));
        return out.dump();
    });
    platform::register_api("shareCompact", [&workspace](std::string_view) {  // the page deflates it into #map=1.…
        return compact_map(workspace.export_document());                     // (names hidden when asked, as every export)
    });
    platform::register_api("exportCSV", [&workspace](std::string_view) {
        const Document document = workspace.export_document();
        nlohmann::ordered_json out;
        out["entities"] = export_csv_entities(document);
        out["relationships"] = export_csv_relationships(document);
        return out.dump();
    });
    // Live rooms (web/room-app.js): the page says who this person is in the room; the room's
    // changes arrive through the bridge's door with origin "room", and this person's leave
    // through platform::room_send.
    platform::register_api("roomBegin", [&shell, &workspace](std::string_view json) {  // {"role", "self", "keepMap"}
        const nlohmann::json in = nlohmann::json::parse(json, nullptr, false);
        if (!in.is_object()) return std::string("false");
        const std::string role = in.value("role", std::string());
        const RoomRole room_role = role == "facilitator"   ? RoomRole::Facilitator
                                   : role == "participant" ? RoomRole::Participant
                                   : role == "projector"   ? RoomRole::Projector
                                                           : RoomRole::None;
        if (room_role == RoomRole::None) return std::string("false");
        workspace.room_begin(room_role, in.value("self", std::string()), in.value("keepMap", false));
        const std::string title = in.value("title", std::string());  // the facilitator's room title names the map
        if (room_role == RoomRole::Facilitator && !title.empty() && title != workspace.history().document().meta.title)
            (void)workspace.history().apply(set_title(title));  // cannot be refused: the facilitator may change anything
        shell.redraw();
        return std::string("true");
    });
    platform::register_api("redraw", [&shell](std::string_view) {  // the page changed something the app shows
        shell.redraw();
        return std::string("true");
    });
    platform::register_api("roomEnd", [&shell, &workspace](std::string_view) {
        workspace.room_end();
        shell.redraw();
        return std::string("true");
    });
    platform::register_api("texts", [](std::string_view prefix) {  // {language, texts: {key: text}} of the keys starting with prefix
        nlohmann::ordered_json out;
        out["language"] = i18n::language();
        auto texts = nlohmann::ordered_json::object();
        for (const std::string& key : i18n::keys(i18n::kDefaultLanguage))
            if (key.starts_with(prefix)) texts[key] = i18n::text(i18n::language(), key);
        out["texts"] = std::move(texts);
        return out.dump();
    });
    platform::register_api("setLanguage", [&shell](std::string_view code) {  // the new code; "" when no such catalog
        if (!shell.services().set_language(code)) return std::string();
        shell.redraw();
        return i18n::language();
    });
    platform::register_api("language", [](std::string_view) { return i18n::language(); });
    platform::register_api("uiItems", [](std::string_view) { return ui::items_json(); });
    platform::register_api("state", [&workspace, &shell](std::string_view) {
        nlohmann::ordered_json out = nlohmann::ordered_json::parse(workspace.state_json(ImGui::GetIO().WantTextInput));
        out["dialogs"] = ui::open_dialogs(workspace.ui());  // bottom to top; Back closes the last
        out["preferences"] = {{"reducedMotion", workspace.ui().reduced_motion}, {"highContrast", workspace.ui().high_contrast}};
        out["fonts"] = {{"allGlyphs", shell.fonts().all_glyphs}};  // false: the first-load glyphs only (ui/fonts.hpp)
        return out.dump();
    });
    // The page's media preferences: {"reducedMotion", "highContrast"} (matchMedia, and again on every change).
    platform::register_api("preferences", [&shell, &ui_state](std::string_view json) {
        const nlohmann::json in = nlohmann::json::parse(json, nullptr, false);
        if (!in.is_object()) return std::string("false");
        ui_state.reduced_motion = in.value("reducedMotion", ui_state.reduced_motion);
        ui_state.high_contrast = in.value("highContrast", ui_state.high_contrast);
        shell.apply_preferences();
        return std::string("true");
    });
    platform::register_api("back", [&shell, &ui_state](std::string_view) {  // the browser's Back: the next frame closes the top dialog
        const bool open = !ui::open_dialogs(ui_state).empty();
        ui_state.back_requested = open;
        shell.redraw();
        return std::string(open ? "true" : "false");
    });
    platform::register_api("action", [&shell](std::string_view id) {
        ui::UiContext context = shell.context();
        const bool ok = ui::run_action(context, id);
        shell.redraw();
        return std::string(ok ? "true" : "false");
    });
    // Facilitator switches through the same actions as the buttons: "true" / "false"; "" toggles.
    const auto switch_api = [&shell, &ui_state](const char* name, const char* action, bool ui::UiState::*flag) {
        platform::register_api(name, [&shell, &ui_state, action, flag](std::string_view on) {
            const bool want = on.empty() ? !(ui_state.*flag) : (on == "true" || on == "1");
            if (ui_state.*flag != want) {
                ui::UiContext context = shell.context();
                ui::run_action(context, action);
            }
            shell.redraw();
            return std::string(ui_state.*flag ? "true" : "false");
        });
    };
    switch_api("present", "present", &ui::UiState::presenting);
    switch_api("hideNames", "hide-names", &ui::UiState::hide_names);
    switch_api("voteMode", "vote-mode", &ui::UiState::vote_mode);
    platform::register_api("captureText", [&shell](std::string_view) {  // the next frame records its text
        ui::request_text_capture();
        shell.redraw();
        return std::string("true");
    });
    platform::register_api("capturedText", [](std::string_view) { return ui::captured_text(); });
    platform::register_api("showMessage", [&shell, &ui_state](std::string_view json) {  // {"title", "message", "error"}: a page notice
        const nlohmann::json in = nlohmann::json::parse(json, nullptr, false);
        if (!in.is_object()) return std::string("false");
        ui_state.message = ui::MessageDialog{in.value("title", std::string(i18n::tr("app.notice"))), in.value("message", std::string()),
                                             {}, in.value("error", false)};
        shell.redraw();
        return std::string("true");
    });
}

}  // namespace ecomap::app
