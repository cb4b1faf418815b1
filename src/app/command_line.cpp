#include "app/command_line.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <sstream>
#include <system_error>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/bodyparts3d_import.h"
#include "core/image.h"
#include "core/scene.h"
#include "core/text.h"
#include "handout/handout_pdf.h"

#ifndef DORSAL_VERSION
#define DORSAL_VERSION "unknown"
#endif

namespace dorsal {

namespace {

constexpr int kMinSide = 16;
constexpr int kMaxSide = 8192;
constexpr int kBenchWidth = 1280;
constexpr int kBenchHeight = 720;

// The commands as bits, so that each option can list those that take it. The main command opens
// the window, or renders the --output picture.
using CommandSet = unsigned;
constexpr CommandSet kMain = 1u << 0;
constexpr CommandSet kBench = 1u << 1;
constexpr CommandSet kCheck = 1u << 2;
constexpr CommandSet kInfo = 1u << 3;
constexpr CommandSet kKeys = 1u << 4;
constexpr CommandSet kWhere = 1u << 5;
constexpr CommandSet kSearch = 1u << 6;
constexpr CommandSet kHandout = 1u << 7;
constexpr CommandSet kSettings = 1u << 8;
constexpr CommandSet kImport = 1u << 9;

// What an argument sets. A positional argument and an option can set the same thing: `dorsal FILE`
// is `dorsal --model FILE`.
enum class Setting {
    Model, Content, EntryId, Output, Report, Resolution, NoUi, Select, View, Isolate, Hide, Xray, NoCutaway,
    NoPainMap, Dim, Layers, Side, Labels, Present, Query, Markdown, Where, Place, Stretches, Note, Paper, Scene,
    SaveScene, Pin, ImportFormat, ImportFolder, Budget, Names
};
constexpr std::size_t kSettingCount = static_cast<std::size_t>(Setting::Names) + 1;  // Names is the last

struct OptionSpec {
    Setting setting;
    std::string name;       // "--model", or a positional argument's name such as "FILE"
    std::string valueName;  // what an option's value is, such as "FILE"; empty for a flag and a positional
    std::string help;
    std::string defaultText;  // shown by --help; empty for none
    CommandSet commands;      // the commands that take it

