// Volumes that are not part of the written model but that muscles lie on: the intercostal
// muscles between the ribs, the abdominal viscera, the thigh, arm and calf muscles that are not
// modelled; and volumes the skin alone covers: the soft parts of the forearm, hand, calf and sole.
// They keep sheets from sinking between ribs or into the belly, and give the skin its shape.
#include "builder.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <string>

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

// A tube along `axis` (already sampled) with an elliptic section: semi-axes `wide` along `side` and
// `deep` across it, each spread evenly along the axis; `ring` points round; rounded ends `pole` long.
Mesh profiled_tube(const Polyline& axis, const std::vector<float>& wide, const std::vector<float>& deep, int ring, float pole,
                   vec3 side = vec3(1.0f, 0.0f, 0.0f)) {
    return sweep(axis,
                 [&](int, float u) {
                     Section s;
                     s.a = profile(wide, u);
                     s.b = profile(deep, u);
                     return s;
                 },
                 [side](int, float) { return side; }, ring, pole, pole);
}

// The soft bulk of a limb round a smooth axis through `control`: see profiled_tube.
Mesh limb_bulk(const Polyline& control, const std::vector<float>& wide, const std::vector<float>& deep, float pole,
               vec3 side = vec3(1.0f, 0.0f, 0.0f)) {
    return profiled_tube(catmull_rom(control, 24), wide, deep, 20, pole, side);
}

