#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <future>
#include <thread>

#include <sys/stat.h>

#include <assimp/Exporter.hpp>
#include <assimp/Importer.hpp>
#include <assimp/postprocess.h>

#include "core/camera.h"
#include "core/model_file_checks.h"
#include "core/model_loader.h"
#include "built_in.h"
#include "test_paths.h"

using namespace dorsal;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

// The one-line message loadModel gives for `path`, or "" when it loads.
std::string loadError(const std::filesystem::path& path) {
    try {
        loadModel(path);
    } catch (const ModelLoadError& error) {
        return error.what();
    }
    return {};
}

std::filesystem::path writeFile(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}

std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A glTF document, by its top-level arrays; as it stands, one node showing one triangle
// (0,0,0) (1,0,0) (0,1,0) from a buffer embedded as a data URI.
struct Gltf {
    std::string nodes = R"([{"mesh":0}])";
    std::string scenes = R"([{"nodes":[0]}])";
    std::string meshes = R"([{"primitives":[{"attributes":{"POSITION":0}}]}])";
    std::string accessors =
        R"([{"bufferView":0,"componentType":5126,"count":3,"type":"VEC3","min":[0,0,0],"max":[1,1,0]}])";
    std::string bufferViews = R"([{"buffer":0,"byteLength":36}])";
    std::string buffers = R"([{"byteLength":36,"uri":")" + kTriangleUri + R"("}])";

    // The triangle's nine little-endian floats.
    static inline const std::string kTriangleUri =
        "data:application/octet-stream;base64,AAAAAAAAAAAAAAAAAACAPwAAAAAAAAAAAAAAAAAAgD8AAAAA";

    std::string json() const {
        return R"({"asset":{"version":"2.0"},"scene":0,"scenes":)" + scenes + R"(,"nodes":)" + nodes +
               R"(,"meshes":)" + meshes + R"(,"accessors":)" + accessors + R"(,"bufferViews":)" + bufferViews +
               R"(,"buffers":)" + buffers + "}";
    }
};

// glTF nodes as a chain: node i holds node i + 1, and the last one holds the mesh.
std::string nodeChain(int depth) {
    std::string nodes = "[";
    for (int i = 0; i + 1 < depth; ++i) nodes += R"({"children":[)" + std::to_string(i + 1) + "]},";
    return nodes + R"({"mesh":0}])";
}

std::string littleEndian32(std::uint32_t value) {
    std::string bytes;
    for (int i = 0; i < 4; ++i) bytes += static_cast<char>((value >> (8 * i)) & 0xff);
    return bytes;
}

}  // namespace

TEST_CASE("an OBJ loads with its named objects as nodes and normals generated", "[loader]") {
    const Model model = loadModel(test::dataDir() / "two_boxes.obj");
    const int left = model.findNode("box_left");
    const int right = model.findNode("box_right");
    REQUIRE(left >= 0);
    REQUIRE(right >= 0);
    CHECK(model.triangleCount() == 24);
    CHECK(model.isWithin(left, 0));
    // The boxes' extents as written in the file.
    CHECK(model.bounds.min.x == Catch::Detail::Approx(-0.425f));
    CHECK(model.bounds.max.x == Catch::Detail::Approx(0.425f));
    CHECK(model.bounds.max.y == Catch::Detail::Approx(1.3f));
    const Bounds leftBox = model.subtreeBounds(left);
    CHECK(leftBox.centre().x == Catch::Detail::Approx(0.3f));
    for (const Part& part : model.parts) {
        REQUIRE(part.normals.size() == part.positions.size());
        for (const glm::vec3& n : part.normals) CHECK(glm::length(n) == Catch::Detail::Approx(1.0f).epsilon(1e-3));
    }
}

