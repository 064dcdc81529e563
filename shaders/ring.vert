#version 300 es
// Full-screen triangle; the fragment shader draws the ring analytically.
precision highp float;
const vec2 kCorners[3] = vec2[3](vec2(-1.0, -1.0), vec2(3.0, -1.0), vec2(-1.0, 3.0));
void main() {
    gl_Position = vec4(kCorners[gl_VertexID], 0.0, 1.0);
}
