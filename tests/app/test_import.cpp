// `dorsal import` and `dorsal check --model`, through the command line and the real binary.
#include <catch2/catch.hpp>

#include <fstream>

#include "app/command_line.h"
#include "run_program.h"
#include "test_paths.h"

using namespace dorsal;
using Catch::Matchers::Contains;

namespace {

ParsedCommandLine parse(std::vector<const char*> args) {
    args.insert(args.begin(), "dorsal");
    return parseCommandLine(static_cast<int>(args.size()), args.data());
}

// `draws`: the run renders a picture. Under the sanitizers Mesa's software driver leaves about a
// hundred bytes from a module it has unloaded, which LeakSanitizer can neither name nor suppress
// (as for test_render), so such a run has leak checking off.
test::RunResult runDorsal(const std::string& name, const std::vector<std::string>& args, bool draws = false) {
    // Offscreen runs need no display; the cache and settings stay inside the scratch folder.
    const auto home = test::scratchDir("home_" + name);
    return test::runProgram(DORSAL_BINARY, args, test::scratchDir("run_" + name) / "output.txt",
                            "env -u DISPLAY HOME=" + test::shellQuoted(home.string()) + " XDG_CACHE_HOME= XDG_CONFIG_HOME=" +
                                (draws ? " ASAN_OPTIONS=detect_leaks=0" : ""));
}

const char* kTriangleObj = "o triangle\nv 0 0 0\nv 10 0 0\nv 0 10 0\nf 1 2 3\n";

}  // namespace

TEST_CASE("dorsal import reads its format, folder, output, budget and names", "[cli][import]") {
    const ParsedCommandLine parsed = parse({"import", "bodyparts3d", "parts", "--output", "out.glb", "--budget", "5000", "--names", "n.toml"});
    REQUIRE(parsed.options.has_value());
    CHECK(parsed.options->command == Command::Import);
    CHECK(parsed.options->importFolder == "parts");
    CHECK(parsed.options->output == "out.glb");
    CHECK(parsed.options->budget == 5000u);
    CHECK(parsed.options->names == "n.toml");
    CHECK_FALSE(parse({"import", "bodyparts3d", "parts", "--output", "out.glb"}).options->budget);

    CHECK(parse({"import", "zygote", "parts", "--output", "o.glb"}).text ==
          "dorsal: unknown import format \"zygote\"; dorsal imports bodyparts3d\n");
    CHECK(parse({"import", "bodyparts3d", "parts"}).text == "dorsal: dorsal import needs --output FILE.glb: where to write the model\n");
    CHECK_THAT(parse({"import", "bodyparts3d", "parts", "--output", "o.obj"}).text, Contains("ending in .glb"));
    CHECK_THAT(parse({"import"}).text, Contains("dorsal import bodyparts3d DIR --output FILE.glb"));
    for (const char* budget : {"0", "-5", "many", "12x"}) {
        INFO(budget);
        CHECK_THAT(parse({"import", "bodyparts3d", "p", "--output", "o.glb", "--budget", budget}).text, Contains("--budget expects"));
    }
    CHECK_THAT(parse({"check", "--budget", "5"}).text, Contains("dorsal check does not take --budget"));
    // --names goes with the window, an offscreen picture and check too.
    CHECK(parse({"--names", "n.toml"}).options->names == "n.toml");
    CHECK(parse({"check", "--model", "m.glb", "--names", "n.toml"}).options->names == "n.toml");
}