TEST_CASE("glTF fibre directions (the TANGENT attribute) and materials are read", "[loader]") {
    const Model model = loadModel(test::dataDir() / "fibre_triangle.gltf");
    REQUIRE(model.parts.size() == 1);
    const Part& part = model.parts.front();
    CHECK(model.nodes[static_cast<std::size_t>(part.node)].name == "muscle.test.L");
    CHECK(part.material == MaterialKind::Muscle);
    CHECK(part.baseColour.r == Catch::Detail::Approx(0.7f));
    REQUIRE(part.fibres.size() == 3);
    for (const glm::vec3& f : part.fibres) {
        CHECK(f.x == Catch::Detail::Approx(0.6f));
        CHECK(f.y == Catch::Detail::Approx(0.8f));
    }
}

TEST_CASE("a glTF binary exported by Assimp loads with its nodes", "[loader]") {
    const std::filesystem::path dir = test::scratchDir("loader_glb");
    Assimp::Importer importer;
    const aiScene* scene = importer.ReadFile((test::dataDir() / "two_boxes.obj").string(), aiProcess_Triangulate);
    REQUIRE(scene != nullptr);
    const std::filesystem::path glb = dir / "boxes.glb";
    REQUIRE(Assimp::Exporter().Export(scene, "glb2", glb.string()) == AI_SUCCESS);
    const Model model = loadModel(glb);
    CHECK(model.findNode("box_left") >= 0);
    CHECK(model.findNode("box_right") >= 0);
    CHECK(model.triangleCount() == 24);
}

TEST_CASE("material kinds come from material or node names", "[loader]") {
    CHECK(materialKindFromName("muscle") == MaterialKind::Muscle);
    CHECK(materialKindFromName("Muscle.psoas_major.L") == MaterialKind::Muscle);
    CHECK(materialKindFromName("tendon") == MaterialKind::Tendon);
    CHECK(materialKindFromName("bone.sacrum") == MaterialKind::Bone);
    CHECK(materialKindFromName("skin") == MaterialKind::Skin);
    CHECK(materialKindFromName("box_left") == MaterialKind::Other);
}

TEST_CASE("node names read as anatomy", "[loader]") {
    CHECK(nodeDisplayName("muscle.psoas_major.L") == "Psoas major (left)");
    CHECK(nodeDisplayName("muscle.diaphragm") == "Diaphragm");
    CHECK(nodeDisplayName("bone.vertebra_l3") == "L3 vertebra");
    CHECK(nodeDisplayName("bone.rib_7.R") == "Rib 7 (right)");
    CHECK(nodeDisplayName("skin") == "Skin");
    CHECK(nodeDisplayName("box_left") == "box_left");
}

TEST_CASE("a missing model is one line naming the path", "[loader][errors]") {
    const std::filesystem::path path = test::dataDir() / "no_such_model.glb";
    CHECK(loadError(path) == path.string() + ": file not found");
}

TEST_CASE("a folder is not a model", "[loader][errors]") {
    CHECK(loadError(test::dataDir()) == test::dataDir().string() + ": is a folder, not a model file");
}

TEST_CASE("an empty file is refused", "[loader][errors]") {
    const std::filesystem::path path = writeFile(test::scratchDir("loader_empty") / "empty.obj", "");
    CHECK(loadError(path) == path.string() + ": the file is empty");
}

TEST_CASE("an unsupported format names the extension", "[loader][errors]") {
    const std::filesystem::path path = writeFile(test::scratchDir("loader_format") / "notes.xyz", "hello");
    const std::string message = loadError(path);
    CHECK_THAT(message, StartsWith(path.string() + ": unsupported format \".xyz\""));
    CHECK_THAT(message, Contains(".glb"));
}

TEST_CASE("a corrupt glTF binary is refused in one line naming it", "[loader][errors]") {
    // Its JSON chunk claims more bytes than the file has: refused before Assimp allocates them.
    const std::filesystem::path path = test::dataDir() / "corrupt.glb";
    const std::string message = loadError(path);
    CHECK(message == path.string() + ": is cut short or corrupt: its JSON chunk runs past the end of the file");
}

