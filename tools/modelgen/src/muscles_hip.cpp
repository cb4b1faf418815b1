// Hip and leg: psoas, iliacus, piriformis, the glutes, tensor fasciae latae, the iliotibial band,
// adductor magnus, the vasti, the hamstrings, rectus femoris and the calf (soleus, gastrocnemius).
// Attachments follow Gray's Anatomy and Moore's Clinically Oriented Anatomy; points come from
// assets/anatomy/landmarks.csv and landmarks-added.csv.
#include "muscle_parts.hpp"

#include <glm/geometric.hpp>

#include <cmath>
#include <string>

namespace dorsal::modelgen {

using glm::vec2;
using glm::vec3;

namespace {

// The point t of the way from a to b, moved dx sideways and dz forwards (down a limb).
vec3 partway(vec3 a, vec3 b, float t, float dx, float dz) { return glm::mix(a, b, t) + vec3(dx, 0.0f, dz); }

}  // namespace

void psoas_major(Builder& b) {
    // From the sides of the T12-L4 bodies and the front of the L1-L5 transverse processes, down
    // along the lumbar spine, over the pelvic brim and in front of the hip joint to the lesser
    // trochanter.
    Polyline path;
    path.push_back(b.left("vertebra_t12.body_lateral") + vec3(0.004f, -0.004f, -0.006f));
    path.push_back(b.left("vertebra_l1.body_lateral") + vec3(0.010f, 0.0f, -0.010f));
    path.push_back(b.left("vertebra_l2.body_lateral") + vec3(0.015f, 0.0f, -0.014f));
    path.push_back(b.left("vertebra_l3.body_lateral") + vec3(0.016f, 0.0f, -0.013f));
    path.push_back(b.left("vertebra_l4.body_lateral") + vec3(0.018f, 0.0f, -0.004f));
    path.push_back(b.left("vertebra_l5.transverse_tip") + vec3(-0.004f, -0.010f, 0.032f));
    // Over the pelvic brim beside the iliopubic eminence (lying on the bone, which here stands about
    // 1.5 cm further forward than the real hip bone), then down and back to the trochanter.
    const vec3 ipe = b.left("hip_bone.iliopubic_eminence");
    path.push_back(ipe + vec3(-0.006f, 0.028f, -0.012f));
    path.push_back(ipe + vec3(-0.002f, 0.000f, 0.012f));
    path.push_back(ipe + vec3(0.002f, -0.034f, -0.010f));
    const vec3 lt = b.left("femur.lesser_trochanter");
    path.push_back(lt + vec3(-0.008f, 0.016f, 0.020f));
    path.push_back(lt + vec3(0.001f, 0.004f, 0.006f));
    path.push_back(lt + vec3(0.008f, -0.008f, 0.004f));
    SpindleOptions o;
    o.nu = 70;
    o.ring = 18;
    o.radii = [](float u) {
        const float w = profile({0.006f, 0.011f, 0.015f, 0.018f, 0.020f, 0.020f, 0.018f, 0.014f, 0.010f, 0.0075f, 0.006f, 0.005f, 0.004f}, u);
        const float d = profile({0.005f, 0.010f, 0.013f, 0.015f, 0.016f, 0.016f, 0.014f, 0.011f, 0.008f, 0.006f, 0.005f, 0.004f, 0.003f}, u);
        return vec2(w, d);
    };
    o.side = [](float, vec3) { return vec3(1, 0, 0.15f); };
    o.mask = kBone;
    b.add_muscle("psoas_major", spindle(b, path, o));
}

void iliacus(Builder& b) {
    // A fan in the iliac fossa, converging over the front of the hip joint beside the psoas
    // tendon to the lesser trochanter.
    const vec3 psis = b.left("hip_bone.psis");
    const vec3 ct = b.left("hip_bone.iliac_crest_top");
    const vec3 it = b.left("hip_bone.iliac_tubercle");
    const vec3 asis = b.left("hip_bone.asis");
    const vec3 aiis = b.left("hip_bone.aiis");
    const vec3 si = b.left("hip_bone.sacroiliac_anterior");
    const vec3 ipe = b.left("hip_bone.iliopubic_eminence");
    const vec3 lt = b.left("femur.lesser_trochanter");
    Polyline origin = {si + vec3(0.004f, 0.006f, 0.006f), glm::mix(psis, ct, 0.6f) + vec3(0.012f, -0.010f, 0.030f), ct + vec3(0.000f, -0.010f, 0.018f),
                       it + vec3(-0.012f, -0.008f, 0.006f), asis + vec3(-0.010f, -0.004f, -0.004f), aiis + vec3(-0.008f, 0.0f, -0.004f)};
    Polyline mid = {ipe + vec3(-0.002f, 0.030f, 0.002f), ipe + vec3(0.006f, 0.040f, 0.004f), ipe + vec3(0.014f, 0.040f, 0.006f),
                    ipe + vec3(0.020f, 0.034f, 0.010f), ipe + vec3(0.024f, 0.024f, 0.016f), ipe + vec3(0.024f, 0.016f, 0.018f)};
    Polyline front = {ipe + vec3(0.010f, -0.006f, 0.014f), ipe + vec3(0.013f, -0.006f, 0.016f), ipe + vec3(0.016f, -0.006f, 0.018f),
                      ipe + vec3(0.019f, -0.006f, 0.018f), ipe + vec3(0.022f, -0.006f, 0.017f), ipe + vec3(0.025f, -0.006f, 0.016f)};
    Polyline ins = {lt + vec3(0.004f, 0.008f, 0.010f), lt + vec3(0.005f, 0.007f, 0.010f), lt + vec3(0.006f, 0.006f, 0.010f),
                    lt + vec3(0.007f, 0.005f, 0.009f), lt + vec3(0.008f, 0.003f, 0.008f), lt + vec3(0.009f, 0.0f, 0.007f)};
    auto fib = net({origin, mid, front, ins}, 10);
    SheetOptions o;
    o.nu = 36;
    o.nv = 16;
    o.thickness = [](float u, float) { return 0.004f + 0.010f * std::sin(kPi * std::min(u * 1.3f, 1.0f)); };
    o.outward = [](vec3 p) { return glm::normalize(vec3(-1.0f, 0.2f, 1.2f) + vec3(0, 0, p.y < 0.93f ? 1.0f : 0.0f)); };
    o.reach_in = 0.02f;
    o.reach_out = 0.02f;
    o.mask = kBone;
    b.add_muscle("iliacus", sheet(b, fib, o));
}

void piriformis(Builder& b) {
    // From the front of the sacrum (S2-S4) out through the greater sciatic notch to the top of the
    // greater trochanter.
    const vec3 ala = b.left("sacrum.ala");
    const vec3 apex = b.lm("sacrum.apex");
    const vec3 sn = b.left("hip_bone.greater_sciatic_notch");
    const vec3 gt = b.left("femur.trochanter_top");
    Polyline path = {vec3(0.022f, 0.5f * (ala.y + apex.y) + 0.006f, -0.041f), vec3(0.042f, sn.y - 0.002f, -0.054f), sn + vec3(0.010f, -0.016f, -0.010f),
                     glm::mix(sn, gt, 0.6f) + vec3(0.0f, -0.014f, -0.012f), gt + vec3(-0.002f, 0.0f, -0.004f)};
    SpindleOptions o;
    o.nu = 36;
    o.radii = [](float u) { return belly(u, vec2(0.015f, 0.007f), 0.010f, 0.003f, 0.35f); };
    o.side = [](float, vec3) { return vec3(0, 1, 0); };
    b.add_muscle("piriformis", spindle(b, path, o));
}

void gluteus_minimus(Builder& b) {
    // Outer ilium between the anterior and inferior gluteal lines to the front of the greater
    // trochanter.
    const vec3 asis = b.left("hip_bone.asis");
    const vec3 aiis = b.left("hip_bone.aiis");
    const vec3 it = b.left("hip_bone.iliac_tubercle");
    const vec3 sn = b.left("hip_bone.greater_sciatic_notch");
    const vec3 ac = b.left("hip_bone.acetabulum_centre");
    const vec3 gta = b.left("femur.trochanter_anterior");
    Polyline origin = {asis + vec3(0.000f, -0.008f, -0.008f), it + vec3(0.006f, -0.024f, -0.012f), it + vec3(0.004f, -0.030f, -0.040f),
                       sn + vec3(0.024f, 0.020f, 0.014f)};
    Polyline mid = {aiis + vec3(0.022f, -0.014f, -0.008f), ac + vec3(0.044f, 0.028f, 0.010f), ac + vec3(0.046f, 0.030f, -0.010f),
                    ac + vec3(0.038f, 0.024f, -0.032f)};
    Polyline ins = {gta + vec3(0.000f, 0.004f, 0.002f), gta + vec3(0.002f, 0.010f, -0.004f), gta + vec3(0.002f, 0.014f, -0.010f),
                    gta + vec3(0.000f, 0.016f, -0.016f)};
    auto fib = net({origin, mid, ins}, 8);
    SheetOptions o;
    o.nu = 26;
    o.nv = 14;
    o.thickness = [](float u, float) { return 0.004f + 0.006f * std::sin(kPi * u); };
    o.outward = hip_out;
    o.reach_in = 0.02f;
    o.mask = kBone;
    b.add_muscle("gluteus_minimus", sheet(b, fib, o));
}

void gluteus_medius(Builder& b) {
    // Outer ilium below the crest, between the anterior and posterior gluteal lines, to the
    // lateral surface of the greater trochanter. A thick fan.
    const vec3 psis = b.left("hip_bone.psis");
    const vec3 ct = b.left("hip_bone.iliac_crest_top");
    const vec3 it = b.left("hip_bone.iliac_tubercle");
    const vec3 asis = b.left("hip_bone.asis");
    const vec3 gtl = b.left("femur.trochanter_lateral");
    Polyline origin = {asis + vec3(0.004f, -0.006f, -0.012f), it + vec3(0.002f, -0.004f, -0.004f), ct + vec3(0.008f, -0.004f, -0.010f),
                       glm::mix(ct, psis, 0.35f) + vec3(0.008f, -0.010f, -0.004f), glm::mix(ct, psis, 0.50f) + vec3(0.014f, -0.040f, 0.010f)};
    Polyline ins = {gtl + vec3(0.002f, 0.006f, 0.016f), gtl + vec3(0.004f, 0.004f, 0.008f), gtl + vec3(0.004f, 0.004f, 0.000f),
                    gtl + vec3(0.002f, 0.006f, -0.008f), gtl + vec3(-0.002f, 0.010f, -0.014f)};
    // Halfway down, the fan lies on gluteus minimus and the ilium (the sheet drapes onto them).
    Polyline mid;
    for (std::size_t k = 0; k < origin.size(); ++k) mid.push_back(glm::mix(origin[k], ins[k], 0.5f));
    auto fib = net({origin, mid, ins}, 10);
    SheetOptions o;
    o.nu = 30;
    o.nv = 18;
    o.thickness = [](float u, float v) { return 0.005f + 0.012f * std::sin(kPi * std::min(u * 1.2f, 1.0f)) * (0.6f + 0.4f * std::sin(kPi * v)); };
    o.outward = hip_out;
    o.reach_in = 0.02f;
    b.add_muscle("gluteus_medius", sheet(b, fib, o));
}

void tensor_fasciae_latae(Builder& b) {
    const vec3 asis = b.left("hip_bone.asis");
    const vec3 gt = b.left("femur.greater_trochanter");
    Polyline path = {asis + vec3(0.006f, -0.006f, -0.004f), asis + vec3(0.018f, -0.040f, -0.004f), gt + vec3(0.016f, -0.040f, 0.022f),
                     gt + vec3(0.014f, -0.095f, 0.016f)};
    SpindleOptions o;
    o.nu = 30;
    o.radii = [](float u) { return belly(u, vec2(0.013f, 0.0075f), 0.004f, 0.006f, 0.5f); };
    o.side = [](float, vec3 p) { return glm::cross(hip_out(p), vec3(0, 1, 0)); };
    b.add_muscle("tensor_fasciae_latae", spindle(b, path, o));
}

void iliotibial_band(Builder& b) {
    // A band of fascia from the iliac tubercle (receiving tensor fasciae latae and gluteus
    // maximus) down the side of the thigh to Gerdy's tubercle.
    const vec3 it = b.left("hip_bone.iliac_tubercle");
    const vec3 gt = b.left("femur.greater_trochanter");
    const vec3 le = b.left("femur.lateral_epicondyle");
    const vec3 gd = b.left("tibia.gerdy_tubercle");
    auto lat = [](vec3 p, float dx, float dz) { return p + vec3(dx, 0, dz); };
    // Its front edge stays behind tensor fasciae latae down to where that muscle joins it.
    Polyline front = {lat(it, 0.002f, 0.004f), lat(gt + vec3(0, 0.04f, 0), 0.030f, -0.002f), lat(gt, 0.022f, 0.006f),
                      lat(glm::mix(gt, le, 0.35f), 0.030f, 0.028f), lat(glm::mix(gt, le, 0.7f), 0.030f, 0.018f), lat(le, 0.010f, 0.014f), lat(gd, 0.000f, 0.006f)};
    Polyline back = {lat(it, 0.000f, -0.016f), lat(gt + vec3(0, 0.04f, 0), 0.028f, -0.028f), lat(gt, 0.022f, -0.022f),
                     lat(glm::mix(gt, le, 0.35f), 0.030f, -0.012f), lat(glm::mix(gt, le, 0.7f), 0.028f, -0.006f), lat(le, 0.010f, -0.004f), lat(gd, 0.000f, -0.004f)};
    std::vector<Polyline> fib(5);
    for (int f = 0; f < 5; ++f) {
        const float t = static_cast<float>(f) / 4.0f;
        for (std::size_t k = 0; k < front.size(); ++k) fib[static_cast<std::size_t>(f)].push_back(glm::mix(front[k], back[k], t));
    }
    SheetOptions o;
    o.nu = 40;
    o.nv = 8;
    o.thickness = [](float, float) { return 0.0022f; };
    o.outward = hip_out;
    o.reach_in = 0.03f;
    o.reach_out = 0.03f;
    o.end_taper = 0.03f;
    b.add_muscle("iliotibial_band", sheet(b, fib, o), Material::Tendon);
}

void hamstrings(Builder& b) {
    const vec3 is = b.left("hip_bone.ischial_tuberosity");
    const vec3 la = b.left("femur.linea_aspera_mid");
    const vec3 me = b.left("femur.medial_epicondyle");
    const vec3 le = b.left("femur.lateral_epicondyle");
    SpindleOptions o;
    o.nu = 50;
    o.side = [](float, vec3) { return vec3(1, 0, 0); };
    // Semimembranosus: deepest, from the lateral facet of the tuberosity to the back of the medial
    // tibial condyle; membranous above, fleshy below.
    {
        Polyline path = {is + vec3(0.004f, 0.004f, -0.004f), vec3(la.x - 0.030f, la.y + 0.09f, la.z - 0.030f), vec3(la.x - 0.040f, la.y - 0.04f, la.z - 0.032f),
                         vec3(me.x + 0.012f, me.y + 0.050f, me.z - 0.034f), vec3(me.x + 0.010f, me.y - 0.014f, me.z - 0.034f),
                         b.left("tibia.medial_condyle") + vec3(0.004f, 0.002f, -0.008f)};
        o.radii = [](float u) { return belly(u, vec2(0.016f, 0.013f), 0.006f, 0.005f, 0.62f); };
        b.add_muscle("semimembranosus", spindle(b, path, o));
    }
    // Semitendinosus: over semimembranosus; long tendon in its lower half, to the pes anserinus.
    {
        Polyline path = {is + vec3(0.000f, 0.0f, -0.012f), vec3(la.x - 0.036f, la.y + 0.08f, la.z - 0.050f), vec3(la.x - 0.048f, la.y - 0.05f, la.z - 0.044f),
                         vec3(me.x + 0.008f, me.y + 0.030f, me.z - 0.032f), vec3(me.x + 0.004f, me.y - 0.018f, me.z - 0.030f), vec3(me.x - 0.004f, me.y - 0.048f, me.z - 0.012f),
                         b.left("tibia.pes_anserinus") + vec3(0.002f, 0.0f, -0.002f)};
        o.radii = [](float u) { return belly(u, vec2(0.015f, 0.011f), 0.005f, 0.003f, 0.35f); };
        b.add_muscle("semitendinosus", spindle(b, path, o));
    }
    // Biceps femoris: long head from the tuberosity, short head from the linea aspera, to the
    // head of the fibula.
    {
        Mesh m;
        Polyline path = {is + vec3(0.006f, -0.004f, -0.012f), vec3(la.x - 0.010f, la.y + 0.08f, la.z - 0.048f), vec3(la.x + 0.006f, la.y - 0.05f, la.z - 0.044f),
                         vec3(le.x - 0.010f, le.y + 0.050f, le.z - 0.030f), b.left("fibula.head") + vec3(0.000f, 0.004f, -0.004f)};
        o.radii = [](float u) { return belly(u, vec2(0.016f, 0.012f), 0.005f, 0.005f, 0.45f); };
        m.append(spindle(b, path, o));
        Polyline sh = {la + vec3(0.006f, 0.02f, -0.006f), vec3(la.x + 0.016f, la.y - 0.08f, la.z - 0.022f), vec3(le.x - 0.010f, le.y + 0.06f, le.z - 0.024f),
                       b.left("fibula.head") + vec3(-0.002f, 0.010f, -0.002f)};
        o.radii = [](float u) { return belly(u, vec2(0.011f, 0.008f), 0.004f, 0.004f, 0.5f); };
        m.append(spindle(b, sh, o));
        b.add_muscle("biceps_femoris", std::move(m));
    }
}

void rectus_femoris(Builder& b) {
    const vec3 aiis = b.left("hip_bone.aiis");
    const vec3 pb = b.left("patella.base");
    const vec3 la = b.left("femur.linea_aspera_mid");
    Polyline path = {aiis + vec3(0.000f, -0.004f, 0.004f), aiis + vec3(0.004f, -0.060f, 0.030f), vec3(la.x + 0.004f, la.y + 0.05f, 0.058f),
                     vec3(pb.x + 0.006f, pb.y + 0.080f, 0.050f), pb + vec3(0.0f, 0.004f, 0.004f)};
    SpindleOptions o;
    o.nu = 44;
    o.radii = [](float u) { return belly(u, vec2(0.020f, 0.013f), 0.005f, 0.005f, 0.5f); };
    o.side = [](float, vec3) { return vec3(1, 0, 0); };
    b.add_muscle("rectus_femoris", spindle(b, path, o));
}

void adductor_magnus(Builder& b) {
    // Behind the other adductors. The adductor part, from the ischiopubic ramus and the tuberosity,
    // is a sheet fanning out to the gluteal tuberosity and the linea aspera; the hamstring part, a
    // thick column along its medial border, runs from the ischial tuberosity down to the adductor
    // tubercle.
    const auto from = b.attached("adductor_magnus", "origin");  // ramus, tuberosity
    const auto to = b.attached("adductor_magnus", "insertion");  // gluteal tuberosity, linea aspera, adductor tubercle
    // The adductor part arises from the lower, outer face of the ramus.
    const Polyline origin = {from[0] + vec3(0.002f, -0.004f, -0.010f), from[1] + vec3(-0.004f, -0.004f, 0.004f)};
    const Polyline insertion = {to[0], to[1], glm::mix(to[1], to[2], 0.7f)};
    const Polyline o_row = resample(origin, 10), i_row = catmull_rom(insertion, 10);
    std::vector<Polyline> fib;
    for (std::size_t f = 0; f < o_row.size(); ++f)
        fib.push_back({o_row[f], glm::mix(o_row[f], i_row[f], 0.35f), glm::mix(o_row[f], i_row[f], 0.7f), i_row[f]});
    SheetOptions o;
    o.nu = 28;
    o.nv = 12;
    o.thickness = [](float u, float) { return 0.004f + 0.012f * std::sin(kPi * std::clamp(0.1f + 0.85f * u, 0.0f, 1.0f)); };
    // Its back faces the hamstrings and a little medially.
    o.outward = [](vec3) { return glm::normalize(vec3(-0.35f, 0.0f, -1.0f)); };
    o.reach_in = 0.015f;
    o.reach_out = 0.02f;
    Mesh m = sheet(b, fib, o);
    const Polyline column = {from[1] + vec3(-0.004f, -0.004f, 0.002f), glm::mix(from[1], to[2], 0.35f) + vec3(-0.008f, 0.0f, 0.004f),
                             glm::mix(from[1], to[2], 0.7f) + vec3(-0.004f, 0.0f, 0.0f), to[2] + vec3(0.002f, 0.004f, -0.002f)};
    SpindleOptions c;
    c.nu = 36;
    c.radii = [](float u) { return belly(u, vec2(0.020f, 0.016f), 0.008f, 0.004f, 0.4f); };
    c.side = [](float, vec3) { return vec3(1, 0, 0); };
    m.append(spindle(b, column, c));
    b.add_muscle("adductor_magnus", std::move(m));
}

void vasti(Builder& b) {
    SpindleOptions o;
    o.nu = 44;
    o.ring = 18;
    o.side = [](float, vec3) { return vec3(0, 0, 1); };  // first semi-axis front to back
    // They lie on vastus intermedius (a filler): only bone narrows them.
    o.mask = kBone;
    // Vastus lateralis: the largest of the quadriceps, on the side of the femur from the greater
    // trochanter and the lateral lip of the gluteal tuberosity and linea aspera to the lateral
    // base of the patella; fleshy to a few centimetres above it.
    {
        const auto from = b.attached("vastus_lateralis", "origin");  // trochanter, tuberosity, linea aspera
        const vec3 to = b.attached("vastus_lateralis", "insertion").front();
        const Polyline path = {from[0] + vec3(0.0f, -0.006f, 0.010f), from[1] + vec3(0.024f, -0.006f, 0.014f), from[2] + vec3(0.013f, -0.050f, 0.035f),
                               to + vec3(0.022f, 0.055f, 0.002f), to + vec3(0.004f, 0.008f, 0.0f)};
        o.radii = [](float u) { return belly(u, vec2(0.034f, 0.026f), 0.012f, 0.006f, 0.42f); };
        b.add_muscle("vastus_lateralis", spindle(b, path, o));
    }
    // Vastus medialis: from the lower intertrochanteric and spiral lines and the medial lip of the
    // linea aspera round the medial femur to the medial base of the patella; thin above, its
    // lowest fibres a fleshy bulge just above and medial to the knee.
    {
        const auto from = b.attached("vastus_medialis", "origin");  // lesser trochanter, linea aspera
        const vec3 to = b.attached("vastus_medialis", "insertion").front();
        const Polyline path = {from[0] + vec3(-0.004f, -0.010f, 0.012f), glm::mix(from[0], from[1], 0.5f) + vec3(-0.022f, 0.0f, 0.004f),
                               from[1] + vec3(-0.030f, -0.020f, 0.004f), to + vec3(-0.022f, 0.045f, -0.006f), to + vec3(-0.004f, 0.006f, 0.0f)};
        o.radii = [](float u) { return belly(u, vec2(0.024f, 0.018f), 0.006f, 0.008f, 0.72f); };
        b.add_muscle("vastus_medialis", spindle(b, path, o));
    }
}

void soleus(Builder& b) {
    // Broad and flat under gastrocnemius: from the back of the fibular head and upper fibula and
    // the soleal line of the tibia, down the back of the leg; its fibres reach lower than those
    // of gastrocnemius and end in the deep part of the calcaneal tendon on the heel.
    const auto from = b.attached("soleus", "origin");  // fibular head, soleal line
    // Both calf tendons end on the back of the calcaneal tuber, soleus's part in front of
    // gastrocnemius's: just behind foot.heel, never inside the bone.
    const vec3 heel = b.attached("soleus", "insertion").front();
    const vec3 top = glm::mix(from[0], from[1], 0.5f);
    auto down = [&](float t, float dx, float dz) { return partway(top, heel, t, dx, dz); };
    const Polyline path = {from[0] + vec3(-0.006f, -0.006f, -0.008f), down(0.12f, -0.004f, -0.008f), down(0.3f, -0.006f, -0.006f), down(0.5f, -0.008f, -0.006f),
                           down(0.75f, -0.007f, 0.0f), down(0.9f, -0.004f, 0.0f), heel + vec3(0.0f, 0.010f, -0.004f)};
    SpindleOptions o;
    o.nu = 48;
    o.ring = 18;
    o.radii = [](float u) {
        const vec2 flesh = belly(u, vec2(0.036f, 0.016f), 0.010f, 0.004f, 0.4f);
        // The calcaneal tendon: narrow and round below three quarters of the way down.
        const float tendon = smoothstep01((u - 0.72f) / 0.12f);
        return glm::mix(flesh, vec2(0.0075f, 0.0045f), tendon);
    };
    o.side = [](float, vec3) { return vec3(1, 0, 0); };
    o.mask = kBone;  // it lies on the deep calf muscles (a filler): only bone narrows it
    b.add_muscle("soleus", spindle(b, path, o));
}

void gastrocnemius(Builder& b) {
    // Two heads from the back of the femoral condyles (the medial one larger and reaching lower)
    // bound the popliteal fossa below, bulge as the calf over soleus and join in the calcaneal
    // tendon, which runs down behind soleus's part of it to the heel.
    const auto from = b.attached("gastrocnemius", "origin");  // medial, lateral condyle
    const vec3 heel = b.attached("gastrocnemius", "insertion").front();
    SpindleOptions o;
    o.nu = 36;
    o.ring = 16;
    o.side = [](float, vec3) { return vec3(1, 0, 0); };
    // Each head runs from its condyle to the back of the calf at `end` of the way to the heel.
    auto head = [&](vec3 origin, float end, float spread, vec2 size) {
        auto down = [&](float t, float dx, float dz) { return partway(origin, heel, t, dx, dz); };
        const Polyline path = {origin + vec3(0.0f, 0.0f, -0.004f), down(0.18f * end, spread * 0.6f, -0.024f), down(0.55f * end, spread, -0.032f),
                               down(end, spread * 0.5f, -0.026f)};
        o.radii = [size](float u) { return belly(u, size, 0.007f, 0.004f, 0.4f); };
        return spindle(b, path, o);
    };
    Mesh m = head(from[0], 0.62f, 0.0f, vec2(0.030f, 0.017f));
    m.append(head(from[1], 0.52f, -0.002f, vec2(0.024f, 0.014f)));
    // The calcaneal tendon: from where the heads meet, flattening and narrowing to the heel.
    const vec3 meet = glm::mix(glm::mix(from[0], from[1], 0.5f), heel, 0.5f);
    const Polyline tendon = {meet + vec3(0.0f, 0.05f, -0.030f), meet + vec3(0.0f, 0.0f, -0.034f), glm::mix(meet, heel, 0.45f) + vec3(0.0f, 0.0f, -0.018f),
                             glm::mix(meet, heel, 0.85f) + vec3(0.0f, 0.0f, -0.008f), heel + vec3(0.0f, 0.004f, -0.008f)};
    // A broad aponeurosis under the heads, narrowing to the round tendon.
    o.radii = [](float u) { return profile({0.012f, 0.026f, 0.020f, 0.012f, 0.009f, 0.008f}, u) * vec2(1.0f, 0.22f) + vec2(0.0f, 0.0012f); };
    m.append(spindle(b, tendon, o));
    b.add_muscle("gastrocnemius", std::move(m));
}

void gluteus_maximus(Builder& b) {
    // A thick quadrilateral sheet from the posterior ilium behind the posterior gluteal line, the
    // back of the sacrum and coccyx and the sacrotuberous ligament, down and out to the iliotibial
    // tract (upper three quarters, passing behind the greater trochanter) and the gluteal
    // tuberosity (lower deep quarter). Its fibres run parallel to its upper and lower borders.
    const auto origin_points = b.attached("gluteus_maximus", "origin");      // psis, sacrum, coccyx, ligament
    const auto insertion_points = b.attached("gluteus_maximus", "insertion");  // tract, tuberosity, its lower end
    const vec3 back(0.0f, 0.0f, -1.0f);
    // The uppermost fibres arise from the ilium just below the posterior crest, above the PSIS.
    Polyline origin = {glm::mix(b.left("hip_bone.crest_posterior"), origin_points[0], 0.3f) + vec3(0.012f, -0.020f, 0.008f)};
    // Below the sacrum the fleshy fibres arise from the backs of the coccyx and the ligament, a
    // centimetre behind the bone.
    for (std::size_t k = 0; k < origin_points.size(); ++k) origin.push_back(origin_points[k] + back * (k >= 2 ? 0.010f : 0.0f));
    // The tract runs down behind the trochanter (over its bursa) to the tuberosity.
    const vec3 behind_trochanter = b.left("femur.greater_trochanter") + vec3(-0.010f, 0.0f, -0.030f);
    const Polyline insertion = {insertion_points[0], behind_trochanter, insertion_points[1], insertion_points[2]};
    // Middle rows: straight from origin to insertion, bowed back over the sciatic region (the
    // buttock's convexity), most in the lower middle fibres.
    const std::vector<float> stages = {0.0f, 0.3f, 0.62f, 1.0f};
    const Polyline o_row = catmull_rom(origin, 12), i_row = catmull_rom(insertion, 12);
    std::vector<Polyline> fib;
    for (std::size_t f = 0; f < o_row.size(); ++f) {
        const float v = static_cast<float>(f) / static_cast<float>(o_row.size() - 1);
        const float bow = 0.006f + 0.006f * std::sin(kPi * v);
        Polyline fibre;
        for (float t : stages) fibre.push_back(glm::mix(o_row[f], i_row[f], t) + back * (bow * std::sin(kPi * t)));
        fib.push_back(fibre);
    }
    SheetOptions o;
    o.nu = 34;
    o.nv = 24;
    // About 3 cm thick over the lower middle of the buttock, thinner along the upper border and
    // towards the tendinous insertion; the lower border stays thick (the gluteal fold).
    o.thickness = [](float u, float v) {
        const float along = std::sin(kPi * std::clamp(0.06f + u * 1.0f, 0.0f, 1.0f));
        const float across = 0.15f + 0.85f * std::sin(kPi * (0.08f + 0.86f * v));
        return 0.005f + 0.024f * along * across;
    };
    o.outward = hip_out;
    o.reach_in = 0.02f;
    o.reach_out = 0.015f;
    o.edge_round0 = 0.15f;
    o.edge_round1 = 0.25f;
    o.smooth = 60;
    // Most of the insertion is the iliotibial tract, not bone: pinning it to the trochanter notched it.
    o.pin_insertion = false;
    b.add_muscle("gluteus_maximus", sheet(b, fib, o));
}

}  // namespace dorsal::modelgen
