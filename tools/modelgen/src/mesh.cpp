#include "mesh.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>

namespace dorsal::modelgen {

void Mesh::append(const Mesh& other) {
    const auto base = static_cast<std::uint32_t>(positions.size());
    positions.insert(positions.end(), other.positions.begin(), other.positions.end());
    normals.insert(normals.end(), other.normals.begin(), other.normals.end());
    fibres.insert(fibres.end(), other.fibres.begin(), other.fibres.end());
    if (!stripes.empty() || !other.stripes.empty()) {
        stripes.resize(base, 0.0f);
        if (other.stripes.empty()) stripes.resize(positions.size(), 0.0f);
        else stripes.insert(stripes.end(), other.stripes.begin(), other.stripes.end());
    }
    indices.reserve(indices.size() + other.indices.size());
    for (auto i : other.indices) indices.push_back(base + i);
}

void Mesh::compute_normals() {
    std::vector<glm::dvec3> acc(positions.size(), glm::dvec3(0.0));
    for (std::size_t t = 0; t + 2 < indices.size(); t += 3) {
        const glm::dvec3 a(positions[indices[t]]), b(positions[indices[t + 1]]), c(positions[indices[t + 2]]);
        const glm::dvec3 n = glm::cross(b - a, c - a);  // length = 2 * area
        acc[indices[t]] += n;
        acc[indices[t + 1]] += n;
        acc[indices[t + 2]] += n;
    }
    normals.resize(positions.size());
    for (std::size_t i = 0; i < positions.size(); ++i) {
        const double len = glm::length(acc[i]);
        normals[i] = len > 1e-30 ? glm::vec3(acc[i] / len) : glm::vec3(0.0f, 1.0f, 0.0f);
    }
}

void Mesh::normalise_fibres() {
    fibres.resize(positions.size(), glm::vec3(0.0f, 1.0f, 0.0f));
    for (auto& f : fibres) {
        const float len = glm::length(f);
        f = (len > 1e-12f && std::isfinite(len)) ? f / len : glm::vec3(0.0f, 1.0f, 0.0f);
    }
}

void Mesh::flip_winding() {
    for (std::size_t t = 0; t + 2 < indices.size(); t += 3) std::swap(indices[t + 1], indices[t + 2]);
}

double Mesh::signed_volume() const {
    double v = 0.0;
    for (std::size_t t = 0; t + 2 < indices.size(); t += 3) {
        const glm::dvec3 a(positions[indices[t]]), b(positions[indices[t + 1]]), c(positions[indices[t + 2]]);
        v += glm::dot(a, glm::cross(b, c));
    }
    return v / 6.0;
}

void Mesh::bounds(glm::vec3& lo, glm::vec3& hi) const {
    lo = glm::vec3(1e30f);
    hi = glm::vec3(-1e30f);
    for (const auto& p : positions) {
        lo = glm::min(lo, p);
        hi = glm::max(hi, p);
    }
}

Mesh mirrored_x(const Mesh& m) {
    Mesh r = m;
    for (auto& p : r.positions) p.x = -p.x;
    for (auto& n : r.normals) n.x = -n.x;
    for (auto& f : r.fibres) f.x = -f.x;
    r.flip_winding();
    return r;
}

std::size_t count_open_or_bad_edges(const Mesh& m) {
    // Weld by exact position so that seams with split vertices still count as shared.
    std::map<std::tuple<float, float, float>, std::uint32_t> weld;
    std::vector<std::uint32_t> id(m.positions.size());
    for (std::size_t i = 0; i < m.positions.size(); ++i) {
        const auto& p = m.positions[i];
        auto [it, inserted] = weld.emplace(std::make_tuple(p.x, p.y, p.z), static_cast<std::uint32_t>(weld.size()));
        id[i] = it->second;
    }
    // For each undirected edge: count of a->b (a<b) and of b->a.
    std::map<std::pair<std::uint32_t, std::uint32_t>, std::pair<int, int>> edges;
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
        for (int k = 0; k < 3; ++k) {
            const std::uint32_t a = id[m.indices[t + k]], b = id[m.indices[t + (k + 1) % 3]];
            if (a == b) continue;  // degenerate edge
            if (a < b)
                edges[{a, b}].first++;
            else
                edges[{b, a}].second++;
        }
    }
    std::size_t bad = 0;
    for (const auto& kv : edges)
        if (kv.second.first != 1 || kv.second.second != 1) ++bad;
    return bad;
}

namespace {
float snap(float v, float step) { return static_cast<float>(std::nearbyint(static_cast<double>(v) / step) * step); }
}  // namespace

void quantise(Mesh& m) {
    const float pstep = 1.0f / 1048576.0f;  // 2^-20 m, about 1 micrometre
    const float nstep = 1.0f / 65536.0f;
    for (auto& p : m.positions) p = glm::vec3(snap(p.x, pstep), snap(p.y, pstep), snap(p.z, pstep));
    for (auto& n : m.normals) n = glm::vec3(snap(n.x, nstep), snap(n.y, nstep), snap(n.z, nstep));
    for (auto& f : m.fibres) f = glm::vec3(snap(f.x, nstep), snap(f.y, nstep), snap(f.z, nstep));
    for (auto& s : m.stripes) s = snap(s, pstep);
}

double winding_number(const Mesh& m, const glm::vec3& p) {
    // Sum of signed solid angles (Van Oosterom and Strackee) over 4 pi.
    double total = 0.0;
    const glm::dvec3 q(p);
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
        const glm::dvec3 a = glm::dvec3(m.positions[m.indices[t]]) - q;
        const glm::dvec3 b = glm::dvec3(m.positions[m.indices[t + 1]]) - q;
        const glm::dvec3 c = glm::dvec3(m.positions[m.indices[t + 2]]) - q;
        const double la = glm::length(a), lb = glm::length(b), lc = glm::length(c);
        const double num = glm::dot(a, glm::cross(b, c));
        const double den = la * lb * lc + glm::dot(a, b) * lc + glm::dot(b, c) * la + glm::dot(c, a) * lb;
        total += 2.0 * std::atan2(num, den);
    }
    return total / (4.0 * M_PI);
}

}  // namespace dorsal::modelgen
