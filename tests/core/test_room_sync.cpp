// Live rooms in the core: RoomLink between people's maps and the room's stores, undo of
// one's own edits only, what a participant may change, records that wait for what they
// point at. A tiny in-memory room stands in for the room service: every patch a person
// sends reaches everyone else.
#include <catch2/catch.hpp>

#include <memory>
#include <tuple>
#include <nlohmann/json.hpp>

#include "core/commands.hpp"
#include "core/framework.hpp"
#include "core/invariants.hpp"
#include "edit_test_support.hpp"

#include "core/room_sync.hpp"

using namespace ecomap;
using ecomap::test::counting_clock;

namespace {

struct Person {
    History history{new_document(default_framework(), test::kCreated), counting_clock()};
    RoomLink link;
    Person(RoomRole role, const std::string& self) {
        link.begin(role, self);
        history.set_guard([this](const Document& d, const Change& c) { return link.guard(d, c); });
    }
    const Document& map() const { return history.document(); }
    const Entity* find(const std::string& id) const {
        for (const Entity& e : map().entities)
            if (e.id == id) return &e;
        return nullptr;
    }
};

struct Room {
    std::vector<std::unique_ptr<Person>> people;
    Person& join(RoomRole role, const std::string& self) {
        people.push_back(std::make_unique<Person>(role, self));
        Person& person = *people.back();
        (void)person.link.outgoing(person.map());  // what the map held before the room (the facilitator's start)
        return person;
    }
    // Sends what `from` changed to everyone else (like the room service), then lets them read it.
    void sync(Person& from) {
        const std::string patch = from.link.outgoing(from.map());
        if (patch.empty()) return;
        for (auto& other : people) {
            if (other.get() == &from) continue;
            const std::string own = other->link.outgoing(other->map());  // the room door flushes first
            INFO(own);
            REQUIRE(own.empty());
            RoomIncoming in = other->link.incoming(patch, other->map());
            REQUIRE(in.ok);
            REQUIRE(other->history.apply_remote(in.change));
        }
    }
};

// A room with a facilitator and two participants, Ana and Ben.
struct Workshop : Room {
    Person& facilitator = join(RoomRole::Facilitator, "facilitator");
    Person& ana = join(RoomRole::Participant, "a1a1a1a1a1a1a1a1");
    Person& ben = join(RoomRole::Participant, "b2b2b2b2b2b2b2b2");
};

std::string add_person_with_role(Person& person, const std::string& name, const std::string& role) {
    ApplyResult added = person.history.apply(add_entity(EntityKind::Person, name));
    REQUIRE(added);
    ApplyResult placed = person.history.apply(place_entity({.entity = added.created_id, .role = role, .strength = Strength::Primary, .energy = Energy::Unspecified, .context = "", .position = std::nullopt}));
    REQUIRE(placed);
    return added.created_id;
}

// "<owner>~<id>" (built by appending: GCC 12 warns wrongly about operator+ on literals here)
std::string tagged(std::string owner, const std::string& id) {
    owner += '~';
    owner += id;
    return owner;
}

}  // namespace

TEST_CASE("a participant's entries reach the facilitator under the participant's tag", "[room]") {
    Workshop room;
    auto [facilitator, ana, ben] = std::tie(room.facilitator, room.ana, room.ben);
    const std::string ana_id = add_person_with_role(ana, "Ana", "weavers");
    room.sync(ana);
    const std::string ben_id = add_person_with_role(ben, "Ben", "healers");
    room.sync(ben);
    CHECK(ana_id == ben_id);  // both phones number their records alike
    REQUIRE(facilitator.map().entities.size() == 2);
    const Entity* a = facilitator.find(tagged("a1a1a1a1a1a1a1a1", ana_id));
    const Entity* b = facilitator.find(tagged("b2b2b2b2b2b2b2b2", ben_id));
    REQUIRE(a != nullptr);
    REQUIRE(b != nullptr);
    CHECK(a->name == "Ana");
    CHECK(b->name == "Ben");
    REQUIRE(facilitator.map().placements.size() == 2);
    CHECK(facilitator.map().placements[0].entity.starts_with("a1a1a1a1a1a1a1a1~"));
    CHECK(check_invariants(facilitator.map()).empty());
    // Ana sees Ben's entry under his tag, and her own under its plain id.
    CHECK(ana.find(ana_id) != nullptr);
    CHECK(ana.find(tagged("b2b2b2b2b2b2b2b2", ben_id)) != nullptr);
    // Nothing goes back: what arrived is not sent again.
    CHECK(ana.link.outgoing(ana.map()).empty());
    CHECK(facilitator.link.outgoing(facilitator.map()).empty());
}

TEST_CASE("undo takes back only one's own edits, never someone else's entry", "[room]") {
    Workshop room;
    auto [facilitator, ana, ben] = std::tie(room.facilitator, room.ana, room.ben);
    const std::string ana_id = add_person_with_role(ana, "Ana", "weavers");
    room.sync(ana);
    add_person_with_role(ben, "Ben", "healers");
    room.sync(ben);
    REQUIRE(ana.map().entities.size() == 2);
    REQUIRE(ana.map().entities[0].id == ana_id);

    REQUIRE(ana.history.undo());  // her placement
    REQUIRE(ana.history.undo());  // her person
    CHECK(ana.find(ana_id) == nullptr);
    REQUIRE(ana.map().entities.size() == 1);
    CHECK(ana.map().entities[0].name == "Ben");
    CHECK(check_invariants(ana.map()).empty());
    room.sync(ana);
    REQUIRE(facilitator.map().entities.size() == 1);
    CHECK(facilitator.map().entities[0].name == "Ben");
    REQUIRE(ana.history.redo());
    REQUIRE(ana.history.redo());
    room.sync(ana);
    CHECK(facilitator.map().entities.size() == 2);
    CHECK(ben.map().entities.size() == 2);
    CHECK(check_invariants(ben.map()).empty());
}

