// Volumes that are not part of the written model but that muscles lie on: the intercostal
// muscles between the ribs, the abdominal viscera, the bulk of the thigh (vasti, adductors) and of
// the arm. They keep sheets from sinking between ribs or into the belly, and give the skin its shape.
#include "builder.hpp"

#include <glm/geometric.hpp>

#include <algorithm>

namespace dorsal::modelgen {

namespace {
using glm::vec3;

// A thin closed wall through a set of curves (each resampled to nv points), thickness 2*half.
Mesh wall(const Builder& b, const std::vector<Polyline>& curves, int nv, int sub, float half) {
    std::vector<Polyline> rows0;
    for (const auto& c : curves) rows0.push_back(resample(c, nv));
    // Interpolate between the curves.
    std::vector<Polyline> rows(static_cast<std::size_t>((rows0.size() - 1) * static_cast<std::size_t>(sub) + 1), Polyline(static_cast<std::size_t>(nv)));
    for (int j = 0; j < nv; ++j) {
        Polyline across;
        for (const auto& r : rows0) across.push_back(r[static_cast<std::size_t>(j)]);
        const Polyline dense = catmull_rom(across, static_cast<int>(rows.size()));
        for (std::size_t i = 0; i < rows.size(); ++i) rows[i][static_cast<std::size_t>(j)] = dense[i];
    }
    std::vector<Polyline> outer = rows, inner = rows;
    std::vector<std::vector<vec3>> fib(rows.size(), std::vector<vec3>(static_cast<std::size_t>(nv), vec3(0, 1, 0)));
    for (std::size_t i = 0; i < rows.size(); ++i)
        for (std::size_t j = 0; j < static_cast<std::size_t>(nv); ++j) {
            const vec3 n = b.trunk_out(rows[i][j]);
            outer[i][j] = rows[i][j] + n * half;
            inner[i][j] = rows[i][j] - n * half;
        }
    return slab(outer, inner, fib);
}

}  // namespace

void build_fillers(Builder& b) {
    // Intercostal muscles between the bony ribs (from beside the heads to the costal ends).
    {
        std::vector<Polyline> curves;
        for (int n = 1; n <= 12; ++n) {
            const Polyline& r = b.rib_lines[static_cast<std::size_t>(n)];
            Polyline c(r.begin() + static_cast<long>(r.size() / 10), r.end());
            curves.push_back(c);
        }
        b.add_filler(wall(b, curves, 40, 3, 0.0026f));
    }
    // Thigh: vastus lateralis, medialis and intermedius round the femur, the adductors medially.
    {
        const vec3 gt = b.left("femur.greater_trochanter");
        const vec3 lt = b.left("femur.lesser_trochanter");
        const vec3 me = b.left("femur.medial_epicondyle"), le = b.left("femur.lateral_epicondyle");
        const vec3 knee = glm::mix(me, le, 0.5f);
        const Polyline axis = catmull_rom({vec3(lt.x + 0.004f, gt.y + 0.01f, gt.z + 0.012f), vec3(lt.x + 0.004f, lt.y - 0.05f, gt.z + 0.010f),
                                           vec3(knee.x + 0.006f, 0.66f, knee.z + 0.036f), vec3(knee.x + 0.002f, knee.y + 0.06f, knee.z + 0.034f)},
                                          24);
        Mesh thigh = sweep(axis,
                           [](int, float u) {
                               Section s;
                               s.a = profile({0.040f, 0.056f, 0.058f, 0.054f, 0.048f, 0.040f, 0.032f}, u);  // medial-lateral
                               s.b = profile({0.034f, 0.046f, 0.048f, 0.046f, 0.042f, 0.036f, 0.028f}, u);  // front-back
                               return s;
                           },
                           [](int, float) { return vec3(1, 0, 0); }, 20, 0.02f, 0.02f);
        b.add_filler(thigh);
        b.skin_extras.push_back(thigh);
    }
    // Upper arm: deltoid, biceps, brachialis and triceps round the humerus (for the skin only).
    {
        const vec3 hc = b.left("humerus.head_centre");
        const vec3 dt = b.left("humerus.deltoid_tuberosity");
        const vec3 de = b.left("humerus.distal_end");
        const Polyline axis = catmull_rom({hc + vec3(0.006f, 0.004f, -0.002f), dt + vec3(-0.008f, 0.0f, 0.002f), de + vec3(-0.004f, 0.01f, 0.004f)}, 16);
        b.skin_extras.push_back(sweep(axis,
                                      [](int, float u) {
                                          Section s;
                                          s.a = profile({0.034f, 0.034f, 0.030f, 0.029f, 0.030f}, u);
                                          s.b = profile({0.036f, 0.033f, 0.032f, 0.032f, 0.028f}, u);
                                          return s;
                                      },
                                      [](int, float) { return vec3(1, 0, 0); }, 16, 0.01f, 0.01f));
    }
    // Thoracic cavity and the front of the neck (skin only): the outline is one shell, not a shell
    // with the chest hollow inside it.
    {
        const Polyline axis = catmull_rom({vec3(0, 1.13f, 0.020f), vec3(0, 1.25f, 0.020f), vec3(0, 1.37f, 0.010f), vec3(0, 1.44f, -0.005f)}, 16);
        b.skin_extras.push_back(sweep(axis,
                                      [](int, float u) {
                                          Section s;
                                          s.a = profile({0.100f, 0.118f, 0.112f, 0.090f, 0.050f}, u);
                                          s.b = profile({0.050f, 0.070f, 0.068f, 0.055f, 0.032f}, u);
                                          return s;
                                      },
                                      [](int, float) { return vec3(1, 0, 0); }, 24, 0.01f, 0.01f));
        const Polyline neck = catmull_rom({vec3(0, 1.42f, 0.000f), vec3(0, 1.50f, -0.002f), vec3(0, 1.58f, 0.000f)}, 10);
        b.skin_extras.push_back(sweep(neck,
                                      [](int, float) {
                                          Section s;
                                          s.a = 0.030f;
                                          s.b = 0.030f;
                                          return s;
                                      },
                                      [](int, float) { return vec3(1, 0, 0); }, 16, 0.01f, 0.01f));
    }
    // Abdominal and pelvic viscera, for the abdominal wall to lie on: as wide at the waist as the
    // iliac crests (hip_bone.iliac_tubercle, 13 cm from the midline), whose inner lip the
    // transversus arises from, so that the three flat muscles lie on one another down to the
    // crest rather than the outer ones spanning from the ribs to the crest over a hollow.
    {
        const Polyline axis = catmull_rom({vec3(0, 0.90f, 0.030f), vec3(0, 1.00f, 0.020f), vec3(0, 1.10f, 0.018f), vec3(0, 1.20f, 0.018f)}, 16);
        b.add_filler(sweep(axis,
                           [](int, float u) {
                               Section s;
                               s.a = profile({0.072f, 0.108f, 0.116f, 0.112f, 0.100f}, u);
                               s.b = profile({0.036f, 0.050f, 0.056f, 0.058f, 0.058f}, u);
                               return s;
                           },
                           [](int, float) { return vec3(1, 0, 0); }, 24, 0.02f, 0.02f));
    }
    // Between the costal cartilages 1 to 7 and the sternum.
    {
        std::vector<Polyline> curves;
        for (int n = 1; n <= 7; ++n) curves.push_back(b.cartilage_lines[static_cast<std::size_t>(n)]);
        b.add_filler(wall(b, curves, 16, 3, 0.0028f));
    }
}

}  // namespace dorsal::modelgen
