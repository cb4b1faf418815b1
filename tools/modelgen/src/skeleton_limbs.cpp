// The bones of the limbs: arms below the shoulder girdle and legs below the hip bone, placed on the
// measured landmarks (assets/anatomy/landmarks.csv) and the added ones. Shapes follow Gray's Anatomy.
#include "builder.hpp"

#include <glm/geometric.hpp>

#include <array>
#include <cmath>
#include <string>

namespace dorsal::modelgen {

namespace {

using glm::vec3;

constexpr vec3 kLateral(1.0f, 0.0f, 0.0f);  // the left side's lateral
constexpr vec3 kAnterior(0.0f, 0.0f, 1.0f);

// A small long bone (metacarpal, metatarsal, phalanx) from its base to its head: a waisted shaft
// with rounded ends.
Mesh small_long_bone(vec3 base, vec3 head, float r_base, float r_shaft, float r_head) {
    return rod({base, glm::mix(base, head, 0.5f), head}, {r_base, r_shaft, r_head}, 8, 10);
}

// A metacarpal or metatarsal: a small long bone whose head is a round knob (the knuckle), at `head`.
Mesh metapodial(vec3 base, vec3 head, float r_base, float r_shaft, float r_head) {
    Mesh m = small_long_bone(base, head, r_base, r_shaft, 0.8f * r_head);
    m.append(ellipsoid(head, vec3(r_head, 0, 0), vec3(0, r_head, 0), vec3(0, 0, r_head), 8, 10));
    return m;
}

// The phalanges of a finger or toe, from the head of its metacarpal or metatarsal to the tip of the
// distal phalanx. `lengths` are the phalanges' shares of that span (proximal first); the joints
// are bowed a little towards `bow` (the knuckles stand out on the back of a flexed finger), and the
// bones are scaled by `scale` (1: a middle finger).
void add_digit(Mesh& m, vec3 head, float head_radius, vec3 tip, const std::vector<float>& lengths, vec3 bow, float scale) {
    const float gap = 0.0015f;  // joint space between neighbouring bones
    const vec3 u = glm::normalize(tip - head);
    const vec3 start = head + u * (head_radius + gap);
    float from = 0.0f;
    for (std::size_t i = 0; i < lengths.size(); ++i) {
        const float to = from + lengths[i];
        auto joint = [&](float f) { return glm::mix(start, tip, f) + bow * (0.04f * glm::distance(start, tip) * std::sin(3.14159265f * f)); };
        const bool distal = i + 1 == lengths.size();
        // The distal phalanx narrows to its tuft; the landmark is the tuft's end.
        const float r_head = (distal ? 0.0036f : 0.0046f) * scale;
        const vec3 a = joint(from) + u * (i == 0 ? 0.0f : gap);
        const vec3 b = distal ? tip - u * (0.6f * r_head) : joint(to) - u * gap;
        m.append(small_long_bone(a, b, 0.0055f * scale, 0.0038f * scale, r_head));
        from = to;
    }
}

// Centre of the humerus's trochlea, the spool the ulna hooks round: 1.25 cm above its lowest point
// (the distal end), a little in front.
vec3 trochlea_centre(const Builder& b) { return b.left("humerus.distal_end") + vec3(0.002f, 0.0125f, 0.003f); }

Mesh humerus(const Builder& b) {
    const vec3 HC = b.left("humerus.head_centre");
    const vec3 GT = b.left("humerus.greater_tubercle");
    const vec3 LT = b.left("humerus.lesser_tubercle");
    const vec3 DT = b.left("humerus.deltoid_tuberosity");
    const vec3 ME = b.left("humerus.medial_epicondyle");
    const vec3 LE = b.left("humerus.lateral_epicondyle");
    const vec3 RH = b.left("radius.head_centre");
    Mesh m;
    m.append(ellipsoid(HC, vec3(0.0225f, 0, 0), vec3(0, 0, 0.0225f), vec3(0, 0.0225f, 0), 16, 24));
    // The shaft widens below into the flat supracondylar plate between the epicondyles.
    const vec3 epicondyles = glm::mix(ME, LE, 0.5f);
    const vec3 neck = HC + vec3(0.013f, -0.030f, 0.002f);
    const vec3 mid = vec3(DT.x - 0.006f, DT.y, DT.z + 0.002f);
    const vec3 low = epicondyles + vec3(-0.006f, 0.050f, 0.006f);
    const Polyline path = catmull_rom({HC + vec3(0.010f, -0.010f, 0.002f), neck, mid, low, epicondyles + vec3(0, 0.004f, 0.004f)}, 30);
    auto sec = [&](int, float u) {
        Section s;
        s.a = profile({0.017f, 0.0135f, 0.0115f, 0.011f, 0.011f, 0.011f, 0.0115f, 0.0125f, 0.016f, 0.022f, 0.026f}, u);
        s.b = profile({0.017f, 0.0135f, 0.0115f, 0.011f, 0.011f, 0.011f, 0.0105f, 0.010f, 0.0095f, 0.009f, 0.009f}, u);
        return s;
    };
    m.append(sweep(path, sec, [](int, float) { return kLateral; }, 16, 0.0f, 0.006f));
    m.append(ellipsoid(GT - glm::normalize(GT - HC) * 0.008f, vec3(0.009f, 0, 0), vec3(0, 0.014f, 0), vec3(0, 0, 0.011f)));
    m.append(ellipsoid(LT - glm::normalize(LT - HC) * 0.006f, vec3(0.006f, 0, 0), vec3(0, 0.010f, 0), vec3(0, 0, 0.006f)));
    m.append(ellipsoid(DT - vec3(0.004f, 0, 0), vec3(0.006f, 0, 0), vec3(0, 0.016f, 0), vec3(0, 0, 0.007f)));
    // Epicondyles: the landmarks are their extremes; the medial one is the larger.
    m.append(ellipsoid(ME + vec3(0.007f, 0.0f, 0.0f), vec3(0.008f, 0, 0), vec3(0, 0.011f, 0), vec3(0, 0, 0.008f), 10, 12));
    m.append(ellipsoid(LE + vec3(-0.005f, 0.0f, 0.002f), vec3(0.006f, 0, 0), vec3(0, 0.010f, 0), vec3(0, 0, 0.008f), 10, 12));
    // Trochlea: a grooved spool whose lowest point is the distal end, for the ulna's notch.
    const vec3 trochlea = trochlea_centre(b);
    m.append(rod({trochlea - kLateral * 0.008f, trochlea + kLateral * 0.008f}, {0.0125f, 0.0105f, 0.0125f}, 9, 16));
    // Capitulum: the round eminence above the radial head (1 cm radius).
    m.append(ellipsoid(RH + vec3(-0.001f, 0.0155f, 0.004f), vec3(0.010f, 0, 0), vec3(0, 0, 0.010f), vec3(0, 0.010f, 0), 10, 14));
    return m;
}

Mesh radius(const Builder& b) {
    const vec3 H = b.left("radius.head_centre");
    const vec3 D = b.left("radius.distal_end_centre");
    const vec3 S = b.left("radius.styloid_tip");
    const vec3 T = b.left("radius.tuberosity");
    const vec3 axis = glm::normalize(D - H);
    const float len = glm::distance(H, D);
    Mesh m;
    // Head: a disc 2.2 cm across whose hollow top meets the capitulum.
    m.append(rod({H - axis * 0.0045f, H + axis * 0.0045f}, {0.0115f, 0.0115f}, 3, 20, 1.0f, vec3(0.0f), false));
    // Neck, then a shaft bowed laterally, broadening to the distal end (wider side to side).
    const Polyline shaft = catmull_rom({H + axis * 0.004f, H + axis * (0.25f * len) + kLateral * 0.003f,
                                        H + axis * (0.55f * len) + kLateral * 0.005f, D - axis * 0.004f}, 20);
    m.append(sweep(shaft,
                   [](int, float u) {
                       Section s;
                       s.a = profile({0.0065f, 0.0065f, 0.0075f, 0.008f, 0.0095f, 0.0135f}, u);
                       s.b = profile({0.0065f, 0.0065f, 0.0070f, 0.0065f, 0.0075f, 0.0095f}, u);
                       return s;
                   },
                   [](int, float) { return kLateral; }, 14, 0.0f, 0.004f));
    // Radial tuberosity (biceps), on the anteromedial side below the neck.
    const Axes shaft_axes = axes_from(axis, kLateral);
    m.append(shaft_axes.blob(T + glm::normalize(H + axis * glm::dot(T - H, axis) - T) * 0.003f, 0.008f, 0.004f, 0.004f));
    // Styloid process: the lateral point of the distal end.
    m.append(rod({D, S}, {0.008f, 0.0035f}, 6, 10));
    return m;
}

Mesh ulna(const Builder& b) {
    const vec3 O = b.left("ulna.olecranon_tip");
    const vec3 U = b.left("ulna.distal_end_centre");
    const vec3 US = b.left("ulna.styloid_tip");
    const vec3 trochlea = trochlea_centre(b);
    Mesh m;
    // Olecranon behind the trochlea, the notch's floor beneath it, then the shaft tapering to the head.
    const Polyline path = catmull_rom({O + vec3(0, -0.004f, 0.002f), trochlea + vec3(0.003f, -0.008f, -0.022f),
                                       trochlea + vec3(0.004f, -0.026f, -0.004f), glm::mix(trochlea, U, 0.45f),
                                       U + vec3(0, 0.004f, 0)},
                                      28);
    m.append(sweep(path,
                   [](int, float u) {
                       Section s;
                       s.a = profile({0.0085f, 0.0095f, 0.0085f, 0.0065f, 0.0055f, 0.0050f, 0.0065f}, u);
                       s.b = profile({0.0085f, 0.0105f, 0.0100f, 0.0075f, 0.0060f, 0.0050f, 0.0065f}, u);
                       return s;
                   },
                   [](int, float) { return kLateral; }, 14, 0.004f, 0.004f));
    // Coronoid process: the notch's front lip.
    m.append(ellipsoid(trochlea + vec3(0.003f, -0.017f, 0.010f), vec3(0.006f, 0, 0), vec3(0, 0.005f, 0), vec3(0, 0, 0.008f), 8, 10));
    // Head and styloid process (posteromedial).
    m.append(ellipsoid(U + vec3(0, 0.003f, 0), vec3(0.0075f, 0, 0), vec3(0, 0, 0.0075f), vec3(0, 0.007f, 0), 8, 12));
    m.append(rod({U + vec3(-0.003f, 0.0f, -0.004f), US}, {0.0035f, 0.002f}, 5, 8));
    return m;
}

// Carpals, metacarpals and phalanges in the anatomical position (palm forward, fingers slightly
// flexed as the landmarks have them).
Mesh hand(const Builder& b) {
    const vec3 W = b.left("hand.wrist_centre");  // centre of the carpus
    std::array<vec3, 6> head, tip;  // index 1..5 (thumb first)
    for (int k = 1; k <= 5; ++k) {
        head[k] = b.left("hand.metacarpal_head_" + std::to_string(k));
        tip[k] = b.left("hand.fingertip_" + std::to_string(k));
    }
    const Axes ax = hand_axes(b);  // normal: palmar
    Mesh m;
    // Carpals, proximal row (scaphoid, lunate, triquetrum, pisiform) and distal row (trapezium,
    // trapezoid, capitate, hamate): offsets down the hand, towards the thumb and palmar.
    struct Carpal { float s, t, n, rs, rt, rn; };
    static const Carpal carpals[] = {
        {-0.006f, 0.011f, 0.000f, 0.006f, 0.0088f, 0.0066f},  // scaphoid
        {-0.008f, 0.000f, 0.000f, 0.0066f, 0.0066f, 0.0077f},  // lunate
        {-0.005f, -0.010f, -0.001f, 0.006f, 0.006f, 0.006f},  // triquetrum
        {-0.004f, -0.011f, 0.008f, 0.0044f, 0.0044f, 0.0044f},  // pisiform, in front of the triquetrum
        {0.006f, 0.016f, 0.003f, 0.0066f, 0.006f, 0.0072f},  // trapezium
        {0.007f, 0.007f, 0.000f, 0.006f, 0.005f, 0.006f},  // trapezoid
        {0.005f, -0.001f, 0.000f, 0.0105f, 0.006f, 0.0077f},  // capitate
        {0.006f, -0.011f, 0.000f, 0.0088f, 0.0066f, 0.0072f},  // hamate
    };
    for (const auto& c : carpals) m.append(ax.blob(ax.at(W, c.s, c.t, c.n), c.rs, c.rt, c.rn));
    // Metacarpals 2-5 from the distal row, their bases spread less than their heads.
    const float base_s = 0.017f;
    for (int k = 2; k <= 5; ++k) {
        const float t = 0.6f * glm::dot(head[k] - W, ax.across);
        m.append(metapodial(ax.at(W, base_s, t, 0.0f), head[k], 0.0060f, 0.0038f, 0.0062f));
    }
    // The thumb's metacarpal on the trapezium, turned palmar.
    m.append(metapodial(ax.at(W, 0.012f, 0.019f, 0.006f), head[1], 0.0068f, 0.0045f, 0.0068f));
    // Phalanges: three in each finger, two in the thumb (shares of the head-to-tip span, Gray's).
    const float finger_scale[6] = {0.0f, 1.2f, 1.0f, 1.0f, 0.92f, 0.82f};
    add_digit(m, head[1], 0.0068f, tip[1], {0.57f, 0.43f}, -ax.normal, finger_scale[1]);
    for (int k = 2; k <= 5; ++k) add_digit(m, head[k], 0.0062f, tip[k], {0.47f, 0.29f, 0.24f}, -ax.normal, finger_scale[k]);
    return m;
}

Mesh femur(const Builder& b) {
    const vec3 FH = b.left("femur.head_centre");
    const vec3 GT = b.left("femur.greater_trochanter");
    const vec3 LT = b.left("femur.lesser_trochanter");
    const vec3 LA = b.left("femur.linea_aspera_mid");
    const vec3 ME = b.left("femur.medial_epicondyle");
    const vec3 LE = b.left("femur.lateral_epicondyle");
    const vec3 DE = b.left("femur.distal_end");
    Mesh m;
    m.append(ellipsoid(FH, vec3(0.0235f, 0, 0), vec3(0, 0, 0.0235f), vec3(0, 0.0235f, 0), 16, 24));
    const vec3 troch = GT + vec3(-0.015f, -0.008f, -0.003f);
    m.append(rod({FH + glm::normalize(troch - FH) * 0.012f, glm::mix(FH, troch, 0.6f), troch}, {0.015f, 0.0135f, 0.016f}, 12, 14, 1.2f, vec3(0, 1, 0)));
    m.append(ellipsoid(troch + vec3(0.002f, 0.001f, 0.0f), vec3(0.0145f, 0, 0), vec3(0, 0.022f, 0), vec3(0, 0, 0.019f)));
    const vec3 knee = glm::mix(ME, LE, 0.5f);
    const vec3 shaft_mid = LA + vec3(0.0f, 0.0f, 0.0135f);
    const Polyline shaft = catmull_rom({troch + vec3(-0.004f, 0.004f, 0.002f), vec3(troch.x - 0.012f, LT.y - 0.02f, -0.012f), shaft_mid,
                                        vec3(knee.x + 0.006f, knee.y + 0.07f, knee.z + 0.012f), vec3(knee.x, knee.y + 0.01f, knee.z + 0.008f)},
                                       36);
    auto sec = [&](int, float u) {
        Section s;
        s.a = profile({0.017f, 0.015f, 0.0135f, 0.013f, 0.013f, 0.0135f, 0.016f, 0.024f, 0.034f}, u);
        s.b = profile({0.017f, 0.015f, 0.0135f, 0.0135f, 0.0135f, 0.014f, 0.015f, 0.019f, 0.024f}, u);
        return s;
    };
    m.append(sweep(shaft, sec, [](int, float) { return vec3(1, 0, 0); }, 16, 0.0f, 0.006f));
    m.append(rod({vec3(LT.x + 0.016f, LT.y + 0.004f, LT.z + 0.010f), LT + vec3(0.002f, 0, 0.002f)}, {0.007f, 0.0045f}, 8, 10));
    // Linea aspera: a ridge down the back of the shaft.
    m.append(rod({vec3(LA.x + 0.01f, LA.y + 0.09f, LA.z + 0.004f), LA + vec3(0, 0, 0.003f), vec3(LA.x - 0.01f, LA.y - 0.09f, LA.z + 0.0f)},
                 {0.003f, 0.004f, 0.003f}, 16, 8));
    // Condyles.
    const vec3 mc(ME.x + 0.016f, DE.y + 0.022f, ME.z + 0.004f);
    const vec3 lc(LE.x - 0.016f, DE.y + 0.024f, LE.z + 0.004f);
    m.append(ellipsoid(mc, vec3(0.017f, 0, 0), vec3(0, 0, 0.032f), vec3(0, 0.023f, 0), 12, 18));
    m.append(ellipsoid(lc, vec3(0.017f, 0, 0), vec3(0, 0, 0.031f), vec3(0, 0.022f, 0), 12, 18));
    return m;
}

Mesh tibia(const Builder& b) {
    const vec3 MC = b.left("tibia.medial_condyle");
    const vec3 LC = b.left("tibia.lateral_condyle");
    const vec3 TT = b.left("tibia.tuberosity");
    const vec3 MM = b.left("tibia.medial_malleolus");
    const vec3 TD = b.left("tibia.distal_end_centre");
    Mesh m;
    // Condyles: a flat-topped plateau across both, flaring out from the shaft beneath.
    const vec3 c = glm::mix(MC, LC, 0.5f) + vec3(0, -0.012f, 0.018f);
    const float half_width = 0.5f * (LC.x - MC.x) + 0.001f;
    m.append(sweep(catmull_rom({c + vec3(0, -0.018f, 0), c + vec3(0, 0.012f, 0)}, 7),
                   [&](int, float u) {
                       Section s;
                       s.a = half_width * profile({0.78f, 0.93f, 0.99f, 1.0f}, u);
                       s.b = profile({0.023f, 0.025f, 0.026f, 0.026f}, u);
                       s.squareness = 2.4f;
                       return s;
                   },
                   [](int, float) { return kLateral; }, 24, 0.0f, 0.0f));
    // Shaft: narrowest in its lower third, flaring to the distal end above the talus.
    const Polyline shaft = catmull_rom({c + vec3(0, -0.005f, 0.0f), TT + vec3(-0.002f, -0.03f, -0.015f), glm::mix(c, TD, 0.6f),
                                        TD + vec3(0, 0.001f, 0)},
                                       28);
    auto sec = [](int, float u) {
        Section s;
        s.a = profile({0.030f, 0.018f, 0.0145f, 0.0135f, 0.0130f, 0.0150f, 0.0210f}, u);
        s.b = profile({0.024f, 0.016f, 0.0140f, 0.0135f, 0.0125f, 0.0140f, 0.0170f}, u);
        return s;
    };
    m.append(sweep(shaft, sec, [](int, float) { return kLateral; }, 14, 0.0f, 0.004f));
    m.append(ellipsoid(TT - vec3(0, 0, 0.005f), vec3(0.010f, 0, 0), vec3(0, 0.014f, 0), vec3(0, 0, 0.006f)));
    // Anterior border (the shin) down the front of the upper two thirds of the shaft.
    Polyline crest;
    for (int i = 0; i < 5; ++i) {
        const float u = 0.12f + 0.145f * static_cast<float>(i);
        crest.push_back(point_at(shaft, u) + kAnterior * (sec(0, u).b - 0.0015f));
    }
    m.append(rod(crest, {0.0030f, 0.0035f, 0.0030f}, 12, 8));
    // Medial malleolus: a broad process down the medial side of the ankle; the landmark is its tip.
    m.append(ellipsoid(MM + vec3(0.0065f, 0.013f, 0.0f), vec3(0.0065f, 0, 0), vec3(0, 0, 0.010f), vec3(0, 0.013f, 0), 10, 12));
    return m;
}

Mesh fibula(const Builder& b) {
    const vec3 FHd = b.left("fibula.head");
    const vec3 LM = b.left("fibula.lateral_malleolus");  // tip
    const vec3 c = FHd + vec3(-0.004f, -0.008f, 0.006f);
    const vec3 malleolus = LM + vec3(-0.002f, 0.015f, 0.002f);
    Mesh m = ellipsoid(c, vec3(0.009f, 0, 0), vec3(0, 0.012f, 0), vec3(0, 0, 0.009f));
    m.append(rod({c, glm::mix(c, malleolus, 0.3f) + kLateral * 0.003f, glm::mix(c, malleolus, 0.75f), malleolus},
                 {0.006f, 0.0055f, 0.005f, 0.0065f}, 24, 10));
    m.append(ellipsoid(malleolus, vec3(0.0065f, 0, 0), vec3(0, 0.017f, 0), vec3(0, 0, 0.010f), 10, 12));
    return m;
}

Mesh patella(const Builder& b) {
    const vec3 P = b.left("patella.centre");
    return ellipsoid(P, vec3(0.021f, 0, 0), vec3(0, 0, 0.010f), vec3(0, 0.024f, 0), 12, 16);
}

// Tarsals, metatarsals and phalanges of the foot standing flat and pointing forward.
Mesh foot(const Builder& b) {
    const vec3 H = b.left("foot.heel");  // back of the calcaneus
    const vec3 HB = b.left("foot.heel_bottom");
    const vec3 T = b.left("foot.talus_centre");
    const vec3 TH = b.left("foot.talus_head");
    const Axes ax = foot_axes(b);  // along: forward, across: lateral, normal: up
    Mesh m;
    // Talus: a boxy body under the tibia (its top the trochlea), narrowing to the neck and widening to
    // the round head in front.
    const Polyline talus = catmull_rom({ax.at(T, -0.010f, 0.0f, 0.003f), ax.at(T, 0.004f, 0.0f, 0.003f), glm::mix(T, TH, 0.72f), ax.at(TH, 0.002f, 0.0f, 0.0f)}, 14);
    m.append(sweep(talus,
                   [](int, float u) {
                       Section s;
                       s.a = profile({0.012f, 0.0135f, 0.0125f, 0.010f, 0.0115f, 0.0115f}, u);  // across
                       s.b = profile({0.013f, 0.016f, 0.0145f, 0.0095f, 0.0100f, 0.0095f}, u);  // up
                       s.squareness = 2.4f;
                       return s;
                   },
                   [&](int, float) { return ax.across; }, 16, 0.006f, 0.006f));
    // Calcaneus: tuber at the back (its lowest point the heel's), body under the talus, front end
    // lateral for the cuboid; sustentaculum tali as a medial shelf.
    const vec3 calc_front = ax.at(TH, 0.006f, 0.022f, -0.030f);
    m.append(ax.blob(ax.at(H, 0.013f, -0.002f, -0.004f), 0.013f, 0.013f, 0.018f, 10, 14));  // tuber, rounded behind
    const Polyline calc = catmull_rom({ax.at(H, 0.016f, 0.0f, -0.002f), ax.at(HB, 0.013f, 0.004f, 0.019f), ax.at(T, 0.0f, 0.006f, -0.028f), calc_front}, 20);
    m.append(sweep(calc,
                   [](int, float u) {
                       Section s;
                       s.a = profile({0.013f, 0.014f, 0.015f, 0.012f}, u);  // across
                       s.b = profile({0.019f, 0.018f, 0.014f, 0.012f}, u);  // up: tallest at the tuber
                       s.squareness = 2.4f;
                       return s;
                   },
                   [&](int, float) { return ax.across; }, 16, 0.010f, 0.008f));
    m.append(ax.blob(ax.at(T, 0.004f, -0.016f, -0.020f), 0.009f, 0.007f, 0.004f));
    // Navicular in front of the talar head, with its medial tuberosity; cuboid in front of the calcaneus.
    const vec3 navicular = ax.at(TH, 0.014f, -0.003f, -0.002f);
    m.append(ax.blob(navicular, 0.0055f, 0.014f, 0.011f));
    m.append(ax.blob(ax.at(navicular, 0.0f, -0.014f, -0.004f), 0.005f, 0.005f, 0.005f));
    const vec3 cuboid = calc_front + ax.along * 0.016f + ax.across * 0.003f - ax.normal * 0.002f;
    m.append(ax.blob(cuboid, 0.012f, 0.011f, 0.010f));
    // Cuneiforms (medial, intermediate, lateral) in front of the navicular.
    const std::array<vec3, 3> cuneiform = {ax.at(navicular, 0.015f, -0.011f, -0.004f), ax.at(navicular, 0.013f, 0.0f, 0.002f),
                                           ax.at(navicular, 0.015f, 0.010f, 0.0f)};
    m.append(ax.blob(cuneiform[0], 0.010f, 0.0065f, 0.013f));
    m.append(ax.blob(cuneiform[1], 0.007f, 0.005f, 0.009f));
    m.append(ax.blob(cuneiform[2], 0.009f, 0.006f, 0.009f));
    const FootRays rays = foot_rays(b);
    const auto& head = rays.head;
    const auto& tip = rays.tip;
    // Bases on the cuneiforms (the second recessed) and on the cuboid; the fifth with its tuberosity.
    const std::array<vec3, 6> base = {vec3(0.0f), cuneiform[0] + ax.along * 0.011f, cuneiform[1] + ax.along * 0.009f, cuneiform[2] + ax.along * 0.010f,
                                      cuboid + ax.along * 0.013f - ax.across * 0.005f, cuboid + ax.along * 0.011f + ax.across * 0.007f};
    m.append(metapodial(base[1], head[1], 0.010f, 0.0065f, 0.0090f));
    for (int k = 2; k <= 5; ++k) m.append(metapodial(base[k], head[k], 0.0065f, 0.0042f, 0.0060f));
    m.append(ax.blob(ax.at(base[5], -0.004f, 0.008f, -0.002f), 0.007f, 0.005f, 0.005f));
    // Phalanges: two in the big toe, three in each other toe.
    add_digit(m, head[1], 0.009f, tip[1], {0.56f, 0.44f}, ax.normal, 1.55f);
    const float toe_scale[6] = {0.0f, 0.0f, 0.95f, 0.9f, 0.85f, 0.85f};
    for (int k = 2; k <= 5; ++k) add_digit(m, head[k], 0.0060f, tip[k], {0.50f, 0.27f, 0.23f}, ax.normal, toe_scale[k]);
    return m;
}

}  // namespace

void build_limb_bones(Builder& b) {
    b.add_bone("humerus", humerus(b), true);
    b.add_bone("radius", radius(b), true);
    b.add_bone("ulna", ulna(b), true);
    b.add_bone("hand", hand(b), true);
    b.add_bone("femur", femur(b), true);
    b.add_bone("patella", patella(b), true);
    b.add_bone("tibia", tibia(b), true);
    b.add_bone("fibula", fibula(b), true);
    b.add_bone("foot", foot(b), true);
}

}  // namespace dorsal::modelgen
