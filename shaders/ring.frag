#version 300 es
// The map's ring: a centre disc and one annular sector per role, clockwise from the
// top, with antialiased edges and thin gaps between sectors. All sizes in
// framebuffer pixels; y grows downwards like the rest of the app.
precision highp float;

const int kMaxRoles = 64;           // = kMaxRoles in src/core/limits.hpp (render::kMaxRingRoles)
const float kTau = 6.28318530718;

uniform vec2 u_centre;          // ring centre, framebuffer px, y down
uniform float u_viewport_h;     // framebuffer height, to flip gl_FragCoord.y
uniform vec3 u_radii;           // centre disc, ring inner, ring outer (px)
uniform float u_rim;            // width of the solid colour rim at the outer edge (px)
uniform float u_gap;            // gap between sectors (px)
uniform float u_start;          // angle of sector 0's start, radians clockwise from top
uniform int u_role_count;
uniform vec3 u_colors[kMaxRoles];
uniform int u_highlight;        // sector drawn stronger (hover/selection), -1 for none
uniform vec4 u_centre_color;
uniform vec4 u_centre_edge;
uniform float u_tint;           // how much of the role colour fills the band (0..1)

out vec4 out_color;

float coverage(float signed_distance) {  // 1 inside (d<0), 0 outside, 1px AA
    return clamp(0.5 - signed_distance, 0.0, 1.0);
}

void main() {
    vec2 p = vec2(gl_FragCoord.x, u_viewport_h - gl_FragCoord.y);
    vec2 d = p - u_centre;
    float r = length(d);

    if (r > u_radii.z + 1.0) {                  // outside the ring (the corners of the square): nothing
        out_color = vec4(0.0);
        return;
    }
    vec4 color = vec4(0.0);

    // Ring band (nothing inside its inner edge but the centre disc).
    if (u_role_count > 0 && r > u_radii.y - 1.0) {
        float a = atan(d.x, -d.y);              // 0 at top, clockwise
        a = mod(a - u_start + kTau, kTau);
        float step_a = kTau / float(u_role_count);
        int index = min(int(floor(a / step_a)), u_role_count - 1);
        float local = a - float(index) * step_a;
        float to_edge = min(local, step_a - local) * r;          // px to sector boundary
        float band = max(u_radii.y - r, r - u_radii.z);          // <0 inside the band
        float inside = coverage(band) * clamp(to_edge - u_gap * 0.5 + 0.5, 0.0, 1.0);
        vec3 role = u_colors[index];
        float tint = index == u_highlight ? min(1.0, u_tint + 0.25) : u_tint;
        vec3 fill = mix(vec3(1.0), role, tint);
        float rim = coverage((u_radii.z - u_rim) - r);           // 1 in the outer rim
        fill = mix(fill, role, rim);
        color = vec4(fill, inside);
    }

    // Centre disc with an edge line.
    float disc = coverage(r - u_radii.x);
    if (disc > 0.0) {
        float edge = coverage(abs(r - u_radii.x + 1.5) - 1.0);
        vec4 c = mix(u_centre_color, u_centre_edge, edge);
        color = mix(color, c, disc);
    }

    out_color = vec4(color.rgb * color.a, color.a);  // premultiplied
}
