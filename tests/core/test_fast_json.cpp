// The fast paths of the JSON file: the reader in front of nlohmann::json::parse
// (json_fast.hpp) and the direct writer of export_json. Both must behave exactly as the
// nlohmann code they replace: the same values, the same errors (message, line, column),
// the same bytes.
#include "core/framework_json.hpp"
#include "core/io_json.hpp"
#include "core/json_tree.hpp"
#include "core/json_input.hpp"
#include "core/sample.hpp"
#include "core/utf8.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

using namespace ecomap;
using nlohmann::json;

namespace {

// Tricky inputs, and what parse_untrusted_json made of each before the fast reader
// existed (its error message, or "ok: " and the value): escapes, surrogate pairs, control
// characters, duplicate keys, numbers at the limits of each type, bad literals, bad
// separators, truncated text.
const std::vector<std::string> kCases = {
    "{\"a\": \"\\u00e9\\u00E9 \\ud83d\\ude00 \\\" \\\\ \\/ \\b\\f\\n\\r\\t\"}",
    "{\"a\": \"\\u0000\"}",
    "{\"a\": \"\\ud83d\"}",
    "{\"a\": \"\\ude00\"}",
    "{\"a\": \"\\ud83d\\u0041\"}",
    "{\"a\": \"\\ud83d\\n\"}",
    "{\"a\": \"\\u12G4\"}",
    "{\"a\": \"\\u12\"}",
    "{\"a\": \"\\x\"}",
    "{\"a\": \"tab\there\"}",
    "{\"a\": \"caf\xC3\xA9 \xF0\x9F\x98\x80\"}",
    "{\"a\": 1, \"a\": 2}",
    "{\"a\": {\"b\": 1}, \"a\": [1, 2], \"b\": true}",
    "{\"n\": [0, -0, 123456789012345678, -123456789012345678, 1234567890123456789, 18446744073709551615]}",
    "{\"n\": [18446744073709551616, -9223372036854775808, -9223372036854775809]}",
    "{\"n\": [1.5, -0.0, 1e5, 1E+5, 2e-5, 1e-400, 4.9e-324, 2.2250738585072011e-308, 0.1, 123.456e7]}",
    "{\"n\": 1e400}",
    "{\"n\": -1e400}",
    "{\"n\": 01}",
    "{\"n\": 1.}",
    "{\"n\": .5}",
    "{\"n\": -}",
    "{\"n\": +1}",
    "{\"n\": 1e}",
    "{\"n\": 0x10}",
    "{\"n\": 1.5e+}",
    "{\"t\": [true, false, null]}",
    "{\"t\": tru}",
    "{\"t\": nul}",
    "{\"t\": falsey}",
    "{\"t\": True}",
    "{}",
    "[]",
    "\"text\"",
    "42",
    " \t\r\n{ \t\r\n\"a\" \t\r\n: \t\r\n[ \t\r\n] \t\r\n} \t\r\n",
    "{\"a\": 1} x",
    "{\"a\": 1}}",
    "{\"a\": 1,}",
    "{\"a\": [1,]}",
    "{\"a\" 1}",
    "{a: 1}",
    "{\"a\": 1",
    "{\"a\": [1, 2",
    "{\"a\": \"unterminated",
    "{\"a\": \"ends in escape\\",
    "{\"a\": 'single'}",
    "{\"a\": 1 /* comment */}",
    "{\"a\":\n  [1,\n   2,,\n   3]}",
    "{\"format\": \"ecomap\", \"formatVersion\": 2, \"entities\": [{\"id\": \"e1\", \"name\": \"A\\u00e9\"}]}",
};

const std::vector<std::string> kExpected = {
    "ok: {\"a\":\"éé 😀 \\\" \\\\ / \\b\\f\\n\\r\\t\"}",
    "ok: {\"a\":\"\\u0000\"}",
    "the file is not valid JSON: invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF (line 1, column 14)",
    "the file is not valid JSON: invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF (line 1, column 13)",
    "the file is not valid JSON: invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF (line 1, column 19)",
    "the file is not valid JSON: invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF (line 1, column 15)",
    "the file is not valid JSON: invalid string: '\\u' must be followed by 4 hex digits (line 1, column 12)",
    "the file is not valid JSON: invalid string: '\\u' must be followed by 4 hex digits (line 1, column 12)",
    "the file is not valid JSON: invalid string: forbidden character after backslash (line 1, column 9)",
    "the file is not valid JSON: invalid string: control character U+0009 (HT) must be escaped to \\u0009 or \\t (line 1, column 11)",
    "ok: {\"a\":\"café 😀\"}",
    "ok: {\"a\":2}",
    "ok: {\"a\":[1,2],\"b\":true}",
    "ok: {\"n\":[0,0,123456789012345678,-123456789012345678,1234567890123456789,18446744073709551615]}",
    "ok: {\"n\":[1.8446744073709552e+19,-9223372036854775808,-9.223372036854776e+18]}",
    "ok: {\"n\":[1.5,-0.0,100000.0,100000.0,2e-05,0.0,5e-324,2.225073858507201e-308,0.1,1234560000.0]}",
    "the file is not valid JSON: a number is too large (line 1, column 7)",
    "the file is not valid JSON: a number is too large (line 1, column 7)",
    "the file is not valid JSON: unexpected number literal; expected '}' (line 1, column 8)",
    "the file is not valid JSON: it ends too early (line 1, column 9)",
    "the file is not valid JSON: invalid literal (line 1, column 7)",
    "the file is not valid JSON: it ends too early (line 1, column 8)",
    "the file is not valid JSON: invalid literal (line 1, column 7)",
    "the file is not valid JSON: it ends too early (line 1, column 9)",
    "the file is not valid JSON: invalid literal (line 1, column 8)",
    "the file is not valid JSON: it ends too early (line 1, column 12)",
    "ok: {\"t\":[true,false,null]}",
    "the file is not valid JSON: it ends too early (line 1, column 10)",
    "the file is not valid JSON: it ends too early (line 1, column 10)",
    "the file is not valid JSON: invalid literal (line 1, column 12)",
    "the file is not valid JSON: invalid literal (line 1, column 7)",
    "ok: {}",
    "expected a JSON object at the top level, found a list",
    "expected a JSON object at the top level, found text",
    "expected a JSON object at the top level, found a number",
    "ok: {\"a\":[]}",
    "the file is not valid JSON: it ends too early (line 1, column 10)",
    "the file is not valid JSON: it ends too early (line 1, column 9)",
    "the file is not valid JSON: it ends too early (line 1, column 9)",
    "the file is not valid JSON: unexpected ']'; expected '[', '{', or a literal (line 1, column 10)",
    "the file is not valid JSON: unexpected number literal; expected ':' (line 1, column 6)",
    "the file is not valid JSON: invalid literal (line 1, column 2)",
    "the file is not valid JSON: it ends too early (line 1, column 8)",
    "the file is not valid JSON: it ends too early (line 1, column 12)",
    "the file is not valid JSON: it ends too early (line 1, column 20)",
    "the file is not valid JSON: it ends too early (line 1, column 23)",
    "the file is not valid JSON: invalid literal (line 1, column 7)",
    "the file is not valid JSON: invalid literal (line 1, column 9)",
    "the file is not valid JSON: unexpected ','; expected '[', '{', or a literal (line 3, column 6)",
    "ok: {\"entities\":[{\"id\":\"e1\",\"name\":\"Aé\"}],\"format\":\"ecomap\",\"formatVersion\":2}",
};

// Same type and same value all the way down (nlohmann's == treats 1 and 1u and 1.0 as equal).
bool identical(const json& a, const json& b) {
    if (a.type() != b.type()) return false;
    switch (a.type()) {
        case json::value_t::object: {
            if (a.size() != b.size()) return false;
            for (auto ia = a.begin(), ib = b.begin(); ia != a.end(); ++ia, ++ib)
                if (ia.key() != ib.key() || !identical(*ia, *ib)) return false;
            return true;
        }
        case json::value_t::array: {
            if (a.size() != b.size()) return false;
            for (std::size_t i = 0; i < a.size(); ++i)
                if (!identical(a[i], b[i])) return false;
            return true;
        }
        case json::value_t::number_float: {
            const double x = a.get<double>(), y = b.get<double>();
            return std::memcmp(&x, &y, sizeof x) == 0;
        }
        default: return a == b;
    }
}

// The fast reader either gives up or reads exactly what nlohmann::json::parse reads; it
// never reads what nlohmann refuses. `bytes` is valid UTF-8 (checked before parsing).
void check_same_as_nlohmann(const std::string& bytes) {
    INFO(bytes);
    json reference;
    bool refused = false;
    try {
        reference = json::parse(bytes);
    } catch (const json::exception&) {
        refused = true;
    }
    json fast;
    const bool read = detail::fast_parse_json(bytes, fast);
    if (refused) CHECK_FALSE(read);
    else if (read) CHECK(identical(fast, reference));
}

// export_json as it was written before the direct writer: an nlohmann DOM, dumped.
std::string reference_export(const Document& document) {
    using ordered = nlohmann::ordered_json;
    ordered entities = ordered::array();
    for (const Entity& entity : document.entities)
        entities.push_back({{"id", entity.id}, {"kind", to_string(entity.kind)}, {"name", entity.name},
                            {"anonymous", entity.anonymous}, {"notes", entity.notes}, {"source", entity.source}});
    ordered placements = ordered::array();
    for (const Placement& placement : document.placements) {
        ordered record = {{"id", placement.id},         {"entity", placement.entity},
                          {"role", placement.role},     {"strength", to_string(placement.strength)},
                          {"energy", to_string(placement.energy)}, {"context", placement.context}};
        if (placement.position) record["position"] = {{"x", placement.position->x}, {"y", placement.position->y}};
        placements.push_back(std::move(record));
    }
    ordered relationships = ordered::array();
    for (const Relationship& relationship : document.relationships)
        relationships.push_back({{"id", relationship.id}, {"from", relationship.from}, {"to", relationship.to},
                                 {"kind", relationship.kind}, {"label", relationship.label}});
    ordered reflections = ordered::object();
    for (const auto& [prompt_id, answer] : document.reflections) reflections[prompt_id] = answer;
    ordered votes = ordered::object();
    for (const auto& [role_id, count] : document.votes) votes[role_id] = count;
    ordered file;
    file["format"] = kFormatName;
    file["formatVersion"] = kFormatVersion;
    file["meta"] = {{"title", document.meta.title}, {"created", document.meta.created}, {"modified", document.meta.modified},
                    {"language", document.meta.language}};
    file["framework"] = detail::framework_to_json(document.framework);
    file["centre"] = {{"values", document.centre.values}, {"cause", document.centre.cause}};
    file["entities"] = std::move(entities);
    file["placements"] = std::move(placements);
    file["relationships"] = std::move(relationships);
    file["reflections"] = std::move(reflections);
    file["votes"] = std::move(votes);
    return file.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace

TEST_CASE("the fast reader reads tricky JSON as before: same values, same errors", "[import][fast]") {
    REQUIRE(kCases.size() == kExpected.size());
    for (std::size_t i = 0; i < kCases.size(); ++i) {
        INFO(kCases[i]);
        const detail::ParsedJson parsed = detail::parse_untrusted_json(kCases[i], 1 << 20, 64);
        const std::string got = parsed.error ? parsed.error->message : "ok: " + parsed.value.dump();
        CHECK(got == kExpected[i]);
        check_same_as_nlohmann(kCases[i]);
    }
}

TEST_CASE("the fast reader agrees with nlohmann on every cut of a map file", "[import][fast]") {
    Document document = generate_document(7, 3);
    document.entities.front().notes = "quote \" backslash \\ tab \t control \x01 caf\xC3\xA9 \xF0\x9F\x98\x80";
    const std::string file = export_json(document);
    REQUIRE(file.size() < 20000);
    for (std::size_t cut = 0; cut <= file.size(); ++cut) check_same_as_nlohmann(file.substr(0, cut));
    // One byte changed at each place, to characters that matter to the grammar.
    for (std::size_t at = 0; at < file.size(); at += 7) {
        for (const char c : {'"', '\\', ',', ':', ']', '}', '0', '-', 'e', '.', ' ', 'u'}) {
            std::string changed = file;
            changed[at] = c;
            if (!text::first_invalid_utf8(changed)) check_same_as_nlohmann(changed);
        }
    }
}

TEST_CASE("the fast reader leaves long numbers and deep nesting to nlohmann", "[import][fast]") {
    json value;
    CHECK_FALSE(detail::fast_parse_json("{\"n\": 1234567890123456789}", value));
    CHECK_FALSE(detail::fast_parse_json("{\"n\": 1e400}", value));
    const std::string deep = std::string(600, '[') + std::string(600, ']');
    CHECK_FALSE(detail::fast_parse_json(deep, value));
    check_same_as_nlohmann(deep);
    const std::string fine = std::string(500, '[') + std::string(500, ']');
    CHECK(detail::fast_parse_json(fine, value));
    check_same_as_nlohmann(fine);
    // Through the import door, nesting past the limit is refused before any parser runs.
    const ImportResult result = import_document("{\"a\": " + std::string(100, '[') + std::string(100, ']') + "}");
    REQUIRE(result.error);
    CHECK(result.error->code == ImportErrorCode::TooDeep);
}

TEST_CASE("the direct writer writes the bytes the nlohmann DOM wrote", "[export][fast]") {
    for (const int entities : {0, 1, 40, 500}) {
        const Document document = generate_document(2026, entities);
        CHECK(export_json(document) == reference_export(document));
    }
    Document tricky = generate_document(11, 5);
    tricky.meta.title = "ctrl \x01\x1f\x7f quote \" slash / back \\ \b\f\n\r\t caf\xC3\xA9 \xF0\x9F\x98\x80";
    tricky.meta.created = "";
    tricky.centre.values.clear();
    tricky.centre.cause = std::string("nul \0 inside", 12);
    tricky.entities.front().name = "bad \xC3 utf-8 \xFF\xFE and \xED\xA0\x80 surrogate";
    tricky.entities.back().notes = "cut \xE2\x82";
    tricky.placements.front().position = Vec2{-0.0, 1e-300};
    tricky.placements.back().position = Vec2{1e21, 123456.789};
    tricky.reflections.clear();
    tricky.votes.clear();
    CHECK(export_json(tricky) == reference_export(tricky));
    tricky.placements.front().position = Vec2{std::nan(""), INFINITY};
    tricky.relationships.clear();
    tricky.framework.roles.front().name = "role \x02 \xC3";
    CHECK(export_json(tricky) == reference_export(tricky));
    Document empty;
    CHECK(export_json(empty) == reference_export(empty));
}

namespace {

// The same file with one member the fast reader cannot read (a 19-digit number), so that
// it takes the nlohmann path; restore ignores the member.
std::string through_nlohmann(const std::string& file) { return "{\"zz\": 1234567890123456789, " + file.substr(1); }

void check_both_paths_agree(const std::string& file) {
    INFO(file);
    const ImportResult fast = import_document(file);
    const ImportResult slow = import_document(through_nlohmann(file));
    CHECK(fast.warnings == slow.warnings);
    REQUIRE(fast.ok() == slow.ok());
    if (fast.ok()) CHECK(*fast.document == *slow.document);
    else CHECK(fast.error->message == slow.error->message);
    CHECK(fast.source_version == slow.source_version);
}

}  // namespace

TEST_CASE("a map reads the same through the fast reader and through nlohmann", "[import][fast]") {
    check_both_paths_agree(export_json(generate_document(5, 30)));
    // Repairs, in an order nlohmann would sort: unsorted and repeated keys, repeated and
    // missing ids, ids as numbers, dangling references, wrong types, far positions.
    check_both_paths_agree(R"({"format": "ecomap", "formatVersion": 2,
      "meta": {"title": 5, "title": "Second title", "created": ["x"]},
      "centre": {"values": ["a", 1, "b"], "cause": "c", "cause": "d"},
      "entities": [{"id": "e1", "name": "A", "kind": "robot"}, {"id": "e1", "name": "B", "name": "B2"},
                   {"name": "no id"}, {"id": 42, "kind": "organization", "anonymous": "yes"}, 7,
                   {"id": "", "notes": null}, {"id": "e-1"}],
      "placements": [{"id": "p1", "entity": "e1", "role": "weavers", "position": {"x": 1e9, "y": -2.5}},
                     {"id": "p1", "entity": 42, "role": "weavers", "strength": "huge", "position": {"x": 1}},
                     {"id": "p3", "entity": "nobody", "role": "weavers"},
                     {"id": "p4", "entity": "e1", "role": "no-such-role"}, {"entity": "e1-2", "role": "healers"}],
      "relationships": [{"id": "r1", "from": "e1", "to": "42", "kind": 3}, {"id": "r2", "from": "e1", "to": "e1"},
                        {"id": "r3", "from": "e1", "to": "gone"}],
      "reflections": {"zeta": "unknown prompt", "who": 5, "who": "Second answer", "aaa": "x"},
      "votes": {"weavers": 3, "nobody": 1, "healers": -2, "weavers": 4, "builders": 2.5, "storytellers": 99999999}
    })");
    // Not a current map: both paths end on the nlohmann path, with the same answers.
    check_both_paths_agree(R"({"format": "ecomap", "formatVersion": 1, "votes": {"weavers": 1}})");
    check_both_paths_agree(R"({"format": "ecomap", "formatVersion": 3})");
    check_both_paths_agree(R"({"format": "ecomap", "formatVersion": 2, "entities": [1, 2]})");
    check_both_paths_agree(R"({"format": "ecomap", "formatVersion": 2, "entities": {}, "placements": "x"})");
}
