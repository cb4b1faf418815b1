#include "voxel.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <tuple>

namespace dorsal::modelgen {

VoxelGrid::VoxelGrid(glm::vec3 lo, glm::vec3 hi, float cell) : lo_(lo), h_(cell) {
    nx_ = static_cast<int>(std::ceil((hi.x - lo.x) / cell));
    ny_ = static_cast<int>(std::ceil((hi.y - lo.y) / cell));
    nz_ = static_cast<int>(std::ceil((hi.z - lo.z) / cell));
    v_.assign(static_cast<std::size_t>(nx_) * ny_ * nz_, 0);
}

bool VoxelGrid::occupied(glm::vec3 p, std::uint8_t mask) const {
    const int i = static_cast<int>(std::floor((p.x - lo_.x) / h_));
    const int j = static_cast<int>(std::floor((p.y - lo_.y) / h_));
    const int k = static_cast<int>(std::floor((p.z - lo_.z) / h_));
    if (i < 0 || j < 0 || k < 0 || i >= nx_ || j >= ny_ || k >= nz_) return false;
    return (v_[index(i, j, k)] & mask) != 0;
}

glm::vec3 closest_on_triangle(glm::vec3 p, glm::vec3 a, glm::vec3 b, glm::vec3 c) {
    const glm::vec3 ab = b - a, ac = c - a, ap = p - a;
    const float d1 = glm::dot(ab, ap), d2 = glm::dot(ac, ap);
    if (d1 <= 0 && d2 <= 0) return a;
    const glm::vec3 bp = p - b;
    const float d3 = glm::dot(ab, bp), d4 = glm::dot(ac, bp);
    if (d3 >= 0 && d4 <= d3) return b;
    const float vc = d1 * d4 - d3 * d2;
    if (vc <= 0 && d1 >= 0 && d3 <= 0) return a + ab * (d1 / (d1 - d3));
    const glm::vec3 cp = p - c;
    const float d5 = glm::dot(ab, cp), d6 = glm::dot(ac, cp);
    if (d6 >= 0 && d5 <= d6) return c;
    const float vb = d5 * d2 - d1 * d6;
    if (vb <= 0 && d2 >= 0 && d6 <= 0) return a + ac * (d2 / (d2 - d6));
    const float va = d3 * d6 - d5 * d4;
    if (va <= 0 && (d4 - d3) >= 0 && (d5 - d6) >= 0) return b + (c - b) * ((d4 - d3) / ((d4 - d3) + (d5 - d6)));
    const float denom = 1.0f / (va + vb + vc);
    return a + ab * (vb * denom) + ac * (vc * denom);
}

void VoxelGrid::add(const Mesh& m, std::uint8_t bits) {
    // 1. Inside: crossings of z columns through cell centres, with +1 entering / -1 leaving.
    struct Crossing {
        std::int64_t column;
        float z;
        int delta;
    };
    std::vector<Crossing> xs;
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
        const glm::vec3 a = m.positions[m.indices[t]], b = m.positions[m.indices[t + 1]], c = m.positions[m.indices[t + 2]];
        const glm::vec3 n = glm::cross(b - a, c - a);
        if (n.z == 0.0f) continue;
        const float minx = std::min({a.x, b.x, c.x}), maxx = std::max({a.x, b.x, c.x});
        const float miny = std::min({a.y, b.y, c.y}), maxy = std::max({a.y, b.y, c.y});
        const int i0 = std::max(0, static_cast<int>(std::ceil((minx - lo_.x) / h_ - 0.5f)));
        const int i1 = std::min(nx_ - 1, static_cast<int>(std::floor((maxx - lo_.x) / h_ - 0.5f)));
        const int j0 = std::max(0, static_cast<int>(std::ceil((miny - lo_.y) / h_ - 0.5f)));
        const int j1 = std::min(ny_ - 1, static_cast<int>(std::floor((maxy - lo_.y) / h_ - 0.5f)));
        for (int j = j0; j <= j1; ++j) {
            const double y = lo_.y + (j + 0.5) * h_;
            for (int i = i0; i <= i1; ++i) {
                const double x = lo_.x + (i + 0.5) * h_;
                // Edge functions in double; a half-open rule on ties keeps shared edges counted once.
                auto edge = [x, y](glm::vec3 p, glm::vec3 q) {
                    return (static_cast<double>(q.x) - p.x) * (y - p.y) - (static_cast<double>(q.y) - p.y) * (x - p.x);
                };
                double w0 = edge(b, c), w1 = edge(c, a), w2 = edge(a, b);
                const double area = w0 + w1 + w2;
                if (area == 0.0) continue;
                if (area < 0) {
                    w0 = -w0;
                    w1 = -w1;
                    w2 = -w2;
                }
                if (w0 < 0 || w1 < 0 || w2 < 0) continue;
                if (w0 == 0 || w1 == 0 || w2 == 0) continue;  // exactly on an edge: ignore (surface shell covers it)
                const double s = std::fabs(area);
                const double z = (w0 * a.z + w1 * b.z + w2 * c.z) / s;
                xs.push_back({static_cast<std::int64_t>(j) * nx_ + i, static_cast<float>(z), n.z < 0 ? +1 : -1});
            }
        }
    }
    std::sort(xs.begin(), xs.end(), [](const Crossing& p, const Crossing& q) {
        return std::tie(p.column, p.z, p.delta) < std::tie(q.column, q.z, q.delta);
    });
    for (std::size_t s = 0; s < xs.size();) {
        std::size_t e = s;
        int total = 0;
        while (e < xs.size() && xs[e].column == xs[s].column) total += xs[e++].delta;
        if (total == 0) {
            const int i = static_cast<int>(xs[s].column % nx_), j = static_cast<int>(xs[s].column / nx_);
            int wind = 0;
            for (std::size_t q = s; q + 1 < e; ++q) {
                wind += xs[q].delta;
                if (wind <= 0) continue;
                const int k0 = std::max(0, static_cast<int>(std::ceil((xs[q].z - lo_.z) / h_ - 0.5f)));
                const int k1 = std::min(nz_ - 1, static_cast<int>(std::floor((xs[q + 1].z - lo_.z) / h_ - 0.5f)));
                for (int k = k0; k <= k1; ++k) v_[index(i, j, k)] |= bits;
            }
        }
        s = e;
    }
    // 2. Surface shell: cells whose centre is within 0.75 cell of a triangle.
    const float reach = 0.75f * h_;
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
        const glm::vec3 a = m.positions[m.indices[t]], b = m.positions[m.indices[t + 1]], c = m.positions[m.indices[t + 2]];
        const glm::vec3 lo = glm::min(a, glm::min(b, c)) - glm::vec3(reach);
        const glm::vec3 hi = glm::max(a, glm::max(b, c)) + glm::vec3(reach);
        const int i0 = std::max(0, static_cast<int>(std::floor((lo.x - lo_.x) / h_)));
        const int i1 = std::min(nx_ - 1, static_cast<int>(std::floor((hi.x - lo_.x) / h_)));
        const int j0 = std::max(0, static_cast<int>(std::floor((lo.y - lo_.y) / h_)));
        const int j1 = std::min(ny_ - 1, static_cast<int>(std::floor((hi.y - lo_.y) / h_)));
        const int k0 = std::max(0, static_cast<int>(std::floor((lo.z - lo_.z) / h_)));
        const int k1 = std::min(nz_ - 1, static_cast<int>(std::floor((hi.z - lo_.z) / h_)));
        for (int j = j0; j <= j1; ++j)
            for (int i = i0; i <= i1; ++i)
                for (int k = k0; k <= k1; ++k) {
                    const glm::vec3 p = lo_ + (glm::vec3(i, j, k) + 0.5f) * h_;
                    const glm::vec3 q = closest_on_triangle(p, a, b, c);
                    if (glm::dot(p - q, p - q) <= reach * reach) v_[index(i, j, k)] |= bits;
                }
    }
}

}  // namespace dorsal::modelgen
