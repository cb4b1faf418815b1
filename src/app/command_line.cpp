#include "app/command_line.h"

#include <sstream>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/text.h"

#ifndef DORSAL_VERSION
#define DORSAL_VERSION "unknown"
#endif

namespace dorsal {

namespace {

constexpr int kMinSide = 16;
constexpr int kMaxSide = 8192;

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
        return "--resolution expects WIDTH,HEIGHT in pixels, such as 1280,800; got \"" + text + "\"";
    }
    if (w < kMinSide || h < kMinSide || w > kMaxSide || h > kMaxSide) {
        return "--resolution " + text + " is out of range: each side must be between " + std::to_string(kMinSide) +
               " and " + std::to_string(kMaxSide) + " pixels";
    }
    width = w;
    height = h;
    return {};
}

std::vector<std::string> optionNames(const CLI::App& app) {
    std::vector<std::string> names;
    for (const CLI::Option* option : app.get_options()) {
        for (const std::string& name : option->get_lnames()) names.push_back("--" + name);
    }
    for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
    return names;
}

// CLI11 says "The following arguments were not expected: --foo"; say what was meant instead.
std::string explainUnexpected(const CLI::App& app, const std::vector<std::string>& unexpected) {
    const std::string& word = unexpected.front();
    std::string message = (word.rfind("-", 0) == 0 ? "unknown option " : "unexpected argument ") + word;
    std::string bare = word;
    while (!bare.empty() && bare.front() == '-') bare.erase(bare.begin());
    std::vector<std::string> candidates = optionNames(app);
    std::vector<std::string> bareCandidates;
    for (const std::string& c : candidates) bareCandidates.push_back(c.rfind("--", 0) == 0 ? c.substr(2) : c);
    const std::vector<std::string> close = closestMatches(bare, bareCandidates, 1);
    if (!close.empty()) {
        for (std::size_t i = 0; i < bareCandidates.size(); ++i) {
            if (bareCandidates[i] == close.front()) message += "; did you mean " + candidates[i] + "?";
        }
    } else {
        message += "; see dorsal --help";
    }
    return message;
}

}  // namespace

