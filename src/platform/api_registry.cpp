// The table behind register_api/call_api, shared by both platforms.
#include <map>

#include "platform/platform.hpp"

namespace ecomap::platform {
namespace {
std::map<std::string, ApiHandler, std::less<>>& handlers() {
    static std::map<std::string, ApiHandler, std::less<>> table;
    return table;
}
}  // namespace

void register_api(std::string_view name, ApiHandler handler) { handlers()[std::string(name)] = std::move(handler); }

std::string call_api(std::string_view name, std::string_view argument) {
    auto found = handlers().find(name);
    if (found == handlers().end()) return "{\"error\":\"unknown API call\"}";
    return found->second(argument);
}

}  // namespace ecomap::platform
