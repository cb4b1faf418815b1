#version 330 core
// The frame's last pass: the scene, drawn over a clear transparent target, is resolved (its
// samples averaged) and laid over the background gradient in one go. One pass over the frame
// instead of two (a background drawn first, a resolve after), which a software renderer pays for
// by the pixel. The scene's colours are premultiplied by the way they were blended, so a pixel is
// its colour plus the background times what it leaves uncovered.
in float vHeight;
uniform sampler2DMS uScene;
uniform int uSamples;
uniform ivec2 uSceneOrigin;  // where the scene lies in the frame, in pixels from the bottom left
uniform vec3 uTop;
uniform vec3 uBottom;
out vec4 fragColour;
void main() {
    ivec2 pixel = ivec2(gl_FragCoord.xy) - uSceneOrigin;
    vec4 scene = vec4(0.0);
    for (int i = 0; i < uSamples; ++i) scene += texelFetch(uScene, pixel, i);
    scene /= float(uSamples);
    vec3 background = mix(uBottom, uTop, clamp(vHeight, 0.0, 1.0));
    fragColour = vec4(scene.rgb + (1.0 - scene.a) * background, 1.0);
}