    bool positional() const { return name.front() != '-'; }
    bool flag() const { return valueName.empty() && !positional(); }
};

constexpr const char* kBuiltInModel = "the built-in back model";
constexpr const char* kBuiltInContent = "the built-in content";

// The one table of the command line: parsing, each command's --help and the defaults shown come
// from it. The defaults themselves are Options' initial values.
const std::vector<OptionSpec>& optionTable() {
    static const std::vector<OptionSpec> table = [] {
        const Options defaults;
        return std::vector<OptionSpec>{
            {Setting::Model, "FILE", "", "Model file to open: the same as --model FILE", "", kMain},
            {Setting::Content, "DIR", "", "Content folder to check: the same as --content DIR", "", kCheck},
            {Setting::EntryId, "ID", "", "Entry id, or a name or nickname of it: psoas_major, lats, QL", "", kInfo},
            {Setting::Query, "QUERY", "",
             "What to look for, in a person's words: lats, \"my lower back hurts\" (several words are one query)", "",
             kSearch},
            {Setting::Place, "PLACE", "",
             "A body region id (lower_back), or a point on the body in the model frame as X,Y,Z (metres)", "", kWhere},
            {Setting::ImportFormat, "FORMAT", "", "What the folder holds: bodyparts3d (the only format so far)", "",
             kImport},
            {Setting::ImportFolder, "DIR", "",
             "The folder of BodyParts3D OBJ or STL files (one structure a file, FMA ids in the names)", "", kImport},
            {Setting::Model, "--model", "FILE", "Model file to open: glTF/GLB, OBJ, STL, PLY or OFF", kBuiltInModel,
             kMain},
            {Setting::Model, "--model", "FILE", "Model to measure", kBuiltInModel, kBench},
            {Setting::Model, "--model", "FILE", "Model whose muscles the content must cover", kBuiltInModel, kCheck},
            {Setting::Model, "--model", "FILE", "Model to draw the handout's pictures with", kBuiltInModel, kHandout},
            {Setting::Content, "--content", "DIR", "Content folder to read; it must exist", kBuiltInContent,
             kMain | kBench | kInfo | kWhere | kSearch | kHandout},
            {Setting::Content, "--content", "DIR", "Content folder to check: the same as DIR; it must exist",
             kBuiltInContent, kCheck},
            {Setting::Output, "--output", "FILE",
             "Render one frame offscreen to this PNG or JPEG file (.png, .jpg, .jpeg) and exit", "", kMain},
            {Setting::Output, "--output", "FILE", "The handout to write: a PDF file (.pdf); required", "", kHandout},
            {Setting::Output, "--output", "FILE", "The model to write: a glTF binary file (.glb); required", "", kImport},
            {Setting::Budget, "--budget", "TRIANGLES",
             "Simplify to at most this many triangles, shared among the structures by their size", "keep all",
             kImport},
            {Setting::Names, "--names", "FILE",
             "Names file (TOML) mapping the model's node names or patterns to Dorsal's node names", "",
             kMain | kCheck},
            {Setting::Names, "--names", "FILE",
             "Names file (TOML) for structures the built-in BodyParts3D table does not know", "", kImport},
            {Setting::Report, "--report", "FILE",
             "With --output: also write what the picture shows, per structure, to this JSON file", "", kMain},
            {Setting::Resolution, "--resolution", "W,H", "Frame size of the --output picture, as WIDTH,HEIGHT",
             std::to_string(defaults.width) + "," + std::to_string(defaults.height), kMain},
            {Setting::Resolution, "--resolution", "W,H", "Frame size to measure, as WIDTH,HEIGHT",
             std::to_string(kBenchWidth) + "," + std::to_string(kBenchHeight), kBench},
            {Setting::NoUi, "--no-ui", "", "Leave the panels out of the picture (--output)", "", kMain},
            {Setting::Select, "--select", "ID",
             "Open this entry at start and highlight it: a muscle (psoas_major, or a name or nickname such as "
             "lats), group, pain pattern, ... or a node name",
             "", kMain},
            {Setting::Select, "--select", "ID",
             "What the handout is about: a muscle, pain pattern, technique or guide (an id, name or nickname: "
             "psoas_major, lats, low_back_pain); required",
             "", kHandout},
            {Setting::Stretches, "--stretches", "LIST",
             "Stretches and exercises to include, comma-separated ids, in this order", "those the entry links to",
             kHandout},
            {Setting::Note, "--note", "TEXT", "The therapist's note to the client, printed near the top", "",
             kHandout},
            {Setting::Paper, "--paper", "NAME", "Paper size: a4 or letter",
             std::string(paperSizeName(defaults.paper)), kHandout},
            {Setting::View, "--view", "NAME",
             "Initial view: anterior, posterior, left, right, superior or oblique; with --select, the side to show "
             "it from (by default the side it is best seen from)",
             std::string(viewPresetName(defaults.view)), kMain},
            {Setting::Isolate, "--isolate", "", "Show only the --select structures", "", kMain},
            {Setting::Hide, "--hide", "LIST",
             "Structures to hide, comma-separated: entry ids (both sides) or node names; may be repeated", "", kMain},
            {Setting::Xray, "--xray", "", "X-ray: all but the highlight (or but the bones) see-through", "", kMain},
            {Setting::NoCutaway, "--no-cutaway", "",
             "Leave solid what covers the highlighted muscles (by default it is see-through)", "", kMain},
            {Setting::NoPainMap, "--no-pain-map", "",
             "Leave out the pain map: where the entry's pain is felt, and its trigger points", "", kMain},
            {Setting::Dim, "--dim", "", "Grey out what is not highlighted", "", kMain},
            {Setting::Layers, "--layers", "LIST",
             "Layers to show, comma-separated: skin, superficial, intermediate, deep, bones", "all", kMain},
            {Setting::Side, "--side", "NAME", "Side to show: left, right or both", "both", kMain},
            {Setting::Labels, "--labels", "",
             "Label the highlighted muscles in the picture (--output; the window has them on)", "", kMain},
            {Setting::Present, "--present", "",
             "Start in presentation mode: full screen, large type, a caption naming what is shown (with --output, "
             "the picture shows this look)",
             "", kMain},
            {Setting::Markdown, "--markdown", "", "As the Markdown table of the README", "", kKeys},
            {Setting::Where, "--where", "LIST",
             "Start in \"where does it hurt?\" with these body regions marked, comma-separated (lower_back)", "",
             kMain},
            {Setting::Pin, "--pin", "X,Y,Z:NOTE",
             "Pin a note to the body at the surface nearest X,Y,Z (model frame, metres); may be repeated", "",
             kMain | kHandout},
            {Setting::Scene, "--scene", "FILE",
             "Open this scene (.dorsal): the model, camera, what is on show, the view and the pins it saved", "",
             kMain},
            {Setting::SaveScene, "--save-scene", "FILE",
             "Save the scene the other options set up to this .dorsal file (with --output too: both)", "", kMain},
        };
    }();
    return table;
}

bool isKnownOptionName(const std::string& name) {
    if (name == "-h" || name == "--help" || name == "--version") return true;
    const std::vector<OptionSpec>& table = optionTable();
    return std::any_of(table.begin(), table.end(), [&](const OptionSpec& spec) { return spec.name == name; });
}

// "W,H" or "WxH" with both sides in range; the error is a sentence for the user.
std::string parseResolution(const std::string& text, int& width, int& height) {
    std::string normalised = text;
    for (char& c : normalised) {
        if (c == 'x' || c == 'X') c = ',';
    }
    std::istringstream in(normalised);
    char comma = 0;
    int w = 0;
    int h = 0;
    if (!(in >> w >> comma >> h) || comma != ',' || !in.eof()) {
        return "--resolution expects WIDTH,HEIGHT in pixels, such as 1280,800; got \"" + printable(text) + "\"";
    }
    if (w < kMinSide || h < kMinSide || w > kMaxSide || h > kMaxSide) {
        return "--resolution " + printable(text) + " is out of range: each side must be between " +
               std::to_string(kMinSide) + " and " + std::to_string(kMaxSide) + " pixels";
    }
    width = w;
    height = h;
    return {};
}

std::vector<std::string> split(const std::string& list) {
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= list.size()) {
        const std::size_t comma = std::min(list.find(',', start), list.size());
        parts.push_back(list.substr(start, comma - start));
        start = comma + 1;
    }
    return parts;
}

// A word the command `command` (such as "dorsal info") did not expect: what was meant instead.
std::string explainUnexpected(const CLI::App& app, const std::string& command, const std::string& word) {
    const bool isOption = word.size() > 1 && word.front() == '-';
    const std::string name = isOption ? word.substr(0, word.find('=')) : word;
    std::vector<std::string> candidates;  // without their dashes, which typos rarely get wrong
    if (isOption) {
        for (const CLI::Option* option : app.get_options()) {
            for (const std::string& longName : option->get_lnames()) candidates.push_back(longName);
        }
    } else {
        for (const CLI::App* sub : app.get_subcommands({})) candidates.push_back(sub->get_name());
    }
    std::string bare = name;
    bare.erase(0, bare.find_first_not_of('-'));
    const std::string seeHelp = "; see " + command + " --help";
    if (isOption && std::find(candidates.begin(), candidates.end(), bare) != candidates.end()) {
        // CLI11 parses every option the command takes, except after a "--".
        return "unexpected argument " + printable(word) + " after \"--\", which ends the options" + seeHelp;
    }
    if (isOption && isKnownOptionName(name)) return command + " does not take " + name + seeHelp;
    const std::string message = (isOption ? "unknown option " : "unexpected argument ") + printable(word) +
                                (command == "dorsal" ? "" : " for " + command);
    const std::vector<std::string> close = closestMatches(bare, candidates, 1);
    if (close.empty()) return message + seeHelp;
    return message + "; did you mean " + (isOption ? "--" : "") + close.front() + "?";
}

// The CLI11 apps of the main command and of each other command, built from optionTable.
struct CommandLineDefinition {
    CLI::App app{"Dorsal: an interactive 3D atlas of the back and posture muscles.", "dorsal"};
    std::array<std::pair<CommandSet, CLI::App*>, 10> commands{};
    std::vector<std::pair<const OptionSpec*, CLI::Option*>> added;  // each option of each app, with its spec

