// ecomap core: combining participants' maps into one group map (rules in merge.hpp).
#include "core/merge.hpp"

#include <algorithm>
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "core/commands.hpp"
#include "core/document_size.hpp"
#include "core/io_json.hpp"
#include "core/limits.hpp"
#include "core/utf8.hpp"

namespace ecomap {

namespace {

std::string key_of(std::initializer_list<std::string_view> parts) {
    std::string key;
    for (std::string_view part : parts) {
        key += part;
        key += '\x1f';
    }
    return key;
}

// `wanted` when unused, else "<wanted>-<n>" with the smallest unused n >= 2 (`wanted`
// shortened when needed to keep ids within kMaxIdLength); marks it used.
std::string claim_id(const std::string& wanted, std::unordered_set<std::string>& used) {
    std::string id = wanted;
    for (int n = 2; used.count(id) != 0; ++n) {
        const std::string suffix = "-" + std::to_string(n);
        const std::size_t room = kMaxIdLength - std::min(kMaxIdLength, suffix.size());
        id = text::truncate_code_points(wanted, room) + suffix;
    }
    used.insert(id);
    return id;
}

void append_source(std::string& source, const std::string& label) {
    std::size_t from = 0;
    while (from <= source.size()) {
        const std::size_t comma = std::min(source.find(", ", from), source.size());
        if (std::string_view(source).substr(from, comma - from) == label) return;
        from = comma + 2;
    }
    source += source.empty() ? label : ", " + label;
}

class Merger {
public:
    explicit Merger(const Document& base) : doc_(base) {
        for (std::size_t i = 0; i < doc_.entities.size(); ++i) index_entity(i);
        for (const Placement& p : doc_.placements) {
            placement_ids_.insert(p.id);
            placement_keys_.insert(key_of({p.entity, p.role, text::folded(p.context)}));
        }
        for (const Relationship& r : doc_.relationships) {
            relationship_ids_.insert(r.id);
            relationship_keys_.insert(key_of({r.from, r.to, r.kind}));
        }
        for (const Role& role : doc_.framework.roles) role_ids_.insert(role.id);
        for (const std::string& value : doc_.centre.values) values_.insert(text::folded(value));
    }

    void add(const NamedDocument& participant) {
        ++report_.participants;
        const Document& p = participant.document;
        const std::string label = claim_label(participant);
        if (p.framework.id != doc_.framework.id)
            warn(label + ": made with framework \"" + p.framework.id + "\", not \"" +
                                       doc_.framework.id + "\"; placements on other roles are dropped");
        std::unordered_map<std::string, std::string> id_map;  // participant entity id -> group entity id
        for (const Entity& e : p.entities) id_map[e.id] = add_entity(e, label);
        add_placements(p, label, id_map);
        add_relationships(p, label, id_map);
        add_centre(p.centre);
        add_votes(p.votes, label);
        for (const auto& [prompt, answer] : p.reflections) {
            if (answer.empty()) continue;
            std::string& group_text = doc_.reflections[prompt];
            if (!group_text.empty()) group_text += "\n\n";
            group_text += label + ": " + answer;
            fit(group_text, kMaxTextLength, "the answers to \"" + prompt + "\"");
        }
    }

    MergeResult finish() && {
        if (warnings_left_out_ > 0)
            report_.warnings.push_back("... and " + std::to_string(warnings_left_out_) + " more warnings of the same kinds");
        return {std::move(doc_), std::move(report_)};
    }

private:
    // Keeps the first kMaxWarnings warnings and counts the rest.
    void warn(std::string warning) {
        if (report_.warnings.size() < kMaxWarnings) report_.warnings.push_back(std::move(warning));
        else ++warnings_left_out_;
    }

    // Cuts `value` to `max` characters, with a warning naming `what`, when joining made it too long.
    void fit(std::string& value, std::size_t max, const std::string& what) {
        if (text::code_point_count(value) <= max) return;
        value = text::truncate_code_points(value, max);
        warn(what + " were cut to " + std::to_string(max) + " characters");
    }

    void index_entity(std::size_t index) {
        const Entity& e = doc_.entities[index];
        entity_ids_.insert(e.id);
        entity_index_.emplace(e.id, index);
        if (e.kind != EntityKind::Person && !text::folded(e.name).empty())
            named_groups_.emplace(key_of({to_string(e.kind), text::folded(e.name)}), index);
    }

