// ecomap core: the size of a document's map file, computed without writing it, and the
// caps every document the app holds keeps, so that it can always be saved and reopened.
//
// Why a cap on the file size and not only per-field caps: the per-field caps of
// limits.hpp allow, at the record caps, a file far larger than any import limit. Worst
// case per record, counting 6 bytes per character (a control character is written
// "\u0001"): an entity 6 x (200 + 2,000 + 10,000 + 2,000 + ~20) = 85 KB, a placement
// 6 x (3 x 200 + 2,000) = 16 KB, a relationship 6 x (3 x 200 + 2 x 2,000) = 28 KB, so
// 20,000 x 85 KB + 60,000 x 16 KB + 60,000 x 28 KB = about 4.3 GB. Caps small enough for
// that product to fit 20 MiB would leave about 150 bytes per record (no notes at all).
// Realistic maps are far smaller (a 20,000-entity sample map is about 13 MiB), so the
// caps are: the per-field and record caps of limits.hpp, AND the map file itself at most
// kMaxDocumentBytes (= the import limit kDefaultMaxBytes). History refuses any command
// that would break one of them (merge and replace included), and import refuses a file
// whose map would not fit them, so whatever the app holds exports to a file that the
// import door reads back.
#pragma once

#include "core/history.hpp"
#include "core/limits.hpp"
#include "core/model.hpp"

#include <cstddef>
#include <string>

namespace ecomap {

inline constexpr std::size_t kMaxDocumentBytes = kDefaultMaxBytes;  // largest map file a document may export to

std::size_t exported_size(const Document& document);  // == export_json(document).size() (exact for valid UTF-8)
std::size_t exported_size(const Entity& entity);      // bytes of one entity in the "entities" list (no separator)
std::size_t exported_size(const Placement& placement);        // bytes of one placement in its list (no separator)
std::size_t exported_size(const Relationship& relationship);  // bytes of one relationship in its list (no separator)

// exported_size(d after apply_change(d, change)) - exported_size(d), for `document` = d.
std::ptrdiff_t exported_size_change(const Document& document, const Change& change);

// Estimated bytes of memory a Change holds (record copies and their text), for the undo cap.
std::size_t change_memory(const Change& change);

// "" when the document keeps the record caps and exports to at most kMaxDocumentBytes;
// else one line naming the cap, e.g. "the map holds 20,001 entities; a map holds at most 20,000".
std::string check_caps(const Document& document);

std::string format_thousands(std::size_t n);             // "20,000"
std::string format_mebibytes(std::size_t bytes);         // "20.3 MiB"
std::string too_many_message(std::string_view records, std::size_t count, std::size_t cap);  // the record cap message
std::string too_big_message(std::size_t bytes);   // the file size cap message

}  // namespace ecomap
