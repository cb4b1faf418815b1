#include "builder.hpp"

#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>

namespace dorsal::modelgen {

Builder::Builder(const Landmarks& landmarks, const Attachments& attachments)
    : L(landmarks),
      A(attachments),
      grid(kBodyLo, kBodyHi, 0.002f) {}

std::vector<glm::vec3> Builder::attached(const std::string& muscle, const std::string& end) const {
    std::vector<glm::vec3> out;
    for (const auto& name : A.of(muscle, end)) out.push_back(L.get(name));
    if (out.empty()) throw LandmarkError("attachments.csv lists no " + end + " of `" + muscle + "`");
    return out;
}

void Builder::add_bone(const std::string& id, Mesh m, bool paired) {
    grid.add(m, kBone);
    if (!paired) {
        // Midline bones are symmetric; the grid only needs their left half, but adding all is simpler.
    }
    bones.push_back(Part{id, paired, Material::Bone, std::move(m)});
}

void Builder::add_muscle(const std::string& id, Mesh m, Material mat, bool paired) {
    grid.add(m, kSoft);
    muscles.push_back(Part{id, paired, mat, std::move(m)});
}

glm::vec3 Builder::trunk_axis(float y) const {
    // Centre of the trunk in z at height y (between the vertebral bodies and the front wall).
    static const float ys[] = {0.80f, 0.95f, 1.05f, 1.15f, 1.25f, 1.35f, 1.45f, 1.55f, 1.65f};
    static const float zs[] = {0.000f, 0.010f, 0.030f, 0.030f, 0.025f, 0.015f, -0.005f, -0.015f, -0.010f};
    float z = zs[0];
    if (y >= ys[8]) z = zs[8];
    for (int i = 0; i < 8; ++i) {
        if (y >= ys[i] && y < ys[i + 1]) {
            const float t = (y - ys[i]) / (ys[i + 1] - ys[i]);
            z = zs[i] + (zs[i + 1] - zs[i]) * t;
        }
    }
    return glm::vec3(0.0f, y, z);
}

glm::vec3 Builder::trunk_out(glm::vec3 p) const {
    glm::vec3 d = p - trunk_axis(p.y);
    d.y = 0.0f;
    const float l = glm::length(d);
    return l > 1e-6f ? d / l : glm::vec3(0.0f, 0.0f, -1.0f);
}

Axes axes_from(glm::vec3 along, glm::vec3 across_hint) {
    Axes a;
    a.along = glm::normalize(along);
    a.across = glm::normalize(across_hint - a.along * glm::dot(across_hint, a.along));
    a.normal = glm::cross(a.along, a.across);
    return a;
}

Axes hand_axes(const Builder& b) {
    // Down the middle metacarpal, across from the fifth metacarpal head to the second.
    return axes_from(b.left("hand.metacarpal_head_3") - b.left("hand.wrist_centre"),
                     b.left("hand.metacarpal_head_2") - b.left("hand.metacarpal_head_5"));
}

Axes foot_axes(const Builder& b) {
    // Level, from the heel towards the middle of the metatarsal heads; across: lateral.
    glm::vec3 forward = glm::mix(b.left("foot.metatarsal_head_1"), b.left("foot.metatarsal_head_5"), 0.5f) - b.left("foot.heel");
    forward.y = 0.0f;
    return axes_from(forward, glm::vec3(1.0f, 0.0f, 0.0f));
}

FootRays foot_rays(const Builder& b) {
    const glm::vec3 head1 = b.left("foot.metatarsal_head_1"), head5 = b.left("foot.metatarsal_head_5");
    const glm::vec3 tip1 = b.left("foot.toe_tip_1"), tip5 = b.left("foot.toe_tip_5");
    const glm::vec3 forward = foot_axes(b).along;
    FootRays r;
    r.head = {glm::vec3(0.0f), head1, {}, {}, {}, head5};
    r.tip = {glm::vec3(0.0f), tip1, {}, {}, {}, tip5};
    for (int k = 2; k <= 4; ++k) {
        const float t = static_cast<float>(k - 1) / 4.0f;
        const float longer = std::sin(3.14159265f * t);
        r.head[static_cast<std::size_t>(k)] = glm::mix(head1, head5, t) + forward * (0.008f * longer);
        r.tip[static_cast<std::size_t>(k)] = glm::mix(tip1, tip5, t) + forward * (0.010f * longer);
    }
    return r;
}

float profile(const std::vector<float>& values, float u) {
    if (values.empty()) return 0.0f;
    if (values.size() == 1) return values[0];
    const float f = std::clamp(u, 0.0f, 1.0f) * static_cast<float>(values.size() - 1);
    const std::size_t i = std::min(static_cast<std::size_t>(f), values.size() - 2);
    const float t = f - static_cast<float>(i);
    return values[i] + (values[i + 1] - values[i]) * t;
}

float smoothstep01(float x) {
    x = std::clamp(x, 0.0f, 1.0f);
    return x * x * (3.0f - 2.0f * x);
}

Mesh rod(const Polyline& control, const std::vector<float>& radii, int samples, int ring, float aspect,
         glm::vec3 side, bool rounded) {
    const Polyline path = catmull_rom(control, samples);
    const float r0 = radii.front(), r1 = radii.back();
    auto sec = [&](int, float u) {
        Section s;
        s.a = profile(radii, u);
        s.b = s.a * aspect;
        return s;
    };
    const glm::vec3 hint = glm::length(side) > 0.0f ? side : glm::vec3(0.3f, 0.5f, 0.8f);
    const auto sides = transported_sides(path, hint);
    auto sd = [&](int i, float) {
        if (glm::length(side) > 0.0f) return side;
        return sides[static_cast<std::size_t>(i)];
    };
    return sweep(path, sec, sd, ring, rounded ? std::max(0.6f * r0, 0.0004f) : 0.0f,
                 rounded ? std::max(0.6f * r1, 0.0004f) : 0.0f);
}

}  // namespace dorsal::modelgen
