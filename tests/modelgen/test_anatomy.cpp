// Anatomy of the built-in model: attachments, layers, and nothing sunk into bone.
#include "fixture.hpp"
#include "voxel.hpp"

#include <catch2/catch.hpp>
#include <glm/geometric.hpp>
#include <glm/vector_relational.hpp>

#include <algorithm>
#include <cmath>

using namespace dorsal::modelgen;
using test::mesh_of;

namespace {

float closest_vertex(const Mesh& m, glm::vec3 p) {
    float best = 1e9f;
    for (const auto& v : m.positions) best = std::min(best, glm::distance(v, p));
    return best;
}

}  // namespace

TEST_CASE("every muscle reaches the bone landmarks it attaches to (within 1.5 cm)", "[anatomy]") {
    const auto& lm = test::landmarks();
    const auto& rows = test::attachments().all();
    for (const auto& id : muscle_ids()) {
        INFO("muscle " << id);
        CHECK(!test::attachments().of(id, "origin").empty());
    }
    for (const auto& a : rows) {
        const std::string node = "muscle." + a.muscle + (a.muscle == "diaphragm" ? "" : ".L");
        const Mesh& m = mesh_of(node);
        const float d = closest_vertex(m, lm.get(a.landmark));
        INFO(a.file << ":" << a.line << ": " << a.muscle << " " << a.end << " " << a.landmark << ": " << d * 1000.0f << " mm away");
        CHECK(d <= 0.015f);
    }
}

namespace {

struct Layering {
    std::vector<std::string> over, under;
    float max_across = 1e9f;  // sample only up to this coordinate across the rays (x from behind)
    // Samples nearer the midline or lower down are skipped: where an aponeurosis dives to the
    // spinous processes, the sacrum or the inguinal ligament past the edge of what it covers.
    float min_across = -1e9f;
    float min_y = -1e9f;
};

enum class From { Back, Front, Left };

// The mesh as seen along the rays: from the left (+X), turned so that the side rays run along z and
// the superficial side is met first as from behind (p -> (z, y, -x)).
Mesh seen_from(const Mesh& m, From from) {
    Mesh r = m;
    if (from == From::Left)
        for (auto& p : r.positions) p = glm::vec3(p.z, p.y, -p.x);
    return r;
}

// Samples the plane across the rays over the deeper muscles' extent; where a ray meets both, checks
// that the superficial one is met first (from behind: smaller z; from the front: larger z; from the
// left: larger x).
void check_layering(const Layering& l, From from) {
    std::vector<Mesh> over, under;
    for (const auto& n : l.over) over.push_back(seen_from(mesh_of(n), from));
    for (const auto& n : l.under) under.push_back(seen_from(mesh_of(n), from));
    const bool from_back = from != From::Front;
    glm::vec3 lo(1e9f), hi(-1e9f);
    for (const auto& m : under) {
        glm::vec3 a, b;
        m.bounds(a, b);
        lo = glm::min(lo, a);
        hi = glm::max(hi, b);
    }
    int both = 0, wrong = 0;
    float worst = 0.0f, wx = 0.0f, wy = 0.0f;
    for (float y = std::max(lo.y, l.min_y); y <= hi.y; y += 0.004f)
        for (float x = std::max(lo.x, l.min_across); x <= std::min(hi.x, l.max_across); x += 0.004f) {
            std::optional<float> o, u;
            for (const auto& m : over) {
                auto h = from_back ? test::hit_from_back(m, x, y) : test::hit_from_front(m, x, y);
                if (h && (!o || (from_back ? *h < *o : *h > *o))) o = h;
            }
            for (const auto& m : under) {
                auto h = from_back ? test::hit_from_back(m, x, y) : test::hit_from_front(m, x, y);
                if (h && (!u || (from_back ? *h < *u : *h > *u))) u = h;
            }
            if (!o || !u) continue;
            ++both;
            const float depth = from_back ? *o - *u : *u - *o;  // > 0: the deep muscle is met first
            if (depth > 0.001f) ++wrong;
            if (depth > worst) {
                worst = depth;
                wx = x;
                wy = y;
            }
        }
    INFO(l.over.front() << " over " << l.under.front() << ": " << both << " samples, " << wrong << " wrong, worst " << worst * 1000 << " mm at (" << wx << ", " << wy << ") across the rays");
    CHECK(both >= 20);
    CHECK(wrong == 0);
}

}  // namespace

