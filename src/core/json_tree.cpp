// ecomap core (internal): the JSON tree and its fast reader (see json_tree.hpp).
#include "core/json_tree.hpp"

#include <algorithm>
#include <clocale>
#include <cmath>
#include <cstdlib>
#include <cstring>

namespace ecomap::detail {

double JsonValue::number() const {
    switch (type_) {
        case Type::Integer: return static_cast<double>(integer_);
        case Type::Unsigned: return static_cast<double>(unsigned_);
        case Type::Decimal: return decimal_;
        default: return 0.0;
    }
}

std::string JsonValue::number_text() const {
    switch (type_) {
        case Type::Integer: return std::to_string(integer_);
        case Type::Unsigned: return std::to_string(unsigned_);
        case Type::Decimal: return nlohmann::json(decimal_).dump();
        default: return {};
    }
}

const JsonValue* JsonValue::find(std::string_view key) const {
    if (!is_object()) return nullptr;
    for (std::size_t i = size_; i-- > 0;) {
        if (children_[i].key() == key) return &children_[i];
    }
    return nullptr;
}

std::vector<const JsonValue*> JsonValue::sorted_members() const {
    std::vector<const JsonValue*> members;
    if (!is_object()) return members;
    members.reserve(size_);
    for (std::size_t i = 0; i < size_; ++i) members.push_back(&children_[i]);
    // Stable: among repeated keys the last stays last, and is the one kept.
    std::stable_sort(members.begin(), members.end(),
                     [](const JsonValue* a, const JsonValue* b) { return a->key() < b->key(); });
    std::vector<const JsonValue*> unique;
    unique.reserve(members.size());
    for (std::size_t i = 0; i < members.size(); ++i) {
        if (i + 1 < members.size() && members[i + 1]->key() == members[i]->key()) continue;
        unique.push_back(members[i]);
    }
    return unique;
}

std::string_view type_phrase(const JsonValue& value) {
    switch (value.type()) {
        case JsonValue::Type::Null: return "null";
        case JsonValue::Type::Object: return "an object";
        case JsonValue::Type::Array: return "a list";
        case JsonValue::Type::String: return "text";
        case JsonValue::Type::Boolean: return "true/false";
        case JsonValue::Type::Integer:
        case JsonValue::Type::Unsigned:
        case JsonValue::Type::Decimal: return "a number";
    }
    return "an unreadable value";
}

// Builds a JsonTree: the fast reader, and the copy of an nlohmann value.
class JsonTreeBuilder {
public:
    JsonTreeBuilder(std::string_view bytes, JsonTree& tree, int max_depth)
        : p_(bytes.data()),
          end_(bytes.data() + bytes.size()),
          point_(decimal_point()),
          max_depth_(std::min(max_depth, kMaxFastDepth)),
          tree_(tree) {}

    bool document() {
        skip_space();
        if (!value(tree_.root_, 0)) return false;
        skip_space();
        return p_ == end_;
    }

    void copy(const nlohmann::json& from, JsonValue& out) {
        using Type = JsonValue::Type;
        switch (from.type()) {
            case nlohmann::json::value_t::object:
            case nlohmann::json::value_t::array: {
                const bool object = from.is_object();
                out.type_ = object ? Type::Object : Type::Array;
                JsonValue* children = allocate(from.size());
                std::size_t i = 0;
                for (auto it = from.begin(); it != from.end(); ++it, ++i) {
                    if (object) set_key(children[i], keep(it.key()));
                    copy(*it, children[i]);
                }
                out.children_ = children;
                out.size_ = static_cast<std::uint32_t>(from.size());
                break;
            }
            case nlohmann::json::value_t::string: {
                const std::string_view text = keep(from.get_ref<const std::string&>());
                out.type_ = Type::String;
                out.text_ = text.data();
                out.size_ = static_cast<std::uint32_t>(text.size());
                break;
            }
            case nlohmann::json::value_t::boolean:
                out.type_ = Type::Boolean;
                out.boolean_ = from.get<bool>();
                break;
            case nlohmann::json::value_t::number_integer:
                out.type_ = Type::Integer;
                out.integer_ = from.get<std::int64_t>();
                break;
            case nlohmann::json::value_t::number_unsigned:
                out.type_ = Type::Unsigned;
                out.unsigned_ = from.get<std::uint64_t>();
                break;
            case nlohmann::json::value_t::number_float:
                out.type_ = Type::Decimal;
                out.decimal_ = from.get<double>();
                break;
            case nlohmann::json::value_t::null:
            case nlohmann::json::value_t::binary:
            case nlohmann::json::value_t::discarded: out.type_ = Type::Null; break;
        }
    }

