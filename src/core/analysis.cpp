// ecomap core: counts and gaps per role (see analysis.hpp for the rules).
#include "core/analysis.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace ecomap {

Analysis analyse(const Document& document, const AnalysisOptions& options) {
    Analysis out;
    const std::vector<Role>& roles = document.framework.roles;
    out.roles.resize(roles.size());
    std::unordered_map<std::string_view, int> role_of;
    for (std::size_t i = 0; i < roles.size(); ++i) {
        out.roles[i].role = roles[i].id;
        out.roles[i].votes = document.votes_for(roles[i].id);
        out.votes += out.roles[i].votes;
        role_of.emplace(roles[i].id, static_cast<int>(i));
    }
    std::unordered_map<std::string_view, EntityKind> kind_of;
    for (const Entity& e : document.entities) kind_of.emplace(e.id, e.kind);

    std::vector<std::unordered_set<std::string_view>> on_role(roles.size());
    std::unordered_set<std::string_view> placed;
    for (const Placement& p : document.placements) {
        const auto role = role_of.find(p.role);
        const auto kind = kind_of.find(p.entity);
        if (role == role_of.end() || kind == kind_of.end()) {
            ++out.ignored_placements;
            continue;
        }
        RoleStats& stats = out.roles[static_cast<std::size_t>(role->second)];
        ++stats.placements;
        ++stats.by_strength[slot(p.strength)];
        ++stats.by_energy[slot(p.energy)];
        if (on_role[static_cast<std::size_t>(role->second)].insert(p.entity).second) {
            ++stats.entities;
            ++stats.by_kind[slot(kind->second)];
        }
        placed.insert(p.entity);
    }
    out.entities_placed = static_cast<int>(placed.size());
    out.entities_unplaced = static_cast<int>(kind_of.size()) - out.entities_placed;

    out.thin_threshold =
        std::max(1, static_cast<int>(std::ceil(options.thin_fraction * out.entities_placed - 1e-9)));
    int total = 0;
    for (const RoleStats& stats : out.roles) total += stats.entities;
    const double mean = roles.empty() ? 0.0 : static_cast<double>(total) / static_cast<double>(roles.size());
    out.crowded_threshold =
        std::max(options.crowded_min, static_cast<int>(std::ceil(options.crowded_factor * mean - 1e-9)));

    for (std::size_t i = 0; i < out.roles.size(); ++i) {
        RoleStats& stats = out.roles[i];
        const int index = static_cast<int>(i);
        stats.empty = stats.entities == 0;
        stats.thin = !stats.empty && stats.entities < out.thin_threshold;
        stats.crowded = stats.entities >= out.crowded_threshold;
        if (stats.empty) out.empty_roles.push_back(index);
        if (stats.thin) out.thin_roles.push_back(index);
        out.ranking.push_back(index);
    }
    std::stable_sort(out.ranking.begin(), out.ranking.end(),
                     [&](int a, int b) { return out.roles[a].entities > out.roles[b].entities; });
    for (int index : out.ranking)
        if (out.roles[static_cast<std::size_t>(index)].crowded) out.crowded_roles.push_back(index);
    return out;
}

}  // namespace ecomap
