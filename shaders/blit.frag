#version 300 es
// Copies the cached ring (premultiplied alpha) onto the frame.
precision mediump float;
uniform sampler2D u_image;
in vec2 v_uv;
out vec4 out_color;
void main() {
    out_color = texture(u_image, v_uv);
}
