#version 330 core
// Geometry arrives in the model frame; lighting happens in view space so the light rig turns
// with the camera and the side facing the viewer is always lit.
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;
layout(location = 2) in vec3 aFibre;
layout(location = 3) in float aStripe;  // distance across the fibres along the surface, metres

uniform mat4 uView;
uniform mat4 uProjection;
uniform bool uHasFibres;
uniform bool uHasStripes;  // the model gives aStripe (the built-in model does)
uniform vec3 uPartCentre;  // without aStripe, stripes are measured from here, so that they bend little

out vec3 vViewPosition;
out vec3 vViewNormal;
out vec3 vModelPosition;  // in the model frame, where the pain map's regions are given
// Distance across the fibres in stripe widths (about 6 mm each, visible with the whole body in
// view and fading out where they would alias), measured on the
// model so that the stripes stay put as the camera moves. Worked out per vertex: per fragment it
// costs a software renderer a sixth of its frame.
out float vStripe;

void main() {
    vec4 viewPosition = uView * vec4(aPosition, 1.0);
    vViewPosition = viewPosition.xyz;
    vModelPosition = aPosition;
    vViewNormal = mat3(uView) * aNormal;
    vec3 across = cross(aNormal, aFibre);
    if (uHasStripes) vStripe = aStripe * 160.0;
    else vStripe = uHasFibres && dot(across, across) > 1e-8 ? dot(aPosition - uPartCentre, normalize(across)) * 160.0 : 0.0;
    gl_Position = uProjection * viewPosition;
}