    JsonValue& root() { return tree_.root_; }

private:
    static constexpr std::size_t kChunk = 16384;  // values per allocation

    // `count` values with stable addresses, for one container's children.
    JsonValue* allocate(std::size_t count) {
        if (count == 0) return nullptr;
        if (count > tree_.chunk_left_) {
            const std::size_t size = std::max(count, kChunk);
            tree_.chunks_.push_back(std::make_unique<JsonValue[]>(size));
            tree_.chunk_left_ = size;
            tree_.chunk_size_ = size;
        }
        JsonValue* block = tree_.chunks_.back().get() + (tree_.chunk_size_ - tree_.chunk_left_);
        tree_.chunk_left_ -= count;
        return block;
    }

    std::string_view keep(std::string text) {
        tree_.texts_.push_back(std::move(text));
        return tree_.texts_.back();
    }
    static void set_key(JsonValue& value, std::string_view key) {
        value.key_ = key.data();
        value.key_size_ = static_cast<std::uint32_t>(key.size());
    }

    void skip_space() {
        while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
    }

    bool literal(const char* word, std::size_t length) {
        if (static_cast<std::size_t>(end_ - p_) < length || std::memcmp(p_, word, length) != 0) return false;
        p_ += length;
        return true;
    }

    bool value(JsonValue& out, int depth) {
        using Type = JsonValue::Type;
        if (p_ == end_) return false;
        switch (*p_) {
            case '{': return container(out, depth + 1, true);
            case '[': return container(out, depth + 1, false);
            case '"': {
                std::string_view text;
                if (!string(text)) return false;
                out.type_ = Type::String;
                out.text_ = text.data();
                out.size_ = static_cast<std::uint32_t>(text.size());
                return true;
            }
            case 't':
                out.type_ = Type::Boolean;
                out.boolean_ = true;
                return literal("true", 4);
            case 'f':
                out.type_ = Type::Boolean;
                out.boolean_ = false;
                return literal("false", 5);
            case 'n':
                out.type_ = Type::Null;
                return literal("null", 4);
            default: return number(out);
        }
    }

    // An object or array at p_; its children go to scratch_, then to one block.
    bool container(JsonValue& out, int depth, bool object) {
        if (depth > max_depth_) return false;
        const char close = object ? '}' : ']';
        ++p_;
        const std::size_t mark = scratch_.size();
        skip_space();
        if (p_ != end_ && *p_ == close) {
            ++p_;
        } else {
            for (;;) {
                JsonValue child;
                if (object) {
                    std::string_view key;
                    if (p_ == end_ || *p_ != '"' || !string(key)) return false;
                    set_key(child, key);
                    skip_space();
                    if (p_ == end_ || *p_ != ':') return false;
                    ++p_;
                    skip_space();
                }
                if (!value(child, depth)) return false;
                scratch_.push_back(child);
                skip_space();
                if (p_ == end_) return false;
                if (*p_ == close) {
                    ++p_;
                    break;
                }
                if (*p_ != ',') return false;
                ++p_;
                skip_space();
            }
        }
        const std::size_t count = scratch_.size() - mark;
        JsonValue* children = allocate(count);
        if (count > 0) std::memcpy(static_cast<void*>(children), scratch_.data() + mark, count * sizeof(JsonValue));
        scratch_.resize(mark);
        out.type_ = object ? JsonValue::Type::Object : JsonValue::Type::Array;
        out.children_ = children;
        out.size_ = static_cast<std::uint32_t>(count);
        return true;
    }

