// The workspace's door (src/app/workspace.hpp), natively: every arrival is imported,
// reported, applied as one undo step and autosaved; a refused file keeps the map; an
// unreadable autosave is kept aside; the previous map is saved before it is replaced.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "../core/fixtures.hpp"
#include "app/workspace.hpp"
#include "core/commands.hpp"
#include "core/io_json.hpp"

using namespace ecomap;
using namespace ecomap::app;

namespace {

struct Recorder {                        // what the workspace asked of its host, in order
    std::vector<std::string> calls;      // "store:<title>", "begin", "aside:<reason>"
    WorkspaceHost host() {
        WorkspaceHost host;
        host.clock = [] { return std::string("2026-11-28T09:00:00Z"); };
        host.store = [this](std::string_view text, std::string_view) {
            const ImportResult result = import_document(text);
            calls.push_back("store:" + (result.ok() ? result.document->meta.title : std::string("?")));
        };
        host.begin_map = [this] { calls.push_back("begin"); };
        host.keep_aside = [this](std::string_view reason) { calls.push_back("aside:" + std::string(reason)); };
        return host;
    }
};

std::string workshop() { return ecomap::testing::read_fixture("v1/workshop.json"); }

struct Fresh {                           // a workspace and what it asked of its host
    Recorder recorder;
    Workspace workspace{recorder.host()};
};

}  // namespace

TEST_CASE_METHOD(Fresh, "Opening a file over a map is one undo step that brings the previous map back") {
    const Document before = workspace.history().document();
    const OpenOutcome outcome = workspace.open(Origin::File, "workshop.json", workshop());
    REQUIRE(outcome.ok);
    CHECK(workspace.history().document().entities.size() == 4);
    CHECK(workspace.history().undo_label() == "Open Eastside coalition retreat");
    CHECK(workspace.ui().status.find("workshop.json") != std::string::npos);
    REQUIRE(workspace.history().undo());
    CHECK(workspace.history().document() == before);
    CHECK(workspace.history().redo());
    CHECK(workspace.history().document().entities.size() == 4);
}

TEST_CASE_METHOD(Fresh, "A refused file keeps the map and history and tells the user why") {
    REQUIRE(workspace.open(Origin::Api, "a", workshop(), true).ok);
    const Document kept = workspace.history().document();
    const std::size_t depth = workspace.history().undo_depth();
    const std::string text = workshop();
    const OpenOutcome outcome = workspace.open(Origin::Drop, "broken.json", text.substr(0, text.size() / 2));
    CHECK_FALSE(outcome.ok);
    CHECK_FALSE(outcome.error.empty());
    CHECK(workspace.history().document() == kept);
    CHECK(workspace.history().undo_depth() == depth);
    REQUIRE(workspace.ui().message);
    CHECK(workspace.ui().message->is_error);
    CHECK(workspace.ui().message->message.find("broken.json") != std::string::npos);
}

TEST_CASE_METHOD(Fresh, "API arrivals return the outcome without a dialog") {
    const OpenOutcome outcome = workspace.open(Origin::Api, "loadMap", "garbage", true);
    CHECK_FALSE(outcome.ok);
    CHECK_FALSE(workspace.ui().message.has_value());
    CHECK(outcome_json(outcome, Origin::Api).find("\"ok\":false") != std::string::npos);
}

TEST_CASE_METHOD(Fresh, "The edited map is saved before it is replaced, then the new one is saved in a new slot") {
    REQUIRE(workspace.open(Origin::Api, "first", workshop(), true).ok);
    recorder.calls.clear();
    REQUIRE(workspace.open(Origin::File, "second", workshop()).ok);
    // Nothing was edited since the first was stored: no extra store before "begin".
    REQUIRE(recorder.calls.size() == 2);
    CHECK(recorder.calls[0] == "begin");
    CHECK(recorder.calls[1].rfind("store:", 0) == 0);
    workspace.new_map();
    CHECK(recorder.calls.back() == "store:Untitled map");
    CHECK(workspace.history().undo_label() == "New map");
}

TEST_CASE_METHOD(Fresh, "A restored autosave is not an undo step; an unreadable one is kept aside and the map starts empty") {
    REQUIRE(workspace.open(Origin::Autosave, "autosave", workshop()).ok);
    CHECK_FALSE(workspace.history().can_undo());
    CHECK(recorder.calls.empty());  // nothing to save: it is what was saved
    CHECK_FALSE(workspace.tick(10.0));

    Recorder second;
    Workspace fresh(second.host());
    const OpenOutcome outcome = fresh.open(Origin::Autosave, "autosave", R"({"format":"ecomap","formatVersion":99})");
    CHECK_FALSE(outcome.ok);
    REQUIRE(second.calls.size() == 1);
    CHECK(second.calls[0].rfind("aside:", 0) == 0);
    CHECK(fresh.history().document().entities.empty());
    REQUIRE(fresh.ui().message);
    CHECK(fresh.ui().message->message.find("kept aside") != std::string::npos);
}

