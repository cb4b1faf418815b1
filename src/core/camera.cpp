#include "core/camera.h"

#include <algorithm>
#include <limits>
#include <array>
#include <cmath>
#include <utility>

#include <glm/gtc/matrix_transform.hpp>

namespace dorsal {

namespace {

constexpr float kPi = 3.14159265358979f;
constexpr float kMaxPitch = glm::radians(89.0f);
constexpr float kZoomPerStep = 0.85f;

struct PresetAngles {
    ViewPreset preset;
    std::string_view name;
    float yaw;
    float pitch;
};

// The eye positions: anterior looks from +Z, posterior from -Z, left from +X (the subject's left).
constexpr std::array<PresetAngles, 6> kPresets{{
    {ViewPreset::Anterior, "anterior", 0.0f, 0.0f},
    {ViewPreset::Posterior, "posterior", kPi, 0.0f},
    {ViewPreset::Left, "left", kPi / 2.0f, 0.0f},
    {ViewPreset::Right, "right", -kPi / 2.0f, 0.0f},
    {ViewPreset::Superior, "superior", kPi, kMaxPitch},
    {ViewPreset::Oblique, "oblique", kPi * 0.75f, glm::radians(20.0f)},
}};

const PresetAngles& anglesOf(ViewPreset preset) {
    return *std::find_if(kPresets.begin(), kPresets.end(), [&](const PresetAngles& p) { return p.preset == preset; });
}

}  // namespace

std::optional<ViewPreset> viewPresetFromName(std::string_view name) {
    for (const PresetAngles& p : kPresets) {
        if (p.name == name) return p.preset;
    }
    return std::nullopt;
}

std::string_view viewPresetName(ViewPreset preset) { return anglesOf(preset).name; }

void OrbitCamera::frame(const Bounds& bounds, float aspect, ViewPreset preset) {
    sceneRadius_ = bounds.empty() ? 1.0f : std::max(bounds.radius(), 1e-4f);
    setPreset(preset);
    fit(bounds, aspect);
}

void OrbitCamera::setPreset(ViewPreset preset) {
    yaw_ = anglesOf(preset).yaw;
    pitch_ = anglesOf(preset).pitch;
}

ViewPreset OrbitCamera::nearestPreset() const {
    const glm::vec3 direction = glm::normalize(eye() - target_);
    ViewPreset nearest = ViewPreset::Posterior;
    float best = -2.0f;
    for (ViewPreset preset : {ViewPreset::Anterior, ViewPreset::Posterior, ViewPreset::Left, ViewPreset::Right,
                              ViewPreset::Superior}) {
        OrbitCamera turned = *this;
        turned.setPreset(preset);
        const float alignment = glm::dot(direction, glm::normalize(turned.eye() - turned.target_));
        if (alignment > best) {
            best = alignment;
            nearest = preset;
        }
    }
    return nearest;
}

void OrbitCamera::fit(const Bounds& bounds, float aspect) {
    Bounds box = bounds;
    if (box.empty()) {
        box.add(glm::vec3(-0.5f));
        box.add(glm::vec3(0.5f));
    }
    target_ = box.centre();
    // The nearest distance from which every corner of the box projects inside the view, seen
    // from the current direction, with a small margin.
    const glm::vec3 back = glm::normalize(eye() - target_);
    const glm::vec3 right = glm::normalize(glm::cross(glm::vec3(0.0f, 1.0f, 0.0f), back));
    const glm::vec3 up = glm::cross(back, right);
    const float tanY = std::tan(kFieldOfViewY * 0.5f);
    const float tanX = tanY * std::max(aspect, 1e-3f);
    float needed = 1e-4f;
    for (int corner = 0; corner < 8; ++corner) {
        const glm::vec3 p((corner & 1) ? box.max.x : box.min.x, (corner & 2) ? box.max.y : box.min.y,
                          (corner & 4) ? box.max.z : box.min.z);
        const glm::vec3 offset = p - target_;
        const float towardsEye = glm::dot(offset, back);
        needed = std::max(needed, std::fabs(glm::dot(offset, right)) / tanX + towardsEye);
        needed = std::max(needed, std::fabs(glm::dot(offset, up)) / tanY + towardsEye);
    }
    distance_ = needed * 1.08f;
    clampDistance();
}

OrbitCamera OrbitCamera::between(const OrbitCamera& from, const OrbitCamera& to, float t) {
    t = std::clamp(t, 0.0f, 1.0f);
    const float eased = t * t * (3.0f - 2.0f * t);
    OrbitCamera camera = to;
    camera.target_ = glm::mix(from.target_, to.target_, eased);
    camera.distance_ = from.distance_ * std::pow(to.distance_ / from.distance_, eased);
    camera.yaw_ = from.yaw_ + std::remainder(to.yaw_ - from.yaw_, 2.0f * kPi) * eased;
    camera.pitch_ = glm::mix(from.pitch_, to.pitch_, eased);
    camera.lensShift_ = glm::mix(from.lensShift_, to.lensShift_, eased);
    return camera;
}

void OrbitCamera::orbit(float dxPixels, float dyPixels) {
    yaw_ -= dxPixels * kOrbitRadiansPerPixel;
    yaw_ = std::remainder(yaw_, 2.0f * kPi);
    pitch_ = std::clamp(pitch_ + dyPixels * kOrbitRadiansPerPixel, -kMaxPitch, kMaxPitch);
}

void OrbitCamera::pan(float dxPixels, float dyPixels, float viewportHeight) {
    const float worldPerPixel = 2.0f * distance_ * std::tan(kFieldOfViewY * 0.5f) / std::max(viewportHeight, 1.0f);
    const glm::mat4 v = view();
    const glm::vec3 right(v[0][0], v[1][0], v[2][0]);
    const glm::vec3 up(v[0][1], v[1][1], v[2][1]);
    target_ += (-dxPixels * right + dyPixels * up) * worldPerPixel;
}

void OrbitCamera::zoomTowards(glm::vec2 cursor, glm::vec2 viewportSize, float steps) {
    // The point under the cursor on the plane through the target facing the eye stays put.
    const Ray ray = rayThrough(cursor, viewportSize);
    const glm::vec3 forward = glm::normalize(target_ - eye());
    const float t = glm::dot(target_ - ray.origin, forward) / glm::dot(ray.direction, forward);
    const glm::vec3 anchor = ray.origin + ray.direction * t;

    const float before = distance_;
    distance_ *= std::pow(kZoomPerStep, steps);
    clampDistance();
    const float ratio = distance_ / before;
    target_ = anchor + (target_ - anchor) * ratio;
}

void OrbitCamera::setPose(const glm::vec3& target, float yaw, float pitch, float distance) {
    target_ = target;
    yaw_ = yaw;
    pitch_ = std::clamp(pitch, -kMaxPitch, kMaxPitch);
    distance_ = distance;
    clampDistance();
}

void OrbitCamera::clampDistance() { distance_ = std::clamp(distance_, sceneRadius_ * 0.05f, sceneRadius_ * 20.0f); }

glm::vec3 OrbitCamera::eye() const {
    const glm::vec3 direction(std::sin(yaw_) * std::cos(pitch_), std::sin(pitch_), std::cos(yaw_) * std::cos(pitch_));
    return target_ + direction * distance_;
}

glm::mat4 OrbitCamera::view() const { return glm::lookAt(eye(), target_, glm::vec3(0.0f, 1.0f, 0.0f)); }

glm::mat4 OrbitCamera::projection(float aspect) const {
    // Near and far hug the scene so that depth precision is spent where the model is.
    const float nearPlane = std::max(distance_ - sceneRadius_ * 2.0f, distance_ * 0.01f);
    const float farPlane = distance_ + sceneRadius_ * 2.0f;
    // In clip space, so that after the divide every point moves by the shift in NDC.
    return glm::translate(glm::mat4(1.0f), glm::vec3(lensShift_, 0.0f)) *
           glm::perspective(kFieldOfViewY, std::max(aspect, 1e-3f), nearPlane, farPlane);
}

Ray OrbitCamera::rayThrough(glm::vec2 cursor, glm::vec2 viewportSize) const {
    const glm::vec2 size = glm::max(viewportSize, glm::vec2(1.0f));
    const glm::vec2 ndc(2.0f * cursor.x / size.x - 1.0f, 1.0f - 2.0f * cursor.y / size.y);
    const glm::mat4 inverse = glm::inverse(projection(size.x / size.y) * view());
    glm::vec4 nearPoint = inverse * glm::vec4(ndc, -1.0f, 1.0f);
    glm::vec4 farPoint = inverse * glm::vec4(ndc, 1.0f, 1.0f);
    nearPoint /= nearPoint.w;
    farPoint /= farPoint.w;
    return {eye(), glm::normalize(glm::vec3(farPoint - nearPoint))};
}

glm::vec3 OrbitCamera::project(const glm::vec3& p, glm::vec2 viewportSize) const {
    const glm::vec2 size = glm::max(viewportSize, glm::vec2(1.0f));
    glm::vec4 clip = projection(size.x / size.y) * view() * glm::vec4(p, 1.0f);
    clip /= clip.w;
    return {(clip.x * 0.5f + 0.5f) * size.x, (0.5f - clip.y * 0.5f) * size.y, clip.z * 0.5f + 0.5f};
}

std::optional<std::pair<glm::vec2, glm::vec2>> OrbitCamera::projectedRect(const Bounds& box,
                                                                           glm::vec2 viewportSize) const {
    glm::vec2 low(std::numeric_limits<float>::max());
    glm::vec2 high(std::numeric_limits<float>::lowest());
    const glm::mat4 toView = view();
    for (int corner = 0; corner < 8; ++corner) {
        const glm::vec3 p((corner & 1) ? box.max.x : box.min.x, (corner & 2) ? box.max.y : box.min.y,
                          (corner & 4) ? box.max.z : box.min.z);
        // Depth along the view direction: in front of the eye is negative in view space.
        if ((toView * glm::vec4(p, 1.0f)).z > -1e-6f) return std::nullopt;
        const glm::vec2 pixel(project(p, viewportSize));
        low = glm::min(low, pixel);
        high = glm::max(high, pixel);
    }
    return std::pair{low, high};
}

}  // namespace dorsal