TEST_CASE("a truncated glTF binary is refused, not half loaded", "[loader][errors]") {
    const std::filesystem::path dir = test::scratchDir("loader_truncated");
    Assimp::Importer importer;
    const aiScene* scene = importer.ReadFile((test::dataDir() / "two_boxes.obj").string(), aiProcess_Triangulate);
    REQUIRE(scene != nullptr);
    const std::filesystem::path whole = dir / "whole.glb";
    REQUIRE(Assimp::Exporter().Export(scene, "glb2", whole.string()) == AI_SUCCESS);
    const std::string bytes = readFile(whole);
    // Cut within its JSON chunk, or after it (where Assimp finds its buffers short).
    const std::filesystem::path cut = writeFile(dir / "truncated.glb", bytes.substr(0, 40));
    CHECK(loadError(cut) == cut.string() + ": is cut short or corrupt: its JSON chunk runs past the end of the file");
    const std::filesystem::path half = writeFile(dir / "half.glb", bytes.substr(0, bytes.size() / 2));
    CHECK_THAT(loadError(half), StartsWith(half.string() + ": "));
    CHECK(loadError(half).find('\n') == std::string::npos);
}

TEST_CASE("a glTF binary whose JSON chunk claims more than the file holds is refused before it is read", "[loader][errors]") {
    // A few hundred bytes claiming a JSON chunk of two gigabytes: Assimp would allocate it all first.
    std::string bytes = "glTF";
    const auto u32 = [&bytes](std::uint32_t value) {
        for (int i = 0; i < 4; ++i) bytes += static_cast<char>(value >> (8 * i) & 0xffu);
    };
    u32(2);
    u32(200);
    u32(0x7ffffff0u);
    bytes += "JSON{\"asset\":{\"version\":\"2.0\"}}";
    bytes.resize(200, ' ');
    const std::filesystem::path path = writeFile(test::scratchDir("loader_claims") / "claims.glb", bytes);
    CHECK(loadError(path) == path.string() + ": is cut short or corrupt: its JSON chunk runs past the end of the file");
}

TEST_CASE("a model without meshes is refused", "[loader][errors]") {
    const std::filesystem::path path = test::dataDir() / "no_meshes.gltf";
    const std::string message = loadError(path);
    CHECK_THAT(message, StartsWith(path.string() + ": "));
    CHECK_THAT(message, Contains("no meshes"));
}

TEST_CASE("a model with only points and lines has no triangle meshes", "[loader][errors]") {
    const std::filesystem::path path = test::dataDir() / "points_only.obj";
    const std::string message = loadError(path);
    CHECK_THAT(message, StartsWith(path.string() + ": "));
    CHECK_THAT(message, Contains("no") && Contains("meshes"));
}

TEST_CASE("a real BodyParts3D export loads", "[loader][bodyparts3d]") {
    const std::filesystem::path path = test::bodyParts3dDir() / "FJ33_BP4581_FMA22342_Right_psoas_major.obj";
    if (!std::filesystem::exists(path)) {
        WARN("skipped: the BodyParts3D sample is not at " << test::bodyParts3dDir());
        return;
    }
    const Model model = loadModel(path);
    CHECK(model.triangleCount() > 1000);
    // Millimetres, Z-up: the right psoas runs some 30 cm from T12 to the lesser trochanter.
    CHECK(model.bounds.size().z > 200.0f);
    CHECK(model.bounds.size().z < 420.0f);
}

// ---- Hostile files (issue 8): each is refused with one line naming it, or loads what is sound.

TEST_CASE("an OFF header asking for a billion vertices is refused before anything is allocated", "[loader][hostile]") {
    // Like assimp-testmodels' invalid/OutOfMemory.off, which took Assimp 16 GB before it failed.
    const std::filesystem::path path = writeFile(test::scratchDir("loader_off_counts") / "huge.off",
                                                 "OFF\n1000000000 1000000000 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n");
    CHECK(loadError(path) == path.string() +
                                 ": its header asks for 1000000000 vertices and 1000000000 faces, more lines than its "
                                 "54 bytes can hold");
}

