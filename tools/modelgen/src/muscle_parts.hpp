// Internal: what the muscle builders share. Each region's file (muscles_<region>.cpp) defines the
// builders of its muscles; muscles.cpp states the order they are built in, deepest first.
#pragma once

#include "muscle_tools.hpp"

#include <string>
#include <vector>

namespace dorsal::modelgen {

inline constexpr float kPi = 3.14159265358979f;

// A point given as a landmark name ("rib_7.angle" means the left one when `.L` exists), or a blend
// "a|b|t" (the point t of the way from a to b). Throws std::out_of_range for an unknown name.
glm::vec3 P(const Builder& b, const std::string& spec);

// Landmark name prefixes of the thoracic, lumbar and cervical vertebrae: vt(7) = "vertebra_t7".
std::string vt(int i);
std::string vl(int i);
std::string vc(int i);

// A spinous tip moved x off the midline to the left (where a left muscle arises).
glm::vec3 spine_tip(const Builder& b, const std::string& v, float x = 0.0015f);

// Fibres from cross curves: cross[k] runs across the fibres at stage k (origin line, middle lines,
// insertion line); each is resampled to nf points by arc length. Returns nf fibres.
std::vector<Polyline> net(const std::vector<Polyline>& cross, int nf);

// Gaussian bump exp(-((x - centre) / width)^2).
float bump(float x, float centre, float width);

// Back of the lamina (where the transversospinal groove starts) of vertebra v, left side.
glm::vec3 lamina(const Builder& b, const std::string& v);

// Horizontal outward directions for the buttock and lateral hip, and for the neck.
glm::vec3 hip_out(glm::vec3 p);
glm::vec3 neck_out(const Builder& b, glm::vec3 p);

// The builders, one per muscle or group of muscles built together (left side; mirrored later).
// Spine and neck (muscles_spine_neck.cpp)
void multifidus(Builder& b);
void erector_spinae(Builder& b);
void quadratus_lumborum(Builder& b);
void suboccipitals(Builder& b);
void longus_colli(Builder& b);
void semispinalis_capitis(Builder& b);
void scalenes(Builder& b);
void splenius(Builder& b);
void serratus_posterior(Builder& b);
void sternocleidomastoid(Builder& b);
// Trunk wall (muscles_trunk.cpp)
void diaphragm(Builder& b);
void transversus_abdominis(Builder& b);
void internal_oblique(Builder& b);
void rectus_abdominis(Builder& b);
void external_oblique(Builder& b);
// Shoulder and arm (muscles_shoulder.cpp)
void levator_scapulae(Builder& b);
void rotator_cuff(Builder& b);
void subscapularis(Builder& b);
void serratus_anterior(Builder& b);
void pectoralis_minor(Builder& b);
void rhomboids(Builder& b);
void latissimus_dorsi(Builder& b);
void trapezius(Builder& b);
void pectoralis_major(Builder& b);
void biceps_brachii(Builder& b);
void triceps_brachii(Builder& b);
void deltoid(Builder& b);
// Hip and leg (muscles_hip.cpp)
void psoas_major(Builder& b);
void iliacus(Builder& b);
void piriformis(Builder& b);
void gluteus_minimus(Builder& b);
void gluteus_medius(Builder& b);
void tensor_fasciae_latae(Builder& b);
void iliotibial_band(Builder& b);
void adductor_magnus(Builder& b);
void vasti(Builder& b);
void soleus(Builder& b);
void gastrocnemius(Builder& b);
void hamstrings(Builder& b);
void rectus_femoris(Builder& b);
void gluteus_maximus(Builder& b);

}  // namespace dorsal::modelgen
