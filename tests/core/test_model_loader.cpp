#include <catch2/catch.hpp>

#include <fstream>

#include <assimp/Exporter.hpp>
#include <assimp/Importer.hpp>
#include <assimp/postprocess.h>

#include "core/model_loader.h"
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

TEST_CASE("a corrupt glTF binary reports Assimp's own error", "[loader][errors]") {
    const std::filesystem::path path = test::dataDir() / "corrupt.glb";
    const std::string message = loadError(path);
    CHECK_THAT(message, StartsWith(path.string() + ": cannot be read (Assimp: "));
    CHECK(message.size() > path.string().size() + 30);  // Assimp's text is there, not an empty cause
    CHECK(message.find('\n') == std::string::npos);
}

TEST_CASE("a truncated glTF binary is refused, not half loaded", "[loader][errors]") {
    const std::filesystem::path dir = test::scratchDir("loader_truncated");
    Assimp::Importer importer;
    const aiScene* scene = importer.ReadFile((test::dataDir() / "two_boxes.obj").string(), aiProcess_Triangulate);
    REQUIRE(scene != nullptr);
    const std::filesystem::path whole = dir / "whole.glb";
    REQUIRE(Assimp::Exporter().Export(scene, "glb2", whole.string()) == AI_SUCCESS);
    const std::string bytes = readFile(whole);
    const std::filesystem::path cut = writeFile(dir / "truncated.glb", bytes.substr(0, bytes.size() / 2));
    CHECK_THAT(loadError(cut), StartsWith(cut.string() + ": cannot be read (Assimp: "));
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