ParsedCommandLine parseCommandLine(int argc, const char* const* argv) {
    Options options;
    std::string resolution;
    std::string view = std::string(viewPresetName(options.view));

    CLI::App app{"Dorsal: an interactive 3D atlas of the back and posture muscles.", "dorsal"};
    app.set_version_flag("--version", std::string("dorsal ") + DORSAL_VERSION);
    app.add_option("--model", options.model, "Model file to open (glTF/GLB, OBJ, FBX, STL, PLY, ...)")
        ->default_str("the built-in back model");
    app.add_option("--output", options.output, "Render one frame offscreen to this PNG file and exit");
    app.add_option("--resolution", resolution, "Frame size for --output and bench, as WIDTH,HEIGHT")
        ->default_str("1280,800");
    bool noUi = false;
    app.add_flag("--no-ui", noUi, "Leave the panels out of the picture (--output)");
    app.add_option("--select", options.start.select,
                   "Open this entry at start and highlight it: a muscle (psoas_major), group, pain pattern, ... "
                   "or a node name");
    app.add_option("--content", options.contentDir, "Content folder to read")->default_str("the built-in content");
    CLI::Option* viewOption =
        app.add_option("--view", view,
                       "Initial view: anterior, posterior, left, right, superior or oblique; with --select, the side "
                       "to show it from (by default the one it is best seen from)")
            ->default_str(view);
    app.add_flag("--isolate", options.start.isolate, "Show only the --select structures");
    app.add_option("--hide", options.start.hide, "Structures to hide, comma-separated: entry ids (both sides) or node names")
        ->delimiter(',');
    app.add_flag("--xray", options.start.xray, "X-ray: all but the highlight (or but the bones) see-through");
    bool noCutaway = false;
    app.add_flag("--no-cutaway", noCutaway,
                 "Leave solid what covers the highlighted muscles (by default it is see-through)");
    app.add_flag("--dim", options.start.dimOthers, "Grey out what is not highlighted");
    std::string layers;
    app.add_option("--layers", layers, "Layers to show, comma-separated: skin, superficial, intermediate, deep, bones")
        ->default_str("all");
    std::string side = "both";
    app.add_option("--side", side, "Side to show: left, right or both")->default_str(side);
    bool labels = false;
    app.add_flag("--labels", labels, "Label the highlighted muscles in the picture (--output; the window has them on)");
    CLI::App* bench = app.add_subcommand("bench", "Measure load and frame times and print them, one per line");
    bench->add_option("--model", options.model, "Model to measure")->default_str("the built-in back model");
    CLI::App* check = app.add_subcommand("check", "Check the content files and print every problem as file:line:column");
    check->add_option("DIR", options.contentDir, "Content folder")->default_str("the built-in content");
    check->add_option("--model", options.model, "Model whose muscles the content must cover")
        ->default_str("the built-in back model");
    CLI::App* info = app.add_subcommand("info", "Print an entry of the knowledge base (a muscle, pain pattern, ...)");
    info->add_option("ID", options.infoId, "Entry id, such as psoas_major")->required();
    CLI::App* keys = app.add_subcommand("keys", "Print the keys and mouse actions of the window");
    keys->add_flag("--markdown", options.markdown, "As the Markdown table of the README");
    app.require_subcommand(0, 1);

    ParsedCommandLine result;
    try {
        app.allow_extras(false);
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        result.text = app.help();
        return result;
    } catch (const CLI::CallForVersion&) {
        result.text = std::string("dorsal ") + DORSAL_VERSION + "\n";
        return result;
    } catch (const CLI::ExtrasError&) {
        result.exitCode = 2;
        result.textIsError = true;
        result.text = "dorsal: " + explainUnexpected(app, app.remaining()) + "\n";
        return result;
    } catch (const CLI::ParseError& error) {
        result.exitCode = 2;
        result.textIsError = true;
        result.text = std::string("dorsal: ") + error.what() + "\n";
        return result;
    }

    auto fail = [&](const std::string& message) {
        result.exitCode = 2;
        result.textIsError = true;
        result.text = "dorsal: " + message + "\n";
        return result;
    };
    if (!resolution.empty()) {
        const std::string error = parseResolution(resolution, options.width, options.height);
        if (!error.empty()) return fail(error);
    }
    const std::optional<ViewPreset> preset = viewPresetFromName(view);
    if (!preset) {
        std::vector<std::string> names;
        for (ViewPreset p : {ViewPreset::Anterior, ViewPreset::Posterior, ViewPreset::Left, ViewPreset::Right,
                             ViewPreset::Superior, ViewPreset::Oblique}) {
            names.emplace_back(viewPresetName(p));
        }
        const std::vector<std::string> close = closestMatches(view, names, 1);
        return fail("unknown view \"" + view + "\"" + (close.empty() ? "" : "; did you mean " + close.front() + "?") +
                    " (anterior, posterior, left, right, superior, oblique)");
    }
    options.view = *preset;
    if (viewOption->count() > 0) options.start.view = *preset;
    options.showUi = !noUi;
    options.start.cutaway = !noCutaway;
    if (!layers.empty()) {
        options.start.strataShown.fill(false);
        std::size_t start = 0;
        while (start <= layers.size()) {
            const std::size_t comma = std::min(layers.find(',', start), layers.size());
            const std::string name = layers.substr(start, comma - start);
            const std::optional<Stratum> stratum = stratumFromName(name);
            if (!stratum) {
                const std::vector<std::string> close =
                    closestMatches(name, {"skin", "superficial", "intermediate", "deep", "bones"}, 1);
                return fail("unknown layer \"" + name + "\" in --layers" +
                            (close.empty() ? "" : "; did you mean " + close.front() + "?") +
                            " (skin, superficial, intermediate, deep, bones)");
            }
            options.start.strataShown[static_cast<std::size_t>(*stratum)] = true;
            start = comma + 1;
        }
    }
    const std::optional<SideShown> sideShown = sideShownFromName(side);
    if (!sideShown) return fail("unknown side \"" + side + "\" for --side; use left, right or both");
    options.start.side = *sideShown;
    if (options.start.isolate && options.start.select.empty()) return fail("--isolate needs --select: what should stay?");
    if (check->parsed()) {
        options.command = Command::Check;
    } else if (info->parsed()) {
        options.command = Command::Info;
    } else if (keys->parsed()) {
        options.command = Command::Keys;
    } else if (bench->parsed()) {
        options.command = Command::Bench;
        if (resolution.empty()) {
            options.width = 1280;
            options.height = 720;
        }
    } else if (!options.output.empty()) {
        options.command = Command::Offscreen;
        options.start.labels = labels;
    } else if (noUi) {
        return fail("--no-ui only applies to --output; the window always shows its panels");
    }
    result.options = options;
    return result;
}

}  // namespace dorsal
