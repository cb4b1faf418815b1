// The translucent skin outline: an offset surface round everything built (bones, muscles and the
// bulk of the limbs), found as the level set of a blurred occupancy field and polygonised with
// marching tetrahedra (closed and manifold by construction), then smoothed.
#include "builder.hpp"

#include <glm/geometric.hpp>
#include <queue>
#include <tuple>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

namespace dorsal::modelgen {

namespace {

using glm::vec3;

struct Field {
    glm::vec3 lo;
    float h;
    int nx, ny, nz;
    std::vector<float> v;
    std::size_t id(int i, int j, int k) const {
        return (static_cast<std::size_t>(k) * static_cast<std::size_t>(ny) + static_cast<std::size_t>(j)) * static_cast<std::size_t>(nx) +
               static_cast<std::size_t>(i);
    }
    vec3 pos(int i, int j, int k) const { return lo + vec3(i, j, k) * h; }
};

void blur(Field& f, int axis) {
    std::vector<float> out(f.v.size());
    for (int k = 0; k < f.nz; ++k)
        for (int j = 0; j < f.ny; ++j)
            for (int i = 0; i < f.nx; ++i) {
                float s = 0.0f, w = 0.0f;
                for (int d = -1; d <= 1; ++d) {
                    int a = i, c = j, e = k;
                    (axis == 0 ? a : axis == 1 ? c : e) += d;
                    if (a < 0 || c < 0 || e < 0 || a >= f.nx || c >= f.ny || e >= f.nz) continue;
                    const float wt = d == 0 ? 2.0f : 1.0f;
                    s += wt * f.v[f.id(a, c, e)];
                    w += wt;
                }
                out[f.id(i, j, k)] = s / w;
            }
    f.v.swap(out);
}

// Marching tetrahedra over the Kuhn (Freudenthal) split of each cube, which conforms across cubes.
Mesh polygonise(const Field& f, float iso) {
    Mesh m;
    std::map<std::pair<std::size_t, std::size_t>, std::uint32_t> edge_vertex;
    auto node = [&](int i, int j, int k) { return f.id(i, j, k); };
    auto vertex_on = [&](std::size_t a, vec3 pa, float fa, std::size_t c, vec3 pc, float fc) {
        const auto key = a < c ? std::make_pair(a, c) : std::make_pair(c, a);
        auto it = edge_vertex.find(key);
        if (it != edge_vertex.end()) return it->second;
        // Interpolate from the lower node index so that both cubes sharing the edge agree.
        const bool swap = a > c;
        const vec3 p0 = swap ? pc : pa, p1 = swap ? pa : pc;
        const float f0 = swap ? fc : fa, f1 = swap ? fa : fc;
        const float t = std::clamp((iso - f0) / (f1 - f0), 0.02f, 0.98f);
        const auto idx = static_cast<std::uint32_t>(m.positions.size());
        m.positions.push_back(p0 + (p1 - p0) * t);
        edge_vertex.emplace(key, idx);
        return idx;
    };
    static const int perms[6][3] = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
    for (int k = 0; k + 1 < f.nz; ++k)
        for (int j = 0; j + 1 < f.ny; ++j)
            for (int i = 0; i + 1 < f.nx; ++i) {
                // Skip cubes entirely in or out.
                bool any_in = false, any_out = false;
                for (int c = 0; c < 8; ++c) {
                    const float val = f.v[node(i + (c & 1), j + ((c >> 1) & 1), k + ((c >> 2) & 1))];
                    (val >= iso ? any_in : any_out) = true;
                }
                if (!any_in || !any_out) continue;
                for (const auto& pm : perms) {
                    std::array<int, 3> cur = {i, j, k};
                    std::array<std::array<int, 3>, 4> t;
                    t[0] = cur;
                    for (int s = 0; s < 3; ++s) {
                        cur[static_cast<std::size_t>(pm[s])] += 1;
                        t[static_cast<std::size_t>(s + 1)] = cur;
                    }
                    std::size_t n[4];
                    vec3 p[4];
                    float val[4];
                    bool in[4];
                    int nin = 0;
                    for (int q = 0; q < 4; ++q) {
                        n[q] = node(t[static_cast<std::size_t>(q)][0], t[static_cast<std::size_t>(q)][1], t[static_cast<std::size_t>(q)][2]);
                        p[q] = f.pos(t[static_cast<std::size_t>(q)][0], t[static_cast<std::size_t>(q)][1], t[static_cast<std::size_t>(q)][2]);
                        val[q] = f.v[n[q]];
                        in[q] = val[q] >= iso;
                        nin += in[q] ? 1 : 0;
                    }
                    if (nin == 0 || nin == 4) continue;
                    vec3 cin(0.0f), cout(0.0f);
                    std::vector<int> ins, outs;
                    for (int q = 0; q < 4; ++q) {
                        (in[q] ? ins : outs).push_back(q);
                        (in[q] ? cin : cout) += p[q];
                    }
                    cin /= static_cast<float>(ins.size());
                    cout /= static_cast<float>(outs.size());
                    auto emit = [&](std::uint32_t a, std::uint32_t b2, std::uint32_t c) {
                        const vec3 nrm = glm::cross(m.positions[b2] - m.positions[a], m.positions[c] - m.positions[a]);
                        if (glm::dot(nrm, cout - cin) < 0.0f) std::swap(b2, c);
                        m.indices.insert(m.indices.end(), {a, b2, c});
                    };
                    auto ev = [&](int a, int c) { return vertex_on(n[a], p[a], val[a], n[c], p[c], val[c]); };
                    if (ins.size() == 1 || outs.size() == 1) {
                        const int lone = ins.size() == 1 ? ins[0] : outs[0];
                        const auto& others = ins.size() == 1 ? outs : ins;
                        emit(ev(lone, others[0]), ev(lone, others[1]), ev(lone, others[2]));
                    } else {
                        const std::uint32_t a = ev(ins[0], outs[0]), b2 = ev(ins[0], outs[1]), c = ev(ins[1], outs[1]), d = ev(ins[1], outs[0]);
                        emit(a, b2, c);
                        emit(a, c, d);
                    }
                }
            }
    return m;
}

// Taubin smoothing (shrink-free): alternating positive and negative Laplacian steps.
void taubin(Mesh& m, int iterations) {
    const std::size_t n = m.positions.size();
    std::vector<std::vector<std::uint32_t>> nb(n);
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3)
        for (int e = 0; e < 3; ++e) {
            const auto a = m.indices[t + static_cast<std::size_t>(e)], c = m.indices[t + static_cast<std::size_t>((e + 1) % 3)];
            nb[a].push_back(c);
            nb[c].push_back(a);
        }
    for (auto& v : nb) {
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
    }
    for (int it = 0; it < 2 * iterations; ++it) {
        const float lambda = (it % 2 == 0) ? 0.55f : -0.58f;
        std::vector<vec3> next(m.positions);
        for (std::size_t i = 0; i < n; ++i) {
            if (nb[i].empty()) continue;
            vec3 c(0.0f);
            for (auto j : nb[i]) c += m.positions[j];
            c /= static_cast<float>(nb[i].size());
            next[i] = m.positions[i] + lambda * (c - m.positions[i]);
        }
        m.positions.swap(next);
    }
}


// Shortest-edge collapse to the midpoint until `target` triangles remain. A collapse is made only
// when it keeps the surface closed and manifold (the two end points share exactly the two
// neighbours opposite the edge) and turns no triangle over. Deterministic: ties go by index.
void decimate(Mesh& m, std::size_t target) {
    const std::size_t nv = m.positions.size();
    std::vector<std::array<std::uint32_t, 3>> tri(m.indices.size() / 3);
    for (std::size_t t = 0; t < tri.size(); ++t) tri[t] = {m.indices[3 * t], m.indices[3 * t + 1], m.indices[3 * t + 2]};
    std::vector<char> tri_alive(tri.size(), 1), vert_alive(nv, 1);
    std::vector<std::vector<std::uint32_t>> vt(nv);
    for (std::size_t t = 0; t < tri.size(); ++t)
        for (auto v : tri[t]) vt[v].push_back(static_cast<std::uint32_t>(t));
    // Sorted neighbours of v, into `n` (reused, so that the many calls do not allocate).
    auto neighbours = [&](std::uint32_t v, std::vector<std::uint32_t>& n) {
        n.clear();
        for (auto t : vt[v])
            if (tri_alive[t])
                for (auto w : tri[t])
                    if (w != v) n.push_back(w);
        std::sort(n.begin(), n.end());
        n.erase(std::unique(n.begin(), n.end()), n.end());
    };
    std::vector<std::uint32_t> na, nc, common;
    using Item = std::tuple<float, std::uint32_t, std::uint32_t>;
    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> q;
    for (std::size_t t = 0; t < tri.size(); ++t)
        for (int e = 0; e < 3; ++e) {
            const auto a = tri[t][static_cast<std::size_t>(e)], c = tri[t][static_cast<std::size_t>((e + 1) % 3)];
            if (a < c) q.emplace(glm::distance(m.positions[a], m.positions[c]), a, c);
        }
    std::size_t alive = tri.size();
    while (alive > target && !q.empty()) {
        const auto [len, a, c] = q.top();
        q.pop();
        if (!vert_alive[a] || !vert_alive[c]) continue;
        if (glm::distance(m.positions[a], m.positions[c]) != len) continue;  // stale entry
        neighbours(a, na);
        if (!std::binary_search(na.begin(), na.end(), c)) continue;
        neighbours(c, nc);
        common.clear();
        std::set_intersection(na.begin(), na.end(), nc.begin(), nc.end(), std::back_inserter(common));
        if (common.size() != 2 || na.size() < 4 || nc.size() < 4) continue;
        const vec3 mid = 0.5f * (m.positions[a] + m.positions[c]);
        bool ok = true;
        for (auto v : {a, c}) {
            for (auto t : vt[v]) {
                if (!tri_alive[t]) continue;
                const auto& T = tri[t];
                if ((T[0] == a || T[1] == a || T[2] == a) && (T[0] == c || T[1] == c || T[2] == c)) continue;
                vec3 p[3], q2[3];
                for (int k = 0; k < 3; ++k) {
                    p[k] = m.positions[T[static_cast<std::size_t>(k)]];
                    q2[k] = (T[static_cast<std::size_t>(k)] == a || T[static_cast<std::size_t>(k)] == c) ? mid : p[k];
                }
                const vec3 n0 = glm::cross(p[1] - p[0], p[2] - p[0]), n1 = glm::cross(q2[1] - q2[0], q2[2] - q2[0]);
                const float l0 = glm::length(n0), l1 = glm::length(n1);
                if (l1 <= 1e-12f || glm::dot(n0, n1) < 0.5f * l0 * l1) ok = false;
            }
        }
        if (!ok) continue;
        // Collapse c into a.
        for (auto t : vt[c]) {
            if (!tri_alive[t]) continue;
            auto& T = tri[t];
            if (T[0] == a || T[1] == a || T[2] == a) {
                tri_alive[t] = 0;
                --alive;
                continue;
            }
            for (auto& v : T)
                if (v == c) v = a;
            vt[a].push_back(t);
        }
        vert_alive[c] = 0;
        m.positions[a] = mid;
        vt[a].erase(std::remove_if(vt[a].begin(), vt[a].end(), [&](std::uint32_t t) { return !tri_alive[t]; }), vt[a].end());
        neighbours(a, na);
        for (auto w : na) q.emplace(glm::distance(m.positions[a], m.positions[w]), std::min(a, w), std::max(a, w));
    }
    // Compact.
    std::vector<std::uint32_t> remap(nv, UINT32_MAX);
    std::vector<vec3> pos;
    m.indices.clear();
    for (std::size_t t = 0; t < tri.size(); ++t) {
        if (!tri_alive[t]) continue;
        for (auto v : tri[t]) {
            if (remap[v] == UINT32_MAX) {
                remap[v] = static_cast<std::uint32_t>(pos.size());
                pos.push_back(m.positions[v]);
            }
            m.indices.push_back(remap[v]);
        }
    }
    m.positions = std::move(pos);
}

}  // namespace

