#include "render/shader.h"

#include <vector>

namespace dorsal {

namespace {

std::string infoLog(GLuint object, bool isProgram) {
    GLint length = 0;
    if (isProgram) {
        glGetProgramiv(object, GL_INFO_LOG_LENGTH, &length);
    } else {
        glGetShaderiv(object, GL_INFO_LOG_LENGTH, &length);
    }
    std::vector<char> log(static_cast<std::size_t>(std::max(length, 1)));
    if (isProgram) {
        glGetProgramInfoLog(object, length, nullptr, log.data());
    } else {
        glGetShaderInfoLog(object, length, nullptr, log.data());
    }
    return std::string(log.data());
}

GLuint compile(const char* name, GLenum stage, const char* source) {
    const GLuint shader = glCreateShader(stage);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        const std::string log = infoLog(shader, false);
        glDeleteShader(shader);
        throw RenderError(std::string("shader ") + name + (stage == GL_VERTEX_SHADER ? ".vert" : ".frag") +
                          " does not compile: " + log);
    }
    return shader;
}

}  // namespace

ShaderProgram::ShaderProgram(const char* name, const char* vertexSource, const char* fragmentSource) {
    const GLuint vertex = compile(name, GL_VERTEX_SHADER, vertexSource);
    GLuint fragment = 0;
    try {
        fragment = compile(name, GL_FRAGMENT_SHADER, fragmentSource);
    } catch (...) {
        glDeleteShader(vertex);
        throw;
    }
    program_ = glCreateProgram();
    glAttachShader(program_, vertex);
    glAttachShader(program_, fragment);
    glLinkProgram(program_);
    glDeleteShader(vertex);
    glDeleteShader(fragment);
    GLint ok = GL_FALSE;
    glGetProgramiv(program_, GL_LINK_STATUS, &ok);
    if (!ok) {
        const std::string log = infoLog(program_, true);
        glDeleteProgram(program_);
        throw RenderError(std::string("shader ") + name + " does not link: " + log);
    }
}

ShaderProgram::~ShaderProgram() { glDeleteProgram(program_); }

}  // namespace dorsal
