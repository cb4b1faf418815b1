#include <catch2/catch.hpp>
#include <tuple>

#include "core/camera.h"
#include "core/view_state.h"

using namespace dorsal;
using Catch::Detail::Approx;

namespace {

Bounds bodyBox() {
    Bounds b;
    b.add(glm::vec3(-0.25f, 0.0f, -0.15f));
    b.add(glm::vec3(0.25f, 1.72f, 0.15f));
    return b;
}

bool insideViewport(const glm::vec3& pixel, glm::vec2 size) {
    return pixel.x >= 0 && pixel.y >= 0 && pixel.x <= size.x && pixel.y <= size.y && pixel.z > 0 && pixel.z < 1;
}

}  // namespace

TEST_CASE("framing shows every corner of the model inside the viewport", "[camera]") {
    for (const glm::vec2 size : {glm::vec2(1280, 800), glm::vec2(400, 900), glm::vec2(950, 800)}) {
        OrbitCamera camera;
        const Bounds box = bodyBox();
        camera.frame(box, size.x / size.y);
        for (int corner = 0; corner < 8; ++corner) {
            const glm::vec3 p((corner & 1) ? box.max.x : box.min.x, (corner & 2) ? box.max.y : box.min.y,
                              (corner & 4) ? box.max.z : box.min.z);
            INFO("viewport " << size.x << "x" << size.y << ", corner " << corner);
            CHECK(insideViewport(camera.project(p, size), size));
        }
        // The centre of the model lands in the centre of the view.
        const glm::vec3 centre = camera.project(box.centre(), size);
        CHECK(centre.x == Approx(size.x / 2).margin(0.5));
        CHECK(centre.y == Approx(size.y / 2).margin(0.5));
    }
}

TEST_CASE("a box's rectangle on screen holds every point of it, and none exists for a box around the eye", "[camera]") {
    const glm::vec2 size(950, 600);
    OrbitCamera camera;
    const Bounds box = bodyBox();
    camera.frame(box, size.x / size.y);
    camera.orbit(120.0f, 30.0f);
    const auto rect = camera.projectedRect(box, size);
    REQUIRE(rect);
    const auto [low, high] = *rect;
    // The renderer composites only this rectangle: a point of the box outside it would be lost.
    for (int i = 0; i <= 10; ++i) {
        for (int j = 0; j <= 10; ++j) {
            const glm::vec3 p = box.min + box.size() * glm::vec3(i / 10.0f, j / 10.0f, (i * j % 11) / 10.0f);
            const glm::vec3 pixel = camera.project(p, size);
            CHECK(pixel.x >= low.x - 1e-3f);
            CHECK(pixel.y >= low.y - 1e-3f);
            CHECK(pixel.x <= high.x + 1e-3f);
            CHECK(pixel.y <= high.y + 1e-3f);
        }
    }
    // It is tight enough to save work: the framed body leaves most of a wide view outside it.
    CHECK((high.x - low.x) * (high.y - low.y) < 0.6f * size.x * size.y);

    Bounds aroundEye;
    aroundEye.add(camera.eye() - glm::vec3(0.1f));
    aroundEye.add(camera.eye() + glm::vec3(0.1f));
    CHECK_FALSE(camera.projectedRect(aroundEye, size));
}

TEST_CASE("view presets put the eye on the side the anatomy names", "[camera]") {
    OrbitCamera camera;
    camera.frame(bodyBox(), 1.6f, ViewPreset::Anterior);
    CHECK(camera.eye().z > camera.target().z + 1.0f);  // anterior looks from +Z
    camera.setPreset(ViewPreset::Posterior);
    CHECK(camera.eye().z < camera.target().z - 1.0f);
    camera.setPreset(ViewPreset::Left);
    CHECK(camera.eye().x > camera.target().x + 1.0f);  // +X is the subject's left
    camera.setPreset(ViewPreset::Right);
    CHECK(camera.eye().x < camera.target().x - 1.0f);
    camera.setPreset(ViewPreset::Superior);
    CHECK(camera.eye().y > camera.target().y + 1.0f);
}

TEST_CASE("view preset names round-trip and unknown names are refused", "[camera]") {
    for (ViewPreset p : {ViewPreset::Anterior, ViewPreset::Posterior, ViewPreset::Left, ViewPreset::Right,
                         ViewPreset::Superior, ViewPreset::Oblique}) {
        CHECK(viewPresetFromName(viewPresetName(p)) == p);
    }
    CHECK_FALSE(viewPresetFromName("behind").has_value());
}

TEST_CASE("orbiting keeps the distance and the target", "[camera]") {
    OrbitCamera camera;
    camera.frame(bodyBox(), 1.6f);
    const float distance = camera.distance();
    const glm::vec3 target = camera.target();
    camera.orbit(120.0f, -40.0f);
    CHECK(glm::length(camera.eye() - target) == Approx(distance).epsilon(1e-4));
    CHECK(camera.target() == target);
    // Pitch is clamped: dragging far up never flips the model over.
    camera.orbit(0.0f, 100000.0f);
    CHECK(camera.eye().y > target.y);
    CHECK(glm::length(glm::vec2(camera.eye().x - target.x, camera.eye().z - target.z)) > 0.0f);
}

