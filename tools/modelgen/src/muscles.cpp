// Muscles, built deep to superficial so that each layer lies on the ones beneath it. Attachments
// follow the standard references (Gray's Anatomy; Moore's Clinically Oriented Anatomy); points
// come from assets/anatomy/landmarks.csv and landmarks-added.csv.
#include "muscle_tools.hpp"

#include <glm/geometric.hpp>

#include <cmath>
#include <string>

namespace dorsal::modelgen {

namespace {

using glm::vec2;
using glm::vec3;
constexpr float kPi = static_cast<float>(M_PI);

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

std::string vt(int i) { return "vertebra_t" + std::to_string(i); }
std::string vl(int i) { return "vertebra_l" + std::to_string(i); }
std::string vc(int i) { return "vertebra_c" + std::to_string(i); }

// A spinous tip just off the midline on the left (where a left muscle arises).
vec3 spine_tip(const Builder& b, const std::string& v, float x = 0.0015f) {
    vec3 p = b.lm(v + ".spinous_tip");
    p.x = x;
    return p;
}

// Fibres from cross curves: cross[k] runs across the fibres at stage k (origin line, middle lines,
// insertion line); each is resampled to nf points by arc length.
std::vector<Polyline> net(const std::vector<Polyline>& cross, int nf) {
    std::vector<Polyline> rs;
    for (const auto& c : cross) rs.push_back(c.size() >= 3 ? catmull_rom(c, nf) : resample(c, nf));
    std::vector<Polyline> fibres(static_cast<std::size_t>(nf));
    for (int f = 0; f < nf; ++f)
        for (const auto& r : rs) fibres[static_cast<std::size_t>(f)].push_back(r[static_cast<std::size_t>(f)]);
    return fibres;
}

float bump(float x, float centre, float width) {
    const float d = (x - centre) / width;
    return std::exp(-d * d);
}

// ---------------------------------------------------------------------------------------------
// Deep back: multifidus, erector spinae, quadratus lumborum, suboccipitals, semispinalis capitis.

// Back of the lamina (where the transversospinal groove starts) of a vertebra, left side.
vec3 lamina(const Builder& b, const std::string& v) {
    const vec3 C = b.lm(v + ".body_centre");
    const vec3 S = b.lm(v + ".spinous_tip");
    const vec3 A = b.lm(v + ".body_anterior");
    const float zb = C.z - std::max(A.z - C.z, 0.008f);
    return vec3(0.0f, C.y + 0.004f, zb + 0.36f * (S.z - zb));
}

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

// ---------------------------------------------------------------------------------------------
// Psoas, iliacus, diaphragm (midline, built whole) and the deep hip muscles.

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
    path.push_back(b.left("vertebra_l5.transverse_tip") + vec3(-0.004f, -0.010f, 0.052f));
    const vec3 ipe = b.left("hip_bone.iliopubic_eminence");
    path.push_back(ipe + vec3(0.002f, 0.028f, 0.000f));
    path.push_back(ipe + vec3(0.004f, 0.002f, 0.013f));
    const vec3 lt = b.left("femur.lesser_trochanter");
    path.push_back(ipe + vec3(0.010f, -0.034f, 0.010f));
    path.push_back(lt + vec3(0.002f, 0.016f, 0.022f));
    path.push_back(lt + vec3(0.001f, 0.004f, 0.006f));
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

void diaphragm(Builder& b) {
    // A dome from the xiphoid, the inner costal margin (cartilages 7-10, ribs 11-12), the arcuate
    // ligaments and the crura on L1-L3, up to the central tendon at the level of the 5th-6th ribs.
    // Built as a closed shell: rings up the upper face to the top, and down again.
    const int M = 40;
    auto rim_left = [&](float t) -> vec3 {
        // t: 0 front (xiphoid) .. 1 back (crus on L2), left side.
        const vec3 xi = b.lm("sternum.xiphoid_tip") + vec3(0.0f, 0.006f, -0.008f);
        const vec3 c7 = point_at(b.cartilage_lines[7], 0.55f) + vec3(-0.004f, 0.0f, -0.012f);
        const vec3 c9 = b.left("rib_9.costal_end") + vec3(-0.012f, 0.004f, -0.010f);
        const vec3 r10 = b.left("rib_10.lateral") + vec3(-0.008f, 0.0f, -0.004f);
        const vec3 r11 = b.left("rib_11.lateral") + vec3(-0.012f, 0.008f, -0.008f);
        const vec3 r12 = b.left("rib_12.lateral") + vec3(-0.004f, 0.006f, 0.006f);
        const vec3 arc = b.left("vertebra_l1.transverse_tip") + vec3(-0.004f, 0.004f, 0.022f);
        const vec3 crus = b.left("vertebra_l2.body_lateral") + vec3(-0.010f, -0.004f, 0.016f);
        static thread_local Polyline rim;
        static thread_local const Builder* cached = nullptr;
        if (cached != &b) {
            rim = catmull_rom({xi, c7, c9, r10, r11, r12, arc, crus}, 64);
            cached = &b;
        }
        return point_at(rim, t);
    };
    auto rim = [&](int k) -> vec3 {
        // k around the loop: 0..M/2 left side from front to back, then the right side back to front.
        const int h = M / 2;
        if (k <= h) return rim_left(static_cast<float>(k) / static_cast<float>(h));
        const vec3 p = rim_left(static_cast<float>(M - k) / static_cast<float>(h));
        return vec3(-p.x, p.y, p.z);
    };
    const vec3 top(0.0f, b.left("rib_6.head").y - 0.055f, 0.012f);
    auto dome = [&](int k, float s, float lift) -> vec3 {
        // s: 0 at the rim, 1 at the centre.
        const vec3 r = rim(k);
        vec3 q = glm::mix(r, vec3(top.x, r.y, top.z), s);
        // Left and right cupolae either side of the central tendon.
        const float side = std::fabs(q.x) / 0.09f;
        const float dome_h = (top.y - r.y) * std::sin(0.5f * kPi * std::min(s * 1.35f, 1.0f));
        q.y = r.y + dome_h + 0.010f * std::sin(kPi * std::min(side, 1.0f)) * s;
        return q + vec3(0, lift, 0);
    };
    std::vector<Polyline> rings;
    std::vector<vec3> fib;
    const int ns = 12;
    const float thick = 0.0035f;
    for (int i = ns; i >= 0; --i) {
        const float s = 0.96f * static_cast<float>(i) / ns;
        Polyline ring;
        for (int k = 0; k < M; ++k) ring.push_back(dome(k, s, thick));
        rings.push_back(ring);
        fib.push_back(vec3(0, 1, 0));
    }
    for (int i = 0; i <= ns; ++i) {
        const float s = 0.96f * static_cast<float>(i) / ns;
        Polyline ring;
        for (int k = 0; k < M; ++k) ring.push_back(dome(k, s, 0.0f) - vec3(0, i == 0 ? 0.0f : 0.0f, 0));
        rings.push_back(ring);
        fib.push_back(vec3(0, 1, 0));
    }
    Mesh m = tube(rings, fib, Cap::Pole, Cap::Pole, vec3(top.x, dome(0, 1.0f, thick).y, top.z), vec3(top.x, dome(0, 1.0f, 0.0f).y, top.z));
    // Fibres run radially from the rim to the central tendon.
    for (std::size_t v = 0; v < m.positions.size(); ++v) {
        vec3 d = vec3(top.x, m.positions[v].y, top.z) - m.positions[v];
        d.y = 0.25f * glm::length(d);
        m.fibres[v] = glm::length(d) > 1e-6f ? glm::normalize(d) : vec3(0, 1, 0);
    }
    b.add_muscle("diaphragm", std::move(m), Material::Muscle, false);
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

// Outward direction for the buttock and lateral hip.
vec3 hip_out(vec3 p) {
    vec3 d = p - vec3(0.055f, p.y, 0.0f);
    d.y = 0.0f;
    return glm::normalize(d);
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
    Polyline mid = {gtl + vec3(0.010f, 0.070f, 0.022f), gtl + vec3(0.018f, 0.075f, 0.002f), gtl + vec3(0.016f, 0.078f, -0.020f),
                    gtl + vec3(0.006f, 0.072f, -0.040f), gtl + vec3(-0.012f, 0.066f, -0.052f)};
    Polyline ins = {gtl + vec3(0.002f, 0.006f, 0.016f), gtl + vec3(0.004f, 0.004f, 0.008f), gtl + vec3(0.004f, 0.004f, 0.000f),
                    gtl + vec3(0.002f, 0.006f, -0.008f), gtl + vec3(-0.002f, 0.010f, -0.014f)};
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
    Polyline front = {lat(it, 0.002f, 0.010f), lat(gt + vec3(0, 0.04f, 0), 0.030f, 0.020f), lat(gt, 0.022f, 0.024f),
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

// ---------------------------------------------------------------------------------------------
// Neck, intermediate back and shoulder.

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

vec3 neck_out(const Builder& b, vec3 p) {
    vec3 d = p - vec3(0.0f, p.y, b.lm("vertebra_c4.body_centre").z);
    d.y = 0.0f;
    return glm::normalize(d);
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

// ---------------------------------------------------------------------------------------------
// Abdominal wall.

vec3 belly_out(const Builder& b, vec3 p) { return b.trunk_out(p); }

void transversus_abdominis(Builder& b) {
    // Horizontal fibres from the inner costal cartilages 7-12, the thoracolumbar fascia, the iliac
    // crest and the inguinal ligament, forward to the aponeurosis at the lateral edge of the rectus.
    Polyline origin, mid, ins;
    const float ys[6] = {1.20f, 1.15f, 1.10f, 1.05f, 1.00f, 0.95f};
    for (int k = 0; k < 6; ++k) {
        const float y = ys[k];
        origin.push_back(vec3(0.070f, y, -0.055f + 0.02f * static_cast<float>(k) / 5.0f));
        mid.push_back(vec3(0.120f + (k < 2 ? -0.004f : 0.0f), y, 0.010f));
        ins.push_back(vec3(0.055f - 0.004f * static_cast<float>(k), y - 0.008f, 0.085f - 0.006f * static_cast<float>(k)));
    }
    auto fib = net({origin, mid, ins}, 10);
    SheetOptions o;
    o.nu = 30;
    o.nv = 16;
    o.thickness = [](float u, float) { return 0.002f + 0.002f * std::sin(kPi * u); };
    o.outward = [&b](vec3 p) { return belly_out(b, p); };
    o.reach_in = 0.03f;
    o.reach_out = 0.03f;
    b.add_muscle("transversus_abdominis", sheet(b, fib, o));
}

void internal_oblique(Builder& b) {
    // From the thoracolumbar fascia, the anterior iliac crest and the lateral inguinal ligament,
    // up and forward to the lower borders of ribs 10-12 and the aponeurosis beside the rectus.
    const vec3 asis = b.left("hip_bone.asis");
    const vec3 it = b.left("hip_bone.iliac_tubercle");
    const vec3 ct = b.left("hip_bone.iliac_crest_top");
    Polyline origin = {ct + vec3(-0.012f, 0.004f, -0.024f), ct + vec3(0.010f, 0.004f, -0.002f), it + vec3(0.000f, 0.006f, 0.000f),
                       asis + vec3(-0.004f, 0.006f, 0.000f), asis + vec3(-0.030f, -0.040f, 0.006f)};
    Polyline ins = {b.left("rib_12.lateral") + vec3(0.0f, -0.006f, 0.006f), b.left("rib_11.lateral") + vec3(0.0f, -0.006f, 0.004f),
                    b.left("rib_10.costal_end") + vec3(-0.006f, -0.008f, 0.016f), vec3(0.065f, 1.12f, 0.090f), vec3(0.040f, 0.935f, 0.075f)};
    Polyline mid;
    for (std::size_t k = 0; k < 5; ++k) mid.push_back(glm::mix(origin[k], ins[k], 0.5f) + b.trunk_out(glm::mix(origin[k], ins[k], 0.5f)) * 0.03f);
    auto fib = net({origin, mid, ins}, 10);
    SheetOptions o;
    o.nu = 28;
    o.nv = 18;
    o.thickness = [](float u, float) { return 0.0025f + 0.003f * std::sin(kPi * u); };
    o.outward = [&b](vec3 p) { return belly_out(b, p); };
    o.reach_in = 0.03f;
    b.add_muscle("internal_oblique", sheet(b, fib, o));
}

void rectus_abdominis(Builder& b) {
    // From the pubic crest and symphysis up to the xiphoid process and costal cartilages 5-7, with
    // three tendinous intersections.
    const vec3 pt = b.left("hip_bone.pubic_tubercle");
    const vec3 ps = b.left("hip_bone.pubic_symphysis");
    Polyline bottom = {ps + vec3(0.002f, 0.004f, 0.022f), pt + vec3(0.004f, 0.004f, 0.006f)};
    Polyline low = {vec3(0.004f, 0.98f, 0.090f), vec3(0.050f, 0.98f, 0.084f)};
    Polyline mid = {vec3(0.004f, 1.10f, 0.104f), vec3(0.068f, 1.10f, 0.096f)};
    const vec3 xi = b.lm("sternum.xiphoid_tip");
    Polyline top = {xi + vec3(0.004f, 0.012f, 0.010f), b.left("rib_5.costal_end") + vec3(0.0f, -0.010f, 0.010f)};
    std::vector<Polyline> fib(5);
    for (int f = 0; f < 5; ++f) {
        const float t = static_cast<float>(f) / 4.0f;
        fib[static_cast<std::size_t>(f)] = {glm::mix(bottom[0], bottom[1], t), glm::mix(low[0], low[1], t), glm::mix(mid[0], mid[1], t),
                                            glm::mix(top[0], top[1], t)};
    }
    SheetOptions o;
    o.nu = 48;
    o.nv = 10;
    o.thickness = [](float u, float) {
        float t = 0.006f + 0.005f * std::sin(kPi * std::min(u * 1.15f, 1.0f));
        for (float c : {0.56f, 0.73f, 0.88f}) t *= 1.0f - 0.45f * bump(u, c, 0.012f);
        return t;
    };
    o.outward = [](vec3) { return vec3(0, 0, 1); };
    o.reach_in = 0.03f;
    o.edge_round = 0.2f;
    b.add_muscle("rectus_abdominis", sheet(b, fib, o));
}

void external_oblique(Builder& b) {
    // Digitations from the outer surfaces of ribs 5-12, down and forward to the anterior iliac
    // crest and the aponeurosis beside the rectus (hands-in-pockets direction).
    Polyline origin;
    const float fr[13] = {0, 0, 0, 0, 0, 0.82f, 0.76f, 0.72f, 0.70f, 0.68f, 0.68f, 0.80f, 0.92f};
    for (int r = 5; r <= 12; ++r) {
        const vec3 p = point_at(b.rib_lines[static_cast<std::size_t>(r)], fr[r]);
        origin.push_back(p + b.trunk_out(p) * 0.004f);
    }
    const vec3 asis = b.left("hip_bone.asis");
    const vec3 ct = b.left("hip_bone.iliac_crest_top");
    const vec3 it = b.left("hip_bone.iliac_tubercle");
    Polyline ins = {vec3(0.070f, 1.22f, 0.100f), vec3(0.076f, 1.16f, 0.104f), vec3(0.080f, 1.10f, 0.102f), vec3(0.080f, 1.04f, 0.100f),
                    vec3(0.082f, 0.99f, 0.092f), asis + vec3(0.000f, 0.008f, 0.006f), it + vec3(0.004f, 0.006f, 0.004f), ct + vec3(0.010f, 0.004f, -0.012f)};
    Polyline mid;
    for (std::size_t k = 0; k < origin.size(); ++k) {
        const vec3 m = glm::mix(origin[k], ins[k], 0.5f);
        mid.push_back(m + b.trunk_out(m) * 0.03f);
    }
    auto fib = net({origin, mid, ins}, 12);
    SheetOptions o;
    o.nu = 30;
    o.nv = 22;
    o.thickness = [](float u, float v) {
        const float dig = 0.7f + 0.3f * std::fabs(std::cos(kPi * v * 7.0f));
        return (0.0025f + 0.003f * std::sin(kPi * u)) * (u < 0.3f ? glm::mix(dig, 1.0f, u / 0.3f) : 1.0f);
    };
    o.outward = [&b](vec3 p) { return belly_out(b, p); };
    o.reach_in = 0.03f;
    o.smooth = 40;
    b.add_muscle("external_oblique", sheet(b, fib, o));
}

// ---------------------------------------------------------------------------------------------
// Superficial: latissimus dorsi, trapezius, pectoralis major, sternocleidomastoid, gluteus maximus.

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

void gluteus_maximus(Builder& b) {
    // From the posterior gluteal line and crest of the ilium, the back of the sacrum and coccyx and
    // the sacrotuberous ligament, down and out to the iliotibial tract and the gluteal tuberosity.
    const vec3 psis = b.left("hip_bone.psis");
    const vec3 ct = b.left("hip_bone.iliac_crest_top");
    const vec3 crest = b.lm("sacrum.median_crest_mid");
    const vec3 apex = b.lm("sacrum.apex");
    const vec3 tip = b.lm("coccyx.tip");
    const vec3 gt = b.left("femur.greater_trochanter");
    const vec3 tub = b.left("femur.gluteal_tuberosity");
    Polyline origin = {glm::mix(psis, ct, 0.52f) + vec3(0.000f, -0.004f, -0.006f), psis + vec3(0.000f, -0.002f, -0.008f),
                       vec3(0.030f, crest.y + 0.020f, crest.z - 0.006f), vec3(0.022f, crest.y - 0.025f, crest.z - 0.002f),
                       vec3(0.014f, apex.y - 0.004f, apex.z - 0.010f), vec3(0.008f, tip.y - 0.002f, tip.z - 0.010f)};
    // Two middle rows shape the buttock: the fibres swing back over the sciatic region and come
    // forward again round the trochanter, so that the side view is a rounded quadrilateral.
    Polyline back = {gt + vec3(-0.022f, 0.104f, -0.066f), gt + vec3(-0.034f, 0.080f, -0.092f), gt + vec3(-0.044f, 0.054f, -0.106f),
                     gt + vec3(-0.052f, 0.020f, -0.112f), gt + vec3(-0.058f, -0.016f, -0.112f), gt + vec3(-0.060f, -0.058f, -0.100f)};
    Polyline round = {gt + vec3(0.002f, 0.074f, -0.040f), gt + vec3(-0.004f, 0.050f, -0.064f), gt + vec3(-0.010f, 0.024f, -0.076f),
                      gt + vec3(-0.016f, -0.008f, -0.082f), gt + vec3(-0.020f, -0.044f, -0.080f), gt + vec3(-0.024f, -0.084f, -0.068f)};
    // Upper fibres end in the iliotibial tract beside and below the trochanter, the lowest deep ones
    // on the gluteal tuberosity.
    Polyline ins = {gt + vec3(0.020f, 0.004f, -0.020f), gt + vec3(0.022f, -0.018f, -0.018f), gt + vec3(0.022f, -0.042f, -0.016f),
                    gt + vec3(0.019f, -0.072f, -0.014f), tub + vec3(0.012f, -0.010f, -0.010f), tub + vec3(0.002f, -0.004f, -0.005f)};
    auto fib = net({origin, back, round, ins}, 12);
    SheetOptions o;
    o.nu = 40;
    o.nv = 26;
    // Thick and fleshy (up to ~3.5 cm) over the lower middle of the buttock, thinner along the upper
    // border and towards the tendinous insertion; the lower border stays thick (the gluteal fold).
    o.thickness = [](float u, float v) {
        const float along = std::pow(std::max(std::sin(kPi * std::clamp(0.12f + u * 1.05f, 0.0f, 1.0f)), 0.0f), 0.7f);
        const float across = 0.40f + 0.60f * std::sin(kPi * std::clamp(0.15f + v * 0.62f, 0.0f, 1.0f));
        return 0.006f + 0.030f * along * across;
    };
    o.outward = hip_out;
    o.reach_in = 0.03f;
    o.reach_out = 0.05f;
    o.edge_round0 = 0.15f;
    o.edge_round1 = 0.22f;
    o.smooth = 60;
    o.pin_insertion = false;
    b.add_muscle("gluteus_maximus", sheet(b, fib, o));
}

}  // namespace

void build_muscles(Builder& b) {
    // Deepest first.
    multifidus(b);
    suboccipitals(b);
    semispinalis_capitis(b);
    erector_spinae(b);
    quadratus_lumborum(b);
    psoas_major(b);
    iliacus(b);
    diaphragm(b);
    piriformis(b);
    gluteus_minimus(b);
    scalenes(b);
    splenius(b);
    serratus_posterior(b);
    levator_scapulae(b);
    serratus_anterior(b);
    pectoralis_minor(b);
    rotator_cuff(b);
    rhomboids(b);
    gluteus_medius(b);
    hamstrings(b);
    rectus_femoris(b);
    tensor_fasciae_latae(b);
    iliotibial_band(b);
    transversus_abdominis(b);
    internal_oblique(b);
    rectus_abdominis(b);
    external_oblique(b);
    latissimus_dorsi(b);
    trapezius(b);
    pectoralis_major(b);
    sternocleidomastoid(b);
    gluteus_maximus(b);
}

}  // namespace dorsal::modelgen
