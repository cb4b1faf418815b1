#pragma once
// The GLSL sources of shaders/, compiled into the binary at build time so that dorsal runs from
// any folder.

namespace dorsal::shader_sources {
extern const char* const kModelVert;
extern const char* const kModelFrag;
extern const char* const kBackgroundVert;
extern const char* const kBackgroundFrag;
}  // namespace dorsal::shader_sources
