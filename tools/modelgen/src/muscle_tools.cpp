#include "muscle_tools.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <utility>

namespace dorsal::modelgen {

using glm::vec2;
using glm::vec3;

namespace {

// n points on the Catmull-Rom curve through c, evenly spaced in the index of c (so that point
// j * (c.size() - 1) / (n - 1) is c[j] itself when that is whole).
Polyline by_index(const Polyline& c, int n) {
    const std::size_t m = c.size();
    auto at = [&](std::ptrdiff_t i) {
        if (i < 0) return 2.0f * c[0] - c[1];
        if (i >= static_cast<std::ptrdiff_t>(m)) return 2.0f * c[m - 1] - c[m - 2];
        return c[static_cast<std::size_t>(i)];
    };
    Polyline out;
    for (int j = 0; j < n; ++j) {
        const float s = static_cast<float>(j) * static_cast<float>(m - 1) / static_cast<float>(n - 1);
        const auto i = std::min(static_cast<std::ptrdiff_t>(s), static_cast<std::ptrdiff_t>(m) - 2);
        const float t = s - static_cast<float>(i), t2 = t * t, t3 = t2 * t;
        const vec3 p0 = at(i - 1), p1 = at(i), p2 = at(i + 1), p3 = at(i + 2);
        out.push_back(0.5f * (2.0f * p1 + (p2 - p0) * t + (2.0f * p0 - 5.0f * p1 + 4.0f * p2 - p3) * t2 + (3.0f * p1 - p0 - 3.0f * p2 + p3) * t3));
    }
    return out;
}

}  // namespace

std::vector<Polyline> sheet_surface(const std::vector<Polyline>& fibres, int nu, int nv, const std::function<float(float)>& u_warp, bool across_by_fibre) {
    const std::size_t K = fibres.front().size();
    // Cross curves through the k-th control point of every fibre.
    std::vector<Polyline> cross(K);
    for (std::size_t k = 0; k < K; ++k) {
        Polyline c;
        for (const auto& f : fibres) c.push_back(f[k]);
        cross[k] = across_by_fibre ? by_index(c, nv) : catmull_rom(c, nv);
    }
    std::vector<Polyline> rows(static_cast<std::size_t>(nu), Polyline(static_cast<std::size_t>(nv)));
    for (int j = 0; j < nv; ++j) {
        Polyline ctrl;
        for (std::size_t k = 0; k < K; ++k) ctrl.push_back(cross[k][static_cast<std::size_t>(j)]);
        if (u_warp) {
            const Polyline dense = catmull_rom(ctrl, nu * 6);
            for (int i = 0; i < nu; ++i)
                rows[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] =
                    point_at(dense, u_warp(static_cast<float>(i) / static_cast<float>(nu - 1)));
        } else {
            const Polyline f = catmull_rom(ctrl, nu);
            for (int i = 0; i < nu; ++i) rows[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] = f[static_cast<std::size_t>(i)];
        }
    }
    return rows;
}

namespace {

// The deep and outer faces of a sheet and its fibre directions, rows along u, columns across v.
struct SheetGrids {
    std::vector<Polyline> outer, deep;
    std::vector<std::vector<vec3>> fib;
};

SheetGrids sheet_grids(Builder& b, const std::vector<Polyline>& fibres, const SheetOptions& o) {
    const int nu = o.nu, nv = o.nv;
    const auto S = sheet_surface(fibres, nu, nv, o.u_warp, o.across_by_fibre);
    auto at = [&](const std::vector<Polyline>& g, int i, int j) -> vec3 {
        return g[static_cast<std::size_t>(std::clamp(i, 0, nu - 1))][static_cast<std::size_t>(std::clamp(j, 0, nv - 1))];
    };
    // Normals: oriented outward at the origin of each fibre, then kept continuous along the fibre
    // (a sheet that twists, like the latissimus tendon, keeps its faces).
    std::vector<std::vector<vec3>> N(static_cast<std::size_t>(nu), std::vector<vec3>(static_cast<std::size_t>(nv)));
    for (int j = 0; j < nv; ++j) {
        vec3 prev(0.0f);
        for (int i = 0; i < nu; ++i) {
            vec3 du = at(S, i + 1, j) - at(S, i - 1, j);
            vec3 dv = at(S, i, j + 1) - at(S, i, j - 1);
            // Where the fibres converge (dv tiny), borrow the across direction from upstream.
            for (int back = 1; glm::length(dv) < 0.15f * glm::length(du) && back < nu; ++back)
                dv = at(S, i - back, j + 1) - at(S, i - back, j - 1);
            vec3 n = glm::cross(du, dv);
            const vec3 p = at(S, i, j);
            if (glm::length(n) < 1e-12f) n = i > 0 ? prev : o.outward(p);
            n = glm::normalize(n);
            if (i == 0 ? glm::dot(n, o.outward(p)) < 0.0f : glm::dot(n, prev) < 0.0f) n = -n;
            N[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] = n;
            prev = n;
        }
    }
    // Fibres whose origin normal disagrees with the majority are flipped (consistent faces across v).
    {
        int agree = 0;
        for (int j = 0; j < nv; ++j)
            for (int i = 0; i < nu; ++i)
                agree += glm::dot(N[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)], o.outward(at(S, i, j))) > 0.0f ? 1 : -1;
        (void)agree;
        for (int j = 1; j < nv; ++j) {
            float d = 0.0f;
            for (int i = 0; i < nu; ++i)
                d += glm::dot(N[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)], N[static_cast<std::size_t>(i)][static_cast<std::size_t>(j - 1)]);
            if (d < 0.0f)
                for (int i = 0; i < nu; ++i) N[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] = -N[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
        }
    }
    // Lift: how far along the normal the deep face must sit.
    std::vector<float> lift(static_cast<std::size_t>(nu * nv), 0.0f), need(static_cast<std::size_t>(nu * nv), -1e9f);
    auto id = [nv](int i, int j) { return static_cast<std::size_t>(i * nv + j); };
    std::vector<char> pinned(static_cast<std::size_t>(nu * nv), 0);
    if (o.drape) {
        const float step = 0.0005f;
        for (int i = 0; i < nu; ++i)
            for (int j = 0; j < nv; ++j) {
                const vec3 p = at(S, i, j), n = N[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
                const bool pin = (i == 0 && o.pin_origin) || (i == nu - 1 && o.pin_insertion);
                const float u = static_cast<float>(i) / static_cast<float>(nu - 1);
                if (!pin && u > o.drape_until) {
                    need[id(i, j)] = 0.0f;  // free: stays where designed
                    pinned[id(i, j)] = 1;
                    continue;
                }
                // Only drape where this face looks outward (not on the far side of a twist).
                if (!pin && glm::dot(n, o.outward(p)) < 0.2f) continue;
                if (pin) {
                    // Attachment rows sit on the bone surface: out of the bone if the design point is
                    // inside it (the shorter way), down onto it if the bone lies just beneath.
                    if (b.grid.occupied(p, kBone)) {
                        for (float s = step; s <= 0.02f; s += step) {
                            if (!b.grid.occupied(p + n * s, kBone)) {
                                need[id(i, j)] = s + o.gap;
                                break;
                            }
                            if (!b.grid.occupied(p - n * s, kBone)) {
                                need[id(i, j)] = -s - o.gap;
                                break;
                            }
                        }
                    } else {
                        for (float s = step; s <= o.reach_in; s += step)
                            if (b.grid.occupied(p - n * s, kBone)) {
                                need[id(i, j)] = -s + step + o.gap;
                                break;
                            }
                    }
                } else {
                    for (float s = o.reach_out; s >= -o.reach_in; s -= step) {
                        if (b.grid.occupied(p + n * s, o.mask)) {
                            need[id(i, j)] = s + step + o.gap;
                            break;
                        }
                    }
                }
                lift[id(i, j)] = need[id(i, j)] > -1e8f ? need[id(i, j)] : 0.0f;
                if (pin) pinned[id(i, j)] = 1;
            }
        // Free samples take the average of their constrained neighbours, then everything is
        // smoothed while never dropping below what it needs.
        for (int it = 0; it < o.smooth; ++it) {
            std::vector<float> next = lift;
            for (int i = 0; i < nu; ++i)
                for (int j = 0; j < nv; ++j) {
                    float sum = 0.0f;
                    int cnt = 0;
                    for (int di = -1; di <= 1; ++di)
                        for (int dj = -1; dj <= 1; ++dj) {
                            const int a = i + di, c = j + dj;
                            if (a < 0 || c < 0 || a >= nu || c >= nv) continue;
                            sum += lift[id(a, c)];
                            ++cnt;
                        }
                    next[id(i, j)] = pinned[id(i, j)] ? lift[id(i, j)] : std::max(sum / static_cast<float>(cnt), need[id(i, j)]);
                }
            lift.swap(next);
        }
    }
    // Fade the lift out towards the free part.
    if (o.drape_until < 1.0f)
        for (int i = 0; i < nu; ++i) {
            const float u = static_cast<float>(i) / static_cast<float>(nu - 1);
            const float fade = 1.0f - smoothstep01((u - (o.drape_until - 0.15f)) / 0.15f);
            for (int j = 0; j < nv; ++j) lift[id(i, j)] *= fade;
        }
    std::vector<Polyline> deep(static_cast<std::size_t>(nu), Polyline(static_cast<std::size_t>(nv)));
    std::vector<Polyline> outer = deep;
    for (int i = 0; i < nu; ++i)
        for (int j = 0; j < nv; ++j) deep[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] = at(S, i, j) + N[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] * lift[id(i, j)];
    // Thicken along the normals of the draped deep face (smoothed, and facing the same way as the
    // design normals), so that a steep climb over something beneath does not fold the outer face.
    if (o.drape) {
        std::vector<std::vector<vec3>> N2 = N;
        for (int i = 0; i < nu; ++i)
            for (int j = 0; j < nv; ++j) {
                const vec3 du = at(deep, i + 1, j) - at(deep, i - 1, j);
                const vec3 dv = at(deep, i, j + 1) - at(deep, i, j - 1);
                vec3 n = glm::cross(du, dv);
                const vec3 n0 = N[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
                if (glm::length(n) < 1e-12f) continue;
                n = glm::normalize(n);
                if (glm::dot(n, n0) < 0.0f) n = -n;
                N2[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] = n;
            }
        for (int it = 0; it < 3; ++it) {
            auto next = N2;
            for (int i = 0; i < nu; ++i)
                for (int j = 0; j < nv; ++j) {
                    vec3 s(0.0f);
                    for (int di = -1; di <= 1; ++di)
                        for (int dj = -1; dj <= 1; ++dj) {
                            const int a = std::clamp(i + di, 0, nu - 1), c2 = std::clamp(j + dj, 0, nv - 1);
                            s += N2[static_cast<std::size_t>(a)][static_cast<std::size_t>(c2)];
                        }
                    next[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] = glm::normalize(s);
                }
            N2.swap(next);
        }
        N.swap(N2);
    }
    // Thickness, rounded at the side edges and tapered at the ends.
    for (int i = 0; i < nu; ++i) {
        const float u = static_cast<float>(i) / static_cast<float>(nu - 1);
        for (int j = 0; j < nv; ++j) {
            const float v = static_cast<float>(j) / static_cast<float>(nv - 1);
            float t = o.thickness(u, v);
            const float r0 = o.edge_round0 >= 0.0f ? o.edge_round0 : o.edge_round;
            const float r1 = o.edge_round1 >= 0.0f ? o.edge_round1 : o.edge_round;
            const float ev = std::min(v / std::max(r0, 1e-3f), (1.0f - v) / std::max(r1, 1e-3f));
            const float eu = std::min(u, 1.0f - u) / std::max(o.end_taper, 1e-3f);
            t *= std::sqrt(smoothstep01(std::min(ev, 1.0f))) * 0.85f + 0.15f;
            t *= std::sqrt(smoothstep01(std::min(eu, 1.0f))) * 0.7f + 0.3f;
            // Never thicken into bone (a twisted tendon may face its bone).
            const vec3 d0 = deep[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
            const vec3 nn = N[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)];
            for (float s = 0.0005f; s < t; s += 0.0005f)
                if (b.grid.occupied(d0 + nn * s, kBone)) {
                    t = s - 0.0005f;
                    break;
                }
            t = std::max(t, o.min_thickness);
            outer[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] =
                deep[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] + N[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] * t;
        }
    }
    // Fibre directions: along u on the deep face.
    std::vector<std::vector<vec3>> fib(static_cast<std::size_t>(nu), std::vector<vec3>(static_cast<std::size_t>(nv)));
    for (int i = 0; i < nu; ++i)
        for (int j = 0; j < nv; ++j) {
            vec3 d = at(deep, i + 1, j) - at(deep, i - 1, j);
            if (glm::length(d) < 1e-9f) d = at(S, i + 1, j) - at(S, i - 1, j);
            fib[static_cast<std::size_t>(i)][static_cast<std::size_t>(j)] = glm::length(d) > 1e-9f ? glm::normalize(d) : vec3(0, 1, 0);
        }
    return {std::move(outer), std::move(deep), std::move(fib)};
}

}  // namespace

Mesh sheet(Builder& b, const std::vector<Polyline>& fibres, const SheetOptions& o) {
    const SheetGrids g = sheet_grids(b, fibres, o);
    return slab(g.outer, g.deep, g.fib);
}

std::vector<Mesh> sheet_parts(Builder& b, const std::vector<Polyline>& fibres, const SheetOptions& o, const std::vector<int>& cuts) {
    const SheetGrids g = sheet_grids(b, fibres, o);
    std::vector<int> edges = {0};
    edges.insert(edges.end(), cuts.begin(), cuts.end());
    edges.push_back(o.nv - 1);
    std::vector<Mesh> parts;
    for (std::size_t k = 0; k + 1 < edges.size(); ++k) {
        const auto j0 = static_cast<std::ptrdiff_t>(edges[k]), j1 = static_cast<std::ptrdiff_t>(edges[k + 1]) + 1;
        SheetGrids part;
        for (std::size_t i = 0; i < g.outer.size(); ++i) {
            part.outer.emplace_back(g.outer[i].begin() + j0, g.outer[i].begin() + j1);
            part.deep.emplace_back(g.deep[i].begin() + j0, g.deep[i].begin() + j1);
            part.fib.emplace_back(g.fib[i].begin() + j0, g.fib[i].begin() + j1);
        }
        parts.push_back(slab(part.outer, part.deep, part.fib));
    }
    return parts;
}

vec2 belly(float u, vec2 max, float tendon0, float tendon1, float peak) {
    // Smooth rise from the origin tendon to the belly and fall to the insertion tendon.
    float s;
    if (u < peak) s = std::sin(0.5f * static_cast<float>(M_PI) * u / peak);
    else s = std::sin(0.5f * static_cast<float>(M_PI) * (1.0f - u) / (1.0f - peak));
    s = std::pow(std::max(s, 0.0f), 0.8f);
    const float t = u < peak ? tendon0 : tendon1;
    return vec2(t) + (max - vec2(t)) * s;
}

Mesh spindle(Builder& b, const Polyline& control, const SpindleOptions& o) {
    const Polyline path = catmull_rom(control, o.nu);
    const auto T = tangents(path);
    const auto transported = transported_sides(path, vec3(1, 0, 0));
    const int n = static_cast<int>(path.size());
    const int M = o.ring;
    std::vector<Polyline> rings(static_cast<std::size_t>(n));
    std::vector<std::vector<float>> rad(static_cast<std::size_t>(n), std::vector<float>(static_cast<std::size_t>(M)));
    std::vector<std::vector<vec3>> dirs = std::vector<std::vector<vec3>>(static_cast<std::size_t>(n), std::vector<vec3>(static_cast<std::size_t>(M)));
    for (int i = 0; i < n; ++i) {
        const float u = static_cast<float>(i) / static_cast<float>(n - 1);
        vec3 s = o.side ? o.side(u, path[static_cast<std::size_t>(i)]) : transported[static_cast<std::size_t>(i)];
        s -= T[static_cast<std::size_t>(i)] * glm::dot(s, T[static_cast<std::size_t>(i)]);
        if (glm::length(s) < 1e-6f) s = transported[static_cast<std::size_t>(i)];
        s = glm::normalize(s);
        const vec3 w = glm::normalize(glm::cross(T[static_cast<std::size_t>(i)], s));
        const vec2 r = o.radii(u);
        for (int k = 0; k < M; ++k) {
            const float th = 2.0f * static_cast<float>(M_PI) * (static_cast<float>(k) + 0.5f) / static_cast<float>(M);
            const float e = 2.0f / o.squareness;
            const float c = std::copysign(std::pow(std::fabs(std::cos(th)), e), std::cos(th));
            const float sn = std::copysign(std::pow(std::fabs(std::sin(th)), e), std::sin(th));
            const vec3 off = s * (r.x * c) + w * (r.y * sn);
            const float len = glm::length(off);
            dirs[static_cast<std::size_t>(i)][static_cast<std::size_t>(k)] = len > 0 ? off / len : s;
            rad[static_cast<std::size_t>(i)][static_cast<std::size_t>(k)] = len;
        }
    }
    if (o.deflate) {
        std::vector<std::vector<float>> cap = rad;
        const float step = 0.0005f;
        for (int i = 0; i < n; ++i) {
            const vec3 c = path[static_cast<std::size_t>(i)];
            if (b.grid.occupied(c, o.mask)) continue;  // centre inside: leave (the path is wrong here)
            for (int k = 0; k < M; ++k) {
                const vec3 d = dirs[static_cast<std::size_t>(i)][static_cast<std::size_t>(k)];
                const float r = rad[static_cast<std::size_t>(i)][static_cast<std::size_t>(k)];
                for (float t = step; t <= r; t += step) {
                    if (b.grid.occupied(c + d * t, o.mask)) {
                        cap[static_cast<std::size_t>(i)][static_cast<std::size_t>(k)] = std::max(o.min_radius, t - step - o.gap);
                        break;
                    }
                }
            }
        }
        // Smooth under the caps.
        for (int it = 0; it < 6; ++it) {
            auto next = rad;
            for (int i = 0; i < n; ++i)
                for (int k = 0; k < M; ++k) {
                    float sum = 0.0f;
                    int cnt = 0;
                    for (int di = -1; di <= 1; ++di)
                        for (int dk = -1; dk <= 1; ++dk) {
                            const int a = i + di;
                            if (a < 0 || a >= n) continue;
                            sum += std::min(rad[static_cast<std::size_t>(a)][static_cast<std::size_t>((k + dk + M) % M)],
                                            cap[static_cast<std::size_t>(a)][static_cast<std::size_t>((k + dk + M) % M)]);
                            ++cnt;
                        }
                    next[static_cast<std::size_t>(i)][static_cast<std::size_t>(k)] =
                        std::min(sum / static_cast<float>(cnt), cap[static_cast<std::size_t>(i)][static_cast<std::size_t>(k)]);
                }
            rad.swap(next);
        }
    }
    std::vector<vec3> fib(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) {
        Polyline ring(static_cast<std::size_t>(M));
        for (int k = 0; k < M; ++k)
            ring[static_cast<std::size_t>(k)] = path[static_cast<std::size_t>(i)] + dirs[static_cast<std::size_t>(i)][static_cast<std::size_t>(k)] *
                                                                                     std::max(rad[static_cast<std::size_t>(i)][static_cast<std::size_t>(k)], o.min_radius * 0.5f);
        rings[static_cast<std::size_t>(i)] = std::move(ring);
        fib[static_cast<std::size_t>(i)] = T[static_cast<std::size_t>(i)];
    }
    const float r0 = std::max(o.radii(0.0f).x, o.radii(0.0f).y), r1 = std::max(o.radii(1.0f).x, o.radii(1.0f).y);
    return tube(rings, fib, Cap::Pole, Cap::Pole, path.front() - T.front() * std::max(0.5f * r0, 0.0006f),
                path.back() + T.back() * std::max(0.5f * r1, 0.0006f));
}

vec3 outer_surface(const Builder& b, vec3 p, vec3 dir, float reach, std::uint8_t mask) {
    const vec3 d = glm::normalize(dir);
    for (float t = reach; t >= -reach; t -= 0.0005f)
        if (b.grid.occupied(p + d * t, mask)) return p + d * (t + 0.0005f);
    return p;
}

vec3 surface_along(const Builder& b, vec3 p, vec3 dir, float max_dist, std::uint8_t mask) {
    const vec3 d = glm::normalize(dir);
    const float step = 0.0005f;
    if (b.grid.occupied(p, mask)) {
        for (float t = 0.0f; t <= max_dist; t += step)
            if (!b.grid.occupied(p + d * t, mask)) return p + d * t;
        return p + d * max_dist;
    }
    for (float t = 0.0f; t <= max_dist; t += step)
        if (b.grid.occupied(p - d * t, mask)) return p - d * std::max(0.0f, t - step);
    return p;
}

}  // namespace dorsal::modelgen
