// Anatomy of the built-in model: attachments, layers, and nothing sunk into bone.
#include "fixture.hpp"
#include "voxel.hpp"

#include <catch2/catch.hpp>
#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>

using namespace dorsal::modelgen;
using test::mesh_of;

namespace {

struct Attachment {
    const char* muscle;
    std::vector<const char*> origin;
    std::vector<const char*> insertion;
};

// Where each muscle attaches (Gray's Anatomy; Moore's Clinically Oriented Anatomy), by landmark.
// Left side; the right side is checked by the mirror-symmetry test.
const std::vector<Attachment>& attachments() {
    static const std::vector<Attachment> table = {
        {"trapezius_descending", {"skull.inion", "skull.superior_nuchal_line_medial.L"}, {"clavicle.lateral_end.L"}},
        {"trapezius_transverse", {"vertebra_c7.spinous_tip", "vertebra_t2.spinous_tip"}, {"scapula.acromial_angle.L", "scapula.spine_crest.L"}},
        {"trapezius_ascending", {"vertebra_t4.spinous_tip", "vertebra_t8.spinous_tip", "vertebra_t12.spinous_tip"}, {"scapula.spine_root.L"}},
        {"latissimus_dorsi", {"vertebra_t7.spinous_tip", "vertebra_t10.spinous_tip", "vertebra_l2.spinous_tip", "hip_bone.iliac_crest_top.L", "rib_11.posterolateral.L"},
         {"humerus.groove_floor.L"}},
        {"rhomboid_major", {"vertebra_t2.spinous_tip", "vertebra_t5.spinous_tip"}, {"scapula.medial_border_mid.L", "scapula.inferior_angle.L"}},
        {"rhomboid_minor", {"vertebra_c7.spinous_tip", "vertebra_t1.spinous_tip"}, {"scapula.spine_root.L"}},
        {"levator_scapulae", {"vertebra_c1.transverse_tip.L", "vertebra_c4.transverse_tip.L"}, {"scapula.superior_angle.L"}},
        {"serratus_posterior_superior", {"vertebra_c7.spinous_tip", "vertebra_t3.spinous_tip"}, {"rib_2.angle.L", "rib_5.angle.L"}},
        {"serratus_posterior_inferior", {"vertebra_t11.spinous_tip", "vertebra_l2.spinous_tip"}, {"rib_9.angle.L", "rib_12.angle.L"}},
        {"iliocostalis", {"hip_bone.crest_posterior.L"}, {"rib_10.angle.L", "rib_6.angle.L", "vertebra_c6.transverse_tip.L"}},
        {"longissimus", {"hip_bone.psis.L"}, {"vertebra_t6.transverse_tip.L", "vertebra_t10.transverse_tip.L", "skull.mastoid_tip.L"}},
        {"spinalis", {"vertebra_l1.spinous_tip"}, {"vertebra_t4.spinous_tip"}},
        {"multifidus", {"sacrum.median_crest_mid"}, {"vertebra_l3.spinous_tip", "vertebra_c2.spinous_tip"}},
        {"quadratus_lumborum", {"hip_bone.crest_posterior.L", "vertebra_l4.transverse_tip.L"}, {"vertebra_l2.transverse_tip.L", "rib_12.angle.L"}},
        {"semispinalis_capitis", {"vertebra_t3.transverse_tip.L"}, {"skull.nuchal_area_medial.L"}},
        {"splenius_capitis", {"vertebra_t1.spinous_tip"}, {"skull.mastoid_tip.L", "skull.superior_nuchal_line_lateral.L"}},
        {"splenius_cervicis", {"vertebra_t4.spinous_tip"}, {"vertebra_c1.transverse_tip.L", "vertebra_c3.transverse_tip.L"}},
        {"suboccipitals", {"vertebra_c2.spinous_tip", "vertebra_c1.spinous_tip"}, {"vertebra_c1.transverse_tip.L", "skull.inferior_nuchal_line.L"}},
        {"sternocleidomastoid", {"sternum.jugular_notch", "clavicle.medial_end.L"}, {"skull.mastoid_tip.L"}},
        {"scalenes", {"vertebra_c4.transverse_tip.L", "vertebra_c6.transverse_tip.L"}, {"rib_1.lateral.L", "rib_2.lateral.L"}},
        {"infraspinatus", {"scapula.medial_border_mid.L"}, {"humerus.greater_tubercle_middle.L"}},
        {"supraspinatus", {"scapula.superior_angle.L"}, {"humerus.greater_tubercle_superior.L"}},
        {"teres_major", {"scapula.inferior_angle.L"}, {"humerus.medial_lip.L"}},
        {"teres_minor", {"scapula.lateral_border_mid.L"}, {"humerus.greater_tubercle_inferior.L"}},
        {"serratus_anterior", {"rib_3.lateral.L", "rib_7.lateral.L"}, {"scapula.superior_angle.L", "scapula.inferior_angle.L"}},
        {"pectoralis_major", {"clavicle.middle.L", "sternum.angle", "sternum.xiphisternal_joint"}, {"humerus.lateral_lip.L"}},
        {"pectoralis_minor", {"rib_3.costal_end.L", "rib_5.costal_end.L"}, {"scapula.coracoid_tip.L"}},
        {"rectus_abdominis", {"hip_bone.pubic_tubercle.L"}, {"sternum.xiphoid_tip", "rib_5.costal_end.L"}},
        {"external_oblique", {"rib_8.lateral.L"}, {"hip_bone.asis.L"}},
        {"internal_oblique", {"hip_bone.iliac_tubercle.L"}, {"rib_10.costal_end.L"}},
        {"transversus_abdominis", {"hip_bone.iliac_tubercle.L"}, {"rib_10.costal_end.L"}},
        {"psoas_major", {"vertebra_t12.body_lateral.L", "vertebra_l2.body_lateral.L", "vertebra_l3.transverse_tip.L"}, {"femur.lesser_trochanter.L"}},
        {"iliacus", {"hip_bone.asis.L", "hip_bone.sacroiliac_anterior.L"}, {"femur.lesser_trochanter.L"}},
        {"gluteus_maximus", {"hip_bone.psis.L", "sacrum.lateral_margin.L", "coccyx.tip"}, {"femur.gluteal_tuberosity.L"}},
        {"gluteus_medius", {"hip_bone.iliac_crest_top.L", "hip_bone.iliac_tubercle.L"}, {"femur.trochanter_lateral.L"}},
        {"gluteus_minimus", {"hip_bone.asis.L"}, {"femur.trochanter_anterior.L"}},
        {"piriformis", {"sacrum.anterior_s3.L"}, {"femur.trochanter_top.L"}},
        {"tensor_fasciae_latae", {"hip_bone.asis.L"}, {}},
        {"iliotibial_band", {"hip_bone.iliac_tubercle.L"}, {"tibia.gerdy_tubercle.L"}},
        {"biceps_femoris", {"hip_bone.ischial_tuberosity.L", "femur.linea_aspera_mid.L"}, {"fibula.head.L"}},
        {"semitendinosus", {"hip_bone.ischial_tuberosity.L"}, {"tibia.pes_anserinus.L"}},
        {"semimembranosus", {"hip_bone.ischial_tuberosity.L"}, {"tibia.medial_condyle.L"}},
        {"rectus_femoris", {"hip_bone.aiis.L"}, {"patella.base.L"}},
        {"diaphragm", {"sternum.xiphoid_tip", "rib_10.lateral.L", "rib_12.lateral.L", "vertebra_l2.body_lateral.L"}, {}},
    };
    return table;
}

float closest_vertex(const Mesh& m, glm::vec3 p) {
    float best = 1e9f;
    for (const auto& v : m.positions) best = std::min(best, glm::distance(v, p));
    return best;
}

}  // namespace

