// The trunk wall: diaphragm (midline, built whole), transversus abdominis, the obliques and rectus
// abdominis.
// Attachments follow Gray's Anatomy and Moore's Clinically Oriented Anatomy; points come from
// assets/anatomy/landmarks.csv and landmarks-added.csv.
#include "muscle_parts.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <initializer_list>
#include <string>

namespace dorsal::modelgen {

using glm::vec2;
using glm::vec3;

namespace {

// Rectus abdominis: half the linea alba (narrow below the umbilicus, ~1 cm wide above it), the
// strap's width (its lateral border is the linea semilunaris) at the umbilicus and halfway up to
// the xiphoid, and the lateral end of its tendon on the pubic crest.
constexpr float kLineaAlbaLow = 0.005f, kLineaAlbaHigh = 0.008f;
constexpr float kWidthUmbilicus = 0.064f, kWidthUpper = 0.070f;
constexpr vec3 kRectusOnPubis(0.018f, 0.008f, 0.004f);

// The outline of the left abdominal wall the three flat muscles fill (Gray's Anatomy; Moore's).
struct WaistOutline {
    Polyline costal_margin;  // costal cartilage 7 round to the tip of rib 12 (front to back)
    Polyline fascia;         // lateral raphe of the thoracolumbar fascia (rib 12 down to the crest)
    Polyline crest;          // iliac crest from the raphe forward to the ASIS
    Polyline crest_inner_lip;  // its inner lip, along the crest as the hip bone is built
    Polyline inguinal;       // inguinal ligament, ASIS to pubic tubercle
    Polyline semilunaris;    // lateral border of the rectus, costal margin down to the pubic tubercle
};

WaistOutline waist_outline(const Builder& b) {
    WaistOutline w;
    w.costal_margin = {glm::mix(b.lm("sternum.costal_notch_7.L"), b.left("rib_7.costal_end"), 0.6f)};
    for (int r = 7; r <= 12; ++r) w.costal_margin.push_back(b.left("rib_" + std::to_string(r) + ".costal_end"));
    // The raphe lies at the lateral border of quadratus lumborum and the erector spinae.
    const vec3 raphe_top = glm::mix(b.left("rib_12.angle"), b.left("rib_12.lateral"), 0.5f);
    const vec3 raphe_bottom = glm::mix(b.left("hip_bone.crest_posterior"), b.left("hip_bone.iliac_crest_top"), 0.35f);
    w.fascia = {raphe_top, raphe_bottom};
    w.crest = {raphe_bottom, b.left("hip_bone.iliac_crest_top"), b.left("hip_bone.iliac_tubercle"), b.left("hip_bone.asis")};
    // The inner lip follows the bone's crest, which arches over the iliac tubercle (on its outer
    // lip, lower down), just medial to its rim.
    const IliacCrest ic = iliac_crest(b);
    std::size_t from = 0;
    for (std::size_t i = 1; i < ic.line.size(); ++i)
        if (glm::distance(ic.line[i], raphe_bottom) < glm::distance(ic.line[from], raphe_bottom)) from = i;
    for (std::size_t i = from; i < ic.line.size(); ++i) w.crest_inner_lip.push_back(ic.line[i] - ic.outward[i] * kIliacCrestHalfWidth);
    const vec3 asis = b.left("hip_bone.asis"), pt = b.left("hip_bone.pubic_tubercle");
    // The ligament sags a little forward and down between its ends.
    w.inguinal = {asis, glm::mix(asis, pt, 0.5f) + vec3(0.0f, -0.010f, 0.012f), pt};
    const vec3 umb = b.lm("abdomen.umbilicus"), xi = b.lm("sternum.xiphoid_tip");
    w.semilunaris = {glm::mix(b.lm("sternum.costal_notch_7.L"), b.left("rib_7.costal_end"), 0.6f),
                     glm::mix(vec3(kLineaAlbaHigh + kWidthUpper, umb.y, umb.z), xi + vec3(kLineaAlbaHigh + kWidthUpper, 0.0f, 0.010f), 0.5f),
                     umb + vec3(kLineaAlbaLow + kWidthUmbilicus, 0.0f, -0.006f), pt + kRectusOnPubis};
    return w;
}

Polyline joined(std::initializer_list<Polyline> parts) {
    Polyline out;
    for (const auto& p : parts)
        for (const auto& q : p)
            if (out.empty() || glm::distance(out.back(), q) > 1e-5f) out.push_back(q);
    return out;
}

// A point t of the way round the trunk from a to c: angle about the trunk axis, distance from it
// and height blended. It lies at or inside the wall; the sheet is then lifted onto what is built
// there (a sheet designed outside would float: its lift is smoothed but never lowered).
vec3 round_waist(const Builder& b, vec3 a, vec3 c, float t) {
    const vec3 aa = b.trunk_axis(a.y), ca = b.trunk_axis(c.y);
    const float ta = std::atan2(a.x - aa.x, a.z - aa.z), tc = std::atan2(c.x - ca.x, c.z - ca.z);
    const float ra = glm::length(vec2(a.x - aa.x, a.z - aa.z)), rc = glm::length(vec2(c.x - ca.x, c.z - ca.z));
    const float th = glm::mix(ta, tc, t);
    const float r = glm::mix(ra, rc, t);
    const vec3 axis = b.trunk_axis(glm::mix(a.y, c.y, t));
    return axis + vec3(std::sin(th), 0.0f, std::cos(th)) * r;
}

// Fibres of a flat muscle from each point of `origin` to the point of `insertion` with the same
// index, round the waist.
std::vector<Polyline> waist_fibres(const Builder& b, const Polyline& origin, const Polyline& insertion) {
    std::vector<Polyline> fibres(origin.size());
    for (std::size_t f = 0; f < fibres.size(); ++f) {
        fibres[f].push_back(origin[f]);
        for (float t : {0.25f, 0.5f, 0.75f}) fibres[f].push_back(round_waist(b, origin[f], insertion[f], t));
        fibres[f].push_back(insertion[f]);
    }
    return fibres;
}

// The same with nf fibres, each origin point matched to the insertion point as far along it (by arc
// length): the fibres fan or run obliquely as the two lines differ.
std::vector<Polyline> waist_fibres(const Builder& b, const Polyline& origin, const Polyline& insertion, int nf) {
    return waist_fibres(b, resample(origin, nf), resample(insertion, nf));
}

// The point of a line running downward (y decreasing) at height y; above or below it, its end.
vec3 at_height(const Polyline& line, float y) {
    if (y >= line.front().y) return line.front();
    for (std::size_t i = 1; i < line.size(); ++i)
        if (y >= line[i].y) return glm::mix(line[i - 1], line[i], (line[i - 1].y - y) / (line[i - 1].y - line[i].y));
    return line.back();
}

SheetOptions waist_sheet(const Builder& b, float thick) {
    SheetOptions o;
    o.nu = 28;
    o.nv = 20;
    o.thickness = [thick](float u, float) { return thick * (0.55f + 0.45f * std::sin(kPi * u)); };
    o.outward = [&b](vec3 p) { return b.trunk_out(p); };
    o.reach_in = 0.03f;
    o.smooth = 20;  // follow the wall beneath into the waist rather than span it
    return o;
}

// Moves a line sideways (under or over the rectus) by dx.
Polyline shifted(Polyline line, float dx) {
    for (auto& p : line) p.x += dx;
    return line;
}

constexpr float kUnderRectus = -0.015f;  // transversus and internal oblique pass behind its edge
constexpr float kOverRectus = -0.008f;   // the external oblique's fleshy border just over it

}  // namespace

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
    // Horizontal fibres from the inner costal cartilages 7-12, the thoracolumbar fascia, the inner
    // lip of the anterior iliac crest and the lateral inguinal ligament, forward to the aponeurosis
    // behind the rectus (the lowest arching down to the pubic crest). Its upper part, inside the
    // costal margin, is hidden by the ribs and left out: the sheet starts at the tip of rib 10.
    const WaistOutline w = waist_outline(b);
    const Polyline costal(w.costal_margin.begin() + 4, w.costal_margin.end());
    const Polyline inguinal_lateral = {w.inguinal[0], point_at(w.inguinal, 0.4f)};
    const Polyline origin = joined({costal, w.fascia, w.crest_inner_lip, inguinal_lateral});
    const Polyline insertion = shifted(Polyline(w.semilunaris.begin() + 1, w.semilunaris.end()), kUnderRectus);
    // Each fibre runs level round the waist to the aponeurosis at the height of its origin; those
    // from the inguinal ligament (below the ASIS) curve down and forward, the lowest to the pubic
    // crest.
    const Polyline from = resample(origin, 12);
    const float asis_y = w.inguinal.front().y, lowest_y = from.back().y;
    Polyline to;
    for (const vec3& p : from) {
        const float down = std::clamp((asis_y - p.y) / (asis_y - lowest_y), 0.0f, 1.0f);
        to.push_back(at_height(insertion, glm::mix(p.y, insertion.back().y, down)));
    }
    auto fib = waist_fibres(b, from, to);
    SheetOptions o = waist_sheet(b, 0.0035f);
    o.pin_insertion = false;  // it ends in an aponeurosis (the rectus sheath), not on bone
    b.add_muscle("transversus_abdominis", sheet(b, fib, o));
}