// Half the width of the strip over the spinous processes where the back muscles' aponeuroses
// attach one on another.
constexpr float kSpinousStrip = 0.010f;
// The same for the thoracolumbar fascia's attachment beside the erector spinae's medial edge.
constexpr float kErectorMedial = 0.012f;

TEST_CASE("superficial muscles lie over deeper ones", "[anatomy]") {
    SECTION("trapezius over the rhomboids (from behind)") {
        // Beside the spinous processes, where all of them attach one on another, there is no order.
        check_layering({.over = {"muscle.trapezius_descending.L", "muscle.trapezius_transverse.L", "muscle.trapezius_ascending.L"},
                        .under = {"muscle.rhomboid_major.L", "muscle.rhomboid_minor.L"},
                        .min_across = kSpinousStrip},
                       From::Back);
    }
    SECTION("trapezius over levator scapulae (from behind)") {
        check_layering({{"muscle.trapezius_descending.L", "muscle.trapezius_transverse.L"}, {"muscle.levator_scapulae.L"}}, From::Back);
    }
    SECTION("deltoid over the insertions of supraspinatus, infraspinatus and teres minor (from the side)") {
        check_layering({{"muscle.deltoid.L"}, {"muscle.supraspinatus.L", "muscle.infraspinatus.L", "muscle.teres_minor.L"}}, From::Left);
    }
    SECTION("serratus anterior in front of subscapularis, between it and the ribs (from behind)") {
        // Over the blade only: lateral to it the subscapularis tendon crosses the front of the
        // shoulder joint, outside the chest wall that serratus covers (the axilla between them).
        const float blade = test::landmarks().get("scapula.lateral_border_mid.L").x;
        check_layering({{"muscle.subscapularis.L"}, {"muscle.serratus_anterior.L"}, blade}, From::Back);
    }
    SECTION("rhomboids over serratus posterior superior (from behind)") {
        // Medial to the scapula's border, where the rhomboids end (beyond it the blade covers
        // serratus posterior superior, and their insertion row dives onto the root of the spine).
        const float border = test::landmarks().get("scapula.spine_root.L").x - 0.005f;
        check_layering({.over = {"muscle.rhomboid_major.L", "muscle.rhomboid_minor.L"},
                        .under = {"muscle.serratus_posterior_superior.L"},
                        .max_across = border,
                        .min_across = kSpinousStrip},
                       From::Back);
    }
    SECTION("gluteus maximus over gluteus medius (from behind)") {
        check_layering({{"muscle.gluteus_maximus.L"}, {"muscle.gluteus_medius.L"}}, From::Back);
    }
    SECTION("gluteus medius over gluteus minimus (from behind)") {
        check_layering({{"muscle.gluteus_medius.L"}, {"muscle.gluteus_minimus.L"}}, From::Back);
    }
    SECTION("serratus posterior superior and inferior over the erector spinae (from behind)") {
        for (const char* serratus : {"muscle.serratus_posterior_superior.L", "muscle.serratus_posterior_inferior.L"})
            check_layering({.over = {serratus}, .under = {"muscle.iliocostalis.L", "muscle.longissimus.L", "muscle.spinalis.L"}, .min_across = kErectorMedial},
                           From::Back);
    }
    SECTION("latissimus dorsi over the erector spinae (from behind)") {
        // Both arise from the sacrum and the posterior iliac crest: compared above the crest.
        check_layering({.over = {"muscle.latissimus_dorsi.L"},
                        .under = {"muscle.iliocostalis.L", "muscle.longissimus.L", "muscle.spinalis.L"},
                        .min_across = kErectorMedial,
                        .min_y = test::landmarks().get("hip_bone.crest_posterior.L").y},
                       From::Back);
    }
    SECTION("external oblique over internal oblique over transversus abdominis (from the front)") {
        // Beside the rectus sheath, where all three are muscular, and above the inguinal ligament,
        // where the external oblique ends and the internal oblique begins.
        const float asis = test::landmarks().get("hip_bone.asis.L").y;
        constexpr float kBesideRectus = 0.08f;
        check_layering({.over = {"muscle.external_oblique.L"}, .under = {"muscle.internal_oblique.L"}, .min_across = kBesideRectus, .min_y = asis},
                       From::Front);
        check_layering({.over = {"muscle.internal_oblique.L"}, .under = {"muscle.transversus_abdominis.L"}, .min_across = kBesideRectus}, From::Front);
    }
    SECTION("rectus abdominis in front of transversus abdominis and internal oblique (from the front)") {
        check_layering({{"muscle.rectus_abdominis.L"}, {"muscle.transversus_abdominis.L", "muscle.internal_oblique.L"}}, From::Front);
    }
    SECTION("splenius capitis over semispinalis capitis (from behind)") {
        check_layering({.over = {"muscle.splenius_capitis.L"}, .under = {"muscle.semispinalis_capitis.L"}, .min_across = kSpinousStrip}, From::Back);
    }
    SECTION("psoas major in front of quadratus lumborum (from the front)") {
        check_layering({{"muscle.psoas_major.L"}, {"muscle.quadratus_lumborum.L"}}, From::Front);
    }
    SECTION("gastrocnemius over soleus (from behind)") {
        check_layering({{"muscle.gastrocnemius.L"}, {"muscle.soleus.L"}}, From::Back);
    }
    SECTION("the iliotibial band over vastus lateralis (from the side)") {
        check_layering({{"muscle.iliotibial_band.L"}, {"muscle.vastus_lateralis.L"}}, From::Left);
    }
    SECTION("semimembranosus over adductor magnus (from behind)") {
        check_layering({{"muscle.semimembranosus.L"}, {"muscle.adductor_magnus.L"}}, From::Back);
    }
}

