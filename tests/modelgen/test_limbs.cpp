// The limbs of the built-in model: forearm, hand, shank and foot bones on their landmarks, proportions
// a student would check, and the skin round the whole body to the fingertips and soles.
#include "fixture.hpp"
#include "voxel.hpp"

#include <catch2/catch.hpp>
#include <glm/geometric.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace dorsal::modelgen;
using test::mesh_of;

namespace {

glm::vec3 lo_of(const Mesh& m) {
    glm::vec3 lo, hi;
    m.bounds(lo, hi);
    return lo;
}

glm::vec3 hi_of(const Mesh& m) {
    glm::vec3 lo, hi;
    m.bounds(lo, hi);
    return hi;
}

}  // namespace

TEST_CASE("the limb bones reach their landmarks: inside the bone or within 4 mm of its surface", "[anatomy][limbs]") {
    const auto& lm = test::landmarks();
    const std::vector<std::pair<std::string, std::vector<std::string>>> bones = {
        {"humerus", {"humerus.medial_epicondyle", "humerus.lateral_epicondyle", "humerus.distal_end"}},
        {"radius", {"radius.head_centre", "radius.tuberosity", "radius.distal_end_centre", "radius.styloid_tip"}},
        {"ulna", {"ulna.olecranon_tip", "ulna.distal_end_centre", "ulna.styloid_tip"}},
        {"hand",
         {"hand.wrist_centre", "hand.metacarpal_head_1", "hand.metacarpal_head_2", "hand.metacarpal_head_3", "hand.metacarpal_head_4",
          "hand.metacarpal_head_5", "hand.fingertip_1", "hand.fingertip_2", "hand.fingertip_3", "hand.fingertip_4", "hand.fingertip_5"}},
        {"tibia", {"tibia.tuberosity", "tibia.medial_malleolus", "tibia.distal_end_centre"}},
        {"fibula", {"fibula.head", "fibula.lateral_malleolus"}},
        {"foot",
         {"foot.heel", "foot.heel_bottom", "foot.talus_centre", "foot.talus_head", "foot.metatarsal_head_1", "foot.metatarsal_head_5",
          "foot.toe_tip_1", "foot.toe_tip_5"}},
    };
    for (const auto& [bone, points] : bones)
        for (const char* side : {".L", ".R"}) {
            const Mesh& m = mesh_of("bone." + bone + side);
            for (const auto& name : points) {
                const glm::vec3 p = lm.get(name + side);
                const bool inside = winding_number(m, p) > 0.5;
                const float d = test::surface_distance(m, p);
                INFO("bone." << bone << side << " and " << name << side << ": " << (inside ? "inside, " : "outside, ") << d * 1000.0f << " mm from the surface");
                CHECK((inside || d <= 0.004f));
            }
        }
}

TEST_CASE("the limb bones end where their landmarks say: fingertips, malleoli, heel and toes are the extremes", "[anatomy][limbs]") {
    const auto& lm = test::landmarks();
    // The hand ends at its lowest fingertip, the foot's sole at the heel bone and its front at the big toe.
    const float lowest_fingertip = std::min({lm.get("hand.fingertip_2.L").y, lm.get("hand.fingertip_3.L").y, lm.get("hand.fingertip_4.L").y});
    CHECK(lo_of(mesh_of("bone.hand.L")).y == Approx(lowest_fingertip).margin(0.004f));
    CHECK(lo_of(mesh_of("bone.foot.L")).y == Approx(std::min(lm.get("foot.heel_bottom.L").y, lm.get("foot.toe_tip_5.L").y)).margin(0.004f));
    CHECK(lo_of(mesh_of("bone.foot.L")).z == Approx(lm.get("foot.heel.L").z).margin(0.004f));
    CHECK(lo_of(mesh_of("bone.tibia.L")).y == Approx(lm.get("tibia.medial_malleolus.L").y).margin(0.004f));
    CHECK(lo_of(mesh_of("bone.fibula.L")).y == Approx(lm.get("fibula.lateral_malleolus.L").y).margin(0.004f));
}

TEST_CASE("proportions: the shank three quarters of the thigh, the foot flat and pointing forward", "[anatomy][limbs]") {
    const auto& lm = test::landmarks();
    const float thigh = hi_of(mesh_of("bone.femur.L")).y - lo_of(mesh_of("bone.femur.L")).y;
    const float shank = hi_of(mesh_of("bone.tibia.L")).y - lo_of(mesh_of("bone.tibia.L")).y;
    INFO("femur " << thigh << " m, tibia " << shank << " m");
    CHECK(shank > 0.7f * thigh);
    CHECK(shank < 0.9f * thigh);
    const glm::vec3 heel = lm.get("foot.heel.L"), toe = lm.get("foot.toe_tip_1.L");
    CHECK(toe.z > heel.z + 0.15f);
    const Mesh& foot = mesh_of("bone.foot.L");
    // Longer front to back than it is tall: standing on its sole, not on its toes.
    CHECK(hi_of(foot).z - lo_of(foot).z > 0.19f);
    CHECK(hi_of(foot).y - lo_of(foot).y < 0.085f);
    // The forearm bones side by side, the radius lateral (thumb side) in the anatomical position:
    // compare the bones' lower halves.
    const float mid = 0.5f * (lm.get("radius.head_centre.L").y + lm.get("radius.distal_end_centre.L").y);
    auto mean_x_below = [mid](const Mesh& m) {
        double sum = 0.0;
        int n = 0;
        for (const auto& v : m.positions)
            if (v.y < mid) {
                sum += v.x;
                ++n;
            }
        return n > 0 ? sum / n : 0.0;
    };
    CHECK(mean_x_below(mesh_of("bone.radius.L")) > mean_x_below(mesh_of("bone.ulna.L")) + 0.015);
}

TEST_CASE("the skin covers the whole body: fingertips, toes and heels inside, the sole under the heel bone", "[anatomy][limbs]") {
    const auto& lm = test::landmarks();
    const Mesh& skin = mesh_of("skin");
    std::vector<std::string> inside = {"foot.heel", "foot.heel_bottom", "foot.toe_tip_1", "foot.toe_tip_5", "radius.styloid_tip", "ulna.olecranon_tip"};
    for (int k = 1; k <= 5; ++k) inside.push_back("hand.fingertip_" + std::to_string(k));
    for (const auto& name : inside)
        for (const char* side : {".L", ".R"}) {
            INFO(name << side);
            CHECK(winding_number(skin, lm.get(name + side)) > 0.5);
        }
    // The heel's skin and fat: about 1.5 cm under the calcaneus.
    const float pad = lm.get("foot.heel_bottom.L").y - lo_of(skin).y;
    INFO("skin " << pad * 1000.0f << " mm under the heel bone");
    CHECK(pad > 0.010f);
    CHECK(pad < 0.022f);
}

TEST_CASE("no bone pokes out through the skin", "[anatomy][limbs]") {
    const Mesh& skin = mesh_of("skin");
    glm::vec3 lo, hi;
    skin.bounds(lo, hi);
    VoxelGrid inside(lo - glm::vec3(0.01f), hi + glm::vec3(0.01f), 0.003f);
    inside.add(skin, kSoft);
    for (const auto& nm : test::model().meshes) {
        if (nm.material != Material::Bone) continue;
        std::size_t out = 0;
        glm::vec3 where(0.0f);
        for (const auto& v : nm.mesh.positions)
            if (!inside.occupied(v)) {
                ++out;
                where = v;
            }
        INFO(nm.name << ": " << out << " vertices outside the skin, e.g. at " << where.x << ", " << where.y << ", " << where.z);
        CHECK(out == 0);
    }
}
