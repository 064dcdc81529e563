// ecomap core (internal): a read-only JSON tree for the import door, and its fast reader.
//
// The reader reads only what it can read exactly as nlohmann::json::parse does (objects,
// arrays, strings with every escape, true/false/null, whole numbers of up to 18 digits,
// decimals through strtod like nlohmann's lexer). Anything else (a syntax error, a longer
// whole number, a number out of range, nesting past kMaxFastDepth) makes it give up, and
// the caller reads the same bytes with nlohmann::json::parse, which then gives the value
// or the error with its message and position. So a document is accepted or refused
// exactly as before; only well-formed files get faster.
//
// A JsonValue means what the nlohmann value parsed from the same bytes means: find()
// gives the last member of a repeated key (nlohmann keeps the last value), and
// sorted_members() lists members as nlohmann iterates them (by key, each key once).
// Strings without escapes point into the parsed bytes, which must outlive the tree.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ecomap::detail {

inline constexpr int kMaxFastDepth = 512;  // deeper nesting is left to nlohmann::json::parse

class JsonValue {
public:
    enum class Type : std::uint8_t { Null, Boolean, String, Integer, Unsigned, Decimal, Array, Object };

    Type type() const { return type_; }
    bool is_null() const { return type_ == Type::Null; }
    bool is_boolean() const { return type_ == Type::Boolean; }
    bool is_string() const { return type_ == Type::String; }
    bool is_number() const { return type_ == Type::Integer || type_ == Type::Unsigned || type_ == Type::Decimal; }
    bool is_number_integer() const { return type_ == Type::Integer || type_ == Type::Unsigned; }
    bool is_number_unsigned() const { return type_ == Type::Unsigned; }
    bool is_array() const { return type_ == Type::Array; }
    bool is_object() const { return type_ == Type::Object; }

    bool boolean() const { return boolean_; }
    std::string_view text() const { return {text_, size_}; }    // a string's text
    std::int64_t integer() const { return integer_; }          // Integer
    std::uint64_t unsigned_integer() const { return unsigned_; }  // Unsigned
    double number() const;                                     // any number, as nlohmann's get<double>()
    std::string number_text() const;                           // a number as nlohmann's dump() writes it

    std::size_t size() const { return is_array() || is_object() ? size_ : 0; }  // elements or members
    const JsonValue& operator[](std::size_t i) const { return children_[i]; }   // element i of an array
    const JsonValue* begin() const { return children_; }
    const JsonValue* end() const { return children_ + size(); }
    std::string_view key() const { return {key_, key_size_}; }  // a member's key

    // The member `key` of an object (the last one when the key repeats), or nullptr.
    const JsonValue* find(std::string_view key) const;
    // Members of an object in nlohmann's order: sorted by key, the last of each repeated key.
    std::vector<const JsonValue*> sorted_members() const;

private:
    friend class JsonTreeBuilder;

    const char* key_ = nullptr;  // a member's key (objects' children only)
    std::uint32_t key_size_ = 0;
    std::uint32_t size_ = 0;  // text size, or number of children
    union {
        const char* text_;
        const JsonValue* children_;
        std::int64_t integer_;
        std::uint64_t unsigned_;
        double decimal_;
        bool boolean_;
    };
    Type type_ = Type::Null;

public:
    JsonValue() : text_(nullptr) {}
};

// Owns the values of a tree and the decoded text of strings with escapes.
class JsonTree {
public:
    const JsonValue& root() const { return root_; }

private:
    friend class JsonTreeBuilder;
    JsonValue root_;
    std::vector<std::unique_ptr<JsonValue[]>> chunks_;
    std::size_t chunk_size_ = 0;  // values in the last chunk
    std::size_t chunk_left_ = 0;  // of which not yet used
    std::deque<std::string> texts_;  // decoded strings and keys (stable addresses)
};

// True when `bytes` (UTF-8 text without a byte order mark) was read into `tree`; false
// when the reader gave up (`tree` is then unspecified), also when lists and objects nest
// more than `max_depth` levels (counted as too_deep_at counts them in valid JSON).
bool parse_json_tree(std::string_view bytes, JsonTree& tree, int max_depth = kMaxFastDepth);

// The same tree as an nlohmann value, and an nlohmann value as a tree.
nlohmann::json to_nlohmann(const JsonValue& value);
void tree_from_nlohmann(const nlohmann::json& value, JsonTree& tree);

// parse_json_tree, then to_nlohmann: the nlohmann value of `bytes`, or false.
bool fast_parse_json(std::string_view bytes, nlohmann::json& out);

std::string_view type_phrase(const JsonValue& value);  // as type_phrase of the nlohmann value

}  // namespace ecomap::detail
