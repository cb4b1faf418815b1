// Importing BodyParts3D folders, and the names files that map other models' nodes to Dorsal's.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <fstream>
#include <sstream>

#include "core/bodyparts3d_import.h"
#include "core/glb_writer.h"
#include "core/material_palette.h"
#include "core/node_names.h"
#include "core/output_file.h"
#include "scoped_environment.h"
#include "test_paths.h"

using namespace dorsal;
using Catch::Matchers::Contains;

namespace {

const BodyParts3dNames& projectNames() {
    static const BodyParts3dNames names = loadBodyParts3dNames(test::sourceDir() / "assets" / "anatomy" / "bodyparts3d.toml");
    return names;
}

// A closed box of 12 triangles as an OBJ, `size` millimetres wide, centred at (x, y, z) mm.
std::string boxObj(float x, float y, float z, float size) {
    std::ostringstream obj;
    const float h = size / 2.0f;
    for (int i = 0; i < 8; ++i) {
        obj << "v " << x + ((i & 1) ? h : -h) << ' ' << y + ((i & 2) ? h : -h) << ' ' << z + ((i & 4) ? h : -h) << '\n';
    }
    // Faces of the cube 1..8 (bit 0: +x, bit 1: +y, bit 2: +z), wound outward.
    obj << "f 1 3 4 2\nf 5 6 8 7\nf 1 2 6 5\nf 3 7 8 4\nf 1 5 7 3\nf 2 4 8 6\n";
    return obj.str();
}

// A UV sphere of `rings` x `segments` quads as an OBJ, radius `r` mm at (x, y, z): many triangles
// for the budget to take away.
std::string sphereObj(float x, float y, float z, float r, int rings, int segments) {
    std::ostringstream obj;
    for (int i = 0; i <= rings; ++i) {
        const double theta = M_PI * i / rings;
        for (int j = 0; j < segments; ++j) {
            const double phi = 2.0 * M_PI * j / segments;
            obj << "v " << x + r * std::sin(theta) * std::cos(phi) << ' ' << y + r * std::sin(theta) * std::sin(phi) << ' '
                << z + r * std::cos(theta) << '\n';
        }
    }
    for (int i = 0; i < rings; ++i) {
        for (int j = 0; j < segments; ++j) {
            const int a = i * segments + j + 1;
            const int b = i * segments + (j + 1) % segments + 1;
            obj << "f " << a << ' ' << a + segments << ' ' << b + segments << ' ' << b << '\n';
        }
    }
    return obj.str();
}

void write(const std::filesystem::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

ImportResult importFolder(const std::filesystem::path& folder, std::optional<std::size_t> budget = std::nullopt,
                          const NodeNames* names = nullptr) {
    ImportSettings settings;
    settings.folder = folder;
    settings.budget = budget;
    settings.names = names;
    return importBodyParts3d(projectNames(), settings);
}

// The glb written to `folder`/out.glb and loaded back as Dorsal loads any model.
Model loadWritten(const ImportResult& result, const std::filesystem::path& folder) {
    const auto path = folder / "imported.glb";
    writeFileAtomically(path, std::string(result.glb.begin(), result.glb.end()));
    return loadModel(path);
}

}  // namespace

TEST_CASE("the BodyParts3D sample imports into a model Dorsal loads, every structure on its node", "[import]") {
    if (!std::filesystem::exists(test::bodyParts3dDir())) {
        WARN("skipped: the BodyParts3D sample is not at " << test::bodyParts3dDir().string());
        return;
    }
    LoadControl control;
    std::size_t calls = 0;
    ImportSettings settings;
    settings.folder = test::bodyParts3dDir();
    const ImportResult result =
        importBodyParts3d(projectNames(), settings, &control, [&](std::size_t done, std::size_t total, const std::string&) {
            ++calls;
            CHECK(done <= total);
        });
    CHECK(calls == 10);
    CHECK(control.progress.load() >= 0.9f);
    CHECK(result.report.filesRead == 10);
    CHECK(result.report.skipped.empty());
    CHECK(result.report.mappedNodes == 10);
    CHECK(result.report.unmapped.empty());
    CHECK(result.report.trianglesAfter == result.report.trianglesBefore);

    const Model model = loadWritten(result, test::scratchDir("import-sample"));
    CHECK(model.triangleCount() == result.report.trianglesAfter);
    for (const char* name : {"muscle.psoas_major.L", "muscle.psoas_major.R", "muscle.latissimus_dorsi.L", "bone.vertebra_l4",
                             "bone.sacrum", "bone.hip_bone.L"}) {
        INFO(name);
        const int node = model.findNode(name);
        REQUIRE(node >= 0);
        REQUIRE(model.nodes[static_cast<std::size_t>(node)].parts.size() == 1);
        const Part& part = model.parts[static_cast<std::size_t>(model.nodes[static_cast<std::size_t>(node)].parts[0])];
        CHECK(part.material == materialKindFromName(name));
        CHECK(part.baseColour == paletteColour(part.material));
    }
    // In the model frame: the left psoas on the subject's left (+X), at lumbar height, the sacrum behind it.
    const Bounds psoas = model.subtreeBounds(model.findNode("muscle.psoas_major.L"));
    CHECK(psoas.centre().x > 0.01f);
    CHECK(psoas.centre().y > 0.85f);
    CHECK(psoas.centre().y < 1.15f);
    CHECK(model.subtreeBounds(model.findNode("bone.sacrum")).centre().z < psoas.centre().z);
}

TEST_CASE("parts of one muscle merge into its node, unknown structures keep their names and are listed", "[import]") {
    const auto folder = test::scratchDir("import-merge");
    write(folder / "FJ1_BP1_FMA999991_Left_iliocostalis_lumborum.obj", boxObj(40, 30, 1000, 20));
    write(folder / "FJ2_BP2_FMA999992_Left iliocostalis thoracis.obj", boxObj(40, 30, 1200, 20));
    write(folder / "FJ3_BP3_FMA999993_Left_sartorius.obj", boxObj(100, -50, 600, 20));
    write(folder / "FJ4_BP4_FMA999994_Anterior_longitudinal_ligament.obj", boxObj(0, -10, 1100, 10));
    write(folder / "notes.txt", "not a model");
    const ImportResult result = importFolder(folder);
    CHECK(result.report.filesFound == 4);
    CHECK(result.report.filesRead == 4);
    CHECK(result.report.mappedFiles == 2);
    CHECK(result.report.mappedNodes == 1);
    CHECK(result.report.unmapped == std::vector<std::string>{"Anterior longitudinal ligament", "Left sartorius"});

    const Model model = loadWritten(result, folder);
    const int iliocostalis = model.findNode("muscle.iliocostalis.L");
    REQUIRE(iliocostalis >= 0);
    const Node& merged = model.nodes[static_cast<std::size_t>(iliocostalis)];
    REQUIRE(merged.parts.size() == 1);
    const Part& part = model.parts[static_cast<std::size_t>(merged.parts[0])];
    CHECK(part.triangleCount() == 24);  // two boxes in one mesh
    CHECK(part.positions.size() == 16);  // their corners welded, not one per face corner
    CHECK(part.closed);
    CHECK(part.material == MaterialKind::Muscle);
    // Millimetres, Z up, +Y posterior: 1.0 m up plus the frame's offset, and 30 mm posterior is -Z.
    CHECK(part.bounds.min.y == Approx(0.99f + projectNames().offset.y).margin(1e-4));
    CHECK(part.bounds.centre().z == Approx(-0.03f + projectNames().offset.z).margin(1e-4));

    const int sartorius = model.findNode("Left sartorius");
    REQUIRE(sartorius >= 0);
    CHECK(model.parts[static_cast<std::size_t>(model.nodes[static_cast<std::size_t>(sartorius)].parts[0])].material == MaterialKind::Other);
    const int ligament = model.findNode("Anterior longitudinal ligament");
    REQUIRE(ligament >= 0);
    CHECK(model.parts[static_cast<std::size_t>(model.nodes[static_cast<std::size_t>(ligament)].parts[0])].material == MaterialKind::Tendon);
}

TEST_CASE("a names file maps what the table lacks", "[import][names]") {
    const auto folder = test::scratchDir("import-names");
    write(folder / "Left_sartorius.obj", boxObj(100, -50, 600, 20));
    write(folder / "names.toml", "version = 1\n[[node]]\nmatch = \"left sart*\"\nid = \"muscle.rectus_femoris.L\"\n");
    const NodeNames names = loadNodeNames(folder / "names.toml");
    const ImportResult result = importFolder(folder, std::nullopt, &names);
    CHECK(result.report.unmapped.empty());
    CHECK(loadWritten(result, folder).findNode("muscle.rectus_femoris.L") >= 0);
}

TEST_CASE("a triangle budget is shared among the structures and kept", "[import]") {
    const auto folder = test::scratchDir("import-budget");
    write(folder / "Left_psoas_major.obj", sphereObj(40, 0, 1000, 30, 40, 60));   // 4,800 triangles
    write(folder / "Right_psoas_major.obj", sphereObj(-40, 0, 1000, 30, 20, 30));  // 1,200
    write(folder / "Sacrum.obj", boxObj(0, 40, 900, 40));                           // 12
    const ImportResult all = importFolder(folder);
    CHECK(all.report.trianglesBefore == 4800 + 1200 + 12);
    CHECK(all.report.trianglesAfter == all.report.trianglesBefore);

    const ImportResult budgeted = importFolder(folder, 1000);
    CHECK(budgeted.report.trianglesBefore == all.report.trianglesBefore);
    CHECK(budgeted.report.trianglesAfter <= 1000);
    CHECK(budgeted.report.trianglesAfter >= 500);  // shared out, not thrown away
    const Model model = loadWritten(budgeted, folder);
    CHECK(model.triangleCount() == budgeted.report.trianglesAfter);
    const auto trianglesOf = [&](const char* name) {
        return model.parts[static_cast<std::size_t>(model.nodes[static_cast<std::size_t>(model.findNode(name))].parts[0])].triangleCount();
    };
    CHECK(trianglesOf("muscle.psoas_major.L") > trianglesOf("muscle.psoas_major.R"));  // in proportion
    CHECK(trianglesOf("bone.sacrum") >= 4);

    CHECK_THROWS_WITH(importFolder(folder, 5), Contains("too small for 3 structures"));
}

TEST_CASE("what a structure cannot give up of its share is taken from the others, so the budget holds", "[import]") {
    const auto folder = test::scratchDir("import-budget-held");
    write(folder / "Left_psoas_major.obj", sphereObj(40, 0, 1000, 30, 40, 60));  // 4,800 triangles
    write(folder / "Sacrum.obj", boxObj(0, 40, 900, 40));                          // 12, which a box keeps
    const ImportResult budgeted = importFolder(folder, 1000);
    CHECK(budgeted.report.trianglesAfter <= 1000);
    CHECK(budgeted.report.trianglesAfter >= 950);
    const Model model = loadWritten(budgeted, folder);
    CHECK(model.parts[static_cast<std::size_t>(model.nodes[static_cast<std::size_t>(model.findNode("bone.sacrum"))].parts[0])]
              .triangleCount() == 12);
}

TEST_CASE("hostile files are each named and skipped, and the import goes on", "[import][hostile]") {
    const auto folder = test::scratchDir("import-hostile");
    write(folder / "Sacrum.obj", boxObj(0, 40, 900, 40));
    write(folder / "empty.obj", "");
    write(folder / "junk.obj", std::string("\x7f\x45\x4c\x46\x02\x01\x01\0\0\0\xff\xfe\x00\x13", 14) + std::string(2000, '\xee'));
    write(folder / "nan.obj", "v nan nan nan\nv nan 1 2\nv inf 0 0\nf 1 2 3\n");
    // A binary STL whose header promises four billion triangles and holds one.
    std::string stl(80, ' ');
    stl += std::string("\xff\xff\xff\xff", 4) + std::string(50, '\0');
    write(folder / "huge.stl", stl);
    // A truncated binary STL: two triangles promised, half of one there.
    std::string truncated(80, ' ');
    truncated += std::string("\x02\0\0\0", 4) + std::string(20, '\0');
    write(folder / "truncated.stl", truncated);
    REQUIRE(mkfifo((folder / "pipe.obj").c_str(), 0600) == 0);
    std::filesystem::create_symlink(folder / "loop-b.obj", folder / "loop-a.obj");
    std::filesystem::create_symlink(folder / "loop-a.obj", folder / "loop-b.obj");
    std::filesystem::create_directory(folder / "folder.obj");

    const ImportResult result = importFolder(folder);
    CHECK(result.report.filesRead == 1);
    CHECK(result.report.filesFound == 10);
    REQUIRE(result.report.skipped.size() == 9);
    for (const char* name : {"empty.obj", "junk.obj", "nan.obj", "huge.stl", "truncated.stl", "pipe.obj", "loop-a.obj", "loop-b.obj",
                             "folder.obj"}) {
        INFO(name);
        const auto line = std::find_if(result.report.skipped.begin(), result.report.skipped.end(),
                                       [&](const std::string& skipped) { return skipped.starts_with(std::string(name) + ": "); });
        REQUIRE(line != result.report.skipped.end());
        CHECK(line->find('\n') == std::string::npos);
        CHECK(line->size() > std::string(name).size() + 5);  // says why
    }
    CHECK(loadWritten(result, folder).findNode("bone.sacrum") >= 0);

    // Nothing usable, no model files, no folder: one line each.
    std::filesystem::remove(folder / "Sacrum.obj");
    CHECK_THROWS_WITH(importFolder(folder), Contains("none of its 9 OBJ and STL files could be read"));
    const auto noModels = test::scratchDir("import-none");
    write(noModels / "readme.txt", "x");
    CHECK_THROWS_WITH(importFolder(noModels), Contains("holds no OBJ or STL files"));
    CHECK_THROWS_WITH(importFolder(noModels / "missing"), Contains("no such folder"));
    CHECK_THROWS_WITH(importFolder(noModels / "readme.txt"), Contains("not a folder"));
}

TEST_CASE("a cancelled import stops between files", "[import]") {
    const auto folder = test::scratchDir("import-cancel");
    write(folder / "Sacrum.obj", boxObj(0, 40, 900, 40));
    LoadControl control;
    control.cancelled = true;
    ImportSettings settings;
    settings.folder = folder;
    CHECK_THROWS_AS(importBodyParts3d(projectNames(), settings, &control), ModelLoadCancelled);
}

TEST_CASE("the window's import goes to the cache folder and loads from there", "[import]") {
    const auto folder = test::scratchDir("import-cache");
    CHECK(importCachePath(folder).string().find("/dorsal/imports/import-cache-") != std::string::npos);
    CHECK(importCachePath(folder).extension() == ".glb");
    CHECK(importCachePath(folder) != importCachePath(folder.parent_path() / "other" / "import-cache"));
    CHECK(importCachePath(folder) == importCachePath(folder / "."));
}

TEST_CASE("the window's import with a budget is simplified and kept apart from the whole one", "[import]") {
    const auto scratch = test::scratchDir("import-window-budget");
    const auto folder = scratch / "parts";
    std::filesystem::create_directories(folder);
    write(folder / "Left_psoas_major.obj", sphereObj(40, 0, 1000, 30, 40, 60));   // 4,800 triangles
    write(folder / "Right_psoas_major.obj", sphereObj(-40, 0, 1000, 30, 20, 30));  // 1,200
    const test::ScopedEnvironment cache("XDG_CACHE_HOME", (scratch / "cache").c_str());
    const Model whole = loadModelOrImport(folder, nullptr);
    const Model simplified = loadModelOrImport(folder, nullptr, 1000);
    CHECK(whole.triangleCount() == 6000);
    CHECK(simplified.triangleCount() <= 1000);
    CHECK(simplified.triangleCount() >= 500);
    CHECK(simplified.sourcePath == importCachePath(folder, 1000).string());
    CHECK_THAT(simplified.sourcePath, Contains("-1000-triangles.glb"));
    // The whole import is still there, to reopen from the recent models or a scene.
    CHECK(simplified.sourcePath != whole.sourcePath);
    CHECK(loadModel(whole.sourcePath).triangleCount() == 6000);
    // A model file is loaded as it is: the budget is for folders.
    CHECK(loadModelOrImport(whole.sourcePath, nullptr, 1000).triangleCount() == 6000);
}

TEST_CASE("a triangle budget is a whole number above 0, typed on the command line or in the window", "[import]") {
    CHECK(readTriangleBudget("500000") == 500000u);
    CHECK(readTriangleBudget("1") == 1u);
    for (const char* text : {"", "0", "-5", "+5", "5.0", "12x", " 5", "5 ", "1e6", "99999999999999999999999"}) {
        INFO(text);
        CHECK_FALSE(readTriangleBudget(text));
    }
}

TEST_CASE("globs match with * and ?, without regard to case", "[names]") {
    CHECK(globMatches("Left_Psoas*", "left_psoas_major"));
    CHECK(globMatches("*psoas*", "Right psoas major"));
    CHECK(globMatches("bone.vertebra_l?", "bone.vertebra_l4"));
    CHECK_FALSE(globMatches("bone.vertebra_l?", "bone.vertebra_l45"));
    CHECK(globMatches("*", ""));
    CHECK_FALSE(globMatches("a*b", "a"));
    // Many stars against a long name stay fast (no exponential backtracking).
    CHECK_FALSE(globMatches(std::string(40, '*') + "x", std::string(10000, 'a')));
}

TEST_CASE("a names file renames nodes, exact names first, then patterns in file order", "[names]") {
    const auto folder = test::scratchDir("names-apply");
    write(folder / "names.toml",
          "version = 1\n"
          "[[node]]\nmatch = \"Psoas*\"\nid = \"muscle.psoas_major.R\"\n"
          "[[node]]\nmatch = \"psoas_left\"\nid = \"muscle.psoas_major.L\"\n"
          "[[node]]\nmatch = \"Ps*\"\nid = \"muscle.iliacus.R\"\n"
          "[[node]]\nmatch = \"Body\"\nid = \"skin\"\n");
    const NodeNames names = loadNodeNames(folder / "names.toml");
    CHECK(names.nodeFor("Psoas_Left") == "muscle.psoas_major.L");
    CHECK(names.nodeFor("Psoas_Right") == "muscle.psoas_major.R");
    CHECK(names.nodeFor("Psst") == "muscle.iliacus.R");
    CHECK_FALSE(names.nodeFor("Femur"));

    Model model;
    model.nodes = {{"root", -1, {1, 2}, {}}, {"Psoas_Left", 0, {}, {0}}, {"Femur", 0, {}, {1}}};
    model.parts.resize(2);
    model.parts[0].node = 1;
    model.parts[1].node = 2;
    CHECK(applyNodeNames(model, names) == 1);
    CHECK(model.nodes[1].name == "muscle.psoas_major.L");
    CHECK(model.nodes[2].name == "Femur");
    // The renamed node's unpainted part takes the muscle palette; the other stays as it was.
    CHECK(model.parts[0].material == MaterialKind::Muscle);
    CHECK(model.parts[0].baseColour == paletteColour(MaterialKind::Muscle));
    CHECK(model.parts[1].material == MaterialKind::Other);
}

TEST_CASE("a broken names file is one line naming the file, the line and what is wrong", "[names][errors]") {
    const auto folder = test::scratchDir("names-errors");
    auto attempt = [&](const std::string& name, const std::string& text) {
        write(folder / name, text);
        return loadNodeNames(folder / name);
    };
    CHECK_THROWS_WITH(loadNodeNames(folder / "missing.toml"), Contains("missing.toml"));
    CHECK_THROWS_WITH(attempt("syntax.toml", "version = 1\n[[node]\n"), Contains("syntax.toml:2"));
    CHECK_THROWS_WITH(attempt("version.toml", "version = 2\n"), Contains("version.toml:1") && Contains("version = 1"));
    CHECK_THROWS_WITH(attempt("id.toml", "version = 1\n[[node]]\nmatch = \"x\"\nid = \"Psoas\"\n"),
                      Contains("id.toml:2") && Contains("`Psoas` is not a Dorsal node name"));
    CHECK_THROWS_WITH(attempt("field.toml", "version = 1\n[[node]]\nmatch = \"x\"\n"), Contains("field.toml:2") && Contains("match") && Contains("id"));
    CHECK_THROWS_WITH(attempt("emptymatch.toml", "version = 1\n[[node]]\nmatch = \"\"\nid = \"bone.sacrum\"\n"), Contains("match is empty"));
    CHECK_THROWS_WITH(attempt("twice.toml", "version = 1\n[[node]]\nmatch = \"A\"\nid = \"bone.sacrum\"\n[[node]]\nmatch = \"a\"\nid = \"bone.coccyx\"\n"),
                      Contains("twice.toml:5") && Contains("matched twice"));
    CHECK_THROWS_WITH(attempt("key.toml", "version = 1\n[[node]]\nmatch = \"A\"\nid = \"bone.sacrum\"\nname = \"x\"\n"), Contains("unknown key `name`"));
    CHECK_THROWS_WITH(attempt("top.toml", "version = 1\nnodes = 3\n"), Contains("top.toml:2") && Contains("unknown key `nodes`"));
    CHECK_THROWS_WITH(attempt("nul.toml", std::string("version = 1\0", 12)), Contains("binary"));
    CHECK_THROWS_WITH(attempt("deep.toml", "a = " + std::string(200, '[') + std::string(200, ']')), Contains("deep.toml:1"));
    REQUIRE(mkfifo((folder / "fifo.toml").c_str(), 0600) == 0);
    CHECK_THROWS_WITH(loadNodeNames(folder / "fifo.toml"), Contains("not a regular file"));
    CHECK(attempt("empty.toml", "version = 1\n").rules.empty());
}

TEST_CASE("a model without materials gets muscle and bone colours by its node names", "[import][loader]") {
    const auto folder = test::scratchDir("unpainted");
    write(folder / "two.obj", "o muscle.psoas_major.L\n" + boxObj(0, 0, 0, 1) + "o bone.sacrum\n" +
                                  "v 5 5 5\nv 6 5 5\nv 5 6 5\nf 9 10 11\n" + "o something_else\nv 9 9 9\nv 8 9 9\nv 9 8 9\nf 12 13 14\n");
    const Model model = loadModel(folder / "two.obj");
    const auto partOf = [&](const char* name) -> const Part& {
        const int node = model.findNode(name);
        REQUIRE(node >= 0);
        REQUIRE(!model.nodes[static_cast<std::size_t>(node)].parts.empty());
        return model.parts[static_cast<std::size_t>(model.nodes[static_cast<std::size_t>(node)].parts[0])];
    };
    CHECK(partOf("muscle.psoas_major.L").baseColour == paletteColour(MaterialKind::Muscle));
    CHECK(partOf("bone.sacrum").baseColour == paletteColour(MaterialKind::Bone));
    CHECK(partOf("something_else").material == MaterialKind::Other);
}

TEST_CASE("the glb writer refuses a description it cannot write", "[glb]") {
    const std::vector<glm::vec3> positions{{0, 0, 0}, {1, 0, 0}, {0, 1, 0}};
    const std::vector<glm::vec3> normals(3, glm::vec3(0, 0, 1));
    const std::vector<std::uint32_t> indices{0, 1, 2};
    const std::vector<std::uint32_t> outOfRange{0, 1, 3};
    GlbScene scene;
    scene.nodes = {{"root", -1, {1}}, {"tri\n\"quoted\"\xff", 0, {}}};
    scene.materials = {{"muscle", {1, 0, 0, 1}, 0.5f, false}};
    scene.meshes = {{"tri", 0, positions, normals, {}, {}, indices, {}}};
    const std::vector<std::uint8_t> glb = encodeGlb(scene);
    const std::size_t jsonLength = glb[12] | (glb[13] << 8) | (glb[14] << 16) | (static_cast<std::size_t>(glb[15]) << 24);
    const std::string json(glb.begin() + 20, glb.begin() + 20 + static_cast<std::ptrdiff_t>(jsonLength));
    CHECK(json.find("tri\\u000a\\\"quoted\\\"?") != std::string::npos);  // escaped, and the bad byte replaced
    scene.meshes[0].indices = outOfRange;
    CHECK_THROWS_AS(encodeGlb(scene), GlbWriteError);
    scene.meshes[0].indices = indices;
    scene.meshes[0].material = 1;
    CHECK_THROWS_AS(encodeGlb(scene), GlbWriteError);
    scene.meshes[0].material = 0;
    scene.meshes[0].normals = {};
    CHECK_THROWS_WITH(encodeGlb(scene), Contains("0 normals for 3 vertices"));
}