TEST_CASE("dorsal import of the BodyParts3D sample writes a model that renders, and sums up", "[cli][import]") {
    if (!std::filesystem::exists(test::bodyParts3dDir())) {
        WARN("skipped: the BodyParts3D sample is not at " << test::bodyParts3dDir().string());
        return;
    }
    const auto folder = test::scratchDir("cli-import-sample");
    const auto out = folder / "sample.glb";
    const test::RunResult run =
        runDorsal("import_sample", {"import", "bodyparts3d", test::bodyParts3dDir().string(), "--output", out.string(), "--budget", "20000"});
    INFO(run.output);
    REQUIRE(run.exitCode == 0);
    CHECK_THAT(run.output, Contains("files: 10 read, 0 skipped, of 10"));
    CHECK_THAT(run.output, Contains("structures: 10 files mapped to 10 Dorsal nodes; 0 kept under their own names"));
    CHECK_THAT(run.output, Contains("(budget 20,000)"));
    CHECK_THAT(run.output, Contains("10 of 10 files read (100%)"));
    REQUIRE(std::filesystem::exists(out));

    // It opens like the built-in model: an offscreen picture of it, selecting one of its muscles.
    const auto picture = folder / "sample.png";
    const test::RunResult render = runDorsal("import_render", {"--model", out.string(), "--select", "psoas_major", "--output",
                                                               picture.string(), "--resolution", "320,240"}, true);
    INFO(render.output);
    CHECK(render.exitCode == 0);
    CHECK(std::filesystem::exists(picture));

    const test::RunResult check = runDorsal("import_check", {"check", "--model", out.string()});
    CHECK(check.exitCode == 1);  // the sample lacks most of the content's muscles, as the check says
    CHECK_THAT(check.output, Contains("has 4 of the content's"));
    CHECK_THAT(check.output, Contains("lacks 50: adductor_magnus"));
    CHECK_THAT(check.output, Contains("every node links to the content"));
}

TEST_CASE("dorsal import names each bad file, goes on, and fails in one line when nothing is usable", "[cli][import]") {
    const auto folder = test::scratchDir("cli-import-hostile");
    std::ofstream(folder / "Left_sartorius.obj") << kTriangleObj;
    std::ofstream(folder / "broken.stl") << "solid x\nfacet normal 0 0 1\nouter loop\nvertex 0 0";
    std::ofstream(folder / "empty.obj");
    // Outside the folder: an existing file inside what a model is made from is never replaced.
    const auto out = test::scratchDir("cli-import-hostile-out") / "out.glb";
    const test::RunResult run = runDorsal("import_hostile", {"import", "bodyparts3d", folder.string(), "--output", out.string()});
    INFO(run.output);
    CHECK(run.exitCode == 0);
    CHECK_THAT(run.output, Contains("dorsal import: skipped empty.obj: "));
    CHECK_THAT(run.output, Contains("dorsal import: skipped broken.stl: "));
    CHECK_THAT(run.output, Contains("  unmapped: Left sartorius"));
    CHECK_THAT(run.output, Contains("files: 1 read, 2 skipped, of 3"));

    // With a names file, the unknown structure maps to a Dorsal node; check sees what maps to nothing.
    std::ofstream(folder / "names.toml") << "version = 1\n[[node]]\nmatch = \"*sartorius\"\nid = \"muscle.rectus_femoris.L\"\n";
    const test::RunResult named = runDorsal("import_named", {"import", "bodyparts3d", folder.string(), "--output", out.string(), "--names",
                                                            (folder / "names.toml").string()});
    CHECK_THAT(named.output, Contains("structures: 1 files mapped to 1 Dorsal nodes; 0 kept under their own names"));
    std::ofstream(folder / "obj-names.toml") << "version = 1\n[[node]]\nmatch = \"triangle\"\nid = \"muscle.psoas_major.L\"\n";
    const test::RunResult unlinked = runDorsal("check_unlinked", {"check", "--model", (folder / "Left_sartorius.obj").string()});
    CHECK_THAT(unlinked.output, Contains("1 nodes map to no content id: triangle"));
    const test::RunResult linked = runDorsal("check_linked", {"check", "--model", (folder / "Left_sartorius.obj").string(), "--names",
                                                             (folder / "obj-names.toml").string()});
    CHECK_THAT(linked.output, Contains("has 1 of the content's"));
    CHECK_THAT(linked.output, Contains("every node links to the content"));

    std::filesystem::remove(folder / "Left_sartorius.obj");
    const test::RunResult nothing = runDorsal("import_nothing", {"import", "bodyparts3d", folder.string(), "--output", out.string()});
    CHECK(nothing.exitCode == 1);
    CHECK_THAT(nothing.output, Contains("none of its 2 OBJ and STL files could be read; nothing to import"));

    std::ofstream(folder / "bad-names.toml") << "version = 1\n[[node]]\nmatch = \"x\"\nid = \"Psoas\"\n";
    const test::RunResult badNames = runDorsal("bad_names", {"check", "--names", (folder / "bad-names.toml").string()});
    CHECK(badNames.exitCode == 1);
    CHECK_THAT(badNames.output, Contains("bad-names.toml:2: id `Psoas` is not a Dorsal node name"));
}
