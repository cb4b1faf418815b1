// BodyParts3D names: the project's mapping of FMA ids to model nodes, and its frame.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <fstream>
#include <set>

#include "core/bodyparts3d.h"
#include "test_paths.h"

using namespace dorsal;

namespace {

std::filesystem::path writeNames(const std::string& name, const std::string& text) {
    const auto path = test::scratchDir("bodyparts3d") / name;
    std::ofstream(path) << text;
    return path;
}

const char* kFrame = "version = 1\n[frame]\nscale = 0.001\noffset = [0.0, 0.1, -0.1]\n";

}  // namespace

TEST_CASE("the project's BodyParts3D names map each sample structure to a model node", "[bodyparts3d]") {
    const BodyParts3dNames names = loadBodyParts3dNames(test::sourceDir() / "assets" / "anatomy" / "bodyparts3d.toml");
    REQUIRE(names.findFma(22343));
    CHECK(names.findFma(22343)->node == "muscle.psoas_major.L");
    CHECK(names.findFma(13075)->node == "bone.vertebra_l4");
    CHECK(names.findFma(16587)->node == "bone.hip_bone.L");
    CHECK(names.findFma(1) == nullptr);
    // Millimetres, Z up and +Y posterior become metres, Y up and +Z anterior.
    const glm::vec3 p = names.toModelFrame({10.0f, 20.0f, 1000.0f});
    CHECK(p.x == Approx(0.010f));
    CHECK(p.y == Approx(1.0f + names.offset.y));
    CHECK(p.z == Approx(-0.020f + names.offset.z));
}

TEST_CASE("the names table finds structures by English name, however the file spells it", "[bodyparts3d]") {
    const BodyParts3dNames names = loadBodyParts3dNames(test::sourceDir() / "assets" / "anatomy" / "bodyparts3d.toml");
    // Parts of one muscle are rows of their own that name one node.
    REQUIRE(names.findName("Left iliocostalis lumborum"));
    CHECK(names.findName("Left iliocostalis lumborum")->node == "muscle.iliocostalis.L");
    CHECK(names.findName("left_iliocostalis_thoracis")->node == "muscle.iliocostalis.L");
    CHECK(names.findName("  Right   longissimus capitis ")->node == "muscle.longissimus.R");
    CHECK(names.findName("Mandible")->node == "bone.skull");
    CHECK(names.findName("Left sartorius") == nullptr);
    // A file by its FMA id, else by its name; an id the table lacks falls back to the name.
    CHECK(names.findFile("FJ1_BP4164_FMA13075_Fourth lumbar vertebra.obj")->node == "bone.vertebra_l4");
    CHECK(names.findFile("FJ9_BP9_FMA999999_Left_gluteus_medius.stl")->node == "muscle.gluteus_medius.L");
    CHECK(names.findFile("Right_first_rib.obj")->node == "bone.rib_1.R");
    CHECK(names.findFile("FJ9_BP9_FMA999999_Left_sartorius.obj") == nullptr);
}

TEST_CASE("the names table covers every muscle of the content on both sides", "[bodyparts3d]") {
    const BodyParts3dNames names = loadBodyParts3dNames(test::sourceDir() / "assets" / "anatomy" / "bodyparts3d.toml");
    std::set<std::string> nodes;
    for (const BodyParts3dStructure& s : names.structures) nodes.insert(s.node);
    for (const auto& entry : std::filesystem::directory_iterator(test::sourceDir() / "content" / "muscles")) {
        const std::string id = entry.path().stem().string();
        if (id == "diaphragm") {
            CHECK(nodes.count("muscle.diaphragm") == 1);
            continue;
        }
        INFO(id);
        CHECK(nodes.count("muscle." + id + ".L") == 1);
        CHECK(nodes.count("muscle." + id + ".R") == 1);
    }
    for (const char* bone : {"bone.vertebra_c1", "bone.vertebra_t7", "bone.vertebra_l5", "bone.sacrum", "bone.coccyx", "bone.skull",
                             "bone.sternum", "bone.hip_bone.R", "bone.femur.L", "bone.rib_12.R", "bone.scapula.L", "bone.clavicle.R",
                             "bone.humerus.L"}) {
        INFO(bone);
        CHECK(nodes.count(bone) == 1);
    }
}

TEST_CASE("English names come out of BodyParts3D file names without their ids", "[bodyparts3d]") {
    CHECK(structureNameOfFileName("FJ753_BP4583_FMA22343_Left_psoas_major.obj") == "Left psoas major");
    CHECK(structureNameOfFileName("FJ1_BP4164_FMA13075_Fourth lumbar vertebra.obj") == "Fourth lumbar vertebra");
    CHECK(structureNameOfFileName("FMA7488_Xiphoid_process.stl") == "Xiphoid process");
    CHECK(structureNameOfFileName("Left_sartorius.obj") == "Left sartorius");
    CHECK(normalisedStructureName(" Left__Psoas  MAJOR ") == "left psoas major");
    CHECK(isDorsalNodeName("muscle.psoas_major.L"));
    CHECK(isDorsalNodeName("bone.skull"));
    CHECK_FALSE(isDorsalNodeName("muscle.Psoas"));
    CHECK_FALSE(isDorsalNodeName("skin"));
}

