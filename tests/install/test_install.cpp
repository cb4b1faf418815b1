// The installed program: `cmake --install` into a scratch prefix, the prefix moved elsewhere, and the
// moved copy run from another working directory, as after a person installs Dorsal and moves it.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>

#include "core/image.h"
#include "run_program.h"
#include "test_paths.h"

using namespace dorsal;
using Catch::Matchers::Contains;
using test::RunResult;

namespace {

// An installed copy of the build, moved away from where it was installed.
struct Installation {
    std::filesystem::path scratch;  // this test's folder
    std::filesystem::path prefix;   // the moved prefix, inside `scratch`

    std::filesystem::path program() const { return prefix / DORSAL_INSTALLED_PROGRAM; }
    std::filesystem::path data() const { return prefix / DORSAL_INSTALLED_DATA; }
};

// Installs the build into a fresh prefix in the scratch folder `name`, then moves the whole prefix
// to another folder, so that nothing can depend on where it was installed.
Installation installAndMove(const std::string& name) {
    const std::filesystem::path scratch = test::scratchDir(name);
    const std::filesystem::path installed = scratch / "installed";
    // One component, so that build/install_manifest.txt (a person's record for uninstalling) stays.
    const RunResult install =
        test::runProgram(DORSAL_CMAKE_COMMAND,
                         {"--install", DORSAL_BUILD_DIR, "--prefix", installed.string(), "--component", "dorsal"},
                         scratch / "install.txt");
    INFO(install.output);
    REQUIRE(install.exitCode == 0);
    const std::filesystem::path moved = scratch / "moved" / "prefix";
    std::filesystem::create_directories(moved.parent_path());
    std::filesystem::rename(installed, moved);
    REQUIRE_FALSE(std::filesystem::exists(installed));
    // As the program sees itself (/proc/self/exe), with any symbolic link on the way resolved.
    return {scratch, std::filesystem::canonical(moved)};
}

struct InstalledRun {
    RunResult result;
    std::filesystem::path folder;  // where it ran: a fresh folder outside the installation
};

// Runs the installation's program in a fresh, empty folder of its own, with `environment` in front.
InstalledRun runInstalled(const Installation& installation, const std::vector<std::string>& args,
                          const std::string& runName, const std::string& environment = "") {
    const std::filesystem::path folder = installation.scratch / ("run_" + runName);
    std::filesystem::create_directories(folder);
    return {test::runProgram(installation.program(), args, installation.scratch / (runName + ".txt"), environment, folder),
            folder};
}

std::string dataDirVariable(const std::filesystem::path& folder) {
    return "env DORSAL_DATA_DIR=" + test::shellQuoted(folder.string());
}

// The share of pixels that are muscle red: far redder than green and blue.
double muscleRedFraction(const Image& image) {
    int red = 0;
    for (int y = 0; y < image.height; ++y) {
        for (int x = 0; x < image.width; ++x) {
            const std::uint8_t* p = image.pixel(x, y);
            red += (p[0] > p[1] + 50 && p[0] > p[2] + 50) ? 1 : 0;
        }
    }
    return static_cast<double>(red) / (static_cast<double>(image.width) * image.height);
}

bool isOneLine(const std::string& text) {
    return !text.empty() && text.back() == '\n' && std::count(text.begin(), text.end(), '\n') == 1;
}

}  // namespace

TEST_CASE("a moved installation renders a picture and prints an entry, run from another folder", "[install]") {
    const Installation installation = installAndMove("install_moved");

    const InstalledRun render = runInstalled(installation, {"--output", "x.png", "--resolution", "480,300", "--no-ui"}, "render");
    INFO(render.result.output);
    REQUIRE(render.result.exitCode == 0);
    // The relative --output lands in the folder it ran in, and shows the built-in model's muscles.
    const Image picture = readPng(render.folder / "x.png");
    CHECK(picture.width == 480);
    CHECK(picture.height == 300);
    CHECK(muscleRedFraction(picture) > 0.02);

    const InstalledRun info = runInstalled(installation, {"info", "psoas_major"}, "info");
    INFO(info.result.output);
    CHECK(info.result.exitCode == 0);
    CHECK_THAT(info.result.output, Contains("Psoas major"));
}

