// ecomap core: changes, commands and the undo history (see history.hpp).
#include "core/history.hpp"

#include "core/document_size.hpp"

#include <algorithm>
#include <unordered_map>
#include <utility>

namespace ecomap {

// [SECTION] Change --------------------------------------------------------------

namespace {

template <class Record>
bool steps_are_noops(const std::vector<RecordStep<Record>>& steps) {
    for (const RecordStep<Record>& step : steps)
        if (!step.before || !step.after || !(*step.before == *step.after)) return false;
    return true;
}

// Where the record a step expects sits now: at the step's index when nothing else moved
// the table (always, without a room), else found by id (someone else's records came or
// went since the step was recorded); size() when it is gone.
template <class Record>
std::size_t locate(const std::vector<Record>& records, std::size_t index, const std::string& id) {
    if (index < records.size() && records[index].id == id) return index;
    for (std::size_t i = 0; i < records.size(); ++i)
        if (records[i].id == id) return i;
    return records.size();
}

// One step in either direction: `from` is what the step expects, `to` what it leaves.
// A record changed by someone else since (it is no longer `from`) is left as it is, so an
// undo takes back only this person's own edits.
template <class Record>
void run_step(std::vector<Record>& records, std::size_t index, const std::optional<Record>& from,
              const std::optional<Record>& to) {
    if (from) {
        const std::size_t at = locate(records, index, from->id);
        if (at == records.size() || !(records[at] == *from)) return;  // gone or changed by someone else
        if (to)
            records[at] = *to;
        else
            records.erase(records.begin() + static_cast<std::ptrdiff_t>(at));
    } else if (to) {
        if (locate(records, index, to->id) != records.size()) return;  // already there (someone else added it)
        records.insert(records.begin() + static_cast<std::ptrdiff_t>(std::min(index, records.size())), *to);
    }
}

template <class Record>
void run_forward(std::vector<Record>& records, const std::vector<RecordStep<Record>>& steps) {
    for (const RecordStep<Record>& step : steps) run_step(records, step.index, step.before, step.after);
}

template <class Record>
void run_backward(std::vector<Record>& records, const std::vector<RecordStep<Record>>& steps) {
    for (auto it = steps.rbegin(); it != steps.rend(); ++it) run_step(records, it->index, it->after, it->before);
}

// A whole value: set to `to` only while it is still `from` (nobody else changed it since).
template <class Value>
void run_value(Value& value, const Value& from, const Value& to) {
    if (value == from) value = to;
}

// Appends `later` to `steps`, fusing a replacement of the record the last step left
// at the same index (typing bursts then keep one step per record, not one per key).
template <class Record>
void append_steps(std::vector<RecordStep<Record>>& steps, const std::vector<RecordStep<Record>>& later) {
    for (const RecordStep<Record>& step : later) {
        if (!steps.empty() && steps.back().after && step.before && step.after &&
            steps.back().index == step.index) {
            steps.back().after = step.after;
        } else {
            steps.push_back(step);
        }
    }
}

template <class Value>
void compose_value(std::optional<ValueStep<Value>>& first, const std::optional<ValueStep<Value>>& second) {
    if (!second) return;
    if (first)
        first->after = second->after;
    else
        first = second;
}

void set_reflection(std::map<std::string, std::string>& reflections, const std::string& key,
                    const std::optional<std::string>& from, const std::optional<std::string>& to) {
    const auto it = reflections.find(key);
    const std::optional<std::string> now = it == reflections.end() ? std::nullopt : std::optional<std::string>(it->second);
    if (now != from) return;  // changed by someone else since
    if (to)
        reflections[key] = *to;
    else
        reflections.erase(key);
}

// Meta is stamped by every edit (modified): it follows the step when its title is the one expected.
void run_meta(Meta& meta, const Meta& from, const Meta& to) {
    if (meta.title == from.title) meta = to;
}

}  // namespace

bool Change::empty() const {
    bool noops = true;
    for_each_record_type([&](auto type) { noops = noops && steps_are_noops(steps_of<typename decltype(type)::type>(*this)); });
    if (!noops) return false;
    for (const auto& [key, step] : reflections)
        if (step.before != step.after) return false;
    if (centre && centre->before != centre->after) return false;
    if (meta && meta->before != meta->after) return false;
    if (framework && framework->before != framework->after) return false;
    if (votes && votes->before != votes->after) return false;
    return true;
}

namespace {

// Every step of the change, forward (apply, redo) or backward (revert, undo): each step goes
// from one of its ends to the other, and leaves alone what someone else changed since.
void run_change(Document& document, const Change& change, bool forward) {
    for_each_record_type([&](auto type) {
        using Record = typename decltype(type)::type;
        if (forward)
            run_forward(records_of<Record>(document), steps_of<Record>(change));
        else
            run_backward(records_of<Record>(document), steps_of<Record>(change));
    });
    const auto from = [forward](const auto& step) -> const auto& { return forward ? step.before : step.after; };
    const auto to = [forward](const auto& step) -> const auto& { return forward ? step.after : step.before; };
    for (const auto& [key, step] : change.reflections) set_reflection(document.reflections, key, from(step), to(step));
    if (change.centre) run_value(document.centre, from(*change.centre), to(*change.centre));
    if (change.meta) run_meta(document.meta, from(*change.meta), to(*change.meta));
    if (change.framework) run_value(document.framework, from(*change.framework), to(*change.framework));
    if (change.votes) run_value(document.votes, from(*change.votes), to(*change.votes));
}

}  // namespace

void apply_change(Document& document, const Change& change) { run_change(document, change, true); }

void revert_change(Document& document, const Change& change) { run_change(document, change, false); }

Change compose(Change first, const Change& second) {
    for_each_record_type([&](auto type) {
        using Record = typename decltype(type)::type;
        append_steps(steps_of<Record>(first), steps_of<Record>(second));
    });
    for (const auto& [key, step] : second.reflections) {
        auto [it, inserted] = first.reflections.try_emplace(key, step);
        if (!inserted) it->second.after = step.after;
    }
    compose_value(first.centre, second.centre);
    compose_value(first.meta, second.meta);
    compose_value(first.framework, second.framework);
    compose_value(first.votes, second.votes);
    return first;
}

CommandOutcome refuse(std::string reason) {
    CommandOutcome outcome;
    outcome.error = std::move(reason);
    return outcome;
}

// [SECTION] History -------------------------------------------------------------

History::History(Document document, Clock clock)
    : document_(std::move(document)), clock_(std::move(clock)), file_size_(exported_size(document_)) {}

std::string History::check_caps(const Change& change, std::ptrdiff_t file_delta) const {
    std::string error;
    for_each_record_type([&](auto type) {
        using Record = typename decltype(type)::type;
        std::ptrdiff_t grows = 0;
        for (const RecordStep<Record>& step : steps_of<Record>(change)) grows += (step.after ? 1 : 0) - (step.before ? 1 : 0);
        const std::size_t count = records_of<Record>(document_).size() + static_cast<std::size_t>(grows);
        constexpr std::size_t cap = std::is_same_v<Record, Entity>      ? kDefaultMaxEntities
                                    : std::is_same_v<Record, Placement> ? kDefaultMaxPlacements
                                                                        : kDefaultMaxRelationships;
        if (error.empty() && grows > 0 && count > cap)
            error = too_many_message(RecordTable<Record>::name, count, cap);
    });
    if (!error.empty()) return error;
    const auto after = static_cast<std::ptrdiff_t>(file_size_) + file_delta;
    if (file_delta > 0 && after > static_cast<std::ptrdiff_t>(kMaxDocumentBytes))
        return too_big_message(static_cast<std::size_t>(after));
    return {};
}

ApplyResult History::apply(const Command& command) {
    CommandOutcome outcome = command.build(document_);
    if (!outcome.ok()) return {.ok = false, .changed = false, .error = std::move(outcome.error), .created_id = {}, .result = {}};
    if (outcome.change.empty())
        return {.ok = true, .changed = false, .error = {}, .created_id = outcome.created_id, .result = std::move(outcome.result)};

    Change change = std::move(outcome.change);
    if (guard_) {
        if (std::string error = guard_(document_, change); !error.empty())
            return {.ok = false, .changed = false, .error = std::move(error), .created_id = {}, .result = {}};
    }
    if (!change.meta) change.meta = ValueStep<Meta>{document_.meta, document_.meta};
    if (clock_) change.meta->after.modified = clock_();
    const std::ptrdiff_t file_delta = exported_size_change(document_, change);
    if (std::string error = check_caps(change, file_delta); !error.empty())
        return {.ok = false, .changed = false, .error = std::move(error), .created_id = {}, .result = {}};
    apply_change(document_, change);
    file_size_ = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(file_size_) + file_delta);

