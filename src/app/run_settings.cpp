#include <cstdio>

#include "app/runs.h"
#include "core/settings.h"

namespace dorsal {

int runSettings(const Options&) {
    SettingsFile file(SettingsFile::defaultFolder());
    const std::string problem = file.load();
    if (!problem.empty()) std::fprintf(stderr, "dorsal: %s\n", problem.c_str());
    if (file.path().empty()) {
        std::puts("# No settings file: neither XDG_CONFIG_HOME nor HOME is set; the window keeps settings for the "
                  "session only.");
    } else {
        std::printf("# %s\n", file.path().c_str());
    }
    std::fputs(settingsToToml(file.settings()).c_str(), stdout);
    return 0;
}

}  // namespace dorsal
