#pragma once
// The contrast of two colours as WCAG 2 defines it, for checking that text is readable.

#include <glm/glm.hpp>

namespace dorsal {

// The relative luminance of an sRGB colour (channels 0..1): 0 for black, 1 for white.
float relativeLuminance(glm::vec3 srgb);
// (L1 + 0.05) / (L2 + 0.05) with L1 the lighter: 1 (none) to 21 (black on white). WCAG asks at
// least 4.5 for body text.
float contrastRatio(glm::vec3 a, glm::vec3 b);

}  // namespace dorsal
