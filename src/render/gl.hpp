// OpenGL ES 3.0 headers: WebGL2 in the browser, GLES 3 (EGL/GLX, Mesa) on the desktop.
#pragma once
#include <GLES3/gl3.h>