    CommandLineDefinition() {
        app.set_version_flag("--version", std::string("dorsal ") + DORSAL_VERSION);
        app.get_formatter()->label("SUBCOMMAND", "COMMAND");
        commands = {{{kMain, &app},
                     {kBench, app.add_subcommand("bench", "Measure load and frame times and print them, one per line")},
                     {kCheck, app.add_subcommand("check", "Check the content files and print every problem as "
                                                          "file:line:column")},
                     {kInfo, app.add_subcommand("info", "Print an entry of the knowledge base (a muscle, pain "
                                                        "pattern, ...)")},
                     {kKeys, app.add_subcommand("keys", "Print the keys and mouse actions of the window")},
                     {kWhere, app.add_subcommand("where", "What can cause pain at a place on the body: one line per "
                                                          "result, ID<TAB>KIND<TAB>SCORE<TAB>WHY, best first")},
                     {kSearch, app.add_subcommand("search", "Search the knowledge base as the window does and print "
                                                            "the results, best first")},
                     {kHandout, app.add_subcommand("handout", "Write a client's take-home sheet about a muscle, pain "
                                                              "pattern or technique as a PDF, with its pictures")},
                     {kSettings, app.add_subcommand("settings", "Print where the settings file is and the settings "
                                                                "the window would use")},
                     {kImport, app.add_subcommand("import", "Import a folder of BodyParts3D files as one model (.glb) "
                                                            "that Dorsal opens like its own")}}};
        // After the commands: they would inherit it.
        app.footer("Each command takes the options its help lists: dorsal bench --help, dorsal check --help, "
                   "dorsal handout --help, dorsal import --help, dorsal info --help, dorsal keys --help, dorsal search --help, "
                   "dorsal settings --help, dorsal where --help.");
        app.require_subcommand(0, 1);
        for (const auto& [command, commandApp] : commands) {
            if (command != kMain) commandApp->group("Commands");
            // Unknown words are kept, to be explained for the command they were given to.
            commandApp->allow_extras();
            for (const OptionSpec& spec : optionTable()) {
                if (spec.commands & command) added.emplace_back(&spec, addOption(*commandApp, spec));
            }
        }
    }