    // A string at p_ (on its opening quote). The bytes are valid UTF-8 (checked before
    // parsing), so only control characters and escapes need a look. Text without escapes
    // stays in the parsed bytes.
    bool string(std::string_view& text) {
        ++p_;  // '"'
        const char* start = p_;
        while (p_ != end_ && *p_ != '"' && *p_ != '\\' && static_cast<unsigned char>(*p_) >= 0x20) ++p_;
        if (p_ == end_ || static_cast<unsigned char>(*p_) < 0x20) return false;
        if (*p_ == '"') {
            text = std::string_view(start, static_cast<std::size_t>(p_ - start));
            ++p_;
            return true;
        }
        std::string decoded(start, static_cast<std::size_t>(p_ - start));
        if (!escaped_string(decoded)) return false;
        text = keep(std::move(decoded));
        return true;
    }

    // Four hex digits after "\u".
    bool hex4(unsigned& code) {
        if (end_ - p_ < 4) return false;
        code = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = *p_++;
            unsigned digit = 0;
            if (c >= '0' && c <= '9') digit = static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f') digit = static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') digit = static_cast<unsigned>(c - 'A' + 10);
            else return false;
            code = code << 4 | digit;
        }
        return true;
    }

    static void append_utf8(std::string& out, unsigned c) {
        const auto byte = [&](unsigned b) { out += static_cast<char>(b); };
        if (c < 0x80) {
            byte(c);
        } else if (c < 0x800) {
            byte(0xC0 | c >> 6);
            byte(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            byte(0xE0 | c >> 12);
            byte(0x80 | (c >> 6 & 0x3F));
            byte(0x80 | (c & 0x3F));
        } else {
            byte(0xF0 | c >> 18);
            byte(0x80 | (c >> 12 & 0x3F));
            byte(0x80 | (c >> 6 & 0x3F));
            byte(0x80 | (c & 0x3F));
        }
    }

    // The rest of a string with escapes, from p_ (on a backslash), appended to `out`.
    bool escaped_string(std::string& out) {
        for (;;) {
            const char* run = p_;
            while (p_ != end_ && *p_ != '"' && *p_ != '\\' && static_cast<unsigned char>(*p_) >= 0x20) ++p_;
            out.append(run, static_cast<std::size_t>(p_ - run));
            if (p_ == end_ || static_cast<unsigned char>(*p_) < 0x20) return false;
            if (*p_ == '"') {
                ++p_;
                return true;
            }
            ++p_;  // '\\'
            if (p_ == end_) return false;
            const char escape = *p_++;
            switch (escape) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    unsigned code = 0;
                    if (!hex4(code)) return false;
                    if (code >= 0xDC00 && code <= 0xDFFF) return false;  // a lone low surrogate
                    if (code >= 0xD800 && code <= 0xDBFF) {
                        unsigned low = 0;
                        if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
                        p_ += 2;
                        if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                    }
                    append_utf8(out, code);
                    break;
                }
                default: return false;
            }
        }
    }

    static bool is_digit(char c) { return c >= '0' && c <= '9'; }

    // A number in JSON's grammar. Whole numbers (no fraction, no exponent) of up to 18
    // digits are read exactly: unsigned without a sign, signed with one, as nlohmann
    // does; decimals go through strtod with the locale's decimal point, as nlohmann's
    // lexer does. Longer whole numbers and decimals out of range are left to nlohmann.
    bool number(JsonValue& out) {
        const char* start = p_;
        const bool negative = *p_ == '-';
        if (negative) ++p_;
        if (p_ == end_ || !is_digit(*p_)) return false;
        std::uint64_t whole = 0;
        int digits = 0;
        if (*p_ == '0') {
            ++p_;
            digits = 1;
        } else {
            while (p_ != end_ && is_digit(*p_)) {
                whole = whole * 10 + static_cast<std::uint64_t>(*p_ - '0');
                ++digits;
                ++p_;
            }
        }
        bool decimal = false;
        if (p_ != end_ && *p_ == '.') {
            decimal = true;
            ++p_;
            if (p_ == end_ || !is_digit(*p_)) return false;
            while (p_ != end_ && is_digit(*p_)) ++p_;
        }
        if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
            decimal = true;
            ++p_;
            if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
            if (p_ == end_ || !is_digit(*p_)) return false;
            while (p_ != end_ && is_digit(*p_)) ++p_;
        }
        if (!decimal) {
            if (digits > 18) return false;
            if (negative) {
                out.type_ = JsonValue::Type::Integer;
                out.integer_ = -static_cast<std::int64_t>(whole);
            } else {
                out.type_ = JsonValue::Type::Unsigned;
                out.unsigned_ = whole;
            }
            return true;
        }
        const std::size_t length = static_cast<std::size_t>(p_ - start);
        char buffer[64];
        if (length >= sizeof buffer) return false;
        std::memcpy(buffer, start, length);
        buffer[length] = '\0';
        if (point_ != '.') {
            for (std::size_t i = 0; i < length; ++i)
                if (buffer[i] == '.') buffer[i] = point_;
        }
        char* parsed_end = nullptr;
        const double number = std::strtod(buffer, &parsed_end);
        if (parsed_end != buffer + length || !std::isfinite(number)) return false;
        out.type_ = JsonValue::Type::Decimal;
        out.decimal_ = number;
        return true;
    }

    static char decimal_point() {
        const std::lconv* conventions = std::localeconv();
        return conventions == nullptr || conventions->decimal_point == nullptr || conventions->decimal_point[0] == '\0'
                   ? '.'
                   : conventions->decimal_point[0];
    }

    const char* p_;
    const char* end_;
    char point_;  // the locale's decimal point, which strtod expects
    int max_depth_;  // deeper nesting makes the reader give up
    JsonTree& tree_;
    std::vector<JsonValue> scratch_;  // children of the open containers
};

