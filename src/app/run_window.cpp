#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <optional>
#include <string>

#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>

#include "app/offscreen_context.h"
#include "app/runs.h"
#include "app/session.h"
#include "core/data_paths.h"
#include "core/scene.h"
#include "ui/panels.h"

namespace dorsal {

namespace {

constexpr int kWindowWidth = 1280;
constexpr int kWindowHeight = 800;
// ImGui settles hover and layout changes over a few frames after any input, and a request from a
// panel (a menu item that opens a dialog whose text box takes the keyboard) needs three more.
constexpr int kFramesAfterInput = 6;
// A press and release closer than this many pixels is a click, not a drag.
constexpr double kClickSlop = 4.0;
// In presentation, the mouse this close to the left or right edge brings that panel in.
constexpr double kEdgePixels = 6.0;

std::string lastGlfwError;

// The mouse as the 3D view sees it: orbit with the left button, pan with the right or middle one,
// click to select, double-click on the background to reset.
struct MouseState {
    bool orbiting = false;
    bool panning = false;
    bool marking = false;  // brushing the sore area in "where does it hurt?"
    std::optional<std::size_t> draggingPin;  // a pin pressed on, which follows the drag
    glm::vec2 pinGrab{0.0f};  // from the cursor to that pin's point when it was pressed, in pixels
    double pressX = 0.0;
    double pressY = 0.0;
    double lastX = 0.0;
    double lastY = 0.0;
    double lastClickTime = -1.0;
};

// The GLFW keys Dorsal binds, as the command table names them.
std::optional<Key> keyOf(int glfwKey) {
    switch (glfwKey) {
        case GLFW_KEY_0: return Key::Digit0;
        case GLFW_KEY_1: return Key::Digit1;
        case GLFW_KEY_2: return Key::Digit2;
        case GLFW_KEY_3: return Key::Digit3;
        case GLFW_KEY_4: return Key::Digit4;
        case GLFW_KEY_5: return Key::Digit5;
        case GLFW_KEY_6: return Key::Digit6;
        case GLFW_KEY_A: return Key::A;
        case GLFW_KEY_C: return Key::C;
        case GLFW_KEY_D: return Key::D;
        case GLFW_KEY_F: return Key::F;
        case GLFW_KEY_H: return Key::H;
        case GLFW_KEY_I: return Key::I;
        case GLFW_KEY_L: return Key::L;
        case GLFW_KEY_N: return Key::N;
        case GLFW_KEY_O: return Key::O;
        case GLFW_KEY_P: return Key::P;
        case GLFW_KEY_Q: return Key::Q;
        case GLFW_KEY_R: return Key::R;
        case GLFW_KEY_S: return Key::S;
        case GLFW_KEY_W: return Key::W;
        case GLFW_KEY_X: return Key::X;
        case GLFW_KEY_LEFT_BRACKET: return Key::LeftBracket;
        case GLFW_KEY_RIGHT_BRACKET: return Key::RightBracket;
        case GLFW_KEY_EQUAL: return Key::Equal;
        case GLFW_KEY_KP_ADD: return Key::Equal;  // Ctrl and the keypad's + make text larger too
        case GLFW_KEY_MINUS: return Key::Minus;
        case GLFW_KEY_KP_SUBTRACT: return Key::Minus;
        case GLFW_KEY_COMMA: return Key::Comma;
        case GLFW_KEY_ESCAPE: return Key::Escape;
        case GLFW_KEY_HOME: return Key::Home;
        case GLFW_KEY_LEFT: return Key::Left;
        case GLFW_KEY_RIGHT: return Key::Right;
        case GLFW_KEY_F1: return Key::F1;
        case GLFW_KEY_DELETE: return Key::Delete;
        case GLFW_KEY_F5: return Key::F5;
        case GLFW_KEY_F11: return Key::F11;
        default: return std::nullopt;
    }
}

unsigned modifiersOf(int glfwMods) {
    return ((glfwMods & GLFW_MOD_CONTROL) ? kCtrl : 0u) | ((glfwMods & GLFW_MOD_ALT) ? kAlt : 0u) |
           ((glfwMods & GLFW_MOD_SHIFT) ? kShift : 0u);
}

// A key or a typed character, on its way to Dear ImGui.
struct KeyboardEvent {
    int key = 0;  // a GLFW key, or 0 for a character
    int scancode = 0;
    int action = 0;
    int mods = 0;
    unsigned character = 0;
};

struct WindowApp {
    GLFWwindow* window = nullptr;
    Session* session = nullptr;
    // The window's place and size before presentation made it fill the screen.
    bool presentingBefore = false;
    bool fullscreen = false;
    int windowedX = 0;
    int windowedY = 0;
    int windowedWidth = kWindowWidth;
    int windowedHeight = kWindowHeight;

