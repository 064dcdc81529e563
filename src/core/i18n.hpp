// ecomap core: the words ecomap shows, in the reader's language.
//
// One catalog per language, src/i18n/<code>.json, embedded at build time (adding a
// language is adding a file): a flat object of stable keys to texts, plus "@name" (the
// language's own name, for the menu). Texts may hold placeholders, {name}, filled by
// format(). A plural text has two keys, "<key>.one" and "<key>.other", chosen by
// plural() from the count (the count is the placeholder {n}).
// A key missing from a catalog falls back to English; a key missing from English shows
// as the key itself, which the catalog tests catch.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ecomap::i18n {

inline constexpr std::string_view kDefaultLanguage = "en";  // the fallback catalog

struct Language {
    std::string code;  // "en", "es": the catalog's file name and the map's "language"
    std::string name;  // the language's own name ("Español"), for the language menu
};

using Args = std::initializer_list<std::pair<std::string_view, std::string_view>>;  // {placeholder, value}

const std::vector<Language>& languages();         // every embedded catalog, English first
bool has_language(std::string_view code);         // true when a catalog with this code exists
std::string_view match_language(std::string_view wanted);  // best catalog for "es-MX" / "es" / "fr" (English when none)

// [SECTION] Lookups in a named language (exports: the map's language)
const std::string& text(std::string_view language, std::string_view key);  // the text (fallbacks above)
std::string format(std::string_view language, std::string_view key, Args args);  // {placeholders} filled
std::string plural(std::string_view language, std::string_view key, long long n, Args args = {});  // "<key>.one"/".other", {n} filled
bool has_key(std::string_view language, std::string_view key);  // the catalog itself has the key (no fallback)
std::vector<std::string> keys(std::string_view language);        // the catalog's keys, sorted ("@" keys left out)

// [SECTION] The interface's language (one per process; set from ?lang=, the browser, the menu)
bool set_language(std::string_view code);  // false (and unchanged) when no such catalog
const std::string& language();              // the current code, "en" until set
const char* tr(std::string_view key);       // text(language(), key) as a C string that lives as long as the process
std::string tr(std::string_view key, Args args);                     // format() in the current language
std::string trn(std::string_view key, long long n, Args args = {});  // plural() in the current language
std::string step_label(std::string_view label);  // an undo step's label ("Connect", core/commands) in the current language: the catalog's "step.<label>", else the label as it is

}  // namespace ecomap::i18n