TEST_CASE("every muscle reaches the bone landmarks it attaches to (within 1.5 cm)", "[anatomy]") {
    const auto& lm = test::landmarks();
    CHECK(attachments().size() == 44);
    for (const auto& a : attachments()) {
        const std::string node = std::string("muscle.") + a.muscle + (std::string(a.muscle) == "diaphragm" ? "" : ".L");
        const Mesh& m = mesh_of(node);
        for (const auto* list : {&a.origin, &a.insertion}) {
            for (const char* name : *list) {
                REQUIRE(lm.has(name));
                const float d = closest_vertex(m, lm.get(name));
                INFO(a.muscle << (list == &a.origin ? " origin " : " insertion ") << name << ": " << d * 1000.0f << " mm away");
                CHECK(d <= 0.015f);
            }
        }
    }
}

namespace {

struct Layering {
    std::vector<std::string> over, under;
};

// Samples (x, y) over the deeper muscles' extent; where a ray meets both, checks that the
// superficial one is met first (from behind: smaller z; from the front: larger z).
void check_layering(const Layering& l, bool from_back) {
    glm::vec3 lo(1e9f), hi(-1e9f);
    for (const auto& n : l.under) {
        glm::vec3 a, b;
        mesh_of(n).bounds(a, b);
        lo = glm::min(lo, a);
        hi = glm::max(hi, b);
    }
    int both = 0, wrong = 0;
    float worst = 0.0f, wx = 0.0f, wy = 0.0f;
    for (float y = lo.y; y <= hi.y; y += 0.004f)
        for (float x = lo.x; x <= hi.x; x += 0.004f) {
            std::optional<float> o, u;
            for (const auto& n : l.over) {
                auto h = from_back ? test::hit_from_back(mesh_of(n), x, y) : test::hit_from_front(mesh_of(n), x, y);
                if (h && (!o || (from_back ? *h < *o : *h > *o))) o = h;
            }
            for (const auto& n : l.under) {
                auto h = from_back ? test::hit_from_back(mesh_of(n), x, y) : test::hit_from_front(mesh_of(n), x, y);
                if (h && (!u || (from_back ? *h < *u : *h > *u))) u = h;
            }
            if (!o || !u) continue;
            ++both;
            const float depth = from_back ? *o - *u : *u - *o;  // > 0: the deep muscle is met first
            if (depth > 0.001f) ++wrong;
            if (depth > worst) {
                worst = depth;
                wx = x;
                wy = y;
            }
        }
    INFO(l.over.front() << " over " << l.under.front() << ": " << both << " samples, " << wrong << " wrong, worst " << worst * 1000 << " mm at x " << wx << ", y " << wy);
    CHECK(both >= 20);
    CHECK(wrong == 0);
}

}  // namespace

