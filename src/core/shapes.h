#pragma once
// Simple closed shapes built in code, for tests and for benchmarks that need a model of a given size.

#include "core/model.h"

namespace dorsal {

// A sphere of `radius` around the origin with `rings` (at least 2) by `segments` (at least 3)
// quads, wound outwards, with unit normals: 2 * segments * (rings - 1) triangles. The part's
// node is 0 and its bounds are set; it has no detail levels or triangle tree yet.
Part makeSphere(float radius, int rings, int segments);

}  // namespace dorsal