TEST_CASE("the erector spinae fill the lumbar groove: a mass 6-7 cm wide and 3 cm deep at L3", "[anatomy]") {
    // Moore's Clinically Oriented Anatomy: the erector spinae form the palpable mass beside the
    // lumbar spinous processes; spinalis medial, longissimus in the middle, iliocostalis lateral.
    const float y = test::landmarks().get("vertebra_l3.body_centre").y;
    float lo = 1e9f, hi = -1e9f, back = 1e9f, front = -1e9f;
    for (const char* n : {"muscle.longissimus.L", "muscle.iliocostalis.L"})
        for (const auto& p : mesh_of(n).positions)
            if (std::fabs(p.y - y) < 0.006f) {
                lo = std::min(lo, p.x);
                hi = std::max(hi, p.x);
                back = std::min(back, p.z);
                front = std::max(front, p.z);
            }
    INFO("x " << lo << ".." << hi << ", z " << back << ".." << front);
    CHECK(hi - lo >= 0.058f);
    CHECK(hi - lo <= 0.075f);
    CHECK(front - back >= 0.028f);
    CHECK(lo >= 0.0f);  // the left columns never cross the midline
    // Side by side: longissimus medial to iliocostalis along the lumbar and thoracic spine.
    for (float yy = y; yy < y + 0.25f; yy += 0.05f) {
        float lx = 0.0f, ix = 0.0f;
        int ln = 0, in = 0;
        for (const auto& p : mesh_of("muscle.longissimus.L").positions)
            if (std::fabs(p.y - yy) < 0.006f) lx += p.x, ++ln;
        for (const auto& p : mesh_of("muscle.iliocostalis.L").positions)
            if (std::fabs(p.y - yy) < 0.006f) ix += p.x, ++in;
        INFO("y " << yy);
        REQUIRE(ln > 0);
        REQUIRE(in > 0);
        CHECK(lx / static_cast<float>(ln) < ix / static_cast<float>(in));
    }
}

namespace {

// Fibres of a muscle within a box (fibres have no sense, so the figures do not depend on it):
// how steep they are (mean |y|) and how many run down-medially, i.e. x and y of the same sign on
// the left side (external oblique) rather than up-medially (internal oblique).
struct FibreWay {
    float steepness = 0.0f;
    float down_medial = 0.0f;  // fraction of the fibres
};

FibreWay fibre_way(const Mesh& m, glm::vec3 lo, glm::vec3 hi) {
    FibreWay w;
    int n = 0;
    for (std::size_t i = 0; i < m.positions.size(); ++i) {
        const glm::vec3 p = m.positions[i];
        if (glm::any(glm::lessThan(p, lo)) || glm::any(glm::greaterThan(p, hi))) continue;
        const glm::vec3 f = m.fibres[i];
        w.steepness += std::fabs(f.y);
        w.down_medial += f.x * f.y > 0.0f ? 1.0f : 0.0f;
        ++n;
    }
    if (n > 0) {
        w.steepness /= static_cast<float>(n);
        w.down_medial /= static_cast<float>(n);
    }
    return w;
}

}  // namespace