TEST_CASE("superficial muscles lie over deeper ones", "[anatomy]") {
    SECTION("trapezius over the rhomboids (from behind)") {
        check_layering({{"muscle.trapezius_descending.L", "muscle.trapezius_transverse.L", "muscle.trapezius_ascending.L"},
                        {"muscle.rhomboid_major.L", "muscle.rhomboid_minor.L"}},
                       true);
    }
    SECTION("rhomboids over serratus posterior superior (from behind)") {
        check_layering({{"muscle.rhomboid_major.L", "muscle.rhomboid_minor.L"}, {"muscle.serratus_posterior_superior.L"}}, true);
    }
    SECTION("gluteus maximus over gluteus medius (from behind)") {
        check_layering({{"muscle.gluteus_maximus.L"}, {"muscle.gluteus_medius.L"}}, true);
    }
    SECTION("gluteus medius over gluteus minimus (from behind)") {
        check_layering({{"muscle.gluteus_medius.L"}, {"muscle.gluteus_minimus.L"}}, true);
    }
    SECTION("psoas major in front of quadratus lumborum (from the front)") {
        check_layering({{"muscle.psoas_major.L"}, {"muscle.quadratus_lumborum.L"}}, false);
    }
}

TEST_CASE("no muscle sinks more than 5 mm into a bone", "[anatomy]") {
    const Model& model = test::model();
    struct Bone {
        std::string name;
        const Mesh* mesh;
        glm::vec3 lo, hi;
    };
    std::vector<Bone> bones;
    for (const auto& nm : model.meshes) {
        if (nm.name.rfind("bone.", 0) != 0) continue;
        Bone b{nm.name, &nm.mesh, {}, {}};
        nm.mesh.bounds(b.lo, b.hi);
        bones.push_back(b);
    }
    auto depth_inside = [](const Mesh& m, glm::vec3 p) {
        float best = 1e9f;
        for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
            const glm::vec3 q = closest_on_triangle(p, m.positions[m.indices[t]], m.positions[m.indices[t + 1]], m.positions[m.indices[t + 2]]);
            best = std::min(best, glm::distance(p, q));
        }
        return best;
    };
    int checked = 0;
    for (const auto& nm : model.meshes) {
        if (nm.name.rfind("muscle.", 0) != 0 || nm.name.size() < 2 || nm.name.compare(nm.name.size() - 2, 2, ".R") == 0) continue;
        const Mesh& m = nm.mesh;
        const std::size_t stride = std::max<std::size_t>(1, m.positions.size() / 400);
        float worst = 0.0f;
        std::string where;
        glm::vec3 at(0.0f);
        for (std::size_t i = 0; i < m.positions.size(); i += stride) {
            const glm::vec3 p = m.positions[i];
            ++checked;
            for (const auto& b : bones) {
                if (glm::any(glm::lessThan(p, b.lo)) || glm::any(glm::greaterThan(p, b.hi))) continue;
                if (winding_number(*b.mesh, p) < 0.5) continue;
                const float d = depth_inside(*b.mesh, p);
                if (d > worst) {
                    worst = d;
                    where = b.name;
                    at = p;
                }
            }
        }
        INFO(nm.name << " reaches " << worst * 1000.0f << " mm into " << where << " at (" << at.x << ", " << at.y << ", " << at.z << ")");
        CHECK(worst <= 0.005f);
    }
    CHECK(checked > 10000);
}
