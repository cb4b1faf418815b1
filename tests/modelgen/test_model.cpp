// The built-in model: names, symmetry, closed outward meshes, attachments, layers, bytes.
#include "fixture.hpp"
#include "glb.hpp"
#include "voxel.hpp"

#include <catch2/catch.hpp>
#include <glm/geometric.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

using namespace dorsal::modelgen;

namespace dorsal::modelgen::test {

const Landmarks& landmarks() {
    static const Landmarks lm = load_default_landmarks(DORSAL_LANDMARK_DIR);
    return lm;
}

const Attachments& attachments() {
    static const Attachments a = load_default_attachments(DORSAL_LANDMARK_DIR, landmarks());
    return a;
}

const Model& model() {
    static const Model m = build_model(landmarks(), attachments());
    return m;
}

const Mesh& mesh_of(const std::string& node) {
    const NamedMesh* nm = model().find_mesh(node);
    INFO("node " << node);
    REQUIRE(nm != nullptr);
    return nm->mesh;
}

namespace {
// The first surface a ray parallel to axis `depth` meets at (p[u], p[v]) = (a, b); `better` picks
// which end it comes from.
template <class Better>
std::optional<float> axis_hit(const Mesh& m, int u, int v, int depth, float a0, float b0, Better better) {
    std::optional<float> best;
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
        const glm::vec3 a = m.positions[m.indices[t]], b = m.positions[m.indices[t + 1]], c = m.positions[m.indices[t + 2]];
        const double w0 = (double(c[u]) - b[u]) * (b0 - b[v]) - (double(c[v]) - b[v]) * (a0 - b[u]);
        const double w1 = (double(a[u]) - c[u]) * (b0 - c[v]) - (double(a[v]) - c[v]) * (a0 - c[u]);
        const double w2 = (double(b[u]) - a[u]) * (b0 - a[v]) - (double(b[v]) - a[v]) * (a0 - a[u]);
        const bool inside = (w0 >= 0 && w1 >= 0 && w2 >= 0) || (w0 <= 0 && w1 <= 0 && w2 <= 0);
        const double s = w0 + w1 + w2;
        if (!inside || s == 0.0) continue;
        const float d = static_cast<float>((w0 * a[depth] + w1 * b[depth] + w2 * c[depth]) / s);
        if (!best || better(d, *best)) best = d;
    }
    return best;
}
bool smaller(float a, float b) { return a < b; }
bool larger(float a, float b) { return a > b; }
}  // namespace

std::optional<float> hit_from_back(const Mesh& m, float x, float y) { return axis_hit(m, 0, 1, 2, x, y, smaller); }
std::optional<float> hit_from_front(const Mesh& m, float x, float y) { return axis_hit(m, 0, 1, 2, x, y, larger); }

float surface_distance(const Mesh& m, glm::vec3 p) {
    float best = 1e9f;
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3)
        best = std::min(best, glm::distance(p, closest_on_triangle(p, m.positions[m.indices[t]], m.positions[m.indices[t + 1]],
                                                                   m.positions[m.indices[t + 2]])));
    return best;
}

}  // namespace dorsal::modelgen::test

using test::mesh_of;
using test::model;

namespace {

std::vector<std::string> mesh_nodes() {
    std::vector<std::string> out;
    for (const auto& n : model().nodes)
        if (n.mesh >= 0) out.push_back(n.name);
    return out;
}

bool starts_with(const std::string& s, const std::string& p) { return s.compare(0, p.size(), p) == 0; }

}  // namespace

