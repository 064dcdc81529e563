// ecomap core: export_json, the map file (format described in io_json.hpp).
//
// Written directly, byte for byte as nlohmann::ordered_json::dump(2, ' ', false,
// error_handler_t::replace) writes the same tree (tests/core/test_export.cpp compares
// the two): members and elements one per line, 2 spaces per level, "{}" and "[]" when
// empty, ": " after keys, strings escaped as nlohmann does (\b \t \n \f \r \" \\ and
// \u00xx for other control characters; other text as UTF-8), decimals with nlohmann's
// shortest round-trip form. Text that is not valid UTF-8 (only possible in a document
// built in code) is escaped by nlohmann itself, which replaces the bad bytes.
#include "core/framework_json.hpp"
#include "core/io_json.hpp"
#include "core/utf8.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <vector>

namespace ecomap {

namespace {

// What each byte of valid UTF-8 text becomes in a JSON string: "" when copied as is.
const std::array<std::string, 256>& escapes() {
    static const std::array<std::string, 256> table = [] {
        std::array<std::string, 256> escaped{};
        for (unsigned c = 0; c < 0x20; ++c) {
            char text[8];
            std::snprintf(text, sizeof text, "\\u%04x", c);
            escaped[c] = text;
        }
        escaped['\b'] = "\\b";
        escaped['\t'] = "\\t";
        escaped['\n'] = "\\n";
        escaped['\f'] = "\\f";
        escaped['\r'] = "\\r";
        escaped['"'] = "\\\"";
        escaped['\\'] = "\\\\";
        return escaped;
    }();
    return table;
}

class Writer {
public:
    explicit Writer(std::string& out) : out_(out), escapes_(escapes()) {}

    void begin_object() { begin('{'); }
    void end_object() { end('}'); }
    void begin_array() { begin('['); }
    void end_array() { end(']'); }

    void key(std::string_view name) {  // the next member's key; its value follows
        next_item();
        string(name);
        out_ += ": ";
    }
    void element() { next_item(); }  // the next array element; its value follows

    void string(std::string_view text) {
        if (text::first_invalid_utf8(text)) {
            out_ += nlohmann::ordered_json(std::string(text)).dump(-1, ' ', false,
                                                                   nlohmann::ordered_json::error_handler_t::replace);
            return;
        }
        out_ += '"';
        std::size_t run = 0;  // start of the bytes not yet copied
        for (std::size_t i = 0; i < text.size(); ++i) {
            const std::string& escaped = escapes_[static_cast<unsigned char>(text[i])];
            if (escaped.empty()) continue;
            out_.append(text.data() + run, i - run);
            out_ += escaped;
            run = i + 1;
        }
        out_.append(text.data() + run, text.size() - run);
        out_ += '"';
    }
    void boolean(bool value) { out_ += value ? "true" : "false"; }
    void integer(long long value) {
        char buffer[24];
        out_.append(buffer, static_cast<std::size_t>(std::to_chars(buffer, buffer + sizeof buffer, value).ptr - buffer));
    }
    void decimal(double value) {
        if (!std::isfinite(value)) {
            out_ += "null";
            return;
        }
        char buffer[64];
        out_.append(buffer,
                    static_cast<std::size_t>(nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, value) - buffer));
    }
    // A value already written as JSON with 2-space indents from column 0, nested here.
    void nested(std::string_view dumped) {
        const std::size_t indent = 2 * items_.size();
        for (const char c : dumped) {
            out_ += c;
            if (c == '\n') out_.append(indent, ' ');
        }
    }

    void member(std::string_view name, std::string_view text) {
        key(name);
        string(text);
    }

private:
    void begin(char open) {
        out_ += open;
        items_.push_back(0);
    }
    void end(char close) {
        const std::size_t count = items_.back();
        items_.pop_back();
        if (count > 0) {
            out_ += '\n';
            out_.append(2 * items_.size(), ' ');
        }
        out_ += close;
    }
    void next_item() {
        out_ += items_.back()++ == 0 ? "\n" : ",\n";
        out_.append(2 * items_.size(), ' ');
    }

    std::string& out_;
    const std::array<std::string, 256>& escapes_;
    std::vector<std::size_t> items_;  // items written so far in each open object or array
};

}  // namespace

std::string export_json(const Document& document) {
    std::string out;
    out.reserve(256 + 256 * document.entities.size() + 160 * document.placements.size() +
                160 * document.relationships.size());
    Writer w(out);
    w.begin_object();
    w.member("format", kFormatName);
    w.key("formatVersion");
    w.integer(kFormatVersion);
    w.key("meta");
    w.begin_object();
    w.member("title", document.meta.title);
    w.member("created", document.meta.created);
    w.member("modified", document.meta.modified);
    w.member("language", document.meta.language);
    w.end_object();
    w.key("framework");
    w.nested(detail::framework_to_json(document.framework)
                 .dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
    w.key("centre");
    w.begin_object();
    w.key("values");
    w.begin_array();
    for (const std::string& value : document.centre.values) {
        w.element();
        w.string(value);
    }
    w.end_array();
    w.member("cause", document.centre.cause);
    w.end_object();

    w.key("entities");
    w.begin_array();
    for (const Entity& entity : document.entities) {
        w.element();
        w.begin_object();
        w.member("id", entity.id);
        w.member("kind", to_string(entity.kind));
        w.member("name", entity.name);
        w.key("anonymous");
        w.boolean(entity.anonymous);
        w.member("notes", entity.notes);
        w.member("source", entity.source);
        w.end_object();
    }
    w.end_array();

    w.key("placements");
    w.begin_array();
    for (const Placement& placement : document.placements) {
        w.element();
        w.begin_object();
        w.member("id", placement.id);
        w.member("entity", placement.entity);
        w.member("role", placement.role);
        w.member("strength", to_string(placement.strength));
        w.member("energy", to_string(placement.energy));
        w.member("context", placement.context);
        if (placement.position) {
            w.key("position");
            w.begin_object();
            w.key("x");
            w.decimal(placement.position->x);
            w.key("y");
            w.decimal(placement.position->y);
            w.end_object();
        }
        w.end_object();
    }
    w.end_array();

    w.key("relationships");
    w.begin_array();
    for (const Relationship& relationship : document.relationships) {
        w.element();
        w.begin_object();
        w.member("id", relationship.id);
        w.member("from", relationship.from);
        w.member("to", relationship.to);
        w.member("kind", relationship.kind);
        w.member("label", relationship.label);
        w.end_object();
    }
    w.end_array();

    w.key("reflections");  // std::map: sorted by prompt id
    w.begin_object();
    for (const auto& [prompt_id, answer] : document.reflections) w.member(prompt_id, answer);
    w.end_object();
    w.key("votes");  // std::map: sorted by role id; roles without votes absent
    w.begin_object();
    for (const auto& [role_id, count] : document.votes) {
        w.key(role_id);
        w.integer(count);
    }
    w.end_object();
    w.end_object();
    out += '\n';
    return out;
}

}  // namespace ecomap
