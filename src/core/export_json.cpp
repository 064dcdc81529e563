// ecomap core: export_json, the map file (format described in io_json.hpp).
#include "core/framework_json.hpp"
#include "core/io_json.hpp"

namespace ecomap {

std::string export_json(const Document& document) {
    using ordered = nlohmann::ordered_json;
    ordered entities = ordered::array();
    for (const Entity& entity : document.entities) {
        entities.push_back({{"id", entity.id},
                            {"kind", to_string(entity.kind)},
                            {"name", entity.name},
                            {"anonymous", entity.anonymous},
                            {"notes", entity.notes},
                            {"source", entity.source}});
    }
    ordered placements = ordered::array();
    for (const Placement& placement : document.placements) {
        ordered record = {{"id", placement.id},
                          {"entity", placement.entity},
                          {"role", placement.role},
                          {"strength", to_string(placement.strength)},
                          {"energy", to_string(placement.energy)},
                          {"context", placement.context}};
        if (placement.position) record["position"] = {{"x", placement.position->x}, {"y", placement.position->y}};
        placements.push_back(std::move(record));
    }
    ordered relationships = ordered::array();
    for (const Relationship& relationship : document.relationships) {
        relationships.push_back({{"id", relationship.id},
                                 {"from", relationship.from},
                                 {"to", relationship.to},
                                 {"kind", relationship.kind},
                                 {"label", relationship.label}});
    }
    ordered reflections = ordered::object();
    for (const auto& [prompt_id, answer] : document.reflections) reflections[prompt_id] = answer;
    ordered votes = ordered::object();  // std::map: sorted by role id
    for (const auto& [role_id, count] : document.votes) votes[role_id] = count;

    ordered file;
    file["format"] = kFormatName;
    file["formatVersion"] = kFormatVersion;
    file["meta"] = {{"title", document.meta.title},
                    {"created", document.meta.created},
                    {"modified", document.meta.modified}};
    file["framework"] = detail::framework_to_json(document.framework);
    file["centre"] = {{"values", document.centre.values}, {"cause", document.centre.cause}};
    file["entities"] = std::move(entities);
    file["placements"] = std::move(placements);
    file["relationships"] = std::move(relationships);
    file["reflections"] = std::move(reflections);
    file["votes"] = std::move(votes);
    // Invalid UTF-8 (only possible in a document built in code) is replaced, never thrown.
    return file.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace ecomap
