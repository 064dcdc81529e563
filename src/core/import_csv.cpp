// ecomap core: reading a participant list (CSV) at the import door (rules in csv.hpp).
//
// Index
//   [SECTION] Records     sniffing, the record reader, formula guards
//   [SECTION] Cells       kinds, booleans, strengths, role lists
//   [SECTION] Rows        one entity and its placements per row
#include "core/csv.hpp"
#include "core/csv_input.hpp"
#include "core/document_size.hpp"
#include "core/framework.hpp"
#include "core/i18n.hpp"
#include "core/invariants.hpp"
#include "core/limits.hpp"
#include "core/restore.hpp"
#include "core/utf8.hpp"

#include <set>
#include <unordered_map>
#include <unordered_set>

namespace ecomap::detail {

// [SECTION] Records ----------------------------------------------------------------------

// The column a folded header cell names: "name", "kind", "id", "anonymous", "notes" or
// "roles" as export_csv_entities writes them in any catalog's language (export.csv.*),
// else the cell itself (a role's name, or a column ecomap does not read).
namespace {
std::string csv_column(const std::string& folded) {
    for (const char* column : {"id", "name", "kind", "anonymous", "notes", "roles"}) {
        if (folded == column) return column;
        for (const i18n::Language& language : i18n::languages())
            if (folded == text::folded(i18n::text(language.code, std::string("export.csv.") + column))) return column;
    }
    return folded;
}
}  // namespace

CsvSniff sniff_csv(std::string_view text) {
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos || text[first] == '{') return {};
    const std::string_view line = text.substr(0, text.find('\n'));
    for (const char delimiter : {',', ';', '\t'}) {
        CsvReader reader(line, delimiter);
        std::vector<std::string> header;
        if (!reader.next(header)) continue;
        for (const std::string& cell : header)
            if (csv_column(text::folded(cell)) == "name") return {CsvShape::Participants, delimiter};
    }
    const char c = text[first];
    const std::string_view rest = text.substr(first);
    const auto literal = [rest](std::string_view word) {
        return rest.substr(0, word.size()) == word &&
               (rest.size() == word.size() || !((rest[word.size()] >= 'a' && rest[word.size()] <= 'z') ||
                                                (rest[word.size()] >= 'A' && rest[word.size()] <= 'Z')));
    };
    const bool json_start = c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9') || literal("true") ||
                            literal("false") || literal("null");
    if (!json_start && line.find_first_of(",;\t") != std::string_view::npos) return {CsvShape::NoNameColumn, ','};
    return {};
}

bool CsvReader::next(std::vector<std::string>& cells) {
    cells.clear();
    if (at_ >= text_.size()) return false;
    const std::size_t size = text_.size();
    const auto ends_field = [this](char c) { return c == delimiter_ || c == '\n' || c == '\r'; };
    std::string cell;
    for (;;) {
        cell.clear();
        if (at_ < size && text_[at_] == '"') {
            ++at_;
            for (;;) {
                if (at_ >= size) {
                    unterminated_ = true;
                    break;
                }
                const char c = text_[at_++];
                if (c != '"') cell += c;
                else if (at_ < size && text_[at_] == '"') cell += text_[at_++];
                else break;
            }
        }
        while (at_ < size && !ends_field(text_[at_])) cell += text_[at_++];  // unquoted, or text after a closing quote
        if (cells.size() < kMaxCsvColumns) cells.push_back(cell);
        else ++dropped_;
        if (at_ >= size) return true;
        const char c = text_[at_++];
        if (c == delimiter_) continue;
        if (c == '\r' && at_ < size && text_[at_] == '\n') ++at_;
        return true;
    }
}