TEST_CASE("the flat abdominal muscles run each their own way across the front of the waist", "[anatomy]") {
    // Moore's: external oblique down and forward (medially), internal oblique up and forward,
    // transversus horizontal; compared beside the rectus sheath between the ribs and the crest.
    const glm::vec3 lo(0.075f, 1.0f, 0.0f), hi(0.13f, 1.15f, 0.2f);
    const FibreWay eo = fibre_way(mesh_of("muscle.external_oblique.L"), lo, hi);
    const FibreWay io = fibre_way(mesh_of("muscle.internal_oblique.L"), lo, hi);
    const FibreWay ta = fibre_way(mesh_of("muscle.transversus_abdominis.L"), lo, hi);
    INFO("down-medially: external " << eo.down_medial << ", internal " << io.down_medial << "; steepness: external " << eo.steepness
                                    << ", internal " << io.steepness << ", transversus " << ta.steepness);
    CHECK(eo.down_medial > 0.8f);
    CHECK(io.down_medial < 0.2f);
    CHECK(eo.steepness > 0.3f);
    CHECK(io.steepness > 0.3f);
    CHECK(ta.steepness < 0.35f);
}

TEST_CASE("rectus abdominis is a strap: ~3 cm wide at the pubis, 7-8 cm at the costal margin", "[anatomy]") {
    const Mesh& m = mesh_of("muscle.rectus_abdominis.L");
    auto width = [&](float y) {
        float lo = 1e9f, hi = -1e9f;
        for (const auto& p : m.positions)
            if (std::fabs(p.y - y) < 0.005f) {
                lo = std::min(lo, p.x);
                hi = std::max(hi, p.x);
            }
        return hi - lo;
    };
    const auto& lm = test::landmarks();
    const float pubis = width(lm.get("hip_bone.pubic_tubercle.L").y + 0.015f);
    const float upper = width(lm.get("sternum.xiphoid_tip").y - 0.02f);
    INFO("pubis " << pubis << ", upper " << upper);
    CHECK(pubis >= 0.025f);
    CHECK(pubis <= 0.042f);
    CHECK(upper >= 0.068f);
    CHECK(upper <= 0.085f);
}

TEST_CASE("longus colli lies on the front of the C1-T3 vertebral bodies, beside the midline", "[anatomy]") {
    const auto& lm = test::landmarks();
    const Mesh& m = mesh_of("muscle.longus_colli.L");
    glm::vec3 lo, hi;
    m.bounds(lo, hi);
    CHECK(lo.y <= lm.get("vertebra_t3.body_anterior").y + 0.01f);
    CHECK(hi.y >= lm.get("vertebra_c1.body_anterior").y - 0.01f);
    CHECK(lo.x >= 0.0f);
    CHECK(hi.x <= 0.025f);
    for (const char* v : {"vertebra_t2", "vertebra_c7", "vertebra_c5", "vertebra_c3"}) {
        const glm::vec3 front = lm.get(std::string(v) + ".body_anterior");
        float zmax = -1e9f;
        for (const auto& p : m.positions)
            if (std::fabs(p.y - front.y) < 0.004f) zmax = std::max(zmax, p.z);
        INFO(v << ": front of the muscle at z " << zmax << ", of the body at " << front.z);
        CHECK(zmax > front.z);          // in front of the body ...
        CHECK(zmax < front.z + 0.012f); // ... and on it, behind the pharynx
    }
}

TEST_CASE("quadratus lumborum is a flat plate from the iliac crest to the 12th rib", "[anatomy]") {
    // Gray's: from the iliolumbar ligament and posterior iliac crest to rib 12 and the L1-L4
    // transverse processes; about 3.5 cm wide and 2 cm thick beside L3 (BodyParts3D's left QL).
    const auto& lm = test::landmarks();
    const Mesh& m = mesh_of("muscle.quadratus_lumborum.L");
    glm::vec3 lo, hi;
    m.bounds(lo, hi);
    CHECK(lo.y < lm.get("hip_bone.crest_posterior.L").y - 0.02f);
    CHECK(hi.y > lm.get("rib_12.angle.L").y);
    const float y = lm.get("vertebra_l3.body_centre").y;
    float x0 = 1e9f, x1 = -1e9f, z0 = 1e9f, z1 = -1e9f;
    for (const auto& p : m.positions)
        if (std::fabs(p.y - y) < 0.005f) {
            x0 = std::min(x0, p.x);
            x1 = std::max(x1, p.x);
            z0 = std::min(z0, p.z);
            z1 = std::max(z1, p.z);
        }
    INFO("at L3: x " << x0 << ".." << x1 << ", z " << z0 << ".." << z1);
    CHECK(x1 - x0 >= 0.030f);
    CHECK(z1 - z0 <= 0.025f);
    CHECK(z1 - z0 >= 0.012f);
}

