// ecomap core: crowded roles (see crowding.hpp).
#include "core/crowding.hpp"

#include "core/document_size.hpp"
#include "core/look.hpp"

#include <algorithm>
#include <limits>

namespace ecomap {

CrowdedRoles::CrowdedRoles(std::size_t role_count)
    : tokens_(role_count, 0), smallest_(role_count, std::numeric_limits<double>::infinity()) {}

void CrowdedRoles::add(int role_index, double radius) {
    const auto role = static_cast<std::size_t>(role_index);
    if (role_index < 0 || role >= tokens_.size()) return;
    ++tokens_[role];
    smallest_[role] = std::min(smallest_[role], radius);
}

std::vector<int> CrowdedRoles::counts(double readable) const {
    std::vector<int> out(tokens_.size(), 0);
    for (std::size_t i = 0; i < tokens_.size(); ++i)
        if (tokens_[i] > 1 && smallest_[i] < readable) out[i] = tokens_[i];
    return out;
}

std::vector<std::string> crowded_card_lines(int total, const std::array<int, 3>& by_kind, std::string_view language) {
    std::vector<std::string> lines = {format_count(static_cast<std::size_t>(std::max(0, total)), language)};
    for (std::size_t k = 0; k < by_kind.size(); ++k)
        if (by_kind[k] > 0)
            lines.push_back(kind_count(static_cast<EntityKind>(k), static_cast<std::size_t>(by_kind[k]), language));
    return lines;
}

}  // namespace ecomap
