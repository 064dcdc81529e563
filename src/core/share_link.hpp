// ecomap core: a map small enough to travel in a link.
//
// A share link carries the map in the URL fragment (never sent to a server):
// "#map=1.<base64url of the deflated compact text>". The page deflates/inflates and
// base64-encodes (the browser's CompressionStream, with a limit on the inflated size);
// the core turns a Document into the compact text and back into an ordinary map file,
// which then goes through import_document like any other input (limits, repairs, checks).
//
// Compact text, version 1 (JSON, every field optional except "v"):
//   {"v": 1, "t": title, "l": language (meta.language; absent = "en"), "c": [values], "k": cause,
//    "f": framework (the map file's "framework" object; absent = the built-in framework
//         in the map's language),
//    "e": [[kind 0 person | 1 organization | 2 network, name, notes, anonymous 0/1, source]],
//    "p": [[entity index, role index, strength 0 primary | 1 secondary | 2 aspiring,
//           energy 0 unspecified | 1 energizes | 2 depletes, context, x, y]],
//    "r": [[from entity index, to entity index, kind, label]],
//    "n": {prompt id: reflection}, "d": {role id: votes}}
// Trailing default values of a row are left out; ids are renumbered (e1, p1, r1...).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/model.hpp"

namespace ecomap {

inline constexpr int kShareLinkVersion = 1;

std::string compact_map(const Document& document);  // the compact text (version 1); pure

// The map file that a compact text stands for, or nullopt with `error` saying what is wrong
// (not JSON, a newer version, a row that does not fit). Values are checked by import_document.
std::optional<std::string> expand_map(std::string_view compact, std::string& error);

}  // namespace ecomap
