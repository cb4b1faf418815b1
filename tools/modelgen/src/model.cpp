#include "model.hpp"

#include "builder.hpp"
#include "core/material_palette.h"

#include <algorithm>
#include <chrono>
#include <stdexcept>

namespace dorsal::modelgen {

static_assert(static_cast<std::size_t>(Material::Muscle) == kPaletteMuscle && static_cast<std::size_t>(Material::Tendon) == kPaletteTendon &&
                  static_cast<std::size_t>(Material::Bone) == kPaletteBone && static_cast<std::size_t>(Material::Skin) == kPaletteSkin &&
                  kMaterialPalette.size() == material_count,
              "the generator's materials are the palette's, in its order");

const MaterialInfo& material_info(Material m) {
    // The one palette of Dorsal's models (src/core/material_palette.h), in the same order.
    static const std::array<MaterialInfo, material_count> infos = [] {
        std::array<MaterialInfo, material_count> table{};
        for (int i = 0; i < material_count; ++i) {
            const MaterialLook& look = kMaterialPalette[static_cast<std::size_t>(i)];
            table[static_cast<std::size_t>(i)] = {look.name, look.colour, look.roughness, look.blend};
        }
        return table;
    }();
    return infos[static_cast<std::size_t>(m)];
}

const std::vector<std::string>& muscle_ids() {
    static const std::vector<std::string> ids = {
        "trapezius_descending", "trapezius_transverse", "trapezius_ascending", "latissimus_dorsi",
        "rhomboid_major", "rhomboid_minor", "levator_scapulae", "serratus_posterior_superior",
        "serratus_posterior_inferior", "iliocostalis", "longissimus", "spinalis", "multifidus",
        "quadratus_lumborum", "semispinalis_capitis", "splenius_capitis", "splenius_cervicis", "suboccipitals",
        "sternocleidomastoid", "scalenes", "infraspinatus", "supraspinatus", "teres_major", "teres_minor",
        "serratus_anterior", "pectoralis_major", "pectoralis_minor", "rectus_abdominis", "external_oblique",
        "internal_oblique", "transversus_abdominis", "diaphragm", "psoas_major", "iliacus", "gluteus_maximus",
        "gluteus_medius", "gluteus_minimus", "piriformis", "tensor_fasciae_latae", "iliotibial_band",
        "biceps_femoris", "semitendinosus", "semimembranosus", "rectus_femoris", "deltoid", "biceps_brachii",
        "triceps_brachii", "subscapularis", "vastus_lateralis", "vastus_medialis", "adductor_magnus", "gastrocnemius",
        "soleus", "longus_colli"};
    return ids;
}

const std::vector<std::string>& midline_bone_ids() {
    static const std::vector<std::string> ids = [] {
        std::vector<std::string> v = {"skull"};
        for (int i = 1; i <= 7; ++i) v.push_back("vertebra_c" + std::to_string(i));
        for (int i = 1; i <= 12; ++i) v.push_back("vertebra_t" + std::to_string(i));
        for (int i = 1; i <= 5; ++i) v.push_back("vertebra_l" + std::to_string(i));
        v.insert(v.end(), {"sacrum", "coccyx", "sternum"});
        return v;
    }();
    return ids;
}

const std::vector<std::string>& paired_bone_ids() {
    static const std::vector<std::string> ids = [] {
        std::vector<std::string> v = {"hip_bone"};
        for (int i = 1; i <= 12; ++i) v.push_back("rib_" + std::to_string(i));
        v.insert(v.end(), {"clavicle", "scapula", "humerus", "radius", "ulna", "hand", "femur", "patella", "tibia", "fibula", "foot"});
        return v;
    }();
    return ids;
}

std::vector<std::string> required_node_names() {
    std::vector<std::string> names;
    for (const auto& id : midline_bone_ids()) names.push_back("bone." + id);
    for (const auto& id : paired_bone_ids()) {
        names.push_back("bone." + id + ".L");
        names.push_back("bone." + id + ".R");
    }
    for (const auto& id : muscle_ids()) {
        if (id == "diaphragm") {
            names.push_back("muscle." + id);
        } else {
            names.push_back("muscle." + id + ".L");
            names.push_back("muscle." + id + ".R");
        }
    }
    names.push_back("skin");
    return names;
}

const NamedMesh* Model::find_mesh(const std::string& node_name) const {
    const Node* n = find_node(node_name);
    if (!n || n->mesh < 0) return nullptr;
    return &meshes[static_cast<std::size_t>(n->mesh)];
}

const Node* Model::find_node(const std::string& name) const {
    for (const auto& n : nodes)
        if (n.name == name) return &n;
    return nullptr;
}

std::size_t Model::triangle_count() const {
    std::size_t t = 0;
    for (const auto& m : meshes) t += m.mesh.triangle_count();
    return t;
}

namespace {

int add_leaf(Model& model, int parent, const std::string& name, Material mat, Mesh mesh) {
    quantise(mesh);
    model.meshes.push_back(NamedMesh{name, mat, std::move(mesh)});
    model.nodes.push_back(Node{name, static_cast<int>(model.meshes.size() - 1), {}});
    const int idx = static_cast<int>(model.nodes.size() - 1);
    model.nodes[static_cast<std::size_t>(parent)].children.push_back(idx);
    return idx;
}

void add_part(Model& model, int parent, const std::string& prefix, const Part& p) {
    if (!p.paired) {
        add_leaf(model, parent, prefix + p.id, p.material, p.mesh);
        return;
    }
    Mesh left = p.mesh;
    quantise(left);
    add_leaf(model, parent, prefix + p.id + ".L", p.material, left);
    add_leaf(model, parent, prefix + p.id + ".R", p.material, mirrored_x(left));
}

}  // namespace

Model build_model(const Landmarks& landmarks, const Attachments& attachments, BuildStats* stats) {
    for (const auto& id : muscle_ids())
        if (!attachments.has_muscle(id))
            throw LandmarkError("attachments.csv has no row for `" + id + "`: add its origin and insertion");
    const auto t0 = std::chrono::steady_clock::now();
    Builder b(landmarks, attachments);
    build_skeleton(b);
    build_fillers(b);
    build_muscles(b);
    build_skin(b);

    Model model;
    model.nodes.push_back(Node{"dorsal_back", -1, {}});
    model.nodes.push_back(Node{"bones", -1, {}});
    model.nodes.push_back(Node{"muscles", -1, {}});
    model.nodes[0].children = {1, 2};

    // Bones in a fixed anatomical order, muscles in content-id order.
    std::vector<std::string> bone_order = midline_bone_ids();
    for (const auto& id : paired_bone_ids()) bone_order.push_back(id);
    for (const auto& id : bone_order) {
        auto it = std::find_if(b.bones.begin(), b.bones.end(), [&](const Part& p) { return p.id == id; });
        if (it == b.bones.end()) throw std::logic_error("build_model: bone `" + id + "` was not built");
        add_part(model, 1, "bone.", *it);
    }
    for (const auto& id : muscle_ids()) {
        auto it = std::find_if(b.muscles.begin(), b.muscles.end(), [&](const Part& p) { return p.id == id; });
        if (it == b.muscles.end()) throw std::logic_error("build_model: muscle `" + id + "` was not built");
        add_part(model, 2, "muscle.", *it);
    }
    const int skin = add_leaf(model, 0, "skin", Material::Skin, b.skin);
    (void)skin;
    if (stats) stats->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return model;
}

}  // namespace dorsal::modelgen
