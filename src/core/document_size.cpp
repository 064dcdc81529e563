// ecomap core: exported sizes and document caps (see document_size.hpp).
//
// The sizes follow the layout export_json writes, nlohmann::json's pretty printer (2-space
// indent, ensure_ascii off): an object at indent i with n members of sizes m_k takes
// n == 0 ? 2 : sum(m_k) + 2n + i + 2 bytes, where a member at indent i + 2 takes
// (i + 2) + |"key"| + 2 + |value|; an array is the same with elements at indent i + 2,
// each taking (i + 2) + |element|. tests/core/test_caps.cpp checks the result against
// export_json byte for byte.
#include "core/document_size.hpp"

#include "core/framework_json.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace ecomap {

namespace {

// Bytes of each byte of text once escaped in a JSON string.
constexpr std::array<unsigned char, 256> kEscapedBytes = [] {
    std::array<unsigned char, 256> table{};
    for (std::size_t c = 0; c < 256; ++c) table[c] = c < 0x20 ? 6 : 1;
    for (unsigned char c : {'\b', '\f', '\n', '\r', '\t', '"', '\\'}) table[c] = 2;
    return table;
}();

// |"text"| as written in the file.
std::size_t string_size(std::string_view text) {
    std::size_t size = 2;
    for (const char c : text) size += kEscapedBytes[static_cast<unsigned char>(c)];
    return size;
}

std::size_t int_size(long long value) {
    char buffer[24];
    return static_cast<std::size_t>(std::to_chars(buffer, buffer + sizeof buffer, value).ptr - buffer);
}

std::size_t double_size(double value) {
    if (!std::isfinite(value)) return 4;  // null
    char buffer[64];
    return static_cast<std::size_t>(nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, value) - buffer);
}

// An object or array being sized: members (or elements) one indent deeper than `indent`.
class Container {
public:
    explicit Container(std::size_t indent) : indent_(indent) {}
    void member(std::string_view key, std::size_t value) {  // a "key": value member
        total_ += indent_ + 2 + string_size(key) + 2 + value;
        ++count_;
    }
    void element(std::size_t value) {  // an array element
        total_ += indent_ + 2 + value;
        ++count_;
    }
    std::size_t size() const { return count_ == 0 ? 2 : total_ + 2 * count_ + indent_ + 2; }

private:
    std::size_t indent_;
    std::size_t total_ = 0;
    std::size_t count_ = 0;
};

// Size of a container with `count` items whose item sizes (each without separator and
// indent) sum to `items`: the same formula as Container, for sizes known as totals.
std::ptrdiff_t container_size(std::size_t indent, std::size_t item_overhead, std::ptrdiff_t count, std::ptrdiff_t items) {
    if (count == 0) return 2;
    const auto i = static_cast<std::ptrdiff_t>(indent);
    return items + count * (static_cast<std::ptrdiff_t>(item_overhead) + 2) + i + 2;
}

std::size_t meta_size(const Meta& meta) {
    Container c(2);
    c.member("title", string_size(meta.title));
    c.member("created", string_size(meta.created));
    c.member("modified", string_size(meta.modified));
    c.member("language", string_size(meta.language));
    return c.size();
}

std::size_t centre_size(const Centre& centre) {
    Container values(4);
    for (const std::string& value : centre.values) values.element(string_size(value));
    Container c(2);
    c.member("values", values.size());
    c.member("cause", string_size(centre.cause));
    return c.size();
}

std::size_t framework_size(const Framework& framework) {
    const std::string text =
        detail::framework_to_json(framework).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    std::size_t lines = 0;
    for (const char c : text) lines += c == '\n' ? 1 : 0;
    return text.size() + 2 * lines;  // every line after the first is indented by 2 more in the file
}

// One reflection as a member of "reflections" (indent 4), without separator.
std::size_t reflection_size(const std::string& prompt, const std::string& answer) {
    return string_size(prompt) + 2 + string_size(answer);
}

std::size_t reflections_size(const std::map<std::string, std::string>& reflections) {
    Container c(2);
    for (const auto& [prompt, answer] : reflections) c.member(prompt, string_size(answer));
    return c.size();
}

std::size_t votes_size(const std::map<std::string, int>& votes) {
    Container c(2);
    for (const auto& [role, count] : votes) c.member(role, int_size(count));
    return c.size();
}

template <class Record>
std::size_t records_size(const std::vector<Record>& records) {
    Container c(2);
    for (const Record& record : records) c.element(exported_size(record));
    return c.size();
}

template <class Record>
std::size_t record_memory(const std::optional<Record>& record) {
    return record ? exported_size(*record) : 0;
}

}  // namespace

// [SECTION] Sizes ------------------------------------------------------------------

std::size_t exported_size(const Entity& entity) {
    Container c(4);
    c.member("id", string_size(entity.id));
    c.member("kind", string_size(to_string(entity.kind)));
    c.member("name", string_size(entity.name));
    c.member("anonymous", entity.anonymous ? 4 : 5);
    c.member("notes", string_size(entity.notes));
    c.member("source", string_size(entity.source));
    return c.size();
}

std::size_t exported_size(const Placement& placement) {
    Container c(4);
    c.member("id", string_size(placement.id));
    c.member("entity", string_size(placement.entity));
    c.member("role", string_size(placement.role));
    c.member("strength", string_size(to_string(placement.strength)));
    c.member("energy", string_size(to_string(placement.energy)));
    c.member("context", string_size(placement.context));
    if (placement.position) {
        Container position(6);
        position.member("x", double_size(placement.position->x));
        position.member("y", double_size(placement.position->y));
        c.member("position", position.size());
    }
    return c.size();
}