bool formula_like(std::string_view cell) {
    while (!cell.empty() && cell.front() == '\'') cell.remove_prefix(1);
    if (cell.empty()) return false;
    const char c = cell.front();
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

std::string unguard_cell(std::string_view cell) {
    if (!cell.empty() && cell.front() == '\'' && formula_like(cell.substr(1))) cell.remove_prefix(1);
    return std::string(cell);
}

namespace {

// [SECTION] Cells ------------------------------------------------------------------------

std::optional<EntityKind> parse_kind_cell(const std::string& folded) {
    if (folded.empty() || folded == "person" || folded == "people") return EntityKind::Person;
    if (folded == "organization" || folded == "organisation" || folded == "org") return EntityKind::Organization;
    if (folded == "network") return EntityKind::Network;
    return std::nullopt;
}

std::optional<bool> parse_bool_cell(const std::string& folded) {
    if (folded.empty() || folded == "false" || folded == "no" || folded == "0") return false;
    if (folded == "true" || folded == "yes" || folded == "1" || folded == "x") return true;
    return std::nullopt;
}

// "strength (context)", "Role (strength)"...: the text before the bracket and inside it.
struct Bracketed {
    std::string head;   // trimmed text before "(" (all of it when there is no bracket)
    std::string inner;  // trimmed text between the first "(" and the last ")"
    bool has_bracket = false;
};

Bracketed split_bracket(std::string_view item) {
    const std::size_t open = item.find('(');
    const std::size_t close = item.rfind(')');
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) return {text::trimmed(item), {}, false};
    return {text::trimmed(item.substr(0, open)), text::trimmed(item.substr(open + 1, close - open - 1)), true};
}

// Items of a list cell separated by `separators`, outside brackets; empty items skipped.
std::vector<std::string> split_items(std::string_view cell, std::string_view separators) {
    std::vector<std::string> items;
    std::string item;
    int depth = 0;
    for (const char c : cell) {
        if (c == '(') ++depth;
        if (c == ')' && depth > 0) --depth;
        if (depth == 0 && separators.find(c) != std::string_view::npos) {
            if (!text::trimmed(item).empty()) items.push_back(text::trimmed(item));
            item.clear();
        } else {
            item += c;
        }
    }
    if (!text::trimmed(item).empty()) items.push_back(text::trimmed(item));
    return items;
}

// [SECTION] Rows -------------------------------------------------------------------------

class ListReader {
public:
    ListReader(const ImportOptions& options, WarningSink& warnings)
        : options_(options), warnings_(warnings), document_(new_document(default_framework(), options.now_iso)) {
        document_.meta.title = "Participant list";
        const std::vector<Role>& roles = document_.framework.roles;
        for (std::size_t i = 0; i < roles.size(); ++i) {
            role_by_name_.emplace(text::folded(roles[i].name), i);
            role_by_name_.emplace(text::folded(roles[i].id), i);
            for (const std::string& language : template_languages())  // a column named in any language's wording
                if (const Role* worded = default_framework(language).find_role(roles[i].id))
                    role_by_name_.emplace(text::folded(worded->name), i);
        }
    }

    void read_header(const std::vector<std::string>& header) {
        for (std::size_t col = 0; col < header.size(); ++col) {
            const std::string name = csv_column(text::folded(unguard_cell(header[col])));
            const auto take = [&](std::optional<std::size_t>& slot) {
                if (!slot) slot = col;
            };
            if (name == "name") take(name_);
            else if (name == "kind") take(kind_);
            else if (name == "id") take(id_);
            else if (name == "anonymous") take(anonymous_);
            else if (name == "notes") take(notes_);
            else if (name == "roles") take(roles_);
            else if (const auto role = role_by_name_.find(name); role != role_by_name_.end() && !name.empty())
                role_columns_.emplace_back(col, role->second);
            else if (!name.empty())
                warn(1, text::quoted_excerpt(text::trimmed(header[col])), "not a column ecomap reads; ignored");
        }
    }

    // Reads one data row; false when a limit was reached (result.error is then set).
    bool read_row(int row, const std::vector<std::string>& raw, ImportResult& result) {
        std::vector<std::string> cells;
        bool blank = true;
        for (const std::string& cell : raw) {
            cells.push_back(unguard_cell(cell));
            blank = blank && text::trimmed(cell).empty();
        }
        if (blank) return true;
        if (document_.entities.size() >= options_.max_entities) {
            result.error = ImportError{ImportErrorCode::TooManyRecords,
                                       "the list has more than " + std::to_string(options_.max_entities) +
                                           " people, organizations and networks (row " + std::to_string(row) + ")",
                                       "", row, 0};
            return false;
        }
        const auto cell = [&cells](const std::optional<std::size_t>& col) {
            return col && *col < cells.size() ? cells[*col] : std::string();
        };
        Entity entity;
        const std::string kind_text = text::folded(cell(kind_));
        if (const auto kind = parse_kind_cell(kind_text)) entity.kind = *kind;
        else warn(row, "kind", "unknown kind " + text::quoted_excerpt(text::trimmed(cell(kind_))) + "; using \"person\"");
        const std::string anonymous_text = text::folded(cell(anonymous_));
        if (const auto anonymous = parse_bool_cell(anonymous_text)) entity.anonymous = *anonymous;
        else warn(row, "anonymous", "expected true or false, found " + text::quoted_excerpt(text::trimmed(cell(anonymous_))) + "; using false");
        entity.name = clip(row, "name", text::trimmed(cell(name_)), kMaxNameLength);
        if (entity.name.empty() && !entity.anonymous)
            warn(row, "name", "the name is empty; added as an unnamed " + std::string(to_string(entity.kind)));
        entity.notes = clip(row, "notes", cell(notes_), kMaxTextLength);
        entity.id = claim_id(row, text::trimmed(cell(id_)), entity.kind);
        if (role_columns_.empty()) read_roles_cell(row, entity.id, cell(roles_));
        for (const auto& [col, role] : role_columns_)
            if (col < cells.size()) read_role_column(row, entity.id, role, cells[col]);
        document_.entities.push_back(std::move(entity));
        if (document_.placements.size() > options_.max_placements) {
            result.error = ImportError{ImportErrorCode::TooManyRecords,
                                       "the list places people on roles more than " +
                                           std::to_string(options_.max_placements) + " times (row " + std::to_string(row) + ")",
                                       "", row, 0};
            return false;
        }
        return true;
    }

    Document finish() && { return std::move(document_); }

    void warn(int row, const std::string& column, const std::string& message) {
        warnings_.add("", "row " + std::to_string(row) + ", " + column + ": " + message);
    }

private:
    std::string clip(int row, const char* column, std::string value, std::size_t max) {
        if (text::code_point_count(value) <= max) return value;
        warn(row, column, "longer than " + std::to_string(max) + " characters; cut");
        return text::truncate_code_points(value, max);
    }

    std::string claim_id(int row, const std::string& wanted, EntityKind kind) {
        if (!wanted.empty() && text::code_point_count(wanted) <= kMaxIdLength && ids_.insert(wanted).second) return wanted;
        const std::string prefix = kind == EntityKind::Person ? "p" : kind == EntityKind::Organization ? "o" : "n";
        std::size_t& next = next_id_[prefix];
        std::string id;
        do id = prefix + std::to_string(++next);
        while (!ids_.insert(id).second);
        if (!wanted.empty())
            warn(row, "id", "the id " + text::quoted_excerpt(wanted) + " is used twice or too long; gave this row " +
                                text::quoted_excerpt(id));
        return id;
    }

    void place(int row, const char* column, const std::string& entity, std::size_t role, Strength strength,
               std::string context) {
        const Role& r = document_.framework.roles[role];
        context = clip(row, column, std::move(context), kMaxNameLength);
        if (!placed_.insert(entity + '\x1f' + r.id + '\x1f' + context).second) {
            warn(row, column, r.name + " is listed twice" + (context.empty() ? "" : " for " + text::quoted_excerpt(context)) +
                                  "; kept once");
            return;
        }
        Placement p;
        p.id = "pl" + std::to_string(document_.placements.size() + 1);
        p.entity = entity;
        p.role = r.id;
        p.strength = strength;
        p.context = std::move(context);
        document_.placements.push_back(std::move(p));
    }

    // "Weavers (primary); builders | Healers (aspiring)".
    void read_roles_cell(int row, const std::string& entity, const std::string& cell) {
        for (const std::string& item : split_items(cell, ";|")) {
            const Bracketed parts = split_bracket(item);
            const auto role = role_by_name_.find(text::folded(parts.head));
            if (role == role_by_name_.end()) {
                warn(row, "roles", "no role " + text::quoted_excerpt(parts.head) + "; skipped");
                continue;
            }
            Strength strength = Strength::Primary;
            if (parts.has_bracket && !parts.inner.empty()) {
                if (const auto parsed = parse_strength(text::folded(parts.inner))) strength = *parsed;
                else warn(row, "roles", "unknown strength " + text::quoted_excerpt(parts.inner) + " for " +
                                            document_.framework.roles[role->second].name + "; using primary");
            }
            place(row, "roles", entity, role->second, strength, {});
        }
    }

    // "secondary (at work); primary" in the column of one role.
    void read_role_column(int row, const std::string& entity, std::size_t role, const std::string& cell) {
        const std::string column = document_.framework.roles[role].name;
        for (const std::string& item : split_items(cell, ";")) {
            const Bracketed parts = split_bracket(item);
            const std::string word = text::folded(parts.head);
            Strength strength = Strength::Primary;
            if (const auto parsed = parse_strength(word)) strength = *parsed;
            else if (!word.empty() && !parse_bool_cell(word).value_or(false))
                warn(row, column, "unknown strength " + text::quoted_excerpt(parts.head) + "; using primary");
            place(row, column.c_str(), entity, role, strength, parts.inner);
        }
    }

    const ImportOptions& options_;
    WarningSink& warnings_;
    Document document_;
    std::unordered_map<std::string, std::size_t> role_by_name_;  // folded role name or id -> role index
    std::optional<std::size_t> name_, kind_, id_, anonymous_, notes_, roles_;  // columns, when present
    std::vector<std::pair<std::size_t, std::size_t>> role_columns_;  // column -> role index
    std::unordered_set<std::string> ids_;
    std::unordered_map<std::string, std::size_t> next_id_;
    std::unordered_set<std::string> placed_;  // entity, role, context
};

}  // namespace

