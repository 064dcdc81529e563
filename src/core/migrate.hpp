// ecomap core (internal): upgrading saved maps from older formatVersions, one version at
// a time, on the parsed JSON before restore.
#pragma once

#include "core/io_error.hpp"
#include "core/restore.hpp"

#include <nlohmann/json.hpp>

#include <span>
#include <vector>

namespace ecomap::detail {

// Upgrades a map object of version k to version k + 1. Total: never throws on any shape
// (restore repairs what the migration leaves); may add warnings, through the same sink as
// restore so the warning cap holds over the whole import.
using Migration = void (*)(nlohmann::json& root, WarningSink& warnings);

std::span<const Migration> migrations();  // migrations()[k] upgrades k -> k + 1; size() == kFormatVersion

// Applies migrations()[from_version ...] in order and sets "formatVersion" to
// kFormatVersion. Returns how many steps ran. from_version must be <= kFormatVersion.
int migrate_to_current(nlohmann::json& root, int from_version, WarningSink& warnings);

}  // namespace ecomap::detail