TEST_CASE("sternocleidomastoid is a thick strap across the side of the neck", "[anatomy]") {
    // Its two heads joined into one belly 2.5-4 cm across at the level of C4, under the angle of
    // the mandible (Moore's).
    const Mesh& m = mesh_of("muscle.sternocleidomastoid.L");
    const float y = test::landmarks().get("vertebra_c4.body_centre").y;
    std::vector<glm::vec3> slab;
    for (const auto& p : m.positions)
        if (std::fabs(p.y - y) < 0.004f) slab.push_back(glm::vec3(p.x, 0.0f, p.z));
    float across = 0.0f;
    for (const auto& a : slab)
        for (const auto& c : slab) across = std::max(across, glm::distance(a, c));
    INFO("across at C4: " << across);
    CHECK(across >= 0.025f);
    CHECK(across <= 0.04f);
}

TEST_CASE("no muscle sinks more than 5 mm into a bone", "[anatomy]") {
    const Model& model = test::model();
    struct Bone {
        std::string name;
        const Mesh* mesh;
        glm::vec3 lo, hi;
    };
    std::vector<Bone> bones;
    for (const auto& nm : model.meshes) {
        if (nm.name.rfind("bone.", 0) != 0) continue;
        Bone b{nm.name, &nm.mesh, {}, {}};
        nm.mesh.bounds(b.lo, b.hi);
        bones.push_back(b);
    }
    auto depth_inside = [](const Mesh& m, glm::vec3 p) {
        float best = 1e9f;
        for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
            const glm::vec3 q = closest_on_triangle(p, m.positions[m.indices[t]], m.positions[m.indices[t + 1]], m.positions[m.indices[t + 2]]);
            best = std::min(best, glm::distance(p, q));
        }
        return best;
    };
    int checked = 0;
    for (const auto& nm : model.meshes) {
        if (nm.name.rfind("muscle.", 0) != 0 || nm.name.size() < 2 || nm.name.compare(nm.name.size() - 2, 2, ".R") == 0) continue;
        const Mesh& m = nm.mesh;
        const std::size_t stride = std::max<std::size_t>(1, m.positions.size() / 400);
        float worst = 0.0f;
        std::string where;
        glm::vec3 at(0.0f);
        for (std::size_t i = 0; i < m.positions.size(); i += stride) {
            const glm::vec3 p = m.positions[i];
            ++checked;
            for (const auto& b : bones) {
                if (glm::any(glm::lessThan(p, b.lo)) || glm::any(glm::greaterThan(p, b.hi))) continue;
                if (winding_number(*b.mesh, p) < 0.5) continue;
                const float d = depth_inside(*b.mesh, p);
                if (d > worst) {
                    worst = d;
                    where = b.name;
                    at = p;
                }
            }
        }
        INFO(nm.name << " reaches " << worst * 1000.0f << " mm into " << where << " at (" << at.x << ", " << at.y << ", " << at.z << ")");
        CHECK(worst <= 0.005f);
    }
    CHECK(checked > 10000);
}

namespace {

// Heights where a vertical line at (x, z) crosses the mesh.
std::vector<float> vertical_hits(const Mesh& m, float x, float z) {
    std::vector<float> ys;
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
        const glm::vec3 a = m.positions[m.indices[t]], b = m.positions[m.indices[t + 1]], c = m.positions[m.indices[t + 2]];
        const float d = (b.x - a.x) * (c.z - a.z) - (c.x - a.x) * (b.z - a.z);
        if (std::fabs(d) < 1e-12f) continue;
        const float u = ((x - a.x) * (c.z - a.z) - (c.x - a.x) * (z - a.z)) / d;
        const float v = ((b.x - a.x) * (z - a.z) - (x - a.x) * (b.z - a.z)) / d;
        if (u < 0.0f || v < 0.0f || u + v > 1.0f) continue;
        ys.push_back(a.y + u * (b.y - a.y) + v * (c.y - a.y));
    }
    return ys;
}

