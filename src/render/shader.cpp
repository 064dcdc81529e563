#include "render/shader.hpp"

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

GLuint compile(GLenum stage, std::string_view source, std::string& error) {
    GLuint shader = glCreateShader(stage);
    const char* text = source.data();
    const GLint length = static_cast<GLint>(source.size());
    glShaderSource(shader, 1, &text, &length);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok != GL_TRUE) {
        error = (stage == GL_VERTEX_SHADER ? "vertex shader: " : "fragment shader: ") + info_log(shader, false);
        glDeleteShader(shader);
        return 0;
    }
    return shader;
}

}  // namespace

ProgramResult build_program(std::string_view vertex_source, std::string_view fragment_source) {
    ProgramResult result;
    GLuint vs = compile(GL_VERTEX_SHADER, vertex_source, result.error);
    if (vs == 0) return result;
    GLuint fs = compile(GL_FRAGMENT_SHADER, fragment_source, result.error);
    if (fs == 0) {
        glDeleteShader(vs);
        return result;
    }
    GLuint program = glCreateProgram();
    glAttachShader(program, vs);
    glAttachShader(program, fs);
    glLinkProgram(program);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = GL_FALSE;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (ok != GL_TRUE) {
        result.error = "link: " + info_log(program, true);
        glDeleteProgram(program);
        return result;
    }
    result.program = program;
    return result;
}

}  // namespace ecomap::render
