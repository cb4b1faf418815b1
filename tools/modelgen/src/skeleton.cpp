// Bones, placed on the measured landmarks (see assets/anatomy/landmarks.csv) and the added ones.
#include "builder.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <string>

namespace dorsal::modelgen {

namespace {

using glm::vec3;
constexpr float kPi = static_cast<float>(M_PI);

vec3 mirror(vec3 p) { return vec3(-p.x, p.y, p.z); }

// Adds a left-side component and its mirror image to a midline bone.
void add_pair(Mesh& bone, const Mesh& left_part) {
    bone.append(left_part);
    bone.append(mirrored_x(left_part));
}

enum class Region { Cervical, Thoracic, Lumbar };

struct VertebraShape {
    float width_ratio;   // body half-width / half-depth
    float canal_rx, canal_rz;
    float arch_r;        // pedicle / lamina radius
    float spine_a, spine_b;  // spinous process half-thickness / half-height
    float tp_r;          // transverse process radius
};

VertebraShape shape_for(Region r, int index) {
    switch (r) {
        case Region::Cervical: return {1.45f, 0.0115f, 0.0075f, 0.0032f, 0.0025f, 0.0045f, 0.0032f};
        case Region::Thoracic: {
            const float t = static_cast<float>(index - 1) / 11.0f;
            return {1.10f + 0.25f * t, 0.0085f + 0.001f * t, 0.0080f, 0.0042f, 0.0030f, 0.0065f + 0.002f * t,
                    0.0048f};
        }
        case Region::Lumbar: return {1.45f, 0.0110f, 0.0080f, 0.0055f, 0.0045f, 0.0110f, 0.0042f};
    }
    return {1.3f, 0.01f, 0.008f, 0.004f, 0.003f, 0.007f, 0.004f};
}

// Direction of the spine's curve at a vertebral body: from the body centre below to the one above
// (the sacral base below L5; C2 has no body above it).
vec3 spine_up(const Builder& b, Region region, int index) {
    std::vector<std::string> order;
    for (int i = 2; i <= 7; ++i) order.push_back("vertebra_c" + std::to_string(i) + ".body_centre");
    for (int i = 1; i <= 12; ++i) order.push_back("vertebra_t" + std::to_string(i) + ".body_centre");
    for (int i = 1; i <= 5; ++i) order.push_back("vertebra_l" + std::to_string(i) + ".body_centre");
    order.push_back("sacrum.base_centre");
    const int at = region == Region::Cervical ? index - 2 : (region == Region::Thoracic ? 5 + index : 17 + index);
    const vec3 above = b.lm(order[static_cast<std::size_t>(std::max(at - 1, 0))]);
    const vec3 below = b.lm(order[static_cast<std::size_t>(at + 1)]);
    const vec3 d = glm::normalize(above - below);
    return glm::normalize(vec3(0.0f, d.y, d.z));
}

// A vertebra with body, pedicles and laminae, spinous and transverse processes, articular pillars.
Mesh vertebra(const Builder& b, const std::string& id, Region region, int index) {
    const vec3 C = b.lm(id + ".body_centre");
    const vec3 A = b.lm(id + ".body_anterior");
    const vec3 top = b.lm(id + ".body_top");
    const vec3 bot = b.lm(id + ".body_bottom");
    const vec3 S = b.lm(id + ".spinous_tip");
    const vec3 TL = b.left(id + ".transverse_tip");
    const VertebraShape sh = shape_for(region, index);
    Mesh m;

    // Body: a rounded elliptic drum with a slight waist.
    // The measured centre and front point give the body's front half; the real body reaches further
    // back (its posterior wall about 1.35 times as far behind the centre as the front is ahead), so
    // the drum is centred a little behind the landmark and deeper than twice the front half.
    const float front_half = std::max(A.z - C.z, 0.008f);
    const float rx = front_half * sh.width_ratio;
    const float rz = 1.17f * front_half;
    const float body_z = C.z - 0.18f * front_half;
    const float half_h = 0.5f * (top.y - bot.y) * 0.92f;  // leave room for the discs
    {
        Polyline axis;
        const int n = 9;
        // The drum's axis follows the curve of the spine (kyphosis, lordosis), its end plates across it.
        const vec3 up = spine_up(b, region, index);
        for (int i = 0; i < n; ++i) axis.push_back(vec3(0.0f, C.y, body_z) + up * (half_h * (2.0f * static_cast<float>(i) / (n - 1) - 1.0f)));
        auto sec = [&](int, float u) {
            Section s;
            const float edge = std::min(u, 1.0f - u);
            const float round = edge < 0.12f ? 0.90f + 0.10f * std::sqrt(edge / 0.12f) : 1.0f;
            const float waist = 1.0f - 0.06f * std::sin(kPi * u);
            s.a = rx * round * waist;
            s.b = rz * round * waist;
            s.squareness = 2.4f;
            return s;
        };
        m.append(sweep(axis, sec, [](int, float) { return vec3(1, 0, 0); }, 24));
    }

    // Arch around the canal: pedicles from the back of the body, laminae meeting behind the canal.
    const float zb = body_z - rz;              // posterior wall of the body
    const float zc = zb - sh.canal_rz;         // canal centre
    const float ya = C.y + 0.18f * half_h;     // arch height
    const float xr = sh.canal_rx + 0.6f * sh.arch_r;
    {
        Polyline loop;
        // Left pedicle root (inside the body) round the back to the right pedicle root.
        const int n = 13;
        for (int i = 0; i < n; ++i) {
            const float th = kPi * static_cast<float>(i) / static_cast<float>(n - 1);  // 0 left .. pi right
            const float x = xr * std::cos(th);
            const float z = zc - (sh.canal_rz + 0.6f * sh.arch_r) * std::sin(th);
            loop.push_back(vec3(x, ya, z));
        }
        Polyline path;
        path.push_back(vec3(xr * 0.9f, ya, zb + 0.004f));
        for (auto& p : loop) path.push_back(p);
        path.push_back(vec3(-xr * 0.9f, ya, zb + 0.004f));
        const Polyline dense = catmull_rom(path, 18);
        auto sec = [&](int, float u) {
            Section s;
            const float lamina = std::sin(kPi * std::clamp((u - 0.1f) / 0.8f, 0.0f, 1.0f));
            s.a = sh.arch_r * (1.0f - 0.25f * lamina);   // across the arch
            s.b = sh.arch_r * (1.0f + 0.9f * lamina);    // height of the lamina
            return s;
        };
        const auto T = tangents(dense);
        m.append(sweep(dense, sec, [&](int i, float) { return glm::cross(T[static_cast<std::size_t>(i)], vec3(0, 1, 0)); },
                       12, 0.0f, 0.0f));
    }
    const vec3 arch_back(0.0f, ya, zc - sh.canal_rz - 0.6f * sh.arch_r);

    // Spinous process: from the back of the arch to the measured tip, tall and thin.
    {
        // The lower thoracic spines leave the arch low, from the lower half of the laminae.
        const float drop = region == Region::Thoracic ? 0.5f * half_h * smoothstep01(static_cast<float>(index - 6) / 6.0f) : 0.0f;
        const vec3 root = arch_back + vec3(0.0f, -drop, 0.003f);
        const vec3 mid = glm::mix(root, S, 0.5f);
        Polyline path = catmull_rom({root, mid, S}, 14);
        // Pull the end back so the rounded tip lands on the landmark.
        const float tip_r = sh.spine_b * 0.7f;
        const vec3 dir = glm::normalize(S - mid);
        for (auto& p : path) p -= dir * tip_r * 0.5f * glm::dot(p - path.front(), dir) / glm::max(glm::dot(S - path.front(), dir), 1e-4f);
        auto sec = [&](int, float u) {
            Section s;
            s.a = sh.spine_a * (1.0f - 0.25f * u);
            s.b = sh.spine_b * (1.0f - 0.2f * u);
            s.squareness = region == Region::Lumbar ? 2.6f : 2.0f;
            return s;
        };
        m.append(sweep(path, sec, [](int, float) { return vec3(1, 0, 0); }, 12, 0.0015f, tip_r * 0.5f));
    }

    // Transverse processes (left, mirrored for the right) and articular pillars.
    {
        vec3 root(xr, ya, zc - 0.3f * sh.canal_rz);
        if (region == Region::Cervical) root = vec3(rx * 0.75f, C.y, C.z - 0.5f * rz);
        const vec3 tip = TL - glm::normalize(TL - root) * sh.tp_r * 0.5f;
        const Mesh tp = rod({root, glm::mix(root, tip, 0.5f) + vec3(0, 0.001f, 0), tip}, {sh.tp_r * 1.2f, sh.tp_r},
                            9, 10, region == Region::Lumbar ? 1.5f : 1.0f, vec3(0, 1, 0));
        add_pair(m, tp);
        const float ph = half_h * 1.05f;
        const vec3 pc(xr + 0.2f * sh.arch_r, ya, zc - 0.25f * sh.canal_rz);
        const Mesh pillar = rod({pc - vec3(0, ph, 0.002f), pc, pc + vec3(0, ph, -0.002f)},
                                {sh.arch_r * 1.1f, sh.arch_r * 1.25f, sh.arch_r * 1.1f}, 6, 10);
        add_pair(m, pillar);
    }
    return m;
}

// The atlas: a ring of anterior arch, lateral masses and posterior arch, with transverse processes.
Mesh atlas(const Builder& b) {
    const vec3 A = b.lm("vertebra_c1.body_anterior");
    const vec3 S = b.lm("vertebra_c1.spinous_tip");
    const vec3 TL = b.left("vertebra_c1.transverse_tip");
    Mesh m;
    const float y = 0.5f * (A.y + S.y);
    const float zc = 0.5f * (A.z + S.z) + 0.002f;
    const float ra = 0.5f * (A.z - S.z) - 0.004f;
    const float rxl = 0.021f;
    Polyline loop;
    for (int i = 0; i < 28; ++i) {
        const float th = 2.0f * kPi * static_cast<float>(i) / 28.0f;
        loop.push_back(vec3(rxl * std::sin(th), y, zc + ra * std::cos(th)));
    }
    m.append(loop_tube(loop, 0.0045f, 10));
    const Mesh mass = ellipsoid(vec3(0.019f, y, zc + 0.003f), vec3(0.007f, 0, 0), vec3(0, 0.009f, 0), vec3(0, 0, 0.011f));
    add_pair(m, mass);
    add_pair(m, rod({vec3(0.022f, y, zc), TL - vec3(0.003f, 0, 0)}, {0.005f, 0.0035f}, 8, 10));
    m.append(ellipsoid(S + vec3(0, 0, 0.004f), vec3(0.006f, 0, 0), vec3(0, 0.006f, 0), vec3(0, 0, 0.005f)));
    m.append(ellipsoid(A - vec3(0, 0, 0.004f), vec3(0.006f, 0, 0), vec3(0, 0.006f, 0), vec3(0, 0, 0.005f)));
    return m;
}

// Linear interpolation through knots (xs ascending).
float through_knots(const std::vector<float>& xs, const std::vector<float>& ys, float x) {
    if (x <= xs.front()) return ys.front();
    for (std::size_t i = 1; i < xs.size(); ++i)
        if (x <= xs[i]) return ys[i - 1] + (ys[i] - ys[i - 1]) * (x - xs[i - 1]) / (xs[i] - xs[i - 1]);
    return ys.back();
}

// Signed power, for superellipse sections.
float spow(float v, float e) { return std::copysign(std::pow(std::fabs(v), e), v); }

// The neurocranium in one closed surface, swept from the forehead (front pole, above the glabella)
// to the opisthocranion. Each section is a superellipse across, rounder above its widest level (the
// parietal eminences) and boxier below (steep temporal walls, flat base). The midline base passes
// under the orbital roofs, the basion and the opisthion and rises along the nuchal plane into the
// occiput, so that the base curves into the back of the head.
Mesh neurocranium(const Builder& b) {
    const vec3 vertex = b.lm("skull.vertex");
    const vec3 glabella = b.lm("skull.glabella");
    const vec3 nasion = b.lm("skull.nasion");
    const vec3 back = b.lm("skull.opisthocranion");
    const vec3 inion = b.lm("skull.inion");
    const vec3 opisthion = b.lm("skull.opisthion");
    const vec3 basion = b.lm("skull.basion");
    const vec3 euryon = b.left("skull.euryon");
    const vec3 front(0.0f, glabella.y + 0.006f, glabella.z + 0.001f);  // the frontal bone just above the glabella
    const float zf = front.z, zb = back.z;
    auto s_of = [&](float z) { return (zf - z) / (zf - zb); };
    // Envelope of every dimension towards the poles: blunter at the forehead than at the occiput.
    auto envelope = [](float s) {
        const float p = 3.0f - 0.8f * s;
        return std::pow(std::max(1.0f - std::pow(std::fabs(2.0f * s - 1.0f), p), 0.0f), 1.0f / p);
    };
    const float s_eu = s_of(euryon.z), s_vx = s_of(vertex.z);
    auto widest_level = [&](float s) { return through_knots({0.0f, s_eu, 1.0f}, {front.y, euryon.y, back.y}, s); };
    const float up = (vertex.y - widest_level(s_vx)) / envelope(s_vx);
    // Depth of the midline base below the widest level, through the measured base points.
    std::vector<float> ks, kd;
    auto base_knot = [&](vec3 p) {
        const float s = s_of(p.z);
        ks.push_back(s);
        kd.push_back((widest_level(s) - p.y) / std::max(envelope(s), 0.2f));
    };
    base_knot(vec3(0.0f, nasion.y - 0.002f, nasion.z - 0.022f));    // orbital roofs, behind the nasion
    base_knot(basion + vec3(0.0f, 0.003f, 0.0f));
    base_knot(opisthion + vec3(0.0f, 0.001f, 0.0f));
    base_knot(glm::mix(opisthion, inion, 0.5f) + vec3(0.0f, -0.004f, 0.0f));  // the nuchal plane bulges a little
    base_knot(inion + vec3(0.0f, -0.004f, 0.004f));
    const float half_width = euryon.x / envelope(s_eu);
    const int rings = 40, around = 44;
    std::vector<Polyline> loops;
    std::vector<vec3> fib;
    for (int i = 1; i <= rings; ++i) {
        const float s = 0.5f - 0.5f * std::cos(kPi * static_cast<float>(i) / static_cast<float>(rings + 1));
        const float e = envelope(s);
        const float yc = widest_level(s);
        const float top = up * e;
        const float bottom = through_knots(ks, kd, s) * e;
        // The forehead and the temporal fossae are narrower than the parietal region.
        const float narrow_front = 1.0f - 0.10f * (1.0f - smoothstep01(s / 0.45f));
        const float a = half_width * std::pow(e, 0.8f) * narrow_front;
        Polyline loop;
        for (int k = 0; k < around; ++k) {
            const float t = 2.0f * kPi * static_cast<float>(k) / static_cast<float>(around);
            const float c = std::cos(t), sn = std::sin(t);
            const bool above = sn >= 0.0f;
            const float ex = above ? 2.0f / 2.3f : 2.0f / 3.2f;
            vec3 p(a * spow(c, ex), yc + (above ? top : bottom) * spow(sn, ex), glm::mix(zf, zb, s));
            // Temporal fossa: the side wall below the temporal lines, behind the orbit, sinks in.
            if (!above) p.x *= 1.0f - 0.10f * std::exp(-std::pow((s - 0.30f) / 0.12f, 2.0f)) * std::min(-sn * 2.0f, 1.0f);
            loop.push_back(p);
        }
        loops.push_back(loop);
        fib.push_back(vec3(0, 1, 0));
    }
    return tube(loops, fib, Cap::Pole, Cap::Pole, front, back);
}

// A thin plate spanning two edge curves of the same number of points (row i joins edge_a[i] to
// edge_b[i] in `across` steps), thickened both ways along `normal` by half_thickness(u, v): u along the
// edges, v from edge_a to edge_b.
Mesh plate_between(const Polyline& edge_a, const Polyline& edge_b, int across, vec3 normal,
                   const std::function<float(float u, float v)>& half_thickness) {
    const std::size_t rows = edge_a.size();
    std::vector<Polyline> outer(rows), inner(rows);
    std::vector<std::vector<vec3>> fib(rows, std::vector<vec3>(static_cast<std::size_t>(across), vec3(0, 1, 0)));
    for (std::size_t i = 0; i < rows; ++i) {
        const float u = static_cast<float>(i) / static_cast<float>(rows - 1);
        for (int j = 0; j < across; ++j) {
            const float v = static_cast<float>(j) / static_cast<float>(across - 1);
            const vec3 p = glm::mix(edge_a[i], edge_b[i], v);
            const float t = half_thickness(u, v);
            outer[i].push_back(p + normal * t);
            inner[i].push_back(p - normal * t);
        }
    }
    return slab(outer, inner, fib);
}

// Left orbit: a rim round the opening and a thin-walled cone narrowing back to the optic canal, so
// that the socket reads as a hole. The cone is slit along its lower lateral wall (where the inferior
// orbital fissure is), which keeps it one closed shell.
Mesh orbit(vec3 centre, vec3 facing, float half_width, float half_height) {
    Mesh m;
    const vec3 across = glm::normalize(glm::cross(vec3(0, 1, 0), facing));  // lateral
    const vec3 up = glm::cross(facing, across);
    auto opening = [&](float th) { return across * (half_width * std::cos(th)) + up * (half_height * std::sin(th)); };
    Polyline rim;
    const int n = 24;
    for (int k = 0; k < n; ++k) rim.push_back(centre + opening(2.0f * kPi * static_cast<float>(k) / static_cast<float>(n)));
    m.append(loop_tube(rim, 0.0030f, 10));
    const vec3 apex = centre - facing * 0.045f - across * 0.010f;  // the optic canal, deep and medial
    constexpr float kFissure = -0.7f, kSlit = 0.12f;
    const int nu = 22, nv = 6;
    std::vector<Polyline> outer(nu), inner(nu);
    std::vector<std::vector<vec3>> fib(nu, std::vector<vec3>(nv, vec3(0, 1, 0)));
    for (int i = 0; i < nu; ++i) {
        const float th = kFissure + kSlit + (2.0f * kPi - 2.0f * kSlit) * static_cast<float>(i) / static_cast<float>(nu - 1);
        const vec3 dir = glm::normalize(opening(th));
        for (int j = 0; j < nv; ++j) {
            const float v = static_cast<float>(j) / static_cast<float>(nv - 1);
            const vec3 q = glm::mix(centre - facing * 0.003f, apex, v) + opening(th) * (1.0f - 0.85f * v);
            outer[static_cast<std::size_t>(i)].push_back(q + dir * 0.0012f);
            inner[static_cast<std::size_t>(i)].push_back(q - dir * 0.0012f);
        }
    }
    m.append(slab(outer, inner, fib));
    return m;
}

// Teeth along a dental arch (left half, from the midline back): crowns as small ellipsoids, 8 a
// side, incisors narrow, molars broad. `down` is +1 for the lower teeth (crowns rise from the arch).
void add_teeth(Mesh& m, const Polyline& arch, float occlusal_y, float down) {
    // Mesiodistal crown widths (mm) of the permanent teeth, incisor to third molar (Gray's Anatomy).
    constexpr std::array<float, 8> widths = {8.5f, 6.5f, 7.5f, 7.0f, 6.5f, 10.0f, 9.0f, 8.5f};
    float total = 0.0f;
    for (float w : widths) total += w;
    float at = 0.0f;
    Mesh half;
    for (std::size_t k = 0; k < widths.size(); ++k) {
        const float mid = (at + 0.5f * widths[k]) / total;
        at += widths[k];
        vec3 c = point_at(arch, mid * 0.98f);
        const vec3 along = glm::normalize(point_at(arch, std::min(mid + 0.02f, 1.0f)) - point_at(arch, std::max(mid - 0.02f, 0.0f)));
        const float crown_h = k < 3 ? 0.0050f : 0.0040f;
        c.y = occlusal_y - down * crown_h;
        const vec3 side = glm::normalize(glm::cross(vec3(0, 1, 0), along));
        const float thick = k < 2 ? 0.0035f : (k < 5 ? 0.0040f : 0.0050f);
        half.append(ellipsoid(c, along * (0.00045f * widths[k]), vec3(0, crown_h, 0), side * thick, 5, 8));
    }
    m.append(half);
    m.append(mirrored_x(half));
}

// A skull a student recognises from the front, the side and behind: the neurocranium with its base
// curving into the occiput, external occipital protuberance and mastoid processes; brow ridges,
// orbits, nasal bones, maxillae with the upper teeth, cheekbones and zygomatic arches; the mandible
// with its body, angle, ramus, coronoid process and condyles, and the lower teeth. Placed on the
// measured skull landmarks (vertex, glabella, inion, opisthion, mastoid tips, zygomatic points,
// front of the maxilla, mandible angles, condyles and chin) and the added ones (nasion,
// opisthocranion, basion, euryon).
Mesh skull(const Builder& b) {
    Mesh m = neurocranium(b);
    const vec3 glabella = b.lm("skull.glabella");
    const vec3 nasion = b.lm("skull.nasion");
    const vec3 inion = b.lm("skull.inion");
    const vec3 chin = b.lm("skull.chin");
    const vec3 maxilla = b.lm("skull.maxilla_front");
    const vec3 mastoid = b.left("skull.mastoid_tip");
    const vec3 zygion = b.left("skull.zygomatic_lateral");
    const vec3 condyle = b.left("skull.condyle");
    const vec3 gonion = b.left("skull.mandible_angle");

    m.append(ellipsoid(inion + vec3(0.0f, 0.002f, 0.005f), vec3(0.010f, 0, 0), vec3(0, 0.006f, 0), vec3(0, 0, 0.005f)));
    // Mastoid process: a blunt cone from the base, behind the ear, down and a little forward to the
    // measured tip.
    add_pair(m, rod({mastoid + vec3(0.003f, 0.022f, -0.008f), mastoid + vec3(0.001f, 0.010f, -0.003f), mastoid + vec3(0.0f, 0.002f, 0.0f)},
                    {0.011f, 0.008f, 0.0035f}, 10, 12, 0.75f, vec3(0, 0, 1)));

    // Orbits: openings about 4 cm wide and 3.4 cm high, facing forward and a little outward, the
    // lateral rim further back than the medial; the roof just under the brow.
    const vec3 orbit_centre(0.032f, nasion.y - 0.012f, nasion.z - 0.010f);
    const vec3 facing = glm::normalize(vec3(0.30f, 0.0f, 1.0f));
    constexpr float kOrbitHalfWidth = 0.020f, kOrbitHalfHeight = 0.017f;
    add_pair(m, orbit(orbit_centre, facing, kOrbitHalfWidth, kOrbitHalfHeight));
    const vec3 lateral = glm::normalize(glm::cross(vec3(0, 1, 0), facing));
    const vec3 frontozygomatic = orbit_centre + lateral * (kOrbitHalfWidth + 0.002f) + vec3(0, 0.006f, 0);
    const vec3 supraorbital = orbit_centre + vec3(0.0f, kOrbitHalfHeight + 0.003f, 0.004f);
    // Brow ridges: the supraorbital margins through the glabella.
    m.append(rod({mirror(frontozygomatic), mirror(supraorbital), glabella - vec3(0, 0.001f, 0.005f), supraorbital, frontozygomatic},
                 {0.0045f, 0.0055f, 0.0060f, 0.0055f, 0.0045f}, 30, 10));
    // Nasal bones: a narrow roof from the nasion, down and forward.
    m.append(rod({nasion - vec3(0, 0, 0.003f), nasion + vec3(0.0f, -0.018f, 0.006f)}, {0.0055f, 0.0075f}, 8, 10, 0.5f, vec3(1, 0, 0)));

    // Upper jaw and cheek (left, mirrored): the maxilla lateral to the nasal opening, down to the
    // alveolar arch; the zygomatic bone below and lateral to the orbit; the zygomatic arch back to
    // its root in front of the condyle.
    const float occlusal_y = chin.y + 0.042f;  // incisal edges: symphysis about 3.2 cm plus the crowns
    {
        Mesh half;
        half.append(ellipsoid(vec3(0.024f, maxilla.y, maxilla.z - 0.032f), vec3(0.017f, 0, 0), vec3(0, 0.016f, 0),
                              vec3(0, 0, 0.017f), 10, 14));
        // Frontal process of the maxilla: up beside the nasal bones to the frontal bone.
        half.append(rod({vec3(0.016f, maxilla.y + 0.010f, maxilla.z - 0.016f), vec3(0.010f, nasion.y - 0.004f, nasion.z - 0.004f)},
                        {0.0055f, 0.0040f}, 8, 10));
        const vec3 cheek = zygion + vec3(-0.011f, 0.006f, 0.022f);
        // The body of the zygomatic bone is a plate facing forward and outward.
        const vec3 cheek_facing = glm::normalize(vec3(0.6f, 0.0f, 1.0f));
        half.append(ellipsoid(cheek, glm::normalize(glm::cross(vec3(0, 1, 0), cheek_facing)) * 0.012f, vec3(0, 0.011f, 0), cheek_facing * 0.006f, 10, 12));
        // Frontal process of the zygomatic bone: the lateral orbital margin up to the frontal bone.
        half.append(rod({cheek + vec3(0.0f, 0.006f, -0.002f), frontozygomatic}, {0.0060f, 0.0045f}, 8, 10));
        const vec3 root = condyle + vec3(0.011f, 0.002f, 0.009f);  // articular tubercle, in front of the condyle
        // ... and turning in at its root onto the squama of the temporal bone.
        half.append(rod({cheek + vec3(0.004f, -0.002f, -0.008f), zygion - vec3(0.0035f, 0.0f, 0.0f), root, root + vec3(-0.011f, 0.003f, -0.004f)},
                        {0.0048f, 0.0042f, 0.0048f, 0.0060f}, 18, 10, 0.5f, vec3(0, 1, 0)));
        add_pair(m, half);
    }
    // The alveolar arches carry the teeth: a horseshoe from the last molar round the incisors.
    auto dental_arch = [&](float y, float front_z) {
        return catmull_rom({vec3(0.0f, y, front_z), vec3(0.017f, y, front_z - 0.010f), vec3(0.025f, y, front_z - 0.028f),
                            vec3(0.028f, y, front_z - 0.046f)},
                           24);
    };
    auto whole_arch = [](const Polyline& half) {
        Polyline path;
        for (std::size_t i = half.size(); i-- > 1;) path.push_back(mirror(half[i]));
        for (const auto& p : half) path.push_back(p);
        return path;
    };
    auto alveolus = [&](const Polyline& half, float half_height) {
        const Polyline path = whole_arch(half);
        const auto T = tangents(path);
        return sweep(path, [&](int, float) { Section s; s.a = 0.0060f; s.b = half_height; return s; },
                     [&](int i, float) { return glm::cross(vec3(0, 1, 0), T[static_cast<std::size_t>(i)]); }, 10, 0.004f, 0.004f);
    };
    const Polyline upper = dental_arch(occlusal_y + 0.015f, maxilla.z - 0.005f);
    m.append(alveolus(upper, 0.007f));
    add_teeth(m, dental_arch(occlusal_y, maxilla.z - 0.008f), occlusal_y, -1.0f);
    // Below the nasal opening the maxillae meet in front, with the anterior nasal spine.
    m.append(ellipsoid(maxilla + vec3(0.0f, -0.011f, -0.008f), vec3(0.013f, 0, 0), vec3(0, 0.009f, 0), vec3(0, 0, 0.0065f), 8, 12));
    m.append(rod({maxilla - vec3(0.0f, 0.003f, 0.012f), maxilla - vec3(0.0f, 0.0f, 0.0015f)}, {0.0035f, 0.0015f}, 6, 8));

    // Mandible: the body round the chin from angle to angle, tall in front (the symphysis) and
    // lower behind; each ramus a plate rising from the angle to the condyle and the coronoid
    // process, with the mandibular notch between them.
    const float lower_alveolus = occlusal_y - 0.010f;
    {
        const vec3 symphysis(0.0f, 0.5f * (chin.y + lower_alveolus), chin.z - 0.006f);
        const vec3 canine(0.019f, symphysis.y + 0.001f, chin.z - 0.016f);
        const vec3 molar(0.5f * (canine.x + gonion.x) + 0.004f, glm::mix(symphysis.y, gonion.y + 0.011f, 0.6f), glm::mix(canine.z, gonion.z, 0.6f));
        const vec3 angle = gonion + vec3(-0.001f, 0.010f, 0.006f);
        const Polyline half = catmull_rom({symphysis, canine, molar, angle}, 22);
        const Polyline path = whole_arch(half);
        const auto T = tangents(path);
        auto sec = [&](int, float u) {
            Section s;
            const float d = std::fabs(u - 0.5f) * 2.0f;  // 0 at the chin, 1 at the angles
            s.a = 0.0055f - 0.0010f * d;
            s.b = 0.5f * (lower_alveolus - chin.y) * (1.0f - 0.35f * d);
            return s;
        };
        m.append(sweep(path, sec, [&](int i, float) { return glm::cross(vec3(0, 1, 0), T[static_cast<std::size_t>(i)]); }, 14, 0.003f, 0.003f));
        // Mental protuberance: the chin's forward bulge above the measured lowest point.
        m.append(ellipsoid(chin + vec3(0.0f, 0.008f, -0.004f), vec3(0.012f, 0, 0), vec3(0, 0.007f, 0), vec3(0, 0, 0.005f), 8, 12));
        add_teeth(m, dental_arch(occlusal_y, maxilla.z - 0.010f), occlusal_y - 0.0005f, 1.0f);
    }
    {
        Mesh half;
        const vec3 coronoid = condyle + vec3(-0.002f, -0.001f, 0.030f);
        const vec3 notch = glm::mix(condyle, coronoid, 0.5f) + vec3(0.0f, -0.013f, 0.0f);
        const vec3 retromolar = gonion + vec3(-0.002f, 0.012f, 0.026f);
        const vec3 normal = glm::normalize(glm::cross(retromolar - gonion, condyle - gonion)) * (glm::cross(retromolar - gonion, condyle - gonion).x > 0 ? 1.0f : -1.0f);
        // Posterior border (u = 0) to anterior, from the angle and body (v = 0) up to the condyle,
        // notch and coronoid; thicker along the posterior border and angle.
        const Polyline top = catmull_rom({condyle - vec3(0, 0.004f, 0), notch, coronoid}, 12);
        const Polyline low = catmull_rom({gonion + vec3(0, 0.003f, 0.002f), retromolar}, 12);
        half.append(plate_between(low, top, 8, normal, [](float u, float v) { return 0.0022f + 0.0015f * (1.0f - u) * (1.0f - v); }));
        // Condylar head: a roller across, on a short neck.
        half.append(ellipsoid(condyle, glm::normalize(vec3(1.0f, 0.0f, -0.15f)) * 0.010f, vec3(0, 0.0050f, 0), vec3(0, 0, 0.0045f), 8, 12));
        half.append(rod({condyle - vec3(0, 0.012f, -0.001f), condyle - vec3(0, 0.002f, 0)}, {0.0040f, 0.0045f}, 6, 10, 0.7f, vec3(1, 0, 0)));
        add_pair(m, half);
    }
    return m;
}

// Sacrum: horizontal sections from the base (S1 with the alae) down to the apex, each a rounded
// outline whose front and back edges may bow in the midline: the promontory stands forward of the
// alae at S1, while lower down the lateral parts (auricular surfaces) reach forward of the
// hollow of the bodies; behind, the median crest and the dorsal surface. Heights are fractions of
// base-to-apex, widths fractions of the alae, depths millimetres from the base-apex chord: the
// proportions of an adult male sacrum (Gray's Anatomy), checked against BodyParts3D.
Mesh sacrum(const Builder& b) {
    const vec3 base = b.lm("sacrum.base_centre");
    const vec3 apex = b.lm("sacrum.apex");
    const vec3 ala = b.left("sacrum.ala");
    struct Level {
        float t;                  // 0 at the base centre, 1 at the apex
        float width;              // half-width / ala.x
        float front_mid, front_lateral, back_mid, back_lateral;  // mm from the chord, + anterior
    };
    static constexpr std::array<Level, 13> kLevels = {{
        {-0.015f, 0.95f, 12, 11, -8, -2},   // top of the alae and the S1 base
        {0.05f, 0.97f, 25, 18, -24, 1},
        {0.11f, 0.98f, 40, 24, -20, 2},      // promontory
        {0.19f, 0.97f, 24, 30, -30, 4},
        {0.25f, 0.92f, 11, 32, -28, -2},
        {0.32f, 0.84f, -3, 26, -31, -5},     // lower end of the auricular surfaces
        {0.38f, 0.73f, -11, -7, -36, -23},
        {0.44f, 0.65f, -14, -10, -34, -24},
        {0.57f, 0.55f, -16, -8, -30, -17},
        {0.63f, 0.44f, -14, -7, -27, -17},
        {0.69f, 0.21f, -13, -13, -23, -29},  // below the S4 foramina the lateral parts stop
        {0.76f, 0.16f, -10, -11, -20, -21},
        {0.88f, 0.13f, -3, -4, -13, -12},
    }};
    auto field = [&](float t, auto member) {
        std::vector<float> xs, ys;
        for (const auto& l : kLevels) {
            xs.push_back(l.t);
            ys.push_back(l.*member);
        }
        return through_knots(xs, ys, t);
    };
    const float height = base.y - apex.y;
    auto chord_z = [&](float t) { return glm::mix(base.z, apex.z, t); };
    const int rings = 34, around = 32;
    // The table's values at each ring, then smoothed along the bone so that the outline has no kinks
    // at the table's levels.
    std::vector<std::array<float, 5>> at(rings);
    auto ring_t = [&](int i) { return glm::mix(kLevels.front().t, kLevels.back().t, static_cast<float>(i) / static_cast<float>(rings - 1)); };
    for (int i = 0; i < rings; ++i) {
        const float t = ring_t(i);
        at[static_cast<std::size_t>(i)] = {field(t, &Level::width), field(t, &Level::front_mid), field(t, &Level::front_lateral),
                                           field(t, &Level::back_mid), field(t, &Level::back_lateral)};
    }
    for (int pass = 0; pass < 3; ++pass) {
        const auto prev = at;
        for (std::size_t i = 1; i + 1 < at.size(); ++i)
            for (std::size_t f = 0; f < 5; ++f) at[i][f] = 0.25f * prev[i - 1][f] + 0.5f * prev[i][f] + 0.25f * prev[i + 1][f];
    }
    std::vector<Polyline> loops;
    std::vector<vec3> fib;
    for (int i = 0; i < rings; ++i) {
        const float t = ring_t(i);
        const auto& v = at[static_cast<std::size_t>(i)];
        const float w = ala.x * v[0];
        const float zc = chord_z(t);
        const float fm = zc + 0.001f * v[1], fl = zc + 0.001f * v[2];
        const float bm = zc + 0.001f * v[3], bl = zc + 0.001f * v[4];
        const float side_z = 0.5f * (fl + bl);
        Polyline loop;
        for (int k = 0; k < around; ++k) {
            const float th = 2.0f * kPi * static_cast<float>(k) / static_cast<float>(around);
            const float x = w * spow(std::cos(th), 0.7f);
            const float bow = 1.0f - (x / w) * (x / w);
            const bool front = std::sin(th) >= 0.0f;
            const float edge = front ? fl + (fm - fl) * bow : bl + (bm - bl) * bow;
            loop.push_back(vec3(x, base.y - t * height, side_z + (edge - side_z) * std::pow(std::fabs(std::sin(th)), 0.7f)));
        }
        loops.push_back(loop);
        fib.push_back(vec3(0, 1, 0));
    }
    const vec3 top(0.0f, base.y - kLevels.front().t * height + 0.003f, chord_z(kLevels.front().t) + 0.002f);
    const vec3 bottom(0.0f, apex.y, apex.z + 0.001f);
    Mesh m = tube(loops, fib, Cap::Pole, Cap::Pole, top, bottom);
    // Superior articular processes, rising behind the base to meet the inferior processes of L5.
    add_pair(m, ellipsoid(vec3(0.024f, base.y + 0.010f, base.z + 0.001f), vec3(0.008f, 0, 0), vec3(0, 0.010f, 0), vec3(0, 0, 0.006f), 6, 10));
    // Median sacral crest: the fused spinous tubercles, a low ridge down the back midline.
    {
        Polyline crest;
        for (int i = 4; i < rings - 6; i += 5) crest.push_back(loops[static_cast<std::size_t>(i)][static_cast<std::size_t>(3 * around / 4)]);
        m.append(rod(crest, {0.0035f, 0.004f, 0.0035f, 0.0025f}, 20, 8, 1.0f));
    }
    // The alae rise laterally above the level of the base.
    add_pair(m, ellipsoid(vec3(0.70f * ala.x, base.y + 0.005f, base.z + 0.001f), vec3(0.014f, 0, 0), vec3(0, 0.007f, 0), vec3(0, 0, 0.009f), 6, 10));
    return m;
}

Mesh coccyx(const Builder& b) {
    const vec3 apex = b.lm("sacrum.apex");
    const vec3 tip = b.lm("coccyx.tip");
    const vec3 mid = glm::mix(apex, tip, 0.5f) + vec3(0, 0, -0.003f);
    return rod({apex + vec3(0, 0.003f, 0), mid, tip}, {0.008f, 0.006f, 0.003f}, 12, 12, 0.6f, vec3(1, 0, 0));
}

Mesh sternum(const Builder& b) {
    const vec3 jug = b.lm("sternum.jugular_notch");
    const vec3 ang = b.lm("sternum.angle");
    const vec3 xs = b.lm("sternum.xiphisternal_joint");
    const vec3 xt = b.lm("sternum.xiphoid_tip");
    // Landmarks are on the front surface; the plate's mid-surface lies 5 mm behind.
    const vec3 back(0.0f, 0.0f, -0.005f);
    const Polyline path = catmull_rom({jug + back, ang + back, glm::mix(ang, xs, 0.5f) + back, xs + back, xt + back * 0.6f}, 24);
    auto sec = [&](int, float u) {
        Section s;
        s.a = profile({0.026f, 0.020f, 0.015f, 0.014f, 0.016f, 0.017f, 0.014f, 0.011f, 0.007f, 0.003f}, u);
        s.b = profile({0.008f, 0.007f, 0.0065f, 0.0055f, 0.0055f, 0.005f, 0.005f, 0.004f, 0.0025f, 0.0015f}, u);
        s.squareness = 2.8f;
        return s;
    };
    return sweep(path, sec, [](int, float) { return vec3(1, 0, 0); }, 20, 0.002f, 0.002f);
}

// ----- ribs -----

// Points along an elliptic quarter from p0 (where the curve runs along d0) to p1 (where it runs
// along d1); y eases between the two.
void quarter(Polyline& out, vec3 p0, vec3 p1, bool x_first, int n) {
    // x_first: the curve leaves p0 moving in x (p0 is an extreme in z), arrives at p1 moving in z.
    const vec3 c = x_first ? vec3(p0.x, 0, p1.z) : vec3(p1.x, 0, p0.z);
    const float ax = x_first ? p1.x - p0.x : p0.x - p1.x;
    const float az = x_first ? p0.z - p1.z : p1.z - p0.z;
    for (int i = 1; i <= n; ++i) {
        const float t = static_cast<float>(i) / static_cast<float>(n);
        const float th = 0.5f * kPi * t;
        vec3 p;
        if (x_first) {
            p.x = c.x + ax * std::sin(th);
            p.z = c.z + az * std::cos(th);
        } else {
            p.x = c.x + ax * std::cos(th);
            p.z = c.z + az * std::sin(th);
        }
        p.y = p0.y + (p1.y - p0.y) * (0.5f - 0.5f * std::cos(kPi * t));
        out.push_back(p);
    }
}

}  // namespace

// Shared with the muscle builder: the centre line of each left rib (head to costal end).
Polyline rib_path(const Builder& b, int n) {
    const std::string id = "rib_" + std::to_string(n);
    const vec3 head = b.left(id + ".head");
    const vec3 angle = b.left(id + ".angle");
    const vec3 lat = b.left(id + ".lateral");
    const vec3 cost = b.left(id + ".costal_end");
    const std::string vt = "vertebra_t" + std::to_string(n);
    const vec3 tp = b.left(vt + ".transverse_tip");
    // Tubercle: against the front of the transverse process, near its tip.
    vec3 tub = tp + vec3(-0.004f, -0.003f, 0.007f);
    if (n >= 11) tub = glm::mix(head, angle, 0.5f);
    Polyline pts;
    pts.push_back(head);
    pts.push_back(glm::mix(head, tub, 0.5f));
    pts.push_back(tub);
    pts.push_back(angle);
    Polyline arc;
    arc.push_back(angle);
    quarter(arc, angle, lat, true, 8);
    if (glm::distance(lat, cost) > 0.012f) quarter(arc, lat, cost, false, 8);
    else arc.push_back(cost);
    for (std::size_t i = 2; i < arc.size(); i += 2) pts.push_back(arc[i]);
    if (pts.back() != arc.back()) pts.push_back(arc.back());
    return catmull_rom(pts, 64);
}

namespace {

Mesh rib(const Builder& b, int n, Polyline& cartilage_out, const std::vector<Polyline>& cartilages) {
    const std::string id = "rib_" + std::to_string(n);
    const Polyline path = rib_path(b, n);
    const auto T = tangents(path);
    std::vector<vec3> side(path.size());
    for (std::size_t i = 0; i < path.size(); ++i) {
        const vec3 ax = b.trunk_axis(path[i].y);
        vec3 out = path[i] - ax;
        out.y = 0.0f;
        // Rib 1 lies nearly flat, its faces up and down; the others face out and in.
        side[i] = n == 1 ? vec3(0, 1, 0) : (n == 2 ? glm::normalize(glm::normalize(out) + vec3(0, 1.2f, 0)) : glm::normalize(out));
    }
    const float hgt = n == 1 ? 0.0085f : (n <= 10 ? 0.0068f : 0.0055f);
    auto sec = [&](int, float u) {
        Section s;
        const float neck = smoothstep01(u / 0.12f);
        s.a = 0.0042f - 0.0014f * neck;            // thickness (in / out)
        s.b = 0.0042f + (hgt - 0.0042f) * neck;    // height
        if (u > 0.9f) s.b *= 1.0f - 0.15f * (u - 0.9f) / 0.1f;
        return s;
    };
    Mesh m = sweep(path, sec, [&](int i, float) { return side[static_cast<std::size_t>(i)]; }, 12, 0.004f, 0.0f);

    // Costal cartilage.
    const vec3 end = path.back();
    const vec3 tend = T.back();
    Polyline cart;
    if (n <= 7) {
        const vec3 target = b.left("sternum.costal_notch_" + std::to_string(n));
        const float l = glm::distance(end, target);
        cart = hermite(end - tend * 0.004f, tend * l * 0.9f, target, vec3(-1, n >= 6 ? 0.5f : 0.0f, 0) * l * 0.6f, 16);
    } else if (n <= 10) {
        const Polyline& above = cartilages[static_cast<std::size_t>(n - 2)];
        const float frac = n == 8 ? 0.30f : (n == 9 ? 0.22f : 0.18f);
        const vec3 target = point_at(above, frac) + vec3(0, -0.002f, -0.001f);
        const float l = glm::distance(end, target);
        cart = hermite(end - tend * 0.004f, tend * l * 0.8f, target, glm::normalize(target - end + vec3(0, l * 0.8f, 0)) * l * 0.5f, 14);
    } else {
        const float l = n == 11 ? 0.018f : 0.012f;
        cart = hermite(end - tend * 0.004f, tend * l, end + tend * l, tend * l, 8);
    }
    cartilage_out = cart;
    auto csec = [&](int, float u) {
        Section s;
        s.a = 0.0036f;
        s.b = (n <= 10 ? 0.0058f : 0.0045f) * (1.0f - 0.25f * u);
        return s;
    };
    std::vector<vec3> cside(cart.size());
    for (std::size_t i = 0; i < cart.size(); ++i) {
        const vec3 ax = b.trunk_axis(cart[i].y);
        vec3 out = cart[i] - ax;
        out.y = 0.0f;
        cside[i] = glm::normalize(out);
    }
    m.append(sweep(cart, csec, [&](int i, float) { return cside[static_cast<std::size_t>(i)]; }, 10, 0.0f, 0.003f));
    return m;
}

Mesh clavicle(const Builder& b) {
    const vec3 med = b.left("clavicle.medial_end");
    const vec3 mid = b.left("clavicle.middle");
    const vec3 lat = b.left("clavicle.lateral_end");
    const vec3 c1 = glm::mix(med, mid, 0.5f) + vec3(0, 0, 0.005f);
    const vec3 c2 = glm::mix(mid, lat, 0.5f) + vec3(0, 0, -0.005f);
    Polyline path = catmull_rom({med + vec3(0.006f, 0, 0), c1, mid, c2, lat - vec3(0.006f, 0, 0)}, 30);
    auto sec = [&](int, float u) {
        Section s;
        s.a = profile({0.0085f, 0.0065f, 0.0055f, 0.0045f, 0.004f}, u);   // vertical
        s.b = profile({0.0090f, 0.0070f, 0.0065f, 0.0085f, 0.0110f}, u);  // front-back
        return s;
    };
    return sweep(path, sec, [](int, float) { return vec3(0, 1, 0); }, 14, 0.005f, 0.004f);
}

}  // namespace

namespace {
struct ScapulaFrame {
    vec3 normal;  // posterior-facing normal of the blade
    vec3 lateral_angle;
};

ScapulaFrame scapula_frame(const Builder& b) {
    const vec3 SA = b.left("scapula.superior_angle");
    const vec3 IA = b.left("scapula.inferior_angle");
    const vec3 LA = b.left("scapula.lateral_angle");
    vec3 n = glm::normalize(glm::cross(LA - IA, SA - IA));
    if (n.z > 0) n = -n;
    return {n, LA};
}
}  // namespace

vec3 scapula_normal(const Builder& b) { return scapula_frame(b).normal; }

// Point on the blade's mid-surface at (u across from the medial border, v up from the inferior angle).
vec3 scapula_blade_point(const Builder& b, float u, float v) {
    const vec3 SA = b.left("scapula.superior_angle");
    const vec3 IA = b.left("scapula.inferior_angle");
    const vec3 MB = b.left("scapula.medial_border_mid");
    const vec3 SR = b.left("scapula.spine_root");
    const vec3 LA = b.left("scapula.lateral_angle");
    const vec3 LB = b.left("scapula.lateral_border_mid");
    const vec3 CB = b.left("scapula.coracoid_base");
    static thread_local const Builder* cached = nullptr;
    static thread_local Polyline med, lat;
    if (cached != &b) {
        med = catmull_rom({IA, MB, SR, SA}, 64);
        lat = catmull_rom({IA + vec3(0.004f, 0.0f, 0.001f), LB, LA, CB}, 64);
        cached = &b;
    }
    const vec3 pm = point_at(med, v), pl = point_at(lat, v);
    const ScapulaFrame f = scapula_frame(b);
    return glm::mix(pm, pl, u) + f.normal * (0.006f * std::sin(kPi * u) * std::sin(kPi * std::min(v * 1.2f, 1.0f)));
}

namespace {

Mesh scapula(const Builder& b) {
    const ScapulaFrame f = scapula_frame(b);
    Mesh m;
    // Blade.
    const int nu = 14, nv = 28;
    std::vector<Polyline> outer(nv), inner(nv);
    std::vector<std::vector<vec3>> fib(nv, std::vector<vec3>(nu, vec3(0, 1, 0)));
    for (int i = 0; i < nv; ++i) {
        const float v = static_cast<float>(i) / (nv - 1);
        for (int j = 0; j < nu; ++j) {
            const float u = static_cast<float>(j) / (nu - 1);
            const vec3 p = scapula_blade_point(b, u, v);
            // Thick lateral border, thin fossae, rounded medial and superior borders.
            float t = 0.0016f + 0.0035f * smoothstep01((u - 0.75f) / 0.25f) * (1.0f - 0.5f * v) +
                      0.0008f * (1.0f - smoothstep01(u / 0.15f));
            t *= 0.6f + 0.4f * smoothstep01(std::min(v, 1.0f - v) / 0.08f);
            t = std::max(t, 0.0009f);
            outer[static_cast<std::size_t>(i)].push_back(p + f.normal * t);
            inner[static_cast<std::size_t>(i)].push_back(p - f.normal * t);
        }
    }
    m.append(slab(outer, inner, fib));

    // Spine of the scapula: a plate standing out of the blade, from the root to the acromion.
    const vec3 SR = b.left("scapula.spine_root");
    const vec3 SC = b.left("scapula.spine_crest");
    const vec3 AA = b.left("scapula.acromial_angle");
    const vec3 AC = b.left("scapula.acromion_tip");
    const vec3 GL = b.left("scapula.glenoid_centre");
    {
        const Polyline crest = catmull_rom({SR + f.normal * 0.002f, SC, AA}, 20);
        const int nr = static_cast<int>(crest.size());
        std::vector<Polyline> o(static_cast<std::size_t>(nr)), in(static_cast<std::size_t>(nr));
        std::vector<std::vector<vec3>> fb(static_cast<std::size_t>(nr), std::vector<vec3>(6, vec3(1, 0, 0)));
        for (int i = 0; i < nr; ++i) {
            const float s = static_cast<float>(i) / (nr - 1);
            const vec3 c = crest[static_cast<std::size_t>(i)];
            // Base: the crest point dropped onto the blade (deeper as the spine grows laterally).
            const float depth = 0.004f + 0.016f * smoothstep01(s / 0.6f);
            const vec3 base = c - f.normal * depth;
            vec3 up = glm::normalize(glm::cross(f.normal, glm::normalize(AA - SR)));
            if (up.y < 0) up = -up;
            const float t = 0.0020f + 0.0010f * s;
            for (int j = 0; j < 6; ++j) {
                const float v = static_cast<float>(j) / 5.0f;
                const vec3 p = glm::mix(base, c, v);
                // Thin plate widening into the broad crest.
                const float tt = t + 0.0028f * smoothstep01((v - 0.45f) / 0.55f) * (0.6f + 0.4f * s);
                o[static_cast<std::size_t>(i)].push_back(p + up * tt);
                in[static_cast<std::size_t>(i)].push_back(p - up * tt);
            }
        }
        m.append(slab(o, in, fb));
    }
    // Acromion: a flat process from the acromial angle forward to the tip.
    m.append(sweep(catmull_rom({AA - glm::normalize(AA - SC) * 0.008f, glm::mix(AA, AC, 0.5f) + vec3(0.004f, 0.003f, 0), AC}, 14),
                   [](int, float u) {
                       Section s;
                       s.a = 0.0040f;
                       s.b = profile({0.008f, 0.012f, 0.011f, 0.008f}, u);
                       s.squareness = 2.5f;
                       return s;
                   },
                   [](int, float) { return vec3(0, 1, 0); }, 14, 0.003f, 0.004f));
    // Glenoid: a shallow oval plate facing the humeral head, on a short neck.
    {
        const vec3 LA = f.lateral_angle;
        const vec3 gn = glm::normalize(GL - LA);
        const vec3 up = glm::normalize(vec3(0, 1, 0) - gn * gn.y);
        const vec3 fw = glm::cross(gn, up);
        m.append(ellipsoid(GL - gn * 0.004f, fw * 0.012f, up * 0.018f, gn * 0.004f, 10, 18));
        m.append(rod({LA - gn * 0.004f, GL - gn * 0.006f}, {0.009f, 0.010f}, 6, 12));
    }
    // Coracoid process: up from the neck, then forward to the tip.
    {
        const vec3 CB = b.left("scapula.coracoid_base");
        const vec3 CO = b.left("scapula.coracoid_tip");
        m.append(rod({CB, CB + vec3(0.003f, 0.016f, 0.014f), CO - glm::normalize(CO - CB) * 0.003f}, {0.007f, 0.006f, 0.0045f}, 16, 10));
    }
    return m;
}

// A thick cup: the profile (outer arc from the floor to the rim, a rounded lip, inner arc back)
// turned round `axis`, which points out of the socket. Angles are measured from the axis' far end.
Mesh socket(vec3 centre, vec3 axis, float inner_r, float outer_r, float rim_angle) {
    const vec3 e1 = glm::normalize(glm::cross(axis, std::fabs(axis.z) < 0.9f ? vec3(0, 0, 1) : vec3(1, 0, 0)));
    const vec3 e2 = glm::cross(axis, e1);
    auto at = [&](float r, float polar, float az) {
        // polar 0 at the floor (-axis), rim_angle at the lip.
        const float s = std::sin(polar), c = std::cos(polar);
        return centre - axis * (r * c) + (e1 * std::cos(az) + e2 * std::sin(az)) * (r * s);
    };
    const int steps = 8, around = 28;
    std::vector<std::pair<float, float>> profile_pts;  // (radius, polar)
    for (int i = 1; i <= steps; ++i) profile_pts.push_back({outer_r, rim_angle * static_cast<float>(i) / steps});
    profile_pts.push_back({0.5f * (inner_r + outer_r), rim_angle + 0.12f});  // the lip (labrum's bony rim)
    for (int i = steps; i >= 1; --i) profile_pts.push_back({inner_r, rim_angle * static_cast<float>(i) / steps});
    std::vector<Polyline> rings;
    std::vector<vec3> fib;
    for (const auto& [r, polar] : profile_pts) {
        Polyline ring;
        for (int k = 0; k < around; ++k) ring.push_back(at(r, polar, 2.0f * kPi * static_cast<float>(k) / around));
        rings.push_back(ring);
        fib.push_back(vec3(0, 1, 0));
    }
    return tube(rings, fib, Cap::Pole, Cap::Pole, centre - axis * outer_r, centre - axis * inner_r);
}

// Lower edge of the iliac wing (PIIS, sciatic notch, acetabular roof, AIIS), sampled like the crest.
Polyline iliac_wing_lower(const Builder& b) {
    const vec3 roof = b.left("hip_bone.acetabulum_centre") + vec3(0.0f, 0.030f, 0.0f);  // the acetabular roof, above the femoral head
    return catmull_rom({b.left("hip_bone.piis"), b.left("hip_bone.greater_sciatic_notch") + vec3(0.004f, 0.0f, 0.006f),
                        roof + vec3(-0.004f, 0.0f, -0.012f), roof + vec3(0.004f, 0.0f, 0.012f), b.left("hip_bone.aiis")},
                       kIliacCrestSamples);
}

}  // namespace

IliacCrest iliac_crest(const Builder& b) {
    const vec3 CT = b.left("hip_bone.iliac_crest_top"), IT = b.left("hip_bone.iliac_tubercle");
    const vec3 ASIS = b.left("hip_bone.asis"), PSIS = b.left("hip_bone.psis");
    IliacCrest c;
    // The crest arches over the iliac tubercle, which bulges from its outer lip lower down.
    c.line = catmull_rom({PSIS, glm::mix(PSIS, CT, 0.5f) + vec3(-0.006f, 0.010f, 0.004f), CT, IT + vec3(-0.008f, 0.023f, -0.001f),
                          glm::mix(IT, ASIS, 0.5f) + vec3(-0.008f, 0.012f, 0.0f), ASIS},
                         kIliacCrestSamples);
    const Polyline lower = iliac_wing_lower(b);
    const int n = static_cast<int>(c.line.size());
    for (int i = 0; i < n; ++i) {
        // Outward (gluteal side): across the wing from the crest down to its lower edge, lateral.
        const vec3 along = c.line[static_cast<std::size_t>(std::min(i + 1, n - 1))] - c.line[static_cast<std::size_t>(std::max(i - 1, 0))];
        vec3 outw = glm::normalize(glm::cross(along, c.line[static_cast<std::size_t>(i)] - lower[static_cast<std::size_t>(i)]));
        if (outw.x < 0) outw = -outw;
        c.outward.push_back(outw);
    }
    return c;
}

namespace {

// Hip bone: the iliac wing between the crest and the line of the sciatic notch, acetabular roof
// and anterior inferior spine; the acetabulum facing out, a little down and forward; the ischium
// behind and below it with the spine and tuberosity; the pubis with its superior and inferior rami
// round the obturator foramen; the pelvic brim.
Mesh hip_bone(const Builder& b) {
    const vec3 IT = b.left("hip_bone.iliac_tubercle");
    const vec3 IS = b.left("hip_bone.ischial_tuberosity");
    const vec3 PS = b.left("hip_bone.pubic_symphysis");
    const vec3 PT = b.left("hip_bone.pubic_tubercle");
    const vec3 AC = b.left("hip_bone.acetabulum_centre");
    const vec3 SN = b.left("hip_bone.greater_sciatic_notch");
    const vec3 ISP = b.left("hip_bone.ischial_spine");
    const vec3 SI = b.left("hip_bone.sacroiliac_anterior");
    const vec3 IPE = b.left("hip_bone.iliopubic_eminence");
    Mesh m;
    // Iliac wing: lofted between the crest and the lower line (PIIS, sciatic notch, acetabular roof, AIIS).
    const IliacCrest crest = iliac_crest(b);
    const Polyline lower = iliac_wing_lower(b);
    const int nu = kIliacCrestSamples, nv = 12;
    std::vector<Polyline> outer(nu), inner(nu);
    std::vector<std::vector<vec3>> fib(nu, std::vector<vec3>(nv, vec3(0, 1, 0)));
    for (int i = 0; i < nu; ++i) {
        const float u = static_cast<float>(i) / (nu - 1);
        const vec3 c = crest.line[static_cast<std::size_t>(i)], d = lower[static_cast<std::size_t>(i)];
        const vec3 outw = crest.outward[static_cast<std::size_t>(i)];
        for (int j = 0; j < nv; ++j) {
            const float v = static_cast<float>(j) / (nv - 1);
            // The wing is hollow on the inside (iliac fossa) and bulges outward.
            vec3 p = glm::mix(c, d, v) + outw * (-0.004f * std::sin(kPi * v) * std::sin(kPi * std::clamp(u * 1.3f, 0.0f, 1.0f)));
            float t = kIliacWingHalfThickness + (kIliacCrestHalfWidth - kIliacWingHalfThickness) * (1.0f - smoothstep01(v / 0.18f));  // crest rim
            t += 0.008f * smoothstep01((v - 0.55f) / 0.45f);                         // body above the acetabulum
            // The thick posterior part behind the iliac fossa, thinning again down to the notch.
            t += 0.010f * (1.0f - smoothstep01(u / 0.3f)) * smoothstep01(v / 0.3f) * (1.0f - smoothstep01((v - 0.5f) / 0.4f));
            outer[static_cast<std::size_t>(i)].push_back(p + outw * t);
            inner[static_cast<std::size_t>(i)].push_back(p - outw * t);
        }
    }
    m.append(slab(outer, inner, fib));
    m.append(ellipsoid(IT - vec3(0.006f, 0.0f, 0.0f), vec3(0.007f, 0, 0), vec3(0, 0.010f, 0), vec3(0, 0, 0.014f), 8, 12));
    // Acetabulum: a cup round the femoral head, facing out, a little down and forward.
    const vec3 open = glm::normalize(vec3(0.82f, -0.48f, 0.32f));
    m.append(socket(AC, open, 0.0265f, 0.0320f, 1.35f));
    // Posterior column: from the sciatic notch down behind the acetabulum to the ischium, with the
    // ischial spine standing out of its back edge.
    const vec3 isc_top = AC + vec3(-0.020f, -0.020f, -0.030f);
    m.append(rod({SN + vec3(0.008f, -0.010f, 0.010f), glm::mix(SN, ISP, 0.5f) + vec3(0.012f, 0.0f, 0.008f), isc_top, IS + vec3(0.004f, 0.012f, 0.004f)},
                 {0.010f, 0.011f, 0.011f, 0.011f}, 16, 12));
    m.append(ellipsoid(IS + vec3(0.009f, 0.016f, -0.005f), vec3(0.014f, 0, 0), vec3(0, 0.018f, 0), vec3(0, 0, 0.016f)));  // tuberosity
    m.append(rod({glm::mix(isc_top, ISP, 0.4f), ISP}, {0.007f, 0.003f}, 8, 10));
    // Pubis: its body beside the symphysis (the symphyseal face runs down and back), the superior
    // ramus from the acetabulum to the pubic tubercle, the inferior ramus down to the ischium.
    const vec3 pub_body = PS + vec3(0.011f, -0.012f, -0.005f);
    const vec3 symphysis_dir = glm::normalize(vec3(0.0f, -0.83f, -0.56f));
    m.append(ellipsoid(pub_body, vec3(0.008f, 0, 0), symphysis_dir * 0.022f, glm::normalize(glm::cross(vec3(1, 0, 0), symphysis_dir)) * 0.009f));
    // The superior ramus runs behind the line from the eminence to the tubercle, which stands forward.
    const vec3 ramus_mid = glm::mix(IPE, PT, 0.5f) + vec3(0.0f, 0.0f, -0.012f);
    m.append(rod({AC + open * -0.010f + vec3(0.0f, -0.004f, 0.024f), IPE, ramus_mid, PT + vec3(0.002f, -0.004f, -0.010f)},
                 {0.011f, 0.009f, 0.008f, 0.007f}, 16, 12));
    m.append(rod({pub_body + symphysis_dir * 0.016f, glm::mix(pub_body, IS, 0.5f) + vec3(0.004f, 0.004f, 0.0f), IS + vec3(0.002f, 0.008f, 0.006f)},
                 {0.0065f, 0.006f, 0.008f}, 16, 10));
    // Quadrilateral plate: the flat pelvic surface medial to the acetabulum, from the arcuate line
    // down to the obturator foramen, its back edge along the front of the greater sciatic notch.
    {
        const Polyline brim = catmull_rom({SI + vec3(0.002f, -0.004f, 0.008f), glm::mix(SI, IPE, 0.5f) + vec3(0.004f, -0.004f, 0.0f), IPE + vec3(-0.004f, -0.006f, -0.008f)}, 10);
        const Polyline floor = catmull_rom({ISP + vec3(0.006f, 0.010f, 0.016f), AC + vec3(-0.024f, -0.024f, 0.0f), IPE + vec3(-0.006f, -0.016f, -0.010f)}, 10);
        m.append(plate_between(brim, floor, 6, vec3(1, 0, 0), [](float, float) { return 0.0035f; }));
    }
    // Pelvic brim: the arcuate line of the ilium into the pecten of the pubis.
    m.append(rod({SI, glm::mix(SI, IPE, 0.5f) + vec3(0.006f, 0.0f, 0.0f), IPE, ramus_mid + vec3(0, 0.004f, 0), PT},
                 {0.005f, 0.006f, 0.0065f, 0.006f, 0.005f}, 24, 10));
    return m;
}

}  // namespace

void build_skeleton(Builder& b) {
    b.add_bone("skull", skull(b), false);
    b.add_bone("vertebra_c1", atlas(b), false);
    for (int i = 2; i <= 7; ++i) {
        Mesh v = vertebra(b, "vertebra_c" + std::to_string(i), Region::Cervical, i);
        if (i == 2) {
            // Dens of the axis, up into the ring of the atlas.
            const vec3 top = b.lm("vertebra_c2.body_top");
            const vec3 A = b.lm("vertebra_c1.body_anterior");
            v.append(rod({top - vec3(0, 0.004f, 0), vec3(0, A.y + 0.006f, A.z - 0.013f)}, {0.0055f, 0.0045f}, 8, 12));
        }
        b.add_bone("vertebra_c" + std::to_string(i), std::move(v), false);
    }
    for (int i = 1; i <= 12; ++i) b.add_bone("vertebra_t" + std::to_string(i), vertebra(b, "vertebra_t" + std::to_string(i), Region::Thoracic, i), false);
    for (int i = 1; i <= 5; ++i) b.add_bone("vertebra_l" + std::to_string(i), vertebra(b, "vertebra_l" + std::to_string(i), Region::Lumbar, i), false);
    b.add_bone("sacrum", sacrum(b), false);
    b.add_bone("coccyx", coccyx(b), false);
    b.add_bone("sternum", sternum(b), false);
    b.add_bone("hip_bone", hip_bone(b), true);
    std::vector<Polyline> cart(12);
    for (int n = 1; n <= 12; ++n) {
        Mesh r = rib(b, n, cart[static_cast<std::size_t>(n - 1)], cart);
        b.rib_lines[static_cast<std::size_t>(n)] = rib_path(b, n);
        b.cartilage_lines[static_cast<std::size_t>(n)] = cart[static_cast<std::size_t>(n - 1)];
        b.add_bone("rib_" + std::to_string(n), std::move(r), true);
    }
    b.add_bone("clavicle", clavicle(b), true);
    b.add_bone("scapula", scapula(b), true);
    build_limb_bones(b);
}

}  // namespace dorsal::modelgen
