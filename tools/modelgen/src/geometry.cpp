#include "geometry.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>

namespace dorsal::modelgen {

float length(const Polyline& line) {
    float l = 0.0f;
    for (std::size_t i = 1; i < line.size(); ++i) l += glm::distance(line[i - 1], line[i]);
    return l;
}

Polyline resample(const Polyline& line, int n) {
    Polyline out;
    if (line.empty() || n <= 0) return out;
    if (line.size() == 1 || n == 1) {
        out.assign(static_cast<std::size_t>(n), line.front());
        return out;
    }
    std::vector<float> cum(line.size(), 0.0f);
    for (std::size_t i = 1; i < line.size(); ++i) cum[i] = cum[i - 1] + glm::distance(line[i - 1], line[i]);
    const float total = cum.back();
    out.reserve(static_cast<std::size_t>(n));
    std::size_t seg = 1;
    for (int k = 0; k < n; ++k) {
        const float s = total * static_cast<float>(k) / static_cast<float>(n - 1);
        while (seg + 1 < line.size() && cum[seg] < s) ++seg;
        const float l0 = cum[seg - 1], l1 = cum[seg];
        const float t = l1 > l0 ? std::clamp((s - l0) / (l1 - l0), 0.0f, 1.0f) : 0.0f;
        out.push_back(glm::mix(line[seg - 1], line[seg], t));
    }
    out.front() = line.front();
    out.back() = line.back();
    return out;
}

Polyline catmull_rom(const Polyline& control, int n) {
    if (control.size() < 2) return resample(control, n);
    std::vector<glm::vec3> p;
    p.reserve(control.size() + 2);
    p.push_back(2.0f * control[0] - control[1]);
    for (const auto& c : control) p.push_back(c);
    p.push_back(2.0f * control.back() - control[control.size() - 2]);
    Polyline dense;
    const int per = 24;
    for (std::size_t s = 1; s + 2 < p.size(); ++s) {
        const glm::vec3 P0 = p[s - 1], P1 = p[s], P2 = p[s + 1], P3 = p[s + 2];
        auto knot = [](glm::vec3 a, glm::vec3 b) { return std::max(std::sqrt(glm::distance(a, b)), 1e-4f); };
        const float t0 = 0.0f, t1 = t0 + knot(P0, P1), t2 = t1 + knot(P1, P2), t3 = t2 + knot(P2, P3);
        for (int k = (s == 1 ? 0 : 1); k <= per; ++k) {
            const float t = t1 + (t2 - t1) * static_cast<float>(k) / per;
            const glm::vec3 A1 = ((t1 - t) * P0 + (t - t0) * P1) / (t1 - t0);
            const glm::vec3 A2 = ((t2 - t) * P1 + (t - t1) * P2) / (t2 - t1);
            const glm::vec3 A3 = ((t3 - t) * P2 + (t - t2) * P3) / (t3 - t2);
            const glm::vec3 B1 = ((t2 - t) * A1 + (t - t0) * A2) / (t2 - t0);
            const glm::vec3 B2 = ((t3 - t) * A2 + (t - t1) * A3) / (t3 - t1);
            dense.push_back(((t2 - t) * B1 + (t - t1) * B2) / (t2 - t1));
        }
    }
    return resample(dense, n);
}

Polyline hermite(glm::vec3 p0, glm::vec3 t0, glm::vec3 p1, glm::vec3 t1, int n) {
    Polyline out;
    for (int k = 0; k < n; ++k) {
        const float s = n > 1 ? static_cast<float>(k) / static_cast<float>(n - 1) : 0.0f;
        const float s2 = s * s, s3 = s2 * s;
        out.push_back((2 * s3 - 3 * s2 + 1) * p0 + (s3 - 2 * s2 + s) * t0 + (-2 * s3 + 3 * s2) * p1 +
                      (s3 - s2) * t1);
    }
    return out;
}

std::vector<glm::vec3> tangents(const Polyline& line) {
    std::vector<glm::vec3> t(line.size(), glm::vec3(0, 1, 0));
    for (std::size_t i = 0; i < line.size(); ++i) {
        const std::size_t a = i == 0 ? 0 : i - 1;
        const std::size_t b = std::min(i + 1, line.size() - 1);
        const glm::vec3 d = line[b] - line[a];
        const float l = glm::length(d);
        if (l > 1e-9f) t[i] = d / l;
        else if (i > 0) t[i] = t[i - 1];
    }
    return t;
}

glm::vec3 point_at(const Polyline& line, float t) {
    if (line.empty()) return glm::vec3(0.0f);
    const float total = length(line);
    float target = std::clamp(t, 0.0f, 1.0f) * total;
    for (std::size_t i = 1; i < line.size(); ++i) {
        const float l = glm::distance(line[i - 1], line[i]);
        if (target <= l && l > 0.0f) return glm::mix(line[i - 1], line[i], target / l);
        target -= l;
    }
    return line.back();
}

Mesh tube(const std::vector<Polyline>& rings, const std::vector<glm::vec3>& ring_fibres, Cap start, Cap end,
          glm::vec3 start_pole, glm::vec3 end_pole) {
    Mesh m;
    if (rings.size() < 2) return m;
    const std::size_t M = rings.front().size();
    const std::size_t R = rings.size();
    // Stripe coordinate: the fraction of the way round each ring (by length) times the mean ring
    // length, so that stripes follow the rings' vertices from end to end, as the fibres do, and
    // keep their number where the muscle narrows. The seam at k = 0 is left to the renderer's fade.
    std::vector<std::vector<float>> along_ring(R, std::vector<float>(M + 1, 0.0f));
    double mean_length = 0.0;
    for (std::size_t r = 0; r < R; ++r) {
        for (std::size_t k = 0; k < M; ++k) along_ring[r][k + 1] = along_ring[r][k] + glm::distance(rings[r][k], rings[r][(k + 1) % M]);
        mean_length += along_ring[r][M] / static_cast<double>(R);
    }
    for (std::size_t r = 0; r < R; ++r) {
        for (std::size_t k = 0; k < M; ++k) {
            m.positions.push_back(rings[r][k]);
            m.fibres.push_back(ring_fibres[r]);
            const float length = along_ring[r][M];
            m.stripes.push_back(length > 0.0f ? static_cast<float>(along_ring[r][k] / length * mean_length) : 0.0f);
        }
    }
    auto at = [M](std::size_t r, std::size_t k) { return static_cast<std::uint32_t>(r * M + (k % M)); };
    auto tri = [&m](std::uint32_t a, std::uint32_t b, std::uint32_t c) {
        m.indices.push_back(a);
        m.indices.push_back(b);
        m.indices.push_back(c);
    };
    for (std::size_t r = 0; r + 1 < R; ++r) {
        for (std::size_t k = 0; k < M; ++k) {
            const auto a = at(r, k), b = at(r, k + 1), c = at(r + 1, k + 1), d = at(r + 1, k);
            // Split each quad along its shorter diagonal.
            const float dac = glm::distance(m.positions[a], m.positions[c]);
            const float dbd = glm::distance(m.positions[b], m.positions[d]);
            if (dac <= dbd) {
                tri(a, b, c);
                tri(a, c, d);
            } else {
                tri(a, b, d);
                tri(b, c, d);
            }
        }
    }
    const std::size_t n = M / 2;
    auto cap = [&](std::size_t r, bool is_start, Cap kind, glm::vec3 pole) {
        if (kind == Cap::Pole) {
            const auto p = static_cast<std::uint32_t>(m.positions.size());
            m.positions.push_back(pole);
            m.fibres.push_back(ring_fibres[r]);
            m.stripes.push_back(0.0f);
            for (std::size_t k = 0; k < M; ++k) {
                if (is_start)
                    tri(p, at(r, k + 1), at(r, k));
                else
                    tri(p, at(r, k), at(r, k + 1));
            }
            return;
        }
        for (std::size_t k = 0; k + 1 < n; ++k) {
            const auto a = at(r, k), b = at(r, k + 1), c = at(r, M - 2 - k), d = at(r, M - 1 - k);
            if (is_start) {
                tri(b, a, d);
                tri(b, d, c);
            } else {
                tri(a, b, c);
                tri(a, c, d);
            }
        }
    };
    cap(0, true, start, start_pole);
    cap(R - 1, false, end, end_pole);
    if (m.signed_volume() < 0.0) m.flip_winding();
    m.compute_normals();
    m.normalise_fibres();
    return m;
}

namespace {

glm::vec3 any_perpendicular(glm::vec3 t) {
    const glm::vec3 a = std::fabs(t.y) < 0.9f ? glm::vec3(0, 1, 0) : glm::vec3(1, 0, 0);
    return glm::normalize(glm::cross(t, a));
}

float sgn_pow(float v, float e) { return std::copysign(std::pow(std::fabs(v), e), v); }

}  // namespace

Mesh sweep(const Polyline& path, const std::function<Section(int i, float u)>& section,
           const std::function<glm::vec3(int i, float u)>& side, int ring_points, float pole_start,
           float pole_end) {
    const auto T = tangents(path);
    std::vector<Polyline> rings;
    std::vector<glm::vec3> fib;
    const int n = static_cast<int>(path.size());
    glm::vec3 prev_side(0.0f);
    for (int i = 0; i < n; ++i) {
        const float u = n > 1 ? static_cast<float>(i) / static_cast<float>(n - 1) : 0.0f;
        glm::vec3 s = side(i, u);
        s = s - T[i] * glm::dot(s, T[i]);
        if (glm::length(s) < 1e-6f) s = i > 0 ? prev_side : any_perpendicular(T[i]);
        s = glm::normalize(s);
        prev_side = s;
        const glm::vec3 o = glm::normalize(glm::cross(T[i], s));
        const Section sec = section(i, u);
        Polyline ring;
        for (int k = 0; k < ring_points; ++k) {
            const float th = 2.0f * static_cast<float>(M_PI) * (static_cast<float>(k) + 0.5f) / ring_points;
            const float e = 2.0f / sec.squareness;
            const float ca = sgn_pow(std::cos(th), e), sa = sgn_pow(std::sin(th), e);
            ring.push_back(path[i] + s * (sec.a * ca) + o * (sec.b * sa));
        }
        rings.push_back(std::move(ring));
        fib.push_back(T[i]);
    }
    return tube(rings, fib, pole_start > 0.0f ? Cap::Pole : Cap::Flat, pole_end > 0.0f ? Cap::Pole : Cap::Flat,
                path.front() - T.front() * pole_start, path.back() + T.back() * pole_end);
}

std::vector<glm::vec3> transported_sides(const Polyline& path, glm::vec3 hint) {
    const auto T = tangents(path);
    std::vector<glm::vec3> s(path.size());
    if (path.empty()) return s;
    glm::vec3 cur = hint - T[0] * glm::dot(hint, T[0]);
    if (glm::length(cur) < 1e-6f) cur = any_perpendicular(T[0]);
    cur = glm::normalize(cur);
    for (std::size_t i = 0; i < path.size(); ++i) {
        glm::vec3 v = cur - T[i] * glm::dot(cur, T[i]);
        if (glm::length(v) < 1e-6f) v = any_perpendicular(T[i]);
        cur = glm::normalize(v);
        s[i] = cur;
    }
    return s;
}

Mesh loop_tube(const Polyline& path, float r, int ring_points) {
    const std::size_t n = path.size();
    Mesh m;
    if (n < 3) return m;
    std::vector<glm::vec3> T(n);
    for (std::size_t i = 0; i < n; ++i) T[i] = glm::normalize(path[(i + 1) % n] - path[(i + n - 1) % n]);
    // Side: towards the loop centre, made perpendicular to the tangent.
    glm::vec3 c(0.0f);
    for (const auto& p : path) c += p;
    c /= static_cast<float>(n);
    const auto M = static_cast<std::size_t>(ring_points);
    for (std::size_t i = 0; i < n; ++i) {
        glm::vec3 s = c - path[i];
        s = glm::normalize(s - T[i] * glm::dot(s, T[i]));
        const glm::vec3 o = glm::cross(T[i], s);
        for (std::size_t k = 0; k < M; ++k) {
            const float th = 2.0f * static_cast<float>(M_PI) * static_cast<float>(k) / static_cast<float>(M);
            m.positions.push_back(path[i] + (s * std::cos(th) + o * std::sin(th)) * r);
            m.fibres.push_back(T[i]);
        }
    }
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t j = (i + 1) % n;
        for (std::size_t k = 0; k < M; ++k) {
            const auto a = static_cast<std::uint32_t>(i * M + k), b = static_cast<std::uint32_t>(i * M + (k + 1) % M);
            const auto cc = static_cast<std::uint32_t>(j * M + (k + 1) % M), d = static_cast<std::uint32_t>(j * M + k);
            m.indices.insert(m.indices.end(), {a, b, cc, a, cc, d});
        }
    }
    if (m.signed_volume() < 0.0) m.flip_winding();
    m.compute_normals();
    m.normalise_fibres();
    return m;
}

