// Anatomy of the built-in model: attachments, layers, and nothing sunk into bone.
#include "fixture.hpp"
#include "voxel.hpp"

#include <catch2/catch.hpp>
#include <glm/geometric.hpp>

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
    for (float y = lo.y; y <= hi.y; y += 0.004f)
        for (float x = lo.x; x <= std::min(hi.x, l.max_across); x += 0.004f) {
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

TEST_CASE("superficial muscles lie over deeper ones", "[anatomy]") {
    SECTION("trapezius over the rhomboids (from behind)") {
        check_layering({{"muscle.trapezius_descending.L", "muscle.trapezius_transverse.L", "muscle.trapezius_ascending.L"},
                        {"muscle.rhomboid_major.L", "muscle.rhomboid_minor.L"}},
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
        check_layering({{"muscle.rhomboid_major.L", "muscle.rhomboid_minor.L"}, {"muscle.serratus_posterior_superior.L"}}, From::Back);
    }
    SECTION("gluteus maximus over gluteus medius (from behind)") {
        check_layering({{"muscle.gluteus_maximus.L"}, {"muscle.gluteus_medius.L"}}, From::Back);
    }
    SECTION("gluteus medius over gluteus minimus (from behind)") {
        check_layering({{"muscle.gluteus_medius.L"}, {"muscle.gluteus_minimus.L"}}, From::Back);
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

float surface_distance(const Mesh& m, glm::vec3 p) {
    float best = 1e9f;
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3)
        best = std::min(best, glm::distance(p, closest_on_triangle(p, m.positions[m.indices[t]], m.positions[m.indices[t + 1]],
                                                                      m.positions[m.indices[t + 2]])));
    return best;
}

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
        const float d = surface_distance(skull, lm.get(name));
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
                const float d = surface_distance(skull, p);
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
