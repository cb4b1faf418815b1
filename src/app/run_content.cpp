#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <sstream>

#include "app/runs.h"
#include "core/content.h"
#include "core/data_paths.h"
#include "core/entry_document.h"
#include "core/model_loader.h"
#include "core/node_names.h"
#include "core/search.h"
#include "core/text.h"
#include "core/where.h"

namespace dorsal {

namespace {

// `dorsal check --model`: which content muscles the model lacks and which of its drawn nodes stand
// for nothing of the content, each as one line (the list cut short past 30 names).
void printModelCoverage(const Content& content, const Model& model, const std::string& modelName) {
    auto joined = [](const std::vector<std::string>& names) {
        std::string list;
        for (std::size_t i = 0; i < names.size() && i < 30; ++i) list += (i ? ", " : "") + printable(names[i], 80);
        if (names.size() > 30) list += ", and " + std::to_string(names.size() - 30) + " more";
        return list;
    };
    const std::vector<std::string> inModel = muscleIdsOf(model);
    std::vector<std::string> lacking;
    for (const Muscle& muscle : content.muscles) {
        if (!std::binary_search(inModel.begin(), inModel.end(), muscle.id)) lacking.push_back(muscle.id);
    }
    std::vector<std::string> unlinked;
    for (const Node& node : model.nodes) {
        if (node.parts.empty() || node.name == "skin" || node.name.starts_with("bone.")) continue;
        if (node.name.starts_with("muscle.") && content.muscle(contentIdOfNode(node.name))) continue;
        unlinked.push_back(node.name);
    }
    std::printf("%s: has %zu of the content's %zu muscles", modelName.c_str(), content.muscles.size() - lacking.size(),
                content.muscles.size());
    std::printf(lacking.empty() ? "\n" : "; lacks %zu: %s\n", lacking.size(), joined(lacking).c_str());
    if (unlinked.empty()) {
        std::printf("%s: every node links to the content (muscles) or is a bone or the skin\n", modelName.c_str());
    } else {
        std::printf("%s: %zu nodes map to no content id: %s\n", modelName.c_str(), unlinked.size(), joined(unlinked).c_str());
    }
}

}  // namespace

int runCheck(const Options& options) {
    const std::filesystem::path root = options.contentDir.empty() ? builtInContentPath() : options.contentDir;
    // A bad names file fails the check in one line (NodeNamesError), before anything is read.
    const std::optional<NodeNames> names = options.names.empty() ? std::nullopt : std::optional(loadNodeNames(options.names));
    const Content content = loadContent(root);
    std::vector<ContentProblem> problems = content.problems;
    // Without a content folder every model muscle would be "missing": the one problem says it all.
    if (content.folderFound) {
        const std::filesystem::path modelPath = options.model.empty() ? builtInModelPath() : options.model;
        try {
            Model model = loadModel(modelPath);
            if (names) applyNodeNames(model, *names);
            // The coverage of a model the person names; the built-in one's is the problems' business.
            if (!options.model.empty()) printModelCoverage(content, model, printable(modelPath.string()));
            problems = contentProblemsWithModel(content, muscleIdsOf(model), modelPath.filename().string());
        } catch (const ModelLoadError& error) {
            problems.push_back({{modelPath.string(), 1, 1}, error.cause() + "; muscle coverage not checked", false});
        }
    }
    for (const ContentProblem& problem : problems) std::printf("%s\n", problem.format().c_str());
    const std::size_t entries = content.muscles.size() + content.groups.size() + content.pains.size() +
                                content.techniques.size() + content.stretches.size() + content.guides.size() +
                                content.regions.size() + content.safety.redFlags.size() +
                                content.safety.contraindications.size();
    if (problems.empty()) {
        std::printf("%s: %zu entries, no problems\n", root.string().c_str(), entries);
        return 0;
    }
    std::fflush(stdout);  // the problems before their count, also when both go to one file
    std::fprintf(stderr, "%s: %zu problem%s\n", root.string().c_str(), problems.size(), problems.size() == 1 ? "" : "s");
    return 1;
}

namespace {

Content contentOf(const Options& options) {
    const Content content = loadContent(options.contentDir.empty() ? builtInContentPath() : options.contentDir);
    if (content.safety.failure) std::fprintf(stderr, "dorsal: %s\n", content.safety.failure->format().c_str());
    return content;
}

}  // namespace

int runInfo(const Options& options) {
    // Safety fails closed: the entry still prints, opening with its warning, but the run fails.
    const Content content = contentOf(options);
    const std::optional<std::string> id = SearchIndex(content).entryNamed(options.infoId);
    const std::optional<EntryDocument> document = id ? describeEntry(content, *id) : std::nullopt;
    if (!document) {
        const std::vector<std::string> close = closestMatches(options.infoId, content.allIds(), 3);
        std::string message = "dorsal: no entry with the id or name \"" + printable(options.infoId, 80) + "\"";
        for (std::size_t i = 0; i < close.size(); ++i) message += (i ? ", " : "; did you mean ") + close[i];
        std::fprintf(stderr, "%s%s\n", message.c_str(), close.empty() ? "" : "?");
        return 1;
    }
    std::fputs(toPlainText(*document).c_str(), stdout);
    return content.safety.failure ? 1 : 0;
}

namespace {

// "0.05,1.0,-0.08" as a point; nullopt when it is not three numbers separated by commas.
std::optional<glm::vec3> pointFrom(const std::string& text) {
    glm::vec3 point(0.0f);
    std::istringstream in(text);
    char comma1 = 0;
    char comma2 = 0;
    if (!(in >> point.x >> comma1 >> point.y >> comma2 >> point.z) || comma1 != ',' || comma2 != ',') return std::nullopt;
    in >> std::ws;
    if (!in.eof() || !std::isfinite(point.x) || !std::isfinite(point.y) || !std::isfinite(point.z)) return std::nullopt;
    return point;
}

}  // namespace

int runWhere(const Options& options) {
    const Content content = contentOf(options);
    std::string regionId = options.place;
    std::string regionName;
    if (const std::optional<glm::vec3> point = pointFrom(options.place)) {
        const std::optional<RegionOnSide> region = regionAt(content, *point);
        if (!region) {
            std::fprintf(stderr, "dorsal: the point %s lies in no body region; points on or near the skin do "
                                 "(model frame, metres: +X the left, +Y up, +Z the front)\n",
                         printable(options.place, 80).c_str());
            return 1;
        }
        regionId = region->id;
        regionName = regionOnSideName(content, *region);
    } else if (content.region(options.place)) {
        regionName = content.nameOf(options.place);
    } else {
        std::vector<std::string> ids;
        for (const Region& region : content.regions) ids.push_back(region.id);
        const std::vector<std::string> close = closestMatches(options.place, ids, 3);
        std::string message = "dorsal: no body region named \"" + printable(options.place, 80) + "\"";
        for (std::size_t i = 0; i < close.size(); ++i) message += (i ? ", " : "; did you mean ") + close[i];
        std::fprintf(stderr, "%s%s (or give a point as X,Y,Z)\n", message.c_str(), close.empty() ? "" : "?");
        return 1;
    }
    const std::vector<WhereResult> results = whatHurtsIn(content, {regionId});
    std::fprintf(stderr, "%s: what can cause pain here, likeliest first. Education, not diagnosis: dorsal info "
                         "with a pain pattern's id says when to see a clinician.\n",
                 regionName.c_str());
    for (const WhereResult& result : results) {
        std::printf("%s\t%s\t%.2f\t%s\n", result.id.c_str(), std::string(entryKindTag(result.kind)).c_str(), result.score,
                    result.why.c_str());
    }
    if (results.empty()) std::fprintf(stderr, "dorsal: nothing in this atlas is known to cause pain there\n");
    return results.empty() ? 1 : 0;
}

int runSearch(const Options& options) {
    // A search lists names only, so a safety failure is said (by contentOf) but found entries still count.
    const Content content = contentOf(options);
    const SearchAnswer answer = SearchIndex(content).search(options.query);
    for (const SearchResult& r : answer.results) {
        std::printf("%s\t%s\t%s\n", r.id.c_str(), std::string(entryKindTag(r.kind)).c_str(), printable(r.title).c_str());
    }
    std::fflush(stdout);  // the results before the notes, also when both go to one file
    for (const AbsentResult& absent : answer.absent) {
        std::string nearest;
        for (const SearchResult& entry : absent.nearest) {
            if (!nearest.empty()) nearest += ", ";
            nearest += printable(entry.title);
        }
        std::fprintf(stderr, "%s.%s\n", printable(absent.sentence()).c_str(),
                     nearest.empty() ? "" : (" Nearest in the atlas: " + nearest + ".").c_str());
    }
    if (!answer.results.empty()) return 0;
    std::fprintf(stderr,
                 "dorsal: nothing found for \"%s\"; try a muscle (psoas), a nickname (lats), where it hurts "
                 "(my lower back hurts) or a stretch (chin tuck)\n",
                 printable(options.query, 80).c_str());
    return 1;
}

}  // namespace dorsal
