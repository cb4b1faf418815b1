#version 330 core
// Geometry arrives in the model frame; lighting happens in view space so the light rig turns
// with the camera and the side facing the viewer is always lit.
layout(location = 0) in vec3 aPosition;
layout(location = 1) in vec3 aNormal;
layout(location = 2) in vec3 aFibre;

uniform mat4 uView;
uniform mat4 uProjection;

out vec3 vViewPosition;
out vec3 vViewNormal;
out vec3 vViewFibre;
out vec3 vModelPosition;

void main() {
    vec4 viewPosition = uView * vec4(aPosition, 1.0);
    vViewPosition = viewPosition.xyz;
    vViewNormal = mat3(uView) * aNormal;
    vViewFibre = mat3(uView) * aFibre;
    vModelPosition = aPosition;
    gl_Position = uProjection * viewPosition;
}
