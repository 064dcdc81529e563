// ecomap core: changes, commands and the undo history (see history.hpp).
#include "core/history.hpp"

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
    if (!steps_are_noops(entities) || !steps_are_noops(placements) || !steps_are_noops(relationships))
        return false;
    for (const auto& [key, step] : reflections)
        if (step.before != step.after) return false;
    if (centre && centre->before != centre->after) return false;
    if (meta && meta->before != meta->after) return false;
    if (framework && framework->before != framework->after) return false;
    if (votes && votes->before != votes->after) return false;
    return true;
}

void apply_change(Document& document, const Change& change) {
    run_forward(document.entities, change.entities);
    run_forward(document.placements, change.placements);
    run_forward(document.relationships, change.relationships);
    for (const auto& [key, step] : change.reflections) set_reflection(document.reflections, key, step.after);
    if (change.centre) document.centre = change.centre->after;
    if (change.meta) document.meta = change.meta->after;
    if (change.framework) document.framework = change.framework->after;
    if (change.votes) document.votes = change.votes->after;
}

void revert_change(Document& document, const Change& change) {
    run_backward(document.entities, change.entities);
    run_backward(document.placements, change.placements);
    run_backward(document.relationships, change.relationships);
    for (const auto& [key, step] : change.reflections) set_reflection(document.reflections, key, step.before);
    if (change.centre) document.centre = change.centre->before;
    if (change.meta) document.meta = change.meta->before;
    if (change.framework) document.framework = change.framework->before;
    if (change.votes) document.votes = change.votes->before;
}

Change compose(Change first, const Change& second) {
    append_steps(first.entities, second.entities);
    append_steps(first.placements, second.placements);
    append_steps(first.relationships, second.relationships);
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

History::History(Document document, Clock clock) : document_(std::move(document)), clock_(std::move(clock)) {}

ApplyResult History::apply(const Command& command) {
    CommandOutcome outcome = command.build(document_);
    if (!outcome.ok()) return {.ok = false, .changed = false, .error = std::move(outcome.error), .created_id = {}};
    if (outcome.change.empty()) return {.ok = true, .changed = false, .error = {}, .created_id = outcome.created_id};

    Change change = std::move(outcome.change);
    if (!change.meta) change.meta = ValueStep<Meta>{document_.meta, document_.meta};
    if (clock_) change.meta->after.modified = clock_();
    apply_change(document_, change);

    redo_stack_.clear();
    const bool merge = coalescing_open_ && !command.coalesce_key.empty() && !undo_stack_.empty() &&
                       undo_stack_.back().coalesce_key == command.coalesce_key;
    if (merge)
        undo_stack_.back().change = compose(std::move(undo_stack_.back().change), change);
    else
        undo_stack_.push_back({command.label, command.coalesce_key, std::move(change)});
    coalescing_open_ = !command.coalesce_key.empty();
    ++revision_;
    return {.ok = true, .changed = true, .error = {}, .created_id = std::move(outcome.created_id)};
}

bool History::undo() {
    coalescing_open_ = false;
    if (undo_stack_.empty()) return false;
    revert_change(document_, undo_stack_.back().change);
    redo_stack_.push_back(std::move(undo_stack_.back()));
    undo_stack_.pop_back();
    ++revision_;
    return true;
}

bool History::redo() {
    coalescing_open_ = false;
    if (redo_stack_.empty()) return false;
    apply_change(document_, redo_stack_.back().change);
    undo_stack_.push_back(std::move(redo_stack_.back()));
    redo_stack_.pop_back();
    ++revision_;
    return true;
}

std::string History::undo_label() const { return undo_stack_.empty() ? std::string() : undo_stack_.back().label; }

std::string History::redo_label() const { return redo_stack_.empty() ? std::string() : redo_stack_.back().label; }

void History::break_coalescing() { coalescing_open_ = false; }

void History::reset(Document document) {
    document_ = std::move(document);
    undo_stack_.clear();
    redo_stack_.clear();
    coalescing_open_ = false;
    ++revision_;
}

}  // namespace ecomap