    static CLI::Option* addOption(CLI::App& to, const OptionSpec& spec) {
        CLI::Option* option =
            spec.flag() ? to.add_flag(spec.name) : to.add_option(spec.name)->type_name(spec.valueName);
        option->description(spec.help);
        if (!spec.defaultText.empty()) option->default_str(spec.defaultText);
        // Every occurrence is kept so that a repeated option is refused (or, for --hide, added up)
        // rather than silently reduced to one.
        option->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
        if (spec.setting == Setting::EntryId || spec.setting == Setting::Query || spec.setting == Setting::Place ||
            spec.setting == Setting::ImportFormat || spec.setting == Setting::ImportFolder) {
            option->required();
        }
        // `dorsal search lower back pain` is `dorsal search "lower back pain"`.
        if (spec.setting == Setting::Query) option->expected(-1);
        return option;
    }

    // The command given, or the main one.
    std::pair<CommandSet, const CLI::App*> chosen() const {
        for (const auto& [command, commandApp] : commands) {
            if (command != kMain && commandApp->parsed()) return {command, commandApp};
        }
        return {kMain, &app};
    }
};

std::string commandNameOf(const CLI::App& app) {
    return app.get_parent() ? "dorsal " + app.get_name() : std::string("dorsal");
}

// The one-line reason for an error CLI11 threw while parsing.
std::string explainParseError(const CLI::ParseError& error, const CommandLineDefinition& definition) {
    const std::string what = error.what();
    if (dynamic_cast<const CLI::ArgumentMismatch*>(&error)) {
        // "--model: 1 required FILE missing": an option at the end of the line, or with an empty "=".
        const std::string name = what.substr(0, what.find(':'));
        for (const OptionSpec& spec : optionTable()) {
            if (spec.name == name) return name + " needs a value: " + spec.valueName;
        }
    }
    if (dynamic_cast<const CLI::RequiredError*>(&error) && definition.chosen().first == kInfo) {
        return "dorsal info needs an entry ID, such as psoas_major";
    }
    if (dynamic_cast<const CLI::RequiredError*>(&error) && definition.chosen().first == kWhere) {
        return "dorsal where needs a place: a body region such as lower_back, or a point X,Y,Z";
    }
    if (dynamic_cast<const CLI::RequiredError*>(&error) && definition.chosen().first == kImport) {
        return "dorsal import needs a format and a folder: dorsal import bodyparts3d DIR --output FILE.glb";
    }
    if (dynamic_cast<const CLI::RequiredError*>(&error) && definition.chosen().first == kSearch) {
        return "dorsal search needs a QUERY, such as \"lower back pain\"";
    }
    return printable(what);
}

// Words no option of the main command or of the command given took.
std::string checkExtras(const CommandLineDefinition& definition) {
    const CLI::App* chosenApp = definition.chosen().second;
    for (const CLI::App* commandApp : {&definition.app, chosenApp}) {
        std::vector<std::string> extras = commandApp->remaining();
        // CLI11 keeps the "--" that ends the options among the extras.
        extras.erase(std::remove(extras.begin(), extras.end(), "--"), extras.end());
        if (!extras.empty()) return explainUnexpected(*commandApp, commandNameOf(*commandApp), extras.front());
    }
    return {};
}

// One setting as the command line gave it: every value, and the option or argument of each.
struct Given {
    std::vector<std::string> values;
    std::vector<const OptionSpec*> specs;