TEST_CASE("a sound OFF file loads", "[loader][hostile]") {
    const std::filesystem::path path = writeFile(test::scratchDir("loader_off_sound") / "triangle.off",
                                                 "# a comment\nOFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n");
    CHECK(loadModel(path).triangleCount() == 1);
}

TEST_CASE("a PLY header asking for 2^31 vertices is refused, in text and in binary", "[loader][hostile]") {
    const std::filesystem::path dir = test::scratchDir("loader_ply_counts");
    const std::string properties = "property float x\nproperty float y\nproperty float z\n"
                                   "element face 1\nproperty list uchar int vertex_indices\nend_header\n";
    const std::filesystem::path text = writeFile(
        dir / "text.ply", "ply\nformat ascii 1.0\nelement vertex 2147483648\n" + properties + "0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n");
    CHECK_THAT(loadError(text), StartsWith(text.string() + ": its header asks for 2147483648 \"vertex\" elements"));
    const std::filesystem::path binary = writeFile(
        dir / "binary.ply", "ply\nformat binary_little_endian 1.0\nelement vertex 300000000\n" + properties +
                                std::string(36, '\0') + std::string("\3") + std::string(12, '\0'));
    CHECK_THAT(loadError(binary), StartsWith(binary.string() + ": its header asks for 300000000 \"vertex\" elements"));
    // A face count beyond the data, which made Assimp loop for minutes.
    const std::filesystem::path faces = writeFile(
        dir / "faces.ply", "ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nproperty float y\nproperty float z\n"
                           "element face 300000000\nproperty list uchar int vertex_indices\nend_header\n"
                           "0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n");
    CHECK_THAT(loadError(faces), StartsWith(faces.string() + ": its header asks for 300000000 \"face\" elements"));
}

TEST_CASE("a sound PLY file loads", "[loader][hostile]") {
    const std::filesystem::path path = writeFile(
        test::scratchDir("loader_ply_sound") / "triangle.ply",
        "ply\nformat ascii 1.0\ncomment made by a test\nelement vertex 3\nproperty float x\nproperty float y\n"
        "property float z\nelement face 1\nproperty list uchar int vertex_indices\nend_header\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n");
    CHECK(loadModel(path).triangleCount() == 1);
}

TEST_CASE("a binary STL claiming four billion triangles is refused in one line", "[loader][hostile]") {
    const std::filesystem::path path = writeFile(test::scratchDir("loader_stl_count") / "huge.stl",
                                                 std::string(80, '\0') + littleEndian32(0xffffffffu) + std::string(50, '\0'));
    const std::string message = loadError(path);
    CHECK_THAT(message, StartsWith(path.string() + ": cannot be read (Assimp: "));
    CHECK(message.find('\n') == std::string::npos);
}

TEST_CASE("a glTF accessor counting more than its buffer holds is refused", "[loader][hostile]") {
    Gltf document;
    document.accessors = R"([{"bufferView":0,"componentType":5126,"count":2147483648,"type":"VEC3"}])";
    const std::filesystem::path path = writeFile(test::scratchDir("loader_gltf_count") / "huge.gltf", document.json());
    CHECK_THAT(loadError(path), StartsWith(path.string() + ": cannot be read (Assimp: GLTF: Accessor"));
}

