#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <memory>
#include <string>

#include "core/bench_model.h"
#include "core/closed_surface.h"
#include "core/detail.h"
#include "core/detail_build.h"
#include "core/glb_writer.h"
#include "core/model_loader.h"
#include "core/shapes.h"
#include "test_paths.h"

using namespace dorsal;

namespace {

// A closed tetrahedron wound outwards.
const std::vector<std::uint32_t> kTetrahedron{0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3};

}  // namespace

TEST_CASE("a closed surface is told from an open or inconsistently wound one", "[detail]") {
    CHECK(isClosedSurface(kTetrahedron));
    CHECK(isClosedSurface(makeSphere(1.0f, 16, 24).indices));

    std::vector<std::uint32_t> open(kTetrahedron.begin(), kTetrahedron.end() - 3);
    CHECK_FALSE(isClosedSurface(open));

    std::vector<std::uint32_t> flipped = kTetrahedron;
    std::swap(flipped[1], flipped[2]);
    CHECK_FALSE(isClosedSurface(flipped));

    CHECK_FALSE(isClosedSurface({}));
}

TEST_CASE("closedness is worked out for a million triangles around one corner", "[detail]") {
    // A double cone: a ring of corners 2..n+1, each pair joined to the top (0) and to the bottom (1),
    // so both tips have half a million triangles. Looking through each corner's edges grew with the
    // square of that count; this finishes in the suite's time only if the check does not.
    constexpr std::uint32_t kRing = 500'000;
    std::vector<std::uint32_t> cone;
    for (std::uint32_t i = 0; i < kRing; ++i) {
        const std::uint32_t a = 2 + i;
        const std::uint32_t b = 2 + (i + 1) % kRing;
        cone.insert(cone.end(), {0, a, b, 1, b, a});
    }
    CHECK(isClosedSurface(cone));
    cone.resize(cone.size() - 3);  // the last triangle out: a hole
    CHECK_FALSE(isClosedSurface(cone));
}

TEST_CASE("detail levels roughly halve the triangles, with an error that grows but stays small", "[detail]") {
    Part part = makeSphere(0.1f, 64, 96);
    const std::vector<std::uint32_t> full = part.indices;
    buildDetailLevels(part);
    REQUIRE(part.coarser.size() >= 4);
    CHECK(part.indices == full);  // full detail is kept as it was, for picking
    std::size_t previous = part.triangleCount();
    float previousError = 0.0f;
    for (const DetailLevel& level : part.coarser) {
        const std::size_t triangles = level.indices.size() / 3;
        CHECK(triangles <= previous * 3 / 4);
        CHECK(triangles >= previous / 3);
        CHECK(level.error > previousError);
        for (std::uint32_t index : level.indices) REQUIRE(index < part.positions.size());
        previous = triangles;
        previousError = level.error;
    }
    // The first level of a fine sphere of 10 cm deviates by well under a millimetre.
    CHECK(part.coarser.front().error < 0.0005f);
}

TEST_CASE("the coarsest level whose error stays within the pixel tolerance is chosen", "[detail]") {
    Part part = makeSphere(0.1f, 64, 96);
    buildDetailLevels(part);
    REQUIRE(part.coarser.size() >= 2);
    // Close up (a million pixels per metre) every level shows its error: full detail.
    CHECK(chooseDetailLevel(part, 1e6f) == -1);
    // A few pixels tall: the coarsest.
    CHECK(chooseDetailLevel(part, 10.0f) == static_cast<int>(part.coarser.size()) - 1);
    // Just above and just below the second level's error.
    const float pixelsPerUnit = 0.75f / part.coarser[1].error;
    CHECK(chooseDetailLevel(part, pixelsPerUnit * 0.99f) >= 1);
    CHECK(chooseDetailLevel(part, pixelsPerUnit * 1.01f) == 0);
}

TEST_CASE("a mesh too small to simplify gets no coarser levels", "[detail]") {
    Part part;
    part.positions = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    part.normals.assign(4, {0.0f, 0.0f, 1.0f});
    part.indices = kTetrahedron;
    buildDetailLevels(part);
    CHECK(part.coarser.empty());
}

