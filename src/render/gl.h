#pragma once
// OpenGL 3.3 core entry points. They come from libOpenGL (GLVND), which dispatches to whatever
// context is current, a GLFW window's or an EGL surfaceless one, so no loader is needed.
#define GL_GLEXT_PROTOTYPES 1
#include <GL/glcorearb.h>