void build_skin(Builder& b) {
    // Coarse field over the whole body (both sides; the grid of built parts holds the left half).
    Field f;
    f.h = 0.007f;
    // Symmetric about the midline (nodes at half-cell offsets from it), from under the soles; wide
    // enough past the fingertips that the blurred field is empty at the border.
    f.lo = vec3(-0.3815f, 0.0055f, -0.2065f);
    f.nx = static_cast<int>(std::lround(-2.0f * f.lo.x / f.h)) + 1;
    f.ny = static_cast<int>(std::ceil((1.775f - f.lo.y) / f.h)) + 1;
    f.nz = static_cast<int>(std::ceil(0.413f / f.h)) + 1;
    f.v.assign(static_cast<std::size_t>(f.nx) * static_cast<std::size_t>(f.ny) * static_cast<std::size_t>(f.nz), 0.0f);
    // Extra volumes (limb bulk) go into their own grid.
    VoxelGrid extra(kBodyLo, kBodyHi, 0.004f);
    for (const auto& e : b.skin_extras) extra.add(e, kSoft);
    const float dil = 0.0045f;
    const vec3 offs[7] = {vec3(0), vec3(dil, 0, 0), vec3(-dil, 0, 0), vec3(0, dil, 0), vec3(0, -dil, 0), vec3(0, 0, dil), vec3(0, 0, -dil)};
    // The left half (x > 0) is sampled and mirrored: the right is built as the left's mirror image.
    for (int k = 0; k < f.nz; ++k)
        for (int j = 0; j < f.ny; ++j)
            for (int i = f.nx / 2; i < f.nx; ++i) {
                const vec3 p = f.pos(i, j, k);
                float occ = 0.0f;
                for (const auto& o : offs)
                    if (b.grid.occupied(p + o) || extra.occupied(p + o)) occ += 1.0f / 7.0f;
                f.v[f.id(i, j, k)] = occ;
                f.v[f.id(f.nx - 1 - i, j, k)] = occ;
            }
    // Morphological closing (two cells out, two back): bridges narrow gaps such as the one between
    // the arm and the chest, which would otherwise leave thin necks in the outline.
    {
        auto step = [&](bool grow) {
            std::vector<float> out(f.v);
            for (int k = 1; k + 1 < f.nz; ++k)
                for (int j = 1; j + 1 < f.ny; ++j)
                    for (int i = 1; i + 1 < f.nx; ++i) {
                        const std::size_t id = f.id(i, j, k);
                        const float nb[6] = {f.v[f.id(i + 1, j, k)], f.v[f.id(i - 1, j, k)], f.v[f.id(i, j + 1, k)],
                                             f.v[f.id(i, j - 1, k)], f.v[f.id(i, j, k + 1)], f.v[f.id(i, j, k - 1)]};
                        float x = f.v[id];
                        for (float n : nb) x = grow ? std::max(x, n) : std::min(x, n);
                        out[id] = x;
                    }
            f.v.swap(out);
        };
        step(true);
        step(true);
        step(false);
        step(false);
    }
    for (int pass = 0; pass < 2; ++pass)
        for (int axis = 0; axis < 3; ++axis) blur(f, axis);
    const float iso = 0.16f;
    // Fill cavities (the chest and belly inside the walls): whatever the outside cannot reach
    // through empty nodes is inside.
    {
        std::vector<char> reached(f.v.size(), 0);
        std::vector<std::size_t> stack;
        auto push = [&](int i, int j, int k) {
            if (i < 0 || j < 0 || k < 0 || i >= f.nx || j >= f.ny || k >= f.nz) return;
            const std::size_t id = f.id(i, j, k);
            if (reached[id] || f.v[id] >= iso) return;
            reached[id] = 1;
            stack.push_back(id);
        };
        for (int k = 0; k < f.nz; ++k)
            for (int j = 0; j < f.ny; ++j)
                for (int i = 0; i < f.nx; ++i)
                    if (i == 0 || j == 0 || k == 0 || i == f.nx - 1 || j == f.ny - 1 || k == f.nz - 1) push(i, j, k);
        while (!stack.empty()) {
            const std::size_t id = stack.back();
            stack.pop_back();
            const int i = static_cast<int>(id % static_cast<std::size_t>(f.nx));
            const int j = static_cast<int>((id / static_cast<std::size_t>(f.nx)) % static_cast<std::size_t>(f.ny));
            const int k = static_cast<int>(id / (static_cast<std::size_t>(f.nx) * static_cast<std::size_t>(f.ny)));
            push(i + 1, j, k);
            push(i - 1, j, k);
            push(i, j + 1, k);
            push(i, j - 1, k);
            push(i, j, k + 1);
            push(i, j, k - 1);
        }
        for (std::size_t id = 0; id < f.v.size(); ++id)
            if (!reached[id] && f.v[id] < iso) f.v[id] = 1.0f;
    }
    Mesh m = polygonise(f, iso);
    taubin(m, 8);
    // Fewer triangles: the outline is seen through, a few tens of thousands suffice.
    decimate(m, 60000);
    m.fibres.assign(m.positions.size(), vec3(0, 1, 0));
    m.compute_normals();
    b.skin = std::move(m);
}

}  // namespace dorsal::modelgen
