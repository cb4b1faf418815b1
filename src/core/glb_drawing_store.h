#pragma once
// Reading back what Dorsal's glTF writer stores with each mesh primitive for drawing
// (core/glb_writer.h: GlbMesh::levels, and whether the mesh is closed), which Assimp does not read.

#include <filesystem>
#include <optional>
#include <vector>

#include "core/model.h"

namespace dorsal {

// What the writer stored with one mesh primitive.
struct StoredPrimitive {
    std::vector<DetailLevel> levels;  // coarsest last; indices over the primitive's own vertices
    std::optional<bool> closed;       // isClosedSurface of its indices, as the writer found it
};

// What is stored with every mesh primitive of the .glb at `path`, in the order Assimp makes its
// meshes (the file's meshes in order, each one's primitives in order); an empty StoredPrimitive
// for a primitive without a store. Returns an empty list for a file that is not a .glb or stores
// nothing, and for one whose store is malformed in any way (an accessor, view or index out of
// range, an error that is not a number, a closedness that is not true or false): it is an
// optimisation, never worth failing a load for. Never throws.
std::vector<StoredPrimitive> readStoredDrawingData(const std::filesystem::path& path);

}  // namespace dorsal