TEST_CASE("a glTF file that uses one mesh too many times is refused before the copies are made", "[loader][hostile]") {
    // 300 nodes share a mesh of 200,000 triangles (the one triangle, indexed over and over): 60
    // million triangles once each use is a copy, from a file of 2.4 MB.
    constexpr std::uint32_t kIndices = 600'000;
    std::string indices;
    for (std::uint32_t i = 0; i < kIndices; ++i) indices += littleEndian32(i % 3);
    const std::filesystem::path dir = test::scratchDir("loader_instances");
    writeFile(dir / "indices.bin", indices);
    Gltf document;
    document.meshes = R"([{"primitives":[{"attributes":{"POSITION":0},"indices":1}]}])";
    document.accessors.back() = ',';
    document.accessors += R"({"bufferView":1,"componentType":5125,"count":600000,"type":"SCALAR"}])";
    document.bufferViews = R"([{"buffer":0,"byteLength":36},{"buffer":1,"byteLength":2400000}])";
    document.buffers = R"([{"byteLength":36,"uri":")" + Gltf::kTriangleUri + R"("},{"byteLength":2400000,"uri":"indices.bin"}])";
    document.nodes = "[";
    document.scenes = R"([{"nodes":[)";
    for (int i = 0; i < 300; ++i) {
        if (i > 0) {
            document.nodes += ',';
            document.scenes += ',';
        }
        document.nodes += R"({"mesh":0})";
        document.scenes += std::to_string(i);
    }
    document.nodes += "]";
    document.scenes += "]}]";
    const std::filesystem::path path = writeFile(dir / "instances.gltf", document.json());
    CHECK_THAT(loadError(path), StartsWith(path.string() + ": its meshes, with each use of a shared mesh counted, "
                                                           "make more than 50000000 triangles"));
}