TEST_CASE("an STL's separate triangle corners are welded into one closed surface", "[detail][loader]") {
    const std::filesystem::path path = test::scratchDir("stl") / "tetrahedron.stl";
    const glm::vec3 corners[] = {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    std::ofstream stl(path);
    stl << "solid tetrahedron\n";
    for (std::size_t t = 0; t < kTetrahedron.size(); t += 3) {
        stl << "facet normal 0 0 0\nouter loop\n";
        for (std::size_t k = 0; k < 3; ++k) {
            const glm::vec3& p = corners[kTetrahedron[t + k]];
            stl << "vertex " << p.x << ' ' << p.y << ' ' << p.z << '\n';
        }
        stl << "endloop\nendfacet\n";
    }
    stl << "endsolid tetrahedron\n";
    stl.close();
    const Model model = loadModel(path);
    REQUIRE(model.parts.size() == 1);
    CHECK(model.parts[0].positions.size() == 4);
    CHECK(model.parts[0].closed);
}

TEST_CASE("every part of the built-in model is closed and has coarser levels from the file", "[detail][model]") {
    // The generator stores them with the model, so that the first frame draws far parts coarse.
    const Model model = loadModel(test::builtInModelFile());
    std::size_t withLevels = 0;
    for (const Part& part : model.parts) {
        INFO(model.nodes[static_cast<std::size_t>(part.node)].name);
        CHECK(part.closed);
        withLevels += part.coarser.empty() ? 0 : 1;
    }
    CHECK(withLevels == model.parts.size());
}

TEST_CASE("levels of detail built beside go only into the model they were built from", "[detail]") {
    Model model;
    model.sourcePath = "sphere.glb";
    model.nodes.push_back(Node{"sphere", -1, {}, {0}});
    model.parts.push_back(makeSphere(0.5f, 40, 40));
    model.parts[0].node = 0;

    SECTION("the same model takes them") {
        CHECK_FALSE(hasDetailLevels(model));
        DetailLevelBuild build(model);
        build.wait();
        CHECK(build.finished());
        REQUIRE(build.installInto(model));
        CHECK(model.parts[0].coarser.size() >= 2);
        CHECK(hasDetailLevels(model));
    }
    SECTION("another file, or the same file with other triangles, does not") {
        DetailLevelBuild build(model);
        Model other = model;
        other.sourcePath = "other.glb";
        CHECK_FALSE(build.installInto(other));
        CHECK(other.parts[0].coarser.empty());
        Model changed = model;
        changed.parts[0].indices.resize(changed.parts[0].indices.size() - 3);
        DetailLevelBuild again(model);
        CHECK_FALSE(again.installInto(changed));
        CHECK(changed.parts[0].coarser.empty());
    }
    SECTION("a build dropped at once stops without harm, and the model it copied may go first") {
        auto build = std::make_unique<DetailLevelBuild>(model);
        model = Model{};
        build.reset();
        CHECK(model.parts.empty());
    }
}

namespace {

// A .glb of one sphere with its levels of detail stored by Dorsal's writer, written to `path`.
std::vector<DetailLevel> writeSphereWithLevels(const std::filesystem::path& path) {
    const Part sphere = makeSphere(0.5f, 40, 40);
    std::vector<DetailLevel> levels = detailLevelsOf(sphere.positions, sphere.indices);
    GlbScene scene;
    scene.materials = {{"muscle", {1, 0, 0, 1}, 0.5f, false}};
    scene.nodes = {{"root", -1, {1}}, {"muscle.sphere", 0, {}}};
    GlbMesh mesh{"sphere", 0, sphere.positions, sphere.normals, {}, {}, sphere.indices, {}};
    for (const DetailLevel& level : levels) mesh.levels.push_back({level.indices, level.error});
    scene.meshes.push_back(mesh);
    const std::vector<std::uint8_t> bytes = encodeGlb(scene);
    std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(bytes.data()),
                                                 static_cast<std::streamsize>(bytes.size()));
    return levels;
}

}  // namespace

TEST_CASE("levels of detail stored in a .glb come back with the model, as they were written", "[detail][loader]") {
    const std::filesystem::path path = test::scratchDir("stored-levels") / "sphere.glb";
    const std::vector<DetailLevel> written = writeSphereWithLevels(path);
    REQUIRE(written.size() >= 2);
    const Model model = loadModel(path);
    REQUIRE(model.parts.size() == 1);
    const std::vector<DetailLevel>& read = model.parts[0].coarser;
    REQUIRE(read.size() == written.size());
    for (std::size_t i = 0; i < read.size(); ++i) {
        CHECK(read[i].indices == written[i].indices);
        CHECK(read[i].error == Approx(written[i].error));
    }
}

