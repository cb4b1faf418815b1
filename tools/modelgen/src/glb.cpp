#include "glb.hpp"

#include "core/detail.h"
#include "core/glb_writer.h"
#include "core/material_palette.h"

#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace dorsal::modelgen {

std::vector<std::uint8_t> encode_glb(const Model& model) {
    GlbScene scene;
    scene.generator = "dorsal-modelgen";
    scene.copyright = "Dorsal built-in model. Skeletal landmark positions derived from BodyParts3D, "
                      "(c) The Database Center for Life Science, CC BY-SA 2.1 Japan";
    scene.sceneName = "dorsal_back";
    // Levels of detail go into the file, so that Dorsal draws far structures coarse from its first
    // frame instead of building them after it.
    std::vector<std::vector<DetailLevel>> levels;
    levels.reserve(model.meshes.size());
    for (const NamedMesh& named : model.meshes) {
        const Mesh& m = named.mesh;
        GlbMesh mesh;
        mesh.name = named.name;
        mesh.material = static_cast<int>(named.material);
        mesh.positions = m.positions;
        mesh.normals = m.normals;
        mesh.fibres = m.fibres;
        // Muscles carry their stripe coordinate (metres across the fibres) as TEXCOORD_0.x.
        if (named.material == Material::Muscle) mesh.stripes = m.stripes;
        mesh.indices = m.indices;
        levels.push_back(detailLevelsOf(m.positions, m.indices));
        for (const DetailLevel& level : levels.back()) mesh.levels.push_back({level.indices, level.error});
        scene.meshes.push_back(mesh);
    }
    for (const Node& n : model.nodes) scene.nodes.push_back({n.name, n.mesh, n.children});
    for (int i = 0; i < material_count; ++i) {
        const MaterialInfo& info = material_info(static_cast<Material>(i));
        scene.materials.push_back({info.name, info.colour, info.roughness, info.blend});
    }
    return encodeGlb(scene);
}

void write_file_atomically(const std::string& path, const std::vector<std::uint8_t>& bytes) {
    const std::string tmp = path + ".tmp";
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        if (!f) throw std::runtime_error(path + ": cannot open for writing (does the folder exist?)");
        f.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
        f.flush();
        if (!f) throw std::runtime_error(path + ": writing failed (disk full?)");
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        throw std::runtime_error(path + ": cannot replace the file with the new one");
    }
}

}  // namespace dorsal::modelgen
