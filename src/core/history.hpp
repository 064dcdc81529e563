// ecomap core: changes, commands and the undo history.
//
// A Change is a record-level diff of a Document: for every touched record its value
// before and after (nullopt = absent) and its index in its vector, so applying and
// reverting restore order exactly. A Command is data (a label, a coalesce key) plus a
// pure function that, given the current document, either produces a Change or refuses
// with a reason, and may report a result (CommandOutcome::result, handed back in
// ApplyResult::result). History owns the Document: it is the only thing that edits it.
// History also keeps the caps of document_size.hpp for every command (record counts and
// the size of the map file, so whatever it holds can be saved and reopened) and keeps the
// memory of its undo and redo steps within a limit, dropping the oldest steps.
//
// Other people's edits (a live room) enter with apply_remote: they change the document
// but are not undo steps. Undo and redo then find each record of a step by id, and leave
// alone a record or value that someone else changed since: an undo takes back only this
// person's own edits, never another person's entry.
//
// Step order inside a Change matters: steps of one vector are applied first to last
// and reverted last to first, each index referring to the vector as it is at that
// moment (removals of several records are therefore listed from the highest index).
#pragma once

#include <any>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
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

// [SECTION] Record tables --------------------------------------------------------
// The record types kept as tables of the document (a vector each, in document order) and
// as steps of a Change. Code that handles every table (history, merge, sizes, room sync)
// iterates them with for_each_record_type instead of naming each one.

template <class Record>
struct RecordTable;  // specialised for Entity, Placement and Relationship below

template <>
struct RecordTable<Entity> {
    static constexpr auto records = &Document::entities;  // the table in a Document
    static constexpr auto steps = &Change::entities;      // its steps in a Change
    static constexpr std::string_view name = "entities";  // its key in the map file
};

template <>
struct RecordTable<Placement> {
    static constexpr auto records = &Document::placements;  // the table in a Document
    static constexpr auto steps = &Change::placements;      // its steps in a Change
    static constexpr std::string_view name = "placements";  // its key in the map file
};

template <>
struct RecordTable<Relationship> {
    static constexpr auto records = &Document::relationships;  // the table in a Document
    static constexpr auto steps = &Change::relationships;      // its steps in a Change
    static constexpr std::string_view name = "relationships";  // its key in the map file
};

template <class Record>
std::vector<Record>& records_of(Document& document) { return document.*RecordTable<Record>::records; }  // the Record table
template <class Record>
const std::vector<Record>& records_of(const Document& document) { return document.*RecordTable<Record>::records; }  // read only
template <class Record>
std::vector<RecordStep<Record>>& steps_of(Change& change) { return change.*RecordTable<Record>::steps; }  // the Record steps
template <class Record>
const std::vector<RecordStep<Record>>& steps_of(const Change& change) { return change.*RecordTable<Record>::steps; }  // read only

// Calls f(std::type_identity<Record>{}) for Entity, Placement and Relationship, in file order:
//   for_each_record_type([&](auto type) { using Record = typename decltype(type)::type; ... });
template <class F>
void for_each_record_type(F&& f) {
    f(std::type_identity<Entity>{});
    f(std::type_identity<Placement>{});
    f(std::type_identity<Relationship>{});
}

void apply_change(Document& document, const Change& change);   // runs the steps forward (redo direction)
void revert_change(Document& document, const Change& change);  // runs the steps backward (undo direction)
Change compose(Change first, const Change& second);            // one Change equal to `first` then `second`
// The Change that turns `from` into `to`: records matched by id (removed, replaced, then
// added at the end of their table), and every whole value that differs. meta.created and
// meta.modified of `from` are kept (the title and the language follow `to`).
Change diff_documents(const Document& from, const Document& to);

// [SECTION] Command -------------------------------------------------------------

struct CommandOutcome {
    Change change;                       // what the command does; ignored when refused
    std::string error;                   // why the command was refused; "" when accepted
    std::string created_id;              // id of the record the command created, if any
    std::any result;                     // anything else the command reports (merge_command: a MergeReport); empty if none
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
    std::any result;                     // CommandOutcome::result of an accepted command (see result_as)
    explicit operator bool() const { return ok; }  // true when accepted

    template <class T>
    const T* result_as() const { return std::any_cast<T>(&result); }  // the result when it is a T, else nullptr
};

inline constexpr std::size_t kDefaultUndoMemory = 64u * 1024u * 1024u;  // undo + redo steps kept within about 64 MiB

class History {
public:
    History(Document document, Clock clock);  // owns the document; clock stamps meta.modified

    const Document& document() const { return document_; }  // the current document (read only)
    std::uint64_t revision() const { return revision_; }    // changes whenever the document changes

    [[nodiscard]] ApplyResult apply(const Command& command);  // runs the command; refusals leave everything untouched
    bool undo();                                // reverts the last step; false when nothing to undo
    bool redo();                                // re-applies the last undone step; false when nothing to redo
    bool can_undo() const { return !undo_stack_.empty(); }  // true when undo() would do something
    bool can_redo() const { return !redo_stack_.empty(); }  // true when redo() would do something
    std::string undo_label() const;             // label of the step undo() reverts, "" when none
    std::string redo_label() const;             // label of the step redo() re-applies, "" when none
    std::size_t undo_depth() const { return undo_stack_.size(); }  // number of undo steps
    std::size_t redo_depth() const { return redo_stack_.size(); }  // number of redo steps

    // Someone else's edit (a live room): applied without an undo step, redo kept; refused
    // (false, `error` set) only when it would break a cap.
    bool apply_remote(const Change& change, std::string* error = nullptr);
    // A rule every command must pass (a room: what this person may change); "" allows.
    using Guard = std::function<std::string(const Document&, const Change&)>;
    void set_guard(Guard guard) { guard_ = std::move(guard); }

    void break_coalescing();                    // the next command starts a new undo step (text field deactivated)
    void reset(Document document);              // replaces the document (load, new) and clears all history

    std::size_t file_size() const { return file_size_; }  // bytes of export_json(document()), kept up to date
    std::size_t undo_memory() const { return memory_; }   // estimated bytes held by the undo and redo steps
    void set_undo_memory_limit(std::size_t bytes);        // drops the oldest undo steps past it (default kDefaultUndoMemory);
                                                          // the most recent step is always kept

private:
    struct Step {
        std::string label;
        std::string coalesce_key;
        Change change;
        std::ptrdiff_t file_delta = 0;  // change of file_size_ when the step is applied
        std::size_t memory = 0;         // estimated bytes the step holds
    };

    std::string check_caps(const Change& change, std::ptrdiff_t file_delta) const;  // "" or why the change breaks a cap
    void trim_memory();  // drops the oldest undo steps until memory_ fits the limit

    Document document_;
    Clock clock_;
    std::deque<Step> undo_stack_;
    std::deque<Step> redo_stack_;
    std::size_t file_size_ = 0;
    std::size_t memory_ = 0;
    std::size_t memory_limit_ = kDefaultUndoMemory;
    std::uint64_t revision_ = 0;
    bool coalescing_open_ = false;  // the top undo step may absorb the next command with its key
    bool remote_seen_ = false;      // apply_remote ran since the last reset: step sizes are estimates
    Guard guard_;
};

}  // namespace ecomap
