#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <vector>

#include "app/command_line.h"
#include "test_paths.h"

using namespace dorsal;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

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

// --- Commands and their options -----------------------------------------------------------------

namespace {

std::string contentDir() { return (test::dataDir() / "content_good").string(); }
std::string boxesModel() { return (test::dataDir() / "two_boxes.obj").string(); }

// A refused command line: exit code 2 and exactly one line on stderr, starting "dorsal: ".
bool isOneLineError(const ParsedCommandLine& result) {
    const std::string& text = result.text;
    return !result.options && result.exitCode == 2 && result.textIsError && text.rfind("dorsal: ", 0) == 0 &&
           text.size() > 9 && text.back() == '\n' && std::count(text.begin(), text.end(), '\n') == 1;
}

// Every value option of each command, with a valid value.
const std::vector<std::pair<std::vector<const char*>, std::vector<const char*>>>& commandsAndValueOptions() {
    static const std::vector<std::pair<std::vector<const char*>, std::vector<const char*>>> table{
        {{},
         {"--model", "--content", "--output", "--resolution", "--select", "--view", "--hide", "--layers", "--side"}},
        {{"bench"}, {"--model", "--content", "--resolution"}},
        {{"check"}, {"--model", "--content"}},
        {{"info", "psoas_major"}, {"--content"}},
        {{"search", "lats"}, {"--content"}},
    };
    return table;
}

}  // namespace

TEST_CASE("each command takes the options that make sense for it", "[cli]") {
    const ParsedCommandLine info = parse({"info", "psoas_major", "--content", contentDir().c_str()});
    REQUIRE(info.options.has_value());
    CHECK(info.options->command == Command::Info);
    CHECK(info.options->infoId == "psoas_major");
    CHECK(info.options->contentDir == contentDir());

    const ParsedCommandLine check = parse({"check", contentDir().c_str(), "--model", "m.glb"});
    REQUIRE(check.options.has_value());
    CHECK(check.options->command == Command::Check);
    CHECK(check.options->contentDir == contentDir());
    CHECK(check.options->model == "m.glb");
    const ParsedCommandLine checkByOption = parse({"check", "--content", contentDir().c_str()});
    REQUIRE(checkByOption.options.has_value());
    CHECK(checkByOption.options->contentDir == contentDir());

    const ParsedCommandLine bench =
        parse({"bench", "--resolution", "320,240", "--model", "m.glb", "--content", contentDir().c_str()});
    REQUIRE(bench.options.has_value());
    CHECK(bench.options->command == Command::Bench);
    CHECK(bench.options->width == 320);
    CHECK(bench.options->height == 240);
    CHECK(bench.options->model == "m.glb");

    // An option the command takes may also come before the command's name.
    const ParsedCommandLine before = parse({"--content", contentDir().c_str(), "info", "psoas_major"});
    REQUIRE(before.options.has_value());
    CHECK(before.options->contentDir == contentDir());
    const ParsedCommandLine beforeCheck = parse({"--content", contentDir().c_str(), "--model", "m.glb", "check"});
    REQUIRE(beforeCheck.options.has_value());
    CHECK(beforeCheck.options->command == Command::Check);
    CHECK(beforeCheck.options->model == "m.glb");
}

TEST_CASE("search takes a query of one or more words, and the content folder", "[cli]") {
    const ParsedCommandLine quoted = parse({"search", "my lower back hurts"});
    REQUIRE(quoted.options.has_value());
    CHECK(quoted.options->command == Command::Search);
    CHECK(quoted.options->query == "my lower back hurts");
    // Unquoted words are the same query, also around an option.
    const ParsedCommandLine words = parse({"search", "my", "lower", "--content", contentDir().c_str(), "back", "hurts"});
    REQUIRE(words.options.has_value());
    CHECK(words.options->query == "my lower back hurts");
    CHECK(words.options->contentDir == contentDir());
    CHECK(parse({"search"}).text == "dorsal: dorsal search needs a QUERY, such as \"lower back pain\"\n");
    CHECK(parse({"search", ""}).text == "dorsal: the QUERY argument is empty\n");
    CHECK(parse({"search", "lats", "--select", "x"}).text ==
          "dorsal: dorsal search does not take --select; see dorsal search --help\n");
    CHECK(parse({"serch"}).text == "dorsal: unknown command serch; did you mean search?\n");
    const std::string help = parse({"search", "--help"}).text;
    CHECK_THAT(help, Contains("QUERY") && Contains("--content") && !Contains("--model"));
}

