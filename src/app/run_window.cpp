#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>

#include "app/offscreen_context.h"
#include "app/runs.h"
#include "app/session.h"
#include "core/data_paths.h"

namespace dorsal {

namespace {

constexpr int kWindowWidth = 1280;
constexpr int kWindowHeight = 800;
// ImGui settles hover and layout changes over a few frames after any input.
constexpr int kFramesAfterInput = 3;
// A press and release closer than this many pixels is a click, not a drag.
constexpr double kClickSlop = 4.0;

std::string lastGlfwError;

// The mouse as the 3D view sees it: orbit with the left button, pan with the right or middle one,
// click to select, double-click on the background to reset.
struct MouseState {
    bool orbiting = false;
    bool panning = false;
    double pressX = 0.0;
    double pressY = 0.0;
    double lastX = 0.0;
    double lastY = 0.0;
    double lastClickTime = -1.0;
};

// Keys 1 to 6: the view presets in the order of the toolbar.
constexpr ViewPreset kPresetKeys[] = {ViewPreset::Anterior, ViewPreset::Posterior, ViewPreset::Left,
                                      ViewPreset::Right,    ViewPreset::Superior,  ViewPreset::Oblique};

struct WindowApp {
    GLFWwindow* window = nullptr;
    Session* session = nullptr;
    MouseState mouse;
    int framesToDraw = kFramesAfterInput;

    // Cursor position in framebuffer pixels, which is what the viewport is measured in.
    glm::vec2 cursorInFramebuffer(double x, double y) const {
        int windowWidth = 1;
        int windowHeight = 1;
        int bufferWidth = 1;
        int bufferHeight = 1;
        glfwGetWindowSize(window, &windowWidth, &windowHeight);
        glfwGetFramebufferSize(window, &bufferWidth, &bufferHeight);
        return {static_cast<float>(x * bufferWidth / std::max(windowWidth, 1)),
                static_cast<float>(y * bufferHeight / std::max(windowHeight, 1))};
    }

    // The cursor relative to the 3D view, and whether it lies inside it.
    bool cursorInScene(double x, double y, glm::vec2& inScene, glm::vec2& sceneSize) const {
        const Viewport scene = session->layoutNow().scene;
        const glm::vec2 p = cursorInFramebuffer(x, y);
        inScene = p - glm::vec2(scene.x, scene.y);
        sceneSize = glm::vec2(scene.width, scene.height);
        return inScene.x >= 0 && inScene.y >= 0 && inScene.x < sceneSize.x && inScene.y < sceneSize.y;
    }

