// Muscles, built deep to superficial so that each layer lies on the ones beneath it.
#include "builder.hpp"

#include <glm/geometric.hpp>

#include <cmath>
#include <sstream>

namespace dorsal::modelgen {

namespace {

using glm::vec3;

// A point given as a landmark name ("rib_7.angle" means the left one when `.L` exists), or a blend
// "a|b|t" (the point t of the way from a to b).
vec3 P(const Builder& b, const std::string& spec) {
    const auto bar = spec.find('|');
    if (bar != std::string::npos) {
        const auto bar2 = spec.find('|', bar + 1);
        const vec3 a = P(b, spec.substr(0, bar));
        const vec3 c = P(b, spec.substr(bar + 1, bar2 - bar - 1));
        const float t = std::stof(spec.substr(bar2 + 1));
        return glm::mix(a, c, t);
    }
    if (b.L.has(spec + ".L")) return b.left(spec);
    return b.lm(spec);
}

struct Bundle {
    std::vector<std::string> pts;
    float r;
};

Mesh bundles(const Builder& b, const std::vector<Bundle>& list) {
    Mesh m;
    for (const auto& bd : list) {
        Polyline c;
        for (const auto& s : bd.pts) c.push_back(P(b, s));
        m.append(rod(c, {bd.r * 0.35f, bd.r, bd.r, bd.r * 0.35f}, 20, 10));
    }
    return m;
}

}  // namespace

void build_muscles(Builder& b) {
    auto add = [&](const std::string& id, const std::vector<Bundle>& list, Material mat = Material::Muscle) {
        b.add_muscle(id, bundles(b, list), mat, true);
    };
    add("trapezius_descending", {{{"skull.superior_nuchal_line_medial", "clavicle.middle|clavicle.lateral_end|0.6"}, 0.008f},
                                 {{"vertebra_c4.spinous_tip", "clavicle.lateral_end"}, 0.008f}});
    add("trapezius_transverse", {{{"vertebra_c7.spinous_tip", "scapula.acromial_angle"}, 0.008f},
                                 {{"vertebra_t2.spinous_tip", "scapula.spine_crest"}, 0.008f}});
    add("trapezius_ascending", {{{"vertebra_t6.spinous_tip", "scapula.spine_root"}, 0.007f},
                                {{"vertebra_t12.spinous_tip", "scapula.spine_root"}, 0.007f}});
    add("latissimus_dorsi", {{{"vertebra_t7.spinous_tip", "scapula.inferior_angle", "humerus.intertubercular_groove"}, 0.009f},
                             {{"vertebra_l3.spinous_tip", "rib_10.angle", "humerus.intertubercular_groove"}, 0.009f},
                             {{"hip_bone.iliac_crest_top", "rib_10.lateral", "humerus.intertubercular_groove"}, 0.009f}});
    add("rhomboid_major", {{{"vertebra_t2.spinous_tip", "scapula.spine_root"}, 0.006f},
                           {{"vertebra_t5.spinous_tip", "scapula.inferior_angle"}, 0.006f}});
    add("rhomboid_minor", {{{"vertebra_c7.spinous_tip", "scapula.spine_root"}, 0.005f}});
    add("levator_scapulae", {{{"vertebra_c1.transverse_tip", "vertebra_c4.transverse_tip", "scapula.superior_angle"}, 0.007f}});
    add("serratus_posterior_superior", {{{"vertebra_c7.spinous_tip", "rib_2.angle"}, 0.004f},
                                        {{"vertebra_t2.spinous_tip", "rib_5.angle"}, 0.004f}});
    add("serratus_posterior_inferior", {{{"vertebra_t11.spinous_tip", "rib_9.angle"}, 0.004f},
                                        {{"vertebra_l2.spinous_tip", "rib_12.angle"}, 0.004f}});
    add("iliocostalis", {{{"hip_bone.psis", "rib_12.angle", "rib_8.angle", "rib_4.angle", "rib_1.angle", "vertebra_c5.transverse_tip"}, 0.008f}});
    add("longissimus", {{{"sacrum.median_crest_mid|hip_bone.psis|0.5", "vertebra_l1.transverse_tip", "vertebra_t6.transverse_tip",
                          "vertebra_c6.transverse_tip", "skull.mastoid_tip"}, 0.009f}});
    add("spinalis", {{{"vertebra_l2.spinous_tip|vertebra_l2.transverse_tip|0.3", "vertebra_t8.spinous_tip|vertebra_t8.transverse_tip|0.3",
                       "vertebra_t2.spinous_tip|vertebra_t2.transverse_tip|0.3"}, 0.005f}});
    add("multifidus", {{{"sacrum.median_crest_mid|sacrum.ala|0.3", "vertebra_l3.spinous_tip|vertebra_l3.transverse_tip|0.5",
                         "vertebra_t10.spinous_tip|vertebra_t10.transverse_tip|0.5", "vertebra_t2.spinous_tip|vertebra_t2.transverse_tip|0.5",
                         "vertebra_c2.spinous_tip|vertebra_c2.transverse_tip|0.5"}, 0.006f}});
    add("quadratus_lumborum", {{{"hip_bone.iliac_crest_top|hip_bone.psis|0.4", "vertebra_l3.transverse_tip", "rib_12.angle"}, 0.009f}});
    add("semispinalis_capitis", {{{"vertebra_t5.transverse_tip", "vertebra_c5.transverse_tip|vertebra_c5.spinous_tip|0.5", "skull.nuchal_area_medial"}, 0.007f}});
    add("splenius_capitis", {{{"vertebra_t3.spinous_tip", "vertebra_c4.spinous_tip|vertebra_c4.transverse_tip|0.3", "skull.superior_nuchal_line_lateral"}, 0.006f}});
    add("splenius_cervicis", {{{"vertebra_t5.spinous_tip", "vertebra_t1.transverse_tip", "vertebra_c2.transverse_tip"}, 0.004f}});
    add("suboccipitals", {{{"vertebra_c2.spinous_tip", "skull.inferior_nuchal_line"}, 0.004f},
                          {{"vertebra_c1.spinous_tip", "skull.nuchal_area_medial|skull.inferior_nuchal_line|0.2"}, 0.003f},
                          {{"vertebra_c2.spinous_tip", "vertebra_c1.transverse_tip"}, 0.004f}});
    add("sternocleidomastoid", {{{"sternum.jugular_notch|clavicle.medial_end|0.5", "skull.mastoid_tip"}, 0.008f}});
    add("scalenes", {{{"vertebra_c4.transverse_tip", "rib_1.lateral"}, 0.006f}, {{"vertebra_c5.transverse_tip", "rib_2.lateral"}, 0.005f}});
    add("infraspinatus", {{{"scapula.inferior_angle|scapula.spine_root|0.4", "humerus.greater_tubercle"}, 0.010f}});
    add("supraspinatus", {{{"scapula.superior_angle|scapula.spine_root|0.5", "humerus.greater_tubercle|humerus.head_centre|0.3"}, 0.008f}});
    add("teres_major", {{{"scapula.inferior_angle", "humerus.intertubercular_groove"}, 0.009f}});
    add("teres_minor", {{{"scapula.lateral_border_mid", "humerus.greater_tubercle"}, 0.007f}});
    add("serratus_anterior", {{{"rib_2.lateral", "scapula.superior_angle"}, 0.006f}, {{"rib_6.lateral", "scapula.inferior_angle"}, 0.007f}});
    add("pectoralis_major", {{{"clavicle.medial_end|clavicle.middle|0.5", "humerus.intertubercular_groove"}, 0.009f},
                             {{"sternum.costal_notch_4", "humerus.intertubercular_groove"}, 0.010f}});
    add("pectoralis_minor", {{{"rib_4.costal_end", "scapula.coracoid_tip"}, 0.007f}});
    add("rectus_abdominis", {{{"hip_bone.pubic_tubercle", "sternum.costal_notch_6|rib_5.costal_end|0.5"}, 0.010f}});
    add("external_oblique", {{{"rib_8.lateral", "hip_bone.asis"}, 0.006f}});
    add("internal_oblique", {{{"hip_bone.iliac_tubercle", "rib_10.costal_end"}, 0.006f}});
    add("transversus_abdominis", {{{"rib_10.costal_end", "hip_bone.asis"}, 0.005f}});
    add("psoas_major", {{{"vertebra_t12.body_centre|vertebra_t12.transverse_tip|0.6", "vertebra_l3.transverse_tip|vertebra_l3.body_anterior|0.5",
                          "hip_bone.aiis|hip_bone.pubic_tubercle|0.5", "femur.lesser_trochanter"}, 0.013f}});
    add("iliacus", {{{"hip_bone.iliac_crest_top|hip_bone.asis|0.4", "hip_bone.aiis|hip_bone.pubic_tubercle|0.4", "femur.lesser_trochanter"}, 0.012f}});
    add("gluteus_maximus", {{{"hip_bone.psis", "femur.gluteal_tuberosity"}, 0.016f}, {{"sacrum.apex", "femur.gluteal_tuberosity"}, 0.016f}});
    add("gluteus_medius", {{{"hip_bone.iliac_crest_top", "femur.greater_trochanter"}, 0.015f}});
    add("gluteus_minimus", {{{"hip_bone.iliac_tubercle|hip_bone.aiis|0.5", "femur.greater_trochanter"}, 0.010f}});
    add("piriformis", {{{"sacrum.ala|sacrum.apex|0.4", "femur.greater_trochanter"}, 0.008f}});
    add("tensor_fasciae_latae", {{{"hip_bone.asis", "femur.greater_trochanter|femur.lateral_epicondyle|0.15"}, 0.010f}});
    add("iliotibial_band", {{{"hip_bone.iliac_tubercle", "femur.greater_trochanter", "tibia.gerdy_tubercle"}, 0.005f}}, Material::Tendon);
    add("biceps_femoris", {{{"hip_bone.ischial_tuberosity", "femur.linea_aspera_mid", "fibula.head"}, 0.012f}});
    add("semitendinosus", {{{"hip_bone.ischial_tuberosity", "femur.linea_aspera_mid|femur.medial_epicondyle|0.3", "tibia.pes_anserinus"}, 0.010f}});
    add("semimembranosus", {{{"hip_bone.ischial_tuberosity", "femur.linea_aspera_mid|femur.medial_epicondyle|0.5", "tibia.medial_condyle"}, 0.011f}});
    add("rectus_femoris", {{{"hip_bone.aiis", "femur.linea_aspera_mid|patella.centre|0.6", "patella.centre"}, 0.015f}});
    // The diaphragm: one midline dome.
    b.add_muscle("diaphragm", ellipsoid(vec3(0.0f, 1.19f, 0.01f), vec3(0.10f, 0, 0), vec3(0, 0, 0.075f), vec3(0, 0.03f, 0), 12, 24),
                 Material::Muscle, false);
}

}  // namespace dorsal::modelgen
