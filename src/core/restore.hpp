// ecomap core (internal): turning a parsed, migrated map object into a valid Document.
// Defaults fill missing fields, absurd values are clamped, duplicate ids renamed,
// dangling records dropped; each repair becomes one warning. One bad record never
// fails the file.
#pragma once

#include "core/io_json.hpp"
#include "core/json_tree.hpp"

#include <nlohmann/json.hpp>

#include <optional>
#include <vector>

namespace ecomap::detail {

// Collects warnings, keeping the first kMaxWarnings and counting the rest.
class WarningSink {
public:
    explicit WarningSink(std::vector<ImportWarning>& out) : out_(out) {}
    void add(std::string path, std::string message);  // one repair or drop
    void finish();  // appends "... and N more" when warnings were left out

private:
    std::vector<ImportWarning>& out_;
    std::size_t left_out_ = 0;
};

struct Restored {
    std::optional<Document> document;  // set on success
    std::optional<ImportError> error;  // TooManyRecords or NothingUsable
};

// `root` is the map object, migrated to the current formatVersion.
Restored restore_document(const JsonValue& root, const ImportOptions& options, WarningSink& warnings);

}  // namespace ecomap::detail