    void click(double x, double y, bool additive) {
        glm::vec2 inScene;
        glm::vec2 sceneSize;
        if (!cursorInScene(x, y, inScene, sceneSize)) return;
        const double now = glfwGetTime();
        const bool doubleClick = mouse.lastClickTime >= 0.0 && now - mouse.lastClickTime < 0.35;
        mouse.lastClickTime = doubleClick ? -1.0 : now;
        const int node = session->nodeAt(cursorInFramebuffer(x, y));
        if (node >= 0) {
            session->selectNode(node, additive);
        } else if (doubleClick) {
            session->viewFrom(session->initialView());
        } else if (!additive) {
            session->clearSelection();
        }
    }
};

WindowApp& appOf(GLFWwindow* window) { return *static_cast<WindowApp*>(glfwGetWindowUserPointer(window)); }

void onMouseButton(GLFWwindow* window, int button, int action, int mods) {
    WindowApp& app = appOf(window);
    app.framesToDraw = kFramesAfterInput;
    double x = 0.0;
    double y = 0.0;
    glfwGetCursorPos(window, &x, &y);
    if (action == GLFW_PRESS) {
        // The side buttons of a mouse step through the entries, as in a browser.
        if (button == GLFW_MOUSE_BUTTON_4) app.session->goBack();
        if (button == GLFW_MOUSE_BUTTON_5) app.session->goForward();
        if (ImGui::GetIO().WantCaptureMouse) return;
        app.mouse.pressX = app.mouse.lastX = x;
        app.mouse.pressY = app.mouse.lastY = y;
        if (button == GLFW_MOUSE_BUTTON_LEFT) app.mouse.orbiting = true;
        if (button == GLFW_MOUSE_BUTTON_RIGHT || button == GLFW_MOUSE_BUTTON_MIDDLE) app.mouse.panning = true;
        return;
    }
    if (button == GLFW_MOUSE_BUTTON_LEFT && app.mouse.orbiting &&
        std::hypot(x - app.mouse.pressX, y - app.mouse.pressY) < kClickSlop) {
        app.click(x, y, (mods & GLFW_MOD_CONTROL) != 0);
    }
    if (button == GLFW_MOUSE_BUTTON_LEFT) app.mouse.orbiting = false;
    if (button == GLFW_MOUSE_BUTTON_RIGHT || button == GLFW_MOUSE_BUTTON_MIDDLE) app.mouse.panning = false;
}

void onCursor(GLFWwindow* window, double x, double y) {
    WindowApp& app = appOf(window);
    app.framesToDraw = kFramesAfterInput;
    const glm::vec2 delta = app.cursorInFramebuffer(x, y) - app.cursorInFramebuffer(app.mouse.lastX, app.mouse.lastY);
    if (app.mouse.orbiting) app.session->camera().orbit(delta.x, delta.y);
    if (app.mouse.panning) {
        app.session->camera().pan(delta.x, delta.y, static_cast<float>(app.session->layoutNow().scene.height));
    }
    // Hovering names what is under the cursor; not while dragging or over a panel.
    const bool overScene = !ImGui::GetIO().WantCaptureMouse && !app.mouse.orbiting && !app.mouse.panning;
    app.session->setHoveredNode(overScene ? app.session->nodeAt(app.cursorInFramebuffer(x, y)) : -1);
    app.mouse.lastX = x;
    app.mouse.lastY = y;
}

void onScroll(GLFWwindow* window, double /*dx*/, double dy) {
    WindowApp& app = appOf(window);
    app.framesToDraw = kFramesAfterInput;
    if (ImGui::GetIO().WantCaptureMouse) return;
    double x = 0.0;
    double y = 0.0;
    glfwGetCursorPos(window, &x, &y);
    glm::vec2 inScene;
    glm::vec2 sceneSize;
    if (app.cursorInScene(x, y, inScene, sceneSize)) {
        app.session->camera().zoomTowards(inScene, sceneSize, static_cast<float>(dy));
    }
}

void onKey(GLFWwindow* window, int key, int /*scancode*/, int action, int mods) {
    WindowApp& app = appOf(window);
    app.framesToDraw = kFramesAfterInput;
    if (action != GLFW_PRESS) return;
    Session& session = *app.session;
    // These work even while typing in the search box.
    if ((mods & GLFW_MOD_CONTROL) && key == GLFW_KEY_F) return session.focusSearch();
    if ((mods & GLFW_MOD_ALT) && key == GLFW_KEY_LEFT) return session.goBack();
    if ((mods & GLFW_MOD_ALT) && key == GLFW_KEY_RIGHT) return session.goForward();
    if (key == GLFW_KEY_F1) session.helpOpen() = !session.helpOpen();
    if (ImGui::GetIO().WantCaptureKeyboard) return;
    ViewState& view = session.view();
    if (key >= GLFW_KEY_1 && key <= GLFW_KEY_6) session.viewFrom(kPresetKeys[key - GLFW_KEY_1]);
    if (key == GLFW_KEY_R || key == GLFW_KEY_HOME) session.viewFrom(session.initialView());
    if (key == GLFW_KEY_F) session.frameHighlight();
    if (key == GLFW_KEY_ESCAPE) session.clearSelection();
    if (key == GLFW_KEY_I) session.isolateHighlight();
    if (key == GLFW_KEY_H) session.hideSelection();
    if (key == GLFW_KEY_A) session.showAll();
    if (key == GLFW_KEY_X) view.xray = !view.xray;
    if (key == GLFW_KEY_L) view.labels = !view.labels;
    if (key == GLFW_KEY_D) view.others = view.others == OthersStyle::Dimmed ? OthersStyle::Normal : OthersStyle::Dimmed;
    if (key == GLFW_KEY_LEFT_BRACKET) view.peel(std::max(view.peelDepth() - 1, 0));
    if (key == GLFW_KEY_RIGHT_BRACKET) view.peel(std::min(view.peelDepth() + 1, kPeelableStrata - 1));
    if (key == GLFW_KEY_S) view.side = static_cast<SideShown>((static_cast<int>(view.side) + 1) % 3);
}

void onDrop(GLFWwindow* window, int count, const char** paths) {
    if (count > 0) appOf(window).session->startLoading(paths[0]);
}

void onRefresh(GLFWwindow* window) { appOf(window).framesToDraw = kFramesAfterInput; }

}  // namespace

int runWindow(const Options& options) {
    // Before the window opens, so that a missing data folder is reported without a window flashing up.
    const std::filesystem::path shaders = shaderDirectory();
    glfwSetErrorCallback([](int, const char* description) { lastGlfwError = description; });
    if (!glfwInit()) {
        const bool noDisplay = !std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY");
        throw ContextError(std::string("cannot open a window: ") +
                           (noDisplay ? "no display (DISPLAY and WAYLAND_DISPLAY are unset)" : lastGlfwError) +
                           ". To render without a display use --output FILE.png, or run under xvfb-run");
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);  // the window grows with the screen's scale
    // The desktop names the window's application by its class: the id of the installed .desktop file
    // (its StartupWMClass), so the dock and the task switcher show Dorsal's name and icon.
    glfwWindowHintString(GLFW_X11_CLASS_NAME, DORSAL_APP_ID);
    glfwWindowHintString(GLFW_X11_INSTANCE_NAME, "dorsal");
    GLFWwindow* window = glfwCreateWindow(kWindowWidth, kWindowHeight, "Dorsal", nullptr, nullptr);
    if (!window) {
        glfwTerminate();
        throw ContextError("cannot open an OpenGL 3.3 window: " + lastGlfwError);
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);

    float scaleX = 1.0f;
    float scaleY = 1.0f;
    glfwGetWindowContentScale(window, &scaleX, &scaleY);
    const float uiScale = std::max(1.0f, std::max(scaleX, scaleY));

    {
        Session session(uiScale, options.view, options.contentDir.empty() ? builtInContentPath() : options.contentDir,
                        shaders);
        session.setCameraAnimation(true);
        WindowApp app;
        app.window = window;
        app.session = &session;
        glfwSetWindowUserPointer(window, &app);
        // Installed before ImGui's backend, which then calls them after its own handlers.
        glfwSetMouseButtonCallback(window, onMouseButton);
        glfwSetCursorPosCallback(window, onCursor);
        glfwSetScrollCallback(window, onScroll);
        glfwSetKeyCallback(window, onKey);
        glfwSetDropCallback(window, onDrop);
        glfwSetWindowRefreshCallback(window, onRefresh);
        ImGui_ImplGlfw_InitForOpenGL(window, true);

        int width = 0;
        int height = 0;
        glfwGetFramebufferSize(window, &width, &height);
        session.setFrameSize(width, height, true);
        const std::filesystem::path modelPath = options.model.empty() ? builtInModelPath() : options.model;
        if (session.loadModel(modelPath)) applyStartOptions(options, session);

        while (!glfwWindowShouldClose(window)) {
            if (session.cameraMoving()) app.framesToDraw = kFramesAfterInput;
            if (app.framesToDraw > 0 || session.loading()) {
                // Keep drawing while something changes; a pending load is polled ten times a second.
                glfwWaitEventsTimeout(session.loading() ? 0.1 : 0.0);
            } else {
                glfwWaitEvents();
            }
            if (session.pollLoading()) app.framesToDraw = kFramesAfterInput;
            glfwGetFramebufferSize(window, &width, &height);
            if (width <= 0 || height <= 0) continue;  // minimised
            ImGui_ImplGlfw_NewFrame();
            session.composeFrame(width, height, true);
            session.renderer().presentToScreen();
            glfwSwapBuffers(window);
            if (app.framesToDraw > 0) --app.framesToDraw;
        }
        ImGui_ImplGlfw_Shutdown();
    }
    glfwDestroyWindow(window);
    glfwTerminate();
    return 0;
}

}  // namespace dorsal
