#include "core/model_loader.h"

#include <algorithm>
#include <system_error>
#include <thread>

#include <assimp/Importer.hpp>
#include <assimp/material.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include "core/detail.h"

namespace dorsal {

ModelLoadError::ModelLoadError(const std::filesystem::path& path, const std::string& cause)
    : std::runtime_error(path.string() + ": " + cause), path_(path), cause_(cause) {}

namespace {

glm::mat4 toGlm(const aiMatrix4x4& m) {
    // Assimp stores row-major, glm column-major.
    return glm::mat4(m.a1, m.b1, m.c1, m.d1, m.a2, m.b2, m.c2, m.d2, m.a3, m.b3, m.c3, m.d3, m.a4, m.b4,
                     m.c4, m.d4);
}

std::string materialName(const aiMaterial& material) {
    aiString name;
    return material.Get(AI_MATKEY_NAME, name) == AI_SUCCESS ? std::string(name.C_Str()) : std::string();
}

glm::vec4 materialColour(const aiMaterial& material) {
    aiColor4D colour(0.8f, 0.8f, 0.8f, 1.0f);
    if (material.Get(AI_MATKEY_BASE_COLOR, colour) != AI_SUCCESS) material.Get(AI_MATKEY_COLOR_DIFFUSE, colour);
    float opacity = 1.0f;
    if (material.Get(AI_MATKEY_OPACITY, opacity) == AI_SUCCESS) colour.a = std::min(colour.a, opacity);
    return {colour.r, colour.g, colour.b, colour.a};
}

class SceneConverter {
public:
    SceneConverter(const aiScene& scene, Model& model) : scene_(scene), model_(model) {}

    void addNode(const aiNode& source, int parent, const glm::mat4& parentTransform) {
        const int index = static_cast<int>(model_.nodes.size());
        Node node;
        node.name = source.mName.length > 0 ? std::string(source.mName.C_Str()) : "node " + std::to_string(index);
        node.parent = parent;
        model_.nodes.push_back(node);
        if (parent >= 0) model_.nodes[static_cast<std::size_t>(parent)].children.push_back(index);

        const glm::mat4 transform = parentTransform * toGlm(source.mTransformation);
        for (unsigned i = 0; i < source.mNumMeshes; ++i) {
            addPart(*scene_.mMeshes[source.mMeshes[i]], index, transform);
        }
        for (unsigned i = 0; i < source.mNumChildren; ++i) addNode(*source.mChildren[i], index, transform);
    }

private:
    void addPart(const aiMesh& mesh, int node, const glm::mat4& transform) {
        if (!(mesh.mPrimitiveTypes & aiPrimitiveType_TRIANGLE) || mesh.mNumFaces == 0) return;
        Part part;
        part.node = node;
        const aiMaterial* material =
            mesh.mMaterialIndex < scene_.mNumMaterials ? scene_.mMaterials[mesh.mMaterialIndex] : nullptr;
        if (material) {
            part.material = materialKindFromName(materialName(*material));
            part.baseColour = materialColour(*material);
        }
        if (part.material == MaterialKind::Other) {
            part.material = materialKindFromName(model_.nodes[static_cast<std::size_t>(node)].name);
        }

        const glm::mat3 linear(transform);
        const glm::mat3 normalMatrix = glm::transpose(glm::inverse(linear));
        // A mirroring transform turns triangles inside out; flip their winding back.
        const bool mirrored = glm::determinant(linear) < 0.0f;

        part.positions.reserve(mesh.mNumVertices);
        part.normals.reserve(mesh.mNumVertices);
        for (unsigned v = 0; v < mesh.mNumVertices; ++v) {
            const aiVector3D& p = mesh.mVertices[v];
            const glm::vec3 world = glm::vec3(transform * glm::vec4(p.x, p.y, p.z, 1.0f));
            part.positions.push_back(world);
            part.bounds.add(world);
            glm::vec3 n(0.0f, 1.0f, 0.0f);
            if (mesh.mNormals) n = normalMatrix * glm::vec3(mesh.mNormals[v].x, mesh.mNormals[v].y, mesh.mNormals[v].z);
            const float len = glm::length(n);
            part.normals.push_back(len > 1e-12f ? n / len : glm::vec3(0.0f, 1.0f, 0.0f));
        }
        if (mesh.mTangents) {
            part.fibres.reserve(mesh.mNumVertices);
            for (unsigned v = 0; v < mesh.mNumVertices; ++v) {
                glm::vec3 t = linear * glm::vec3(mesh.mTangents[v].x, mesh.mTangents[v].y, mesh.mTangents[v].z);
                const float len = glm::length(t);
                part.fibres.push_back(len > 1e-12f ? t / len : glm::vec3(0.0f, 1.0f, 0.0f));
            }
        }
        part.indices.reserve(static_cast<std::size_t>(mesh.mNumFaces) * 3);
        for (unsigned f = 0; f < mesh.mNumFaces; ++f) {
            const aiFace& face = mesh.mFaces[f];
            if (face.mNumIndices != 3) continue;  // points and lines left by SortByPType
            part.indices.push_back(face.mIndices[0]);
            part.indices.push_back(mirrored ? face.mIndices[2] : face.mIndices[1]);
            part.indices.push_back(mirrored ? face.mIndices[1] : face.mIndices[2]);
        }
        if (part.indices.empty()) return;
        model_.bounds.add(part.bounds);
        model_.nodes[static_cast<std::size_t>(node)].parts.push_back(static_cast<int>(model_.parts.size()));
        model_.parts.push_back(std::move(part));
    }