void import_csv(std::string_view text, char delimiter, const ImportOptions& options, ImportResult& result) {
    WarningSink warnings(result.warnings);
    ListReader list(options, warnings);
    CsvReader reader(text, delimiter);
    std::vector<std::string> cells;
    reader.next(cells);
    list.read_header(cells);
    int row = 1;
    while (reader.next(cells)) {
        if (!list.read_row(++row, cells, result)) {
            result.warnings.clear();
            return;
        }
    }
    if (reader.unterminated_quote())
        warnings.add("", "the last quoted cell is not closed (a \" is missing); read up to the end of the file");
    if (reader.dropped_cells() > 0)
        warnings.add("", std::to_string(reader.dropped_cells()) + " cells past column " + std::to_string(kMaxCsvColumns) +
                             " were not read");
    Document document = std::move(list).finish();
    if (document.entities.empty()) warnings.add("", "the list has no rows below its header; the map is empty");
    warnings.finish();
    if (const auto problems = check_invariants(document); !problems.empty()) {
        result.error = ImportError{ImportErrorCode::Inconsistent,
                                   "internal error: the list gave a map that breaks a rule (" + problems.front() +
                                       "); please report this file",
                                   "", 0, 0};
        result.warnings.clear();
        return;
    }
    if (std::string error = check_caps(document); !error.empty()) {
        result.error = ImportError{ImportErrorCode::TooLarge, "this list is too big to open: " + error, "", 0, 0};
        result.warnings.clear();
        return;
    }
    result.document = std::move(document);
}

}  // namespace ecomap::detail
