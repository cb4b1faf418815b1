#include <algorithm>
#include <cstdio>
#include <string>

#include "app/runs.h"
#include "core/commands.h"

namespace dorsal {

int runKeys(const Options& options) {
    if (options.markdown) {
        std::fputs(keyTableMarkdown().c_str(), stdout);
        return 0;
    }
    // Two columns for a terminal: what to press, then what it does.
    std::size_t width = 0;
    for (const MouseAction& action : mouseActions()) width = std::max(width, action.gesture.size());
    for (const CommandInfo& command : commandTable()) width = std::max(width, keysText(command).size());
    const auto row = [&](const std::string& how, std::string_view help) {
        std::printf("  %-*s  %.*s\n", static_cast<int>(width), how.c_str(), static_cast<int>(help.size()), help.data());
    };
    for (const MouseAction& action : mouseActions()) row(std::string(action.gesture), action.help);
    for (const CommandInfo& command : commandTable()) {
        if (!command.keys.empty()) row(keysText(command), command.help);
    }
    return 0;
}

}  // namespace dorsal
