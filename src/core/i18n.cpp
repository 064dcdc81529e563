// The catalogs (core/i18n.hpp): src/i18n/*.json compiled into tables (cmake/catalog_texts.py),
// copied into maps on first use.
#include "core/i18n.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <span>

#include "core/embedded.hpp"

namespace ecomap::i18n {
namespace {

struct Catalog {
    Language language;
    std::map<std::string, std::string, std::less<>> texts;
};

struct Catalogs {
    std::vector<Catalog> list;  // English first
    std::vector<Language> languages;
    std::string current{kDefaultLanguage};
};

Catalogs& catalogs() {
    static Catalogs all = [] {
        Catalogs result;
        for (const embedded::CatalogTable& table : embedded::catalogs()) {  // English first
            Catalog catalog;
            catalog.language = {std::string(table.code), std::string(table.name)};
            for (const embedded::CatalogText& entry : table.texts)
                catalog.texts.emplace_hint(catalog.texts.end(), entry.key, entry.text);  // sorted already
            result.languages.push_back(catalog.language);
            result.list.push_back(std::move(catalog));
        }
        return result;
    }();
    return all;
}

const Catalog* find_catalog(std::string_view code) {
    for (const Catalog& catalog : catalogs().list)
        if (catalog.language.code == code) return &catalog;
    return nullptr;
}

const std::string* find_text(const Catalog* catalog, std::string_view key) {
    if (catalog == nullptr) return nullptr;
    const auto found = catalog->texts.find(key);
    return found == catalog->texts.end() ? nullptr : &found->second;
}

// Texts asked for by a key no catalog has: kept so that a returned reference stays valid.
const std::string& missing(std::string_view key) {
    static std::map<std::string, std::string, std::less<>> keys;
    auto found = keys.find(key);
    if (found == keys.end()) found = keys.emplace(std::string(key), std::string(key)).first;
    return found->second;
}

using Pair = std::pair<std::string_view, std::string_view>;

std::string fill(std::string_view text, std::span<const Pair> args) {
    std::string out;
    out.reserve(text.size() + 16);
    for (size_t i = 0; i < text.size();) {
        if (text[i] == '{') {
            const size_t close = text.find('}', i + 1);
            if (close != std::string_view::npos) {
                const std::string_view name = text.substr(i + 1, close - i - 1);
                const auto arg = std::find_if(args.begin(), args.end(), [&](const auto& a) { return a.first == name; });
                if (arg != args.end()) {
                    out += arg->second;
                    i = close + 1;
                    continue;
                }
            }
        }
        out += text[i++];
    }
    return out;
}

// The plural category of n: "one" or "other" (the rule of English and Spanish; a catalog
// whose language needs more forms adds its rule here, as Intl.PluralRules names them).
std::string_view plural_category(std::string_view /*language*/, long long n) { return n == 1 ? "one" : "other"; }

}  // namespace

const std::vector<Language>& languages() { return catalogs().languages; }

bool has_language(std::string_view code) { return find_catalog(code) != nullptr; }

std::string_view match_language(std::string_view wanted) {
    for (const Catalog& catalog : catalogs().list) {
        const std::string& code = catalog.language.code;
        if (wanted.size() >= code.size() && std::equal(code.begin(), code.end(), wanted.begin(), [](char a, char b) {
                return a == static_cast<char>(std::tolower(static_cast<unsigned char>(b)));
            }) && (wanted.size() == code.size() || wanted[code.size()] == '-' || wanted[code.size()] == '_'))
            return code;
    }
    return kDefaultLanguage;
}

const std::string& text(std::string_view language, std::string_view key) {
    if (const std::string* found = find_text(find_catalog(language), key)) return *found;
    if (const std::string* found = find_text(find_catalog(kDefaultLanguage), key)) return *found;
    return missing(key);
}

std::string format(std::string_view language, std::string_view key, Args args) {
    return fill(text(language, key), std::span<const Pair>(args.begin(), args.size()));
}

std::string plural(std::string_view language, std::string_view key, long long n, Args args) {
    const std::string form = std::string(key) + "." + std::string(plural_category(language, n));
    const std::string count = std::to_string(n);
    std::vector<Pair> all(args.begin(), args.end());
    all.emplace_back("n", count);
    return fill(text(language, form), all);
}

bool has_key(std::string_view language, std::string_view key) { return find_text(find_catalog(language), key) != nullptr; }

std::vector<std::string> keys(std::string_view language) {
    std::vector<std::string> out;
    if (const Catalog* catalog = find_catalog(language))
        for (const auto& [key, value] : catalog->texts) out.push_back(key);
    return out;
}

bool set_language(std::string_view code) {
    if (!has_language(code)) return false;
    catalogs().current = std::string(code);
    return true;
}

const std::string& language() { return catalogs().current; }

const char* tr(std::string_view key) { return text(language(), key).c_str(); }

std::string tr(std::string_view key, Args args) { return format(language(), key, args); }

std::string trn(std::string_view key, long long n, Args args) { return plural(language(), key, n, args); }

std::string step_label(std::string_view label) {
    const std::string key = "step." + std::string(label);
    return has_key(kDefaultLanguage, key) ? text(language(), key) : std::string(label);
}

}  // namespace ecomap::i18n