TEST_CASE("an option a command does not take is refused, naming the command", "[cli][errors]") {
    CHECK(parse({"info", "psoas_major", "--model", "m.glb"}).text ==
          "dorsal: dorsal info does not take --model; see dorsal info --help\n");
    CHECK(parse({"check", "--output", "a.png"}).text ==
          "dorsal: dorsal check does not take --output; see dorsal check --help\n");
    CHECK(parse({"bench", "--select", "psoas_major"}).text ==
          "dorsal: dorsal bench does not take --select; see dorsal bench --help\n");
    // Given before the command's name, the main command's options are refused the same way.
    CHECK(parse({"--output", "a.png", "info", "psoas_major"}).text ==
          "dorsal: dorsal info does not take --output; see dorsal info --help\n");
    CHECK(parse({"a.glb", "info", "psoas_major"}).text ==
          "dorsal: unexpected argument a.glb before info; see dorsal info --help\n");
}

TEST_CASE("an unknown option suggests the closest option of that command", "[cli][errors]") {
    CHECK(parse({"info", "psoas_major", "--contnet", "x"}).text ==
          "dorsal: unknown option --contnet for dorsal info; did you mean --content?\n");
    CHECK(parse({"check", "--modle", "m.glb"}).text ==
          "dorsal: unknown option --modle for dorsal check; did you mean --model?\n");
    CHECK(parse({"bench", "--resolutoin", "320,240"}).text ==
          "dorsal: unknown option --resolutoin for dorsal bench; did you mean --resolution?\n");
    CHECK(parse({"check", "--bogus"}).text ==
          "dorsal: unknown option --bogus for dorsal check; see dorsal check --help\n");
    CHECK(parse({"--outptu=a.png"}).text == "dorsal: unknown option --outptu=a.png; did you mean --output?\n");
    for (const auto& [command, values] : commandsAndValueOptions()) {
        std::vector<const char*> args = command;
        for (const char* unknown : {"--bogus", "-x", "--zzzzzzzzzzzz=1", "-ui"}) {
            args.push_back(unknown);
            INFO(args.size() << " arguments, the last " << unknown);
            const ParsedCommandLine result = parse(args);
            CHECK(isOneLineError(result));
            args.pop_back();
        }
    }
}

TEST_CASE("extra positional arguments are refused", "[cli][errors]") {
    CHECK(parse({"info", "a", "b"}).text == "dorsal: unexpected argument b for dorsal info; see dorsal info --help\n");
    CHECK(parse({"check", contentDir().c_str(), "more"}).text ==
          "dorsal: unexpected argument more for dorsal check; see dorsal check --help\n");
    CHECK(parse({"bench", "fast"}).text ==
          "dorsal: unexpected argument fast for dorsal bench; see dorsal bench --help\n");
    CHECK(parse({"a.glb", "b.glb"}).text == "dorsal: unexpected argument b.glb; see dorsal --help\n");
    CHECK(parse({"a.glb", "chek"}).text == "dorsal: unexpected argument chek; did you mean check?\n");
    CHECK(parse({"info", "a", "check"}).exitCode == 2);  // one command at a time
    // After "--" every word is an argument, even one that looks like an option.
    CHECK(parse({"--", "a.glb", "--output", "x.png"}).text ==
          "dorsal: unexpected argument --output after \"--\", which ends the options; see dorsal --help\n");
}

TEST_CASE("a missing value is refused, naming the option", "[cli][errors]") {
    for (const auto& [command, values] : commandsAndValueOptions()) {
        for (const char* option : values) {
            std::vector<const char*> args = command;
            args.push_back(option);
            INFO("dorsal " << (command.empty() ? "" : command.front()) << " " << option);
            const ParsedCommandLine atEnd = parse(args);
            CHECK(isOneLineError(atEnd));
            CHECK_THAT(atEnd.text, Contains(std::string(option) + " needs a value"));
            // CLI11 would take the next option as the value; it is refused instead.
            args.push_back("--help");
            CHECK_THAT(parse(args).text,
                       Contains(std::string(option) + " needs a value") && Contains("not the option --help"));
            args.pop_back();
            const std::string equals = std::string(option) + "=";
            args.back() = equals.c_str();
            CHECK_THAT(parse(args).text, Contains(std::string(option) + " needs a value"));
        }
    }
    CHECK(parse({"info"}).text == "dorsal: dorsal info needs an entry ID, such as psoas_major\n");
}

