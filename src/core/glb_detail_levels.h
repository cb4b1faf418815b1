#pragma once
// Reading back the levels of detail Dorsal's glTF writer stores with each mesh (core/glb_writer.h,
// GlbMesh::levels), which Assimp does not read.

#include <filesystem>
#include <vector>

#include "core/model.h"

namespace dorsal {

// The stored levels of every mesh primitive of the .glb at `path`, in the order Assimp makes its
// meshes (the file's meshes in order, each one's primitives in order), each level's indices over
// the primitive's own vertices; an empty list for a primitive without them. Returns an empty list
// for a file that is not a .glb or stores none, and for one whose stored levels are malformed in
// any way (an accessor, view or index out of range, an error that is not a number): they are an
// optimisation, never worth failing a load for. Never throws.
std::vector<std::vector<DetailLevel>> readStoredDetailLevels(const std::filesystem::path& path);

}  // namespace dorsal