void internal_oblique(Builder& b) {
    // From the thoracolumbar fascia, the anterior iliac crest and the lateral inguinal ligament, up
    // and forward to the lower borders of ribs 10-12, the costal margin and the aponeurosis beside
    // the rectus; the lowest fibres arch down to the pubic crest.
    const WaistOutline w = waist_outline(b);
    const Polyline inguinal_lateral = {w.inguinal[0], point_at(w.inguinal, 0.6f)};
    const Polyline origin = joined({w.fascia, w.crest, inguinal_lateral});
    Polyline ribs(w.costal_margin.rbegin(), w.costal_margin.rend() - 4);  // the tips of ribs 12, 11 and 10
    const Polyline insertion = joined({ribs, shifted(Polyline(w.semilunaris.begin() + 1, w.semilunaris.end()), kUnderRectus)});
    auto fib = waist_fibres(b, origin, insertion, 12);
    b.add_muscle("internal_oblique", sheet(b, fib, waist_sheet(b, 0.0055f)));
}

void rectus_abdominis(Builder& b) {
    // A strap in the rectus sheath beside the linea alba (Gray's Anatomy; Moore's): from the pubic
    // crest and symphysis (~3 cm wide) widening to ~7 cm at the umbilicus and ~7.5 cm at its
    // insertion on the xiphoid process and costal cartilages 5-7, with three tendinous
    // intersections at and above the umbilicus (there, at the xiphoid and halfway).
    const vec3 ps = b.left("hip_bone.pubic_symphysis"), pt = b.left("hip_bone.pubic_tubercle");
    const vec3 umb = b.lm("abdomen.umbilicus"), xi = b.lm("sternum.xiphoid_tip");
    auto across = [](vec3 medial, float width) { return Polyline{medial, medial + vec3(width, 0.0f, 0.0f)}; };
    std::vector<Polyline> rows;
    rows.push_back({vec3(ps.x + 0.002f, ps.y + 0.006f, ps.z + 0.018f), pt + kRectusOnPubis});
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
    // Digitations from the outer surfaces of ribs 5-12, down and forward (hands in pockets): the
    // posterior fibres to the anterior iliac crest, the rest to the inguinal ligament and the
    // aponeurosis over the rectus.
    const WaistOutline w = waist_outline(b);
    Polyline origin;
    const float fr[13] = {0, 0, 0, 0, 0, 0.82f, 0.76f, 0.72f, 0.70f, 0.68f, 0.68f, 0.80f, 0.92f};
    for (int r = 5; r <= 12; ++r) {
        const vec3 p = point_at(b.rib_lines[static_cast<std::size_t>(r)], fr[r]);
        origin.push_back(p + b.trunk_out(p) * 0.004f);
    }
    Polyline crest(w.crest.rbegin(), w.crest.rend() - 1);  // ASIS back along the crest
    const vec3 top = b.left("rib_5.costal_end") + vec3(-0.004f, -0.010f, 0.006f);
    const Polyline insertion = joined({{top}, shifted(Polyline(w.semilunaris.begin() + 1, w.semilunaris.end() - 1), kOverRectus),
                                       Polyline(w.inguinal.rbegin(), w.inguinal.rend()), crest});
    auto fib = waist_fibres(b, origin, insertion, 14);
    SheetOptions o = waist_sheet(b, 0.0055f);
    o.nv = 22;
    o.thickness = [](float u, float v) {
        // Digitations at the ribs: thick and thin alternately across the origin.
        const float dig = 0.7f + 0.3f * std::fabs(std::cos(kPi * v * 7.0f));
        return (0.0025f + 0.003f * std::sin(kPi * u)) * (u < 0.3f ? glm::mix(dig, 1.0f, u / 0.3f) : 1.0f);
    };
    // Its fibres span from the ribs to the crest, already on the internal oblique: it looks only a
    // little outward for what it lies on (not onto the gluteus medius below the crest).
    o.reach_out = 0.02f;
    o.gap = 0.002f;  // a grid cell: where it grazes the internal oblique at the flank it stays outside
    b.add_muscle("external_oblique", sheet(b, fib, o));
}

}  // namespace dorsal::modelgen