TEST_CASE("every node the content expects exists, under dorsal_back / bones / muscles", "[model]") {
    const Model& m = model();
    REQUIRE(!m.nodes.empty());
    CHECK(m.nodes[0].name == "dorsal_back");
    CHECK(m.nodes[0].mesh == -1);
    std::vector<std::string> top;
    for (int c : m.nodes[0].children) top.push_back(m.nodes[static_cast<std::size_t>(c)].name);
    CHECK(top == std::vector<std::string>{"bones", "muscles", "skin"});
    CHECK(m.find_node("bones")->mesh == -1);
    CHECK(m.find_node("muscles")->mesh == -1);
    // The contract of DESIGN.md, written out here rather than taken from the library.
    const std::vector<std::string> muscles = {
        "trapezius_descending", "trapezius_transverse", "trapezius_ascending", "latissimus_dorsi", "rhomboid_major",
        "rhomboid_minor", "levator_scapulae", "serratus_posterior_superior", "serratus_posterior_inferior",
        "iliocostalis", "longissimus", "spinalis", "multifidus", "quadratus_lumborum", "semispinalis_capitis",
        "splenius_capitis", "splenius_cervicis", "suboccipitals", "sternocleidomastoid", "scalenes", "infraspinatus",
        "supraspinatus", "teres_major", "teres_minor", "serratus_anterior", "pectoralis_major", "pectoralis_minor",
        "rectus_abdominis", "external_oblique", "internal_oblique", "transversus_abdominis", "diaphragm",
        "psoas_major", "iliacus", "gluteus_maximus", "gluteus_medius", "gluteus_minimus", "piriformis",
        "tensor_fasciae_latae", "iliotibial_band", "biceps_femoris", "semitendinosus", "semimembranosus",
        "rectus_femoris", "deltoid", "biceps_brachii", "triceps_brachii", "subscapularis", "vastus_lateralis",
        "vastus_medialis", "adductor_magnus", "gastrocnemius", "soleus", "longus_colli"};
    REQUIRE(muscles.size() == 54);
    std::vector<std::string> required = {"skin", "bone.skull", "bone.sacrum", "bone.coccyx", "bone.sternum", "muscle.diaphragm"};
    for (int i = 1; i <= 7; ++i) required.push_back("bone.vertebra_c" + std::to_string(i));
    for (int i = 1; i <= 12; ++i) required.push_back("bone.vertebra_t" + std::to_string(i));
    for (int i = 1; i <= 5; ++i) required.push_back("bone.vertebra_l" + std::to_string(i));
    std::vector<std::string> paired = {"bone.hip_bone", "bone.clavicle", "bone.scapula", "bone.humerus", "bone.radius", "bone.ulna",
                                       "bone.hand",     "bone.femur",    "bone.patella", "bone.tibia",   "bone.fibula", "bone.foot"};
    for (int i = 1; i <= 12; ++i) paired.push_back("bone.rib_" + std::to_string(i));
    for (const auto& id : muscles)
        if (id != "diaphragm") paired.push_back("muscle." + id);
    for (const auto& p : paired) {
        required.push_back(p + ".L");
        required.push_back(p + ".R");
    }
    CHECK(required.size() == 6 + 24 + 2 * (12 + 12 + 53));
    // The library's own list holds at least all of these.
    const auto lib = required_node_names();
    for (const auto& name : required) {
        INFO(name);
        CHECK(std::find(lib.begin(), lib.end(), name) != lib.end());
        const Node* n = m.find_node(name);
        REQUIRE(n != nullptr);
        CHECK(n->mesh >= 0);
        CHECK(n->children.empty());
    }
    // Names are unique and every leaf sits in the group its prefix says.
    std::set<std::string> seen;
    for (const auto& n : m.nodes) CHECK(seen.insert(n.name).second);
    for (int c : m.find_node("bones")->children) CHECK(starts_with(m.nodes[static_cast<std::size_t>(c)].name, "bone."));
    for (int c : m.find_node("muscles")->children) CHECK(starts_with(m.nodes[static_cast<std::size_t>(c)].name, "muscle."));
}

