#include "core/contrast.h"

#include <algorithm>
#include <cmath>

namespace dorsal {

namespace {

float linear(float channel) {
    return channel <= 0.04045f ? channel / 12.92f : std::pow((channel + 0.055f) / 1.055f, 2.4f);
}

}  // namespace

float relativeLuminance(glm::vec3 srgb) {
    return 0.2126f * linear(srgb.r) + 0.7152f * linear(srgb.g) + 0.0722f * linear(srgb.b);
}

float contrastRatio(glm::vec3 a, glm::vec3 b) {
    const float la = relativeLuminance(a);
    const float lb = relativeLuminance(b);
    return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

}  // namespace dorsal