TEST_CASE("an empty value is refused, naming the option", "[cli][errors]") {
    for (const auto& [command, values] : commandsAndValueOptions()) {
        for (const char* option : values) {
            std::vector<const char*> args = command;
            args.insert(args.end(), {option, ""});
            INFO("dorsal " << (command.empty() ? "" : command.front()) << " " << option << " \"\"");
            const ParsedCommandLine result = parse(args);
            CHECK(isOneLineError(result));
            CHECK_THAT(result.text, Contains(option));
        }
    }
    CHECK(parse({""}).text == "dorsal: the FILE argument is empty\n");
    CHECK(parse({"info", ""}).text == "dorsal: the ID argument is empty\n");
    CHECK(parse({"check", ""}).text == "dorsal: the DIR argument is empty\n");
}

TEST_CASE("an option given twice is refused, a flag given twice is the flag, --hide adds up", "[cli][errors]") {
    for (const auto& [command, values] : commandsAndValueOptions()) {
        for (const char* option : values) {
            std::vector<const char*> args = command;
            args.insert(args.end(), {option, "one", option, "two"});
            INFO("dorsal " << (command.empty() ? "" : command.front()) << " " << option << " twice");
            if (std::string(option) == "--hide") continue;
            const ParsedCommandLine result = parse(args);
            CHECK(isOneLineError(result));
            CHECK_THAT(result.text, Contains(std::string(option) + " given twice (one, two)"));
        }
    }
    const ParsedCommandLine hide = parse({"--hide", "a,b", "--hide", "c"});
    REQUIRE(hide.options.has_value());
    CHECK(hide.options->start.hide == std::vector<std::string>{"a", "b", "c"});
    const ParsedCommandLine xray = parse({"--output", "a.png", "--xray", "--xray"});
    REQUIRE(xray.options.has_value());
    CHECK(xray.options->start.xray);
    CHECK(parse({"--xray=no"}).text == "dorsal: --xray takes no value\n");
    CHECK(parse({"--output", "a.png", "--hide", "a,,b"}).text ==
          "dorsal: --hide \"a,,b\" has an empty name; separate names with one comma\n");
    CHECK(parse({"info", "a", "--content", contentDir().c_str(), "--content", contentDir().c_str()}).exitCode == 2);
}

TEST_CASE("very long and non-UTF-8 arguments are refused in one short, printable line", "[cli][errors]") {
    const std::string huge(100 * 1024, 'q');
    const std::string bytes = "\xff\xfe\x01\n\x1b[31mred";
    for (const std::string& hostile : {huge, bytes, huge + bytes}) {
        for (const auto& [command, values] : commandsAndValueOptions()) {
            std::vector<std::vector<const char*>> lists;
            for (const char* option : values) {
                std::vector<const char*> args = command;
                args.insert(args.end(), {option, hostile.c_str()});
                lists.push_back(args);
            }
            std::vector<const char*> unknownOption = command;
            const std::string dashed = "--" + hostile;
            unknownOption.push_back(dashed.c_str());
            lists.push_back(unknownOption);
            std::vector<const char*> extra = command;
            extra.insert(extra.end(), {"x", "y", hostile.c_str()});
            lists.push_back(extra);
            for (const std::vector<const char*>& args : lists) {
                const ParsedCommandLine result = parse(args);
                INFO(args.size() << " arguments: " << result.text.substr(0, 300));
                if (result.options) continue;  // --select and --model take any text
                CHECK(isOneLineError(result));
                CHECK(result.text.size() < 1000);
                CHECK(result.text.find('\x1b') == std::string::npos);
                CHECK(result.text.find('\xff') == std::string::npos);
            }
        }
    }
    CHECK(parse({"--view", "\xff\xfe"}).text ==
          "dorsal: unknown view \"\\xFF\\xFE\" (anterior, posterior, left, right, superior, oblique)\n");
}

