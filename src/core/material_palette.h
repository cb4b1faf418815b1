#pragma once
// The four materials of Dorsal's models: warm red muscle, pale tendon, ivory bone and a faint skin.
// One table for the built-in model's generator (tools/modelgen), the BodyParts3D import and the
// loader's colouring of parts that come without a material, so that every model looks alike.
// Header only and plain C++: the generator builds without the rest of core.

#include <array>
#include <cstddef>

namespace dorsal {

struct MaterialLook {
    const char* name;             // the glTF material name, which the loader reads the kind from
    std::array<float, 4> colour;  // linear RGBA base colour factor, as glTF stores it
    float roughness;
    bool blend;  // alphaMode BLEND (the translucent skin)
};

// In the order of the generator's materials (muscle, tendon, bone, skin): the built-in model's
// material indices are positions in this table.
inline constexpr std::array<MaterialLook, 4> kMaterialPalette{{
    {"muscle", {0.40f, 0.045f, 0.032f, 1.0f}, 0.55f, false},
    {"tendon", {0.72f, 0.64f, 0.54f, 1.0f}, 0.40f, false},
    {"bone", {0.62f, 0.55f, 0.40f, 1.0f}, 0.70f, false},
    {"skin", {0.85f, 0.62f, 0.50f, 0.15f}, 0.60f, true},
}};
inline constexpr std::size_t kPaletteMuscle = 0;
inline constexpr std::size_t kPaletteTendon = 1;
inline constexpr std::size_t kPaletteBone = 2;
inline constexpr std::size_t kPaletteSkin = 3;

}  // namespace dorsal
