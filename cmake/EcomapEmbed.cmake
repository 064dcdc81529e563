# ecomap_embed(OUT_CPP NAMESPACE ns FILES name=path ...)
# Generates a C++ source that defines, for each file, a function
#   std::string_view ns::name();
# returning the file's bytes. Files are embedded at build time, so the app, the core
# and the tests carry their templates, shaders and fonts without a file system.
function(ecomap_embed out_cpp)
    cmake_parse_arguments(ARG "" "NAMESPACE" "FILES" ${ARGN})
    set(deps "")
    set(pairs "")
    foreach(entry IN LISTS ARG_FILES)
        string(REPLACE "=" ";" parts "${entry}")
        list(GET parts 1 path)
        list(APPEND deps ${path})
        list(APPEND pairs "${entry}")
    endforeach()
    add_custom_command(
        OUTPUT ${out_cpp}
        COMMAND ${CMAKE_COMMAND} -DOUT=${out_cpp} -DNAMESPACE=${ARG_NAMESPACE}
                "-DPAIRS=${pairs}" -P ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/EcomapEmbedScript.cmake
        DEPENDS ${deps} ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/EcomapEmbedScript.cmake
        COMMENT "Embedding ${ARG_NAMESPACE} resources"
        VERBATIM)
endfunction()