TEST_CASE("dorsal FILE opens FILE as --model would", "[cli]") {
    const ParsedCommandLine window = parse({"scans/back.glb"});
    REQUIRE(window.options.has_value());
    CHECK(window.options->command == Command::Window);
    CHECK(window.options->model == "scans/back.glb");
    const ParsedCommandLine picture = parse({"scans/back.glb", "--output", "a.png"});
    REQUIRE(picture.options.has_value());
    CHECK(picture.options->command == Command::Offscreen);
    CHECK(picture.options->model == "scans/back.glb");
    // A file whose name starts with a dash comes after "--".
    const ParsedCommandLine dashed = parse({"--", "-odd.glb"});
    REQUIRE(dashed.options.has_value());
    CHECK(dashed.options->model == "-odd.glb");

    CHECK(parse({"a.glb", "--model", "b.glb"}).text ==
          "dorsal: FILE and --model given together (a.glb, b.glb); they are the same, give one\n");
    CHECK(parse({"--model", "b.glb", "a.glb"}).text ==
          "dorsal: FILE and --model given together (a.glb, b.glb); they are the same, give one\n");
    // A mistyped command is not taken for a model file, unless such a file exists.
    CHECK(parse({"chek"}).text == "dorsal: unknown command chek; did you mean check?\n");
    CHECK(parse({"inf"}).text == "dorsal: unknown command inf; did you mean info?\n");
    CHECK_THAT(parse({"--help"}).text, Contains("[FILE]") && Contains("the same as --model FILE"));
}

TEST_CASE("a content folder that is not there is refused at once", "[cli][errors]") {
    const std::string missing = (test::dataDir() / "no_such_content").string();
    const std::string file = boxesModel();
    CHECK(parse({"--content", missing.c_str()}).text == "dorsal: --content " + missing + ": no such folder\n");
    CHECK(parse({"--content", file.c_str()}).text == "dorsal: --content " + file + ": not a folder\n");
    CHECK(parse({"info", "psoas_major", "--content", missing.c_str()}).exitCode == 2);
    CHECK(parse({"bench", "--content", file.c_str()}).exitCode == 2);
    CHECK(parse({"check", missing.c_str()}).text == "dorsal: content folder " + missing + ": no such folder\n");
    CHECK(parse({"check", "--content", file.c_str()}).text == "dorsal: --content " + file + ": not a folder\n");
    CHECK(parse({"check", contentDir().c_str(), "--content", contentDir().c_str()}).text ==
          "dorsal: DIR and --content given together (" + contentDir() + ", " + contentDir() +
              "); they are the same, give one\n");
    // A model is read later: a missing one is the load error (exit 1) that names it.
    CHECK(parse({"--model", "no_such_model.glb"}).options.has_value());
}

TEST_CASE("an output picture may be .png, .jpg or .jpeg; any other type is refused at once", "[cli][errors]") {
    for (const char* name : {"a.png", "a.PNG", "a.jpg", "b.JPEG", "dir.d/a.jpeg"}) {
        INFO(name);
        const ParsedCommandLine result = parse({"--output", name});
        REQUIRE(result.options.has_value());
        CHECK(result.options->output == name);
    }
    CHECK(parse({"--output", "a.bmp"}).text ==
          "dorsal: --output a.bmp: unsupported picture type \".bmp\"; end it in .png, .jpg or .jpeg\n");
    CHECK(parse({"--output", "picture"}).text ==
          "dorsal: --output picture: no picture type in the name; end it in .png, .jpg or .jpeg\n");
    CHECK(parse({"--output", "a.png.txt"}).exitCode == 2);
    CHECK(parse({"--output", ".png"}).exitCode == 2);  // a hidden file named ".png", with no type
    CHECK_THAT(parse({"--help"}).text, Contains("PNG or JPEG"));
}

TEST_CASE("options for the picture alone are refused for the window", "[cli][errors]") {
    CHECK(parse({"--resolution", "640,480"}).text ==
          "dorsal: --resolution only applies to --output, --save-scene and bench; the window takes the size it is "
          "given\n");
    CHECK(parse({"--no-ui"}).text ==
          "dorsal: --no-ui only applies to --output and --save-scene; the window always shows its panels\n");
}