    bool present() const { return !values.empty(); }
    const std::string& value() const { return values.front(); }
};
using GivenSettings = std::array<Given, kSettingCount>;

bool commandTakes(CommandSet command, const std::string& name) {
    const std::vector<OptionSpec>& table = optionTable();
    return std::any_of(table.begin(), table.end(),
                       [&](const OptionSpec& spec) { return spec.name == name && (spec.commands & command); });
}

// Gathers what each setting was given, refusing options the command does not take, values a
// flag cannot have, empty values, and a setting given twice.
std::string gatherSettings(const CommandLineDefinition& definition, GivenSettings& given) {
    const auto [chosen, chosenApp] = definition.chosen();
    const std::string commandName = commandNameOf(*chosenApp);
    for (const auto& [spec, option] : definition.added) {
        const std::vector<std::string>& values = option->results();
        if (values.empty()) continue;
        // Only the main command's options can come with another command: before its name.
        if (!commandTakes(chosen, spec->name)) {
            if (spec->positional()) {
                return "unexpected argument " + printable(values.front()) + " before " + chosenApp->get_name() +
                       "; see " + commandName + " --help";
            }
            return commandName + " does not take " + spec->name + "; see " + commandName + " --help";
        }
        if (spec->flag()) {
            // "--xray" alone reads as "true"; "--xray=no" would read as the flag being given.
            if (std::any_of(values.begin(), values.end(), [](const std::string& v) { return v != "true"; })) {
                return spec->name + " takes no value";
            }
        } else {
            for (const std::string& value : values) {
                if (value.empty()) {
                    return spec->positional() ? "the " + spec->name + " argument is empty"
                                              : spec->name + " needs a value: " + spec->valueName + ", not \"\"";
                }
                // CLI11 takes the word after an option as its value even when it is another option.
                if (!spec->positional() && value.front() == '-' &&
                    isKnownOptionName(value.substr(0, value.find('=')))) {
                    return spec->name + " needs a value: " + spec->valueName + ", not the option " + printable(value);
                }
            }
        }
        Given& setting = given[static_cast<std::size_t>(spec->setting)];
        setting.values.insert(setting.values.end(), values.begin(), values.end());
        setting.specs.insert(setting.specs.end(), values.size(), spec);
    }
    for (const Given& setting : given) {
        if (setting.values.size() < 2) continue;
        const OptionSpec& spec = *setting.specs.front();
        if (spec.flag() || spec.setting == Setting::Hide || spec.setting == Setting::Query ||
            spec.setting == Setting::Pin) {
            continue;
        }
        const std::string& first = spec.name;
        const auto other = std::find_if(setting.specs.begin(), setting.specs.end(),
                                        [&](const OptionSpec* candidate) { return candidate->name != first; });
        const std::string both = "(" + printable(setting.values[0]) + ", " + printable(setting.values[1]) + ")";
        if (other == setting.specs.end()) return first + " given twice " + both + "; give it once";
        return first + " and " + (*other)->name + " given together " + both + "; they are the same, give one";
    }
    return {};
}

// The content folder must be there when the command line names one.
std::string checkContentFolder(const Given& content) {
    const std::string label = (content.specs.front()->positional() ? "content folder " : "--content ") +
                              printable(content.value());
    std::error_code ec;
    const std::filesystem::file_status status = std::filesystem::status(content.value(), ec);
    if (status.type() == std::filesystem::file_type::not_found) return label + ": no such folder";
    if (ec) return label + ": " + ec.message();
    if (status.type() != std::filesystem::file_type::directory) return label + ": not a folder";
    return {};
}

std::string readView(const std::string& name, ViewPreset& view) {
    const std::optional<ViewPreset> preset = viewPresetFromName(name);
    if (preset) {
        view = *preset;
        return {};
    }
    std::vector<std::string> names;
    for (ViewPreset p : {ViewPreset::Anterior, ViewPreset::Posterior, ViewPreset::Left, ViewPreset::Right,
                         ViewPreset::Superior, ViewPreset::Oblique}) {
        names.emplace_back(viewPresetName(p));
    }
    const std::vector<std::string> close = closestMatches(name, names, 1);
    return "unknown view \"" + printable(name) + "\"" + (close.empty() ? "" : "; did you mean " + close.front() + "?") +
           " (anterior, posterior, left, right, superior, oblique)";
}

std::string readLayers(const std::string& list, std::array<bool, kPeelableStrata>& shown) {
    shown.fill(false);
    for (const std::string& name : split(list)) {
        const std::optional<Stratum> stratum = stratumFromName(name);
        if (!stratum) {
            const std::vector<std::string> close =
                closestMatches(name, {"skin", "superficial", "intermediate", "deep", "bones"}, 1);
            return "unknown layer \"" + printable(name) + "\" in --layers" +
                   (close.empty() ? "" : "; did you mean " + close.front() + "?") +
                   " (skin, superficial, intermediate, deep, bones)";
        }
        shown[static_cast<std::size_t>(*stratum)] = true;
    }
    return {};
}

// Why `path` cannot be the model an import writes ("" when it can): it must end in .glb.
std::string importPathProblem(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".glb" ? std::string() : "an imported model is written as glTF binary; give a file name ending in .glb";
}

// A positive whole number of triangles, read as the window reads it; the error is a sentence for the user.
std::string readBudget(const std::string& text, std::optional<std::size_t>& budget) {
    budget = readTriangleBudget(text);
    if (!budget) return "--budget expects a number of triangles above 0, such as 500000; got \"" + printable(text) + "\"";
    return {};
}

// "X,Y,Z:NOTE" (the note may be empty, and may hold colons); the error is a sentence for the user.
std::string readPin(const std::string& text, PinRequest& pin) {
    const std::size_t colon = text.find(':');
    const std::string point = text.substr(0, colon);
    const std::vector<std::string> parts = split(point);
    const std::string expected = "--pin expects X,Y,Z:NOTE, a point in the model frame in metres and a short note, "
                                 "such as 0.05,1.25,-0.1:tender here; got \"" + printable(text) + "\"";
    if (parts.size() != 3) return expected;
    for (int i = 0; i < 3; ++i) {
        const std::string& part = parts[static_cast<std::size_t>(i)];
        float value = 0.0f;
        const auto [end, error] = std::from_chars(part.data(), part.data() + part.size(), value);
        if (part.empty() || error != std::errc() || end != part.data() + part.size() || !std::isfinite(value)) {
            return expected;
        }
        pin.at[i] = value;
    }
    pin.note = colon == std::string::npos ? std::string() : text.substr(colon + 1);
    if (const std::string problem = pinNoteProblem(pin.note); !problem.empty()) return "--pin: the note " + problem;
    return {};
}

// Turns the gathered settings into options for `command`; the error is a sentence for the user.
std::string readOptions(const GivenSettings& given, CommandSet command, Options& options) {
    auto get = [&](Setting setting) -> const Given& { return given[static_cast<std::size_t>(setting)]; };
    std::string error;
    if (const Given& model = get(Setting::Model); model.present()) {
        options.model = model.value();
        // `dorsal chek` is more likely a mistyped command than a model file of that name.
        const std::vector<std::string> close =
            closestMatches(model.value(), {"bench", "check", "handout", "import", "info", "keys", "search", "settings", "where"}, 1);
        std::error_code ec;
        if (model.specs.front()->positional() && !close.empty() && !std::filesystem::exists(options.model, ec)) {
            return "unknown command " + printable(model.value()) + "; did you mean " + close.front() + "?";
        }
    }
    if (const Given& content = get(Setting::Content); content.present()) {
        if (!(error = checkContentFolder(content)).empty()) return error;
        options.contentDir = content.value();
    }
    if (get(Setting::EntryId).present()) options.infoId = get(Setting::EntryId).value();
    for (const std::string& word : get(Setting::Query).values) appendWord(options.query, word);
    if (const Given& output = get(Setting::Output); output.present()) {
        options.output = output.value();
        const std::string reason = command == kHandout  ? handoutPathProblem(options.output)
                                   : command == kImport ? importPathProblem(options.output)
                                                        : unsupportedImageTypeReason(options.output);
        if (!reason.empty()) return "--output " + printable(output.value()) + ": " + reason;
    }
    if (const Given& report = get(Setting::Report); report.present()) {
        if (options.output.empty()) return "--report needs --output: it tells what that picture shows";
        options.report = report.value();
        std::error_code ec;
        if (options.report == options.output || std::filesystem::equivalent(options.report, options.output, ec)) {
            return "--report and --output name the same file; give the report its own name, such as report.json";
        }
    }
    if (const Given& resolution = get(Setting::Resolution); resolution.present()) {
        if (!(error = parseResolution(resolution.value(), options.width, options.height)).empty()) return error;
    } else if (command == kBench) {
        options.width = kBenchWidth;
        options.height = kBenchHeight;
    }
    StartView& start = options.start;
    if (get(Setting::Select).present()) start.select = get(Setting::Select).value();
    if (const Given& view = get(Setting::View); view.present()) {
        if (!(error = readView(view.value(), options.view)).empty()) return error;
        start.view = options.view;
    }
    if (get(Setting::Place).present()) options.place = get(Setting::Place).value();
    for (const std::string& list : get(Setting::Where).values) {
        for (const std::string& name : split(list)) {
            if (name.empty()) return "--where \"" + printable(list) + "\" has an empty name; separate regions with one comma";
            start.where.push_back(name);
        }
    }
    for (const std::string& list : get(Setting::Hide).values) {
        for (const std::string& name : split(list)) {
            if (name.empty()) {
                return "--hide \"" + printable(list) + "\" has an empty name; separate names with one comma";
            }
            start.hide.push_back(name);
        }
    }
    if (const Given& layers = get(Setting::Layers); layers.present()) {
        if (!(error = readLayers(layers.value(), start.strataShown)).empty()) return error;
    }
    if (const Given& side = get(Setting::Side); side.present()) {
        const std::optional<SideShown> sideShown = sideShownFromName(side.value());
        if (!sideShown) return "unknown side \"" + printable(side.value()) + "\" for --side; use left, right or both";
        start.side = *sideShown;
    }
    for (const std::string& text : get(Setting::Pin).values) {
        PinRequest pin;
        if (!(error = readPin(text, pin)).empty()) return error;
        start.pins.push_back(std::move(pin));
    }
    if (const Given& scene = get(Setting::Scene); scene.present()) {
        // A scene says what is shown; options that would say it too are refused, not mixed in.
        for (const Setting other : {Setting::Model, Setting::Select, Setting::View, Setting::Isolate, Setting::Hide,
                                    Setting::Xray, Setting::NoCutaway, Setting::NoPainMap, Setting::Dim,
                                    Setting::Layers, Setting::Side, Setting::Labels, Setting::Where, Setting::Pin}) {
            if (get(other).present()) {
                return "--scene and " + get(other).specs.front()->name +
                       " given together; the scene says what is shown (its model, view and pins)";
            }
        }
        options.scene = scene.value();
    }
    if (const Given& save = get(Setting::SaveScene); save.present()) {
        options.saveScene = save.value();
        if (!isSceneFileName(options.saveScene)) {
            return "--save-scene " + printable(save.value()) + ": a scene file's name ends in .dorsal, such as " +
                   "scene.dorsal";
        }
        if (options.saveScene == options.report) {
            return "--save-scene and --report name the same file; give the scene its own name";
        }
    }
    options.showUi = !get(Setting::NoUi).present();
    start.isolate = get(Setting::Isolate).present();
    start.xray = get(Setting::Xray).present();
    start.cutaway = !get(Setting::NoCutaway).present();
    start.painMap = !get(Setting::NoPainMap).present();
    start.dimOthers = get(Setting::Dim).present();
    options.markdown = get(Setting::Markdown).present();
    options.present = get(Setting::Present).present();
    if (start.isolate && start.select.empty()) return "--isolate needs --select: what should stay?";
    if (const Given& stretches = get(Setting::Stretches); stretches.present()) {
        options.stretches.emplace();
        for (const std::string& id : split(stretches.value())) {
            if (id.empty()) {
                return "--stretches \"" + printable(stretches.value()) +
                       "\" has an empty id; separate stretch ids with one comma";
            }
            options.stretches->push_back(id);
        }
    }
    if (get(Setting::Note).present()) options.note = get(Setting::Note).value();
    if (const Given& paper = get(Setting::Paper); paper.present()) {
        const std::optional<PaperSize> size = paperSizeFromName(paper.value());
        if (!size) {
            const std::vector<std::string> close = closestMatches(paper.value(), {"a4", "letter"}, 1);
            return "unknown paper \"" + printable(paper.value()) + "\" for --paper" +
                   (close.empty() ? "" : "; did you mean " + close.front() + "?") + " (a4 or letter)";
        }
        options.paper = *size;
    }

    if (const Given& names = get(Setting::Names); names.present()) options.names = names.value();
    if (const Given& budget = get(Setting::Budget); budget.present()) {
        if (!(error = readBudget(budget.value(), options.budget)).empty()) return error;
    }

    if (command == kImport) {
        options.command = Command::Import;
        options.importFormat = get(Setting::ImportFormat).value();
        options.importFolder = get(Setting::ImportFolder).value();
        if (options.importFormat != "bodyparts3d") {
            return "unknown import format \"" + printable(options.importFormat) + "\"; dorsal imports bodyparts3d";
        }
        if (options.output.empty()) return "dorsal import needs --output FILE.glb: where to write the model";
    } else if (command == kCheck) {
        options.command = Command::Check;
    } else if (command == kInfo) {
        options.command = Command::Info;
    } else if (command == kBench) {
        options.command = Command::Bench;
    } else if (command == kKeys) {
        options.command = Command::Keys;
    } else if (command == kWhere) {
        options.command = Command::Where;
    } else if (command == kSearch) {
        options.command = Command::Search;
    } else if (command == kHandout) {
        options.command = Command::Handout;
        if (start.select.empty()) return "dorsal handout needs --select ID: the muscle, pain pattern or technique it is about";
        if (options.output.empty()) return "dorsal handout needs --output FILE.pdf: where to write it";
    } else if (command == kSettings) {
        options.command = Command::Settings;
    } else if (!options.output.empty() || !options.saveScene.empty()) {
        options.command = Command::Offscreen;
        start.labels = get(Setting::Labels).present();  // the window starts with labels on
    } else if (!options.showUi) {
        return "--no-ui only applies to --output and --save-scene; the window always shows its panels";
    } else if (get(Setting::Resolution).present()) {
        return "--resolution only applies to --output, --save-scene and bench; the window takes the size it is given";
    }
    return {};
}

}  // namespace

ParsedCommandLine parseCommandLine(int argc, const char* const* argv) {
    CommandLineDefinition definition;
    ParsedCommandLine result;
    auto fail = [&](const std::string& message) {
        result.exitCode = 2;
        result.textIsError = true;
        result.text = "dorsal: " + message + "\n";
        return result;
    };
    try {
        definition.app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        result.text = definition.app.help();  // the help of the command given, if any
        return result;
    } catch (const CLI::CallForVersion&) {
        result.text = std::string("dorsal ") + DORSAL_VERSION + "\n";
        return result;
    } catch (const CLI::ParseError& error) {
        return fail(explainParseError(error, definition));
    }
    std::string error = checkExtras(definition);
    GivenSettings given;
    if (error.empty()) error = gatherSettings(definition, given);
    Options options;
    if (error.empty()) error = readOptions(given, definition.chosen().first, options);
    if (!error.empty()) return fail(error);
    result.options = options;
    return result;
}

}  // namespace dorsal
