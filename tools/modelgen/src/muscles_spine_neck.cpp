// Deep and intermediate back and the neck: the erector spinae and transversospinal groups, quadratus
// lumborum, the suboccipitals, semispinalis, splenius, serratus posterior, scalenes and sternocleidomastoid.
// Attachments follow Gray's Anatomy and Moore's Clinically Oriented Anatomy; points come from
// assets/anatomy/landmarks.csv and landmarks-added.csv.
#include "muscle_parts.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

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

namespace {

// One level of the groove the erector spinae fill: from beside the spinous process (medial) to the
// rib angle or, in the loins, the lateral border of the mass (lateral). Design points lie a little
// deep; the sheets are laid onto what is beneath (multifidus, laminae, transverse processes, ribs).
// split = where spinalis meets longissimus and longissimus meets iliocostalis, as fractions across.
struct GrooveLevel {
    vec3 medial, lateral;
    float spinalis_longissimus, longissimus_iliocostalis;
};

// Design depth of the medial edge: in front of the spinous tip, where the multifidus lies.
constexpr vec3 kBesideSpinous(0.007f, 0.0f, 0.008f);
// Lumbar mass: its lateral border ~3 cm beyond the transverse process tips, so that at L3 it is
// 6-7 cm wide (Moore's Clinically Oriented Anatomy, the palpable erector mass beside the spine).
constexpr vec3 kLumbarLateral(0.030f, 0.0f, -0.018f);
// Thoracic: iliocostalis inserts on the rib angles; its lateral border lies just beyond them.
constexpr vec3 kBeyondRibAngle(0.003f, 0.0f, 0.010f);

std::vector<GrooveLevel> erector_groove(const Builder& b) {
    auto medial = [&](const std::string& v) { return spine_tip(b, v, 0.0f) + kBesideSpinous; };
    std::vector<GrooveLevel> g;
    // Common tendon: from the median sacral crest across to the posterior iliac crest.
    g.push_back({b.lm("sacrum.median_crest_mid") + vec3(0.010f, -0.004f, 0.008f), b.left("hip_bone.crest_posterior") + vec3(0.0f, -0.004f, 0.0f), 0.0f, 0.70f});
    g.push_back({medial(vl(5)), b.left("hip_bone.crest_posterior") + vec3(0.008f, 0.012f, -0.006f), 0.0f, 0.55f});
    for (int v = 4; v >= 1; --v)
        g.push_back({medial(vl(v)), b.left(vl(v) + ".transverse_tip") + kLumbarLateral, v >= 3 ? 0.0f : 0.06f * static_cast<float>(3 - v), 0.50f});
    for (int v = 12; v >= 1; --v) {
        const float up = static_cast<float>(12 - v) / 11.0f;  // 0 at T12, 1 at T1
        g.push_back({medial(vt(v)), b.left("rib_" + std::to_string(v) + ".angle") + kBeyondRibAngle, 0.18f + 0.10f * up, 0.52f + 0.06f * up});
    }
    // The angles of the short 11th and 12th ribs lie medial to the border of the mass, which runs
    // on straight from the loins (L1) to the angle of the 10th rib.
    const std::size_t l1 = 5, t12 = 6, t10 = 8;
    for (std::size_t k = t12; k < t10; ++k) {
        const float t = static_cast<float>(k - l1) / static_cast<float>(t10 - l1);
        g[k].lateral.x = std::max(g[k].lateral.x, glm::mix(g[l1].lateral.x, g[t10].lateral.x, t));
    }
    return g;
}

// Fibres of the column between fractions `from` and `to` across the groove, over levels [first, last].
std::vector<Polyline> groove_column(const std::vector<GrooveLevel>& g, std::size_t first, std::size_t last, int nf,
                                    float GrooveLevel::*from, float GrooveLevel::*to) {
    std::vector<Polyline> fibres(static_cast<std::size_t>(nf));
    for (std::size_t k = first; k <= last; ++k) {
        const float a = from ? g[k].*from : 0.0f, c = to ? g[k].*to : 1.0f;
        for (int f = 0; f < nf; ++f)
            fibres[static_cast<std::size_t>(f)].push_back(glm::mix(g[k].medial, g[k].lateral, a + (c - a) * static_cast<float>(f) / static_cast<float>(nf - 1)));
    }
    return fibres;
}

// Continues each fibre through points spread across a narrow row from `a` to `c` (the neck parts).
void extend(std::vector<Polyline>& fibres, vec3 a, vec3 c) {
    const std::size_t n = fibres.size();
    for (std::size_t f = 0; f < n; ++f) fibres[f].push_back(glm::mix(a, c, static_cast<float>(f) / static_cast<float>(n - 1)));
}

// A left sheet draped over the round multifidus leans its outer face towards the midline; the
// columns of the two sides meet there but never cross it.
void stop_at_midline(Mesh& m) {
    constexpr float kMidlineGap = 0.0015f;
    for (auto& p : m.positions) p.x = std::max(p.x, kMidlineGap);
    m.compute_normals();
}

}  // namespace

