#include <cstdio>

#include "app/runs.h"
#include "core/content.h"
#include "core/data_paths.h"
#include "core/entry_document.h"
#include "core/model_loader.h"
#include "core/text.h"

namespace dorsal {

int runCheck(const Options& options) {
    const std::filesystem::path root = options.contentDir.empty() ? builtInContentPath() : options.contentDir;
    const Content content = loadContent(root);
    std::vector<ContentProblem> problems = content.problems;
    // Without a content folder every model muscle would be "missing": the one problem says it all.
    if (content.folderFound) {
        const std::filesystem::path modelPath = options.model.empty() ? builtInModelPath() : options.model;
        try {
            problems = contentProblemsWithModel(content, muscleIdsOf(loadModel(modelPath)), modelPath.filename().string());
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

int runInfo(const Options& options) {
    const std::filesystem::path root = options.contentDir.empty() ? builtInContentPath() : options.contentDir;
    const Content content = loadContent(root);
    // Safety fails closed: the entry still prints, opening with its warning, but the run fails.
    if (content.safety.failure) std::fprintf(stderr, "dorsal: %s\n", content.safety.failure->format().c_str());
    const std::optional<EntryDocument> document = describeEntry(content, options.infoId);
    if (!document) {
        const std::vector<std::string> close = closestMatches(options.infoId, content.allIds(), 3);
        std::string message = "dorsal: no entry with id \"" + printable(options.infoId, 80) + "\"";
        for (std::size_t i = 0; i < close.size(); ++i) message += (i ? ", " : "; did you mean ") + close[i];
        std::fprintf(stderr, "%s%s\n", message.c_str(), close.empty() ? "" : "?");
        return 1;
    }
    std::fputs(toPlainText(*document).c_str(), stdout);
    return content.safety.failure ? 1 : 0;
}

}  // namespace dorsal
