#include "ui/draw_renderer.hpp"

#include <imgui.h>

#include <cstddef>
#include <cstdint>

#include "render/embedded_shaders.hpp"
#include "render/shader.hpp"

namespace ecomap::ui {

bool DrawRenderer::init(std::string& error) {
    render::ProgramResult built = render::build_program(render::shaders::draw_vert(), render::shaders::draw_frag());
    if (built.program == 0) {
        error = "ImGui shader: " + built.error;
        return false;
    }
    program_ = built.program;
    u_projection_ = glGetUniformLocation(program_, "u_projection");
    u_texture_ = glGetUniformLocation(program_, "u_texture");
    glGenVertexArrays(1, &vao_);
    glGenBuffers(1, &vertices_);
    glGenBuffers(1, &indices_);
    // The vertex layout is kept by the vertex array, with the index buffer.
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vertices_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, indices_);
    constexpr auto stride = static_cast<GLsizei>(sizeof(ImDrawVert));
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, reinterpret_cast<const void*>(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, reinterpret_cast<const void*>(offsetof(ImDrawVert, col)));
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    ImGui::GetIO().BackendRendererName = "ecomap_gles3";
    return true;
}

GLuint upload_atlas(ImFontAtlas& atlas, GLuint texture) {
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    atlas.GetTexDataAsRGBA32(&pixels, &width, &height);
    if (texture == 0) glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    glBindTexture(GL_TEXTURE_2D, 0);
    atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(texture)));
    return texture;
}

void DrawRenderer::upload_fonts(ImFontAtlas& atlas) { font_texture_ = upload_atlas(atlas, font_texture_); }

void DrawRenderer::shutdown() {
    if (font_texture_ != 0) glDeleteTextures(1, &font_texture_);
    if (indices_ != 0) glDeleteBuffers(1, &indices_);
    if (vertices_ != 0) glDeleteBuffers(1, &vertices_);
    if (vao_ != 0) glDeleteVertexArrays(1, &vao_);
    if (program_ != 0) glDeleteProgram(program_);
    font_texture_ = indices_ = vertices_ = vao_ = program_ = 0;
}

// ImGui's blending, no culling or depth, clipping by scissor, and a projection from the
// display rectangle (y down) to clip space.
void DrawRenderer::set_state(const ImDrawData& data, int framebuffer_w, int framebuffer_h) const {
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glViewport(0, 0, framebuffer_w, framebuffer_h);
    const float left = data.DisplayPos.x, right = data.DisplayPos.x + data.DisplaySize.x;
    const float top = data.DisplayPos.y, bottom = data.DisplayPos.y + data.DisplaySize.y;
    const float projection[16] = {
        2.0f / (right - left),           0.0f,                            0.0f,  0.0f,
        0.0f,                            2.0f / (top - bottom),           0.0f,  0.0f,
        0.0f,                            0.0f,                            -1.0f, 0.0f,
        (right + left) / (left - right), (top + bottom) / (bottom - top), 0.0f,  1.0f,
    };
    glUseProgram(program_);
    glUniform1i(u_texture_, 0);
    glUniformMatrix4fv(u_projection_, 1, GL_FALSE, projection);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(vao_);
    glBindBuffer(GL_ARRAY_BUFFER, vertices_);
}

void DrawRenderer::render(const ImDrawData& data) const {
    const int framebuffer_w = static_cast<int>(data.DisplaySize.x * data.FramebufferScale.x);
    const int framebuffer_h = static_cast<int>(data.DisplaySize.y * data.FramebufferScale.y);
    if (framebuffer_w <= 0 || framebuffer_h <= 0 || program_ == 0) return;
    set_state(data, framebuffer_w, framebuffer_h);
    constexpr GLenum index_type = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
    const ImVec2 origin = data.DisplayPos, scale = data.FramebufferScale;
    for (int n = 0; n < data.CmdListsCount; ++n) {
        const ImDrawList& list = *data.CmdLists[n];
        glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(list.VtxBuffer.Size) * sizeof(ImDrawVert),
                     list.VtxBuffer.Data, GL_STREAM_DRAW);
        glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(list.IdxBuffer.Size) * sizeof(ImDrawIdx),
                     list.IdxBuffer.Data, GL_STREAM_DRAW);
        for (const ImDrawCmd& command : list.CmdBuffer) {
            if (command.UserCallback != nullptr) {
                if (command.UserCallback != ImDrawCallback_ResetRenderState) command.UserCallback(&list, &command);
                set_state(data, framebuffer_w, framebuffer_h);
                continue;
            }
            const float x0 = (command.ClipRect.x - origin.x) * scale.x, y0 = (command.ClipRect.y - origin.y) * scale.y;
            const float x1 = (command.ClipRect.z - origin.x) * scale.x, y1 = (command.ClipRect.w - origin.y) * scale.y;
            if (x1 <= x0 || y1 <= y0) continue;
            glScissor(static_cast<GLint>(x0), static_cast<GLint>(static_cast<float>(framebuffer_h) - y1),
                      static_cast<GLsizei>(x1 - x0), static_cast<GLsizei>(y1 - y0));
            glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::intptr_t>(command.GetTexID())));
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(command.ElemCount), index_type,
                           reinterpret_cast<const void*>(static_cast<std::intptr_t>(command.IdxOffset * sizeof(ImDrawIdx))));
        }
    }
    glDisable(GL_SCISSOR_TEST);
    glBindTexture(GL_TEXTURE_2D, 0);
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glUseProgram(0);
}

}  // namespace ecomap::ui
