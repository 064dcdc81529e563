// ecomap core: changes, commands and the undo history (see history.hpp).
#include "core/history.hpp"

#include "core/document_size.hpp"

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

template <class Record>
void run_forward(std::vector<Record>& records, const std::vector<RecordStep<Record>>& steps) {
    for (const RecordStep<Record>& step : steps) {
        const auto at = records.begin() + static_cast<std::ptrdiff_t>(step.index);
        if (step.before && step.after)
            *at = *step.after;
        else if (step.after)
            records.insert(at, *step.after);
        else if (step.before)
            records.erase(at);
    }
}

template <class Record>
void run_backward(std::vector<Record>& records, const std::vector<RecordStep<Record>>& steps) {
    for (auto it = steps.rbegin(); it != steps.rend(); ++it) {
        const auto at = records.begin() + static_cast<std::ptrdiff_t>(it->index);
        if (it->before && it->after)
            *at = *it->before;
        else if (it->after)
            records.erase(at);
        else if (it->before)
            records.insert(at, *it->before);
    }
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
                    const std::optional<std::string>& text) {
    if (text)
        reflections[key] = *text;
    else
        reflections.erase(key);
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

void apply_change(Document& document, const Change& change) {
    for_each_record_type([&](auto type) {
        using Record = typename decltype(type)::type;
        run_forward(records_of<Record>(document), steps_of<Record>(change));
    });
    for (const auto& [key, step] : change.reflections) set_reflection(document.reflections, key, step.after);
    if (change.centre) document.centre = change.centre->after;
    if (change.meta) document.meta = change.meta->after;
    if (change.framework) document.framework = change.framework->after;
    if (change.votes) document.votes = change.votes->after;
}

void revert_change(Document& document, const Change& change) {
    for_each_record_type([&](auto type) {
        using Record = typename decltype(type)::type;
        run_backward(records_of<Record>(document), steps_of<Record>(change));
    });
    for (const auto& [key, step] : change.reflections) set_reflection(document.reflections, key, step.before);
    if (change.centre) document.centre = change.centre->before;
    if (change.meta) document.meta = change.meta->before;
    if (change.framework) document.framework = change.framework->before;
    if (change.votes) document.votes = change.votes->before;
}

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
    file_size_ = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(file_size_) - step.file_delta);
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
    file_size_ = static_cast<std::size_t>(static_cast<std::ptrdiff_t>(file_size_) + step.file_delta);
    undo_stack_.push_back(std::move(step));
    redo_stack_.pop_back();
    ++revision_;
    return true;
}

std::string History::undo_label() const { return undo_stack_.empty() ? std::string() : undo_stack_.back().label; }

std::string History::redo_label() const { return redo_stack_.empty() ? std::string() : redo_stack_.back().label; }

void History::break_coalescing() { coalescing_open_ = false; }

void History::reset(Document document) {
    document_ = std::move(document);
    file_size_ = exported_size(document_);
    undo_stack_.clear();
    redo_stack_.clear();
    memory_ = 0;
    coalescing_open_ = false;
    ++revision_;
}

}  // namespace ecomap
