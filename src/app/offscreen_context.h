#pragma once
// An OpenGL 3.3 core context with no window: EGL surfaceless on Mesa (no display needed), or a
// hidden GLFW window where EGL is not available.

#include <memory>
#include <stdexcept>
#include <string>

namespace dorsal {

class ContextError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class OffscreenContext {
public:
    // Creates the context and makes it current. Throws ContextError with a sentence saying how to
    // run headless when neither EGL nor a display works.
    OffscreenContext();
    ~OffscreenContext();
    OffscreenContext(const OffscreenContext&) = delete;
    OffscreenContext& operator=(const OffscreenContext&) = delete;

    // "EGL surfaceless" or "hidden GLFW window", for the bench and logs.
    const std::string& kind() const { return kind_; }

private:
    struct Egl;
    std::unique_ptr<Egl> egl_;
    void* hiddenWindow_ = nullptr;
    std::string kind_;
};

}  // namespace dorsal