TEST_CASE("FMA ids come out of BodyParts3D file names, spaces and all", "[bodyparts3d]") {
    CHECK(fmaIdOfFileName("FJ753_BP4583_FMA22343_Left_psoas_major.obj") == 22343);
    CHECK(fmaIdOfFileName("FJ1_BP4164_FMA13075_Fourth lumbar vertebra.obj") == 13075);
    CHECK_FALSE(fmaIdOfFileName("psoas.obj"));
    CHECK_FALSE(fmaIdOfFileName("FMA_none.obj"));
}

TEST_CASE("a broken names file is one line naming the file and what is wrong", "[bodyparts3d]") {
    const std::string structure = "[[structure]]\nfma = 5\nname = \"x\"\nnode = \"muscle.psoas_major.L\"\n";
    CHECK_THROWS_WITH(loadBodyParts3dNames(writeNames("missing.toml", "") .parent_path() / "nowhere.toml"), Catch::Contains("nowhere.toml"));
    CHECK_THROWS_WITH(loadBodyParts3dNames(writeNames("syntax.toml", "version = 1\n[frame\n")), Catch::Contains("syntax.toml:2"));
    CHECK_THROWS_WITH(loadBodyParts3dNames(writeNames("version.toml", "version = 2\n")), Catch::Contains("version = 1"));
    CHECK_THROWS_WITH(loadBodyParts3dNames(writeNames("frame.toml", "version = 1\n" + structure)), Catch::Contains("[frame]"));
    CHECK_THROWS_WITH(loadBodyParts3dNames(writeNames("offset.toml", "version = 1\n[frame]\nscale = 0.001\noffset = [1, 2]\n" + structure)),
                      Catch::Contains("offset"));
    CHECK_THROWS_WITH(loadBodyParts3dNames(writeNames("twice.toml", kFrame + structure + structure)),
                      Catch::Contains("twice.toml:9") && Catch::Contains("FMA 5 is listed twice"));
    CHECK_THROWS_WITH(loadBodyParts3dNames(writeNames("node.toml", std::string(kFrame) + "[[structure]]\nfma = 5\nname = \"x\"\nnode = \"Psoas\"\n")),
                      Catch::Contains("node.toml:5") && Catch::Contains("`Psoas`"));
    CHECK_THROWS_WITH(loadBodyParts3dNames(writeNames("field.toml", std::string(kFrame) + "[[structure]]\nfma = 5\n")),
                      Catch::Contains("a name and a node"));
    CHECK_THROWS_WITH(loadBodyParts3dNames(writeNames("fma.toml", std::string(kFrame) + "[[structure]]\nfma = \"5\"\nname = \"x\"\nnode = \"bone.sacrum\"\n")),
                      Catch::Contains("fma.toml:5") && Catch::Contains("positive whole number"));
    CHECK_THROWS_WITH(loadBodyParts3dNames(writeNames("name.toml", std::string(kFrame) +
                                                                      "[[structure]]\nname = \"Sacrum\"\nnode = \"bone.sacrum\"\n"
                                                                      "[[structure]]\nname = \"sacrum\"\nnode = \"bone.sacrum\"\n")),
                      Catch::Contains("name.toml:8") && Catch::Contains("listed twice"));
    const auto fifo = test::scratchDir("bodyparts3d-fifo") / "names.toml";
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    CHECK_THROWS_WITH(loadBodyParts3dNames(fifo), Catch::Contains("not a regular file"));
}

TEST_CASE("a names file's bytes never break its one-line message: control characters, NUL, deep nesting", "[bodyparts3d]") {
    // What the fuzzer found: toml++ quotes the bytes it choked on, line break and all.
    const auto broken = writeNames("float.toml", " t =[0,-n\n0= ");
    try {
        loadBodyParts3dNames(broken);
        FAIL("a broken file was read");
    } catch (const BodyParts3dNamesError& error) {
        const std::string message = error.what();
        CHECK(message.find('\n') == std::string::npos);
        CHECK(message.find("float.toml:1") != std::string::npos);
    }
    CHECK_THROWS_WITH(loadBodyParts3dNames(writeNames("nul.toml", std::string("version = 1\0", 12))), Catch::Contains("binary"));
    CHECK_THROWS_WITH(loadBodyParts3dNames(writeNames("deep.toml", "a = " + std::string(200, '[') + std::string(200, ']'))),
                      Catch::Contains("deep.toml:1"));
}