    const aiScene& scene_;
    Model& model_;
};

// What drawing and picking need beyond the file's data: closedness, levels of detail, triangle
// trees. Simplifying is the slowest step of a load; two threads halve it on two cores.
void prepareForDrawing(Model& model, LoadControl* control) {
    constexpr std::size_t kThreads = 2;
    std::vector<std::thread> workers;
    for (std::size_t t = 0; t < kThreads; ++t) {
        workers.emplace_back([&model, t, control] {
            for (std::size_t i = t; i < model.parts.size(); i += kThreads) {
                if (control && control->cancelled) return;
                model.parts[i].closed = isClosedSurface(model.parts[i].indices);
                model.parts[i].tree.build(model.parts[i].positions, model.parts[i].indices);
                buildDetailLevels(model.parts[i]);
            }
        });
    }
    for (std::thread& worker : workers) worker.join();
}

std::string extensionOf(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

}  // namespace

Model loadModel(const std::filesystem::path& path, LoadControl* control) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw ModelLoadError(path, "file not found");
    if (std::filesystem::is_directory(path, ec)) throw ModelLoadError(path, "is a folder, not a model file");
    if (std::filesystem::file_size(path, ec) == 0) throw ModelLoadError(path, "the file is empty");

    Assimp::Importer importer;
    const std::string ext = extensionOf(path);
    if (ext.empty() || !importer.IsExtensionSupported(ext)) {
        throw ModelLoadError(path, "unsupported format \"" + ext +
                                       "\"; Dorsal reads what Assimp reads, such as .glb, .gltf, .obj, .fbx, "
                                       ".stl and .ply");
    }
    // Points and lines are of no use to an anatomy view; drop them rather than draw noise.
    importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE, aiPrimitiveType_POINT | aiPrimitiveType_LINE);
    // Welding shared corners is the slowest step of a read, and only files that store each
    // triangle's corners separately (STL, some PLY and OBJ files) need it: those are read again with it.
    const unsigned flags =
        aiProcess_Triangulate | aiProcess_GenSmoothNormals | aiProcess_SortByPType | aiProcess_ValidateDataStructure;
    const aiScene* scene = importer.ReadFile(path.string(), flags);
    const auto separateCorners = [](const aiMesh* mesh) { return mesh->mNumFaces > 1 && mesh->mNumVertices >= 3 * mesh->mNumFaces; };
    if (scene && std::any_of(scene->mMeshes, scene->mMeshes + scene->mNumMeshes, separateCorners)) {
        scene = importer.ReadFile(path.string(), flags | aiProcess_JoinIdenticalVertices);
    }
    if (!scene) {
        std::string cause = importer.GetErrorString();
        if (cause.empty()) cause = "unknown error";
        throw ModelLoadError(path, "cannot be read (Assimp: " + cause + ")");
    }
    if (!scene->mRootNode || scene->mNumMeshes == 0) {
        throw ModelLoadError(path, "the model contains no meshes");
    }

    Model model;
    model.sourcePath = path.string();
    SceneConverter(*scene, model).addNode(*scene->mRootNode, -1, glm::mat4(1.0f));
    if (model.parts.empty()) throw ModelLoadError(path, "the model contains no triangle meshes");
    prepareForDrawing(model, control);
    if (control && control->cancelled) throw ModelLoadCancelled(path);
    if (control) control->progress = 1.0f;
    return model;
}

}  // namespace dorsal
