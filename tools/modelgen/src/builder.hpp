// Internal: the state shared by the bone, muscle and skin builders while the model is made.
#pragma once

#include "geometry.hpp"
#include "landmarks.hpp"
#include "model.hpp"
#include "voxel.hpp"

#include <array>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace dorsal::modelgen {

// Extent of the occupancy grids: the left half of the body with a margin over the midline, from
// under the soles to above the skull and out past the fingertips. The origin is offset by a
// fraction of a cell so that column centres never sit exactly on the symmetry plane.
inline constexpr glm::vec3 kBodyLo(-0.0611f, 0.0313f, -0.2107f);
inline constexpr glm::vec3 kBodyHi(0.3600f, 1.7700f, 0.2100f);

// A built part: `paired` parts are built on the subject's left (+X) and mirrored for the right.
struct Part {
    std::string id;
    bool paired = true;
    Material material = Material::Muscle;
    Mesh mesh;
};

class Builder {
public:
    Builder(const Landmarks& landmarks, const Attachments& attachments);

    const Landmarks& L;
    const Attachments& A;
    glm::vec3 lm(const std::string& name) const { return L.get(name); }
    glm::vec3 left(const std::string& name) const { return L.get(name + ".L"); }
    // Positions of the landmarks one end ("origin" or "insertion") of a muscle attaches to, in the
    // order of attachments.csv. Throws LandmarkError when the table lists none.
    std::vector<glm::vec3> attached(const std::string& muscle, const std::string& end) const;

    // Adds a bone or muscle; its mesh also goes into the occupancy grid so later layers lie on it.
    void add_bone(const std::string& id, Mesh m, bool paired);
    void add_muscle(const std::string& id, Mesh m, Material mat = Material::Muscle, bool paired = true);
    // Adds a volume that only later layers see (never written): intercostal wall, viscera, etc.
    void add_filler(const Mesh& m) { grid.add(m, kSoft); }

    VoxelGrid grid;
    std::vector<Part> bones;
    std::vector<Part> muscles;
    Mesh skin;
    std::vector<Mesh> skin_extras;  // volumes the skin must also cover (arm and thigh bulk)

    // Body axis used to say which way is "out" for trunk muscles: the centre of the trunk at height y.
    glm::vec3 trunk_axis(float y) const;
    // Horizontal unit direction from the trunk axis to p.
    glm::vec3 trunk_out(glm::vec3 p) const;

    // Centre lines of the left ribs (index 1..12; head to costal end) and costal cartilages.
    std::vector<Polyline> rib_lines = std::vector<Polyline>(13);
    std::vector<Polyline> cartilage_lines = std::vector<Polyline>(13);
};

// Scapula (left): the posterior normal of the blade and points on the blade's mid-surface
// (u across from the medial border, v up from the inferior angle).
glm::vec3 scapula_normal(const Builder& b);
glm::vec3 scapula_blade_point(const Builder& b, float u, float v);

// The left iliac crest from the posterior to the anterior superior iliac spine, arching over the
// iliac tubercle (the wing of the hip bone is lofted down from it), with the wing's outer (gluteal)
// side at each point. The rim is kIliacCrestHalfWidth either side of the line: its inner lip lies
// at line - outward * kIliacCrestHalfWidth.
inline constexpr int kIliacCrestSamples = 40;
inline constexpr float kIliacCrestHalfWidth = 0.0062f;      // the crest, ~12 mm across
inline constexpr float kIliacWingHalfThickness = 0.0022f;  // the wing below it
struct IliacCrest {
    Polyline line;
    std::vector<glm::vec3> outward;
};
IliacCrest iliac_crest(const Builder& b);

void build_skeleton(Builder& b);
// The limb bones (skeleton_limbs.cpp); build_skeleton calls it after the trunk and girdles.
void build_limb_bones(Builder& b);
void build_muscles(Builder& b);
void build_skin(Builder& b);
// Volumes that later layers lie on but that are not written (intercostal muscles, viscera, ...).
void build_fillers(Builder& b);

// ----- shared shape helpers -----

// A tube of circular (or elliptic, aspect = b/a) section along a smooth curve through `control`,
// radius varying linearly through `radii` (evenly spread along the curve); rounded ends.
Mesh rod(const Polyline& control, const std::vector<float>& radii, int samples = 24, int ring = 12,
         float aspect = 1.0f, glm::vec3 side = glm::vec3(0.0f), bool rounded = true);

// Right-handed axes of a hand or foot: `along` down the hand or forward along the foot, `across`
// towards the thumb or the little toe, `normal` (along x across) to the palm or up from the sole.
struct Axes {
    glm::vec3 along, across, normal;
    glm::vec3 at(glm::vec3 origin, float s, float t, float n) const { return origin + along * s + across * t + normal * n; }
    // An ellipsoid with semi-axes s, t, n along these axes.
    Mesh blob(glm::vec3 c, float s, float t, float n, int rings = 8, int segments = 10) const {
        return ellipsoid(c, along * s, across * t, normal * n, rings, segments);
    }
};
// `along` made unit, `across_hint` made perpendicular to it.
Axes axes_from(glm::vec3 along, glm::vec3 across_hint);
// The axes of the left hand (normal: palmar) and foot (normal: up), from their landmarks.
Axes hand_axes(const Builder& b);
Axes foot_axes(const Builder& b);

// Heads of the left foot's metatarsals and tips of its toes, index 1 (big toe) to 5: the first and
// fifth measured, the others between them, the second ray the longest.
struct FootRays {
    std::array<glm::vec3, 6> head, tip;
};
FootRays foot_rays(const Builder& b);

// Piecewise-linear interpolation of values spread evenly over u in [0,1].
float profile(const std::vector<float>& values, float u);
float smoothstep01(float x);

}  // namespace dorsal::modelgen
