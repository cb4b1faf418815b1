// Shoulder girdle and arm: levator scapulae, the rotator cuff and subscapularis, serratus anterior,
// the pectorals, the rhomboids, biceps and triceps, latissimus dorsi, trapezius and deltoid.
// Attachments follow Gray's Anatomy and Moore's Clinically Oriented Anatomy; points come from
// assets/anatomy/landmarks.csv and landmarks-added.csv.
#include "muscle_parts.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

namespace dorsal::modelgen {

using glm::vec2;
using glm::vec3;

namespace {

// Horizontal-ish direction from the axis of the humerus (head centre to distal end) to p: "out" for
// the muscles that wrap the shoulder and arm.
vec3 arm_out(const Builder& b, vec3 p) {
    const vec3 hc = b.left("humerus.head_centre");
    const vec3 axis = glm::normalize(b.left("humerus.distal_end") - hc);
    vec3 d = p - hc;
    d -= axis * glm::dot(d, axis);
    return glm::length(d) > 1e-6f ? glm::normalize(d) : vec3(1.0f, 0.0f, 0.0f);
}

// Several spindles (the heads of one muscle) as one mesh; each is closed, so their union is too.
Mesh heads(Builder& b, const std::vector<std::pair<Polyline, SpindleOptions>>& parts) {
    Mesh m;
    for (const auto& [path, o] : parts) m.append(spindle(b, path, o));
    return m;
}

}  // namespace

void levator_scapulae(Builder& b) {
    // Four slips from the posterior tubercles of the C1-C4 transverse processes join in a thick strap
    // that runs down and back, behind the scalenes and in the floor of the posterior triangle
    // (between sternocleidomastoid and trapezius), to the medial border from the superior angle to
    // the root of the spine.
    Polyline origin;
    for (int v = 1; v <= 4; ++v) origin.push_back(b.left(vc(v) + ".transverse_tip") + vec3(0.004f, 0.0f, -0.006f));
    const vec3 sa = b.left("scapula.superior_angle");
    const vec3 sr = b.left("scapula.spine_root");
    // (It ends just above the root, where the trapezius tendon glides over the spine.)
    const Polyline ins = {sa + vec3(0.004f, 0.004f, -0.002f), glm::mix(sa, sr, 0.3f) + vec3(0, 0, -0.004f), glm::mix(sa, sr, 0.6f) + vec3(0, 0, -0.004f),
                          glm::mix(sa, sr, 0.85f) + vec3(0, 0.002f, -0.004f)};
    // Out to the side of the neck: the strap stands out lateral to splenius, where it is seen.
    auto outward = [&b](vec3 p) { return glm::normalize(neck_out(b, p) + vec3(0.6f, 0.0f, 0.0f)); };
    Polyline mid;
    for (std::size_t k = 0; k < origin.size(); ++k) {
        const vec3 m = glm::mix(origin[k], ins[k], 0.45f);
        mid.push_back(m + outward(m) * 0.008f);
    }
    auto fib = net({origin, mid, ins}, 6);
    SheetOptions o;
    o.nu = 30;
    o.nv = 10;
    o.thickness = [](float u, float v) {
        // Separate slips at the origin, one strap below.
        const float slips = 0.55f + 0.45f * std::fabs(std::cos(kPi * v * 3.0f));
        return (0.004f + 0.008f * std::sin(kPi * u)) * glm::mix(slips, 1.0f, smoothstep01(u / 0.3f));
    };
    o.outward = outward;
    o.reach_out = 0.030f;
    o.smooth = 60;
    o.edge_round = 0.25f;
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
        Polyline path = {ia + vec3(0.002f, 0.012f, -0.004f), glm::mix(ia, lb, 0.5f) + vec3(0.014f, 0.006f, -0.012f), b.left("axilla.posterior_wall_back"),
                         b.left("axilla.posterior_wall_front"), ml + vec3(-0.002f, -0.004f, -0.004f)};
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
    // the medial border of the scapula; lies between the ribs and the scapula. The origin edge is a
    // saw-tooth: a slip pointing forward on each rib, the edge drawn back between them (where the
    // lower slips interdigitate with those of the external oblique).
    const vec3 sa = b.left("scapula.superior_angle");
    const vec3 sr = b.left("scapula.spine_root");
    const vec3 mb = b.left("scapula.medial_border_mid");
    const vec3 ia = b.left("scapula.inferior_angle");
    const vec3 sn = scapula_normal(b);
    auto on_rib = [&b](int r, float t, float lift_y) {
        const vec3 p = point_at(b.rib_lines[static_cast<std::size_t>(r)], t);
        return p + b.trunk_out(p) * 0.004f + vec3(0.0f, lift_y, 0.0f);
    };
    // How far along each rib (head to costal end) its slip reaches, and where the fibres cross the
    // side of the chest on their way back (rising a little with each rib).
    const float tip[10] = {0, 0.70f, 0.80f, 0.78f, 0.74f, 0.72f, 0.70f, 0.68f, 0.66f, 0.64f};
    auto side = [&](int r) { return on_rib(r, r == 1 ? 0.5f : 0.42f, 0.004f * static_cast<float>(r)); };
    const float notch_back = 0.09f;  // the edge between two slips lies this much further back
    const Polyline border = catmull_rom({sa, sr, mb, ia}, 32);
    const float at[9] = {0.0f, 0.08f, 0.16f, 0.30f, 0.45f, 0.60f, 0.75f, 0.88f, 0.98f};
    // Each fibre stays on the chest wall until it is under the medial border (the point of its
    // rib nearest its insertion), then leaves it for the border.
    auto under_border = [&](int r, vec3 ins) {
        const Polyline& rib = b.rib_lines[static_cast<std::size_t>(r)];
        vec3 best = rib.front();
        for (const vec3& q : rib)
            if (glm::distance(q, ins) < glm::distance(best, ins)) best = q;
        return best + b.trunk_out(best) * 0.004f;
    };
    std::vector<Polyline> fib;
    for (int r = 1; r <= 9; ++r) {
        const auto k = static_cast<std::size_t>(r - 1);
        const vec3 ins = point_at(border, at[k]) - sn * 0.006f;
        fib.push_back({on_rib(r, tip[r], 0.0f), side(r), under_border(r, ins), ins});
        if (r == 9) break;
        // Between two slips: the edge drawn back, halfway between the two ribs.
        const vec3 ins_between = point_at(border, 0.5f * (at[k] + at[k + 1])) - sn * 0.006f;
        fib.push_back({glm::mix(on_rib(r, tip[r] - notch_back, 0.0f), on_rib(r + 1, tip[r + 1] - notch_back, 0.0f), 0.5f), glm::mix(side(r), side(r + 1), 0.5f),
                       glm::mix(under_border(r, ins_between), under_border(r + 1, ins_between), 0.5f), ins_between});
    }
    SheetOptions o;
    o.nu = 30;
    o.nv = 49;  // three columns a fibre, so that the slips keep their points
    o.across_by_fibre = true;
    o.thickness = [](float u, float v) {
        // Fleshy; each slip a ridge down its middle near the origin.
        const float ridge = 0.65f + 0.35f * std::fabs(std::cos(kPi * v * 8.0f));
        return (0.003f + 0.004f * std::sin(kPi * u)) * (u < 0.35f ? glm::mix(ridge, 1.0f, u / 0.35f) : 1.0f);
    };
    o.outward = [&b](vec3 p) { return b.trunk_out(p); };
    // It lies on the ribs and passes in front of the scapula: it must not climb onto the blade
    // (which lies only a few millimetres behind it), so it looks outward only a little, and it
    // reaches far in to stay on the chest wall until it leaves it for the medial border.
    o.reach_out = 0.003f;
    o.reach_in = 0.030f;
    o.edge_round = 0.04f;
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
    // Flat parallelograms from the spinous processes (minor: C7-T1, major: T2-T5) running down and
    // out to the medial border of the scapula, lying on serratus posterior superior and the erector
    // spinae: the fibres are laid on what is beneath, not lifted off it.
    const vec3 sa = b.left("scapula.superior_angle");
    const vec3 sr = b.left("scapula.spine_root");
    const vec3 mb = b.left("scapula.medial_border_mid");
    const vec3 ia = b.left("scapula.inferior_angle");
    const vec3 sn = scapula_normal(b);
    const Polyline border = catmull_rom({sa, sr, mb, ia}, 40);
    auto on_border = [&](float t) { return point_at(border, t) + sn * 0.004f; };
    auto part = [&](const std::string& id, const Polyline& origin, const Polyline& ins, int nv) {
        Polyline mid;
        for (std::size_t k = 0; k < origin.size(); ++k) {
            const vec3 m = glm::mix(origin[k], ins[k], 0.5f);
            mid.push_back(outer_surface(b, m, b.trunk_out(m), 0.03f));
        }
        auto fib = net({origin, mid, ins}, static_cast<int>(origin.size()) + 2);
        SheetOptions o;
        o.nu = 24;
        o.nv = nv;
        // About 5 mm thick in the belly, thinner at the tendinous ends; rounded edges.
        o.thickness = [](float u, float) { return 0.002f + 0.0035f * std::sin(kPi * u); };
        o.outward = [&b](vec3 p) { return b.trunk_out(p); };
        o.edge_round = 0.22f;
        o.end_taper = 0.12f;
        // The ends stay on the spines and the border, on top of what passes there (serratus
        // posterior superior runs under the border), not pulled down beneath it.
        o.reach_in = 0.003f;
        b.add_muscle(id, sheet(b, fib, o));
    };
    // Minor: lower nuchal ligament, C7 and T1 to the medial border at the root of the spine.
    part("rhomboid_minor", {spine_tip(b, vc(7), 0.0045f) + vec3(0, 0.010f, 0.0f), spine_tip(b, vt(1), 0.0045f)}, {on_border(0.20f), on_border(0.32f)}, 8);
    // Major: T2-T5 spinous processes to the medial border from the spine down to the inferior angle.
    part("rhomboid_major", {spine_tip(b, vt(2), 0.0045f), spine_tip(b, vt(3), 0.0045f), spine_tip(b, vt(4), 0.0045f), spine_tip(b, vt(5), 0.0045f)},
         {on_border(0.35f), on_border(0.55f), on_border(0.78f), on_border(0.97f)}, 14);
}

// Latissimus dorsi: where along each fibre its two draped rows lie, and the point of its upper
// border over the inferior angle of the scapula (a little above and behind the angle it covers).
constexpr float kBackRow = 0.35f, kSideRow = 0.72f;
constexpr vec3 kOverInferiorAngle(0.0f, 0.020f, -0.010f);

void latissimus_dorsi(Builder& b) {
    // From the T7-T12 spinous processes, the thoracolumbar fascia (lumbar and sacral spines), the
    // posterior third of the iliac crest and the lowest ribs, converging on the posterior axillary
    // fold behind the humerus; from there the tendon turns half a turn round the medial side of the
    // humerus to the floor of the intertubercular groove, so that the lowest fibres insert highest.
    const vec3 gf = b.left("humerus.groove_floor");
    const vec3 crest = b.left("hip_bone.crest_latissimus");
    const vec3 psis = b.left("hip_bone.psis");
    const vec3 sac = b.lm("sacrum.median_crest_mid");
    const vec3 t7 = spine_tip(b, vt(7));
    Polyline origin = {t7, spine_tip(b, vt(9)), spine_tip(b, vt(11)), spine_tip(b, vl(1)), spine_tip(b, vl(3)),
                       spine_tip(b, vl(5)), vec3(0.0015f, sac.y + 0.012f, sac.z - 0.002f), psis + vec3(0.004f, 0.006f, -0.008f),
                       glm::mix(psis, crest, 0.5f) + vec3(0, 0.006f, -0.006f), crest + vec3(0.002f, 0.004f, -0.004f),
                       b.left("rib_11.posterolateral") + vec3(0.002f, -0.020f, 0.010f), b.left("rib_11.posterolateral") + vec3(0.004f, 0.0f, -0.004f)};
    // Posterior axillary fold, behind and medial to the humerus: upper fibres high and behind.
    const vec3 fold_upper = b.left("axilla.posterior_fold_upper"), fold_lower = b.left("axilla.posterior_fold_lower");
    Polyline fold = {fold_upper, glm::mix(fold_upper, fold_lower, 0.5f) + vec3(0.0f, 0.0f, -0.001f), fold_lower};
    const int nf = 13;
    const Polyline fold_d = catmull_rom(fold, nf), origin_d = catmull_rom(origin, nf);
    // The upper border runs almost level from T7 across the inferior angle of the scapula (which it
    // covers) before rising to the axilla (Moore's): the upper fibres are lowered onto that line,
    // the drop fading over the upper third of the fibres so that they keep their order.
    const vec3 over_angle = b.left("scapula.inferior_angle") + kOverInferiorAngle;
    auto upper_border_y = [&](float x) { return t7.y + (over_angle.y - t7.y) * (x - t7.x) / (over_angle.x - t7.x); };
    const vec3 top_m0 = glm::mix(origin_d[0], fold_d[0], kBackRow), top_m1 = glm::mix(origin_d[0], fold_d[0], kSideRow);
    const float drop0 = std::max(0.0f, top_m0.y - upper_border_y(top_m0.x)), drop1 = std::max(0.0f, top_m1.y - upper_border_y(top_m1.x));
    // Straight courses from the origin to the fold, laid on the back by draping.
    Polyline back, side;
    for (int k = 0; k < nf; ++k) {
        const vec3 o0 = origin_d[static_cast<std::size_t>(k)], f0 = fold_d[static_cast<std::size_t>(k)];
        const float fade = std::max(0.0f, 1.0f - static_cast<float>(k) / (0.34f * static_cast<float>(nf)));
        const vec3 m0 = glm::mix(o0, f0, kBackRow) - vec3(0.0f, drop0 * fade, 0.0f);
        const vec3 m1 = glm::mix(o0, f0, kSideRow) - vec3(0.0f, drop1 * fade, 0.0f);
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
    // Low on the flank it lies behind the posterior border of the external oblique (the lumbar
    // triangle between them) rather than wrapping round the waist over it: "out" turns backwards there.
    const float flank_x = b.left("hip_bone.crest_posterior").x, slip_y = b.left("rib_11.posterolateral").y;
    o.outward = [&b, flank_x, slip_y](vec3 p) {
        const float w = smoothstep01((p.x - 0.125f) / 0.03f) * smoothstep01((p.y - 1.27f) / 0.06f);
        const float low = smoothstep01((p.x - flank_x) / 0.02f) * smoothstep01((slip_y + 0.02f - p.y) / 0.05f);
        const vec3 out = glm::normalize(glm::mix(b.trunk_out(p), glm::normalize(vec3(-0.2f, 0.0f, -1.0f)), low));
        return glm::normalize(glm::mix(out, glm::normalize(vec3(-0.3f, -0.2f, -1.0f)), w));
    };
    o.smooth = 4;  // follows the erector spinae closely through the fascia instead of bridging over them
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
    // the lateral third of the clavicle, the medial border of the acromion and the crest of the
    // spine of the scapula; the two sides together a diamond. It is draped as one sheet and then cut
    // into its three parts, so that they meet edge to edge.
    const vec3 inion = b.lm("skull.inion");
    const vec3 c7 = b.lm("vertebra_c7.spinous_tip");
    // The nuchal ligament, t of the way from the C7 spine up to the inion, just left of the midline.
    auto nuchal = [&](float t) { return glm::mix(c7, inion, t) * vec3(0.0f, 1.0f, 1.0f) + vec3(0.0015f, 0.0f, -0.002f); };
    const vec3 cl = b.left("clavicle.lateral_end"), aa = b.left("scapula.acromial_angle");
    const vec3 sc = b.left("scapula.spine_crest"), sr = b.left("scapula.spine_root");
    // The insertion as one smooth line: along the back of the lateral clavicle, over the
    // acromioclavicular joint, along the medial border of the acromion, round the acromial angle and
    // along the upper lip of the crest of the spine to the tubercle at its root.
    const Polyline insertion = catmull_rom({P(b, "clavicle.middle|clavicle.lateral_end|0.40") + vec3(0.0f, 0.004f, -0.008f),
                                            P(b, "clavicle.middle|clavicle.lateral_end|0.72") + vec3(0.0f, 0.005f, -0.008f), cl + vec3(-0.002f, 0.006f, -0.006f),
                                            glm::mix(cl, aa, 0.55f) + vec3(-0.006f, 0.007f, 0.0f), aa + vec3(-0.006f, 0.008f, -0.002f),
                                            glm::mix(aa, sc, 0.5f) + vec3(0.0f, 0.008f, -0.006f), sc + vec3(0.0f, 0.006f, -0.006f),
                                            glm::mix(sc, sr, 0.6f) + vec3(0.0f, 0.003f, -0.006f), sr + vec3(0.002f, -0.004f, -0.006f)},
                                           120);
    struct Fibre {
        vec3 origin;
        float at;  // where it inserts: the fraction along `insertion`
    };
    // Descending part: fibres 0-4, transverse 4-8, ascending 8-13 (boundary fibres shared).
    const std::vector<Fibre> fs = {
        {b.left("skull.superior_nuchal_line_medial") + vec3(0.0f, -0.002f, 0.004f), 0.00f},
        {inion + vec3(0.0015f - inion.x, -0.004f, 0.002f), 0.060f},
        {nuchal(0.47f), 0.120f},
        {nuchal(0.22f), 0.190f},
        {nuchal(0.08f), 0.260f},
        {spine_tip(b, vc(7)) + vec3(0.0f, 0.0f, -0.002f), 0.360f},
        {spine_tip(b, vt(1)), 0.480f},
        {spine_tip(b, vt(2)), 0.620f},
        {spine_tip(b, vt(3)), 0.800f},
        {spine_tip(b, vt(4)), 0.870f},
        {spine_tip(b, vt(6)), 0.920f},
        {spine_tip(b, vt(8)), 0.960f},
        {spine_tip(b, vt(10)), 0.985f},
        {spine_tip(b, vt(12)), 1.00f},
    };
    // Out: from the neck above the root of the neck (2 cm below the C7 spine), from the trunk below;
    // over the top of the shoulder (lateral to the neck) the sheet faces up.
    const float neck_root = c7.y - 0.020f;
    auto outward = [&b, neck_root](vec3 p) {
        vec3 d = p.y > neck_root ? neck_out(b, p) : b.trunk_out(p);
        if (p.y > neck_root - 0.010f && p.x > 0.06f) d = glm::normalize(d + vec3(0.0f, 0.8f, 0.0f));
        return d;
    };
    // Each fibre runs straight from origin to insertion, laid on what is beneath: its inner points
    // are moved out to the outermost surface built so far (the draping then smooths them).
    std::vector<Polyline> fib;
    for (const auto& f : fs) {
        const vec3 ins = point_at(insertion, f.at);
        Polyline line = {f.origin};
        for (float t : {0.3f, 0.6f, 0.85f}) {
            const vec3 m = glm::mix(f.origin, ins, t);
            line.push_back(outer_surface(b, m, outward(m), 0.05f));
        }
        line.push_back(ins);
        fib.push_back(line);
    }
    // Smooth the inner points across the fibres: the sheet bridges the bumps of what lies beneath
    // (scapular spine, rhomboids) rather than following each one.
    for (int pass = 0; pass < 4; ++pass) {
        auto next = fib;
        for (std::size_t f = 1; f + 1 < fib.size(); ++f)
            for (std::size_t k = 1; k + 1 < fib[f].size(); ++k) next[f][k] = 0.25f * (fib[f - 1][k] + fib[f + 1][k]) + 0.5f * fib[f][k];
        fib.swap(next);
    }
    // Thickness over the whole muscle (v: 0 at the occipital fibre .. 1 at the T12 fibre): thick over
    // the top of the shoulder, a thin tendinous diamond round C7-T1, thin ascending fibres.
    SheetOptions o;
    o.nu = 34;
    // Three sample columns a fibre; each given fibre is a column (across_by_fibre), so that the
    // parts can be cut at the shared fibres 4 and 8.
    constexpr int per_fibre = 3;
    o.nv = per_fibre * static_cast<int>(fs.size() - 1) + 1;
    o.across_by_fibre = true;
    o.thickness = [](float u, float g) {
        const float desc = 0.0075f * smoothstep01((u - 0.15f) / 0.35f) * (1.0f - 0.7f * smoothstep01((u - 0.75f) / 0.25f));
        const float trans = 0.0045f * smoothstep01((u - 0.18f) / 0.30f) * (1.0f - 0.4f * smoothstep01((u - 0.80f) / 0.20f));
        const float asc = 0.0032f * smoothstep01((u - 0.12f) / 0.30f) * (1.0f - 0.5f * smoothstep01((u - 0.80f) / 0.20f));
        const float w_desc = 1.0f - smoothstep01((g - 0.22f) / 0.14f);
        const float w_asc = smoothstep01((g - 0.56f) / 0.14f);
        const float base = 0.0015f + 0.0010f * w_desc;
        return base + desc * w_desc + asc * w_asc + trans * (1.0f - w_desc - w_asc);
    };
    o.outward = outward;
    o.reach_in = 0.016f;
    o.reach_out = 0.045f;
    o.edge_round = 0.05f;
    o.end_taper = 0.05f;
    o.smooth = 80;
    auto parts = sheet_parts(b, fib, o, {4 * per_fibre, 8 * per_fibre});
    b.add_muscle("trapezius_descending", std::move(parts[0]));
    b.add_muscle("trapezius_transverse", std::move(parts[1]));
    b.add_muscle("trapezius_ascending", std::move(parts[2]));
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
    const vec3 convergence = b.left("chest.pectoral_convergence");
    for (const auto& p : origin) mid.push_back(glm::mix(p, convergence, 0.5f) + vec3(0, 0, 0.016f));
    // Anterior axillary fold: upper (clavicular) fibres in front, lower fibres folded behind.
    Polyline pre = {b.left("axilla.anterior_fold_front"), b.left("axilla.anterior_fold_back")};
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
    o.drape_until = 0.68f;  // the folding tendon is left as designed, not laid over biceps and coracobrachialis
    o.pin_insertion = false;
    o.u_warp = [](float t) { return std::pow(t, 0.8f); };
    b.add_muscle("pectoralis_major", sheet(b, fib, o));
}


void subscapularis(Builder& b) {
    // From the medial two-thirds of the subscapular fossa (the costal face of the blade), across the
    // front of the scapula and in front of the shoulder joint, to the lesser tubercle. It lies on the
    // blade (mask: bone), between the scapula and serratus anterior.
    const vec3 sn = scapula_normal(b);
    const vec3 lt = b.left("humerus.lesser_tubercle");
    const vec3 hc = b.left("humerus.head_centre");
    auto costal = [&](float u, float v, float depth) { return scapula_blade_point(b, u, v) - sn * depth; };
    const Polyline origin = {costal(0.05f, 0.93f, 0.002f), costal(0.04f, 0.70f, 0.002f), costal(0.05f, 0.45f, 0.002f), costal(0.10f, 0.20f, 0.002f)};
    const Polyline mid = {costal(0.55f, 0.90f, 0.002f), costal(0.55f, 0.75f, 0.002f), costal(0.55f, 0.58f, 0.002f), costal(0.60f, 0.42f, 0.002f)};
    // Still on the blade near the lateral border, before it turns forward.
    const Polyline lateral = {costal(0.85f, 0.92f, 0.004f), costal(0.85f, 0.80f, 0.004f), costal(0.85f, 0.66f, 0.004f), costal(0.85f, 0.52f, 0.004f)};
    // In front of the glenoid: the tendon wraps the front of the humeral head (head radius 2.25 cm
    // plus the joint capsule).
    const vec3 front = glm::normalize(vec3(-0.45f, 0.0f, 1.0f));
    const Polyline neck = {hc + front * 0.029f + vec3(-0.006f, 0.012f, 0.0f), hc + front * 0.030f + vec3(-0.006f, 0.002f, 0.0f),
                           hc + front * 0.030f + vec3(-0.006f, -0.008f, 0.0f), hc + front * 0.029f + vec3(-0.006f, -0.016f, 0.0f)};
    const Polyline ins = {lt + vec3(0.0f, 0.008f, 0.002f), lt + vec3(0.001f, 0.002f, 0.003f), lt + vec3(0.002f, -0.004f, 0.003f), lt + vec3(0.003f, -0.010f, 0.002f)};
    auto fib = net({origin, mid, lateral, neck, ins}, 10);
    SheetOptions o;
    o.nu = 28;
    o.nv = 12;
    o.thickness = [](float u, float) { return 0.003f + 0.010f * std::sin(kPi * std::min(u * 1.25f, 1.0f)) * (1.0f - 0.5f * smoothstep01((u - 0.7f) / 0.3f)); };
    o.outward = [sn](vec3) { return -sn; };
    // Its deep face is designed on the costal face of the blade (the fossa is thin, 2-3 mm either
    // side of the mid-surface) and it grows towards the ribs, never into them: the sheet's thickness
    // stops at bone. It is not draped, which would lay it on the ribs only millimetres in front.
    o.drape = false;
    b.add_muscle("subscapularis", sheet(b, fib, o));
}

void biceps_brachii(Builder& b) {
    // Long head: a tendon from the supraglenoid tubercle arching over the humeral head inside the
    // joint, down the intertubercular groove; short head from the tip of the coracoid. The bellies
    // lie side by side in front of brachialis and join in one tendon to the radial tuberosity.
    const vec3 sg = b.left("scapula.supraglenoid_tubercle"), co = b.left("scapula.coracoid_tip");
    const vec3 hc = b.left("humerus.head_centre"), groove = b.left("humerus.intertubercular_groove");
    const vec3 dt = b.left("humerus.deltoid_tuberosity"), rt = b.left("radius.tuberosity");
    const vec3 elbow = glm::mix(b.left("humerus.medial_epicondyle"), b.left("humerus.lateral_epicondyle"), 0.5f);
    // The front of the arm at mid-shaft and at the elbow crease (in front of brachialis).
    const vec3 belly_at = vec3(dt.x - 0.012f, glm::mix(dt.y, elbow.y, 0.3f), dt.z + 0.036f);
    const vec3 crease = vec3(elbow.x, elbow.y + 0.010f, elbow.z + 0.034f);
    const Polyline long_head = {sg, hc + glm::normalize(vec3(-0.15f, 1.0f, 0.45f)) * 0.026f, groove + vec3(0.001f, 0.002f, 0.006f),
                                groove + vec3(0.006f, -0.045f, 0.014f), belly_at + vec3(0.005f, 0.0f, -0.002f), crease + vec3(0.002f, 0.0f, 0.0f), rt};
    const Polyline short_head = {co, co + vec3(0.012f, -0.040f, 0.006f), co + vec3(0.030f, -0.090f, 0.012f), belly_at + vec3(-0.005f, 0.0f, 0.002f),
                                 crease + vec3(-0.002f, 0.0f, 0.0f), rt};
    SpindleOptions lo;
    lo.nu = 48;
    lo.ring = 12;
    lo.radii = [](float u) {
        const float r = profile({0.0024f, 0.0024f, 0.0026f, 0.0055f, 0.0125f, 0.0165f, 0.0140f, 0.0060f, 0.0030f}, u);
        return vec2(r * 1.2f, r * 0.9f);
    };
    lo.side = [](float, vec3) { return vec3(1.0f, 0.0f, 0.0f); };
    lo.mask = kBone;
    SpindleOptions so = lo;
    so.nu = 40;
    so.radii = [](float u) {
        const float r = profile({0.0030f, 0.0055f, 0.0115f, 0.0155f, 0.0130f, 0.0050f, 0.0030f}, u);
        return vec2(r * 1.2f, r * 0.9f);
    };
    b.add_muscle("biceps_brachii", heads(b, {{long_head, lo}, {short_head, so}}));
}

void triceps_brachii(Builder& b) {
    // Long head from the infraglenoid tubercle (between teres minor and teres major), lateral head
    // from the back of the shaft above the radial groove, medial head (deep) from the back of the
    // shaft below it; one tendon to the olecranon.
    const vec3 ig = b.left("scapula.infraglenoid_tubercle");
    const vec3 up = b.left("humerus.posterior_shaft_upper"), lo = b.left("humerus.posterior_shaft_lower");
    const vec3 ol = b.left("ulna.olecranon_tip");
    const vec3 dt = b.left("humerus.deltoid_tuberosity");
    // Behind the shaft at the level of the deltoid tuberosity and just above the olecranon.
    const vec3 back_mid = vec3(dt.x - 0.010f, dt.y - 0.020f, dt.z - 0.034f);
    const vec3 above_ol = ol + vec3(-0.002f, 0.040f, -0.010f);
    const Polyline long_head = {ig, ig + vec3(0.012f, -0.040f, -0.014f), back_mid + vec3(-0.007f, 0.010f, -0.006f), above_ol + vec3(-0.003f, 0.0f, -0.004f), ol};
    const Polyline lateral_head = {up, up + vec3(0.012f, -0.040f, -0.012f), back_mid + vec3(0.007f, 0.0f, -0.002f), above_ol + vec3(0.003f, 0.0f, -0.002f), ol};
    const Polyline medial_head = {lo + vec3(-0.004f, 0.030f, -0.004f), lo + vec3(0.0f, 0.0f, -0.006f), above_ol + vec3(0.0f, 0.0f, 0.004f), ol};
    SpindleOptions lho;
    lho.nu = 40;
    lho.ring = 12;
    lho.radii = [](float u) { return belly(u, vec2(0.019f, 0.014f), 0.004f, 0.006f, 0.45f); };
    lho.side = [](float, vec3) { return vec3(1.0f, 0.0f, 0.0f); };
    lho.mask = kBone;
    SpindleOptions lat = lho;
    lat.radii = [](float u) { return belly(u, vec2(0.017f, 0.012f), 0.005f, 0.006f, 0.40f); };
    SpindleOptions med = lho;
    med.nu = 28;
    med.radii = [](float u) { return belly(u, vec2(0.016f, 0.010f), 0.006f, 0.006f, 0.45f); };
    b.add_muscle("triceps_brachii", heads(b, {{medial_head, med}, {long_head, lho}, {lateral_head, lat}}));
}

void deltoid(Builder& b) {
    // Clavicular, acromial and spinal parts as one cap: from the lateral third of the clavicle, the
    // lateral border of the acromion and the lower lip of the crest of the spine, over the humeral
    // head and the rotator cuff, converging on the deltoid tuberosity.
    const vec3 hc = b.left("humerus.head_centre"), dt = b.left("humerus.deltoid_tuberosity");
    const vec3 ac = b.left("scapula.acromion_tip"), aa = b.left("scapula.acromial_angle");
    const Polyline origin = {P(b, "clavicle.middle|clavicle.lateral_end|0.4") + vec3(0.0f, -0.002f, 0.006f),
                             P(b, "clavicle.middle|clavicle.lateral_end|0.75") + vec3(0.0f, -0.002f, 0.006f),
                             b.left("clavicle.lateral_end") + vec3(0.004f, -0.003f, 0.004f),
                             ac + vec3(0.004f, -0.004f, 0.0f),
                             glm::mix(ac, aa, 0.5f) + vec3(0.006f, -0.005f, 0.0f),
                             aa + vec3(0.002f, -0.005f, -0.004f),
                             P(b, "scapula.acromial_angle|scapula.spine_crest|0.5") + vec3(0.0f, -0.007f, -0.002f),
                             b.left("scapula.spine_crest") + vec3(0.0f, -0.008f, 0.0f)};
    // Round the head (its radius 2.25 cm plus the cuff beneath), then onto the lateral side of the
    // shaft, each part keeping its side: the fibres fan round the head from in front (0 degrees)
    // through lateral (90) to behind (180), in the order of their origins.
    const float around[] = {-25.0f, 5.0f, 35.0f, 68.0f, 95.0f, 122.0f, 150.0f, 170.0f};
    Polyline cap, arm, ins;
    const vec3 shaft = glm::mix(hc, dt, 0.55f);
    const float n = static_cast<float>(origin.size() - 1);
    for (std::size_t k = 0; k < origin.size(); ++k) {
        const float a = around[k] * kPi / 180.0f;
        const vec3 d = vec3(std::sin(a), 0.0f, std::cos(a));
        // The clavicular and (more so) the spinal fibres reach the head's equator lower than the
        // acromial ones: they descend from their origins rather than run out level.
        const float front = std::max(d.z, 0.0f), back = std::max(-d.z, 0.0f);
        cap.push_back(hc + d * 0.040f + vec3(0.0f, -0.008f - 0.014f * front * front - 0.030f * back * back, 0.0f));
        arm.push_back(shaft + glm::normalize(glm::mix(d, vec3(1.0f, 0.0f, 0.0f), 0.25f)) * 0.026f);
        // V-shaped insertion: front fibres to its anterior limb, back fibres to the posterior one.
        const float s = static_cast<float>(k) / n * 2.0f - 1.0f;
        ins.push_back(dt + vec3(0.004f, 0.012f * std::fabs(s) - 0.004f, -0.012f * s));
    }
    auto fib = net({origin, cap, arm, ins}, 17);
    SheetOptions o;
    o.nu = 30;
    o.nv = 26;
    o.thickness = [](float u, float v) {
        // Thickest over the head, thinner at the front and back edges, a short tendon below.
        const float belly_u = std::sin(kPi * std::min(u * 1.15f, 1.0f));
        return 0.003f + 0.015f * belly_u * (0.65f + 0.35f * std::sin(kPi * v));
    };
    // Out: away from a point below, medial to and in front of the head at the top of the shoulder
    // (so that the origin on the clavicle faces up and the spinal part back), away from the shaft
    // lower down.
    const vec3 inside = hc + vec3(-0.030f, -0.030f, 0.020f);
    o.outward = [&b, inside](vec3 p) {
        const float w = smoothstep01((inside.y - p.y) / 0.04f);
        return glm::normalize(glm::mix(glm::normalize(p - inside), arm_out(b, p), w));
    };
    o.reach_in = 0.020f;
    o.reach_out = 0.030f;
    o.edge_round = 0.10f;
    o.end_taper = 0.06f;
    b.add_muscle("deltoid", sheet(b, fib, o));
}

}  // namespace dorsal::modelgen
