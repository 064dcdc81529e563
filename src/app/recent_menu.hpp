// The "Recent maps" menu: the maps kept in this browser, newest first, each with its
// title, size and time; maps being edited in another tab are shown but cannot be opened.
#pragma once
#include "app/app_services.hpp"

namespace ecomap::app {

void draw_recent_menu(AppServices& services, bool compact);  // a button at the end of the toolbar and its popup

}  // namespace ecomap::app
