// The translucent skin outline.
#include "builder.hpp"

#include <glm/geometric.hpp>

namespace dorsal::modelgen {

void build_skin(Builder& b) {
    using glm::vec3;
    Polyline axis;
    for (int i = 0; i <= 60; ++i) axis.push_back(vec3(0.0f, 0.36f + (1.73f - 0.36f) * i / 60.0f, 0.0f));
    b.skin = sweep(axis,
                   [](int, float u) {
                       Section s;
                       s.a = profile({0.17f, 0.18f, 0.19f, 0.20f, 0.19f, 0.17f, 0.18f, 0.20f, 0.24f, 0.07f, 0.09f, 0.08f}, u);
                       s.b = profile({0.10f, 0.10f, 0.11f, 0.13f, 0.14f, 0.14f, 0.15f, 0.15f, 0.14f, 0.07f, 0.11f, 0.10f}, u);
                       return s;
                   },
                   [](int, float) { return vec3(1, 0, 0); }, 32, 0.01f, 0.01f);
}

}  // namespace dorsal::modelgen