void erector_spinae(Builder& b) {
    // Three columns side by side filling the groove between the spinous processes and the rib
    // angles, from the common tendon on the sacrum and posterior iliac crest: spinalis medial (T11-L2
    // spinous processes to T2-T8), longissimus in the middle (on to the cervical transverse processes
    // and the mastoid), iliocostalis lateral (to the rib angles and C4-C6). Built as sheets laid on
    // what is beneath, all three before any is added so that none lies on another; their shared
    // edges coincide and are thinned a little, leaving a shallow groove between the columns.
    const auto g = erector_groove(b);
    const std::size_t l2 = 4, t2 = g.size() - 2, t1 = g.size() - 1;  // indices of the levels L2, T2, T1
    auto outward = [&b](vec3 p) { return p.y > b.lm("vertebra_c7.body_centre").y ? neck_out(b, p) : b.trunk_out(p); };
    auto options = [&](int nu, int nv, std::vector<float> thick) {
        SheetOptions o;
        o.nu = nu;
        o.nv = nv;
        o.thickness = [thick](float u, float) { return profile(thick, u); };
        o.outward = outward;
        o.reach_out = 0.015f;  // not out onto the scapula, which lies close behind the ribs
        o.reach_in = 0.015f;
        o.edge_round = 0.18f;
        return o;
    };
    constexpr float kSeamRound = 0.06f;  // where two columns meet: a shallow groove, not a gap

    auto spinalis_fib = groove_column(g, l2, t2, 4, nullptr, &GrooveLevel::spinalis_longissimus);
    SheetOptions so = options(40, 6, {0.004f, 0.012f, 0.015f, 0.014f, 0.011f, 0.007f, 0.003f});
    so.edge_round1 = kSeamRound;

    auto longissimus_fib = groove_column(g, 0, t1, 6, &GrooveLevel::spinalis_longissimus, &GrooveLevel::longissimus_iliocostalis);
    const vec3 c7 = b.left(vc(7) + ".transverse_tip"), c4 = b.left(vc(4) + ".transverse_tip"), mas = b.left("skull.mastoid_tip");
    extend(longissimus_fib, c7 + vec3(-0.002f, 0.0f, -0.014f), c7 + vec3(0.012f, 0.0f, -0.012f));
    extend(longissimus_fib, c4 + vec3(0.002f, 0.0f, -0.014f), c4 + vec3(0.012f, 0.0f, -0.012f));
    extend(longissimus_fib, mas + vec3(-0.004f, 0.002f, -0.010f), mas + vec3(0.002f, 0.002f, -0.008f));
    SheetOptions lo = options(72, 10, {0.006f, 0.015f, 0.023f, 0.022f, 0.020f, 0.017f, 0.015f, 0.013f, 0.010f, 0.008f, 0.006f, 0.005f});
    lo.edge_round0 = 0.2f;  // its medial edge in the loins: the furrow over the spinous processes
    lo.edge_round1 = kSeamRound;

    auto iliocostalis_fib = groove_column(g, 0, t2, 7, &GrooveLevel::longissimus_iliocostalis, nullptr);
    const vec3 c6 = b.left(vc(6) + ".transverse_tip");
    extend(iliocostalis_fib, b.left("rib_1.angle") + vec3(-0.002f, 0.006f, -0.012f), b.left("rib_1.angle") + vec3(0.012f, 0.006f, -0.010f));
    extend(iliocostalis_fib, c6 + vec3(0.002f, 0.0f, -0.010f), c6 + vec3(0.010f, 0.0f, -0.008f));
    SheetOptions io = options(64, 10, {0.006f, 0.015f, 0.021f, 0.018f, 0.015f, 0.012f, 0.011f, 0.010f, 0.008f, 0.006f, 0.004f});
    io.edge_round0 = kSeamRound;

    Mesh spinalis = sheet(b, spinalis_fib, so);
    Mesh longissimus = sheet(b, longissimus_fib, lo);
    Mesh iliocostalis = sheet(b, iliocostalis_fib, io);
    stop_at_midline(spinalis);
    stop_at_midline(longissimus);
    b.add_muscle("spinalis", std::move(spinalis));
    b.add_muscle("longissimus", std::move(longissimus));
    b.add_muscle("iliocostalis", std::move(iliocostalis));
}

