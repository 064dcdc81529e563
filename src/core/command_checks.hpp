// ecomap core: checks shared by the command files (commands.cpp, role_commands.cpp).
#pragma once

#include "core/utf8.hpp"

#include <string>
#include <string_view>

namespace ecomap::command_checks {

inline std::string role_unknown(std::string_view id) { return "the framework has no role \"" + std::string(id) + "\""; }

// "" when `value` is valid UTF-8 of at most `max` characters, else why not.
inline std::string check_text(std::string_view what, std::string_view value, std::size_t max) {
    if (text::first_invalid_utf8(value)) return std::string(what) + " is not valid UTF-8";
    if (text::code_point_count(value) > max)
        return std::string(what) + " is longer than " + std::to_string(max) + " characters";
    return {};
}

}  // namespace ecomap::command_checks
