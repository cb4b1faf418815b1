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
    Content content = loadContent(root);
    const std::filesystem::path modelPath = options.model.empty() ? builtInModelPath() : options.model;
    try {
        checkAgainstModelMuscles(content, muscleIdsOf(loadModel(modelPath)), modelPath.filename().string());
    } catch (const ModelLoadError& error) {
        content.problems.push_back({{modelPath.string(), 1, 1}, error.cause() + "; muscle coverage not checked", false});
    }
    for (const ContentProblem& problem : content.problems) std::printf("%s\n", problem.format().c_str());
    const std::size_t entries = content.muscles.size() + content.groups.size() + content.pains.size() +
                                content.techniques.size() + content.stretches.size() + content.guides.size() +
                                content.regions.size() + content.safety.redFlags.size() +
                                content.safety.contraindications.size();
    if (content.problems.empty()) {
        std::printf("%s: %zu entries, no problems\n", root.string().c_str(), entries);
        return 0;
    }
    std::fprintf(stderr, "%s: %zu problem%s\n", root.string().c_str(), content.problems.size(),
                 content.problems.size() == 1 ? "" : "s");
    return 1;
}

int runInfo(const Options& options) {
    const std::filesystem::path root = options.contentDir.empty() ? builtInContentPath() : options.contentDir;
    const Content content = loadContent(root);
    const std::optional<EntryDocument> document = describeEntry(content, options.infoId);
    if (!document) {
        const std::vector<std::string> close = closestMatches(options.infoId, content.allIds(), 3);
        std::string message = "dorsal: no entry with id \"" + options.infoId + "\"";
        for (std::size_t i = 0; i < close.size(); ++i) message += (i ? ", " : "; did you mean ") + close[i];
        std::fprintf(stderr, "%s%s\n", message.c_str(), close.empty() ? "" : "?");
        return 1;
    }
    std::fputs(toPlainText(*document).c_str(), stdout);
    return 0;
}

}  // namespace dorsal
