#pragma once
// An orbit camera around a target point, with the view presets of an anatomy atlas.
// Screen coordinates are pixels inside a viewport, origin at its top-left, y down (as GLFW and
// ImGui report the mouse).

#include <optional>
#include <utility>
#include <string_view>

#include <glm/glm.hpp>

#include "core/model.h"

namespace dorsal {

enum class ViewPreset { Anterior, Posterior, Left, Right, Superior, Oblique };

// Parses "anterior", "posterior", "left", "right", "superior", "oblique"; nullopt otherwise.
std::optional<ViewPreset> viewPresetFromName(std::string_view name);
std::string_view viewPresetName(ViewPreset preset);

struct Ray {
    glm::vec3 origin;
    glm::vec3 direction;  // unit length
};

class OrbitCamera {
public:
    static constexpr float kFieldOfViewY = glm::radians(35.0f);
    static constexpr float kOrbitRadiansPerPixel = 0.008f;  // how far a mouse drag turns the view

    // Looks at `bounds` from `preset`, close enough that the whole box fits a viewport of `aspect`
    // (width / height > 0). An empty box frames the unit cube.
    void frame(const Bounds& bounds, float aspect, ViewPreset preset = ViewPreset::Posterior);
    // Moves the target to the centre of `bounds` and the eye close enough to see all of it,
    // keeping the direction of view and the scene given to frame() (which sets the depth range).
    void fit(const Bounds& bounds, float aspect);
    // Turns to look from `preset`, keeping the target and distance.
    void setPreset(ViewPreset preset);
    // Of the presets from the front, back, left, right and above, the one whose direction of view
    // is nearest to this camera's.
    ViewPreset nearestPreset() const;

    // Rotates around the target by a mouse drag of (dx, dy) pixels. Pitch stays within +-89 degrees.
    void orbit(float dxPixels, float dyPixels);
    // Moves the target with the mouse so that the point under it follows the drag.
    void pan(float dxPixels, float dyPixels, float viewportHeight);
    // Zooms by `steps` wheel notches (positive: closer) towards the point under `cursor`.
    void zoomTowards(glm::vec2 cursor, glm::vec2 viewportSize, float steps);

    // The camera a fraction `t` (0 to 1) of the way from `from` to `to`, eased in and out: the
    // target moves in a straight line, the distance geometrically, and the direction the short
    // way round. For smooth camera moves.
    static OrbitCamera between(const OrbitCamera& from, const OrbitCamera& to, float t);

    // Puts the camera exactly where a saved scene had it: looking at `target` from `distance` away,
    // turned by `yaw` (0: the eye on +Z) and `pitch` (radians; kept within +-89 degrees). Keeps the
    // scene given to frame(), which bounds the distance.
    void setPose(const glm::vec3& target, float yaw, float pitch, float distance);
    // Shifts the picture across the viewport without turning the eye (a shifted lens): the target
    // appears at `ndc` (-1..1 from the middle to the edges, y up) instead of the middle. Used to
    // centre what is framed in the part of the view that no panel covers.
    void setLensShift(glm::vec2 ndc) { lensShift_ = ndc; }
    glm::vec2 lensShift() const { return lensShift_; }

    glm::mat4 view() const;
    // The perspective projection, lens shift included.
    glm::mat4 projection(float aspect) const;
    glm::vec3 eye() const;
    const glm::vec3& target() const { return target_; }
    float distance() const { return distance_; }
    float yaw() const { return yaw_; }
    float pitch() const { return pitch_; }

    // The ray from the eye through pixel `cursor` of a viewport of `viewportSize`.
    Ray rayThrough(glm::vec2 cursor, glm::vec2 viewportSize) const;
    // The pixel where world point `p` appears; z is the depth in [0, 1] (outside: behind or beyond).
    glm::vec3 project(const glm::vec3& p, glm::vec2 viewportSize) const;
    // The pixel rectangle (lowest and highest corner) that the eight corners of `box` project to,
    // which holds all of the box that is in view; nothing when a corner lies at or behind the
    // plane of the eye, where no rectangle on the screen bounds it.
    std::optional<std::pair<glm::vec2, glm::vec2>> projectedRect(const Bounds& box, glm::vec2 viewportSize) const;

private:
    void clampDistance();

    glm::vec3 target_{0.0f, 1.0f, 0.0f};
    float distance_ = 3.0f;
    float yaw_ = 0.0f;    // 0: the eye on +Z (anterior); pi: the eye on -Z (posterior)
    float pitch_ = 0.0f;  // positive: the eye above the target
    float sceneRadius_ = 1.0f;
    glm::vec2 lensShift_{0.0f};
};

}  // namespace dorsal
