// Deep and intermediate back and the neck: the erector spinae and transversospinal groups, quadratus
// lumborum, the suboccipitals, semispinalis, splenius, serratus posterior, scalenes and sternocleidomastoid.
// Attachments follow Gray's Anatomy and Moore's Clinically Oriented Anatomy; points come from
// assets/anatomy/landmarks.csv and landmarks-added.csv.
#include "muscle_parts.hpp"

#include <glm/geometric.hpp>

#include <cmath>
#include <string>

namespace dorsal::modelgen {

using glm::vec2;
using glm::vec3;

void multifidus(Builder& b) {
    // One column in the groove between spinous and transverse processes, thickest in the lumbar
    // region, resting on the laminae; from the back of the sacrum up to C2.
    Polyline path;
    std::vector<vec2> rad;
    const vec3 crest = b.lm("sacrum.median_crest_mid");
    path.push_back(vec3(0.014f, crest.y - 0.030f, crest.z + 0.012f));
    path.push_back(vec3(0.018f, crest.y + 0.015f, crest.z + 0.004f));
    for (int i = 5; i >= 1; --i) path.push_back(lamina(b, vl(i)) + vec3(0.017f, 0.0f, -0.016f));
    for (int i = 12; i >= 1; i -= 1) path.push_back(lamina(b, vt(i)) + vec3(0.013f, 0.0f, -0.007f));
    for (int i = 7; i >= 2; --i) path.push_back(lamina(b, vc(i)) + vec3(0.012f, 0.0f, -0.006f));
    SpindleOptions o;
    o.nu = 90;
    o.ring = 14;
    o.radii = [](float u) {
        // u: 0 sacrum .. ~0.3 L1 .. 0.85 T1 .. 1 C2
        const float w = profile({0.008f, 0.013f, 0.014f, 0.012f, 0.008f, 0.006f, 0.0055f, 0.0055f, 0.0055f, 0.0060f, 0.0050f, 0.0035f}, u);
        const float d = profile({0.008f, 0.014f, 0.016f, 0.013f, 0.008f, 0.0065f, 0.006f, 0.006f, 0.006f, 0.0065f, 0.0055f, 0.0035f}, u);
        return vec2(w, d);
    };
    o.side = [](float, vec3) { return vec3(1, 0, 0); };
    b.add_muscle("multifidus", spindle(b, path, o));
}

void erector_spinae(Builder& b) {
    // Spinalis: beside the spinous processes from T11-L2 up to T2-T8 (spinalis thoracis).
    {
        Polyline path;
        for (int v : {2, 1}) path.push_back(b.lm(vl(v) + ".spinous_tip") * vec3(0, 1, 1) + vec3(0.010f, 0.004f, 0.011f));
        for (int v = 12; v >= 2; v -= 2) path.push_back(b.lm(vt(v) + ".spinous_tip") * vec3(0, 1, 1) + vec3(0.0105f, 0.012f, 0.010f));
        SpindleOptions o;
        o.nu = 50;
        o.radii = [](float u) { return belly(u, vec2(0.0065f, 0.0075f), 0.002f, 0.002f, 0.45f); };
        o.side = [](float, vec3) { return vec3(1, 0, 0); };
        b.add_muscle("spinalis", spindle(b, path, o));
    }
    // Longissimus: from the sacrum and lumbar region along the transverse processes, up through the
    // neck (cervicis) to the mastoid process (capitis).
    {
        Polyline path;
        const vec3 crest = b.lm("sacrum.median_crest_mid");
        path.push_back(vec3(0.024f, crest.y - 0.01f, crest.z - 0.004f));
        path.push_back(vec3(0.028f, 0.99f, -0.090f));
        for (int v : {4, 2}) path.push_back(b.left(vl(v) + ".transverse_tip") + vec3(-0.006f, 0.0f, -0.032f));
        for (int v : {12, 10, 8, 6, 4}) path.push_back(b.left(vt(v) + ".transverse_tip") + vec3(0.000f, 0.0f, -0.013f));
        path.push_back(b.left(vt(2) + ".transverse_tip") + vec3(-0.004f, 0.0f, -0.010f));
        path.push_back(b.left(vc(6) + ".transverse_tip") + vec3(0.004f, 0.0f, -0.018f));
        path.push_back(b.left(vc(3) + ".transverse_tip") + vec3(0.009f, 0.0f, -0.014f));
        path.push_back(b.left("skull.mastoid_tip") + vec3(0.0f, 0.004f, -0.012f));
        SpindleOptions o;
        o.nu = 80;
        o.ring = 16;
        o.radii = [](float u) {
            const float w = profile({0.010f, 0.017f, 0.018f, 0.015f, 0.012f, 0.011f, 0.010f, 0.008f, 0.006f, 0.0045f, 0.0040f, 0.0030f}, u);
            const float d = profile({0.010f, 0.022f, 0.022f, 0.016f, 0.011f, 0.0095f, 0.009f, 0.007f, 0.0055f, 0.0045f, 0.0040f, 0.0030f}, u);
            return vec2(w, d);
        };
        o.side = [](float, vec3) { return vec3(1, 0, 0); };
        b.add_muscle("longissimus", spindle(b, path, o));
    }
    // Iliocostalis: from the iliac crest up along the angles of the ribs to the cervical
    // transverse processes (lumborum, thoracis, cervicis).
    {
        Polyline path;
        const vec3 psis = b.left("hip_bone.psis");
        path.push_back(psis + vec3(0.014f, 0.024f, 0.004f));
        path.push_back(vec3(0.052f, 1.06f, -0.082f));
        path.push_back(b.left("rib_12.angle") + vec3(0.006f, -0.012f, -0.018f));
        for (int r : {10, 8, 6, 4}) path.push_back(b.left("rib_" + std::to_string(r) + ".angle") + vec3(-0.004f, 0.0f, -0.010f));
        path.push_back(b.left("rib_2.angle") + vec3(-0.004f, 0.0f, -0.010f));
        path.push_back(b.left(vc(6) + ".transverse_tip") + vec3(0.010f, 0.0f, -0.006f));
        SpindleOptions o;
        o.nu = 70;
        o.radii = [](float u) {
            const float w = profile({0.010f, 0.016f, 0.014f, 0.010f, 0.0085f, 0.007f, 0.006f, 0.005f, 0.004f, 0.0025f}, u);
            const float d = profile({0.008f, 0.017f, 0.012f, 0.008f, 0.0065f, 0.006f, 0.0055f, 0.0045f, 0.0035f, 0.0025f}, u);
            return vec2(w, d);
        };
        o.side = [&b](float, vec3 p) { return glm::cross(vec3(0, 1, 0), b.trunk_out(p)) * -1.0f; };
        b.add_muscle("iliocostalis", spindle(b, path, o));
    }
}

void quadratus_lumborum(Builder& b) {
    // From the iliolumbar ligament and the posterior iliac crest up to the lower border of the 12th
    // rib (medial half) and the L1-L4 transverse processes; a quadrilateral plate beside the spine.
    const vec3 cp = b.left("hip_bone.crest_posterior");
    const vec3 ct = b.left("hip_bone.iliac_crest_top");
    const Polyline& r12 = b.rib_lines[12];
    Polyline bottom = {b.left("vertebra_l5.transverse_tip") + vec3(0.006f, -0.010f, 0.004f), cp + vec3(0.002f, 0.004f, 0.016f),
                       glm::mix(cp, ct, 0.5f) + vec3(-0.004f, 0.004f, 0.016f)};
    Polyline mid = {b.left("vertebra_l3.transverse_tip") + vec3(0.004f, 0.0f, 0.002f), vec3(0.068f, 1.075f, -0.048f), vec3(0.084f, 1.075f, -0.040f)};
    Polyline top = {point_at(r12, 0.12f) + vec3(0.0f, -0.008f, 0.0f), point_at(r12, 0.45f) + vec3(0.0f, -0.008f, 0.004f),
                    point_at(r12, 0.80f) + vec3(0.0f, -0.008f, 0.004f)};
    auto fib = net({bottom, mid, top}, 6);
    SheetOptions o;
    o.nu = 24;
    o.nv = 12;
    o.thickness = [](float u, float v) { return 0.008f + 0.006f * std::sin(kPi * u) * std::sin(kPi * v); };
    o.outward = [](vec3) { return vec3(0, 0, -1); };
    o.drape = false;
    o.edge_round = 0.2f;
    b.add_muscle("quadratus_lumborum", sheet(b, fib, o));
}

void suboccipitals(Builder& b) {
    Mesh m;
    SpindleOptions o;
    o.nu = 20;
    o.ring = 12;
    const vec3 c2 = b.lm("vertebra_c2.spinous_tip") + vec3(0.004f, 0.004f, 0.0f);
    const vec3 c1 = b.lm("vertebra_c1.spinous_tip") + vec3(0.003f, 0.002f, 0.0f);
    const vec3 c1tp = b.left("vertebra_c1.transverse_tip");
    const vec3 inl = b.left("skull.inferior_nuchal_line");
    // Rectus capitis posterior major and minor, obliquus capitis inferior and superior.
    o.radii = [](float u) { return belly(u, vec2(0.0065f, 0.0040f), 0.0025f, 0.0025f); };
    m.append(spindle(b, {c2, glm::mix(c2, inl, 0.5f) + vec3(0, 0, -0.006f), inl + vec3(0.004f, -0.004f, 0.004f)}, o));
    o.radii = [](float u) { return belly(u, vec2(0.0050f, 0.0030f), 0.0020f, 0.0020f); };
    m.append(spindle(b, {c1, glm::mix(c1, inl, 0.5f) + vec3(-0.006f, 0, -0.004f), inl + vec3(-0.012f, -0.003f, -0.004f)}, o));
    o.radii = [](float u) { return belly(u, vec2(0.0065f, 0.0045f), 0.0025f, 0.003f); };
    m.append(spindle(b, {c2 + vec3(0.002f, 0.0f, 0.004f), glm::mix(c2, c1tp, 0.5f) + vec3(0, 0, -0.010f), c1tp + vec3(-0.002f, 0, -0.006f)}, o));
    o.radii = [](float u) { return belly(u, vec2(0.0050f, 0.0035f), 0.0025f, 0.0025f); };
    m.append(spindle(b, {c1tp + vec3(-0.002f, 0.004f, -0.006f), glm::mix(c1tp, inl, 0.5f) + vec3(0.01f, 0.0f, -0.006f),
                         inl + vec3(0.014f, -0.006f, 0.012f)},
                     o));
    b.add_muscle("suboccipitals", std::move(m));
}

void semispinalis_capitis(Builder& b) {
    Polyline path;
    path.push_back(b.left(vt(6) + ".transverse_tip") + vec3(-0.010f, 0.0f, -0.008f));
    path.push_back(b.left(vt(3) + ".transverse_tip") + vec3(-0.010f, 0.0f, -0.012f));
    path.push_back(lamina(b, vc(7)) + vec3(0.020f, 0.0f, -0.014f));
    path.push_back(lamina(b, vc(4)) + vec3(0.016f, 0.0f, -0.020f));
    path.push_back(lamina(b, vc(2)) + vec3(0.016f, 0.006f, -0.024f));
    path.push_back(b.left("skull.nuchal_area_medial") + vec3(0.0f, -0.006f, 0.006f));
    SpindleOptions o;
    o.nu = 40;
    o.radii = [](float u) {
        return vec2(profile({0.004f, 0.008f, 0.011f, 0.012f, 0.011f, 0.006f}, u), profile({0.003f, 0.006f, 0.009f, 0.010f, 0.009f, 0.004f}, u));
    };
    o.side = [](float, vec3) { return vec3(1, 0, 0); };
    b.add_muscle("semispinalis_capitis", spindle(b, path, o));
}

void scalenes(Builder& b) {
    Mesh m;
    SpindleOptions o;
    o.nu = 24;
    o.ring = 12;
    const vec3 r1 = b.left("rib_1.lateral");
    const vec3 r1c = b.left("rib_1.costal_end");
    const vec3 r2 = b.left("rib_2.lateral");
    // Anterior (C3-C6 to the scalene tubercle of rib 1), middle (C2-C7 to rib 1 behind the
    // subclavian groove), posterior (C4-C6 to rib 2).
    o.radii = [](float u) { return belly(u, vec2(0.0065f, 0.0045f), 0.003f, 0.003f); };
    m.append(spindle(b, {b.left("vertebra_c4.transverse_tip") + vec3(0.002f, 0, 0.004f), b.left("vertebra_c6.transverse_tip") + vec3(0.006f, 0, 0.008f),
                         glm::mix(r1, r1c, 0.45f) + vec3(-0.002f, 0.006f, 0.0f)},
                     o));
    o.radii = [](float u) { return belly(u, vec2(0.0075f, 0.0050f), 0.003f, 0.004f); };
    m.append(spindle(b, {b.left("vertebra_c3.transverse_tip") + vec3(0.002f, 0, -0.004f), b.left("vertebra_c6.transverse_tip") + vec3(0.010f, 0, -0.004f),
                         r1 + vec3(-0.010f, 0.007f, -0.006f)},
                     o));
    o.radii = [](float u) { return belly(u, vec2(0.0055f, 0.0040f), 0.0025f, 0.003f); };
    m.append(spindle(b, {b.left("vertebra_c5.transverse_tip") + vec3(0.002f, 0, -0.006f), b.left("vertebra_c7.transverse_tip") + vec3(0.012f, 0, -0.010f),
                         r2 + vec3(-0.004f, 0.008f, -0.010f)},
                     o));
    b.add_muscle("scalenes", std::move(m));
}

void splenius(Builder& b) {
    // Cervicis: T3-T6 spinous processes to the transverse processes of C1-C3, lateral and deep.
    {
        Polyline origin = {spine_tip(b, vt(3), 0.004f), spine_tip(b, vt(6), 0.004f)};
        Polyline mid = {vec3(0.030f, 1.47f, -0.080f), vec3(0.040f, 1.44f, -0.088f)};
        Polyline ins = {b.left("vertebra_c1.transverse_tip") + vec3(0.0f, 0, -0.010f), b.left("vertebra_c3.transverse_tip") + vec3(0.004f, 0, -0.012f)};
        auto fib = net({origin, mid, ins}, 4);
        SheetOptions o;
        o.nu = 30;
        o.nv = 8;
        o.thickness = [](float u, float) { return 0.002f + 0.003f * std::sin(kPi * u); };
        o.outward = [&b](vec3 p) { return p.y > 1.45f ? neck_out(b, p) : b.trunk_out(p); };
        b.add_muscle("splenius_cervicis", sheet(b, fib, o));
    }
    // Capitis: lower half of the nuchal ligament and C7-T3 spinous processes to the mastoid process
    // and the lateral superior nuchal line.
    {
        const vec3 inion = b.lm("skull.inion");
        const vec3 c7 = b.lm("vertebra_c7.spinous_tip");
        auto nuchal = [&](float y) {
            const float t = (y - c7.y) / (inion.y - c7.y);
            return vec3(0.003f, y, c7.z + (inion.z - c7.z) * t + 0.012f);
        };
        Polyline origin = {nuchal(1.515f), nuchal(1.49f), spine_tip(b, vc(7), 0.003f), spine_tip(b, vt(1), 0.003f), spine_tip(b, vt(3), 0.003f)};
        Polyline mid = {vec3(0.030f, 1.57f, -0.070f), vec3(0.034f, 1.55f, -0.066f), vec3(0.038f, 1.53f, -0.060f), vec3(0.040f, 1.51f, -0.056f), vec3(0.042f, 1.49f, -0.052f)};
        const vec3 snl = b.left("skull.superior_nuchal_line_lateral");
        const vec3 mas = b.left("skull.mastoid_tip");
        Polyline ins = {snl + vec3(-0.006f, -0.002f, -0.004f), glm::mix(snl, mas, 0.35f) + vec3(0, 0, -0.004f), glm::mix(snl, mas, 0.65f) + vec3(0.002f, 0, -0.006f),
                        mas + vec3(0.004f, 0.010f, -0.008f), mas + vec3(0.004f, 0.004f, -0.004f)};
        auto fib = net({origin, mid, ins}, 8);
        SheetOptions o;
        o.nu = 30;
        o.nv = 14;
        o.thickness = [](float u, float) { return 0.0025f + 0.004f * std::sin(kPi * u); };
        o.outward = [&b](vec3 p) { return p.y > 1.45f ? neck_out(b, p) : b.trunk_out(p); };
        b.add_muscle("splenius_capitis", sheet(b, fib, o));
    }
}

void serratus_posterior(Builder& b) {
    // Superior: C7-T3 spinous processes to ribs 2-5 just lateral to their angles.
    {
        Polyline origin = {spine_tip(b, vc(7), 0.006f), spine_tip(b, vt(1), 0.006f), spine_tip(b, vt(2), 0.006f), spine_tip(b, vt(3), 0.006f)};
        Polyline ins;
        for (int r = 2; r <= 5; ++r) ins.push_back(b.left("rib_" + std::to_string(r) + ".angle") + vec3(0.000f, -0.004f, 0.000f));
        Polyline mid;
        for (std::size_t k = 0; k < 4; ++k) mid.push_back(glm::mix(origin[k], ins[k], 0.5f) + vec3(0, 0, -0.02f));
        auto fib = net({origin, mid, ins}, 6);
        SheetOptions o;
        o.nu = 26;
        o.nv = 12;
        o.thickness = [](float u, float) { return 0.0015f + 0.0015f * smoothstep01((u - 0.35f) / 0.3f); };
        o.outward = [&b](vec3 p) { return b.trunk_out(p); };
        b.add_muscle("serratus_posterior_superior", sheet(b, fib, o));
    }
    // Inferior: T11-L2 spinous processes to the lower borders of ribs 9-12, lateral to the angles.
    {
        Polyline origin = {spine_tip(b, vt(11), 0.006f), spine_tip(b, vt(12), 0.006f), spine_tip(b, vl(1), 0.006f), spine_tip(b, vl(2), 0.006f)};
        Polyline ins;
        for (int r = 9; r <= 12; ++r) ins.push_back(b.left("rib_" + std::to_string(r) + ".angle") + vec3(r == 12 ? 0.004f : 0.008f, -0.004f, r == 12 ? 0.0f : 0.002f));
        Polyline mid;
        for (std::size_t k = 0; k < 4; ++k) mid.push_back(glm::mix(origin[k], ins[k], 0.5f) + vec3(0, 0, -0.025f));
        auto fib = net({origin, mid, ins}, 6);
        SheetOptions o;
        o.nu = 26;
        o.nv = 12;
        o.thickness = [](float u, float) { return 0.0015f + 0.0015f * smoothstep01((u - 0.4f) / 0.3f); };
        o.outward = [&b](vec3 p) { return b.trunk_out(p); };
        b.add_muscle("serratus_posterior_inferior", sheet(b, fib, o));
    }
}

void sternocleidomastoid(Builder& b) {
    // Sternal head (front of the manubrium) and clavicular head (medial third of the clavicle), up
    // and back round the side of the neck to the mastoid process and lateral superior nuchal line.
    const vec3 jug = b.lm("sternum.jugular_notch");
    const vec3 cme = b.left("clavicle.medial_end"), cmi = b.left("clavicle.middle");
    const vec3 mas = b.left("skull.mastoid_tip"), snl = b.left("skull.superior_nuchal_line_lateral");
    Mesh m;
    SpindleOptions o;
    o.nu = 40;
    o.side = [&b](float, vec3 p) { return glm::cross(neck_out(b, p), vec3(0, 1, 0)); };
    o.radii = [](float u) { return belly(u, vec2(0.010f, 0.005f), 0.004f, 0.007f, 0.45f); };
    m.append(spindle(b, {vec3(0.008f, jug.y - 0.012f, jug.z + 0.011f), vec3(0.024f, 1.46f, 0.030f), vec3(0.044f, 1.52f, 0.012f),
                         mas + vec3(0.006f, 0.012f, 0.004f), glm::mix(mas, snl, 0.5f) + vec3(0.004f, 0.004f, -0.002f)},
                     o));
    o.radii = [](float u) { return belly(u, vec2(0.009f, 0.004f), 0.006f, 0.005f, 0.4f); };
    m.append(spindle(b, {glm::mix(cme, cmi, 0.30f) + vec3(0, 0.008f, 0.000f), vec3(0.040f, 1.46f, 0.018f), vec3(0.048f, 1.52f, 0.004f),
                         mas + vec3(0.006f, 0.006f, 0.000f)},
                     o));
    b.add_muscle("sternocleidomastoid", std::move(m));
}

}  // namespace dorsal::modelgen