    std::string claim_label(const NamedDocument& participant) {
        std::string label = !participant.document.meta.title.empty() ? participant.document.meta.title
                            : !participant.name.empty()              ? participant.name
                                                                     : "participant " + std::to_string(report_.participants);
        std::string unique = label;
        for (int n = 2; labels_.count(unique) != 0; ++n) unique = label + " (" + std::to_string(n) + ")";
        labels_.insert(unique);
        return unique;
    }

    std::optional<std::size_t> same_entity(const Entity& e) const {
        const std::string name = text::folded(e.name);
        if (name.empty()) return std::nullopt;
        if (const auto it = entity_index_.find(e.id); it != entity_index_.end()) {
            const Entity& existing = doc_.entities[it->second];
            if (existing.kind == e.kind && text::folded(existing.name) == name) return it->second;
        }
        if (e.kind == EntityKind::Person) return std::nullopt;
        if (const auto it = named_groups_.find(key_of({to_string(e.kind), name})); it != named_groups_.end())
            return it->second;
        return std::nullopt;
    }

    // Adds or merges one entity; returns its id in the group map.
    std::string add_entity(const Entity& e, const std::string& label) {
        if (const auto index = same_entity(e)) {
            Entity& target = doc_.entities[*index];
            target.anonymous = target.anonymous || e.anonymous;
            if (!e.notes.empty() && target.notes.find(e.notes) == std::string::npos) {
                target.notes += target.notes.empty() ? e.notes : "\n\n" + e.notes;
                fit(target.notes, kMaxTextLength, "the notes of " + target.id);
            }
            append_source(target.source, label);
            fit(target.source, kMaxNameLength, "the sources of " + target.id);
            ++report_.entities_merged;
            report_.merged.push_back(label + ": \"" + e.name + "\" (" + e.id + ") -> " + target.id);
            return target.id;
        }
        Entity added = e;
        added.id = claim_id(e.id, entity_ids_);
        added.source = label;
        if (added.id != e.id) report_.renamed.push_back(label + ": entity " + e.id + " -> " + added.id);
        doc_.entities.push_back(std::move(added));
        index_entity(doc_.entities.size() - 1);
        ++report_.entities_added;
        return doc_.entities.back().id;
    }

    void add_placements(const Document& p, const std::string& label,
                        const std::unordered_map<std::string, std::string>& id_map) {
        int dropped = 0;
        for (const Placement& placement : p.placements) {
            const auto entity = id_map.find(placement.entity);
            if (entity == id_map.end() || role_ids_.count(placement.role) == 0) {
                ++dropped;
                continue;
            }
            if (!placement_keys_.insert(key_of({entity->second, placement.role, text::folded(placement.context)})).second) {
                ++report_.placements_deduplicated;
                continue;
            }
            Placement added = placement;
            added.entity = entity->second;
            added.id = claim_id(placement.id, placement_ids_);
            if (added.id != placement.id)
                report_.renamed.push_back(label + ": placement " + placement.id + " -> " + added.id);
            doc_.placements.push_back(std::move(added));
            ++report_.placements_added;
        }
        if (dropped > 0)
            warn(label + ": " + std::to_string(dropped) +
                                       " placement(s) on unknown roles or missing entities dropped");
        report_.placements_dropped += dropped;
    }

    void add_relationships(const Document& p, const std::string& label,
                           const std::unordered_map<std::string, std::string>& id_map) {
        for (const Relationship& r : p.relationships) {
            const auto from = id_map.find(r.from);
            const auto to = id_map.find(r.to);
            if (from == id_map.end() || to == id_map.end() || from->second == to->second ||
                !relationship_keys_.insert(key_of({from->second, to->second, r.kind})).second) {
                ++report_.relationships_deduplicated;
                continue;
            }
            Relationship added = r;
            added.from = from->second;
            added.to = to->second;
            added.id = claim_id(r.id, relationship_ids_);
            if (added.id != r.id) report_.renamed.push_back(label + ": relationship " + r.id + " -> " + added.id);
            doc_.relationships.push_back(std::move(added));
            ++report_.relationships_added;
        }
    }

