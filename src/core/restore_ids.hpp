// ecomap core (internal): the ids restore gives records (see restore.hpp).
#pragma once

#include "core/id_set.hpp"
#include "core/json_tree.hpp"
#include "core/limits.hpp"
#include "core/restore.hpp"
#include "core/utf8.hpp"

#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ecomap::detail {

// Gives each record of one type a unique id: the first record holding an id keeps it,
// later holders are renamed, records without a usable id get a generated one. New ids
// never collide with any id in the file, so references keep their meaning.
class IdAssigner {
public:
    // `raw`: the ids in the file of every record (reserve_ids), kept alive by the caller.
    IdAssigner(std::string_view noun, WarningSink& warnings, const std::vector<std::optional<std::string>>& raw)
        : noun_(noun), warnings_(warnings), raw_(raw), given_(raw.size()) {}

    // The id of the record at `path` whose "id" member is `member` (read with as_id).
    // `keeps_own` tells whether the record kept the id it had in the file.
    std::string assign(const JsonValue* member, const std::optional<std::string>& raw, const std::string& path,
                       bool& keeps_own) {
        keeps_own = false;
        if (raw && given_.insert(*raw)) {
            keeps_own = true;
            return *raw;
        }
        const std::string id_path = path + "/id";
        if (!raw) {
            std::string id = fresh(noun_, 1);
            warnings_.add(id_path, (member == nullptr ? "the " + noun_ + " has no id"
                                                      : "the " + noun_ + " id is not usable (empty, too long or not text)") +
                                       "; gave it " + text::quoted_excerpt(id));
            return id;
        }
        std::string id = fresh(*raw, 2);
        warnings_.add(id_path, "the " + noun_ + " id " + text::quoted_excerpt(*raw) + " is used twice; renamed this one to " +
                                   text::quoted_excerpt(id) + " (references still point at the first)");
        return id;
    }

private:
    // base-N for the first N >= first_suffix that no id uses.
    std::string fresh(const std::string& base, std::size_t first_suffix) {
        if (!taken_built_) {  // only files with missing or repeated ids need it
            for (const auto& raw : raw_)
                if (raw) taken_.insert(*raw);
            taken_built_ = true;
        }
        std::size_t& next = next_suffix_.try_emplace(base, first_suffix).first->second;
        for (;; ++next) {
            const std::string suffix = "-" + std::to_string(next);
            made_.push_back(text::truncate_code_points(base, kMaxIdLength - suffix.size()) + suffix);
            if (taken_.insert(made_.back())) {
                ++next;
                return made_.back();
            }
            made_.pop_back();
        }
    }

    std::string noun_;
    WarningSink& warnings_;
    const std::vector<std::optional<std::string>>& raw_;
    IdSet given_;  // file ids already kept by a record
    IdSet taken_;  // every id in the file and every id handed out (built on first use)
    bool taken_built_ = false;
    std::deque<std::string> made_;  // the ids handed out (taken_ refers to them)
    std::unordered_map<std::string, std::size_t> next_suffix_;
};

}  // namespace ecomap::detail