// The flesh of a finger or toe from the head of its metacarpal or metatarsal: radius r at the tip,
// whose rounded end (the pulp) lies a few millimetres beyond the bone's tip.
Mesh digit_flesh(vec3 head, vec3 tip, float r) { return rod({head, tip - glm::normalize(tip - head) * 0.002f}, {r + 0.001f, r}, 8, 10); }

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
    // Thigh muscles that are not modelled: vastus intermedius round the front and sides of the femoral
    // shaft, and medially adductor longus and brevis, gracilis and sartorius as one mass from the
    // pubis to the medial knee. The vasti, adductor magnus and hamstrings lie on them.
    {
        const vec3 gt = b.left("femur.greater_trochanter");
        const vec3 lt = b.left("femur.lesser_trochanter");
        const vec3 la = b.left("femur.linea_aspera_mid");
        const vec3 me = b.left("femur.medial_epicondyle"), le = b.left("femur.lateral_epicondyle");
        const vec3 knee = glm::mix(me, le, 0.5f);
        const Polyline shaft = catmull_rom({vec3(gt.x - 0.020f, lt.y, gt.z + 0.010f), vec3(la.x, la.y, la.z + 0.020f), vec3(knee.x + 0.006f, knee.y + 0.08f, knee.z + 0.020f)}, 20);
        const Mesh intermedius = profiled_tube(shaft, {0.018f, 0.024f, 0.025f, 0.023f, 0.016f}, {0.016f, 0.022f, 0.023f, 0.021f, 0.014f}, 16, 0.015f);
        const vec3 pt = b.left("hip_bone.pubic_tubercle");
        const Polyline medial = catmull_rom({pt + vec3(0.012f, -0.025f, -0.014f), vec3(la.x - 0.040f, lt.y - 0.060f, lt.z + 0.022f),
                                             vec3(la.x - 0.046f, la.y - 0.030f, la.z + 0.016f), me + vec3(0.006f, 0.040f, 0.008f)},
                                            20);
        const Mesh adductors = profiled_tube(medial, {0.020f, 0.030f, 0.026f, 0.018f, 0.010f}, {0.022f, 0.030f, 0.026f, 0.016f, 0.010f}, 16, 0.01f);
        for (const Mesh* m : {&intermedius, &adductors}) {
            b.add_filler(*m);
            b.skin_extras.push_back(*m);
        }
    }
    // Deep muscles of the back of the leg (tibialis posterior, the long toe flexors) behind the tibia
    // and fibula, from below the soleal line to above the ankle: soleus lies on them.
    {
        const vec3 knee = glm::mix(b.left("tibia.medial_condyle"), b.left("fibula.head"), 0.5f);
        const vec3 ankle = glm::mix(b.left("tibia.distal_end_centre"), b.left("fibula.lateral_malleolus"), 0.4f);
        const Polyline axis = catmull_rom({knee + vec3(0.0f, -0.070f, -0.004f), glm::mix(knee, ankle, 0.5f) + vec3(0.0f, 0.0f, -0.008f), ankle + vec3(0.0f, 0.050f, -0.006f)}, 16);
        const Mesh deep = profiled_tube(axis, {0.016f, 0.022f, 0.018f, 0.010f}, {0.008f, 0.012f, 0.010f, 0.007f}, 14, 0.01f);
        b.add_filler(deep);
        b.skin_extras.push_back(deep);
    }
    // Upper arm, what is not modelled as muscles: brachialis (front of the lower half of the humerus
    // to the coronoid process and ulnar tuberosity, under biceps) and coracobrachialis (coracoid to
    // the medial side of the mid-shaft). Biceps lies on them and the skin covers them.
    {
        const vec3 dt = b.left("humerus.deltoid_tuberosity");
        const vec3 de = b.left("humerus.distal_end");
        const vec3 ol = b.left("ulna.olecranon_tip");
        const vec3 co = b.left("scapula.coracoid_tip");
        // Ulnar tuberosity: in front of the olecranon, below the joint (the coronoid process).
        const vec3 ulnar_tuberosity = ol + vec3(-0.006f, -0.040f, 0.020f);
        const Polyline axis = catmull_rom({dt + vec3(-0.010f, 0.010f, 0.012f), glm::mix(dt, de, 0.5f) + vec3(-0.004f, 0.0f, 0.018f),
                                           de + vec3(-0.002f, 0.030f, 0.020f), ulnar_tuberosity + vec3(0.0f, 0.012f, 0.004f)},
                                          16);
        const Mesh brachialis = profiled_tube(axis, {0.008f, 0.016f, 0.020f, 0.016f, 0.008f}, {0.004f, 0.009f, 0.010f, 0.009f, 0.005f}, 12, 0.006f);
        const Mesh coracobrachialis = rod({co + vec3(0.0f, -0.006f, 0.0f), glm::mix(co, dt, 0.5f) + vec3(-0.008f, 0.0f, 0.004f), dt + vec3(-0.018f, 0.0f, 0.004f)},
                                          {0.004f, 0.008f, 0.005f}, 12, 10);
        for (const Mesh* m : {&brachialis, &coracobrachialis}) {
            b.add_filler(*m);
            b.skin_extras.push_back(*m);
        }
    }
    // Forearm: the flexors from the medial epicondyle and the extensors from the lateral one, widest
    // a third of the way down, tendons only at the wrist (wider side to side than front to back).
    {
        const vec3 elbow = glm::mix(b.left("humerus.medial_epicondyle"), b.left("humerus.lateral_epicondyle"), 0.5f) + vec3(0.0f, -0.005f, 0.008f);
        const vec3 wrist = glm::mix(b.left("radius.distal_end_centre"), b.left("ulna.distal_end_centre"), 0.5f);
        b.skin_extras.push_back(limb_bulk({elbow, glm::mix(elbow, wrist, 0.3f) + vec3(0.0f, 0.0f, 0.004f), wrist + vec3(0.0f, -0.006f, 0.0f)},
                                          {0.029f, 0.031f, 0.026f, 0.021f, 0.019f}, {0.023f, 0.023f, 0.018f, 0.013f, 0.011f}, 0.01f));
    }
    // Palm (thenar and hypothenar eminences, interossei) and the ball of the thumb.
    {
        const Axes ax = hand_axes(b);
        const vec3 wrist = b.left("hand.wrist_centre");
        const vec3 knuckles = glm::mix(b.left("hand.metacarpal_head_2"), b.left("hand.metacarpal_head_5"), 0.5f);
        b.skin_extras.push_back(ax.blob(glm::mix(wrist, knuckles, 0.5f) + ax.normal * 0.004f, 0.034f, 0.028f, 0.011f));
        const vec3 thumb = glm::mix(wrist, b.left("hand.metacarpal_head_1"), 0.55f);
        b.skin_extras.push_back(ellipsoid(thumb + ax.normal * 0.008f, glm::normalize(b.left("hand.metacarpal_head_1") - wrist) * 0.024f,
                                          ax.across * 0.011f, ax.normal * 0.011f));
        for (int k = 1; k <= 5; ++k)
            b.skin_extras.push_back(digit_flesh(b.left("hand.metacarpal_head_" + std::to_string(k)), b.left("hand.fingertip_" + std::to_string(k)),
                                                k == 1 ? 0.0070f : 0.0060f));
    }
    // Calf and shin: the gastrocnemius and soleus behind (widest in the upper third, narrowing to the
    // calcaneal tendon), the anterior and lateral compartments beside the tibia, whose front stays
    // under the skin.
    {
        const vec3 knee = glm::mix(b.left("tibia.medial_condyle"), b.left("tibia.lateral_condyle"), 0.5f);
        const vec3 ankle = b.left("tibia.distal_end_centre");
        b.skin_extras.push_back(limb_bulk({knee + vec3(0.0f, 0.030f, -0.030f), glm::mix(knee, ankle, 0.25f) + vec3(0.004f, 0.0f, -0.024f),
                                           glm::mix(knee, ankle, 0.72f) + vec3(0.002f, 0.0f, -0.012f), ankle + vec3(0.002f, -0.004f, -0.016f)},
                                          {0.036f, 0.046f, 0.049f, 0.040f, 0.028f, 0.025f, 0.025f}, {0.032f, 0.046f, 0.052f, 0.040f, 0.026f, 0.024f, 0.026f},
                                          0.01f));
    }
    // Sole: the heel pad (about 1.5 cm under the calcaneus), the arch filled by the plantar muscles
    // and fascia, the pad under the metatarsal heads.
    {
        const Axes ax = foot_axes(b);
        const vec3 heel = b.left("foot.heel_bottom");
        const vec3 ball = glm::mix(b.left("foot.metatarsal_head_1"), b.left("foot.metatarsal_head_5"), 0.5f);
        b.skin_extras.push_back(limb_bulk({ax.at(heel, 0.004f, 0.0f, 0.006f), glm::mix(heel, ball, 0.5f) + ax.normal * 0.012f, ax.at(ball, 0.0f, 0.0f, -0.002f)},
                                          {0.020f, 0.022f, 0.028f, 0.034f}, {0.014f, 0.013f, 0.011f, 0.009f}, 0.01f, ax.across));
        const FootRays rays = foot_rays(b);
        for (int k = 1; k <= 5; ++k) b.skin_extras.push_back(digit_flesh(rays.head[k], rays.tip[k], k == 1 ? 0.0085f : 0.0060f));
    }
    // Pelvic viscera and the pelvic floor (skin only): the lesser pelvis from the pubic symphysis to the
    // coccyx and out past the ischial tuberosities, so that the outline closes under the pelvis.
    {
        const vec3 pubis = b.left("hip_bone.pubic_symphysis"), coccyx = b.lm("coccyx.tip");
        const vec3 centre(0.0f, glm::mix(pubis.y, coccyx.y, 0.5f) + 0.035f, glm::mix(pubis.z, coccyx.z, 0.5f));
        b.skin_extras.push_back(ellipsoid(centre, vec3(b.left("hip_bone.ischial_tuberosity").x + 0.018f, 0, 0), vec3(0, 0.065f, 0),
                                          vec3(0, 0, 0.045f), 12, 16));
    }
    // Thoracic cavity and the front of the neck (skin only): the outline is one shell, not a shell
    // with the chest hollow inside it.
    {
        const Polyline axis = catmull_rom({vec3(0, 1.13f, 0.020f), vec3(0, 1.25f, 0.020f), vec3(0, 1.37f, 0.010f), vec3(0, 1.44f, -0.005f)}, 16);
        b.skin_extras.push_back(profiled_tube(axis, {0.100f, 0.118f, 0.112f, 0.090f, 0.050f}, {0.050f, 0.070f, 0.068f, 0.055f, 0.032f}, 24, 0.01f));
        const Polyline neck = catmull_rom({vec3(0, 1.42f, 0.000f), vec3(0, 1.50f, -0.002f), vec3(0, 1.58f, 0.000f)}, 10);
        b.skin_extras.push_back(profiled_tube(neck, {0.030f, 0.030f}, {0.030f, 0.030f}, 16, 0.01f));
    }
    // Abdominal and pelvic viscera, for the abdominal wall to lie on: as wide at the waist as the
    // iliac crests (hip_bone.iliac_tubercle, 13 cm from the midline), whose inner lip the
    // transversus arises from, so that the three flat muscles lie on one another down to the
    // crest rather than the outer ones spanning from the ribs to the crest over a hollow.
    {
        const Polyline axis = catmull_rom({vec3(0, 0.90f, 0.030f), vec3(0, 1.00f, 0.020f), vec3(0, 1.10f, 0.018f), vec3(0, 1.20f, 0.018f)}, 16);
        b.add_filler(profiled_tube(axis, {0.072f, 0.108f, 0.116f, 0.112f, 0.100f}, {0.036f, 0.050f, 0.056f, 0.058f, 0.058f}, 24, 0.02f));
    }
    // Between the costal cartilages 1 to 7 and the sternum.
    {
        std::vector<Polyline> curves;
        for (int n = 1; n <= 7; ++n) curves.push_back(b.cartilage_lines[static_cast<std::size_t>(n)]);
        b.add_filler(wall(b, curves, 16, 3, 0.0028f));
    }
}

}  // namespace dorsal::modelgen