TEST_CASE("a glTF node tree a thousand deep loads; deeper ones are refused before Assimp recurses", "[loader][hostile]") {
    const std::filesystem::path dir = test::scratchDir("loader_deep");
    Gltf document;
    document.nodes = nodeChain(kMaxNodeDepth);
    const Model model = loadModel(writeFile(dir / "deep.gltf", document.json()));
    CHECK(model.nodes.size() >= static_cast<std::size_t>(kMaxNodeDepth));
    CHECK(model.triangleCount() == 1);
    CHECK(model.subtreeBounds(0).max.x == 1.0f);
    CHECK(model.nodesWithin({0}).back());

    // 30,000 levels overflowed Assimp's stack.
    document.nodes = nodeChain(30'000);
    const std::filesystem::path deeper = writeFile(dir / "deeper.gltf", document.json());
    CHECK(loadError(deeper) == deeper.string() + ": its node tree is more than 1000 levels deep, deeper than Dorsal reads");
}

TEST_CASE("glTF JSON nested deeper than Assimp's reader survives is refused", "[loader][hostile]") {
    Gltf document;
    document.nodes = R"([{"mesh":0,"extras":)" + std::string(200'000, '[') + std::string(200'000, ']') + "}]";
    const std::filesystem::path path = writeFile(test::scratchDir("loader_nesting") / "nested.gltf", document.json());
    CHECK(loadError(path) == path.string() + ": its JSON nests more than 1000 levels deep, deeper than Dorsal reads");
}

TEST_CASE("glTF nodes shared along a chain, which Assimp would repeat 2^40 times, are refused", "[loader][hostile]") {
    Gltf document;
    document.nodes = "[";
    for (int i = 0; i < 40; ++i) document.nodes += R"({"children":[)" + std::to_string(i + 1) + "," + std::to_string(i + 1) + "]},";
    document.nodes += R"({"mesh":0}])";
    const std::filesystem::path path = writeFile(test::scratchDir("loader_shared") / "shared.gltf", document.json());
    CHECK(loadError(path) == path.string() + ": its shared nodes repeat into more than 200000 nodes, more than Dorsal reads");
}

TEST_CASE("a glTF node tree that loops is refused", "[loader][hostile]") {
    Gltf document;
    document.nodes = R"([{"children":[1]},{"children":[2]},{"children":[0],"mesh":0}])";
    const std::filesystem::path path = writeFile(test::scratchDir("loader_loop") / "loop.gltf", document.json());
    CHECK_THAT(loadError(path), StartsWith(path.string() + ": its node tree loops"));
}

TEST_CASE("a FIFO is refused as a model and as a glTF buffer, instead of waiting forever", "[loader][hostile]") {
    const std::filesystem::path dir = test::scratchDir("loader_fifo");
    const std::filesystem::path pipe = dir / "model.obj";
    REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);
    CHECK(loadError(pipe) == pipe.string() + ": is not a regular file (a pipe, device or socket), so it is not read");

    REQUIRE(::mkfifo((dir / "buffer.bin").c_str(), 0600) == 0);
    Gltf document;
    document.buffers = R"([{"byteLength":36,"uri":"buffer.bin"}])";
    const std::filesystem::path model = writeFile(dir / "model.gltf", document.json());
    CHECK_THAT(loadError(model), StartsWith(model.string() + ": refers to " + (dir / "buffer.bin").string() +
                                            ", which is not a regular file"));
}

TEST_CASE("a glTF buffer outside the model's folder is refused; one inside it or embedded is read", "[loader][hostile]") {
    const std::filesystem::path dir = test::scratchDir("loader_outside");
    std::filesystem::create_directories(dir / "model");
    const std::string triangle = std::string(12, '\0') + std::string("\0\0\x80\x3f", 4) + std::string(16, '\0') +
                                 std::string("\0\0\x80\x3f", 4) + std::string(4, '\0');
    writeFile(dir / "secret.bin", triangle);
    writeFile(dir / "model" / "inside.bin", triangle);
    std::filesystem::create_symlink(dir / "secret.bin", dir / "model" / "link.bin");
    Gltf document;
    for (const std::string uri : {"../secret.bin", "link.bin"}) {
        document.buffers = R"([{"byteLength":36,"uri":")" + uri + R"("}])";
        const std::filesystem::path path = writeFile(dir / "model" / "model.gltf", document.json());
        CHECK(loadError(path) == path.string() + ": refers to " + (dir / "model" / uri).lexically_normal().string() +
                                     ", which is outside the model's folder; Dorsal reads a model's other files only "
                                     "from its own folder");
    }
    // Assimp reads an absolute URI as one inside the model's folder, where there is no such file.
    document.buffers = R"([{"byteLength":36,"uri":")" + (dir / "secret.bin").string() + R"("}])";
    const std::filesystem::path absolute = writeFile(dir / "model" / "model.gltf", document.json());
    CHECK_THAT(loadError(absolute), StartsWith(absolute.string() + ": cannot be read (Assimp: GLTF: could not open"));
    document.buffers = R"([{"byteLength":36,"uri":"inside.bin"}])";
    CHECK(loadModel(writeFile(dir / "model" / "model.gltf", document.json())).triangleCount() == 1);
    document.buffers = R"([{"byteLength":36,"uri":")" + Gltf::kTriangleUri + R"("}])";
    CHECK(loadModel(writeFile(dir / "model" / "model.gltf", document.json())).triangleCount() == 1);
}

TEST_CASE("an OBJ whose material file lies outside its folder loads without it, and says so", "[loader][hostile]") {
    const std::filesystem::path dir = test::scratchDir("loader_obj_outside");
    std::filesystem::create_directories(dir / "model");
    writeFile(dir / "secret.mtl", "newmtl muscle\nKd 1 0 0\n");
    const std::filesystem::path path = writeFile(dir / "model" / "model.obj",
                                                 "mtllib ../secret.mtl\nv 0 0 0\nv 1 0 0\nv 0 1 0\nusemtl muscle\nf 1 2 3\n");
    const Model model = loadModel(path);
    CHECK(model.triangleCount() == 1);
    REQUIRE(model.warnings.size() == 1);
    CHECK(model.warnings.front() == path.string() + ": refers to " + (dir / "secret.mtl").string() +
                                        ", which is outside the model's folder; it was left out");
}

TEST_CASE("triangles with NaN, infinite or absurd coordinates are left out with a warning; the rest frames", "[loader][hostile]") {
    const std::filesystem::path dir = test::scratchDir("loader_nan");
    const std::filesystem::path path = writeFile(dir / "nan.obj",
                                                 "o good\nv 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n"
                                                 "o bad\nv nan 0 0\nv 1 0 0\nv 0 1 0\nf 4 5 6\n"
                                                 "o far\nv 1e30 0 0\nv 1 1e30 0\nv 0 1 inf\nf 7 8 9\nf 7 8 9\n");
    const Model model = loadModel(path);
    CHECK(model.triangleCount() == 1);
    CHECK(model.parts.size() == 1);
    REQUIRE(model.warnings.size() == 1);
    CHECK(model.warnings.front() == path.string() +
                                        ": 3 triangles with invalid (NaN, infinite or absurdly large) coordinates were "
                                        "left out, and with them 2 parts that had no other triangles");
    CHECK(model.bounds.max.x == 1.0f);
    CHECK(model.bounds.max.y == 1.0f);
    OrbitCamera camera;
    camera.frame(model.bounds, 1.5f, ViewPreset::Anterior);
    const glm::mat4 viewProjection = camera.projection(1.5f) * camera.view();
    for (int column = 0; column < 4; ++column) {
        for (int row = 0; row < 4; ++row) CHECK(std::isfinite(viewProjection[column][row]));
    }

    const std::filesystem::path allBad = writeFile(dir / "all_bad.obj", "v nan 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n");
    CHECK(loadError(allBad) == allBad.string() + ": all of its triangles have invalid (NaN, infinite or absurdly large) coordinates");
}

TEST_CASE("an unsupported or unguarded format is refused with the list of those read", "[loader][hostile]") {
    const std::filesystem::path path = writeFile(test::scratchDir("loader_fbx") / "model.fbx", "; FBX 7.4.0 project file\n");
    CHECK(loadError(path) == path.string() + ": unsupported format \".fbx\"; Dorsal reads .glb, .gltf, .obj, .stl, .ply "
                                             "and .off files (convert others to glTF, for example with Blender)");
}

TEST_CASE("a load reports progress up to 1 and can be cancelled before or while it runs", "[loader][cancel]") {
    LoadControl control;
    CHECK(loadModel(test::dataDir() / "two_boxes.obj", &control).triangleCount() == 24);
    CHECK(control.progress == 1.0f);

    LoadControl cancelledBefore;
    cancelledBefore.cancelled = true;
    CHECK_THROWS_AS(loadModel(test::dataDir() / "two_boxes.obj", &cancelledBefore), ModelLoadCancelled);

    // A model of 400 parts, cancelled once its reading has begun: the reading, converting and
    // preparing still ahead each look at the control, parts one by one.
    std::string obj;
    for (int p = 0; p < 400; ++p) {
        obj += "o part" + std::to_string(p) + "\n";
        for (int i = 0; i <= 40; ++i) {
            for (int j = 0; j <= 40; ++j) obj += "v " + std::to_string(p + i / 40.0) + " " + std::to_string(j / 40.0) + " 0\n";
        }
        const int first = p * 41 * 41 + 1;
        for (int i = 0; i < 40; ++i) {
            for (int j = 0; j < 40; ++j) {
                const int a = first + i * 41 + j;
                obj += "f " + std::to_string(a) + " " + std::to_string(a + 41) + " " + std::to_string(a + 1) + "\n";
                obj += "f " + std::to_string(a + 1) + " " + std::to_string(a + 41) + " " + std::to_string(a + 42) + "\n";
            }
        }
    }
    const std::filesystem::path path = writeFile(test::scratchDir("loader_cancel") / "parts.obj", obj);
    LoadControl cancelledWhile;
    auto loading = std::async(std::launch::async, [&] { return loadModel(path, &cancelledWhile); });
    while (cancelledWhile.progress == 0.0f && loading.wait_for(std::chrono::milliseconds(1)) != std::future_status::ready) {
    }
    cancelledWhile.cancelled = true;
    CHECK_THROWS_AS(loading.get(), ModelLoadCancelled);
    CHECK(cancelledWhile.progress < 1.0f);
}

TEST_CASE("a PLY header without an end_header line is refused; Assimp would look for one forever", "[loader][hostile][fuzz]") {
    // Found by fuzzing: "end_header" run into the data.
    const std::filesystem::path path = writeFile(
        test::scratchDir("loader_ply_end") / "endless.ply",
        "ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nproperty float y\nproperty float z\n"
        "element face 1\nproperty list uchar int vertex_indices\nend_headerglTF 0 0\n1 0 0\n0 1 0\n3 0 1 2\n");
    CHECK(loadError(path) == path.string() + ": its PLY header has no end_header line");
}

TEST_CASE("a face without corners is refused; Assimp's triangulation would abort the program", "[loader][hostile][fuzz]") {
    // Found by fuzzing: a PLY face whose list of corners is empty.
    const std::filesystem::path path = writeFile(
        test::scratchDir("loader_ply_empty_face") / "empty_face.ply",
        "ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nproperty float y\nproperty float z\n"
        "element face 1\nproperty list uchar int vertex_indices\nend_header\n0 0 0\n1 0 0\n0 1 0\n0\n");
    CHECK(loadError(path) == path.string() + ": cannot be read (a face of mesh 0 has no corners)");
}

TEST_CASE("a face of thousands of corners is refused; Assimp would take minutes to cut it up", "[loader][hostile]") {
    // A circle of 30,000 corners as one OBJ face: 38 seconds of triangulation.
    constexpr int kCorners = 30'000;
    std::string obj;
    for (int i = 0; i < kCorners; ++i) {
        const double angle = 6.283185307179586 * i / kCorners;
        obj += "v " + std::to_string(std::cos(angle)) + " " + std::to_string(std::sin(angle)) + " 0\n";
    }
    obj += "f";
    for (int i = 1; i <= kCorners; ++i) {
        obj += ' ';
        obj += std::to_string(i);
    }
    const std::filesystem::path path = writeFile(test::scratchDir("loader_polygon") / "circle.obj", obj + "\n");
    CHECK(loadError(path) == path.string() + ": a face of mesh 0 has 30000 corners; Dorsal reads faces of up to 1000");
}

TEST_CASE("a file is read only by the reader of its extension, never handed on to another", "[loader][hostile][fuzz]") {
    // Found by fuzzing: a ".glb" holding an LWO file reached Assimp's LWO reader, which never
    // finished. This ".glb" holds an OFF file asking for a billion vertices, which the OFF reader
    // would have tried to allocate, past the checks made for glTF.
    const std::filesystem::path path = writeFile(test::scratchDir("loader_other_reader") / "off.glb",
                                                 "OFF\n1000000000 1000000000 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n");
    CHECK_THAT(loadError(path), StartsWith(path.string() + ": cannot be read (Assimp: No suitable reader found"));
}

TEST_CASE("the built-in model's muscles bring their stripe coordinate, its bones none", "[loader]") {
    const Model& model = test::builtInModel();
    const auto partOf = [&](const std::string& node) -> const Part& {
        const int n = model.findNode(node);
        REQUIRE(n >= 0);
        REQUIRE(!model.nodes[static_cast<std::size_t>(n)].parts.empty());
        return model.parts[static_cast<std::size_t>(model.nodes[static_cast<std::size_t>(n)].parts.front())];
    };
    const Part& muscle = partOf("muscle.latissimus_dorsi.L");
    REQUIRE(muscle.stripes.size() == muscle.positions.size());
    // Across a broad sheet the coordinate spans its width: several centimetres of stripes.
    const auto [low, high] = std::minmax_element(muscle.stripes.begin(), muscle.stripes.end());
    CHECK(*high - *low > 0.10f);
    CHECK(partOf("bone.sacrum").stripes.empty());
}
