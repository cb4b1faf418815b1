#include "render/shader.h"

#include <cerrno>
#include <fstream>
#include <iterator>
#include <system_error>
#include <vector>

namespace dorsal {

namespace {

// The driver's log on one line: its lines joined with "; ".
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
    std::string text(log.data());
    while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
    for (std::size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at)) text.replace(at, 1, "; ");
    return text;
}

std::string readSource(const std::filesystem::path& file) {
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error)) {
        throw RenderError("shader " + file.string() + " is missing; reinstall Dorsal or point DORSAL_DATA_DIR at "
                          "a complete copy of its data");
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) throw RenderError("cannot read shader " + file.string() + ": " + std::generic_category().message(errno));
    return std::string(std::istreambuf_iterator<char>(in), {});
}

GLuint compile(const std::filesystem::path& file, GLenum stage, const std::string& defines) {
    std::string source = readSource(file);
    if (!defines.empty()) {
        const std::size_t afterVersion = source.rfind("#version", 0) == 0 ? source.find('\n') : std::string::npos;
        if (afterVersion == std::string::npos) throw RenderError("shader " + file.string() + " does not start with a #version line");
        source.insert(afterVersion + 1, defines);
    }
    const char* text = source.c_str();
    const GLuint shader = glCreateShader(stage);
    glShaderSource(shader, 1, &text, nullptr);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        const std::string log = infoLog(shader, false);
        glDeleteShader(shader);
        throw RenderError("shader " + file.string() + " does not compile: " + log);
    }
    return shader;
}

}  // namespace

ShaderProgram::ShaderProgram(const std::filesystem::path& folder, const std::string& vertexName,
                             const std::string& fragmentName, const std::string& defines) {
    const GLuint vertex = compile(folder / (vertexName + ".vert"), GL_VERTEX_SHADER, defines);
    GLuint fragment = 0;
    try {
        fragment = compile(folder / (fragmentName + ".frag"), GL_FRAGMENT_SHADER, defines);
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
        throw RenderError("shaders " + (folder / vertexName).string() + ".vert and " + (folder / fragmentName).string() +
                          ".frag do not link: " + log);
    }
}

ShaderProgram::~ShaderProgram() { glDeleteProgram(program_); }

}  // namespace dorsal
