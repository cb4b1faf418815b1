#include "core/settings.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <system_error>

#include <toml++/toml.h>

#include "core/output_file.h"
#include "core/small_file.h"
#include "core/text.h"
#include "core/toml_precheck.h"

namespace dorsal {

namespace {

constexpr const char* kFileName = "settings.toml";
// A settings file is a few hundred bytes; anything this large is not one.
constexpr std::uintmax_t kMaxSettingsBytes = 1 << 20;
constexpr int kMaxSettingsNesting = 8;

std::string tomlString(const std::string& text) {
    std::ostringstream out;
    out << toml::value<std::string>(text);
    return out.str();
}

void writePaths(std::ostringstream& out, std::string_view key, const RecentFileList& list) {
    out << key << " = [";
    for (std::size_t i = 0; i < list.paths().size(); ++i) {
        out << (i == 0 ? "\n  " : ",\n  ") << tomlString(list.paths()[i].string());
    }
    out << (list.paths().empty() ? "]\n" : ",\n]\n");
}

// Reads the settings from a parsed file, naming the keys it had to ignore in `wrong`.
void readTable(const toml::table& table, Settings& settings, std::vector<std::string>& wrong) {
    if (const toml::node* node = table.get("font_size")) {
        const std::optional<double> size = node->value<double>();
        if (size && std::isfinite(*size)) {
            settings.fontSize = Settings::clampFontSize(static_cast<float>(*size));
        } else {
            wrong.emplace_back("font_size");
        }
    }
    if (const toml::node* node = table.get("paper")) {
        const std::optional<std::string> name = node->value<std::string>();
        const std::optional<PaperSize> paper = name ? paperSizeFromName(*name) : std::nullopt;
        if (paper) {
            settings.paper = *paper;
        } else {
            wrong.emplace_back("paper");
        }
    }
    if (const toml::table* presentation = table.get_as<toml::table>("presentation")) {
        if (const toml::node* node = presentation->get("text_scale")) {
            const std::optional<double> scale = node->value<double>();
            if (scale && std::isfinite(*scale)) {
                settings.presentationScale = std::clamp(static_cast<float>(*scale), Settings::kMinPresentationScale,
                                                        Settings::kMaxPresentationScale);
            } else {
                wrong.emplace_back("presentation.text_scale");
            }
        }
        if (const toml::node* node = presentation->get("fullscreen")) {
            if (const std::optional<bool> on = node->value<bool>()) {
                settings.presentFullscreen = *on;
            } else {
                wrong.emplace_back("presentation.fullscreen");
            }
        }
    }
    if (const toml::table* recent = table.get_as<toml::table>("recent")) {
        for (const auto& [key, list] : {std::pair{"models", &settings.recentModels},
                                        std::pair{"scenes", &settings.recentScenes}}) {
            const toml::node* node = recent->get(key);
            if (!node) continue;
            const toml::array* paths = node->as_array();
            if (!paths) {
                wrong.push_back(std::string("recent.") + key);
                continue;
            }
            // Listed newest first: remembered oldest first, so that the newest ends up first.
            for (std::size_t i = paths->size(); i-- > 0;) {
                const std::optional<std::string> path = (*paths)[i].value<std::string>();
                if (path && !path->empty() && path->find('\0') == std::string::npos) list->remember(*path);
            }
        }
    }
}

std::string systemMessage(const std::error_code& error) { return error.message(); }

}  // namespace

void RecentFileList::remember(const std::filesystem::path& path) {
    std::error_code ec;
    std::filesystem::path absolute = std::filesystem::absolute(path, ec);
    if (ec) absolute = path;
    absolute = absolute.lexically_normal();
    forget(absolute);
    paths_.insert(paths_.begin(), absolute);
    if (paths_.size() > kMaxRecentFiles) paths_.resize(kMaxRecentFiles);
}

void RecentFileList::forget(const std::filesystem::path& path) {
    std::error_code ec;
    std::filesystem::path absolute = std::filesystem::absolute(path, ec);
    if (ec) absolute = path;
    std::erase(paths_, absolute.lexically_normal());
}

bool RecentFileList::available(const std::filesystem::path& path) {
    std::error_code ec;
    return std::filesystem::is_regular_file(path, ec);
}

float Settings::clampFontSize(float size) {
    if (!std::isfinite(size)) return kDefaultFontSize;
    return std::clamp(size, kMinFontSize, kMaxFontSize);
}

std::string settingsToToml(const Settings& settings) {
    std::ostringstream out;
    out << "# Dorsal's settings. Dorsal rewrites this file whenever a setting changes.\n"
        << "version = " << kSettingsVersion << "\n"
        << "font_size = " << settings.fontSize << "\n"
        << "paper = " << tomlString(std::string(paperSizeName(settings.paper))) << "\n\n"
        << "[presentation]\n"
        << "text_scale = " << settings.presentationScale << "\n"
        << "fullscreen = " << (settings.presentFullscreen ? "true" : "false") << "\n\n"
        << "[recent]\n";
    writePaths(out, "models", settings.recentModels);
    writePaths(out, "scenes", settings.recentScenes);
    return out.str();
}

SettingsRead parseSettings(std::string_view text, const std::string& fileName) {
    SettingsRead read;
    if (const std::optional<TomlRefusal> refusal = precheckToml(text, kMaxSettingsNesting)) {
        read.problem = fileName + ":" + std::to_string(refusal->line) + ": " + refusal->message + "; using the defaults";
        return read;
    }
    toml::table table;
    try {
        table = toml::parse(text, fileName);
    } catch (const toml::parse_error& error) {
        read.problem = fileName + ":" + std::to_string(error.source().begin.line) + ": not valid TOML (" +
                       printable(error.description(), 160) + "); using the defaults";
        return read;
    }
    const std::optional<std::int64_t> version = table["version"].value<std::int64_t>();
    if (version && *version > kSettingsVersion) {
        read.problem = fileName + " is from a newer Dorsal (settings version " + std::to_string(*version) +
                       "); using the defaults and leaving the file as it is";
        read.mayOverwrite = false;
        return read;
    }
    std::vector<std::string> wrong;
    readTable(table, read.settings, wrong);
    if (!wrong.empty()) {
        std::string keys;
        for (const std::string& key : wrong) keys += (keys.empty() ? "" : ", ") + key;
        read.problem = fileName + ": ignored " + keys + " (a value of the wrong kind); using the default there";
    }
    return read;
}

std::filesystem::path SettingsFile::defaultFolder() {
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && std::filesystem::path(xdg).is_absolute()) {
        return std::filesystem::path(xdg) / "dorsal";
    }
    if (const char* home = std::getenv("HOME"); home && *home) return std::filesystem::path(home) / ".config" / "dorsal";
    return {};
}

