#include <sys/stat.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "core/settings.h"
#include "scoped_environment.h"
#include "test_paths.h"

using namespace dorsal;

namespace {

void writeText(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

std::string readText(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

Settings changedSettings() {
    Settings settings;
    settings.fontSize = 22.0f;
    settings.paper = PaperSize::Letter;
    settings.presentationScale = 2.0f;
    settings.presentFullscreen = false;
    settings.recentModels.remember("/models/back.glb");
    settings.recentModels.remember("/models/with \"quotes\" and \\ backslash.obj");
    settings.recentScenes.remember("/scenes/psoas.dorsal");
    return settings;
}

}  // namespace

TEST_CASE("recent files are newest first, listed once and at most ten", "[settings]") {
    RecentFileList list;
    for (int i = 0; i < 12; ++i) list.remember("/m/" + std::to_string(i) + ".glb");
    REQUIRE(list.paths().size() == RecentFileList::kMaxRecentFiles);
    CHECK(list.paths().front() == "/m/11.glb");
    CHECK(list.paths().back() == "/m/2.glb");
    // The same file by another spelling moves to the top instead of showing twice.
    list.remember("/m/./x/../5.glb");
    CHECK(list.paths().front() == "/m/5.glb");
    CHECK(std::count(list.paths().begin(), list.paths().end(), "/m/5.glb") == 1);
    CHECK(list.paths().size() == RecentFileList::kMaxRecentFiles);
    list.forget("/m/5.glb");
    CHECK(list.paths().front() == "/m/11.glb");
    // A relative path is remembered as the file it names now.
    list.remember("relative.glb");
    CHECK(list.paths().front() == (std::filesystem::current_path() / "relative.glb").lexically_normal());
}

TEST_CASE("a recent file that is gone is told apart, so that a menu shows it disabled", "[settings]") {
    const std::filesystem::path dir = test::scratchDir("recent_available");
    std::ofstream(dir / "there.dorsal") << "x";
    CHECK(RecentFileList::available(dir / "there.dorsal"));
    CHECK_FALSE(RecentFileList::available(dir / "gone.dorsal"));
    CHECK_FALSE(RecentFileList::available(dir));  // a folder is not a file to open
}

TEST_CASE("settings written as TOML read back the same", "[settings]") {
    const Settings settings = changedSettings();
    const SettingsRead read = parseSettings(settingsToToml(settings), "settings.toml");
    CHECK(read.problem.empty());
    CHECK(read.mayOverwrite);
    CHECK(read.settings == settings);
    CHECK(parseSettings(settingsToToml(Settings{}), "settings.toml").settings == Settings{});
}

TEST_CASE("a broken settings file gives the defaults and one line naming it", "[settings][hostile]") {
    SECTION("not TOML") {
        const SettingsRead read = parseSettings("font_size = = 3\n", "/c/settings.toml");
        CHECK(read.settings == Settings{});
        CHECK(read.problem.starts_with("/c/settings.toml:1: not valid TOML ("));
        CHECK(read.problem.ends_with("; using the defaults"));
        CHECK(read.mayOverwrite);
    }
    SECTION("values of the wrong kind keep their defaults, the rest is read") {
        const SettingsRead read =
            parseSettings("font_size = \"big\"\npaper = \"a3\"\n[presentation]\ntext_scale = nan\n"
                          "[recent]\nmodels = [\"/a.glb\", 3, \"\"]\nscenes = 7\n",
                          "s.toml");
        CHECK(read.settings.fontSize == Settings::kDefaultFontSize);
        CHECK(read.settings.paper == PaperSize::A4);
        CHECK(read.settings.presentationScale == Settings::kDefaultPresentationScale);
        CHECK(read.settings.recentModels.paths() == std::vector<std::filesystem::path>{"/a.glb"});
        CHECK(read.problem ==
              "s.toml: ignored font_size, paper, presentation.text_scale, recent.scenes (a value of the wrong kind); "
              "using the default there");
    }
    SECTION("sizes out of range are brought into range") {
        CHECK(parseSettings("font_size = 1000", "s").settings.fontSize == Settings::kMaxFontSize);
        CHECK(parseSettings("font_size = -4", "s").settings.fontSize == Settings::kMinFontSize);
        CHECK(parseSettings("[presentation]\ntext_scale = 99", "s").settings.presentationScale ==
              Settings::kMaxPresentationScale);
    }
    SECTION("deep nesting is refused before the parser sees it") {
        std::string deep = "a = ";
        for (int i = 0; i < 10000; ++i) deep += "[";
        const SettingsRead read = parseSettings(deep, "s.toml");
        CHECK(read.settings == Settings{});
        CHECK(read.problem.find("nested") != std::string::npos);
    }
    SECTION("unknown keys are ignored silently") {
        const SettingsRead read = parseSettings("version = 1\ncolour_theme = \"dark\"\nfont_size = 20\n", "s");
        CHECK(read.problem.empty());
        CHECK(read.settings.fontSize == 20.0f);
    }
}

TEST_CASE("a settings file of a newer version is used as defaults and never overwritten", "[settings][hostile]") {
    const std::filesystem::path dir = test::scratchDir("settings_newer");
    const std::string newer = "version = 2\nfont_size = 30\n[whatever_v2_has]\nx = 1\n";
    writeText(dir / "settings.toml", newer);
    SettingsFile file(dir);
    const std::string problem = file.load();
    CHECK(problem == (dir / "settings.toml").string() +
                         " is from a newer Dorsal (settings version 2); using the defaults and leaving the file as it is");
    CHECK(file.settings() == Settings{});
    Settings bigger = file.settings();
    bigger.fontSize = 20.0f;
    CHECK(file.change(bigger).starts_with("settings not saved: "));
    CHECK(file.settings().fontSize == 20.0f);  // for this session all the same
    CHECK(readText(dir / "settings.toml") == newer);
    bigger.fontSize = 24.0f;
    CHECK(file.change(bigger).empty());  // said once
}

TEST_CASE("settings are saved when they change and read back by the next run", "[settings]") {
    const std::filesystem::path dir = test::scratchDir("settings_saved") / "not" / "yet" / "dorsal";
    SettingsFile first(dir);
    CHECK(first.load().empty());  // no file yet: the first run
    CHECK(first.settings() == Settings{});
    CHECK(first.change(first.settings()).empty());
    CHECK_FALSE(std::filesystem::exists(dir));  // nothing changed, nothing written
    CHECK(first.change(changedSettings()).empty());
    CHECK(std::filesystem::is_regular_file(dir / "settings.toml"));
    // Only the file: the atomic write leaves no temporary file beside it.
    CHECK(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()) == 1);

    SettingsFile second(dir);
    CHECK(second.load().empty());
    CHECK(second.settings() == changedSettings());
}

TEST_CASE("settings that cannot be read or saved never stop Dorsal", "[settings][hostile]") {
    const std::filesystem::path root = test::scratchDir("settings_hostile");
    Settings changed;
    changed.fontSize = 20.0f;

    SECTION("a corrupt file: defaults, and the next change replaces it") {
        constexpr char kCorrupt[] = "font_size = 2\0\xff\xfe garbage [[[";  // a NUL and bytes that are not UTF-8
        writeText(root / "settings.toml", std::string(kCorrupt, sizeof kCorrupt - 1));
        SettingsFile file(root);
        CHECK_FALSE(file.load().empty());
        CHECK(file.settings() == Settings{});
        CHECK(file.change(changed).empty());
        SettingsFile again(root);
        CHECK(again.load().empty());
        CHECK(again.settings().fontSize == 20.0f);
    }
    SECTION("a file where the folder should be") {
        writeText(root / "dorsal", "I am a file");
        SettingsFile file(root / "dorsal");
        CHECK(file.load().empty());  // as if there were no settings yet
        const std::string problem = file.change(changed);
        CHECK(problem.starts_with("settings not saved: " + (root / "dorsal").string()));
        CHECK(file.change(Settings{}).empty());  // said once
        CHECK(readText(root / "dorsal") == "I am a file");
    }
    SECTION("a folder where the file should be, and a named pipe") {
        std::filesystem::create_directories(root / "a" / "settings.toml");
        SettingsFile folder(root / "a");
        CHECK(folder.load() == (root / "a" / "settings.toml").string() + ": not a file; using the defaults");
        CHECK_FALSE(folder.change(changed).empty());
        std::filesystem::create_directories(root / "b");
        REQUIRE(::mkfifo((root / "b" / "settings.toml").c_str(), 0600) == 0);
        SettingsFile fifo(root / "b");
        CHECK(fifo.load() == (root / "b" / "settings.toml").string() + ": not a file; using the defaults");
        CHECK_FALSE(fifo.change(changed).empty());
        CHECK(std::filesystem::is_fifo(root / "b" / "settings.toml"));
    }
    SECTION("a settings file linked from a dotfiles folder is written where it lives, keeping the link") {
        std::filesystem::create_directories(root / "dotfiles");
        std::filesystem::create_directories(root / "config");
        writeText(root / "dotfiles" / "settings.toml", "font_size = 18\n");
        std::filesystem::create_symlink(root / "dotfiles" / "settings.toml", root / "config" / "settings.toml");
        SettingsFile file(root / "config");
        CHECK(file.load().empty());
        CHECK(file.settings().fontSize == 18.0f);
        CHECK(file.change(changed).empty());
        CHECK(std::filesystem::is_symlink(root / "config" / "settings.toml"));
        CHECK(readText(root / "dotfiles" / "settings.toml") == settingsToToml(changed));
    }
    SECTION("a huge file is not read") {
        writeText(root / "settings.toml", std::string(2 << 20, '#'));
        SettingsFile file(root);
        CHECK(file.load() == (root / "settings.toml").string() + ": too large to be a settings file; using the defaults");
    }
    SECTION("a folder that cannot be written") {
        // As root, permissions do not stop writing: /proc takes no new folders from anyone.
        std::filesystem::path folder = root / "readonly";
        std::filesystem::create_directories(folder);
        std::filesystem::permissions(folder, std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
        if (::access(folder.c_str(), W_OK) == 0) folder = "/proc/dorsal-test";
        SettingsFile file(folder / "dorsal");
        CHECK(file.load().empty());
        CHECK(file.change(changed).starts_with("settings not saved: "));
        CHECK(file.settings().fontSize == 20.0f);
        std::filesystem::permissions(root / "readonly", std::filesystem::perms::owner_all);
    }
}

TEST_CASE("the settings folder follows XDG_CONFIG_HOME, else HOME", "[settings]") {
    {
        test::ScopedEnvironment xdg("XDG_CONFIG_HOME", "/x/config");
        CHECK(SettingsFile::defaultFolder() == "/x/config/dorsal");
    }
    {
        // A relative XDG_CONFIG_HOME is invalid by the XDG rule and ignored.
        test::ScopedEnvironment xdg("XDG_CONFIG_HOME", "relative");
        test::ScopedEnvironment home("HOME", "/home/me");
        CHECK(SettingsFile::defaultFolder() == "/home/me/.config/dorsal");
    }
    {
        test::ScopedEnvironment xdg("XDG_CONFIG_HOME", nullptr);
        test::ScopedEnvironment home("HOME", nullptr);
        CHECK(SettingsFile::defaultFolder().empty());
        SettingsFile memoryOnly(SettingsFile::defaultFolder());
        CHECK(memoryOnly.load().empty());
        Settings changed;
        changed.paper = PaperSize::Letter;
        CHECK(memoryOnly.change(changed).empty());
        CHECK(memoryOnly.settings().paper == PaperSize::Letter);
    }
}
