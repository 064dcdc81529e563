// Font files embedded at build time (Debian's fonts-inter).
#pragma once
#include <string_view>

namespace ecomap::ui::fonts {
std::string_view inter_regular();   // Inter-Regular.otf
std::string_view inter_semibold();  // Inter-SemiBold.otf
}  // namespace ecomap::ui::fonts