TEST_CASE("materials: muscle, tendon, bone, skin; the IT band is tendon, the skin translucent", "[model]") {
    CHECK(std::string(material_info(Material::Muscle).name) == "muscle");
    CHECK(std::string(material_info(Material::Tendon).name) == "tendon");
    CHECK(std::string(material_info(Material::Bone).name) == "bone");
    CHECK(std::string(material_info(Material::Skin).name) == "skin");
    CHECK(material_info(Material::Skin).blend);
    CHECK(material_info(Material::Skin).colour[3] == Approx(0.15f).margin(0.05f));
    const auto& red = material_info(Material::Muscle).colour;
    CHECK(red[0] > 2.0f * red[1]);
    for (const auto& nm : model().meshes) {
        INFO(nm.name);
        if (starts_with(nm.name, "bone.")) CHECK(nm.material == Material::Bone);
        if (nm.name == "skin") CHECK(nm.material == Material::Skin);
        if (starts_with(nm.name, "muscle.iliotibial_band")) CHECK(nm.material == Material::Tendon);
        else if (starts_with(nm.name, "muscle.")) CHECK(nm.material == Material::Muscle);
    }
}

TEST_CASE("each right mesh is the mirror image of its left mesh", "[model]") {
    int pairs = 0;
    for (const auto& name : mesh_nodes()) {
        if (name.size() < 2 || name.compare(name.size() - 2, 2, ".L") != 0) continue;
        const std::string right = name.substr(0, name.size() - 2) + ".R";
        INFO(name);
        const Mesh& l = mesh_of(name);
        const Mesh& r = mesh_of(right);
        REQUIRE(l.positions.size() == r.positions.size());
        REQUIRE(l.indices.size() == r.indices.size());
        float worst = 0.0f, worst_f = 0.0f;
        for (std::size_t i = 0; i < l.positions.size(); ++i) {
            const glm::vec3 m(-l.positions[i].x, l.positions[i].y, l.positions[i].z);
            worst = std::max(worst, glm::length(m - r.positions[i]));
            const glm::vec3 f(-l.fibres[i].x, l.fibres[i].y, l.fibres[i].z);
            worst_f = std::max(worst_f, glm::length(f - r.fibres[i]));
        }
        CHECK(worst <= 1e-5f);
        CHECK(worst_f <= 1e-4f);
        // Winding is flipped so that both face outward.
        bool flipped = true;
        for (std::size_t t = 0; t + 2 < l.indices.size(); t += 3) {
            std::set<std::uint32_t> a{l.indices[t], l.indices[t + 1], l.indices[t + 2]};
            std::set<std::uint32_t> b{r.indices[t], r.indices[t + 1], r.indices[t + 2]};
            if (a != b) flipped = false;
        }
        CHECK(flipped);
        ++pairs;
    }
    CHECK(pairs >= 24 + 43);  // 12 ribs, the girdles' and limbs' bones and all paired muscles
}

TEST_CASE("every mesh is closed and faces outward, with unit normals and fibre directions", "[model]") {
    for (const auto& nm : model().meshes) {
        INFO(nm.name);
        const Mesh& m = nm.mesh;
        CHECK(count_open_or_bad_edges(m) == 0);
        CHECK(m.signed_volume() > 0.0);
        REQUIRE(m.normals.size() == m.positions.size());
        REQUIRE(m.fibres.size() == m.positions.size());
        std::size_t bad = 0;
        for (std::size_t i = 0; i < m.positions.size(); ++i) {
            if (std::fabs(glm::length(m.normals[i]) - 1.0f) > 1e-3f) ++bad;
            if (std::fabs(glm::length(m.fibres[i]) - 1.0f) > 1e-3f) ++bad;
        }
        CHECK(bad == 0);
    }
}

TEST_CASE("the model fits the budget: under 500k triangles and 20 MB", "[model]") {
    CHECK(model().triangle_count() < 500000);
    CHECK(encode_glb(model()).size() < 20u * 1024u * 1024u);
}

TEST_CASE("the generator is deterministic: the built model is what building again gives, byte for byte", "[model][glb]") {
    std::ifstream f(DORSAL_BUILT_MODEL, std::ios::binary);
    INFO("built model: " << DORSAL_BUILT_MODEL << " (made by the dorsal_model target)");
    REQUIRE(f.good());
    const std::vector<std::uint8_t> built((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    const std::vector<std::uint8_t> again = encode_glb(model());
    CHECK(built.size() == again.size());
    CHECK((built == again));
}
