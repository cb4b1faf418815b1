#include "core/model_loader.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <iterator>
#include <mutex>
#include <new>
#include <set>
#include <string_view>
#include <system_error>
#include <thread>

#include <assimp/BaseImporter.h>
#include <assimp/DefaultIOSystem.h>
#include <assimp/Importer.hpp>
#include <assimp/ProgressHandler.hpp>
#include <assimp/material.h>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

#include "core/closed_surface.h"
#include "core/glb_drawing_store.h"
#include "core/model_file_checks.h"

namespace dorsal {

ModelLoadError::ModelLoadError(const std::filesystem::path& path, const std::string& cause)
    : std::runtime_error(path.string() + ": " + cause), path_(path), cause_(cause) {}

ModelLoadCancelled::ModelLoadCancelled(const std::filesystem::path& path)
    : ModelLoadError(path, "loading was cancelled") {}

namespace {

// The formats Dorsal reads: those its checks cover (model_file_checks.h) and fuzzing has been
// through (tests/fuzz/README.md). Assimp reads some forty more, but its readers of FBX and
// Collada, for two, overflow the stack on a deeply nested file, which nothing short of parsing
// the file first could prevent; such files are refused here rather than crash Dorsal.
constexpr const char* kReadableExtensions[] = {".glb", ".gltf", ".obj", ".stl", ".ply", ".off"};

// Loading takes some 170 bytes a triangle at its peak (the built-in model: 62 MB for 370,000
// triangles), so this is about 8 GB: far beyond any anatomy model, which has a few million, and
// about the most a desktop computer holds. Only a file that uses one mesh in many places comes
// near it from a small file, since each use is a copy.
constexpr std::uint64_t kMaxTriangles = 50'000'000;

// Coordinates beyond this are taken for garbage, like NaN: the camera and picking multiply up to
// three coordinates together (picking's triple products), and 1e12 cubed stays inside float's
// range (3e38). Real models are within 1e6 units of their origin, even in micrometres.
constexpr float kMaxCoordinate = 1e12f;

std::string extensionOf(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

// Assimp's messages can span lines; Dorsal's are one line.
std::string oneLine(std::string text) {
    std::replace(text.begin(), text.end(), '\n', ' ');
    std::replace(text.begin(), text.end(), '\r', ' ');
    while (!text.empty() && text.back() == ' ') text.pop_back();
    return text;
}

void raiseProgress(LoadControl* control, float value) {
    if (!control) return;
    float now = control->progress.load();
    while (now < value && !control->progress.compare_exchange_weak(now, value)) {
    }
}

void throwIfCancelled(LoadControl* control, const std::filesystem::path& path) {
    if (control && control->cancelled) throw ModelLoadCancelled(path);
}

// Assimp's file access, confined to regular files inside the model's own folder (symbolic links
// resolved): a model cannot make Dorsal read /etc/passwd through a buffer's URI, nor wait forever
// on a FIFO. Data URIs never come here, so embedded buffers still work.
class ConfinedIOSystem : public Assimp::DefaultIOSystem {
public:
    explicit ConfinedIOSystem(std::filesystem::path folder) : folder_(std::move(folder)) {}

    bool Exists(const char* file) const override { return allowed(file) && DefaultIOSystem::Exists(file); }
    Assimp::IOStream* Open(const char* file, const char* mode) override {
        const std::string_view wanted(mode ? mode : "rb");
        if (wanted.find_first_of("wa+") != std::string_view::npos || !allowed(file)) return nullptr;
        return DefaultIOSystem::Open(file, mode);
    }

    // What was refused, one line each ("refers to /etc/passwd, which is outside the model's folder").
    const std::vector<std::string>& refusals() const { return refusals_; }

private:
    bool allowed(const char* file) const {
        std::error_code ec;
        const std::filesystem::path resolved = std::filesystem::canonical(file, ec);
        if (ec) return true;  // missing: the default system says so, and Assimp reports it
        std::string refusal;
        const std::filesystem::path relative = resolved.lexically_relative(folder_);
        if (relative.empty() || *relative.begin() == "..") {
            refusal = "which is outside the model's folder";
        } else if (!std::filesystem::is_regular_file(resolved, ec)) {
            refusal = "which is not a regular file";
        } else {
            return true;
        }
        const std::string line = "refers to " + std::filesystem::absolute(file, ec).lexically_normal().string() +
                                  ", " + refusal;
        if (std::find(refusals_.begin(), refusals_.end(), line) == refusals_.end()) refusals_.push_back(line);
        return false;
    }

    std::filesystem::path folder_;
    mutable std::vector<std::string> refusals_;
};

// Thrown through Assimp by ReadProgress; Assimp catches it and returns no scene.
struct ReadCancelled {};

// Carries Assimp's progress into a LoadControl, scaled into [begin, end] of the whole load, and
// stops the read when the control is cancelled. Assimp 5.2 ignores Update() returning false, but
// it catches anything thrown from it, cleans up and returns no scene: so it throws.
class ReadProgress : public Assimp::ProgressHandler {
public:
    explicit ReadProgress(LoadControl* control) : control_(control) {}
    void setRange(float begin, float end) {
        begin_ = begin;
        end_ = end;
    }
    bool Update(float fraction) override {
        if (control_ && control_->cancelled) throw ReadCancelled{};
        if (fraction >= 0.0f) raiseProgress(control_, begin_ + std::min(fraction, 1.0f) * (end_ - begin_));
        return true;
    }

private:
    LoadControl* control_;
    float begin_ = 0.0f;
    float end_ = 1.0f;
};

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

// Whether a mesh has a material of the file's own: not none, and not the grey one Assimp makes up
// for meshes without (OBJ files without a .mtl, STL files). Parts without one are painted by their
// node's name, so that any model shows red muscles and ivory bones.
bool hasOwnMaterial(const aiMaterial* material) {
    return material && materialName(*material) != AI_DEFAULT_MATERIAL_NAME;
}

bool isUsablePosition(const glm::vec3& p) {
    return std::isfinite(p.x) && std::isfinite(p.y) && std::isfinite(p.z) && std::abs(p.x) <= kMaxCoordinate &&
           std::abs(p.y) <= kMaxCoordinate && std::abs(p.z) <= kMaxCoordinate;
}

// A unit vector along `v`, or +Y when `v` has no usable direction (zero, NaN or infinite).
glm::vec3 unitOr(const glm::vec3& v) {
    const float len = glm::length(v);
    return std::isfinite(len) && len > 1e-12f ? v / len : glm::vec3(0.0f, 1.0f, 0.0f);
}

class SceneConverter {
public:
    // `stored`: what the file stores for drawing, by Assimp's mesh index (or nothing).
    SceneConverter(const aiScene& scene, const std::filesystem::path& path, LoadControl* control, Model& model,
                   std::vector<StoredPrimitive> stored)
        : scene_(scene), path_(path), control_(control), model_(model), stored_(std::move(stored)) {}

    // One per part of the model: whether the file said if it is closed (then Part::closed is set).
    const std::vector<bool>& closednessStored() const { return closednessStored_; }

    // Adds the tree under `root` in depth-first order (each node after its parent), walked with a
    // list rather than recursion: a file's tree may be a thousand deep.
    void addTree(const aiNode& root) {
        struct Pending {
            const aiNode* node;
            int parent;
            glm::mat4 parentTransform;
        };
        std::vector<Pending> pending{{&root, -1, glm::mat4(1.0f)}};
        while (!pending.empty()) {
            const Pending next = pending.back();
            pending.pop_back();
            throwIfCancelled(control_, path_);
            const aiNode& source = *next.node;
            const int index = static_cast<int>(model_.nodes.size());
            Node node;
            node.name = source.mName.length > 0 ? std::string(source.mName.C_Str()) : "node " + std::to_string(index);
            node.parent = next.parent;
            model_.nodes.push_back(node);
            if (next.parent >= 0) model_.nodes[static_cast<std::size_t>(next.parent)].children.push_back(index);

            const glm::mat4 transform = next.parentTransform * toGlm(source.mTransformation);
            for (unsigned i = 0; i < source.mNumMeshes; ++i) {
                addPart(source.mMeshes[i], index, transform);
            }
            for (unsigned i = source.mNumChildren; i-- > 0;) pending.push_back({source.mChildren[i], index, transform});
        }
    }

    // One line for Model::warnings about triangles left out, or "" when none were.
    std::string warning() const {
        if (droppedTriangles_ == 0) return {};
        const bool one = droppedTriangles_ == 1;
        std::string line = path_.string() + ": " + std::to_string(droppedTriangles_) + (one ? " triangle" : " triangles") +
                           " with invalid (NaN, infinite or absurdly large) coordinates" + (one ? " was" : " were") +
                           " left out";
        if (emptiedParts_ > 0) {
            line += ", and with them " + std::to_string(emptiedParts_) + (emptiedParts_ == 1 ? " part" : " parts") +
                    " that had no other triangles";
        }
        return line;
    }
    bool droppedAll() const { return droppedTriangles_ > 0 && model_.parts.empty(); }

private:
    void addPart(unsigned meshIndex, int node, const glm::mat4& transform) {
        const aiMesh& mesh = *scene_.mMeshes[meshIndex];
        if (!(mesh.mPrimitiveTypes & aiPrimitiveType_TRIANGLE) || mesh.mNumFaces == 0) return;
        // Each use of a mesh is a copy: the total is checked before the copy is made.
        triangles_ += mesh.mNumFaces;
        if (triangles_ > kMaxTriangles) {
            throw ModelLoadError(path_, "its meshes, with each use of a shared mesh counted, make more than " +
                                            std::to_string(kMaxTriangles) + " triangles, more than Dorsal holds");
        }
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
        if (!hasOwnMaterial(material)) paintByNodeName(part, model_.nodes[static_cast<std::size_t>(node)].name);

        const glm::mat3 linear(transform);
        const glm::mat3 normalMatrix = glm::transpose(glm::inverse(linear));
        // A mirroring transform turns triangles inside out; flip their winding back.
        const bool mirrored = glm::determinant(linear) < 0.0f;

        // Vertices with unusable positions are left out, and the triangles that use them.
        constexpr std::uint32_t kLeftOut = UINT32_MAX;
        std::vector<std::uint32_t> newIndex(mesh.mNumVertices, kLeftOut);
        for (unsigned v = 0; v < mesh.mNumVertices; ++v) {
            const aiVector3D& p = mesh.mVertices[v];
            const glm::vec3 world = glm::vec3(transform * glm::vec4(p.x, p.y, p.z, 1.0f));
            if (!isUsablePosition(world)) continue;
            newIndex[v] = static_cast<std::uint32_t>(part.positions.size());
            part.positions.push_back(world);
            part.bounds.add(world);
            const glm::vec3 n = mesh.mNormals ? glm::vec3(mesh.mNormals[v].x, mesh.mNormals[v].y, mesh.mNormals[v].z)
                                              : glm::vec3(0.0f, 1.0f, 0.0f);
            part.normals.push_back(unitOr(normalMatrix * n));
            if (mesh.mTangents) {
                part.fibres.push_back(unitOr(linear * glm::vec3(mesh.mTangents[v].x, mesh.mTangents[v].y, mesh.mTangents[v].z)));
                // Stripes only beside fibres: a texture coordinate alone is an image's, not ours.
                if (mesh.mTextureCoords[0]) {
                    const float stripe = mesh.mTextureCoords[0][v].x;
                    part.stripes.push_back(std::isfinite(stripe) ? stripe : 0.0f);
                }
            }
        }
        part.indices.reserve(static_cast<std::size_t>(mesh.mNumFaces) * 3);
        std::uint64_t dropped = 0;
        for (unsigned f = 0; f < mesh.mNumFaces; ++f) {
            const aiFace& face = mesh.mFaces[f];
            if (face.mNumIndices != 3) continue;  // points and lines left by SortByPType
            const std::uint32_t a = newIndex[face.mIndices[0]];
            const std::uint32_t b = newIndex[face.mIndices[mirrored ? 2 : 1]];
            const std::uint32_t c = newIndex[face.mIndices[mirrored ? 1 : 2]];
            if (a == kLeftOut || b == kLeftOut || c == kLeftOut) {
                ++dropped;
                continue;
            }
            part.indices.insert(part.indices.end(), {a, b, c});
        }
        droppedTriangles_ += dropped;
        if (part.indices.empty()) {
            if (dropped > 0) ++emptiedParts_;
            return;
        }
        // What is stored with the mesh holds while every vertex was kept as it is numbered (turning
        // the winding of a mirrored copy leaves a closed surface closed).
        const bool storeHolds = meshIndex < stored_.size() && part.positions.size() == mesh.mNumVertices;
        closednessStored_.push_back(storeHolds && stored_[meshIndex].closed.has_value());
        if (closednessStored_.back()) part.closed = *stored_[meshIndex].closed;
        if (storeHolds) {
            const float scale = std::max({glm::length(linear[0]), glm::length(linear[1]), glm::length(linear[2])});
            part.coarser = stored_[meshIndex].levels;
            for (DetailLevel& level : part.coarser) {
                level.error *= scale;
                if (mirrored) {
                    for (std::size_t i = 0; i + 2 < level.indices.size(); i += 3) std::swap(level.indices[i + 1], level.indices[i + 2]);
                }
            }
        }
        model_.bounds.add(part.bounds);
        model_.nodes[static_cast<std::size_t>(node)].parts.push_back(static_cast<int>(model_.parts.size()));
        model_.parts.push_back(std::move(part));
    }

    const aiScene& scene_;
    const std::filesystem::path& path_;
    LoadControl* control_;
    Model& model_;
    std::vector<StoredPrimitive> stored_;
    std::vector<bool> closednessStored_;
    std::uint64_t triangles_ = 0;
    std::uint64_t droppedTriangles_ = 0;
    std::uint64_t emptiedParts_ = 0;
};

// What drawing needs beyond the file's data: which parts are closed (their backs are never drawn),
// for those whose closedness the file did not store (`known`, one per part). Triangle trees come
// on a part's first pick (triangleTreeOf) and levels of detail from the file or after the first
// frame (DetailLevelBuild). Two threads halve it on two cores. Progress rises from `begin` to 1
// with the triangles done; a cancel is seen between parts.
void prepareForDrawing(Model& model, const std::vector<bool>& known, LoadControl* control, float begin) {
    constexpr std::size_t kThreads = 2;
    const double total = static_cast<double>(std::max<std::size_t>(model.triangleCount(), 1));
    std::atomic<std::size_t> done{0};
    std::mutex failureMutex;
    std::exception_ptr failure;
    {
        std::vector<std::jthread> workers;  // joined when they go out of scope, even on a throw
        for (std::size_t t = 0; t < kThreads; ++t) {
            workers.emplace_back([&, t] {
                try {
                    for (std::size_t i = t; i < model.parts.size(); i += kThreads) {
                        if (control && control->cancelled) return;
                        Part& part = model.parts[i];
                        if (!known[i]) part.closed = isClosedSurface(part.indices);
                        done += part.triangleCount();
                        raiseProgress(control, begin + (1.0f - begin) * static_cast<float>(static_cast<double>(done) / total));
                    }
                } catch (...) {
                    const std::lock_guard lock(failureMutex);
                    if (!failure) failure = std::current_exception();
                }
            });
        }
    }
    if (failure) std::rethrow_exception(failure);
}

// Assimp cuts a polygon into triangles in time that grows faster than the square of its corners
// (30,000 corners take 38 s, and validation lets 32,767 through). Real meshes have faces of three
// or four corners, seldom dozens; a face of a thousand takes some 30 ms, so a file full of them
// still reads at a megabyte a second.
constexpr unsigned kMaxFaceCorners = 1000;

// Sets each mesh's primitive types from its faces, as post-processing trusts them to be: a reader
// that sets them wrong makes triangulation assert. Returns why the scene cannot be post-processed
// at all (a face without corners, or with too many), or nullopt.
std::optional<std::string> settlePrimitiveTypes(aiScene& scene) {
    for (unsigned m = 0; m < scene.mNumMeshes; ++m) {
        aiMesh& mesh = *scene.mMeshes[m];
        unsigned types = 0;
        for (unsigned f = 0; f < mesh.mNumFaces; ++f) {
            const unsigned corners = mesh.mFaces[f].mNumIndices;
            if (corners == 0) return "cannot be read (a face of mesh " + std::to_string(m) + " has no corners)";
            if (corners > kMaxFaceCorners) {
                return "a face of mesh " + std::to_string(m) + " has " + std::to_string(corners) +
                       " corners; Dorsal reads faces of up to " + std::to_string(kMaxFaceCorners);
            }
            types |= corners == 1   ? aiPrimitiveType_POINT
                     : corners == 2 ? aiPrimitiveType_LINE
                     : corners == 3 ? aiPrimitiveType_TRIANGLE
                                    : aiPrimitiveType_POLYGON;
        }
        mesh.mPrimitiveTypes = types;
    }
    return std::nullopt;
}

// Whether the mesh stores the corners of the triangles it will be cut into as vertices of their own.
bool hasSeparateCorners(const aiMesh* mesh) {
    std::uint64_t triangles = 0;
    for (unsigned f = 0; f < mesh->mNumFaces; ++f) triangles += std::max(mesh->mFaces[f].mNumIndices, 2u) - 2;
    return triangles > 1 && mesh->mNumVertices >= 3 * triangles;
}

// Assimp picks a reader by the extension, but when that reader declines the file it offers the
// file to all the others, by content: a ".glb" holding an LWO file reached the LWO reader (which
// then never finished), and a ".glb" holding an OFF file would reach the OFF reader past the
// checks made for glTF. So only the readers of the extension's own format stay registered.
void keepOnlyReadersOf(Assimp::Importer& importer, const std::string& extension) {
    std::vector<Assimp::BaseImporter*> others;
    for (std::size_t i = 0; i < importer.GetImporterCount(); ++i) {
        std::set<std::string> extensions;
        importer.GetImporter(i)->GetExtensionList(extensions);
        if (!extensions.count(extension.substr(1))) others.push_back(importer.GetImporter(i));
    }
    for (Assimp::BaseImporter* reader : others) {
        importer.UnregisterLoader(reader);
        delete reader;  // unregistering hands it back
    }
}

// Why Assimp read no scene, as a cause for ModelLoadError.
std::string readFailure(const Assimp::Importer& importer, const ConfinedIOSystem& files) {
    // A refused file is the cause Assimp's "cannot open" stands for.
    if (!files.refusals().empty()) {
        return files.refusals().front() + "; Dorsal reads a model's other files only from its own folder";
    }
    bool outOfMemory = false;
    if (importer.GetException()) {
        try {
            std::rethrow_exception(importer.GetException());
        } catch (const std::bad_alloc&) {
            outOfMemory = true;
        } catch (...) {
        }
    }
    std::string cause = oneLine(importer.GetErrorString());
    if (outOfMemory || cause.find("bad_alloc") != std::string::npos) return "not enough memory to load this model";
    if (cause.empty()) cause = "unknown error";
    return "cannot be read (Assimp: " + cause + ")";
}

Model readModel(const std::filesystem::path& path, LoadControl* control) {
    std::error_code ec;
    const std::filesystem::file_status status = std::filesystem::status(path, ec);  // follows links
    if (!std::filesystem::exists(status)) throw ModelLoadError(path, "file not found");
    if (std::filesystem::is_directory(status)) throw ModelLoadError(path, "is a folder, not a model file");
    if (!std::filesystem::is_regular_file(status)) {
        // Reading a FIFO or a device would wait forever or never end.
        throw ModelLoadError(path, "is not a regular file (a pipe, device or socket), so it is not read");
    }
    if (std::filesystem::file_size(path, ec) == 0) throw ModelLoadError(path, "the file is empty");

    const std::string ext = extensionOf(path);
    if (std::find(std::begin(kReadableExtensions), std::end(kReadableExtensions), ext) == std::end(kReadableExtensions)) {
        throw ModelLoadError(path, "unsupported format \"" + ext + "\"; Dorsal reads " + readableModelExtensions() +
                                       " files (convert others to glTF, for example with Blender)");
    }
    const std::filesystem::path file = std::filesystem::canonical(path);
    if (const std::optional<std::string> reason = reasonToRefuse(file, ext)) throw ModelLoadError(path, *reason);
    throwIfCancelled(control, path);

    // Read before Assimp's copy of the scene exists, so that the two never add up.
    std::vector<StoredPrimitive> stored = ext == ".glb" ? readStoredDrawingData(file) : std::vector<StoredPrimitive>{};
    Assimp::Importer importer;
    keepOnlyReadersOf(importer, ext);
    auto* files = new ConfinedIOSystem(file.parent_path());  // the importer owns both
    importer.SetIOHandler(files);
    auto* progress = new ReadProgress(control);
    importer.SetProgressHandler(progress);
    // Points and lines are of no use to an anatomy view; drop them rather than draw noise.
    importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE, aiPrimitiveType_POINT | aiPrimitiveType_LINE);
    // Read and validate first, then post-process: Debian's Assimp keeps its assertions, and its
    // triangulation asserts (aborting the program) on faces that validation lets through.
    progress->setRange(0.0f, 0.6f);
    const aiScene* scene = importer.ReadFile(file.string(), aiProcess_ValidateDataStructure);
    throwIfCancelled(control, path);
    if (!scene) throw ModelLoadError(path, readFailure(importer, *files));
    if (!scene->mRootNode || scene->mNumMeshes == 0) throw ModelLoadError(path, "the model contains no meshes");
    // The scene is the importer's to change, as post-processing does.
    if (const std::optional<std::string> fault = settlePrimitiveTypes(const_cast<aiScene&>(*scene))) {
        throw ModelLoadError(path, *fault);
    }
    unsigned steps = aiProcess_Triangulate | aiProcess_GenSmoothNormals | aiProcess_SortByPType;
    // Welding shared corners is the slowest step, and only files that store each face's corners
    // separately (STL, some PLY and OBJ files) need it.
    if (std::any_of(scene->mMeshes, scene->mMeshes + scene->mNumMeshes, hasSeparateCorners)) {
        steps |= aiProcess_JoinIdenticalVertices;
    }
    scene = importer.ApplyPostProcessing(steps);
    throwIfCancelled(control, path);
    if (!scene) throw ModelLoadError(path, readFailure(importer, *files));

    Model model;
    model.sourcePath = path.string();
    SceneConverter converter(*scene, path, control, model, std::move(stored));
    converter.addTree(*scene->mRootNode);
    if (converter.droppedAll()) {
        throw ModelLoadError(path, "all of its triangles have invalid (NaN, infinite or absurdly large) coordinates");
    }
    if (model.parts.empty()) throw ModelLoadError(path, "the model contains no triangle meshes");
    if (!converter.warning().empty()) model.warnings.push_back(converter.warning());
    for (const std::string& refusal : files->refusals()) model.warnings.push_back(path.string() + ": " + refusal + "; it was left out");
    importer.FreeScene();  // all it holds is in `model` now: a lower peak while the trees are built
    raiseProgress(control, 0.65f);
    prepareForDrawing(model, converter.closednessStored(), control, 0.65f);
    throwIfCancelled(control, path);
    raiseProgress(control, 1.0f);
    return model;
}

}  // namespace

std::vector<std::string> readableModelExtensionList() {
    return {std::begin(kReadableExtensions), std::end(kReadableExtensions)};
}

std::string readableModelExtensions() {
    std::string list;
    const std::size_t count = std::size(kReadableExtensions);
    for (std::size_t i = 0; i < count; ++i) {
        list += (i == 0 ? "" : i + 1 == count ? " and " : ", ") + std::string(kReadableExtensions[i]);
    }
    return list;
}

Model loadModel(const std::filesystem::path& path, LoadControl* control) {
    // Whatever goes wrong inside comes out as one ModelLoadError naming the file.
    try {
        return readModel(path, control);
    } catch (const ModelLoadError&) {
        throw;
    } catch (const std::bad_alloc&) {
        throw ModelLoadError(path, "not enough memory to load this model");
    } catch (const std::length_error&) {
        throw ModelLoadError(path, "not enough memory to load this model");
    } catch (const std::exception& error) {
        throw ModelLoadError(path, "cannot be loaded (" + oneLine(error.what()) + ")");
    }
}

}  // namespace dorsal
