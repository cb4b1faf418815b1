#include <catch2/catch.hpp>

#include <vector>

#include "app/command_line.h"

using namespace dorsal;
using Catch::Matchers::Contains;

namespace {

ParsedCommandLine parse(std::vector<const char*> args) {
    args.insert(args.begin(), "dorsal");
    return parseCommandLine(static_cast<int>(args.size()), args.data());
}

}  // namespace

TEST_CASE("no options opens the window on the built-in model", "[cli]") {
    const ParsedCommandLine result = parse({});
    REQUIRE(result.options.has_value());
    CHECK(result.options->command == Command::Window);
    CHECK(result.options->model.empty());
}

TEST_CASE("an offscreen run takes its file, resolution, view and panels from the command line", "[cli]") {
    const ParsedCommandLine result = parse({"--output", "a.png", "--resolution", "640,480", "--view", "left"});
    REQUIRE(result.options.has_value());
    CHECK(result.options->command == Command::Offscreen);
    CHECK(result.options->output == "a.png");
    CHECK(result.options->width == 640);
    CHECK(result.options->height == 480);
    CHECK(result.options->showUi);
    CHECK(result.options->view == ViewPreset::Left);
    CHECK_FALSE(parse({"--output", "a.png", "--no-ui"}).options->showUi);
    CHECK(parse({"--output", "a.png", "--resolution", "800x600"}).options->width == 800);
}

TEST_CASE("bench measures at 1280x720 by default", "[cli]") {
    const ParsedCommandLine result = parse({"bench"});
    REQUIRE(result.options.has_value());
    CHECK(result.options->command == Command::Bench);
    CHECK(result.options->width == 1280);
    CHECK(result.options->height == 720);
}

TEST_CASE("help and version answer and exit 0", "[cli]") {
    const ParsedCommandLine help = parse({"--help"});
    CHECK_FALSE(help.options.has_value());
    CHECK(help.exitCode == 0);
    CHECK_THAT(help.text, Contains("--output") && Contains("--resolution") && Contains("--no-ui"));
    const ParsedCommandLine version = parse({"--version"});
    CHECK(version.exitCode == 0);
    CHECK_THAT(version.text, Contains("dorsal "));
}

TEST_CASE("an unknown option suggests the closest one", "[cli][errors]") {
    const ParsedCommandLine result = parse({"--outptu", "a.png"});
    CHECK_FALSE(result.options.has_value());
    CHECK(result.exitCode == 2);
    CHECK(result.textIsError);
    CHECK(result.text == "dorsal: unknown option --outptu; did you mean --output?\n");
    CHECK_THAT(parse({"--resolutoin", "1,1"}).text, Contains("did you mean --resolution?"));
    CHECK_THAT(parse({"--zzzzzzzzzz"}).text, Contains("see dorsal --help"));
}

TEST_CASE("wrong arguments are one line saying why", "[cli][errors]") {
    CHECK(parse({"--output", "a.png", "--resolution", "big"}).text ==
          "dorsal: --resolution expects WIDTH,HEIGHT in pixels, such as 1280,800; got \"big\"\n");
    CHECK_THAT(parse({"--output", "a.png", "--resolution", "10,10"}).text, Contains("out of range"));
    CHECK_THAT(parse({"--view", "behnid"}).text, Contains("unknown view \"behnid\"; did you mean behind?") ||
                                                     Contains("unknown view \"behnid\""));
    CHECK_THAT(parse({"--view", "anterir"}).text, Contains("did you mean anterior?"));
    CHECK_THAT(parse({"--no-ui"}).text, Contains("--no-ui only applies to --output"));
    CHECK(parse({"--model"}).exitCode == 2);
}

TEST_CASE("the view options set what is shown at start", "[cli]") {
    const ParsedCommandLine result = parse({"--output", "a.png", "--select", "psoas_major", "--isolate", "--xray",
                                            "--layers", "deep,bones", "--side", "left", "--labels", "--dim"});
    REQUIRE(result.options.has_value());
    const StartView& start = result.options->start;
    CHECK(start.select == "psoas_major");
    CHECK(start.isolate);
    CHECK(start.xray);
    CHECK(start.labels);
    CHECK(start.dimOthers);
    CHECK(start.side == SideShown::Left);
    CHECK(start.strataShown == std::array<bool, kPeelableStrata>{false, false, false, true, true});
    const ParsedCommandLine hide = parse({"--output", "a.png", "--hide", "rectus_abdominis,external_oblique"});
    REQUIRE(hide.options.has_value());
    CHECK(hide.options->start.hide == std::vector<std::string>{"rectus_abdominis", "external_oblique"});
    // By default: no x-ray, the cutaway on, the side chosen by what is shown; a picture has labels
    // only with --labels.
    CHECK_FALSE(hide.options->start.xray);
    CHECK(hide.options->start.cutaway);
    CHECK_FALSE(hide.options->start.view.has_value());
    CHECK_FALSE(hide.options->start.labels);
    const ParsedCommandLine chosen = parse({"--output", "a.png", "--no-cutaway", "--view", "left"});
    REQUIRE(chosen.options.has_value());
    CHECK_FALSE(chosen.options->start.cutaway);
    CHECK(chosen.options->start.view == ViewPreset::Left);
    // The window starts with labels on.
    const ParsedCommandLine window = parse({"--select", "psoas_major"});
    REQUIRE(window.options.has_value());
    CHECK(window.options->start.labels);
}

TEST_CASE("wrong view options are one line saying why", "[cli]") {
    const ParsedCommandLine layer = parse({"--output", "a.png", "--layers", "deep,bonez"});
    CHECK(layer.exitCode == 2);
    CHECK(layer.text == "dorsal: unknown layer \"bonez\" in --layers; did you mean bones? (skin, superficial, "
                        "intermediate, deep, bones)\n");
    const ParsedCommandLine side = parse({"--output", "a.png", "--side", "middle"});
    CHECK(side.exitCode == 2);
    CHECK(side.text == "dorsal: unknown side \"middle\" for --side; use left, right or both\n");
    const ParsedCommandLine isolate = parse({"--output", "a.png", "--isolate"});
    CHECK(isolate.exitCode == 2);
    CHECK_THAT(isolate.text, Contains("--isolate needs --select"));
}
