// The order muscles are built in: deepest first, so that each later muscle lies on (drapes over,
// or narrows around) the ones already built. This table is the one place that order is stated.
#include "muscle_parts.hpp"

namespace dorsal::modelgen {

namespace {

struct BuildStep {
    const char* what;  // the content ids it adds, for reading the order
    void (*build)(Builder&);
};

constexpr BuildStep kBuildOrder[] = {
    {"multifidus", multifidus},
    {"suboccipitals", suboccipitals},
    {"longus_colli", longus_colli},
    {"semispinalis_capitis", semispinalis_capitis},
    {"quadratus_lumborum", quadratus_lumborum},
    {"spinalis, longissimus, iliocostalis", erector_spinae},
    {"psoas_major", psoas_major},
    {"iliacus", iliacus},
    {"diaphragm", diaphragm},
    {"piriformis", piriformis},
    {"gluteus_minimus", gluteus_minimus},
    {"scalenes", scalenes},
    {"splenius_capitis, splenius_cervicis", splenius},
    {"serratus_posterior_superior, serratus_posterior_inferior", serratus_posterior},
    {"levator_scapulae", levator_scapulae},
    {"serratus_anterior", serratus_anterior},
    {"pectoralis_minor", pectoralis_minor},
    {"supraspinatus, infraspinatus, teres_minor, teres_major", rotator_cuff},
    {"subscapularis", subscapularis},
    {"biceps_brachii", biceps_brachii},
    {"rhomboid_minor, rhomboid_major", rhomboids},
    {"gluteus_medius", gluteus_medius},
    {"adductor_magnus", adductor_magnus},
    {"vastus_lateralis, vastus_medialis", vasti},
    {"soleus", soleus},
    {"gastrocnemius", gastrocnemius},
    {"biceps_femoris, semitendinosus, semimembranosus", hamstrings},
    {"rectus_femoris", rectus_femoris},
    {"tensor_fasciae_latae", tensor_fasciae_latae},
    {"iliotibial_band", iliotibial_band},
    {"transversus_abdominis", transversus_abdominis},
    {"internal_oblique", internal_oblique},
    {"rectus_abdominis", rectus_abdominis},
    {"external_oblique", external_oblique},
    {"latissimus_dorsi", latissimus_dorsi},
    {"triceps_brachii", triceps_brachii},
    {"trapezius_descending, trapezius_transverse, trapezius_ascending", trapezius},
    {"pectoralis_major", pectoralis_major},
    {"deltoid", deltoid},
    {"sternocleidomastoid", sternocleidomastoid},
    {"gluteus_maximus", gluteus_maximus},
};

}  // namespace

void build_muscles(Builder& b) {
    for (const auto& step : kBuildOrder) step.build(b);
}

}  // namespace dorsal::modelgen
