// The model under test, built once per test run from the project's landmark files.
#pragma once

#include "landmarks.hpp"
#include "model.hpp"

#include <optional>

namespace dorsal::modelgen::test {

const Landmarks& landmarks();
const Attachments& attachments();
const Model& model();
// The mesh of a node, failing the test when the node is missing.
const Mesh& mesh_of(const std::string& node);

// z of the first surface a ray parallel to the z axis meets at (x, y): from behind (smallest z) or
// from the front (largest z). Empty when the ray misses.
std::optional<float> hit_from_back(const Mesh& m, float x, float y);
std::optional<float> hit_from_front(const Mesh& m, float x, float y);
// Distance from p to the nearest point of the mesh's triangles.
float surface_distance(const Mesh& m, glm::vec3 p);

}  // namespace dorsal::modelgen::test