    // Sums the participant's dot votes into the group's, per role.
    void add_votes(const std::map<std::string, int>& votes, const std::string& label) {
        int dropped = 0;
        for (const auto& [role, count] : votes) {
            if (role_ids_.count(role) == 0) {
                dropped += count;
                continue;
            }
            int& total = doc_.votes[role];
            if (static_cast<long long>(total) + count > kMaxVotesPerRole) {
                warn("the votes on " + role + " were cut to " + std::to_string(kMaxVotesPerRole));
                total = kMaxVotesPerRole;
            } else {
                total += count;
            }
        }
        if (dropped > 0)
            warn(label + ": " + std::to_string(dropped) + " vote(s) on unknown roles dropped");
    }

    void add_centre(const Centre& centre) {
        for (const std::string& value : centre.values) {
            if (text::folded(value).empty() || values_.count(text::folded(value)) != 0) continue;
            if (doc_.centre.values.size() >= kMaxValues) {
                warn("the centre is full: value \"" + value + "\" left out");
                continue;
            }
            values_.insert(text::folded(value));
            doc_.centre.values.push_back(value);
        }
        if (doc_.centre.cause.empty()) doc_.centre.cause = centre.cause;
    }

    Document doc_;
    MergeReport report_;
    std::size_t warnings_left_out_ = 0;
    std::unordered_set<std::string> entity_ids_, placement_ids_, relationship_ids_;
    std::unordered_map<std::string, std::size_t> entity_index_;   // entity id -> index in doc_.entities
    std::unordered_map<std::string, std::size_t> named_groups_;   // kind + folded name -> first org/network
    std::unordered_set<std::string> placement_keys_, relationship_keys_, role_ids_, values_, labels_;
};

}  // namespace

MergeResult merge_documents(const Document& base, const std::vector<NamedDocument>& participants) {
    Merger merger(base);
    for (const NamedDocument& participant : participants) merger.add(participant);
    return std::move(merger).finish();
}

namespace {

// Steps turning `base` into `merged`, where `merged` is `base` with some records changed
// in place and others appended (what Merger does): only those records are copied.
template <class Record>
std::vector<RecordStep<Record>> grown_steps(const std::vector<Record>& base, std::vector<Record>& merged) {
    std::vector<RecordStep<Record>> steps;
    for (std::size_t i = 0; i < base.size(); ++i)
        if (!(base[i] == merged[i])) steps.push_back({i, base[i], std::move(merged[i])});
    steps.reserve(steps.size() + merged.size() - base.size());
    for (std::size_t i = base.size(); i < merged.size(); ++i) steps.push_back({i, std::nullopt, std::move(merged[i])});
    return steps;
}

}  // namespace

CommandOutcome merge_outcome(const Document& base, const std::vector<NamedDocument>& participants) {
    MergeResult merged = merge_documents(base, participants);
    if (std::string error = check_caps(merged.document); !error.empty())
        return refuse("the maps were not merged: " + error + "; merge fewer maps");
    CommandOutcome outcome;
    Change& change = outcome.change;
    Document& group = merged.document;
    for_each_record_type([&](auto type) {
        using Record = typename decltype(type)::type;
        steps_of<Record>(change) = grown_steps(records_of<Record>(base), records_of<Record>(group));
    });
    for (const auto& [prompt, text] : group.reflections) {
        const auto before = base.reflections.find(prompt);
        if (before == base.reflections.end()) change.reflections[prompt] = {std::nullopt, text};
        else if (before->second != text) change.reflections[prompt] = {before->second, text};
    }
    if (group.centre != base.centre) change.centre = ValueStep<Centre>{base.centre, std::move(group.centre)};
    if (group.votes != base.votes) change.votes = ValueStep<std::map<std::string, int>>{base.votes, std::move(group.votes)};
    outcome.result = std::move(merged.report);
    return outcome;
}

Command merge_command(std::vector<NamedDocument> participants) {
    const std::size_t n = participants.size();
    std::string label = "Merge " + std::to_string(n) + (n == 1 ? " map" : " maps");
    return {std::move(label), {}, [participants = std::move(participants)](const Document& doc) {
                return merge_outcome(doc, participants);
            }};
}

}  // namespace ecomap