TEST_CASE("broken stored levels of detail are passed over and the model still loads", "[detail][loader]") {
    const std::filesystem::path path = test::scratchDir("broken-levels") / "sphere.glb";
    writeSphereWithLevels(path);
    std::string bytes;
    {
        std::ifstream in(path, std::ios::binary);
        bytes.assign(std::istreambuf_iterator<char>(in), {});
    }
    // The JSON names each level's index accessor; point the first past the end of the list, or make
    // its error a word, keeping the file's length.
    const std::size_t at = bytes.find("{\"indices\":");
    REQUIRE(at != std::string::npos);
    SECTION("an accessor that does not exist") { bytes[at + 11] = '9'; }
    SECTION("a closedness that is not true or false") {
        const std::size_t key = bytes.find("\"dorsalClosed\":true");
        REQUIRE(key != std::string::npos);
        bytes.replace(key + 15, 4, "\"ab\"");  // the same length
    }
    SECTION("an error that is not a number") {
        const std::size_t value = bytes.find("\"error\":", at) + 8;
        const std::size_t end = bytes.find_first_of(",}", value);
        REQUIRE(end - value >= 2);
        bytes.replace(value, end - value, "\"" + std::string(end - value - 2, 'x') + "\"");
    }
    std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
    const Model model = loadModel(path);
    REQUIRE(model.parts.size() == 1);
    CHECK(model.parts[0].coarser.empty());
    CHECK(model.parts[0].triangleCount() == 2 * 40 * 39);
    CHECK(model.parts[0].closed);  // worked out, as for any other file
}

TEST_CASE("a .glb of Dorsal's says which meshes are closed, and the loader takes its word for it", "[detail][loader]") {
    // Working closedness out took 12 ms before the first frame of the built-in model.
    const Part sphere = makeSphere(0.5f, 12, 12);
    std::vector<std::uint32_t> open = sphere.indices;
    open.resize(open.size() - 3);  // one triangle short: a hole
    REQUIRE(isClosedSurface(sphere.indices));
    REQUIRE_FALSE(isClosedSurface(open));
    GlbScene scene;
    scene.materials = {{"muscle", {1, 0, 0, 1}, 0.5f, false}};
    scene.nodes = {{"root", -1, {1, 2}}, {"muscle.closed", 0, {}}, {"muscle.open", 1, {}}};
    scene.meshes.push_back({"closed", 0, sphere.positions, sphere.normals, {}, {}, sphere.indices, {}});
    scene.meshes.push_back({"open", 0, sphere.positions, sphere.normals, {}, {}, open, {}});
    const std::vector<std::uint8_t> encoded = encodeGlb(scene);
    std::string bytes(encoded.begin(), encoded.end());
    const std::filesystem::path path = test::scratchDir("stored-closedness") / "spheres.glb";
    const auto load = [&] {
        std::ofstream(path, std::ios::binary | std::ios::trunc) << bytes;
        return loadModel(path);
    };
    const auto closedOf = [](const Model& model, const std::string& name) {
        return model.parts[static_cast<std::size_t>(model.nodes[static_cast<std::size_t>(model.findNode(name))].parts.at(0))].closed;
    };
    const Model model = load();
    CHECK(closedOf(model, "muscle.closed"));
    CHECK_FALSE(closedOf(model, "muscle.open"));

    // What the file says is what the model gets: the loader does not work it out again.
    const std::size_t said = bytes.find("\"dorsalClosed\":false");
    REQUIRE(said != std::string::npos);
    bytes.replace(said + 15, 5, "true ");
    CHECK(closedOf(load(), "muscle.open"));
}

TEST_CASE("the bench's large model is BodyParts3D-sized, the same on every run, and loads with its levels", "[detail][bench]") {
    const std::vector<std::uint8_t> bytes = benchModelGlb();
    CHECK(bytes == benchModelGlb());
    const std::filesystem::path path = writeBenchModel(test::scratchDir("bench-model") / "large.glb");
    const Model model = loadModel(path);
    CHECK(model.parts.size() == kBenchStructures);
    CHECK(model.triangleCount() == static_cast<std::size_t>(kBenchStructures) * kBenchTrianglesPerStructure);
    CHECK(model.triangleCount() >= 800000);
    CHECK(std::all_of(model.parts.begin(), model.parts.end(), [](const Part& part) { return part.coarser.size() >= 2; }));
    // Muscles and bones, coloured as Dorsal's models are.
    CHECK(std::count_if(model.parts.begin(), model.parts.end(),
                        [](const Part& part) { return part.material == MaterialKind::Bone; }) == kBenchStructures / 4);
}