SettingsFile::SettingsFile(std::filesystem::path folder) {
    if (!folder.empty()) path_ = std::move(folder) / kFileName;
}

std::string SettingsFile::load() {
    settings_ = Settings{};
    mayOverwrite_ = true;
    if (path_.empty()) return {};
    std::error_code ec;
    const std::filesystem::file_status status = std::filesystem::status(path_, ec);
    if (status.type() == std::filesystem::file_type::not_found) return {};  // the first run
    if (ec && ec != std::errc::no_such_file_or_directory) {
        return path_.string() + ": cannot be read: " + systemMessage(ec) + "; using the defaults";
    }
    if (ec) return {};
    // Never opened unless a regular file: a named pipe would block the start for ever.
    if (status.type() != std::filesystem::file_type::regular) {
        mayOverwrite_ = false;
        return path_.string() + ": not a file; using the defaults";
    }
    const SmallFileRead file = readSmallFile(path_, kMaxSettingsBytes);
    switch (file.problem) {
        case SmallFileRead::Problem::None: break;
        case SmallFileRead::Problem::Unreadable:
            return path_.string() + ": cannot be read: " + file.reason + "; using the defaults";
        case SmallFileRead::Problem::NotRegular:
            mayOverwrite_ = false;
            return path_.string() + ": not a file; using the defaults";
        case SmallFileRead::Problem::TooLarge:
            mayOverwrite_ = false;
            return path_.string() + ": too large to be a settings file; using the defaults";
    }
    SettingsRead read = parseSettings(file.text, path_.string());
    settings_ = std::move(read.settings);
    mayOverwrite_ = read.mayOverwrite;
    return read.problem;
}

std::string SettingsFile::change(const Settings& settings) {
    if (settings == settings_) return {};
    settings_ = settings;
    if (path_.empty()) return {};
    std::string problem;
    if (!mayOverwrite_) {
        problem = "settings not saved: " + path_.string() + " is not Dorsal's to overwrite (see the message at start)";
    } else {
        std::error_code ec;
        // A settings file linked from elsewhere (a dotfiles folder) is written where it lives, so
        // that the link stays.
        std::filesystem::path target = path_;
        if (std::filesystem::is_symlink(path_, ec)) target = std::filesystem::weakly_canonical(path_, ec);
        std::filesystem::create_directories(target.parent_path(), ec);
        try {
            if (ec) throw FileError(target.parent_path().string() + ": cannot create the folder: " + systemMessage(ec));
            writeFileAtomically(target, settingsToToml(settings_));
            return {};
        } catch (const FileError& error) {
            problem = std::string("settings not saved: ") + error.what();
        }
    }
    if (std::exchange(saveFailureReported_, true)) return {};
    return problem;
}

}  // namespace dorsal
