// ecomap core: the sample map generator.
#include "core/sample.hpp"

#include "core/framework.hpp"

#include <array>
#include <string_view>

namespace ecomap {

namespace {

// splitmix64: small, fast and the same everywhere (std distributions are not).
class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}

    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }  // 0 <= result < n
    bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }
    double between(double low, double high) {  // uniform in [low, high)
        return low + (high - low) * static_cast<double>(next() >> 11) * 0x1.0p-53;
    }
    template <typename T, std::size_t N>
    const T& pick(const std::array<T, N>& items) { return items[below(N)]; }

private:
    std::uint64_t state_;
};

constexpr std::array<std::string_view, 16> kFirstNames = {
    "Amara", "José", "Zoë", "Ngozi", "Mei", "Søren", "Aroha", "Fatima",
    "Đặng", "Priya", "Łukasz", "Chidi", "Inés", "Kwame", "Yuki", "Olúwaṣeun"};
constexpr std::array<std::string_view, 12> kLastNames = {
    "Okafor", "García", "Nguyễn", "Müller", "Haddad", "Tanaka",
    "Brown", "Silva", "Kowalski", "Mensah", "李", "O'Connor"};
constexpr std::array<std::string_view, 10> kOrganizations = {
    "Eastside Tenants Union", "Food Justice Collective", "Riverside Mutual Aid",
    "Youth Media Lab", "Coalición de Trabajadores", "Healing Circles Project",
    "Community Land Trust", "Open Door Legal Clinic", "Ōtautahi Arts Hub", "Neighbourhood Care Co-op"};
constexpr std::array<std::string_view, 6> kNetworks = {
    "Climate Action Network", "Regional Organizers' Circle", "Migrant Solidarity Network",
    "Disability Justice Alliance", "Réseau des Quartiers", "Faith Leaders Roundtable"};
constexpr std::array<std::string_view, 6> kContexts = {
    "", "", "at work", "in the community", "in a coalition", "at home"};
constexpr std::array<std::string_view, 5> kRelationshipKinds = {
    "works-with", "supports", "member-of", "learns-from", "funds"};  // as link_kinds() in look.hpp
constexpr std::array<std::string_view, 6> kNotes = {
    "Met at the spring retreat.", "Leads the Tuesday meetings.", "Wants to grow into a Guide role.",
    "Busy until March — ask again then.", "Brings snacks 🍲 and good questions.", "Co-wrote the zine."};
constexpr std::array<std::string_view, 6> kExtraValues = {
    "dignity", "solidarité", "care", "accountability", "joy", "self-determination"};
constexpr std::array<std::string_view, 4> kCauses = {
    "Affordable housing for every family on the east side",
    "Clean air and water in our neighbourhoods", "", "Safe, welcoming schools"};

std::string entity_name(Random& random, EntityKind kind) {
    switch (kind) {
        case EntityKind::Person:
            return std::string(random.pick(kFirstNames)) + " " + std::string(random.pick(kLastNames));
        case EntityKind::Organization: return std::string(random.pick(kOrganizations));
        case EntityKind::Network: return std::string(random.pick(kNetworks));
    }
    return {};
}

}  // namespace

Document generate_document(std::uint64_t seed, int entity_count) {
    Random random(seed);
    Document document = new_document(default_framework(), "2026-11-26T10:00:00Z");
    document.meta.title = "Sample map " + std::to_string(seed) + (random.chance(30) ? " — atelier" : "");
    document.meta.modified = "2026-11-26T1" + std::to_string(random.below(10)) + ":30:00Z";
    if (random.chance(50)) document.centre.values.push_back(std::string(random.pick(kExtraValues)));
    document.centre.cause = std::string(random.pick(kCauses));

    const std::vector<Role>& roles = document.framework.roles;
    int placement_number = 0;
    for (int i = 1; i <= entity_count; ++i) {
        Entity entity;
        entity.id = "e" + std::to_string(i);
        const std::size_t kind_roll = random.below(10);
        entity.kind = kind_roll < 6 ? EntityKind::Person : kind_roll < 9 ? EntityKind::Organization : EntityKind::Network;
        entity.anonymous = entity.kind == EntityKind::Person && random.chance(10);
        entity.name = entity.anonymous && random.chance(50) ? "" : entity_name(random, entity.kind);
        if (random.chance(25)) entity.notes = std::string(random.pick(kNotes));
        if (random.chance(10)) entity.source = "Participant " + std::to_string(1 + random.below(12));

        const std::size_t placement_count = 1 + random.below(3);
        const std::size_t first_role = random.below(roles.size());
        for (std::size_t k = 0; k < placement_count; ++k) {
            Placement placement;
            placement.id = "p" + std::to_string(++placement_number);
            placement.entity = entity.id;
            placement.role = roles[(first_role + k * 3) % roles.size()].id;
            placement.strength = k == 0 ? Strength::Primary : random.chance(50) ? Strength::Secondary : Strength::Aspiring;
            const std::size_t energy_roll = random.below(3);
            placement.energy = energy_roll == 0 ? Energy::Unspecified : energy_roll == 1 ? Energy::Energizes : Energy::Depletes;
            placement.context = std::string(random.pick(kContexts));
            if (random.chance(50)) placement.position = Vec2{random.between(-400, 400), random.between(-400, 400)};
            document.placements.push_back(std::move(placement));
        }
        document.entities.push_back(std::move(entity));
    }

    if (entity_count >= 2) {
        const auto count = static_cast<std::size_t>(entity_count);
        for (std::size_t r = 1; r <= count / 2; ++r) {
            const std::size_t from = random.below(count);
            const std::size_t to = (from + 1 + random.below(count - 1)) % count;  // never `from`
            Relationship relationship;
            relationship.id = "r" + std::to_string(r);
            relationship.from = document.entities[from].id;
            relationship.to = document.entities[to].id;
            relationship.kind = std::string(random.pick(kRelationshipKinds));
            if (random.chance(20)) relationship.label = "since 2024";
            document.relationships.push_back(std::move(relationship));
        }
    }

    for (const Prompt& prompt : document.framework.prompts) {
        if (random.chance(40)) document.reflections[prompt.id] = "Thinking about \"" + prompt.text + "\": mostly yes.";
    }
    // Dot votes last, so the records above do not depend on them.
    if (entity_count > 0 && random.chance(50)) {
        for (const Role& role : roles)
            if (random.chance(40)) document.votes[role.id] = 1 + static_cast<int>(random.below(static_cast<std::size_t>(entity_count)));
    }
    return document;
}

}  // namespace ecomap
