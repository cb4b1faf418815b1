// The built-in model as a glTF 2.0 binary (.glb), through core's one writer (src/core/glb_writer.h).
// Same model, same bytes.
#pragma once

#include "model.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace dorsal::modelgen {

// Encodes the model as a .glb: one scene, the node tree, one mesh with one primitive per leaf
// node (POSITION, NORMAL, TANGENT = fibre direction with w = 1, indices), four materials.
std::vector<std::uint8_t> encode_glb(const Model& model);

// Writes bytes to a file atomically (a temporary file beside it, then rename). Throws on failure.
void write_file_atomically(const std::string& path, const std::vector<std::uint8_t>& bytes);

}  // namespace dorsal::modelgen
