// ecomap core: the entities and relationships tables (see csv.hpp).
#include "core/csv.hpp"

#include "core/csv_input.hpp"
#include "core/i18n.hpp"
#include "core/look.hpp"
#include "core/utf8.hpp"

#include <unordered_map>
#include <vector>

namespace ecomap {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

std::string row(const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i > 0) line += ',';
        line += csv_field(cells[i]);
    }
    return line + "\r\n";
}

}  // namespace

std::string csv_field(std::string_view text) {
    const std::string valid = text::make_valid_utf8(text);
    std::string out = "\"";
    // Guarding a cell that is already guarded keeps the round trip exact: the importer
    // removes exactly one '.
    if (detail::formula_like(valid)) out += '\'';
    for (const char c : valid) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string export_csv_entities(const Document& document) {
    const std::vector<Role>& roles = document.framework.roles;
    const std::string& language = document.meta.language;
    const auto column = [&language](std::string_view key) { return i18n::text(language, key); };
    std::vector<std::string> header = {column("export.csv.id"), column("export.csv.name"), column("export.csv.kind"),
                                       column("export.csv.anonymous")};
    for (const Role& role : roles) header.push_back(role.name);
    header.push_back(column("export.csv.roles"));
    header.push_back(column("export.csv.notes"));
    std::string out(kBom);
    out += row(header);

    std::unordered_map<std::string_view, std::vector<const Placement*>> placements;  // entity id -> its placements
    for (const Placement& placement : document.placements) placements[placement.entity].push_back(&placement);
    const std::vector<std::string> summaries = roles_texts(document);
    for (std::size_t index = 0; index < document.entities.size(); ++index) {
        const Entity& entity = document.entities[index];
        std::vector<std::string> cells = {entity.id, entity.name, std::string(to_string(entity.kind)),
                                          entity.anonymous ? "true" : "false"};
        const auto found = placements.find(entity.id);
        const std::vector<const Placement*> none;
        const std::vector<const Placement*>& own = found == placements.end() ? none : found->second;
        for (const Role& role : roles) {
            std::string cell;
            for (const Placement* p : own)
                if (p->role == role.id) cell += (cell.empty() ? "" : "; ") + placement_text(*p, true);
            cells.push_back(std::move(cell));
        }
        cells.push_back(summaries[index]);
        cells.push_back(entity.notes);
        out += row(cells);
    }
    return out;
}

std::string export_csv_relationships(const Document& document) {
    std::unordered_map<std::string_view, const Entity*> entities;
    for (const Entity& entity : document.entities) entities.emplace(entity.id, &entity);
    const auto name_of = [&entities](const std::string& id) {
        const auto it = entities.find(id);
        return it == entities.end() ? std::string() : it->second->name;
    };
    std::string out(kBom);
    const std::string& language = document.meta.language;
    const auto column = [&language](std::string_view key) { return i18n::text(language, key); };
    out += row({column("export.csv.id"), column("export.csv.from"), column("export.csv.from_name"), column("export.csv.to"),
                column("export.csv.to_name"), column("export.csv.kind"), column("export.csv.label")});
    for (const Relationship& r : document.relationships)
        out += row({r.id, r.from, name_of(r.from), r.to, name_of(r.to), r.kind, r.label});
    return out;
}

}  // namespace ecomap