void quadratus_lumborum(Builder& b) {
    // From the iliolumbar ligament and the posterior iliac crest up to the lower border of the 12th
    // rib (medial half) and the L1-L4 transverse processes (Gray's Anatomy): a flat quadrilateral
    // plate ~2 cm thick in the plane of the transverse process tips, its medial border along the
    // tips, its lateral border free. Rows from the crest (u = 0) to the rib; the design surface is
    // the front face and the plate grows backwards.
    const vec3 psis = b.left("hip_bone.psis");
    // The iliolumbar ligament and the inner lip of the crest lie in front of and beside the PSIS.
    constexpr vec3 kIliolumbarMedial(-0.014f, -0.012f, 0.026f), kIliolumbarLateral(0.004f, -0.004f, 0.026f);
    // Medial border on the transverse process tips, lateral border ~2 cm beyond them.
    constexpr vec3 kOnTransverseTip(-0.014f, 0.0f, -0.010f), kLateralBorder(0.022f, 0.0f, -0.012f);
    // Top: the lower border of the 12th rib, from beside its head to short of its angle.
    constexpr vec3 kBelowRib12(0.0f, 0.002f, -0.012f);
    const vec3 r12h = b.left("rib_12.head"), r12a = b.left("rib_12.angle");
    std::vector<Polyline> rows;
    rows.push_back({psis + kIliolumbarMedial, psis + kIliolumbarLateral});
    for (int v = 4; v >= 1; --v) {
        const vec3 tip = b.left(vl(v) + ".transverse_tip");
        rows.push_back({tip + kOnTransverseTip, tip + kLateralBorder});
    }
    rows.push_back({glm::mix(r12h, r12a, 0.05f) + kBelowRib12, glm::mix(r12h, r12a, 0.7f) + kBelowRib12});
    auto fib = net(rows, 6);
    SheetOptions o;
    o.nu = 22;
    o.nv = 8;
    o.thickness = [](float u, float) { return 0.019f - 0.006f * u; };
    o.outward = [](vec3) { return vec3(0, 0, -1); };
    o.drape = false;
    o.edge_round = 0.25f;
    o.end_taper = 0.15f;
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
    // From the tips of the T1-T6 transverse processes and the C4-C7 articular processes up to the
    // occiput between the superior and inferior nuchal lines, beside the midline (Gray's
    // Anatomy): a broad band ~1 cm thick on the laminae and multifidus, under splenius. The lowest
    // origins give its medial fibres, the highest its lateral ones.
    constexpr vec3 kOnThoracicTransverse(-0.006f, 0.0f, -0.006f);
    // The cervical articular pillars: ~2 cm from the midline at the depth of the laminae.
    constexpr vec3 kOnArticularPillar(0.020f, 0.0f, -0.002f);
    Polyline origin;
    for (int v = 6; v >= 1; --v) origin.push_back(b.left(vt(v) + ".transverse_tip") + kOnThoracicTransverse);
    for (int v = 7; v >= 4; --v) origin.push_back(lamina(b, vc(v)) + kOnArticularPillar);
    const vec3 inion = b.lm("skull.inion"), area = b.left("skull.nuchal_area_medial");
    const vec3 snl = b.left("skull.superior_nuchal_line_medial"), inl = b.left("skull.inferior_nuchal_line");
    const Polyline insertion = {glm::mix(inion, area, 0.35f) + vec3(0.0f, -0.010f, 0.006f), area + vec3(0.0f, -0.002f, 0.0f),
                                glm::mix(snl, inl, 0.5f) + vec3(0.008f, 0.0f, 0.0f)};
    // Halfway it follows the cervical lordosis, close behind the laminae (over semispinalis
    // cervicis and multifidus): the medial fibres at C6, the lateral ones higher.
    constexpr vec3 kBehindLaminaMedial(0.008f, 0.0f, -0.016f), kBehindLamina(0.018f, 0.0f, -0.016f), kBehindLaminaLateral(0.028f, 0.0f, -0.012f);
    const Polyline mid = {lamina(b, vc(6)) + kBehindLaminaMedial, lamina(b, vc(4)) + kBehindLamina, lamina(b, vc(3)) + kBehindLaminaLateral};
    auto fib = net({origin, mid, insertion}, 8);
    SheetOptions o;
    o.nu = 30;
    o.nv = 8;
    // Thin tendons at the thoracic origins, thickest in the upper neck.
    o.thickness = [](float u, float) { return profile({0.002f, 0.004f, 0.007f, 0.009f, 0.010f, 0.009f, 0.005f}, u); };
    o.outward = [&b](vec3 p) { return p.y > b.lm("vertebra_c7.body_centre").y ? neck_out(b, p) : b.trunk_out(p); };
    o.edge_round = 0.2f;
    b.add_muscle("semispinalis_capitis", sheet(b, fib, o));
}

