#pragma once
// A model the size of a whole BodyParts3D body, made in code for the bench: 480 overlapping
// structures of 1,740 triangles each (835,200 in all) standing in a body-sized volume, muscles red
// and bones ivory, so that load, first-frame and frame figures can be measured on a large model
// without the real atlas.

#include <cstdint>
#include <filesystem>
#include <vector>

namespace dorsal {

inline constexpr int kBenchStructures = 480;
inline constexpr int kBenchTrianglesPerStructure = 1740;

// The .glb bytes of the bench model; the same bytes on every run.
std::vector<std::uint8_t> benchModelGlb();

// Writes the bench model to `path` atomically unless a file of its size is already there; returns
// `path`. Throws FileError (core/output_file.h) when it cannot be written.
std::filesystem::path writeBenchModel(const std::filesystem::path& path);

}  // namespace dorsal
