// ecomap core: the role commands of commands.hpp: a map's own roles, named, described,
// coloured, added and removed. Each replaces the framework as one undo step.
#include "core/command_checks.hpp"
#include "core/commands.hpp"
#include "core/limits.hpp"
#include "core/look.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>

namespace ecomap {

namespace {

using command_checks::check_text;
using command_checks::role_unknown;

// Colours for added roles (Paul Tol's muted and bright schemes, which colour-blind
// viewers tell apart); an added role takes the one least like the roles already there.
constexpr std::array<const char*, 14> kPalette = {"#332288", "#88CCEE", "#44AA99", "#117733", "#999933",
                                                  "#DDCC77", "#CC6677", "#882255", "#AA4499", "#4477AA",
                                                  "#EE6677", "#228833", "#CCBB44", "#66CCEE"};

// How far apart two colours look, roughly ("redmean" weighting of RGB).
double colour_distance(Rgb a, Rgb b) {
    const double r = (a.r + b.r) / 2, dr = a.r - b.r, dg = a.g - b.g, db = a.b - b.b;
    return std::sqrt((2 + r) * dr * dr + 4 * dg * dg + (3 - r) * db * db);
}

std::string next_colour(const Framework& framework) {
    const char* best = kPalette[0];
    double best_distance = -1;
    for (const char* candidate : kPalette) {
        double nearest = 1e9;
        for (const Role& role : framework.roles)
            nearest = std::min(nearest, colour_distance(parse_hex_color(candidate), parse_hex_color(role.color)));
        if (nearest > best_distance) best = candidate, best_distance = nearest;
    }
    return best;
}

// A command that edits the role `role_id` with `edit`, which returns "" or why not.
Command edit_role(std::string label, std::string coalesce, std::string role_id,
                  std::function<std::string(const Framework&, Role&)> edit) {
    return {std::move(label), std::move(coalesce), [id = std::move(role_id), edit = std::move(edit)](const Document& doc) {
                const int index = doc.framework.role_index(id);
                if (index < 0) return refuse(role_unknown(id));
                Framework after = doc.framework;
                if (std::string error = edit(doc.framework, after.roles[static_cast<std::size_t>(index)]); !error.empty())
                    return refuse(std::move(error));
                CommandOutcome outcome;
                outcome.change.framework = ValueStep<Framework>{doc.framework, std::move(after)};
                return outcome;
            }};
}

bool name_taken(const Framework& framework, std::string_view name, std::string_view except_id) {
    return std::any_of(framework.roles.begin(), framework.roles.end(),
                       [&](const Role& role) { return role.id != except_id && text::folded(role.name) == text::folded(name); });
}

}  // namespace

Command set_role_name(std::string role_id, std::string name) {
    std::string key = "role:" + role_id + ":name";
    return edit_role("Rename role", std::move(key), std::move(role_id), [name = std::move(name)](const Framework& framework, Role& role) {
        if (std::string error = check_text("the role's name", name, kMaxNameLength); !error.empty()) return error;
        if (text::trimmed(name).empty()) return std::string("a role needs a name");
        if (name_taken(framework, name, role.id)) return "another role is already called \"" + name + "\"";
        role.name = name;
        return std::string();
    });
}

Command set_role_description(std::string role_id, std::string description) {
    std::string key = "role:" + role_id + ":description";
    return edit_role("Edit role description", std::move(key), std::move(role_id),
                     [description = std::move(description)](const Framework&, Role& role) {
                         if (std::string error = check_text("the description", description, kMaxTextLength); !error.empty())
                             return error;
                         role.description = description;
                         return std::string();
                     });
}

Command set_role_color(std::string role_id, std::string color) {
    std::string key = "role:" + role_id + ":color";
    return edit_role("Change role colour", std::move(key), std::move(role_id), [color = std::move(color)](const Framework&, Role& role) {
        const Rgb none{-1, -1, -1};
        if (color.size() != 7 || parse_hex_color(color, none) == none) return "\"" + color + "\" is not a colour like #3366CC";
        role.color = to_hex(parse_hex_color(color));
        return std::string();
    });
}

Command add_role(std::string name) {
    return {"Add role", {}, [name = std::move(name)](const Document& doc) {
                const Framework& before = doc.framework;
                if (before.roles.size() >= kMaxRoles) return refuse("a map holds at most " + std::to_string(kMaxRoles) + " roles");
                Role role;
                for (std::size_t n = before.roles.size() + 1;; ++n) {
                    role.id = "role-" + std::to_string(n);
                    if (before.role_index(role.id) < 0) break;
                }
                role.name = name;
                for (std::size_t n = before.roles.size() + 1; role.name.empty() || name_taken(before, role.name, ""); ++n)
                    role.name = "Role " + std::to_string(n);
                if (std::string error = check_text("the role's name", role.name, kMaxNameLength); !error.empty())
                    return refuse(std::move(error));
                role.color = next_colour(before);
                Framework after = before;
                after.roles.push_back(role);
                CommandOutcome outcome;
                outcome.change.framework = ValueStep<Framework>{before, std::move(after)};
                outcome.created_id = role.id;
                return outcome;
            }};
}

Command remove_role(std::string role_id) {
    return {"Remove role", {}, [id = std::move(role_id)](const Document& doc) {
                const int index = doc.framework.role_index(id);
                if (index < 0) return refuse(role_unknown(id));
                if (doc.framework.roles.size() <= 1) return refuse("a map needs at least one role");
                const auto placed = std::count_if(doc.placements.begin(), doc.placements.end(),
                                                  [&](const Placement& p) { return p.role == id; });
                const std::string& name = doc.framework.roles[static_cast<std::size_t>(index)].name;
                if (placed > 0)
                    return refuse(std::to_string(placed) + (placed == 1 ? " entry is" : " entries are") + " placed on " +
                                  name + ": move or remove " + (placed == 1 ? "it" : "them") + " first");
                CommandOutcome outcome;
                Framework after = doc.framework;
                after.roles.erase(after.roles.begin() + index);
                outcome.change.framework = ValueStep<Framework>{doc.framework, std::move(after)};
                if (doc.votes.count(id)) {
                    std::map<std::string, int> votes = doc.votes;
                    votes.erase(id);
                    outcome.change.votes = ValueStep<std::map<std::string, int>>{doc.votes, std::move(votes)};
                }
                return outcome;
            }};
}

}  // namespace ecomap