void longus_colli(Builder& b) {
    // The deep neck flexor on the front of the vertebral bodies from T3 up to the anterior
    // tubercle of the atlas (Gray's Anatomy; Moore's), behind the pharynx: its vertical part beside
    // the midline, widened in the middle where the oblique parts reach out to the anterior
    // tubercles of the C3-C6 transverse processes. A thin strap laid on the bodies.
    struct Level {
        const char* vertebra;
        float lateral;  // how far from the midline its lateral border lies, metres
    };
    static constexpr Level kLevels[] = {{"vertebra_t3", 0.011f}, {"vertebra_t1", 0.013f}, {"vertebra_c6", 0.018f},
                                        {"vertebra_c4", 0.018f}, {"vertebra_c2", 0.011f}, {"vertebra_c1", 0.007f}};
    constexpr float kBesideMidline = 0.0025f;  // the two sides meet at the anterior longitudinal ligament
    std::vector<Polyline> rows;
    for (const auto& l : kLevels) {
        const vec3 front = b.lm(std::string(l.vertebra) + ".body_anterior");
        rows.push_back({front + vec3(kBesideMidline, 0.0f, 0.001f), front + vec3(l.lateral, 0.0f, -0.002f)});
    }
    auto fib = net(rows, 5);
    SheetOptions o;
    o.nu = 26;
    o.nv = 6;
    o.thickness = [](float u, float) { return 0.0025f + 0.0025f * std::sin(kPi * u); };
    o.outward = [](vec3) { return vec3(0, 0, 1); };
    o.reach_in = 0.015f;
    o.reach_out = 0.006f;  // it lies on the bodies themselves: nothing is beneath it but bone
    o.edge_round = 0.25f;
    b.add_muscle("longus_colli", sheet(b, fib, o));
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
        Polyline mid = {b.left("neck.splenius_cervicis_mid_upper"), b.left("neck.splenius_cervicis_mid_lower")};
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
        Polyline mid;
        for (int k = 1; k <= 5; ++k) mid.push_back(b.left("neck.splenius_capitis_mid_" + std::to_string(k)));
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
        for (int r = 2; r <= 5; ++r) ins.push_back(b.left("rib_" + std::to_string(r) + ".angle") + vec3(0.012f, -0.004f, 0.002f));
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
    // Sternal head (a rounded tendon from the front of the manubrium) and clavicular head (flat,
    // from the medial third of the clavicle), joining into a thick strap that winds up and back
    // round the side of the neck to the lateral surface of the mastoid process and the lateral
    // half of the superior nuchal line (Gray's Anatomy; Moore's). Its belly crosses the neck at
    // the level of C4 (the added point neck.sternocleidomastoid_belly).
    const vec3 jug = b.lm("sternum.jugular_notch");
    const vec3 cme = b.left("clavicle.medial_end"), cmi = b.left("clavicle.middle");
    const vec3 mas = b.left("skull.mastoid_tip"), snl = b.left("skull.superior_nuchal_line_lateral");
    const vec3 belly_c4 = b.left("neck.sternocleidomastoid_belly");
    const vec3 sternal0 = vec3(0.008f, jug.y - 0.012f, jug.z + 0.011f);
    const vec3 clavicular0 = glm::mix(cme, cmi, 0.30f) + vec3(0.0f, 0.008f, 0.0f);
    // Below the belly the heads lie apart, sternal in front and medial, clavicular behind; from
    // the belly up they are one strap.
    constexpr vec3 kSternalSide(-0.004f, 0.0f, 0.008f), kClavicularSide(0.004f, 0.0f, -0.008f);
    Mesh m;
    SpindleOptions o;
    o.nu = 36;
    o.ring = 14;
    o.side = [&b](float, vec3 p) { return glm::cross(neck_out(b, p), vec3(0, 1, 0)); };
    // Only bone narrows it: the superficial strap covers the scalenes and levator scapulae.
    o.mask = kBone;
    o.radii = [](float u) { return belly(u, vec2(0.017f, 0.009f), 0.0045f, 0.006f, 0.5f); };
    m.append(spindle(b, {sternal0, glm::mix(sternal0, belly_c4, 0.55f) + kSternalSide, belly_c4,
                         mas + vec3(0.006f, 0.012f, 0.004f), glm::mix(mas, snl, 0.75f) + vec3(0.002f, 0.002f, -0.002f)},
                     o));
    o.radii = [](float u) { return belly(u, vec2(0.017f, 0.0065f), 0.008f, 0.005f, 0.45f); };
    m.append(spindle(b, {clavicular0, glm::mix(clavicular0, belly_c4, 0.55f) + kClavicularSide, belly_c4,
                         mas + vec3(0.006f, 0.006f, 0.000f)},
                     o));
    b.add_muscle("sternocleidomastoid", std::move(m));
}

}  // namespace dorsal::modelgen