TEST_CASE("each command's help lists the options it takes", "[cli]") {
    const std::string main = parse({"--help"}).text;
    CHECK_THAT(main, Contains("--output") && Contains("bench") && Contains("check") && Contains("info") &&
                         Contains("dorsal info --help"));
    const std::string info = parse({"info", "--help"}).text;
    CHECK_THAT(info, Contains("dorsal info [OPTIONS] ID") && Contains("--content"));
    CHECK_THAT(info, !Contains("--output") && !Contains("--model"));
    const std::string check = parse({"check", "--help"}).text;
    CHECK_THAT(check, Contains("[DIR]") && Contains("--model") && Contains("--content"));
    CHECK_THAT(check, !Contains("--resolution"));
    const std::string bench = parse({"bench", "--help"}).text;
    CHECK_THAT(bench, Contains("--resolution W,H=1280,720") && Contains("--model") && !Contains("--select"));
    CHECK(parse({"bench", "--help"}).exitCode == 0);
}

// Hostile command lines, generated: random lists of options, commands, values and junk. Whatever
// they hold, the parser returns options, or help, or exit code 2 with one line; it never throws,
// crashes or prints more.
TEST_CASE("random command lines never crash and always end in options, help or one line", "[cli][errors]") {
    const std::string content = contentDir();
    const std::string huge(100 * 1024, '-');
    const std::vector<std::string> vocabulary{
        "", "bench", "check", "info", "search", "--model", "--content", "--output", "--resolution", "--no-ui", "--select",
        "--view", "--isolate", "--hide", "--xray", "--dim", "--layers", "--side", "--labels", "--help", "-h",
        "--version", "--", "-", "--model=", "--output=x.png", "--bogus", "-x", "a.png", "b.jpg", "c.bmp", "640,480",
        "10,10", "1x1", "left", "deep,bones", "psoas_major", "m.glb", content, content + "/muscles", huge, "--=",
        "=", "-=-", "--content=" + content, "\xff", "\n", "x,,y", ",", "--hide=a,b"};
    std::mt19937 random(20240611);
    int parsedOptions = 0;
    int refused = 0;
    for (int run = 0; run < 3000; ++run) {
        std::vector<std::string> words;
        const int count = static_cast<int>(random() % 8);
        for (int i = 0; i < count; ++i) {
            if (random() % 6 == 0) {
                std::string junk(random() % 12, ' ');
                for (char& c : junk) c = static_cast<char>(1 + random() % 255);  // argv holds no NUL
                words.push_back(junk);
            } else {
                words.push_back(vocabulary[random() % vocabulary.size()]);
            }
        }
        std::vector<const char*> args;
        for (const std::string& word : words) args.push_back(word.c_str());
        INFO("run " << run << " with " << words.size() << " words");
        ParsedCommandLine result;
        REQUIRE_NOTHROW(result = parse(args));
        if (result.options) {
            CHECK(result.exitCode == 0);
            CHECK(result.text.empty());
            ++parsedOptions;
        } else if (result.exitCode == 0) {
            CHECK_FALSE(result.textIsError);
            CHECK_THAT(result.text, StartsWith("Dorsal") || StartsWith("dorsal ") || Contains("Usage: dorsal "));
        } else {
            INFO(result.text.substr(0, 300));
            CHECK(isOneLineError(result));
            CHECK(result.text.size() < 1000);
            ++refused;
        }
    }
    // The generator reaches both outcomes, so the checks above are not vacuous.
    CHECK(parsedOptions > 50);
    CHECK(refused > 1000);
}

