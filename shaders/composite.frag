#version 330 core
// The frame's last pass: the scene, drawn over a clear transparent target, is resolved (its
// samples averaged) and laid over the background gradient in one go, over the part of the frame
// where the model may lie (the renderer copies the background, drawn once, everywhere else). A
// software renderer pays for every pass by the pixel. The scene's colours are premultiplied by the
// way they were blended, so a pixel is its colour plus the background times what it leaves
// uncovered.
// Built with MULTISAMPLED, it reads a multisampled scene. Built with UPSCALE, it takes a scene drawn
// in motion at a lower resolution (in one sample, its edges smoothed) and filters it up to the
// frame's. Built with neither, it draws the background alone, which the renderer keeps.
in float vHeight;
uniform ivec2 uSceneOrigin;  // where the scene lies in the frame, in pixels from the bottom left
uniform vec3 uTop;
uniform vec3 uBottom;
#ifdef UPSCALE
uniform sampler2D uScene;
uniform vec2 uSceneSize;    // in frame pixels
uniform vec2 uDrawnSize;    // the part of the texture the scene was drawn into, in its pixels
uniform vec2 uTextureSize;
#elif defined(MULTISAMPLED)
uniform sampler2DMS uScene;
uniform int uSamples;
#endif
out vec4 fragColour;
void main() {
    ivec2 pixel = ivec2(gl_FragCoord.xy) - uSceneOrigin;
#ifdef UPSCALE
    // Kept half a texel inside what was drawn, so that the filter never reaches past it.
    vec2 drawnPixel = clamp((vec2(pixel) + 0.5) * uDrawnSize / uSceneSize, vec2(0.5), uDrawnSize - 0.5);
    vec4 scene = texture(uScene, drawnPixel / uTextureSize);
#elif defined(MULTISAMPLED)
    vec4 scene = vec4(0.0);
    for (int i = 0; i < uSamples; ++i) scene += texelFetch(uScene, pixel, i);
    scene /= float(uSamples);
#else
    vec4 scene = vec4(0.0);
#endif
    vec3 background = mix(uBottom, uTop, clamp(vHeight, 0.0, 1.0));
    fragColour = vec4(scene.rgb + (1.0 - scene.a) * background, 1.0);
}
