# Third-party pieces of the front end: Dear ImGui (sources from Debian's imgui source
# package, fetched by ./ecomap setup), SDL2 and OpenGL ES 3.
#   ecomap::imgui_core  Dear ImGui without any back end: no SDL, no GL (the panels, the
#                       headless UI tests)
#   ecomap::imgui       its SDL2 back end, SDL2 and GLES (the app; ui::DrawRenderer draws)
if(NOT EXISTS "${ECOMAP_IMGUI_DIR}/imgui.cpp")
    message(FATAL_ERROR "Dear ImGui sources not found in ECOMAP_IMGUI_DIR='${ECOMAP_IMGUI_DIR}'. "
                        "Run ./ecomap setup, or configure with -DECOMAP_BUILD_APP=OFF for the core only.")
endif()

if(NOT EXISTS "${ECOMAP_THIRD_PARTY_INCLUDE}/stb/stb_image_write.h")
    message(FATAL_ERROR "stb_image_write.h not found: install Debian's libstb-dev (./ecomap setup does).")
endif()

if(EMSCRIPTEN)
    find_package(SDL2 CONFIG REQUIRED)   # built for wasm by ./ecomap setup (build/deps/sdl-wasm)
    set(ECOMAP_SDL2_TARGET SDL2::SDL2-static)
else()
    find_package(SDL2 REQUIRED)          # Debian's libsdl2-dev
    if(TARGET SDL2::SDL2)
        set(ECOMAP_SDL2_TARGET SDL2::SDL2)
    else()
        add_library(ecomap_sdl2 INTERFACE)
        target_include_directories(ecomap_sdl2 INTERFACE ${SDL2_INCLUDE_DIRS})
        target_link_libraries(ecomap_sdl2 INTERFACE ${SDL2_LIBRARIES})
        set(ECOMAP_SDL2_TARGET ecomap_sdl2)
    endif()
    find_library(ECOMAP_GLES_LIBRARY GLESv2 REQUIRED)  # Debian's libgles-dev
endif()

add_library(ecomap_gles INTERFACE)
add_library(ecomap::gles ALIAS ecomap_gles)
if(NOT EMSCRIPTEN)
    target_link_libraries(ecomap_gles INTERFACE ${ECOMAP_GLES_LIBRARY})
endif()

add_library(ecomap_imgui_core STATIC
    ${ECOMAP_IMGUI_DIR}/imgui.cpp
    ${ECOMAP_IMGUI_DIR}/imgui_draw.cpp
    ${ECOMAP_IMGUI_DIR}/imgui_tables.cpp
    ${ECOMAP_IMGUI_DIR}/imgui_widgets.cpp
    ${ECOMAP_IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp)
add_library(ecomap::imgui_core ALIAS ecomap_imgui_core)
# The back ends' headers are on the path too; the SDL2 back end's code is in ecomap::imgui.
# ImGui's OpenGL 3 back end is not used: ui::DrawRenderer draws ImGui's draw data without
# querying GL state (src/ui/draw_renderer.hpp).
target_include_directories(ecomap_imgui_core SYSTEM PUBLIC ${ECOMAP_IMGUI_DIR} ${ECOMAP_IMGUI_DIR}/backends
    ${ECOMAP_IMGUI_DIR}/misc/cpp)
# 32-bit indices: a large map draws more than 65,536 vertices in one list, and GLES 3 cannot
# draw with a base vertex to split lists by vertex offset.
target_compile_definitions(ecomap_imgui_core PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS "ImDrawIdx=unsigned int")

add_library(ecomap_imgui STATIC ${ECOMAP_IMGUI_DIR}/backends/imgui_impl_sdl2.cpp)
add_library(ecomap::imgui ALIAS ecomap_imgui)
target_link_libraries(ecomap_imgui PUBLIC ecomap_imgui_core ${ECOMAP_SDL2_TARGET} ecomap::gles)
if(EMSCRIPTEN)
    # The app shows no ImGui debug window and reads no file (IniFilename is null): leave
    # that code out of the download.
    target_compile_definitions(ecomap_imgui_core PUBLIC IMGUI_DISABLE_DEBUG_TOOLS IMGUI_DISABLE_FILE_FUNCTIONS
        IMGUI_DISABLE_TTY_FUNCTIONS)
    target_compile_options(ecomap_imgui_core PRIVATE -fwasm-exceptions)
    target_compile_options(ecomap_imgui PRIVATE -fwasm-exceptions)
endif()
