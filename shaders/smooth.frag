#version 330 core
// Smooths the stair-steps of a scene drawn in motion (at half resolution, in one sample) before it
// is scaled up: a multisampled scene costs a software renderer more than twice as much. Where the
// brightness changes sharply around a pixel, the pixel is averaged along the edge, never across it,
// in the manner of FXAA; elsewhere it is left as it is. The scene's colours are premultiplied, so
// averaging them is blending them.
uniform sampler2D uScene;
uniform vec2 uTexel;      // one texel, in texture coordinates
uniform vec2 uDrawnSize;  // the part of the texture the scene was drawn into, in texels
out vec4 fragColour;

// Brightness for finding edges; a silhouette counts by its opacity too, since the background is dark.
float brightness(vec4 colour) { return dot(colour.rgb, vec3(0.299, 0.587, 0.114)) + 0.25 * colour.a; }

// The scene at `texel` (in texels, 0.5 the first centre), never reading past what was drawn.
vec4 sceneAt(vec2 texel) { return texture(uScene, clamp(texel, vec2(0.5), uDrawnSize - 0.5) * uTexel); }

void main() {
    vec2 here = gl_FragCoord.xy;  // a texel's centre: the pass draws texel for texel
    vec4 centre = texelFetch(uScene, ivec2(here), 0);
    // Each corner filtered from the four texels around it.
    float upLeft = brightness(sceneAt(here + vec2(-0.5, 0.5)));
    float upRight = brightness(sceneAt(here + vec2(0.5, 0.5)));
    float downLeft = brightness(sceneAt(here + vec2(-0.5, -0.5)));
    float downRight = brightness(sceneAt(here + vec2(0.5, -0.5)));
    float middle = brightness(centre);
    float darkest = min(middle, min(min(upLeft, upRight), min(downLeft, downRight)));
    float brightest = max(middle, max(max(upLeft, upRight), max(downLeft, downRight)));
    if (brightest - darkest < max(0.04, 0.125 * brightest)) {
        fragColour = centre;
        return;
    }
    // Along the edge: across the brightness gradient. Scaled so that its shorter side is about one
    // texel, and at most four texels long.
    vec2 along = vec2((downLeft + downRight) - (upLeft + upRight), (upRight + downRight) - (upLeft + downLeft));
    float damping = max(0.03 * (upLeft + upRight + downLeft + downRight), 0.008);
    along = clamp(along / (min(abs(along.x), abs(along.y)) + damping), vec2(-4.0), vec2(4.0));
    vec4 near = 0.5 * (sceneAt(here - along / 6.0) + sceneAt(here + along / 6.0));
    vec4 wide = 0.5 * near + 0.25 * (sceneAt(here - along * 0.5) + sceneAt(here + along * 0.5));
    // The wide average may reach past the edge into another surface: then the near one.
    float wideBrightness = brightness(wide);
    fragColour = wideBrightness < darkest || wideBrightness > brightest ? near : wide;
}
