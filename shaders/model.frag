#version 330 core
in vec3 vViewPosition;
in vec3 vViewNormal;
in float vStripe;
in vec3 vModelPosition;

uniform vec4 uBaseColour;      // linear colour (as glTF stores it) and opacity
uniform int uMaterial;         // 0 muscle, 1 tendon, 2 bone, 3 skin, 4 other
uniform bool uHasFibres;
uniform int uHighlightStyle;   // 0 none, 1 selected, 2 related (primary), 3 related (secondary)
uniform vec3 uSelectionColour; // linear
uniform vec3 uRelatedColour;   // linear
uniform bool uGhost;           // x-ray: a faint shell, denser at its outline
uniform bool uDimmed;          // not highlighted while something is: greyed and darker
// Frame pixels per pixel drawn: 2 while a software renderer draws a scene in motion at half size.
// Patterns laid on the screen keep their size in the frame, so nothing jumps when the motion stops.
uniform float uPixelSize;
#ifdef PAIN_MAP
// The pain map: regions where pain is felt, as ellipsoids in the model frame, painted on the
// surfaces that take it (the skin while it is drawn, else the solids) as a soft field of dots.
// Only the program built with PAIN_MAP has it: the loop over the zones is unrolled to the size of
// the array, which a software renderer pays for on every pixel even with no zone.
const int kMaxPainZones = 24;
uniform int uPainZoneCount;
uniform vec3 uPainZoneCentre[kMaxPainZones];
uniform vec3 uPainZoneRadii[kMaxPainZones];
uniform vec3 uPainColour;      // linear
uniform bool uPainted;
#endif

out vec4 fragColour;

const int kMuscle = 0;
const int kTendon = 1;
const int kBone = 2;
const int kSkin = 3;

vec3 toSrgb(vec3 c) { return pow(clamp(c, 0.0, 1.0), vec3(1.0 / 2.2)); }

// Fine stripes running along the muscle fibres, as anatomical illustrations draw them.
// Faded out before a stripe gets narrower than about four pixels (a sine of under two pixels a
// period aliases into moiré), and across the one seam of a closed muscle where the coordinate jumps.
float fibreStriation() {
    if (!uHasFibres) return 1.0;
    float visibility = 1.0 - smoothstep(0.12, 0.3, fwidth(vStripe));
    float stripe = 0.5 + 0.5 * sin(vStripe * 6.2831853);
    return 1.0 - 0.22 * visibility * stripe * stripe;
}

#ifdef PAIN_MAP
// How much of the pain map is here: 1 inside a region, falling softly to 0 at its edge. (Regions
// are thin shells around the body, so the surface is often near their edge in depth: the fall is
// kept to the outer tenth.)
float painHere() {
    if (!uPainted) return 0.0;
    float strongest = 0.0;
    for (int i = 0; i < uPainZoneCount; ++i) {
        vec3 q = (vModelPosition - uPainZoneCentre[i]) / uPainZoneRadii[i];
        strongest = max(strongest, 1.0 - smoothstep(0.8, 1.0, dot(q, q)));
    }
    return strongest;
}

// A grid of round dots, 7 pixels apart: a pattern unlike the highlight's stripes and rims.
float painDots() {
    vec2 cell = fract(gl_FragCoord.xy * uPixelSize / 7.0) - 0.5;
    return 1.0 - smoothstep(0.22, 0.32, length(cell));
}
#endif

void main() {
    vec3 normal = normalize(vViewNormal);
    if (!gl_FrontFacing) normal = -normal;
    vec3 toEye = normalize(-vViewPosition);

    vec3 albedo = uBaseColour.rgb;
    float specularStrength = 0.12;
    float shininess = 24.0;
    if (uMaterial == kMuscle) {
        albedo *= fibreStriation();
        specularStrength = 0.18;
        shininess = 28.0;
    } else if (uMaterial == kTendon) {
        specularStrength = 0.30;
        shininess = 40.0;
    } else if (uMaterial == kBone) {
        specularStrength = 0.10;
        shininess = 16.0;
    }
    // Highlights differ in colour and in pattern: the selection is blue with a bright rim, primary
    // related structures amber with a rim, secondary ones amber in diagonal hatching.
    vec3 highlightColour = uHighlightStyle == 1 ? uSelectionColour : uRelatedColour;
    float highlight = 0.0;
    float rimStrength = 0.0;
    if (uHighlightStyle == 1) {
        highlight = 0.70;
        rimStrength = 1.0;
    } else if (uHighlightStyle == 2) {
        highlight = 0.65;
        rimStrength = 0.7;
    } else if (uHighlightStyle == 3) {
        // Seen through (cut away), a hatch would veil what lies behind: a plain amber tint.
        float hatch = uGhost ? 0.5 : step(0.5, fract((gl_FragCoord.x + gl_FragCoord.y) * uPixelSize / 10.0));
        highlight = 0.75 * hatch;
    }
    albedo = mix(albedo, highlightColour, highlight);
    if (uDimmed) albedo = mix(albedo, vec3(dot(albedo, vec3(0.30, 0.59, 0.11))), 0.7) * 0.45;

    // Key light from the viewer's upper left, fill from the lower right, hemisphere ambient.
    vec3 keyDirection = normalize(vec3(-0.45, 0.65, 0.62));
    vec3 fillDirection = normalize(vec3(0.6, -0.2, 0.75));
    float key = max(dot(normal, keyDirection), 0.0);
    float fill = max(dot(normal, fillDirection), 0.0);
    float hemisphere = 0.5 + 0.5 * normal.y;
    vec3 ambient = mix(vec3(0.20, 0.18, 0.17), vec3(0.36, 0.38, 0.42), hemisphere);
    vec3 halfVector = normalize(keyDirection + toEye);
    float specular = pow(max(dot(normal, halfVector), 0.0), shininess) * specularStrength;

    vec3 colour = albedo * (ambient + 0.95 * key + 0.30 * fill) + vec3(specular) * key;

    // A bright rim reads as an outline, so a highlight is not colour alone.
    float rim = pow(1.0 - max(dot(normal, toEye), 0.0), 2.0);
    colour = mix(colour, highlightColour * 1.6, rim * rimStrength);

    float alpha = uBaseColour.a;
    if (uGhost) {
        alpha = clamp(0.06 + 0.45 * rim, 0.0, 0.5);
    } else if (uMaterial == kSkin) {
        // The skin is a faint shell: clearer where it faces the viewer, denser at its silhouette.
        alpha = clamp(uBaseColour.a * (0.5 + 1.6 * rim), 0.0, 0.6);
    }
#ifdef PAIN_MAP
    // Pain felt here: a wash of the pain colour with denser dots, over whatever the surface is.
    float pain = painHere();
    if (pain > 0.0) {
        float amount = pain * (0.45 + 0.5 * painDots());
        colour = mix(colour, uPainColour * (0.75 + 0.25 * max(dot(normal, toEye), 0.0)), amount);
        alpha = max(alpha, 0.95 * amount);
    }
#endif
    fragColour = vec4(toSrgb(colour), alpha);
}
