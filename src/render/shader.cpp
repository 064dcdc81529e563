#include "render/shader.hpp"

#include <utility>
#include <vector>

namespace ecomap::render {
namespace {

std::string info_log(GLuint object, bool is_program) {
    GLint length = 0;
    if (is_program) glGetProgramiv(object, GL_INFO_LOG_LENGTH, &length);
    else glGetShaderiv(object, GL_INFO_LOG_LENGTH, &length);
    std::vector<char> log(static_cast<size_t>(length > 0 ? length : 1), '\0');
    if (is_program) glGetProgramInfoLog(object, length, nullptr, log.data());
    else glGetShaderInfoLog(object, length, nullptr, log.data());
    return std::string(log.data());
}

GLuint compile(GLenum stage, std::string_view source) {
    GLuint shader = glCreateShader(stage);
    const char* text = source.data();
    const GLint length = static_cast<GLint>(source.size());
    glShaderSource(shader, 1, &text, &length);
    glCompileShader(shader);
    return shader;
}

// Why a program did not link: the stage that did not compile, else the linker's log.
std::string failure(GLuint program, GLuint vs, GLuint fs) {
    for (const auto& [shader, stage] : {std::pair{vs, "vertex shader: "}, std::pair{fs, "fragment shader: "}}) {
        GLint ok = GL_FALSE;
        glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
        if (ok != GL_TRUE) return stage + info_log(shader, false);
    }
    return "link: " + info_log(program, true);
}

}  // namespace

// The driver is asked once, for the link status: each question waits for the GPU (in a
// browser, a round trip to its GPU process, which is busy drawing the page at start-up).
// A shader that did not compile makes the link fail, and is then looked for.
ProgramResult build_program(std::string_view vertex_source, std::string_view fragment_source) {
    ProgramResult result;
    const GLuint vs = compile(GL_VERTEX_SHADER, vertex_source);
    const GLuint fs = compile(GL_FRAGMENT_SHADER, fragment_source);
    GLuint program = glCreateProgram();
    glAttachShader(program, vs);
    glAttachShader(program, fs);
    glLinkProgram(program);
    GLint ok = GL_FALSE;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (ok != GL_TRUE) {
        result.error = failure(program, vs, fs);
        glDeleteProgram(program);
        program = 0;
    }
    glDeleteShader(vs);
    glDeleteShader(fs);
    result.program = program;
    return result;
}

}  // namespace ecomap::render