TEST_CASE("zooming towards the cursor keeps the point under the cursor in place", "[camera]") {
    OrbitCamera camera;
    camera.frame(bodyBox(), 1280.0f / 800.0f);
    const glm::vec2 size(1280, 800);
    const glm::vec2 cursor(900, 250);
    // The world point under the cursor on the target plane.
    const Ray ray = camera.rayThrough(cursor, size);
    const glm::vec3 forward = glm::normalize(camera.target() - camera.eye());
    const float t = glm::dot(camera.target() - ray.origin, forward) / glm::dot(ray.direction, forward);
    const glm::vec3 anchor = ray.origin + ray.direction * t;

    const float before = camera.distance();
    camera.zoomTowards(cursor, size, 3.0f);
    CHECK(camera.distance() < before);
    const glm::vec3 after = camera.project(anchor, size);
    CHECK(after.x == Approx(cursor.x).margin(0.5));
    CHECK(after.y == Approx(cursor.y).margin(0.5));

    camera.zoomTowards(cursor, size, -3.0f);
    CHECK(camera.distance() == Approx(before).epsilon(1e-3));
}

TEST_CASE("zoom is limited so the camera never passes through or loses the model", "[camera]") {
    OrbitCamera camera;
    camera.frame(bodyBox(), 1.6f);
    camera.zoomTowards({640, 400}, {1280, 800}, 200.0f);
    CHECK(camera.distance() > 0.0f);
    camera.zoomTowards({640, 400}, {1280, 800}, -400.0f);
    CHECK(camera.distance() < 100.0f);
}

TEST_CASE("panning moves the model with the mouse", "[camera]") {
    OrbitCamera camera;
    camera.frame(bodyBox(), 1.6f);
    const glm::vec2 size(1280, 800);
    const glm::vec3 point = bodyBox().centre();
    const glm::vec3 before = camera.project(point, size);
    camera.pan(100.0f, 50.0f, size.y);
    const glm::vec3 after = camera.project(point, size);
    CHECK(after.x - before.x == Approx(100.0f).margin(1.0));
    CHECK(after.y - before.y == Approx(50.0f).margin(1.0));
}

TEST_CASE("a ray through a pixel passes through what projects there", "[camera]") {
    OrbitCamera camera;
    camera.frame(bodyBox(), 1.6f, ViewPreset::Oblique);
    const glm::vec2 size(1280, 800);
    const glm::vec3 point(0.1f, 1.3f, -0.05f);
    const glm::vec3 pixel = camera.project(point, size);
    const Ray ray = camera.rayThrough(glm::vec2(pixel), size);
    const glm::vec3 toPoint = point - ray.origin;
    const float along = glm::dot(toPoint, ray.direction);
    CHECK(glm::length(toPoint - ray.direction * along) < 1e-3f);
}

TEST_CASE("the 3D view sits right of the side panel; the entry panel lies over it, leaving 40% open", "[layout]") {
    const FrameLayout bare = frameLayout(1280, 800, false, true, 1.0f);
    CHECK(bare.scene.x == 0);
    CHECK(bare.scene.width == 1280);
    const FrameLayout side = frameLayout(1280, 800, true, false, 1.0f);
    CHECK(side.scene.x == kSidePanelWidth);
    CHECK(side.scene.x + side.scene.width == 1280);
    CHECK(side.entryPanel.width == 0);
    const FrameLayout both = frameLayout(1280, 800, true, true, 1.0f);
    CHECK(both.entryPanel.width == kEntryPanelWidth);
    CHECK(both.entryPanel.x == 1280 - kEntryPanelWidth);
    CHECK(both.openArea.x + both.openArea.width == both.entryPanel.x);
    const FrameLayout narrow = frameLayout(800, 600, true, true, 2.0f);
    CHECK(narrow.openArea.width >= 320);
    CHECK(narrow.sidePanel.width + narrow.openArea.width + narrow.entryPanel.width == 800);
}

TEST_CASE("the view toolbar runs across the bottom, never over the 3D view", "[layout]") {
    const FrameLayout bare = frameLayout(1280, 800, false, false, 1.0f);
    CHECK(bare.scene.height == 800);
    CHECK(bare.toolbar.height == 0);
    const FrameLayout both = frameLayout(1280, 800, true, true, 1.0f);
    CHECK(both.toolbar.height == kViewToolbarHeight);
    CHECK(both.toolbar.y == both.scene.y + both.scene.height);
    CHECK(both.toolbar.y + both.toolbar.height == 800);
    // Across the whole width, under the side and entry panels too.
    CHECK(both.toolbar.x == 0);
    CHECK(both.toolbar.width == 1280);
    CHECK(both.sidePanel.y + both.sidePanel.height == both.toolbar.y);
    CHECK(both.entryPanel.y + both.entryPanel.height == both.toolbar.y);
    // The menu bar runs across the top, and the panels and the 3D view start under it.
    CHECK(both.menuBar.y == 0);
    CHECK(both.menuBar.width == 1280);
    CHECK(both.menuBar.height == kMenuBarHeight);
    CHECK(both.scene.y == kMenuBarHeight);
    CHECK(both.sidePanel.y == kMenuBarHeight);
    CHECK(both.sidePanel.height == 800 - kMenuBarHeight - kViewToolbarHeight);
    CHECK(bare.menuBar.height == 0);
    // On a short window the toolbar takes at most a third of the height under the menu bar.
    const FrameLayout shortWindow = frameLayout(800, 240, true, false, 2.0f);
    CHECK(shortWindow.toolbar.height == (240 - 2 * kMenuBarHeight) / 3);
}