bool parse_json_tree(std::string_view bytes, JsonTree& tree, int max_depth) {
    JsonTreeBuilder builder(bytes, tree, max_depth);
    return builder.document();
}

void tree_from_nlohmann(const nlohmann::json& value, JsonTree& tree) {
    JsonTreeBuilder builder({}, tree, kMaxFastDepth);
    builder.copy(value, builder.root());
}

nlohmann::json to_nlohmann(const JsonValue& value) {
    using Type = JsonValue::Type;
    switch (value.type()) {
        case Type::Null: return nullptr;
        case Type::Boolean: return value.boolean();
        case Type::String: return std::string(value.text());
        case Type::Integer: return value.integer();
        case Type::Unsigned: return value.unsigned_integer();
        case Type::Decimal: return value.number();
        case Type::Array: {
            nlohmann::json array = nlohmann::json::array();
            auto& elements = *array.get_ptr<nlohmann::json::array_t*>();
            elements.reserve(value.size());
            for (const JsonValue& element : value) elements.push_back(to_nlohmann(element));
            return array;
        }
        case Type::Object: {
            nlohmann::json object = nlohmann::json::object();
            auto& members = *object.get_ptr<nlohmann::json::object_t*>();
            for (const JsonValue& member : value) members[std::string(member.key())] = to_nlohmann(member);  // last wins
            return object;
        }
    }
    return nullptr;
}

bool fast_parse_json(std::string_view bytes, nlohmann::json& out) {
    JsonTree tree;
    if (!parse_json_tree(bytes, tree)) return false;
    out = to_nlohmann(tree.root());
    return true;
}

}  // namespace ecomap::detail
