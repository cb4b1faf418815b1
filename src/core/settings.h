#pragma once
// The person's settings (font size, paper size, presentation, recent files), kept between runs in
// $XDG_CONFIG_HOME/dorsal/settings.toml (by default ~/.config/dorsal). Saved whenever they change,
// atomically, so that neither a crash nor a full disk loses or half-writes them. A settings file
// that is missing, unreadable, corrupt or from a newer Dorsal never stops Dorsal: it starts with
// the defaults and says so in one line at most, and a newer file is never overwritten.

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/paper.h"

namespace dorsal {

// Files opened most recently first, without repeats, at most kMaxRecentFiles.
class RecentFileList {
public:
    static constexpr std::size_t kMaxRecentFiles = 10;
    // Puts `path` first (made absolute and normal, so that one file is listed once), dropping the
    // oldest beyond kMaxRecentFiles.
    void remember(const std::filesystem::path& path);
    // Takes `path` out (a file that no longer opens).
    void forget(const std::filesystem::path& path);
    const std::vector<std::filesystem::path>& paths() const { return paths_; }
    bool operator==(const RecentFileList&) const = default;
    // Whether the file `path` is still there to open (a menu shows the others disabled).
    static bool available(const std::filesystem::path& path);

private:
    std::vector<std::filesystem::path> paths_;
};

struct Settings {
    // The size of body text in pixels at a UI scale of 1; headings, titles and labels follow it.
    static constexpr float kDefaultFontSize = 16.0f;
    static constexpr float kMinFontSize = 10.0f;
    static constexpr float kMaxFontSize = 32.0f;
    static constexpr float kFontSizeStep = 2.0f;
    // How much larger labels and captions are in presentation mode.
    static constexpr float kDefaultPresentationScale = 1.5f;
    static constexpr float kMinPresentationScale = 1.0f;
    static constexpr float kMaxPresentationScale = 3.0f;

    float fontSize = kDefaultFontSize;
    PaperSize paper = PaperSize::A4;       // for printed handouts
    float presentationScale = kDefaultPresentationScale;
    bool presentFullscreen = true;         // presentation mode fills the screen (else the window)
    RecentFileList recentModels;
    RecentFileList recentScenes;

    bool operator==(const Settings&) const = default;
    // `size` brought into kMinFontSize..kMaxFontSize (the default for NaN).
    static float clampFontSize(float size);
};

// The version of the settings file this Dorsal writes; a file of a higher one is left alone.
inline constexpr int kSettingsVersion = 1;

// The settings as the TOML text of settings.toml.
std::string settingsToToml(const Settings& settings);

// What reading a settings file gave.
struct SettingsRead {
    Settings settings;        // the defaults where the file is missing, broken or wrong
    std::string problem;      // one line for the user, or empty
    bool mayOverwrite = true; // false for a file of a newer version: it must be left as it is
};

// Reads the text of a settings file called `fileName` (named in the problem). Unknown keys are
// ignored (a later version of the same file version may add some); a value of the wrong type or
// out of range keeps its default and is named in the problem; a syntax error keeps all defaults.
SettingsRead parseSettings(std::string_view text, const std::string& fileName);

// The settings file of this user, and the settings in it.
class SettingsFile {
public:
    // The folder of Dorsal's settings: $XDG_CONFIG_HOME/dorsal when XDG_CONFIG_HOME is an absolute
    // path (the XDG rule), else $HOME/.config/dorsal; empty when neither is set (the settings then
    // live only for the session).
    static std::filesystem::path defaultFolder();

    // Settings kept in `folder`/settings.toml; an empty folder keeps them in memory only. Reads
    // nothing until load().
    explicit SettingsFile(std::filesystem::path folder);

    // Reads the file. Returns a one-line problem for the user, or "" when the file was read or
    // there is none yet. Never throws; the settings are the defaults where it could not be read.
    std::string load();
    const Settings& settings() const { return settings_; }
    // Where the settings are kept, or empty.
    const std::filesystem::path& path() const { return path_; }

    // Takes `settings` and, when they differ from the current ones, saves them (creating the folder
    // when missing). Returns a one-line problem the first time saving fails (a read-only folder, a
    // file where the folder should be, a newer file that must not be overwritten), "" otherwise:
    // later failures are not repeated. The settings are taken either way, for this session. A
    // settings file that is a symbolic link is written where the link points, keeping the link.
    std::string change(const Settings& settings);

private:
    std::filesystem::path path_;
    Settings settings_;
    bool mayOverwrite_ = true;
    bool saveFailureReported_ = false;
};

}  // namespace dorsal