TEST_CASE("opening an entry never resizes or moves the 3D view", "[layout]") {
    for (const auto& [width, height, scale] : {std::tuple{1280, 800, 1.0f}, std::tuple{640, 480, 1.0f},
                                               std::tuple{2560, 1600, 2.0f}}) {
        const FrameLayout closed = frameLayout(width, height, true, false, scale);
        const FrameLayout open = frameLayout(width, height, true, true, scale);
        CHECK(open.scene.x == closed.scene.x);
        CHECK(open.scene.y == closed.scene.y);
        CHECK(open.scene.width == closed.scene.width);
        CHECK(open.scene.height == closed.scene.height);
        CHECK(open.openArea.width < closed.openArea.width);
        CHECK(closed.openArea.width == closed.scene.width);
    }
}

TEST_CASE("presentation: the 3D view fills the frame, the panels slide in over it", "[layout][present]") {
    const FrameLayout out = presentationLayout(1920, 1080, true, 1.0f, {});
    CHECK(out.presenting);
    CHECK(out.scene.x == 0);
    CHECK(out.scene.y == 0);
    CHECK(out.scene.width == 1920);
    CHECK(out.scene.height == 1080);
    CHECK(out.menuBar.height == 0);
    CHECK(out.sidePanel.width == 0);
    CHECK(out.entryPanel.width == 0);
    // The reduced toolbar: at the bottom centre, narrower than the frame.
    CHECK(out.toolbar.height == kPresentationToolbarHeight);
    CHECK(out.toolbar.y + out.toolbar.height == 1080);
    CHECK(out.toolbar.x == (1920 - kPresentationToolbarWidth) / 2);
    CHECK(out.openArea.height == 1080 - kPresentationToolbarHeight);

    const FrameLayout half = presentationLayout(1920, 1080, true, 1.0f, {0.5f, 0.5f});
    CHECK(half.sidePanel.x == -kSidePanelWidth / 2);
    CHECK(half.sidePanel.width == kSidePanelWidth);
    CHECK(half.entryPanel.x == 1920 - kEntryPanelWidth / 2);
    const FrameLayout in = presentationLayout(1920, 1080, true, 1.0f, {1.0f, 1.0f});
    CHECK(in.sidePanel.x == 0);
    CHECK(in.entryPanel.x + in.entryPanel.width == 1920);
    CHECK(in.scene.width == 1920);  // the view stays as it is under them
    // Without an open entry, there is no entry panel to slide in.
    CHECK(presentationLayout(1920, 1080, false, 1.0f, {1.0f, 1.0f}).entryPanel.width == 0);
    // On a small screen the toolbar and the panels fit.
    const FrameLayout small = presentationLayout(640, 480, true, 1.0f, {1.0f, 1.0f});
    CHECK(small.toolbar.width == 640);
    CHECK(small.sidePanel.width + small.entryPanel.width < 640);
}

TEST_CASE("a shifted lens moves the picture without turning the eye", "[camera]") {
    OrbitCamera camera;
    Bounds box;
    box.add(glm::vec3(-0.2f, 0.8f, -0.1f));
    box.add(glm::vec3(0.2f, 1.2f, 0.1f));
    camera.frame(box, 1.5f, ViewPreset::Posterior);
    const glm::vec2 size(900.0f, 600.0f);
    const glm::vec3 eye = camera.eye();
    camera.setLensShift({-0.5f, 0.25f});
    CHECK(glm::distance(camera.eye(), eye) < 1e-6f);
    // The target appears a quarter of the width left of the middle and an eighth of the height up.
    const glm::vec3 target = camera.project(camera.target(), size);
    CHECK(target.x == Approx(0.25f * size.x).margin(0.5f));
    CHECK(target.y == Approx(0.375f * size.y).margin(0.5f));
    // Picking agrees: the ray through a point's pixel passes through the point.
    const glm::vec3 point(0.1f, 1.1f, -0.1f);
    const Ray ray = camera.rayThrough(glm::vec2(camera.project(point, size)), size);
    const glm::vec3 toPoint = point - ray.origin;
    CHECK(glm::length(toPoint - ray.direction * glm::dot(toPoint, ray.direction)) < 1e-3f);
}
