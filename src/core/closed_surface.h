#pragma once
// Whether a triangle mesh is closed: its back faces are then never seen, and drawing skips them.
// Plain C++, so that the model generator's glTF writer can store the answer too.

#include <cstdint>
#include <span>

namespace dorsal {

// True when every edge of the triangles `indices` is shared by exactly two triangles that run
// along it in opposite directions: a closed surface wound one way. False for an empty list or
// one that is not whole triangles.
bool isClosedSurface(std::span<const std::uint32_t> indices);

}  // namespace dorsal