TEST_CASE("an installation holds what a desktop needs: the menu entry, its icon and the metainfo", "[install]") {
    const Installation installation = installAndMove("install_desktop");
    // appstreamcli checks the metainfo against the desktop file it names, as software centres do.
    const RunResult tree = test::runProgram("appstreamcli", {"validate-tree", "--no-net", "--strict", installation.prefix.string()},
                                            installation.scratch / "validate-tree.txt");
    INFO(tree.output);
    CHECK(tree.exitCode == 0);
    // The menu entry starts the installed program and shows an icon the desktop can find.
    const std::filesystem::path share = installation.prefix / DORSAL_INSTALLED_SHARE;
    std::ifstream desktopFile(share / "applications" / (std::string(DORSAL_APP_ID) + ".desktop"));
    std::string line;
    std::string exec;
    std::string icon;
    while (std::getline(desktopFile, line)) {
        if (line.rfind("Exec=", 0) == 0) exec = line.substr(5);
        if (line.rfind("Icon=", 0) == 0) icon = line.substr(5);
    }
    CHECK(exec.substr(0, exec.find(' ')) == installation.program().filename().string());
    CHECK(std::filesystem::is_regular_file(share / "icons" / "hicolor" / "scalable" / "apps" / (icon + ".svg")));
}

TEST_CASE("no path of the source tree is compiled into the installed program", "[install]") {
    const Installation installation = installAndMove("install_no_source_paths");
    std::ifstream in(installation.program(), std::ios::binary);
    const std::string program(std::istreambuf_iterator<char>(in), {});
    REQUIRE(program.size() > 100000);
    for (const char* folder : {"content", "assets", "shaders"}) {
        CHECK(program.find((test::sourceDir() / folder).string()) == std::string::npos);
    }
}

TEST_CASE("DORSAL_DATA_DIR points an installation at another copy of its data", "[install]") {
    const Installation installation = installAndMove("install_data_variable");
    const std::filesystem::path copy = installation.scratch / "data copy";
    std::filesystem::copy(installation.data(), copy, std::filesystem::copy_options::recursive);
    std::filesystem::remove_all(installation.data());  // only the copy can serve now

    const InstalledRun info = runInstalled(installation, {"info", "psoas_major"}, "info", dataDirVariable(copy));
    INFO(info.result.output);
    CHECK(info.result.exitCode == 0);
    CHECK_THAT(info.result.output, Contains("Psoas major"));
    const InstalledRun render =
        runInstalled(installation, {"--output", "x.png", "--resolution", "480,300"}, "render", dataDirVariable(copy));
    INFO(render.result.output);
    CHECK(render.result.exitCode == 0);
    CHECK(std::filesystem::exists(render.folder / "x.png"));
}

TEST_CASE("an installation without its data says in one line where it looked and how to fix it", "[install]") {
    const Installation installation = installAndMove("install_no_data");
    std::filesystem::remove_all(installation.data());

    const InstalledRun info = runInstalled(installation, {"info", "psoas_major"}, "info");
    const InstalledRun render = runInstalled(installation, {"--output", "x.png"}, "render");
    for (const InstalledRun& run : {info, render}) {
        INFO(run.result.output);
        CHECK(run.result.exitCode == 1);
        CHECK(isOneLine(run.result.output));
        CHECK_THAT(run.result.output, Contains(installation.data().string()) && Contains("DORSAL_DATA_DIR"));
    }
    CHECK_FALSE(std::filesystem::exists(render.folder / "x.png"));

    const std::filesystem::path nowhere = installation.scratch / "nowhere";
    const InstalledRun wrong = runInstalled(installation, {"info", "psoas_major"}, "wrong", dataDirVariable(nowhere));
    INFO(wrong.result.output);
    CHECK(wrong.result.exitCode == 1);
    CHECK(isOneLine(wrong.result.output));
    CHECK_THAT(wrong.result.output, Contains("DORSAL_DATA_DIR is \"" + nowhere.string() + "\", which is not a folder"));
}

TEST_CASE("a missing shader is one line naming the file", "[install]") {
    const Installation installation = installAndMove("install_no_shader");
    const std::filesystem::path shader = installation.data() / "shaders" / "model.frag";
    REQUIRE(std::filesystem::remove(shader));

    const InstalledRun render = runInstalled(installation, {"--output", "x.png"}, "render");
    INFO(render.result.output);
    CHECK(render.result.exitCode == 1);
    CHECK(isOneLine(render.result.output));
    CHECK_THAT(render.result.output, Contains(shader.string()));
    CHECK_FALSE(std::filesystem::exists(render.folder / "x.png"));
}