std::size_t exported_size(const Relationship& relationship) {
    Container c(4);
    c.member("id", string_size(relationship.id));
    c.member("from", string_size(relationship.from));
    c.member("to", string_size(relationship.to));
    c.member("kind", string_size(relationship.kind));
    c.member("label", string_size(relationship.label));
    return c.size();
}

std::size_t exported_size(const Document& document) {
    Container file(0);
    file.member("format", string_size(kFormatName));
    file.member("formatVersion", int_size(kFormatVersion));
    file.member("meta", meta_size(document.meta));
    file.member("framework", framework_size(document.framework));
    file.member("centre", centre_size(document.centre));
    file.member("entities", records_size(document.entities));
    file.member("placements", records_size(document.placements));
    file.member("relationships", records_size(document.relationships));
    file.member("reflections", reflections_size(document.reflections));
    file.member("votes", votes_size(document.votes));
    return file.size() + 1;  // export_json ends the file with a newline
}

std::ptrdiff_t exported_size_change(const Document& document, const Change& change) {
    std::ptrdiff_t delta = 0;
    const auto signed_size = [](std::size_t n) { return static_cast<std::ptrdiff_t>(n); };
    // A list or object at indent 2 whose items change: only the items and the count matter,
    // except when it becomes empty or stops being empty ("[]" has no indented lines).
    const auto container_delta = [&](std::size_t item_overhead, std::size_t count_before, std::ptrdiff_t count_change,
                                     std::ptrdiff_t items_change) {
        const auto before = static_cast<std::ptrdiff_t>(count_before);
        const std::ptrdiff_t after = before + count_change;
        if (before > 0 && after > 0) return items_change + count_change * static_cast<std::ptrdiff_t>(item_overhead + 2);
        if (before == 0) return container_size(2, item_overhead, after, items_change) - 2;
        return 2 - container_size(2, item_overhead, before, -items_change);  // every item removed
    };
    for_each_record_type([&](auto type) {
        using Record = typename decltype(type)::type;
        const auto& steps = steps_of<Record>(change);
        if (steps.empty()) return;
        std::ptrdiff_t count = 0, items = 0;
        for (const RecordStep<Record>& step : steps) {
            if (step.before) {
                items -= signed_size(exported_size(*step.before));
                --count;
            }
            if (step.after) {
                items += signed_size(exported_size(*step.after));
                ++count;
            }
        }
        delta += container_delta(4, records_of<Record>(document).size(), count, items);
    });
    if (!change.reflections.empty()) {
        std::ptrdiff_t count = 0, items = 0;
        for (const auto& [prompt, step] : change.reflections) {
            if (step.before) {
                items -= signed_size(reflection_size(prompt, *step.before));
                --count;
            }
            if (step.after) {
                items += signed_size(reflection_size(prompt, *step.after));
                ++count;
            }
        }
        delta += container_delta(4, document.reflections.size(), count, items);
    }
    if (change.meta) delta += signed_size(meta_size(change.meta->after)) - signed_size(meta_size(change.meta->before));
    if (change.centre)
        delta += signed_size(centre_size(change.centre->after)) - signed_size(centre_size(change.centre->before));
    if (change.framework)
        delta += signed_size(framework_size(change.framework->after)) -
                 signed_size(framework_size(change.framework->before));
    if (change.votes) delta += signed_size(votes_size(change.votes->after)) - signed_size(votes_size(change.votes->before));
    return delta;
}

std::size_t change_memory(const Change& change) {
    std::size_t bytes = sizeof(Change);
    for_each_record_type([&](auto type) {
        using Record = typename decltype(type)::type;
        for (const RecordStep<Record>& step : steps_of<Record>(change))
            bytes += sizeof(RecordStep<Record>) + record_memory(step.before) + record_memory(step.after);
    });
    for (const auto& [prompt, step] : change.reflections)
        bytes += 64 + 2 * prompt.size() + (step.before ? step.before->size() : 0) + (step.after ? step.after->size() : 0);
    if (change.meta) bytes += meta_size(change.meta->before) + meta_size(change.meta->after);
    if (change.centre) bytes += centre_size(change.centre->before) + centre_size(change.centre->after);
    if (change.framework) bytes += framework_size(change.framework->before) + framework_size(change.framework->after);
    if (change.votes) bytes += votes_size(change.votes->before) + votes_size(change.votes->after);
    return bytes;
}

// [SECTION] Caps --------------------------------------------------------------------

std::string format_thousands(std::size_t n) {
    std::string digits = std::to_string(n);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
    return digits;
}

std::string format_mebibytes(std::size_t bytes) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
    return text;
}

std::string too_many_message(std::string_view records, std::size_t count, std::size_t cap) {
    return "the map would hold " + format_thousands(count) + " " + std::string(records) + "; a map holds at most " +
           format_thousands(cap) + " " + std::string(records);
}

std::string too_big_message(std::size_t bytes) {
    return "the map file would be " + format_mebibytes(bytes) + "; a map file holds at most " + format_mebibytes(kMaxDocumentBytes) +
           " (so that it can be saved and opened again)";
}

std::string check_caps(const Document& document) {
    if (document.entities.size() > kDefaultMaxEntities)
        return too_many_message("entities", document.entities.size(), kDefaultMaxEntities);
    if (document.placements.size() > kDefaultMaxPlacements)
        return too_many_message("placements", document.placements.size(), kDefaultMaxPlacements);
    if (document.relationships.size() > kDefaultMaxRelationships)
        return too_many_message("relationships", document.relationships.size(), kDefaultMaxRelationships);
    if (const std::size_t bytes = exported_size(document); bytes > kMaxDocumentBytes) return too_big_message(bytes);
    return {};
}

}  // namespace ecomap
