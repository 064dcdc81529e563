// The web build's stand-in for SDL_ConvertSurfaceFormat (linked with
// -Wl,--wrap=SDL_ConvertSurfaceFormat, src/app/CMakeLists.txt).
//
// In SDL 2.26 only two paths reach the real function in a browser: custom colour cursors
// (Emscripten_CreateCursor) and window icons. ecomap uses neither: it sets system cursors
// and the page has its own icon. Yet SDL keeps the function reachable through its cursor
// driver table, and with it every software blitter and the RLE encoder (about 150 KB of
// wasm, 25 KB gzip) that nothing calls. This stand-in refuses the conversion, as SDL does
// when it runs out of memory, so those callers report an error instead of converting.
#include <SDL.h>

extern "C" SDL_Surface* __wrap_SDL_ConvertSurfaceFormat(SDL_Surface*, Uint32, Uint32) {
    SDL_SetError("surface conversion is not built into the web app");
    return nullptr;
}