    for (const Step& step : redo_stack_) memory_ -= step.memory;
    redo_stack_.clear();
    const bool merge = coalescing_open_ && !command.coalesce_key.empty() && !undo_stack_.empty() &&
                       undo_stack_.back().coalesce_key == command.coalesce_key;
    if (merge) {
        Step& top = undo_stack_.back();
        memory_ -= top.memory;
        top.change = compose(std::move(top.change), change);
        top.file_delta += file_delta;
        top.memory = change_memory(top.change);
        memory_ += top.memory;
    } else {
        const std::size_t memory = change_memory(change);
        undo_stack_.push_back({command.label, command.coalesce_key, std::move(change), file_delta, memory});
        memory_ += memory;
    }
    coalescing_open_ = !command.coalesce_key.empty();
    ++revision_;
    trim_memory();
    return {.ok = true, .changed = true, .error = {}, .created_id = std::move(outcome.created_id),
            .result = std::move(outcome.result)};
}

void History::set_undo_memory_limit(std::size_t bytes) {
    memory_limit_ = bytes;
    trim_memory();
}

void History::trim_memory() {
    // Redo steps go first (oldest first), then the oldest undo steps; the latest undo step stays.
    while (memory_ > memory_limit_ && !redo_stack_.empty()) {
        memory_ -= redo_stack_.front().memory;
        redo_stack_.pop_front();
    }
    while (memory_ > memory_limit_ && undo_stack_.size() > 1) {
        memory_ -= undo_stack_.front().memory;
        undo_stack_.pop_front();
    }
}

