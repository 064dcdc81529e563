#version 300 es
// The square around the ring (plus a pixel for antialiasing), so that only the
// fragments that can be on the ring run the shader; ring.frag draws it analytically.
precision highp float;
uniform vec2 u_centre;        // ring centre, framebuffer px, y down
uniform vec3 u_radii;         // centre disc, ring inner, ring outer (px)
uniform vec2 u_viewport;      // framebuffer size, px
const vec2 kCorners[4] = vec2[4](vec2(-1.0, -1.0), vec2(1.0, -1.0), vec2(-1.0, 1.0), vec2(1.0, 1.0));
void main() {
    vec2 pixel = u_centre + kCorners[gl_VertexID] * (u_radii.z + 2.0);   // y down
    vec2 clip = pixel / u_viewport * 2.0 - 1.0;
    gl_Position = vec4(clip.x, -clip.y, 0.0, 1.0);
}
