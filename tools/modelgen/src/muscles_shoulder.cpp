// Shoulder girdle and arm: levator scapulae, the rotator cuff, serratus anterior, the pectorals,
// the rhomboids, latissimus dorsi and trapezius.
// Attachments follow Gray's Anatomy and Moore's Clinically Oriented Anatomy; points come from
// assets/anatomy/landmarks.csv and landmarks-added.csv.
#include "muscle_parts.hpp"

#include <glm/geometric.hpp>

#include <cmath>
#include <string>

namespace dorsal::modelgen {

using glm::vec2;
using glm::vec3;

void levator_scapulae(Builder& b) {
    Polyline origin = {b.left("vertebra_c1.transverse_tip") + vec3(0.002f, 0.0f, -0.004f), b.left("vertebra_c2.transverse_tip") + vec3(0.006f, 0, -0.008f),
                       b.left("vertebra_c3.transverse_tip") + vec3(0.006f, 0, -0.010f), b.left("vertebra_c4.transverse_tip") + vec3(0.006f, 0, -0.010f)};
    const vec3 sa = b.left("scapula.superior_angle");
    const vec3 sr = b.left("scapula.spine_root");
    Polyline mid = {vec3(0.050f, 1.50f, -0.036f), vec3(0.052f, 1.49f, -0.042f), vec3(0.054f, 1.48f, -0.048f), vec3(0.056f, 1.47f, -0.054f)};
    Polyline ins = {sa + vec3(0.004f, 0.004f, -0.002f), glm::mix(sa, sr, 0.3f) + vec3(0, 0, -0.004f), glm::mix(sa, sr, 0.6f) + vec3(0, 0, -0.004f),
                    sr + vec3(0.002f, 0.004f, -0.002f)};
    auto fib = net({origin, mid, ins}, 6);
    SheetOptions o;
    o.nu = 30;
    o.nv = 10;
    o.thickness = [](float u, float) { return 0.005f + 0.006f * std::sin(kPi * u); };
    o.outward = [&b](vec3 p) {
        const vec3 d = neck_out(b, p);
        return glm::normalize(d + vec3(0.5f, 0.0f, 0.0f));
    };
    b.add_muscle("levator_scapulae", sheet(b, fib, o));
}

void rotator_cuff(Builder& b) {
    const vec3 sn = scapula_normal(b);
    const vec3 sa = b.left("scapula.superior_angle");
    const vec3 sr = b.left("scapula.spine_root");
    const vec3 sc = b.left("scapula.spine_crest");
    const vec3 ia = b.left("scapula.inferior_angle");
    const vec3 mb = b.left("scapula.medial_border_mid");
    const vec3 lb = b.left("scapula.lateral_border_mid");
    const vec3 la = b.left("scapula.lateral_angle");
    const vec3 hc = b.left("humerus.head_centre");
    auto on_blade = [&](float u, float v, float lift) { return scapula_blade_point(b, u, v) + sn * lift; };
    // Supraspinatus: supraspinous fossa, under the acromion, over the head to the top facet.
    {
        const vec3 gts = b.left("humerus.greater_tubercle_superior");
        Polyline origin = {sa + vec3(0.004f, -0.002f, -0.004f), glm::mix(sa, sr, 0.5f) + vec3(0.006f, 0.0f, -0.006f), sr + vec3(0.008f, 0.008f, -0.004f)};
        Polyline mid = {glm::mix(sa, sc, 0.5f) + vec3(0.020f, 0.018f, 0.004f), glm::mix(sa, sc, 0.5f) + vec3(0.022f, 0.012f, 0.000f),
                        glm::mix(sr, sc, 0.5f) + vec3(0.030f, 0.014f, -0.002f)};
        Polyline over = {hc + vec3(-0.006f, 0.028f, -0.004f), hc + vec3(-0.004f, 0.028f, -0.010f), hc + vec3(-0.002f, 0.027f, -0.016f)};
        Polyline ins = {gts + vec3(0.0f, 0.002f, 0.004f), gts + vec3(0.001f, 0.002f, 0.000f), gts + vec3(0.002f, 0.001f, -0.004f)};
        auto fib = net({origin, mid, over, ins}, 6);
        SheetOptions o;
        o.nu = 32;
        o.nv = 10;
        o.thickness = [](float u, float) { return 0.003f + 0.011f * std::sin(kPi * std::min(u * 1.4f, 1.0f)) * (u < 0.7f ? 1.0f : 0.5f); };
        o.outward = [sn](vec3) { return glm::normalize(sn + vec3(0, 1.2f, 0)); };
        o.reach_in = 0.015f;
        b.add_muscle("supraspinatus", sheet(b, fib, o));
    }
    // Infraspinatus: infraspinous fossa to the middle facet of the greater tubercle.
    {
        const vec3 gtm = b.left("humerus.greater_tubercle_middle");
        Polyline origin = {sr + vec3(0.006f, -0.010f, -0.002f), mb + vec3(0.008f, 0.0f, -0.002f), glm::mix(mb, ia, 0.6f) + vec3(0.008f, 0, -0.002f),
                           ia + vec3(0.004f, 0.016f, -0.002f)};
        Polyline mid = {on_blade(0.55f, 0.78f, 0.006f), on_blade(0.55f, 0.62f, 0.008f), on_blade(0.55f, 0.46f, 0.008f), on_blade(0.62f, 0.32f, 0.006f)};
        Polyline neck = {la + sn * 0.016f + vec3(0.010f, 0.010f, 0.0f), la + sn * 0.018f + vec3(0.010f, 0.002f, 0.0f), la + sn * 0.018f + vec3(0.008f, -0.006f, 0.0f),
                         la + sn * 0.016f + vec3(0.006f, -0.014f, 0.0f)};
        Polyline ins = {gtm + vec3(-0.004f, 0.006f, 0.004f), gtm + vec3(-0.002f, 0.002f, 0.0f), gtm + vec3(-0.001f, -0.002f, -0.002f), gtm + vec3(0.0f, -0.006f, -0.004f)};
        auto fib = net({origin, mid, neck, ins}, 8);
        SheetOptions o;
        o.nu = 32;
        o.nv = 16;
        o.thickness = [](float u, float) { return 0.004f + 0.012f * std::sin(kPi * std::min(u * 1.2f, 1.0f)); };
        o.outward = [sn](vec3) { return sn; };
        o.reach_in = 0.012f;
        b.add_muscle("infraspinatus", sheet(b, fib, o));
    }
    // Teres minor: upper two-thirds of the lateral border to the inferior facet.
    {
        const vec3 gti = b.left("humerus.greater_tubercle_inferior");
        Polyline path = {glm::mix(lb, ia, 0.3f) + vec3(0.004f, 0, -0.004f), lb + vec3(0.006f, 0.0f, -0.006f), glm::mix(lb, la, 0.6f) + sn * 0.012f + vec3(0.010f, 0, 0),
                         gti + vec3(-0.006f, -0.004f, -0.004f), gti};
        SpindleOptions o;
        o.nu = 32;
        o.radii = [](float u) { return belly(u, vec2(0.012f, 0.008f), 0.005f, 0.0035f, 0.4f); };
        o.side = [sn](float, vec3) { return glm::cross(sn, vec3(0.5f, 0.8f, 0)); };
        b.add_muscle("teres_minor", spindle(b, path, o));
    }
    // Teres major: back of the inferior angle, round the lower border of the humeral head region, to
    // the medial lip of the intertubercular groove.
    {
        const vec3 ml = b.left("humerus.medial_lip");
        Polyline path = {ia + vec3(0.002f, 0.012f, -0.004f), glm::mix(ia, lb, 0.5f) + vec3(0.014f, 0.006f, -0.012f), vec3(0.134f, 1.318f, -0.074f),
                         vec3(0.160f, 1.336f, -0.036f), ml + vec3(-0.002f, -0.004f, -0.004f)};
        SpindleOptions o;
        o.nu = 36;
        o.radii = [](float u) { return belly(u, vec2(0.016f, 0.011f), 0.009f, 0.004f, 0.40f); };
        o.side = [sn](float, vec3) { return glm::cross(sn, vec3(0.3f, 1.0f, 0)); };
        o.mask = kBone;
        b.add_muscle("teres_major", spindle(b, path, o));
    }
}

void serratus_anterior(Builder& b) {
    // Digitations from the outer surfaces of ribs 1-9 round the chest wall to the costal surface of
    // the medial border of the scapula; lies between the ribs and the scapula.
    const vec3 sa = b.left("scapula.superior_angle");
    const vec3 sr = b.left("scapula.spine_root");
    const vec3 mb = b.left("scapula.medial_border_mid");
    const vec3 ia = b.left("scapula.inferior_angle");
    const vec3 sn = scapula_normal(b);
    Polyline origin, mid, ins;
    const float fr[10] = {0, 0.80f, 0.80f, 0.78f, 0.74f, 0.72f, 0.70f, 0.68f, 0.66f, 0.64f};
    for (int r = 1; r <= 9; ++r) {
        const vec3 p = point_at(b.rib_lines[static_cast<std::size_t>(r)], r == 1 ? 0.70f : fr[r]);
        origin.push_back(p + b.trunk_out(p) * 0.004f);
    }
    for (int r = 1; r <= 9; ++r) {
        const vec3 p = point_at(b.rib_lines[static_cast<std::size_t>(r)], r == 1 ? 0.5f : 0.42f);
        mid.push_back(p + b.trunk_out(p) * 0.004f + vec3(0, 0.004f * static_cast<float>(r), 0));
    }
    const Polyline border = catmull_rom({sa, sr, mb, ia}, 32);
    const float at[9] = {0.0f, 0.08f, 0.16f, 0.30f, 0.45f, 0.60f, 0.75f, 0.88f, 0.98f};
    for (int k = 0; k < 9; ++k) ins.push_back(point_at(border, at[k]) - sn * 0.006f);
    auto fib = net({origin, mid, ins}, 14);
    SheetOptions o;
    o.nu = 30;
    o.nv = 24;
    o.thickness = [](float u, float v) {
        // Fleshy, with the scalloped digitations at the origin.
        const float dig = 0.65f + 0.35f * std::fabs(std::cos(kPi * v * 8.0f));
        return (0.003f + 0.004f * std::sin(kPi * u)) * (u < 0.35f ? glm::mix(dig, 1.0f, u / 0.35f) : 1.0f);
    };
    o.outward = [&b](vec3 p) { return b.trunk_out(p); };
    o.reach_out = 0.010f;
    o.reach_in = 0.012f;
    b.add_muscle("serratus_anterior", sheet(b, fib, o));
}

void pectoralis_minor(Builder& b) {
    const vec3 co = b.left("scapula.coracoid_tip");
    Polyline origin;
    for (int r = 3; r <= 5; ++r) {
        const vec3 p = b.left("rib_" + std::to_string(r) + ".costal_end");
        origin.push_back(p + vec3(0.006f, 0.004f, 0.002f));
    }
    Polyline mid;
    for (int k = 0; k < 3; ++k) mid.push_back(glm::mix(origin[static_cast<std::size_t>(k)], co, 0.5f) + vec3(0.006f, 0.0f, 0.012f));
    Polyline ins = {co + vec3(-0.006f, 0.002f, -0.004f), co + vec3(-0.004f, -0.001f, -0.004f), co + vec3(-0.002f, -0.004f, -0.004f)};
    auto fib = net({origin, mid, ins}, 6);
    SheetOptions o;
    o.nu = 28;
    o.nv = 12;
    o.thickness = [](float u, float) { return 0.003f + 0.006f * std::sin(kPi * u); };
    o.outward = [&b](vec3 p) { return glm::normalize(b.trunk_out(p) + vec3(0, 0, 0.6f)); };
    b.add_muscle("pectoralis_minor", sheet(b, fib, o));
}

void rhomboids(Builder& b) {
    const vec3 sa = b.left("scapula.superior_angle");
    const vec3 sr = b.left("scapula.spine_root");
    const vec3 mb = b.left("scapula.medial_border_mid");
    const vec3 ia = b.left("scapula.inferior_angle");
    const vec3 sn = scapula_normal(b);
    const Polyline border = catmull_rom({sa, sr, mb, ia}, 40);
    auto on_border = [&](float t) { return point_at(border, t) + sn * 0.002f; };
    // Minor: lower nuchal ligament, C7 and T1 to the medial border at the root of the spine.
    {
        Polyline origin = {spine_tip(b, vc(7), 0.0045f) + vec3(0, 0.010f, 0.0f), spine_tip(b, vt(1), 0.0045f)};
        Polyline ins = {on_border(0.20f), on_border(0.32f)};
        Polyline mid = {glm::mix(origin[0], ins[0], 0.5f) + vec3(0, 0, -0.012f), glm::mix(origin[1], ins[1], 0.5f) + vec3(0, 0, -0.012f)};
        auto fib = net({origin, mid, ins}, 4);
        SheetOptions o;
        o.nu = 26;
        o.nv = 8;
        o.thickness = [](float u, float) { return 0.003f + 0.003f * std::sin(kPi * u); };
        o.outward = [&b](vec3 p) { return b.trunk_out(p); };
        b.add_muscle("rhomboid_minor", sheet(b, fib, o));
    }
    // Major: T2-T5 spinous processes to the medial border from the spine down to the inferior angle.
    {
        Polyline origin = {spine_tip(b, vt(2), 0.0045f), spine_tip(b, vt(3), 0.0045f), spine_tip(b, vt(4), 0.0045f), spine_tip(b, vt(5), 0.0045f)};
        Polyline ins = {on_border(0.35f), on_border(0.55f), on_border(0.78f), on_border(0.97f)};
        Polyline mid;
        for (std::size_t k = 0; k < 4; ++k) mid.push_back(glm::mix(origin[k], ins[k], 0.5f) + vec3(0, 0, -0.012f));
        auto fib = net({origin, mid, ins}, 6);
        SheetOptions o;
        o.nu = 26;
        o.nv = 14;
        o.thickness = [](float u, float) { return 0.003f + 0.004f * std::sin(kPi * u); };
        o.outward = [&b](vec3 p) { return b.trunk_out(p); };
        b.add_muscle("rhomboid_major", sheet(b, fib, o));
    }
}

void latissimus_dorsi(Builder& b) {
    // From the T7-T12 spinous processes, the thoracolumbar fascia (lumbar and sacral spines), the
    // posterior iliac crest and the lowest ribs, converging on the posterior axillary fold behind the
    // humerus; from there the tendon turns half a turn round the medial side of the humerus to the
    // floor of the intertubercular groove, so that the lowest fibres insert highest.
    const vec3 gf = b.left("humerus.groove_floor");
    const vec3 crest = b.left("hip_bone.iliac_crest_top");
    const vec3 psis = b.left("hip_bone.psis");
    const vec3 sac = b.lm("sacrum.median_crest_mid");
    Polyline origin = {spine_tip(b, vt(7)), spine_tip(b, vt(9)), spine_tip(b, vt(11)), spine_tip(b, vl(1)), spine_tip(b, vl(3)),
                       spine_tip(b, vl(5)), vec3(0.0015f, sac.y + 0.012f, sac.z - 0.002f), psis + vec3(0.004f, 0.006f, -0.008f),
                       glm::mix(psis, crest, 0.5f) + vec3(0, 0.006f, -0.006f), crest + vec3(0.002f, 0.004f, -0.004f),
                       b.left("rib_11.posterolateral") + vec3(0.002f, -0.020f, 0.010f), b.left("rib_11.posterolateral") + vec3(0.004f, 0.0f, -0.004f)};
    // Posterior axillary fold, behind and medial to the humerus: upper fibres high and behind.
    Polyline fold = {vec3(0.146f, 1.378f, -0.066f), vec3(0.150f, 1.364f, -0.052f), vec3(0.154f, 1.350f, -0.036f)};
    const int nf = 13;
    const Polyline fold_d = catmull_rom(fold, nf), origin_d = catmull_rom(origin, nf);
    // Straight courses from the origin to the fold, laid on the back by draping.
    Polyline back, side;
    for (int k = 0; k < nf; ++k) {
        const vec3 o0 = origin_d[static_cast<std::size_t>(k)], f0 = fold_d[static_cast<std::size_t>(k)];
        const vec3 m0 = glm::mix(o0, f0, 0.35f), m1 = glm::mix(o0, f0, 0.72f);
        back.push_back(outer_surface(b, m0, b.trunk_out(m0), 0.06f));
        side.push_back(outer_surface(b, m1, b.trunk_out(m1), 0.06f));
    }
    // The tendon: round the medial side of the humerus (a quarter turn), then onto its front.
    Polyline turn = {gf + vec3(-0.020f, -0.004f, -0.028f), gf + vec3(-0.019f, 0.004f, -0.008f)};
    Polyline ins = {gf + vec3(0.001f, -0.014f, -0.001f), gf + vec3(-0.001f, 0.014f, 0.000f)};
    auto fib = net({origin_d, back, side, fold_d, turn, ins}, nf);
    SheetOptions o;
    o.nu = 46;
    o.nv = 28;
    o.thickness = [](float u, float v) {
        // Aponeurosis (thoracolumbar fascia) medially, widest over the lumbar region.
        const float apo = 0.05f + 0.30f * bump(v, 0.48f, 0.20f);
        float t = 0.0014f + 0.0045f * smoothstep01((u - apo) / 0.14f);
        t += 0.006f * bump(u, 0.72f, 0.10f);
        t *= 1.0f - 0.65f * smoothstep01((u - 0.80f) / 0.12f);
        return t;
    };
    // Behind the armpit "out" turns to face backwards; blended in, because a sudden switch leaves
    // spikes along the lateral edge where neighbouring samples drape in different directions.
    o.outward = [&b](vec3 p) {
        const float w = smoothstep01((p.x - 0.125f) / 0.03f) * smoothstep01((p.y - 1.27f) / 0.06f);
        return glm::normalize(glm::mix(b.trunk_out(p), glm::normalize(vec3(-0.3f, -0.2f, -1.0f)), w));
    };
    o.reach_in = 0.016f;
    o.reach_out = 0.045f;
    o.end_taper = 0.04f;
    o.edge_round = 0.06f;
    o.drape_until = 0.80f;
    o.pin_insertion = false;
    o.u_warp = [](float t) { return std::pow(t, 0.75f); };
    b.add_muscle("latissimus_dorsi", sheet(b, fib, o));
}

void trapezius(Builder& b) {
    // One continuous sheet from the occiput, the nuchal ligament and the C7-T12 spinous processes to
    // the lateral clavicle, the acromion and the spine of the scapula, cut into its three parts.
    const vec3 inion = b.lm("skull.inion");
    const vec3 c7 = b.lm("vertebra_c7.spinous_tip");
    auto nuchal = [&](float y) {
        const float t = (y - c7.y) / (inion.y - c7.y);
        return vec3(0.0015f, y, c7.z + (inion.z - c7.z) * t - 0.002f);
    };
    const vec3 cm = b.left("clavicle.middle"), cl = b.left("clavicle.lateral_end");
    auto clav = [&](float t) { return glm::mix(cm, cl, t) + vec3(0.0f, 0.004f, -0.008f); };
    const vec3 ac = b.left("scapula.acromion_tip"), aa = b.left("scapula.acromial_angle");
    const vec3 sc = b.left("scapula.spine_crest"), sr = b.left("scapula.spine_root");
    const vec3 snm = b.left("skull.superior_nuchal_line_medial");
    struct F {
        vec3 o, m, i;
    };
    // Descending part (fibres 0-4), transverse (4-8), ascending (8-13); boundary fibres shared.
    const std::vector<F> fs = {
        {snm + vec3(0.0f, -0.002f, 0.004f), vec3(0.058f, 1.520f, -0.058f), clav(0.40f)},
        {inion + vec3(0.0015f - inion.x, -0.004f, 0.002f), vec3(0.062f, 1.500f, -0.070f), clav(0.62f)},
        {nuchal(1.545f), vec3(0.068f, 1.485f, -0.078f), clav(0.82f)},
        {nuchal(1.500f), vec3(0.076f, 1.470f, -0.086f), clav(1.0f) + vec3(0.002f, 0.0f, -0.004f)},
        {nuchal(1.476f), vec3(0.082f, 1.458f, -0.092f), glm::mix(cl, ac, 0.4f) + vec3(0.0f, 0.006f, -0.018f)},
        {spine_tip(b, vc(7)) + vec3(0, 0, -0.002f), vec3(0.084f, 1.445f, -0.100f), aa + vec3(-0.004f, 0.008f, -0.004f)},
        {spine_tip(b, vt(1)), vec3(0.082f, 1.430f, -0.106f), glm::mix(aa, sc, 0.35f) + vec3(0.0f, 0.008f, -0.006f)},
        {spine_tip(b, vt(2)), vec3(0.076f, 1.414f, -0.110f), glm::mix(aa, sc, 0.70f) + vec3(0.0f, 0.008f, -0.006f)},
        {spine_tip(b, vt(3)), vec3(0.066f, 1.400f, -0.112f), sc + vec3(0.0f, 0.006f, -0.006f)},
        {spine_tip(b, vt(4)), vec3(0.044f, 1.366f, -0.112f), glm::mix(sc, sr, 0.45f) + vec3(0, 0.002f, -0.006f)},
        {spine_tip(b, vt(6)), vec3(0.038f, 1.334f, -0.112f), glm::mix(sc, sr, 0.70f) + vec3(0, 0.0f, -0.006f)},
        {spine_tip(b, vt(8)), vec3(0.034f, 1.298f, -0.110f), glm::mix(sc, sr, 0.85f) + vec3(0, -0.002f, -0.006f)},
        {spine_tip(b, vt(10)), vec3(0.030f, 1.262f, -0.104f), glm::mix(sc, sr, 0.95f) + vec3(0, -0.004f, -0.006f)},
        {spine_tip(b, vt(12)), vec3(0.025f, 1.226f, -0.098f), sr + vec3(0.002f, -0.006f, -0.006f)},
    };
    // Thickness over the whole muscle (g: 0 at the occipital fibre .. 1 at the T12 fibre): thick over
    // the top of the shoulder, a thin tendinous diamond round C7-T1, thin ascending fibres.
    const float nfib = static_cast<float>(fs.size() - 1);
    auto thickness = [](float u, float g) {
        const float desc = 0.0075f * smoothstep01((u - 0.15f) / 0.35f) * (1.0f - 0.7f * smoothstep01((u - 0.75f) / 0.25f));
        const float trans = 0.0045f * smoothstep01((u - 0.18f) / 0.30f) * (1.0f - 0.4f * smoothstep01((u - 0.80f) / 0.20f));
        const float asc = 0.0032f * smoothstep01((u - 0.12f) / 0.30f) * (1.0f - 0.5f * smoothstep01((u - 0.80f) / 0.20f));
        const float w_desc = 1.0f - smoothstep01((g - 0.22f) / 0.14f);
        const float w_asc = smoothstep01((g - 0.56f) / 0.14f);
        const float base = 0.0015f + 0.0010f * w_desc;
        return base + desc * w_desc + asc * w_asc + trans * (1.0f - w_desc - w_asc);
    };
    auto part = [&](const std::string& id, int f0, int f1, int nv) {
        std::vector<Polyline> fib;
        for (int f = f0; f <= f1; ++f) {
            const F& x = fs[static_cast<std::size_t>(f)];
            fib.push_back({x.o, glm::mix(x.o, x.m, 0.5f) + vec3(0, 0, -0.006f), x.m, glm::mix(x.m, x.i, 0.6f) + vec3(0, 0.004f, -0.004f), x.i});
        }
        SheetOptions o;
        o.nu = 34;
        o.nv = nv;
        o.thickness = [=](float u, float v) { return thickness(u, (static_cast<float>(f0) + v * static_cast<float>(f1 - f0)) / nfib); };
        o.outward = [&b](vec3 p) {
            vec3 d = p.y > 1.44f ? neck_out(b, p) : b.trunk_out(p);
            if (p.y > 1.43f && p.x > 0.06f) d = glm::normalize(d + vec3(0, 0.8f, 0));
            return d;
        };
        o.reach_in = 0.016f;
        o.reach_out = 0.045f;
        o.edge_round = 0.08f;
        // Where one part meets the next the sheet runs on at full thickness.
        o.edge_round0 = f0 == 0 ? 0.08f : 0.0f;
        o.edge_round1 = f1 == static_cast<int>(fs.size()) - 1 ? 0.08f : 0.0f;
        o.end_taper = 0.05f;
        o.smooth = 80;
        b.add_muscle(id, sheet(b, fib, o));
    };
    part("trapezius_descending", 0, 4, 14);
    part("trapezius_transverse", 4, 8, 14);
    part("trapezius_ascending", 8, 13, 18);
}

void pectoralis_major(Builder& b) {
    // Clavicular head (medial half of the clavicle), sternocostal head (sternum, cartilages 1-6)
    // and abdominal part, converging and folding to the lateral lip of the intertubercular groove
    // (the lowest fibres insert highest).
    const vec3 cme = b.left("clavicle.medial_end"), cmi = b.left("clavicle.middle");
    const vec3 jug = b.lm("sternum.jugular_notch"), ang = b.lm("sternum.angle"), xs = b.lm("sternum.xiphisternal_joint");
    const vec3 ll = b.left("humerus.lateral_lip");
    Polyline origin = {glm::mix(cme, cmi, 0.95f) + vec3(0, -0.004f, 0.008f), glm::mix(cme, cmi, 0.5f) + vec3(0, -0.004f, 0.010f),
                       cme + vec3(0.004f, -0.004f, 0.010f), vec3(0.004f, jug.y - 0.012f, jug.z + 0.008f), vec3(0.004f, ang.y, ang.z + 0.004f),
                       vec3(0.004f, glm::mix(ang, xs, 0.5f).y, glm::mix(ang, xs, 0.5f).z + 0.004f), vec3(0.006f, xs.y, xs.z + 0.004f),
                       b.left("rib_6.costal_end") + vec3(-0.030f, 0.012f, 0.014f), b.left("rib_6.costal_end") + vec3(0.000f, 0.000f, 0.014f)};
    Polyline mid;
    for (const auto& p : origin) mid.push_back(glm::mix(p, vec3(0.120f, 1.340f, 0.060f), 0.5f) + vec3(0, 0, 0.016f));
    // Anterior axillary fold: upper (clavicular) fibres in front, lower fibres folded behind.
    Polyline pre = {vec3(0.158f, 1.336f, 0.032f), vec3(0.160f, 1.350f, 0.004f)};
    Polyline ins = {ll + vec3(0.0f, -0.026f, 0.004f), ll + vec3(0.0f, 0.026f, 0.000f)};
    auto fib = net({origin, mid, pre, ins}, 12);
    SheetOptions o;
    o.nu = 36;
    o.nv = 22;
    o.thickness = [](float u, float v) {
        return 0.004f + 0.012f * std::sin(kPi * std::min(u * 1.15f, 1.0f)) * (0.6f + 0.4f * std::sin(kPi * v)) *
                            (1.0f - 0.6f * smoothstep01((u - 0.85f) / 0.15f));
    };
    o.outward = [&b](vec3 p) { return glm::normalize(b.trunk_out(p) + vec3(0, 0, 0.5f)); };
    o.reach_in = 0.02f;
    o.drape_until = 0.80f;
    o.pin_insertion = false;
    o.u_warp = [](float t) { return std::pow(t, 0.8f); };
    b.add_muscle("pectoralis_major", sheet(b, fib, o));
}

}  // namespace dorsal::modelgen