Mesh ellipsoid(glm::vec3 c, glm::vec3 ax, glm::vec3 ay, glm::vec3 az, int rings, int segments) {
    // Rings along the az axis, poles at +-az.
    std::vector<Polyline> rr;
    std::vector<glm::vec3> fib;
    for (int r = 1; r < rings; ++r) {
        const float phi = static_cast<float>(M_PI) * static_cast<float>(r) / static_cast<float>(rings);
        const float z = -std::cos(phi), rad = std::sin(phi);
        Polyline ring;
        for (int k = 0; k < segments; ++k) {
            const float th = 2.0f * static_cast<float>(M_PI) * static_cast<float>(k) / segments;
            ring.push_back(c + az * z + (ax * std::cos(th) + ay * std::sin(th)) * rad);
        }
        rr.push_back(std::move(ring));
        fib.push_back(glm::normalize(az));
    }
    return tube(rr, fib, Cap::Pole, Cap::Pole, c - az, c + az);
}

Mesh slab(const std::vector<Polyline>& outer, const std::vector<Polyline>& inner,
          const std::vector<std::vector<glm::vec3>>& fibres) {
    std::vector<Polyline> rings;
    std::vector<glm::vec3> fib;
    Mesh m;
    const std::size_t nu = outer.size();
    if (nu < 2) return m;
    const std::size_t nv = outer.front().size();
    // Ring i: outer row left to right, then inner row right to left.
    for (std::size_t i = 0; i < nu; ++i) {
        Polyline ring;
        for (std::size_t j = 0; j < nv; ++j) ring.push_back(outer[i][j]);
        for (std::size_t j = nv; j-- > 0;) ring.push_back(inner[i][j]);
        rings.push_back(std::move(ring));
        fib.push_back(fibres[i][nv / 2]);
    }
    m = tube(rings, fib, Cap::Flat, Cap::Flat);
    // Per-vertex fibres (tube() gave one per ring).
    for (std::size_t i = 0; i < nu; ++i) {
        for (std::size_t j = 0; j < nv; ++j) {
            m.fibres[i * 2 * nv + j] = fibres[i][j];
            m.fibres[i * 2 * nv + (2 * nv - 1 - j)] = fibres[i][j];
        }
    }
    m.normalise_fibres();
    return m;
}

}  // namespace dorsal::modelgen