    // Follows presentation mode: fills the monitor the window is on when presentation starts (as
    // the settings ask), and gives the window its place and size back when it ends.
    void followPresentation() {
        const bool presenting = session->atlas().presenting();
        if (presenting && !presentingBefore) {
            session->atlas().setNotice("Presenting: the panels come in at the screen's left and right edges; Esc leaves");
        }
        presentingBefore = presenting;
        const bool wanted = presenting && session->settings().presentFullscreen;
        if (wanted == fullscreen) return;
        fullscreen = wanted;
        if (wanted) {
            glfwGetWindowPos(window, &windowedX, &windowedY);
            glfwGetWindowSize(window, &windowedWidth, &windowedHeight);
            GLFWmonitor* monitor = monitorOfWindow();
            if (!monitor) return;
            const GLFWvidmode* mode = glfwGetVideoMode(monitor);
            glfwSetWindowMonitor(window, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
        } else {
            glfwSetWindowMonitor(window, nullptr, windowedX, windowedY, windowedWidth, windowedHeight, GLFW_DONT_CARE);
        }
        framesToDraw = kFramesAfterInput;
    }

    // The monitor holding the middle of the window, else the primary one.
    GLFWmonitor* monitorOfWindow() const {
        int x = 0;
        int y = 0;
        int width = 0;
        int height = 0;
        glfwGetWindowPos(window, &x, &y);
        glfwGetWindowSize(window, &width, &height);
        int count = 0;
        GLFWmonitor** monitors = glfwGetMonitors(&count);
        for (int i = 0; i < count; ++i) {
            int mx = 0;
            int my = 0;
            glfwGetMonitorPos(monitors[i], &mx, &my);
            const GLFWvidmode* mode = glfwGetVideoMode(monitors[i]);
            if (!mode) continue;
            const int cx = x + width / 2;
            const int cy = y + height / 2;
            if (cx >= mx && cy >= my && cx < mx + mode->width && cy < my + mode->height) return monitors[i];
        }
        return glfwGetPrimaryMonitor();
    }

    // In presentation, the panels come in while the mouse is at their edge of the screen or over
    // them, and go when it leaves.
    void revealPanelsFor(double x, double y) {
        AtlasState& atlas = session->atlas();
        if (!atlas.presenting()) return;
        const glm::vec2 cursor = cursorInFramebuffer(x, y);
        const FrameLayout layout = atlas.layout();
        const PanelSlide slide = atlas.panelSlide();
        const float width = static_cast<float>(layout.scene.width);
        const bool side = cursor.x <= kEdgePixels ||
                          (slide.side > 0.0f && cursor.x < static_cast<float>(layout.sidePanel.x + layout.sidePanel.width));
        const bool entry = cursor.x >= width - kEdgePixels ||
                           (slide.entry > 0.0f && layout.entryPanel.width > 0 && cursor.x >= static_cast<float>(layout.entryPanel.x));
        atlas.revealPanels(side, entry);
    }

    MouseState mouse;
    int framesToDraw = kFramesAfterInput;
    // Dear ImGui 1.86 reads whether a key is down once a frame, so a key pressed and released
    // within one frame (Enter or Backspace typed quickly while a frame renders) would be lost.
    // Keys and characters wait here and reach it in order, at most one change of each key a frame.
    std::deque<KeyboardEvent> keyboard;

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

    // Whether the cursor lies inside the 3D view.
    bool cursorInScene(double x, double y) const {
        const Viewport scene = session->atlas().layout().scene;
        const glm::vec2 p = cursorInFramebuffer(x, y) - glm::vec2(scene.x, scene.y);
        return p.x >= 0 && p.y >= 0 && p.x < static_cast<float>(scene.width) && p.y < static_cast<float>(scene.height);
    }

    // The pin whose marker (from its point up to its head) is under the cursor, or nullopt.
    std::optional<std::size_t> pinUnder(double x, double y) const {
        const float scale = session->uiScale();
        const glm::vec2 markerMiddle = cursorInFramebuffer(x, y) + glm::vec2(0.0f, 0.5f * kPinMarkerHeight * scale);
        return session->atlas().pinNear(markerMiddle, (0.5f * kPinMarkerHeight + 6.0f) * scale);
    }

    void click(double x, double y, bool additive) {
        if (!cursorInScene(x, y)) return;
        AtlasState& atlas = session->atlas();
        if (atlas.pinMode()) {
            atlas.addPinAt(cursorInFramebuffer(x, y));
            return;
        }
        atlas.selectPin(std::nullopt);
        const double now = glfwGetTime();
        const bool doubleClick = mouse.lastClickTime >= 0.0 && now - mouse.lastClickTime < 0.35;
        mouse.lastClickTime = doubleClick ? -1.0 : now;
        const int node = atlas.nodeAt(cursorInFramebuffer(x, y));
        if (node >= 0) {
            atlas.click(node, additive);
        } else if (doubleClick) {
            atlas.run(CommandId::ResetView);
        } else if (!additive) {
            atlas.clickEmpty();
        }
    }

    void run(const KeyChord& chord) {
        // A text box, or a dialog, takes the keys: only the commands that work while typing run.
        const bool typing = ImGui::GetIO().WantCaptureKeyboard || session->dialogOpen();
        const std::optional<CommandId> command = commandForKey(chord, typing);
        if (command) session->run(*command);
    }

    // Hands the waiting keyboard events to ImGui, and key presses to the command table, before a
    // frame; what has to wait for the next frame stays queued.
    void deliverKeyboard() {
        std::vector<int> keysThisFrame;
        bool pressedThisFrame = false;
        while (!keyboard.empty()) {
            const KeyboardEvent event = keyboard.front();
            if (event.key == 0) {
                ImGui_ImplGlfw_CharCallback(window, event.character);
            } else {
                if (std::find(keysThisFrame.begin(), keysThisFrame.end(), event.key) != keysThisFrame.end()) break;
                // Ctrl let go just after A is pressed (a quick hand, or xdotool) must still make Ctrl+A for
                // ImGui, which reads the modifiers once a frame: the release waits a frame.
                const bool modifier = event.key >= GLFW_KEY_LEFT_SHIFT && event.key <= GLFW_KEY_RIGHT_SUPER;
                if (modifier && event.action == GLFW_RELEASE && pressedThisFrame) break;
                pressedThisFrame = pressedThisFrame || (event.action == GLFW_PRESS && !modifier);
                keysThisFrame.push_back(event.key);
                ImGui_ImplGlfw_KeyCallback(window, event.key, event.scancode, event.action, event.mods);
                const std::optional<Key> bound = keyOf(event.key);
                if (event.action == GLFW_PRESS && bound) run({*bound, modifiersOf(event.mods)});
            }
            keyboard.pop_front();
        }
        if (!keyboard.empty()) framesToDraw = kFramesAfterInput;
    }
};

WindowApp& appOf(GLFWwindow* window) { return *static_cast<WindowApp*>(glfwGetWindowUserPointer(window)); }

// Dear ImGui hears of each event first, as its own callbacks would, then the 3D view.
void onMouseButton(GLFWwindow* window, int button, int action, int mods) {
    ImGui_ImplGlfw_MouseButtonCallback(window, button, action, mods);
    WindowApp& app = appOf(window);
    app.framesToDraw = kFramesAfterInput;
    double x = 0.0;
    double y = 0.0;
    glfwGetCursorPos(window, &x, &y);
    if (action == GLFW_PRESS) {
        // The side buttons of a mouse step through what was shown, as in a browser.
        if (button == GLFW_MOUSE_BUTTON_4) app.run({Key::MouseBack, modifiersOf(mods)});
        if (button == GLFW_MOUSE_BUTTON_5) app.run({Key::MouseForward, modifiersOf(mods)});
        if (ImGui::GetIO().WantCaptureMouse) return;
        app.mouse.pressX = app.mouse.lastX = x;
        app.mouse.pressY = app.mouse.lastY = y;
        AtlasState& atlas = app.session->atlas();
        // In "where does it hurt?" the left button marks the body and the right one turns it.
        if (atlas.whereMode()) {
            if (button == GLFW_MOUSE_BUTTON_LEFT && app.cursorInScene(x, y)) {
                app.mouse.marking = true;
                atlas.markAt(app.cursorInFramebuffer(x, y), true, (mods & GLFW_MOD_CONTROL) != 0);
            }
            if (button == GLFW_MOUSE_BUTTON_RIGHT) app.mouse.orbiting = true;
            if (button == GLFW_MOUSE_BUTTON_MIDDLE) app.mouse.panning = true;
            return;
        }
        if (button == GLFW_MOUSE_BUTTON_LEFT && app.cursorInScene(x, y) && !atlas.pinMode()) {
            // A press on a pin takes it: a click selects it, a drag moves it over the body.
            app.mouse.draggingPin = app.pinUnder(x, y);
            if (app.mouse.draggingPin) {
                atlas.selectPin(app.mouse.draggingPin);
                app.mouse.pinGrab = atlas.pinPixel(*app.mouse.draggingPin).value_or(app.cursorInFramebuffer(x, y)) -
                                    app.cursorInFramebuffer(x, y);
                return;
            }
        }
        if (button == GLFW_MOUSE_BUTTON_LEFT) app.mouse.orbiting = true;
        if (button == GLFW_MOUSE_BUTTON_RIGHT || button == GLFW_MOUSE_BUTTON_MIDDLE) app.mouse.panning = true;
        return;
    }
    if (button == GLFW_MOUSE_BUTTON_LEFT && app.mouse.draggingPin) {
        app.mouse.draggingPin.reset();
        return;
    }
    if (button == GLFW_MOUSE_BUTTON_LEFT && app.mouse.orbiting && !app.session->atlas().whereMode() &&
        std::hypot(x - app.mouse.pressX, y - app.mouse.pressY) < kClickSlop) {
        app.click(x, y, (mods & GLFW_MOD_CONTROL) != 0);
    }
    if (button == GLFW_MOUSE_BUTTON_LEFT) app.mouse.orbiting = app.mouse.marking = false;
    if (button == GLFW_MOUSE_BUTTON_RIGHT) app.mouse.orbiting = false;
    if (button == GLFW_MOUSE_BUTTON_RIGHT || button == GLFW_MOUSE_BUTTON_MIDDLE) app.mouse.panning = false;
}

void onCursor(GLFWwindow* window, double x, double y) {
    WindowApp& app = appOf(window);
    app.framesToDraw = kFramesAfterInput;
    AtlasState& atlas = app.session->atlas();
    const glm::vec2 delta = app.cursorInFramebuffer(x, y) - app.cursorInFramebuffer(app.mouse.lastX, app.mouse.lastY);
    if (app.mouse.orbiting) atlas.orbit(delta.x, delta.y);
    if (app.mouse.panning) atlas.pan(delta.x, delta.y);
    if (app.mouse.marking && app.cursorInScene(x, y)) atlas.markAt(app.cursorInFramebuffer(x, y), false, true);
    if (app.mouse.draggingPin && app.cursorInScene(x, y) &&
        std::hypot(x - app.mouse.pressX, y - app.mouse.pressY) >= kClickSlop) {
        atlas.movePin(*app.mouse.draggingPin, app.cursorInFramebuffer(x, y) + app.mouse.pinGrab);
    }
    // Hovering names what is under the cursor; not while dragging or over a panel.
    const bool overScene = !ImGui::GetIO().WantCaptureMouse && !app.mouse.orbiting && !app.mouse.panning &&
                           !app.mouse.marking && !app.mouse.draggingPin;
    const glm::vec2 cursor = app.cursorInFramebuffer(x, y);
    if (!overScene) {
        app.session->setHovered(-1, std::nullopt);
    } else if (atlas.whereMode()) {
        app.session->setHovered(-1, atlas.regionUnder(cursor));
    } else {
        app.session->setHovered(atlas.nodeAt(cursor), std::nullopt);
    }
    app.mouse.lastX = x;
    app.mouse.lastY = y;
    app.revealPanelsFor(x, y);
}

void onScroll(GLFWwindow* window, double dx, double dy) {
    ImGui_ImplGlfw_ScrollCallback(window, dx, dy);
    WindowApp& app = appOf(window);
    app.framesToDraw = kFramesAfterInput;
    if (ImGui::GetIO().WantCaptureMouse) return;
    double x = 0.0;
    double y = 0.0;
    glfwGetCursorPos(window, &x, &y);
    if (app.cursorInScene(x, y)) app.session->atlas().zoomTowards(app.cursorInFramebuffer(x, y), static_cast<float>(dy));
}

void onKey(GLFWwindow* window, int key, int scancode, int action, int mods) {
    WindowApp& app = appOf(window);
    app.framesToDraw = kFramesAfterInput;
    app.keyboard.push_back({key, scancode, action, mods, 0});
}

void onCharacter(GLFWwindow* window, unsigned character) {
    WindowApp& app = appOf(window);
    app.framesToDraw = kFramesAfterInput;
    app.keyboard.push_back({0, 0, 0, 0, character});
}

// A scene file dropped onto the window opens as a scene; anything else, as a model.
void onDrop(GLFWwindow* window, int count, const char** paths) {
    if (count <= 0) return;
    Session& session = *appOf(window).session;
    if (isSceneFileName(paths[0])) {
        session.openScene(paths[0], true);
    } else {
        session.startLoading(paths[0]);
    }
}

// "anna.dorsal - Dorsal", with a "*" while what is on screen differs from the file.
std::string windowTitle(const Session& session) {
    if (session.scenePath().empty()) return "Dorsal";
    std::string title = session.sceneModified() ? "*" : "";
    return title + session.scenePath().filename().string() + " - Dorsal";
}

void onRefresh(GLFWwindow* window) { appOf(window).framesToDraw = kFramesAfterInput; }

}  // namespace

int runWindow(const Options& options) {
    // Before the window opens, so that a missing data folder is reported without a window flashing up.
    const std::filesystem::path shaders = shaderDirectory();
    const std::optional<NodeNames> names = options.names.empty() ? std::nullopt : std::optional(loadNodeNames(options.names));
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
        Session session(uiScale, loadContent(options.contentDir.empty() ? builtInContentPath() : options.contentDir),
                        shaders);
        session.useSettingsIn(SettingsFile::defaultFolder());
        if (names) session.useNames(*names);
        AtlasState& atlas = session.atlas();
        atlas.setPresenting(options.present);
        atlas.setStartView(options.view);
        atlas.setCameraAnimation(true);
        WindowApp app;
        app.window = window;
        app.session = &session;
        glfwSetWindowUserPointer(window, &app);
        // Dorsal's own callbacks pass each event on to ImGui's backend (the keyboard a frame later
        // when it must wait), so ImGui's are not installed.
        ImGui_ImplGlfw_InitForOpenGL(window, false);
        glfwSetMouseButtonCallback(window, onMouseButton);
        glfwSetCursorPosCallback(window, onCursor);
        glfwSetScrollCallback(window, onScroll);
        glfwSetKeyCallback(window, onKey);
        glfwSetCharCallback(window, onCharacter);
        glfwSetCursorEnterCallback(window, ImGui_ImplGlfw_CursorEnterCallback);
        glfwSetWindowFocusCallback(window, ImGui_ImplGlfw_WindowFocusCallback);
        glfwSetDropCallback(window, onDrop);
        glfwSetWindowRefreshCallback(window, onRefresh);

        int width = 0;
        int height = 0;
        glfwGetFramebufferSize(window, &width, &height);
        atlas.setFrame(width, height, true, session.uiScale());
        // Even the first model loads in the background: the window answers from the start. A
        // scene that cannot be read is a message over the built-in model.
        if (options.scene.empty() || !session.openScene(options.scene, true)) {
            session.startLoading(options.model.empty() ? builtInModelPath() : options.model, options.start);
        }
        session.setFrameTarget(Renderer::FrameTarget::Screen);
        session.setLiveView(true);
        session.warmUpDrawing(width, height);  // while the model loads
        std::string title = "Dorsal";

        double lastTime = glfwGetTime();
        while (!glfwWindowShouldClose(window) && !session.quitRequested()) {
            app.followPresentation();
            if (atlas.animating()) app.framesToDraw = kFramesAfterInput;
            if (app.framesToDraw > 0 || session.loading()) {
                // Keep drawing while something changes; a pending load is polled ten times a second.
                glfwWaitEventsTimeout(session.loading() ? 0.1 : 0.0);
            } else {
                glfwWaitEvents();
            }
            if (session.pollLoading()) app.framesToDraw = kFramesAfterInput;
            const double now = glfwGetTime();
            atlas.advanceTime(static_cast<float>(now - lastTime));
            lastTime = now;
            glfwGetFramebufferSize(window, &width, &height);
            if (width <= 0 || height <= 0) continue;  // minimised
            app.deliverKeyboard();
            ImGui_ImplGlfw_NewFrame();
            session.composeFrame(width, height, true);
            if (std::string shown = windowTitle(session); shown != title) {
                title = std::move(shown);
                glfwSetWindowTitle(window, title.c_str());
            }
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