TEST_CASE_METHOD(Fresh, "Merging goes through the same door as one undo step with a report") {
    std::vector<Arrival> files = {{"a.json", workshop()}, {"b.json", "not a map"}};
    const OpenOutcome outcome = workspace.open(Origin::Merge, std::move(files));
    REQUIRE(outcome.ok);
    CHECK(outcome.warnings.front().find("maps merged") != std::string::npos);
    bool told = false;
    for (const std::string& line : outcome.warnings) told = told || line.find("b.json: not merged") != std::string::npos;
    CHECK(told);
    CHECK(workspace.history().undo_depth() == 1);
    CHECK(workspace.history().document().entities.size() == 4);
    CHECK(outcome_json(outcome, Origin::Merge).find("\"report\"") != std::string::npos);
}

TEST_CASE_METHOD(Fresh, "Edits are autosaved half a second after the last change") {
    REQUIRE(workspace.open(Origin::Api, "a", workshop(), true).ok);
    recorder.calls.clear();
    workspace.history().undo();
    CHECK(workspace.tick(1.0));
    CHECK(recorder.calls.empty());
    CHECK_FALSE(workspace.tick(1.2));
    CHECK(recorder.calls.empty());
    workspace.tick(1.6);
    CHECK(recorder.calls.size() == 1);
}

TEST_CASE_METHOD(Fresh, "Someone typing without a pause still has the map saved within a second") {
    REQUIRE(workspace.open(Origin::Api, "a", workshop(), true).ok);
    recorder.calls.clear();
    const std::string id = workspace.history().document().entities.front().id;
    std::string name;
    for (int key = 0; key < 10; ++key) {  // one key every 0.3 s: never a 0.5 s pause
        name += static_cast<char>('a' + key);
        REQUIRE(workspace.history().apply(rename_entity(id, name)).ok);
        workspace.tick(1.0 + 0.3 * key);
    }
    REQUIRE_FALSE(recorder.calls.empty());  // saved 0.7 s after the first key, while typing went on
    CHECK(recorder.calls.front().rfind("store:", 0) == 0);
}

TEST_CASE("in a live room, edits go out, others' arrive through the door without an undo step", "[workspace][room]") {
    std::vector<std::string> sent;
    Recorder recorder;
    WorkspaceHost host = recorder.host();
    host.room_send = [&sent](std::string_view patch) { sent.emplace_back(patch); };
    Workspace phone(std::move(host));
    REQUIRE(phone.open(Origin::Api, "workshop.json", workshop(), true).ok);
    phone.room_begin(RoomRole::Participant, "a1a1a1a1a1a1a1a1", false);
    CHECK(phone.history().document().entities.empty());  // the room fills a fresh map; the workshop stays in Recent maps
    CHECK_FALSE(phone.history().can_undo());

    ApplyResult added = phone.history().apply(add_entity(EntityKind::Person, "Ana"));
    REQUIRE(added);
    phone.tick(1.0);
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].find("\"a1a1a1a1a1a1a1a1\"") != std::string::npos);
    CHECK(sent[0].find("\"Ana\"") != std::string::npos);

    const std::string from_ben = R"({"docs": {"b2b2b2b2b2b2b2b2": {"set": {"entities": {
        "p1": {"id": "p1", "kind": "person", "name": "Ben"}}}}}})";
    const OpenOutcome received = phone.open(Origin::Room, "room", from_ben, true);
    REQUIRE(received.ok);
    CHECK(phone.history().document().entities.size() == 2);
    CHECK(phone.history().undo_label() == "Add person");  // Ben's entry is no undo step of hers
    REQUIRE(phone.history().undo());
    REQUIRE(phone.history().document().entities.size() == 1);
    CHECK(phone.history().document().entities[0].name == "Ben");
    phone.tick(2.0);
    REQUIRE(sent.size() == 2);
    CHECK(sent[1].find("\"removed\"") != std::string::npos);

    // Other maps cannot replace the room's map; after leaving, they can.
    CHECK_FALSE(phone.open(Origin::Api, "workshop.json", workshop(), true).ok);
    CHECK_FALSE(phone.open(Origin::Room, "room", "{not json", true).ok);
    CHECK(phone.history().document().entities.size() == 1);
    phone.room_end();
    CHECK(phone.open(Origin::Api, "workshop.json", workshop(), true).ok);
}
