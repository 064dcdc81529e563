// ecomap core: limits that the importer enforces and every valid document respects.
// Text lengths count characters (Unicode code points), not bytes.
#pragma once

#include <cstddef>

namespace ecomap {

inline constexpr std::size_t kMaxIdLength = 200;        // ids of records, roles and prompts
inline constexpr std::size_t kMaxNameLength = 2'000;    // names, titles, contexts, kinds, labels, values, dates, urls
inline constexpr std::size_t kMaxTextLength = 10'000;   // notes, reflections, cause, descriptions, prompt texts
inline constexpr std::size_t kMaxValues = 100;          // centre values (and a framework's default values)
inline constexpr std::size_t kMaxRoles = 64;            // roles in a framework
inline constexpr std::size_t kMaxPrompts = 256;         // prompts in a framework
inline constexpr int kMaxVotesPerRole = 100'000;      // dot votes recorded on one role
inline constexpr double kMaxCoordinate = 1'000'000.0;   // |x| and |y| of a placement position, in map units

// Record limits are set so that a realistic map at the limits still exports to less than
// kDefaultMaxBytes (a 20,000-entity sample map is about 13 MiB). The per-field and record
// caps together allow files of gigabytes, so the map file itself is capped too
// (kMaxDocumentBytes in document_size.hpp, which explains the numbers): whatever a
// History holds exports to at most kDefaultMaxBytes and so can be re-opened.
inline constexpr std::size_t kDefaultMaxBytes = 20u * 1024u * 1024u;  // largest file read (20 MiB)
inline constexpr int kDefaultMaxDepth = 64;                          // deepest array/object nesting read
inline constexpr std::size_t kDefaultMaxEntities = 20'000;           // entities in one map
inline constexpr std::size_t kDefaultMaxPlacements = 60'000;         // placements in one map
inline constexpr std::size_t kDefaultMaxRelationships = 60'000;      // relationships in one map

}  // namespace ecomap
