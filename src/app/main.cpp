#include <csignal>
#include <cstdio>
#include <exception>

#include "app/command_line.h"
#include "app/runs.h"

int main(int argc, char** argv) {
    // Past a file size limit (ulimit -f) a write then fails with "File too large", which dorsal
    // reports, instead of the signal killing it with half a file written.
    std::signal(SIGXFSZ, SIG_IGN);
    const dorsal::ParsedCommandLine parsed = dorsal::parseCommandLine(argc, argv);
    if (!parsed.options) {
        std::fputs(parsed.text.c_str(), parsed.textIsError ? stderr : stdout);
        return parsed.exitCode;
    }
    try {
        switch (parsed.options->command) {
            case dorsal::Command::Window: return dorsal::runWindow(*parsed.options);
            case dorsal::Command::Offscreen: return dorsal::runOffscreen(*parsed.options);
            case dorsal::Command::Bench: return dorsal::runBench(*parsed.options);
            case dorsal::Command::Check: return dorsal::runCheck(*parsed.options);
            case dorsal::Command::Info: return dorsal::runInfo(*parsed.options);
            case dorsal::Command::Keys: return dorsal::runKeys(*parsed.options);
            case dorsal::Command::Where: return dorsal::runWhere(*parsed.options);
            case dorsal::Command::Search: return dorsal::runSearch(*parsed.options);
            case dorsal::Command::Handout: return dorsal::runHandout(*parsed.options);
            case dorsal::Command::Settings: return dorsal::runSettings(*parsed.options);
            case dorsal::Command::Import: return dorsal::runImport(*parsed.options);
        }
    } catch (const std::exception& error) {
        std::fprintf(stderr, "dorsal: %s\n", error.what());
    }
    return 1;
}
