#include "app/offscreen_context.h"

#include <EGL/egl.h>
#include <EGL/eglext.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

namespace dorsal {

struct OffscreenContext::Egl {
    EGLDisplay display = EGL_NO_DISPLAY;
    EGLContext context = EGL_NO_CONTEXT;

    ~Egl() {
        if (display == EGL_NO_DISPLAY) return;
        eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
        if (context != EGL_NO_CONTEXT) eglDestroyContext(display, context);
        eglTerminate(display);
    }

    // Returns an empty string on success, or why EGL cannot be used here.
    std::string create() {
        auto getPlatformDisplay =
            reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(eglGetProcAddress("eglGetPlatformDisplayEXT"));
        if (!getPlatformDisplay) return "EGL has no eglGetPlatformDisplayEXT";
        display = getPlatformDisplay(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
        if (display == EGL_NO_DISPLAY) return "EGL has no surfaceless platform";
        EGLint major = 0;
        EGLint minor = 0;
        if (!eglInitialize(display, &major, &minor)) {
            display = EGL_NO_DISPLAY;
            return "EGL cannot initialise the surfaceless platform";
        }
        if (!eglBindAPI(EGL_OPENGL_API)) return "EGL cannot bind desktop OpenGL";
        const EGLint configAttributes[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_NONE};
        EGLConfig config = nullptr;
        EGLint count = 0;
        if (!eglChooseConfig(display, configAttributes, &config, 1, &count) || count == 0) config = nullptr;
        const EGLint contextAttributes[] = {EGL_CONTEXT_MAJOR_VERSION, 3, EGL_CONTEXT_MINOR_VERSION, 3,
                                            EGL_CONTEXT_OPENGL_PROFILE_MASK, EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                                            EGL_NONE};
        context = eglCreateContext(display, config, EGL_NO_CONTEXT, contextAttributes);
        if (context == EGL_NO_CONTEXT) return "EGL cannot create an OpenGL 3.3 core context";
        if (!eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, context)) {
            return "EGL cannot make a context current without a surface";
        }
        return {};
    }
};

OffscreenContext::OffscreenContext() : egl_(std::make_unique<Egl>()) {
    const std::string eglProblem = egl_->create();
    if (eglProblem.empty()) {
        kind_ = "EGL surfaceless";
        return;
    }
    egl_.reset();

    // Without EGL, a hidden window of a real display still gives a context.
    if (glfwInit()) {
        glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
        GLFWwindow* window = glfwCreateWindow(64, 64, "dorsal offscreen", nullptr, nullptr);
        if (window) {
            glfwMakeContextCurrent(window);
            hiddenWindow_ = window;
            kind_ = "hidden GLFW window";
            return;
        }
        glfwTerminate();
    }
    throw ContextError("cannot render offscreen: " + eglProblem +
                       " and no display is available. Install Mesa's EGL (apt-get install libegl-mesa0 "
                       "libgl1-mesa-dri), or run under a virtual display: xvfb-run dorsal --output FILE.png");
}

OffscreenContext::~OffscreenContext() {
    if (hiddenWindow_) {
        glfwDestroyWindow(static_cast<GLFWwindow*>(hiddenWindow_));
        glfwTerminate();
    }
}

}  // namespace dorsal
