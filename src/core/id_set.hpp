// ecomap core (internal): a set of strings for record ids, without a node per id.
//
// Open addressing with linear probing in one array (kept at most half full). It stores
// string_views: the texts must outlive the set. Used where import and the invariant
// check look up tens of thousands of ids.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace ecomap::detail {

class IdSet {
public:
    explicit IdSet(std::size_t expected = 0) { rehash(capacity_for(expected)); }

    // Adds `id`; false when it was already in the set.
    bool insert(std::string_view id) {
        if (2 * (size_ + 1) > slots_.size()) rehash(2 * slots_.size());
        const std::uint64_t h = hash(id);
        for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
            Slot& slot = slots_[i];
            if (!slot.used) {
                slot = Slot{id, h, true};
                ++size_;
                return true;
            }
            if (slot.hash == h && slot.id == id) return false;
        }
    }

    bool contains(std::string_view id) const {
        const std::uint64_t h = hash(id);
        for (std::size_t i = h & mask_;; i = (i + 1) & mask_) {
            const Slot& slot = slots_[i];
            if (!slot.used) return false;
            if (slot.hash == h && slot.id == id) return true;
        }
    }

    std::size_t size() const { return size_; }

private:
    struct Slot {
        std::string_view id;
        std::uint64_t hash = 0;
        bool used = false;
    };

    // FNV-1a, then mixed so that the low bits (the slot) depend on every byte.
    static std::uint64_t hash(std::string_view id) {
        std::uint64_t h = 14695981039346656037ull;
        for (const char c : id) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
        h ^= h >> 32;
        h *= 0x9E3779B97F4A7C15ull;
        return h ^ (h >> 29);
    }

    static std::size_t capacity_for(std::size_t expected) {
        std::size_t capacity = 16;
        while (capacity < 2 * expected) capacity *= 2;
        return capacity;
    }

    void rehash(std::size_t capacity) {
        std::vector<Slot> old = std::move(slots_);
        slots_.assign(capacity, Slot{});
        mask_ = capacity - 1;
        size_ = 0;
        for (const Slot& slot : old) {
            if (!slot.used) continue;
            for (std::size_t i = slot.hash & mask_;; i = (i + 1) & mask_) {
                if (!slots_[i].used) {
                    slots_[i] = slot;
                    ++size_;
                    break;
                }
            }
        }
    }

    std::vector<Slot> slots_;
    std::size_t mask_ = 0;
    std::size_t size_ = 0;
};

}  // namespace ecomap::detail
