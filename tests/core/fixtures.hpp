// Test support: reading files of the source tree (fixtures, templates, schema).
#pragma once

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

namespace ecomap::testing {

// The bytes of <source dir>/<relative>; throws (failing the test) when missing.
inline std::string read_source_file(const std::string& relative) {
    const std::string path = std::string(ECOMAP_SOURCE_DIR) + "/" + relative;
    std::ifstream file(path, std::ios::binary);
    if (!file) throw std::runtime_error("missing fixture " + path);
    std::ostringstream bytes;
    bytes << file.rdbuf();
    return bytes.str();
}

// The bytes of tests/fixtures/<relative>.
inline std::string read_fixture(const std::string& relative) { return read_source_file("tests/fixtures/" + relative); }

}  // namespace ecomap::testing
