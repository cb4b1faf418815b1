#pragma once

#include <filesystem>
#include <stdexcept>
#include <string>

#include "render/gl.h"

namespace dorsal {

class RenderError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A linked GLSL program built from the files <vertexName>.vert and <fragmentName>.frag in
// `folder` (both named `name` in the shorter form), with `defines` (lines such as
// "#define PAIN_MAP\n") put after each file's #version line. Needs a current GL 3.3 context;
// throws RenderError naming the file when one cannot be read or does not compile (with the
// driver's log), or when the program fails to link.
class ShaderProgram {
public:
    ShaderProgram(const std::filesystem::path& folder, const std::string& name, const std::string& defines = "")
        : ShaderProgram(folder, name, name, defines) {}
    ShaderProgram(const std::filesystem::path& folder, const std::string& vertexName, const std::string& fragmentName,
                  const std::string& defines);
    ~ShaderProgram();
    ShaderProgram(const ShaderProgram&) = delete;
    ShaderProgram& operator=(const ShaderProgram&) = delete;

    void use() const { glUseProgram(program_); }
    // The location of a uniform; -1 (ignored by glUniform*) when the driver optimised it away.
    GLint uniform(const char* name) const { return glGetUniformLocation(program_, name); }

private:
    GLuint program_ = 0;
};

}  // namespace dorsal