// Greatest |x| of the mesh's vertices within `r` of the plane y = p.y and of z = p.z.
float half_width_near(const Mesh& m, glm::vec3 p, float r) {
    float w = 0.0f;
    for (const auto& v : m.positions)
        if (std::fabs(v.y - p.y) < r && std::fabs(v.z - p.z) < r) w = std::max(w, std::fabs(v.x));
    return w;
}

}  // namespace

TEST_CASE("the skull reaches its measured landmarks", "[anatomy][skull]") {
    const Mesh& skull = mesh_of("bone.skull");
    const auto& lm = test::landmarks();
    for (const char* name : {"skull.vertex", "skull.glabella", "skull.inion", "skull.opisthion", "skull.maxilla_front", "skull.chin",
                             "skull.mastoid_tip.L", "skull.zygomatic_lateral.L", "skull.mandible_angle.L", "skull.condyle.L"}) {
        const float d = test::surface_distance(skull, lm.get(name));
        INFO(name << ": skull surface " << d * 1000.0f << " mm away");
        CHECK(d <= 0.005f);
    }
}

TEST_CASE("the mandible runs from condyle to condyle round the chin", "[anatomy][skull]") {
    // Along the lower border of the jaw, from the chin back to each angle, there is bone under
    // every point of the line, and the rami rise from the angles to the condyles.
    const Mesh& skull = mesh_of("bone.skull");
    const auto& lm = test::landmarks();
    const glm::vec3 chin = lm.get("skull.chin");
    for (const char* side : {".L", ".R"}) {
        const glm::vec3 angle = lm.get(std::string("skull.mandible_angle") + side);
        const glm::vec3 condyle = lm.get(std::string("skull.condyle") + side);
        for (int i = 0; i <= 10; ++i) {
            const float t = static_cast<float>(i) / 10.0f;
            for (const glm::vec3 p : {glm::mix(chin, angle, t), glm::mix(angle, condyle, t)}) {
                const float d = test::surface_distance(skull, p);
                INFO(side << " at " << t << ": " << d * 1000.0f << " mm from the mandible");
                CHECK(d <= 0.008f);
            }
        }
    }
}

TEST_CASE("the skull is wider at the zygomatic arches than at the mastoids", "[anatomy][skull]") {
    const Mesh& skull = mesh_of("bone.skull");
    const auto& lm = test::landmarks();
    const float arches = half_width_near(skull, lm.get("skull.zygomatic_lateral.L"), 0.006f);
    const float mastoids = half_width_near(skull, lm.get("skull.mastoid_tip.L") + glm::vec3(0.0f, 0.010f, 0.0f), 0.006f);
    INFO("half-width at the arches " << arches * 1000.0f << " mm, at the mastoids " << mastoids * 1000.0f << " mm");
    CHECK(arches > mastoids + 0.005f);
    // And widest across the parietal eminences, above them both.
    CHECK(half_width_near(skull, lm.get("skull.euryon.L"), 0.010f) > arches);
}

TEST_CASE("the skull base curves up into the occiput without a ledge", "[anatomy][skull]") {
    // In the midline, from the opisthion back to the inion, the underside of the skull rises
    // steadily: no step where a separate base would stick out under the vault.
    const Mesh& skull = mesh_of("bone.skull");
    const auto& lm = test::landmarks();
    const glm::vec3 opisthion = lm.get("skull.opisthion"), inion = lm.get("skull.inion");
    float previous = -1.0f;
    for (int i = 0; i <= 12; ++i) {
        const float z = glm::mix(opisthion.z, inion.z + 0.010f, static_cast<float>(i) / 12.0f);
        const auto ys = vertical_hits(skull, 0.0f, z);
        REQUIRE(!ys.empty());
        const float underside = *std::min_element(ys.begin(), ys.end());
        INFO("z " << z << ": underside at y " << underside << ", " << (underside - previous) * 1000.0f << " mm above the step before");
        if (i > 0) {
            CHECK(underside >= previous - 0.0005f);
            CHECK(underside - previous <= 0.012f);
        }
        previous = underside;
    }
}
