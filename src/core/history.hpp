// ecomap core: changes, commands and the undo history.
//
// A Change is a record-level diff of a Document: for every touched record its value
// before and after (nullopt = absent) and its index in its vector, so applying and
// reverting restore order exactly. A Command is data (a label, a coalesce key) plus a
// pure function that, given the current document, either produces a Change or refuses
// with a reason. History owns the Document: it is the only thing that edits it.
//
// Step order inside a Change matters: steps of one vector are applied first to last
// and reverted last to first, each index referring to the vector as it is at that
// moment (removals of several records are therefore listed from the highest index).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model.hpp"

namespace ecomap {

// [SECTION] Change --------------------------------------------------------------

// One record inserted (before empty), removed (after empty) or replaced (both set).
template <class Record>
struct RecordStep {
    std::size_t index = 0;               // position in the document's vector when the step runs
    std::optional<Record> before;        // value before the step; nullopt = inserted
    std::optional<Record> after;         // value after the step; nullopt = removed
    bool operator==(const RecordStep&) const = default;
};

// A whole value replaced (centre, meta, framework).
template <class Value>
struct ValueStep {
    Value before;                        // value before the change
    Value after;                         // value after the change
    bool operator==(const ValueStep&) const = default;
};

struct Change {
    std::vector<RecordStep<Entity>> entities;            // entity steps, in application order
    std::vector<RecordStep<Placement>> placements;       // placement steps, in application order
    std::vector<RecordStep<Relationship>> relationships; // relationship steps, in application order
    std::map<std::string, ValueStep<std::optional<std::string>>> reflections;  // prompt id -> text (nullopt = absent)
    std::optional<ValueStep<Centre>> centre;             // set when the centre changes
    std::optional<ValueStep<Meta>> meta;                 // set when meta changes (History stamps `modified`)
    std::optional<ValueStep<Framework>> framework;       // set when the framework is replaced
    std::optional<ValueStep<std::map<std::string, int>>> votes;  // set when the dot votes change
    bool operator==(const Change&) const = default;

    bool empty() const;                  // true when applying it would leave any document as it is
};

void apply_change(Document& document, const Change& change);   // runs the steps forward (redo direction)
void revert_change(Document& document, const Change& change);  // runs the steps backward (undo direction)
Change compose(Change first, const Change& second);            // one Change equal to `first` then `second`

// [SECTION] Command -------------------------------------------------------------

struct CommandOutcome {
    Change change;                       // what the command does; ignored when refused
    std::string error;                   // why the command was refused; "" when accepted
    std::string created_id;              // id of the record the command created, if any
    bool ok() const { return error.empty(); }  // true when accepted
};

struct Command {
    std::string label;                   // shown as "Undo <label>", e.g. "Add person"
    std::string coalesce_key;            // consecutive commands with the same non-empty key merge into one undo step
    std::function<CommandOutcome(const Document&)> build;  // pure: computes the change or refuses
};

CommandOutcome refuse(std::string reason);  // a refused outcome with that reason

// [SECTION] History -------------------------------------------------------------

using Clock = std::function<std::string()>;  // returns "now" as ISO 8601 UTC, e.g. "2026-11-26T10:00:00Z"

struct ApplyResult {
    bool ok = false;                     // true when the command was accepted
    bool changed = false;                // true when the document changed (false for a no-op edit)
    std::string error;                   // refusal reason when not accepted
    std::string created_id;              // id of the created record (add commands)
    explicit operator bool() const { return ok; }  // true when accepted
};

class History {
public:
    History(Document document, Clock clock);  // owns the document; clock stamps meta.modified

    const Document& document() const { return document_; }  // the current document (read only)
    std::uint64_t revision() const { return revision_; }    // changes whenever the document changes

    ApplyResult apply(const Command& command);  // runs the command; refusals leave everything untouched
    bool undo();                                // reverts the last step; false when nothing to undo
    bool redo();                                // re-applies the last undone step; false when nothing to redo
    bool can_undo() const { return !undo_stack_.empty(); }  // true when undo() would do something
    bool can_redo() const { return !redo_stack_.empty(); }  // true when redo() would do something
    std::string undo_label() const;             // label of the step undo() reverts, "" when none
    std::string redo_label() const;             // label of the step redo() re-applies, "" when none
    std::size_t undo_depth() const { return undo_stack_.size(); }  // number of undo steps
    std::size_t redo_depth() const { return redo_stack_.size(); }  // number of redo steps

    void break_coalescing();                    // the next command starts a new undo step (text field deactivated)
    void reset(Document document);              // replaces the document (load, new) and clears all history

private:
    struct Step {
        std::string label;
        std::string coalesce_key;
        Change change;
    };

    Document document_;
    Clock clock_;
    std::vector<Step> undo_stack_;
    std::vector<Step> redo_stack_;
    std::uint64_t revision_ = 0;
    bool coalescing_open_ = false;  // the top undo step may absorb the next command with its key
};

}  // namespace ecomap