TEST_CASE("a participant changes only their own entries; the facilitator removes anyone's", "[room]") {
    Workshop room;
    auto [facilitator, ana, ben] = std::tie(room.facilitator, room.ana, room.ben);
    const std::string ben_id = add_person_with_role(ben, "Ben", "healers");
    room.sync(ben);
    const std::string foreign = tagged("b2b2b2b2b2b2b2b2", ben_id);
    REQUIRE(ana.find(foreign) != nullptr);
    ApplyResult rename = ana.history.apply(rename_entity(foreign, "Not Ben"));
    CHECK_FALSE(rename.ok);
    CHECK(rename.error.find("only your own entries") != std::string::npos);
    CHECK_FALSE(ana.history.apply(remove_entity(foreign)).ok);
    CHECK_FALSE(ana.history.apply(set_title("Ana's room")).ok);
    CHECK(ana.link.outgoing(ana.map()).empty());

    Person& projector = room.join(RoomRole::Projector, "projector");
    CHECK_FALSE(projector.history.apply(add_entity(EntityKind::Person, "Eve")).ok);

    // The facilitator removes Ben's entry: it leaves Ben's store, and Ben's map.
    REQUIRE(facilitator.history.apply(remove_entity(foreign)));
    const nlohmann::json patch = nlohmann::json::parse(facilitator.link.outgoing(facilitator.map()));
    CHECK(patch["docs"]["b2b2b2b2b2b2b2b2"]["removed"]["entities"] == nlohmann::json::array({ben_id}));
    CHECK(patch["docs"]["b2b2b2b2b2b2b2b2"]["removed"]["placements"].size() == 1);
    for (auto& other : room.people) {
        if (other.get() == &facilitator) continue;
        RoomIncoming in = other->link.incoming(patch.dump(), other->map());
        REQUIRE(in.ok);
        REQUIRE(other->history.apply_remote(in.change));
    }
    CHECK(ben.map().entities.empty());
    CHECK(ben.map().placements.empty());
    // Ben's undo of his own "add" now finds nothing to take back, and nothing breaks.
    ben.history.undo();
    ben.history.undo();
    CHECK(ben.map().entities.empty());
    CHECK(check_invariants(ben.map()).empty());
}

TEST_CASE("the facilitator sets the room's title and values for everyone", "[room]") {
    Room room;
    Person& facilitator = room.join(RoomRole::Facilitator, "facilitator");
    Person& ana = room.join(RoomRole::Participant, "a1a1a1a1a1a1a1a1");
    REQUIRE(facilitator.history.apply(set_title("Tenants' union workshop")));
    REQUIRE(facilitator.history.apply(set_centre_values({"dignity", "housing for all"})));
    room.sync(facilitator);
    CHECK(ana.map().meta.title == "Tenants' union workshop");
    CHECK(ana.map().centre.values == std::vector<std::string>{"dignity", "housing for all"});
    CHECK_FALSE(ana.history.can_undo());  // someone else's edit is no undo step of hers
}

TEST_CASE("a record waits unseen until the record it points at arrives", "[room]") {
    Person facilitator(RoomRole::Facilitator, "facilitator");
    const std::string placement_first = R"({"docs": {"c3c3c3c3c3c3c3c3": {"set": {"placements": {
        "pl1": {"id": "pl1", "entity": "e1", "role": "weavers", "strength": "primary"}}}}}})";
    RoomIncoming first = facilitator.link.incoming(placement_first, facilitator.map());
    INFO(first.error);
    REQUIRE(first.ok);
    CHECK(first.waiting == 1);
    REQUIRE(facilitator.history.apply_remote(first.change));
    CHECK(facilitator.map().placements.empty());
    const std::string entity_next = R"({"docs": {"c3c3c3c3c3c3c3c3": {"set": {"entities": {
        "e1": {"id": "e1", "kind": "person", "name": "Cleo"}}}}}})";
    RoomIncoming next = facilitator.link.incoming(entity_next, facilitator.map());
    REQUIRE(next.ok);
    CHECK(next.waiting == 0);
    REQUIRE(facilitator.history.apply_remote(next.change));
    REQUIRE(facilitator.map().placements.size() == 1);
    CHECK(facilitator.map().placements[0].entity == "c3c3c3c3c3c3c3c3~e1");
    // A record whose key differs from its id, and text that is no patch, change nothing.
    RoomIncoming bad = facilitator.link.incoming(R"({"docs": {"x": {"set": {"entities": {"k": {"id": "other"}}}}}})",
                                                 facilitator.map());
    REQUIRE(bad.ok);
    CHECK(bad.change.empty());
    CHECK_FALSE(facilitator.link.incoming("not json", facilitator.map()).ok);
}
