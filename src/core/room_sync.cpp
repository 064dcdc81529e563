// ecomap core: one person's map in a live workshop room (see room_sync.hpp).
#include "core/room_sync.hpp"

#include "core/io_json.hpp"

namespace ecomap {
namespace {

constexpr const char* kCollections[] = {"entities", "placements", "relationships"};
constexpr const char* kRoomFields[] = {"title", "centre", "framework", "reflections", "votes"};
constexpr std::string_view kFacilitatorTag = "f";

// The fields of a record that hold the id of another record.
std::vector<const char*> reference_fields(std::string_view collection) {
    if (collection == "placements") return {"entity"};
    if (collection == "relationships") return {"from", "to"};
    return {};
}

std::string tag_of(const std::string& owner) { return owner == kFacilitatorOwner ? std::string(kFacilitatorTag) : owner; }
std::string owner_of_tag(std::string_view tag) { return tag == kFacilitatorTag ? std::string(kFacilitatorOwner) : std::string(tag); }

// The room fields as the map file holds them.
nlohmann::json room_field(const nlohmann::json& file, std::string_view field) {
    if (field == "title") return file.contains("meta") ? file["meta"].value("title", std::string()) : std::string();
    const std::string key(field);
    return file.contains(key) ? file[key] : nlohmann::json();
}

void set_room_field(nlohmann::json& file, std::string_view field, const nlohmann::json& value) {
    if (field == "title") file["meta"]["title"] = value;
    else file[std::string(field)] = value;
}

}  // namespace

void RoomLink::begin(RoomRole role, std::string self) {
    role_ = role;
    self_ = std::move(self);
    stores_ = nlohmann::json::object();
    room_ = nlohmann::json::object();
    shown_.clear();
}

void RoomLink::end() { begin(RoomRole::None, {}); }

std::string RoomLink::local_id(const std::string& owner, const std::string& key) const {
    return owner == self_ ? key : tag_of(owner) + "~" + key;
}

std::pair<std::string, std::string> RoomLink::owner_of(const std::string& id) const {
    const std::size_t tilde = id.find('~');
    if (tilde == std::string::npos) return {self_, id};
    return {owner_of_tag(std::string_view(id).substr(0, tilde)), id.substr(tilde + 1)};
}

bool RoomLink::may_write(const std::string& owner) const {
    switch (role_) {
        case RoomRole::Facilitator: return true;
        case RoomRole::Participant: return owner == self_;
        default: return false;
    }
}

// A record of the map as its owner's store keeps it: its own key, references local to the owner.
nlohmann::json RoomLink::to_store(const nlohmann::json& record, const std::string& collection, const std::string& owner) const {
    nlohmann::json out = record;
    out["id"] = owner_of(record.value("id", std::string())).second;
    for (const char* field : reference_fields(collection)) {
        if (!out.contains(field) || !out[field].is_string()) continue;
        const auto [ref_owner, ref_key] = owner_of(out[field].get<std::string>());
        out[field] = ref_owner == owner ? ref_key : tag_of(ref_owner) + "~" + ref_key;
    }
    return out;
}

// A record of `owner`'s store as this person's map holds it.
nlohmann::json RoomLink::to_map(const nlohmann::json& record, const std::string& collection, const std::string& owner) const {
    nlohmann::json out = record;
    out["id"] = local_id(owner, record.value("id", std::string()));
    for (const char* field : reference_fields(collection)) {
        if (!out.contains(field) || !out[field].is_string()) continue;
        const std::string ref = out[field].get<std::string>();
        const std::size_t tilde = ref.find('~');
        out[field] = tilde == std::string::npos ? local_id(owner, ref)
                                                : local_id(owner_of_tag(std::string_view(ref).substr(0, tilde)), ref.substr(tilde + 1));
    }
    return out;
}

std::string RoomLink::outgoing(const Document& document) {
    if (role_ == RoomRole::None || role_ == RoomRole::Projector) return {};
    const nlohmann::json file = nlohmann::json::parse(export_json(document));
    nlohmann::json docs = nlohmann::json::object();
    std::set<std::tuple<std::string, std::string, std::string>> present;
    for (const char* collection : kCollections) {
        for (const nlohmann::json& record : file[collection]) {
            const auto [owner, key] = owner_of(record.value("id", std::string()));
            if (!may_write(owner)) continue;
            present.emplace(owner, collection, key);
            nlohmann::json stored = to_store(record, collection, owner);
            nlohmann::json& slot = stores_[owner][collection][key];
            if (slot == stored) continue;
            slot = stored;
            docs[owner]["set"][collection][key] = std::move(stored);
        }
    }
    for (auto it = shown_.begin(); it != shown_.end();) {
        const auto& [owner, collection, key] = *it;
        if (!may_write(owner) || present.contains(*it)) { ++it; continue; }
        docs[owner]["removed"][collection].push_back(key);
        stores_[owner][collection].erase(key);
        it = shown_.erase(it);
    }
    shown_.insert(present.begin(), present.end());
    nlohmann::json room = nlohmann::json::object();
    if (role_ == RoomRole::Facilitator) {
        for (const char* field : kRoomFields) {
            nlohmann::json value = room_field(file, field);
            if (room_.contains(field) && room_[field] == value) continue;
            room_[field] = value;
            room[field] = std::move(value);
        }
    }
    if (docs.empty() && room.empty()) return {};
    nlohmann::json patch = nlohmann::json::object();
    if (!docs.empty()) patch["docs"] = std::move(docs);
    if (!room.empty()) patch["room"] = std::move(room);
    return patch.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

RoomIncoming RoomLink::incoming(std::string_view patch_json, const Document& document) {
    RoomIncoming result;
    const nlohmann::json patch = nlohmann::json::parse(patch_json, nullptr, false);
    if (!patch.is_object()) {
        result.error = "the room sent something that is not a change";
        return result;
    }
    if (patch.contains("docs") && patch["docs"].is_object()) {
        for (const auto& [owner, changes] : patch["docs"].items()) {
            if (!changes.is_object() || owner.empty()) continue;
            for (const char* collection : kCollections) {
                if (changes.contains("set") && changes["set"].contains(collection) && changes["set"][collection].is_object())
                    for (const auto& [key, record] : changes["set"][collection].items())
                        if (record.is_object() && record.value("id", std::string()) == key) stores_[owner][collection][key] = record;
                if (changes.contains("removed") && changes["removed"].contains(collection) && changes["removed"][collection].is_array())
                    for (const nlohmann::json& key : changes["removed"][collection])
                        if (key.is_string() && stores_.contains(owner) && stores_[owner].contains(collection))
                            stores_[owner][collection].erase(key.get<std::string>());
            }
        }
    }
    if (patch.contains("room") && patch["room"].is_object())
        for (const char* field : kRoomFields)
            if (patch["room"].contains(field)) room_[field] = patch["room"][field];

    // The room as one map file, read through the import door.
    nlohmann::json file = nlohmann::json::parse(export_json(document));
    for (const char* field : kRoomFields)
        if (room_.contains(field) && !room_[field].is_null()) set_room_field(file, field, room_[field]);
    for (const char* collection : kCollections) file[collection] = nlohmann::json::array();
    std::size_t total = 0;
    for (const auto& [owner, collections] : stores_.items()) {
        for (const char* collection : kCollections) {
            if (!collections.contains(collection)) continue;
            for (const auto& [key, record] : collections[collection].items()) {
                file[collection].push_back(to_map(record, collection, owner));
                ++total;
            }
        }
    }
    const auto read = [&] { return import_document(file.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)); };
    ImportResult imported = read();
    if (!imported.ok() && imported.error && imported.error->code == ImportErrorCode::NothingUsable) {
        for (const char* collection : kCollections) file[collection] = nlohmann::json::array();  // all of it waits
        imported = read();
    }
    if (!imported.ok()) {
        result.error = imported.error ? imported.error->message : "the room could not be read";
        return result;
    }
    shown_.clear();
    std::size_t shown = 0;
    for_each_record_type([&](auto type) {
        using Record = typename decltype(type)::type;
        for (const Record& record : records_of<Record>(*imported.document)) {
            const auto [owner, key] = owner_of(record.id);
            shown_.emplace(owner, std::string(RecordTable<Record>::name), key);
            ++shown;
        }
    });
    result.ok = true;
    result.waiting = total > shown ? total - shown : 0;
    result.change = diff_documents(document, *imported.document);
    return result;
}

std::string RoomLink::guard(const Document& document, const Change& change) const {
    (void)document;
    if (role_ == RoomRole::None || role_ == RoomRole::Facilitator) return {};
    if (role_ == RoomRole::Projector) return "The projector shows the room; it cannot change it.";
    std::string error;
    for_each_record_type([&](auto type) {
        using Record = typename decltype(type)::type;
        for (const RecordStep<Record>& step : steps_of<Record>(change)) {
            const std::string& id = step.before ? step.before->id : step.after->id;
            if (error.empty() && owner_of(id).first != self_)
                error = "In a room you can change only your own entries; the facilitator can change the others.";
        }
    });
    if (!error.empty()) return error;
    const bool title_changed = change.meta && change.meta->before.title != change.meta->after.title;
    if (title_changed || change.centre || change.framework || change.votes || !change.reflections.empty())
        return "In a room the facilitator sets the title, the values and the roles.";
    return {};
}

}  // namespace ecomap
