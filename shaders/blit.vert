#version 300 es
// A textured rectangle in framebuffer pixels (y down): the ring cached by
// render::RingCache, drawn where the ring is now.
precision highp float;
uniform vec4 u_rect;          // x, y, width, height (framebuffer px, y down)
uniform vec2 u_viewport;      // framebuffer size, px
uniform vec2 u_uv_scale;      // the share of the texture the rectangle's pixels fill
out vec2 v_uv;
const vec2 kCorners[4] = vec2[4](vec2(0.0, 0.0), vec2(1.0, 0.0), vec2(0.0, 1.0), vec2(1.0, 1.0));
void main() {
    vec2 corner = kCorners[gl_VertexID];
    vec2 pixel = u_rect.xy + corner * u_rect.zw;
    vec2 clip = pixel / u_viewport * 2.0 - 1.0;
    gl_Position = vec4(clip.x, -clip.y, 0.0, 1.0);
    v_uv = vec2(corner.x, 1.0 - corner.y) * u_uv_scale;   // the texture's first row is the rectangle's bottom
}
