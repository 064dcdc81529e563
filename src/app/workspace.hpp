// The workspace: the document history, the session and the panels' state, and the one
// door every map walks through when it arrives (file, drop, paste, autosave, link, API,
// merge; later rooms and share links): import -> report -> one undo step -> autosave.
// No SDL, GL, ImGui or Emscripten here: the shell (shell.hpp) feeds it bytes and time,
// and it talks back only through WorkspaceHost, so tests drive it natively.
#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/framework.hpp"
#include "core/history.hpp"
#include "core/room_sync.hpp"
#include "core/session.hpp"
#include "ui/ui_state.hpp"

namespace ecomap::app {

enum class Origin {
    File,      // picked with Open…
    Drop,      // dropped onto the window
    Paste,     // pasted JSON
    Autosave,  // the map this browser (or desktop) kept from the previous visit
    Url,       // ?map=<url> on the page
    Api,       // window.ecomap.loadMap / merge
    Recent,    // chosen in Recent maps
    Merge,     // participants' maps combined into the current one
    Room,      // other people's changes in a live room (a patch, core/room_sync.hpp): no undo step
    Link,      // a share link's map (its compact text, core/share_link.hpp), opened as a new map
};

struct Arrival {
    std::string name;                    // file name as the user knows it ("Pasted map" when none)
    std::string bytes;                   // the file's contents
};

struct OpenOutcome {
    bool ok = false;                     // the map was replaced (or merged into)
    std::string error;                   // one-line reason when not ok
    std::vector<std::string> warnings;   // what was repaired; for a merge, the report (first line: summary)
};

struct WorkspaceHost {                   // what the workspace asks of the place it runs
    Clock clock;                         // "now" as ISO 8601 UTC
    std::function<void(std::string_view text, std::string_view summary_json)> store;  // keep the map (autosave)
    std::function<void()> begin_map;     // the map is being replaced: the old one stays in Recent maps, saves go elsewhere
    std::function<void(std::string_view reason)> keep_aside;  // the kept map cannot be read: keep it, never overwrite
    std::function<void(std::string_view patch)> room_send;     // a live room: this person's changes for the others
};

class Workspace {
public:
    explicit Workspace(WorkspaceHost host);  // starts with a new, empty map

    // The door: import every file, tell the user (dialog unless `quiet`), apply as one undo
    // step ("Open <name>", "Merge <n> maps"), autosave. Autosave arrivals replace the map
    // without an undo step. On error the current map stays as it is.
    OpenOutcome open(Origin origin, std::vector<Arrival> files, bool quiet = false);
    OpenOutcome open(Origin origin, std::string_view name, std::string_view bytes, bool quiet = false);  // one file
    void follow_language();  // the map's wording follows the interface's language: the untouched start-up map is made again, another map gets set_language (one undo step); not in a live room
    void new_map(const Framework& framework = default_framework());  // a fresh map as one undo step ("New map"); the old one stays in Recent maps

    // Live rooms. begin: the facilitator who starts a room keeps the current map (it is what
    // the room starts from); everyone else, and anyone coming back to a room, starts from an
    // empty map that the room fills (the previous map stays in Recent maps). The undo history
    // starts anew; edits are sent to the room by tick(), others' arrive through the door
    // (Origin::Room). While in a room, opening another map is refused. end: the map stays,
    // an ordinary map again.
    void room_begin(RoomRole role, std::string self, bool keep_map);
    void room_end();
    const RoomLink& room() const { return room_; }

    bool tick(double now_seconds);       // notes changes, autosaves when due; true when the document changed
    void flush();                        // autosave now if anything is unsaved
    void mark_saved() { saved_revision_ = history_.revision(); }  // the current map needs no autosave
    std::string summary_json() const;    // {"title", "entities"} of the current map, for Recent maps

    History& history() { return history_; }            // the document and its undo stack
    const History& history() const { return history_; }
    Session& session() { return session_; }            // selection, hover, camera, drag
    const Session& session() const { return session_; }
    ui::UiState& ui() { return ui_state_; }             // dialogs, status line, modes
    const ui::UiState& ui() const { return ui_state_; }
    std::string now_iso() const { return host_.clock ? host_.clock() : std::string(); }  // current time
    Document export_document() const;    // the document as exports show it (names hidden when asked)
    std::string base_file_name() const;  // file name from the map's title, without extension
    std::string state_json(bool typing) const;  // window.ecomap.state()

    static constexpr double kAutosaveDelaySeconds = 0.5;    // after the last change; "within a second"
    static constexpr double kAutosaveMaxWaitSeconds = 0.7;  // after the first unsaved change, even while typing on
    static constexpr double kRoomSendSeconds = 0.15;        // a live room: edits go out at most this often

private:
    OpenOutcome open_one(Origin origin, const Arrival& file, bool quiet);
    OpenOutcome merge(std::vector<Arrival> files, bool quiet);
    void replace(Document document, const std::string& label);  // old map kept, new one applied as one step
    void report(const OpenOutcome& outcome, Origin origin, const std::string& name);  // dialog + status
    void store_now();
    OpenOutcome room_receive(const Arrival& patch);  // Origin::Room
    void room_send_now();                            // this person's edits since the last send

    WorkspaceHost host_;
    History history_;
    Session session_;
    ui::UiState ui_state_;
    std::uint64_t saved_revision_ = 0;   // revision last written to autosave
    std::uint64_t seen_revision_ = 0;    // revision last seen by tick()
    double last_change_seconds_ = 0;     // when the revision last changed
    std::optional<double> first_unsaved_seconds_;  // when tick() first saw a change not yet saved
    double now_seconds_ = 0;             // time of the last tick()
    std::optional<std::string> pinned_now_;  // History's clock while a replaced map keeps its own `modified`
    RoomLink room_;                      // the live room this map is shared in, if any
    std::uint64_t room_sent_revision_ = 0;  // revision last sent to (or received from) the room
    double room_sent_seconds_ = -1;      // when edits were last sent
};

std::string outcome_json(const OpenOutcome& outcome, Origin origin);  // {ok, errors, warnings | report (merge)}
const char* origin_name(Origin origin);  // "file", "drop", ... (API and messages)
bool origin_from_name(std::string_view name, Origin& origin);  // the reverse; false for an unknown name

}  // namespace ecomap::app
