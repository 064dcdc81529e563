// Test support: comparing an export with a golden file under tests/fixtures/golden/.
#pragma once

#include "fixtures.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <string>

namespace ecomap::testing {

// Checks `actual` against tests/fixtures/golden/<name>. With ECOMAP_UPDATE_GOLDEN=1 in the
// environment, writes `actual` there instead (then review the diff and commit it).
inline void check_golden(const std::string& name, const std::string& actual) {
    const std::string relative = "tests/fixtures/golden/" + name;
    if (const char* update = std::getenv("ECOMAP_UPDATE_GOLDEN"); update != nullptr && std::string(update) == "1") {
        std::ofstream file(std::string(ECOMAP_SOURCE_DIR) + "/" + relative, std::ios::binary);
        file << actual;
        REQUIRE(file.good());
        WARN("wrote " << relative);
        return;
    }
    const std::string expected = read_source_file(relative);
    if (expected == actual) return;
    std::size_t at = 0;
    while (at < expected.size() && at < actual.size() && expected[at] == actual[at]) ++at;
    FAIL(relative << " differs from the export at byte " << at << ": expected \"" << expected.substr(at, 60)
                  << "\", got \"" << actual.substr(at, 60) << "\". If the change is intended, regenerate with "
                  << "ECOMAP_UPDATE_GOLDEN=1 ecomap_core_tests \"[golden]\", look at the result "
                  << "(rsvg-convert for images) and commit it.");
}

}  // namespace ecomap::testing