TEST_CASE("the option --scene opens a scene, in the window or a picture, and takes no option that says what is shown", "[cli][scene]") {
    const ParsedCommandLine window = parse({"--scene", "client.dorsal"});
    REQUIRE(window.options.has_value());
    CHECK(window.options->command == Command::Window);
    CHECK(window.options->scene == "client.dorsal");
    const ParsedCommandLine picture = parse({"--scene", "client.dorsal", "--output", "a.png", "--no-ui"});
    REQUIRE(picture.options.has_value());
    CHECK(picture.options->command == Command::Offscreen);
    for (const std::vector<const char*>& other :
         {std::vector<const char*>{"--select", "psoas_major"}, {"--model", "x.glb"}, {"--xray"}, {"--labels"},
          {"--pin", "0,1,0:x"}, {"--where", "lower_back"}, {"--layers", "bones"}}) {
        std::vector<const char*> args{"--scene", "client.dorsal", "--output", "a.png"};
        args.insert(args.end(), other.begin(), other.end());
        const ParsedCommandLine result = parse(args);
        INFO(other.front());
        CHECK_FALSE(result.options.has_value());
        CHECK_THAT(result.text, StartsWith(std::string("dorsal: --scene and ") + other.front() + " given together"));
    }
}

TEST_CASE("the option --save-scene saves what the other options set up, with or without a picture", "[cli][scene]") {
    const ParsedCommandLine alone = parse({"--select", "psoas_major", "--save-scene", "s.dorsal", "--no-ui"});
    REQUIRE(alone.options.has_value());
    CHECK(alone.options->command == Command::Offscreen);
    CHECK(alone.options->output.empty());
    CHECK(alone.options->saveScene == "s.dorsal");
    CHECK(parse({"--save-scene", "s.dorsal", "--output", "a.png"}).options->output == "a.png");
    const ParsedCommandLine wrongName = parse({"--save-scene", "s.png"});
    CHECK_FALSE(wrongName.options.has_value());
    CHECK_THAT(wrongName.text, Contains("a scene file's name ends in .dorsal"));
}

TEST_CASE("the option --pin takes X,Y,Z:NOTE, may be repeated, and refuses a bad point or note in one line", "[cli][pins]") {
    const ParsedCommandLine pins = parse({"--pin", "0.05,1.2,-0.1:tender here", "--pin", "-0.1,1,-0.1:pain: 6/10",
                                          "--pin", "0,1,0", "--output", "a.png"});
    REQUIRE(pins.options.has_value());
    const std::vector<PinRequest>& requested = pins.options->start.pins;
    REQUIRE(requested.size() == 3);
    CHECK(requested[0].at == glm::vec3(0.05f, 1.2f, -0.1f));
    CHECK(requested[0].note == "tender here");
    CHECK(requested[1].note == "pain: 6/10");
    CHECK(requested[2].note.empty());
    for (const char* bad : {"1,2:x", "a,b,c:x", "1,2,3,4:x", "nan,1,1:x", "1,,1:x", ""}) {
        const ParsedCommandLine result = parse({"--pin", bad, "--output", "a.png"});
        INFO(bad);
        CHECK_FALSE(result.options.has_value());
        CHECK_THAT(result.text, StartsWith("dorsal: --pin"));
        CHECK(std::count(result.text.begin(), result.text.end(), '\n') == 1);
    }
    const std::string longNote = "0,1,0:" + std::string(121, 'a');
    CHECK_THAT(parse({"--pin", longNote.c_str(), "--output", "a.png"}).text, Contains("at most 120"));
}

TEST_CASE("the --present option starts presentation mode, in the window and the picture", "[cli][present]") {
    const ParsedCommandLine window = parse({"--present"});
    REQUIRE(window.options);
    CHECK(window.options->command == Command::Window);
    CHECK(window.options->present);
    const ParsedCommandLine picture = parse({"--present", "--output", "a.png", "--select", "psoas_major"});
    REQUIRE(picture.options);
    CHECK(picture.options->command == Command::Offscreen);
    CHECK(picture.options->present);
    CHECK_FALSE(parse({}).options->present);
    CHECK(parse({"--present=yes"}).text == "dorsal: --present takes no value\n");
    CHECK(parse({"bench", "--present"}).text == "dorsal: dorsal bench does not take --present; see dorsal bench --help\n");
}

TEST_CASE("dorsal settings takes no options", "[cli][settings]") {
    const ParsedCommandLine settings = parse({"settings"});
    REQUIRE(settings.options);
    CHECK(settings.options->command == Command::Settings);
    CHECK(parse({"settings", "--model", "x.glb"}).exitCode == 2);
    CHECK_THAT(parse({"setings"}).text, Contains("did you mean settings?"));
}
