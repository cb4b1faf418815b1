// The bones of the limbs: arms below the shoulder girdle and legs below the hip bone, placed on the
// measured landmarks (assets/anatomy/landmarks.csv) and the added ones.
#include "builder.hpp"

#include <glm/geometric.hpp>

#include <cmath>
#include <string>

namespace dorsal::modelgen {

namespace {

using glm::vec3;

Mesh humerus(const Builder& b) {
    const vec3 HC = b.left("humerus.head_centre");
    const vec3 GT = b.left("humerus.greater_tubercle");
    const vec3 LT = b.left("humerus.lesser_tubercle");
    const vec3 DT = b.left("humerus.deltoid_tuberosity");
    const vec3 DE = b.left("humerus.distal_end");
    Mesh m;
    m.append(ellipsoid(HC, vec3(0.0225f, 0, 0), vec3(0, 0, 0.0225f), vec3(0, 0.0225f, 0), 16, 24));
    const vec3 neck = HC + vec3(0.013f, -0.030f, 0.002f);
    const vec3 mid = vec3(DT.x - 0.006f, DT.y, DT.z + 0.002f);
    const vec3 low = vec3(DE.x, DE.y + 0.045f, DE.z + 0.001f);
    const Polyline path = catmull_rom({HC + vec3(0.010f, -0.010f, 0.002f), neck, mid, low, DE + vec3(0, 0.010f, 0)}, 30);
    auto sec = [&](int, float u) {
        Section s;
        s.a = profile({0.017f, 0.0135f, 0.0115f, 0.011f, 0.011f, 0.011f, 0.0115f, 0.0125f, 0.016f, 0.022f, 0.028f}, u);
        s.b = profile({0.017f, 0.0135f, 0.0115f, 0.011f, 0.011f, 0.011f, 0.0105f, 0.010f, 0.0095f, 0.009f, 0.009f}, u);
        return s;
    };
    m.append(sweep(path, sec, [](int, float) { return vec3(1, 0, 0); }, 16, 0.0f, 0.006f));
    m.append(ellipsoid(GT - glm::normalize(GT - HC) * 0.008f, vec3(0.009f, 0, 0), vec3(0, 0.014f, 0), vec3(0, 0, 0.011f)));
    m.append(ellipsoid(LT - glm::normalize(LT - HC) * 0.006f, vec3(0.006f, 0, 0), vec3(0, 0.010f, 0), vec3(0, 0, 0.006f)));
    m.append(ellipsoid(DT - vec3(0.004f, 0, 0), vec3(0.006f, 0, 0), vec3(0, 0.016f, 0), vec3(0, 0, 0.007f)));
    return m;
}

Mesh femur(const Builder& b) {
    const vec3 FH = b.left("femur.head_centre");
    const vec3 GT = b.left("femur.greater_trochanter");
    const vec3 LT = b.left("femur.lesser_trochanter");
    const vec3 LA = b.left("femur.linea_aspera_mid");
    const vec3 ME = b.left("femur.medial_epicondyle");
    const vec3 LE = b.left("femur.lateral_epicondyle");
    const vec3 DE = b.left("femur.distal_end");
    Mesh m;
    m.append(ellipsoid(FH, vec3(0.0235f, 0, 0), vec3(0, 0, 0.0235f), vec3(0, 0.0235f, 0), 16, 24));
    const vec3 troch = GT + vec3(-0.015f, -0.008f, -0.003f);
    m.append(rod({FH + glm::normalize(troch - FH) * 0.012f, glm::mix(FH, troch, 0.6f), troch}, {0.015f, 0.0135f, 0.016f}, 12, 14, 1.2f, vec3(0, 1, 0)));
    m.append(ellipsoid(troch + vec3(0.002f, 0.001f, 0.0f), vec3(0.0145f, 0, 0), vec3(0, 0.022f, 0), vec3(0, 0, 0.019f)));
    const vec3 knee = glm::mix(ME, LE, 0.5f);
    const vec3 shaft_mid = LA + vec3(0.0f, 0.0f, 0.0135f);
    const Polyline shaft = catmull_rom({troch + vec3(-0.004f, 0.004f, 0.002f), vec3(troch.x - 0.012f, LT.y - 0.02f, -0.012f), shaft_mid,
                                        vec3(knee.x + 0.006f, knee.y + 0.07f, knee.z + 0.012f), vec3(knee.x, knee.y + 0.01f, knee.z + 0.008f)},
                                       36);
    auto sec = [&](int, float u) {
        Section s;
        s.a = profile({0.017f, 0.015f, 0.0135f, 0.013f, 0.013f, 0.0135f, 0.016f, 0.024f, 0.034f}, u);
        s.b = profile({0.017f, 0.015f, 0.0135f, 0.0135f, 0.0135f, 0.014f, 0.015f, 0.019f, 0.024f}, u);
        return s;
    };
    m.append(sweep(shaft, sec, [](int, float) { return vec3(1, 0, 0); }, 16, 0.0f, 0.006f));
    m.append(rod({vec3(LT.x + 0.016f, LT.y + 0.004f, LT.z + 0.010f), LT + vec3(0.002f, 0, 0.002f)}, {0.007f, 0.0045f}, 8, 10));
    // Linea aspera: a ridge down the back of the shaft.
    m.append(rod({vec3(LA.x + 0.01f, LA.y + 0.09f, LA.z + 0.004f), LA + vec3(0, 0, 0.003f), vec3(LA.x - 0.01f, LA.y - 0.09f, LA.z + 0.0f)},
                 {0.003f, 0.004f, 0.003f}, 16, 8));
    // Condyles.
    const vec3 mc(ME.x + 0.016f, DE.y + 0.022f, ME.z + 0.004f);
    const vec3 lc(LE.x - 0.016f, DE.y + 0.024f, LE.z + 0.004f);
    m.append(ellipsoid(mc, vec3(0.017f, 0, 0), vec3(0, 0, 0.032f), vec3(0, 0.023f, 0), 12, 18));
    m.append(ellipsoid(lc, vec3(0.017f, 0, 0), vec3(0, 0, 0.031f), vec3(0, 0.022f, 0), 12, 18));
    return m;
}

Mesh tibia(const Builder& b) {
    const vec3 MC = b.left("tibia.medial_condyle");
    const vec3 LC = b.left("tibia.lateral_condyle");
    const vec3 TT = b.left("tibia.tuberosity");
    Mesh m;
    const vec3 c = glm::mix(MC, LC, 0.5f) + vec3(0, -0.012f, 0.018f);
    m.append(sweep(catmull_rom({c + vec3(0, -0.012f, 0), c + vec3(0, 0.012f, 0)}, 4),
                   [&](int, float) {
                       Section s;
                       s.a = 0.5f * (LC.x - MC.x) + 0.001f;
                       s.b = 0.026f;
                       s.squareness = 2.4f;
                       return s;
                   },
                   [](int, float) { return vec3(1, 0, 0); }, 24, 0.004f, 0.004f));
    const Polyline shaft = catmull_rom({c + vec3(0, -0.005f, 0.0f), vec3(TT.x - 0.002f, TT.y - 0.03f, TT.z - 0.015f), vec3(TT.x, 0.33f, TT.z - 0.02f)}, 16);
    m.append(sweep(shaft, [](int, float u) {
        Section s;
        s.a = profile({0.030f, 0.018f, 0.0145f}, u);
        s.b = profile({0.024f, 0.016f, 0.0140f}, u);
        return s;
    }, [](int, float) { return vec3(1, 0, 0); }, 14, 0.0f, 0.0f));
    m.append(ellipsoid(TT - vec3(0, 0, 0.005f), vec3(0.010f, 0, 0), vec3(0, 0.014f, 0), vec3(0, 0, 0.006f)));
    return m;
}

Mesh fibula(const Builder& b) {
    const vec3 FHd = b.left("fibula.head");
    const vec3 c = FHd + vec3(-0.004f, -0.008f, 0.006f);
    Mesh m = ellipsoid(c, vec3(0.009f, 0, 0), vec3(0, 0.012f, 0), vec3(0, 0, 0.009f));
    m.append(rod({c, vec3(c.x + 0.003f, 0.40f, c.z + 0.004f), vec3(c.x + 0.004f, 0.332f, c.z + 0.006f)}, {0.006f, 0.0055f, 0.005f}, 12, 10, 1.0f,
                 vec3(0.0f), false));
    return m;
}

Mesh patella(const Builder& b) {
    const vec3 P = b.left("patella.centre");
    return ellipsoid(P, vec3(0.021f, 0, 0), vec3(0, 0, 0.010f), vec3(0, 0.024f, 0), 12, 16);
}

}  // namespace

void build_limb_bones(Builder& b) {
    b.add_bone("humerus", humerus(b), true);
    b.add_bone("femur", femur(b), true);
    b.add_bone("patella", patella(b), true);
    b.add_bone("tibia", tibia(b), true);
    b.add_bone("fibula", fibula(b), true);
}

}  // namespace dorsal::modelgen
