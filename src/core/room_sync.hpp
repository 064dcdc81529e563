// ecomap core: one person's map in a live workshop room.
//
// A room keeps one record store per person (the room service's documents: the
// facilitator's and one per participant; docs/rooms.md). Each store holds the file
// format's records keyed by id, with ids local to their owner: two phones both have a
// "p1". RoomLink turns that into the one map a person sees and back:
// - in the map, the records of others carry their owner in their id, "<tag>~<key>" (tag:
//   "f" for the facilitator, else the participant id), references rewritten the same way;
//   this person's own records keep their plain ids;
// - outgoing(document): what this person changed since the last call, as a patch of the
//   stores they may write (a participant: their own; the facilitator: every store and the
//   room's title, values, framework, reflections and votes; the projector: nothing);
// - incoming(patch, document): someone else's changes; the whole room is read again
//   through import_document (the one import door: limits, repairs, checks) and the
//   result is the Change that takes this person's map there (History::apply_remote).
//   A record that points at one not arrived yet waits, unseen, until it comes.
// - guard(): what a person may change in the map (History::set_guard).
//
// Patch (JSON, both directions):
//   {"docs": {"<owner>": {"set": {"entities": {"<key>": record, ...}, "placements": ..., "relationships": ...},
//                         "removed": {"entities": ["<key>", ...], ...}}, ...},
//    "room": {"title": text, "centre": {...}, "framework": {...}, "reflections": {...}, "votes": {...}}}
// <owner> is "facilitator" or a participant id; records are the file format's (README).
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>

#include <nlohmann/json.hpp>

#include "core/history.hpp"

namespace ecomap {

enum class RoomRole { None, Facilitator, Participant, Projector };

inline constexpr std::string_view kFacilitatorOwner = "facilitator";  // the facilitator's store

struct RoomIncoming {
    bool ok = false;           // the room could be read (else the map stays as it is)
    std::string error;         // why not
    Change change;             // takes the map to what the room now holds
    std::size_t waiting = 0;   // records not shown yet (what they point at has not arrived)
};

class RoomLink {
public:
    void begin(RoomRole role, std::string self);  // self: "facilitator" or this participant's id
    void end();                                   // back to an ordinary map
    bool active() const { return role_ != RoomRole::None; }
    RoomRole role() const { return role_; }
    const std::string& self() const { return self_; }

    std::string outgoing(const Document& document);                        // patch JSON, "" when nothing to send
    RoomIncoming incoming(std::string_view patch_json, const Document& document);
    std::string guard(const Document& document, const Change& change) const;  // "" when allowed, else why not

    std::string local_id(const std::string& owner, const std::string& key) const;  // id of a record in this person's map
    std::pair<std::string, std::string> owner_of(const std::string& id) const;     // {owner, key} of an id in the map

private:
    bool may_write(const std::string& owner) const;
    nlohmann::json to_store(const nlohmann::json& record, const std::string& collection, const std::string& owner) const;
    nlohmann::json to_map(const nlohmann::json& record, const std::string& collection, const std::string& owner) const;

    RoomRole role_ = RoomRole::None;
    std::string self_;
    nlohmann::json stores_ = nlohmann::json::object();  // owner -> collection -> key -> record (owner-local ids)
    nlohmann::json room_ = nlohmann::json::object();    // the room's title, centre, framework, reflections, votes
    std::set<std::tuple<std::string, std::string, std::string>> shown_;  // (owner, collection, key) in the map
};

}  // namespace ecomap