bool History::undo() {
    coalescing_open_ = false;
    if (undo_stack_.empty()) return false;
    Step& step = undo_stack_.back();
    revert_change(document_, step.change);
    file_size_ = remote_seen_ ? exported_size(document_)
                              : static_cast<std::size_t>(static_cast<std::ptrdiff_t>(file_size_) - step.file_delta);
    redo_stack_.push_back(std::move(step));
    undo_stack_.pop_back();
    ++revision_;
    return true;
}

bool History::redo() {
    coalescing_open_ = false;
    if (redo_stack_.empty()) return false;
    Step& step = redo_stack_.back();
    apply_change(document_, step.change);
    file_size_ = remote_seen_ ? exported_size(document_)
                              : static_cast<std::size_t>(static_cast<std::ptrdiff_t>(file_size_) + step.file_delta);
    undo_stack_.push_back(std::move(step));
    redo_stack_.pop_back();
    ++revision_;
    return true;
}

std::string History::undo_label() const { return undo_stack_.empty() ? std::string() : undo_stack_.back().label; }

std::string History::redo_label() const { return redo_stack_.empty() ? std::string() : redo_stack_.back().label; }

void History::break_coalescing() { coalescing_open_ = false; }

bool History::apply_remote(const Change& change, std::string* error) {
    if (change.empty()) return true;
    const std::ptrdiff_t file_delta = exported_size_change(document_, change);
    if (std::string reason = check_caps(change, file_delta); !reason.empty()) {
        if (error) *error = std::move(reason);
        return false;
    }
    apply_change(document_, change);
    file_size_ = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(file_size_) + file_delta);
    coalescing_open_ = false;  // a typing burst after someone else's edit is a new step
    remote_seen_ = true;
    ++revision_;
    return true;
}

// [SECTION] Diff ----------------------------------------------------------------

namespace {

template <class Record>
void diff_records(const std::vector<Record>& from, const std::vector<Record>& to, std::vector<RecordStep<Record>>& steps) {
    std::unordered_map<std::string_view, const Record*> wanted;
    wanted.reserve(to.size());
    for (const Record& record : to) wanted.emplace(record.id, &record);
    std::vector<Record> now;  // `from` as the steps leave it
    now.reserve(from.size());
    for (std::size_t i = from.size(); i-- > 0;)  // removals from the highest index
        if (!wanted.contains(from[i].id)) steps.push_back({i, from[i], std::nullopt});
    std::unordered_map<std::string_view, std::size_t> at;
    for (const Record& record : from) {
        if (!wanted.contains(record.id)) continue;
        at.emplace(record.id, now.size());
        now.push_back(record);
    }
    for (const Record& record : to) {
        const auto it = at.find(record.id);
        if (it == at.end()) {
            steps.push_back({now.size(), std::nullopt, record});
            now.push_back(record);
        } else if (!(now[it->second] == record)) {
            steps.push_back({it->second, now[it->second], record});
        }
    }
}

}  // namespace

Change diff_documents(const Document& from, const Document& to) {
    Change change;
    for_each_record_type([&](auto type) {
        using Record = typename decltype(type)::type;
        diff_records(records_of<Record>(from), records_of<Record>(to), steps_of<Record>(change));
    });
    if (from.meta.title != to.meta.title || from.meta.language != to.meta.language) {
        Meta meta = from.meta;
        meta.title = to.meta.title;
        meta.language = to.meta.language;
        change.meta = ValueStep<Meta>{from.meta, meta};
    }
    if (!(from.centre == to.centre)) change.centre = ValueStep<Centre>{from.centre, to.centre};
    if (!(from.framework == to.framework)) change.framework = ValueStep<Framework>{from.framework, to.framework};
    if (from.votes != to.votes) change.votes = ValueStep<std::map<std::string, int>>{from.votes, to.votes};
    for (const auto& [key, text] : from.reflections) {
        const auto it = to.reflections.find(key);
        if (it == to.reflections.end()) change.reflections[key] = {text, std::nullopt};
        else if (it->second != text) change.reflections[key] = {text, it->second};
    }
    for (const auto& [key, text] : to.reflections)
        if (!from.reflections.contains(key)) change.reflections[key] = {std::nullopt, text};
    return change;
}

void History::reset(Document document) {
    document_ = std::move(document);
    file_size_ = exported_size(document_);
    undo_stack_.clear();
    redo_stack_.clear();
    memory_ = 0;
    coalescing_open_ = false;
    remote_seen_ = false;
    ++revision_;
}

}  // namespace ecomap
