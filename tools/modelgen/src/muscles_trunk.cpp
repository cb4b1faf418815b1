// The trunk wall: diaphragm (midline, built whole), transversus abdominis, the obliques and rectus
// abdominis.
// Attachments follow Gray's Anatomy and Moore's Clinically Oriented Anatomy; points come from
// assets/anatomy/landmarks.csv and landmarks-added.csv.
#include "muscle_parts.hpp"

#include <glm/geometric.hpp>

#include <array>
#include <cmath>
#include <string>

namespace dorsal::modelgen {

using glm::vec2;
using glm::vec3;

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
    o.outward = [&b](vec3 p) { return b.trunk_out(p); };
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
    o.outward = [&b](vec3 p) { return b.trunk_out(p); };
    o.reach_in = 0.03f;
    b.add_muscle("internal_oblique", sheet(b, fib, o));
}

void rectus_abdominis(Builder& b) {
    // A strap in the rectus sheath beside the linea alba (Gray's Anatomy; Moore's): from the pubic
    // crest and symphysis (~3 cm wide) widening to ~7 cm at the umbilicus and ~7.5 cm at its
    // insertion on the xiphoid process and costal cartilages 5-7, with three tendinous
    // intersections at and above the umbilicus (there, at the xiphoid and halfway).
    const vec3 ps = b.left("hip_bone.pubic_symphysis"), pt = b.left("hip_bone.pubic_tubercle");
    const vec3 umb = b.lm("abdomen.umbilicus"), xi = b.lm("sternum.xiphoid_tip");
    // Half the linea alba: narrow below the umbilicus, ~1 cm wide between it and the xiphoid.
    constexpr float kLineaAlbaLow = 0.005f, kLineaAlbaHigh = 0.008f;
    // Width of the strap (lateral border = linea semilunaris) at the umbilicus and halfway up.
    constexpr float kWidthUmbilicus = 0.064f, kWidthUpper = 0.070f;
    auto across = [](vec3 medial, float width) { return Polyline{medial, medial + vec3(width, 0.0f, 0.0f)}; };
    std::vector<Polyline> rows;
    rows.push_back({vec3(ps.x + 0.002f, ps.y + 0.006f, ps.z + 0.018f), pt + vec3(0.018f, 0.008f, 0.004f)});
    rows.push_back(across(glm::mix(vec3(kLineaAlbaLow, ps.y, ps.z + 0.04f), vec3(kLineaAlbaLow, umb.y, umb.z), 0.5f), 0.5f * (0.030f + kWidthUmbilicus)));
    rows.push_back(across(vec3(kLineaAlbaLow, umb.y, umb.z), kWidthUmbilicus));
    rows.push_back(across(glm::mix(vec3(kLineaAlbaHigh, umb.y, umb.z), xi + vec3(kLineaAlbaHigh, 0.0f, 0.010f), 0.5f), kWidthUpper));
    rows.push_back({xi + vec3(kLineaAlbaHigh, 0.012f, 0.010f), glm::mix(b.lm("sternum.costal_notch_7.L"), b.left("rib_7.costal_end"), 0.35f),
                    glm::mix(b.lm("sternum.costal_notch_6.L"), b.left("rib_6.costal_end"), 0.6f), b.left("rib_5.costal_end") + vec3(0.0f, -0.004f, 0.004f)});
    auto fib = net(rows, 8);
    // The intersections, as fractions of the way up from the pubis: at the umbilicus, at the
    // xiphoid and halfway.
    const float span = xi.y - ps.y;
    const float low = (umb.y + 0.006f - ps.y) / span, high = (xi.y - 0.006f - ps.y) / span;
    const std::array<float, 3> intersections = {low, 0.5f * (low + high), high};
    SheetOptions o;
    o.nu = 64;
    o.nv = 10;
    o.thickness = [intersections](float u, float) {
        float t = 0.006f + 0.005f * std::sin(kPi * std::min(u * 1.1f, 1.0f));
        for (float c : intersections) t *= 1.0f - 0.65f * bump(u, c, 0.013f);
        return t;
    };
    o.outward = [](vec3) { return vec3(0, 0, 1); };
    o.reach_in = 0.03f;
    o.edge_round = 0.15f;
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
    o.outward = [&b](vec3 p) { return b.trunk_out(p); };
    o.reach_in = 0.03f;
    o.smooth = 40;
    b.add_muscle("external_oblique", sheet(b, fib, o));
}

}  // namespace dorsal::modelgen
