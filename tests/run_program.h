#pragma once
// Runs a program through the shell as a person would, for the tests that drive the real dorsal binary.

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace dorsal::test {

struct RunResult {
    int exitCode = -1;   // -1 when the program did not exit normally (a signal)
    std::string output;  // stdout and stderr together
};

// Single-quoted for the shell (the test paths hold no single quotes).
inline std::string shellQuoted(const std::string& s) {
    std::string quoted;
    quoted.append(1, '\'').append(s).append(1, '\'');
    return quoted;
}

// Runs `program` with `args` and waits for it. Its output goes to the file `log` and comes back in
// the result. `environment` goes in front of the command (such as "env -u DISPLAY");
// `workingDirectory`, when not empty, is where it runs.
inline RunResult runProgram(const std::filesystem::path& program, const std::vector<std::string>& args,
                            const std::filesystem::path& log, const std::string& environment = "",
                            const std::filesystem::path& workingDirectory = {}) {
    std::string command;
    if (!workingDirectory.empty()) command = "cd " + shellQuoted(workingDirectory.string()) + " && ";
    command += environment + " " + shellQuoted(program.string());
    for (const std::string& arg : args) command.append(" ").append(shellQuoted(arg));
    command += " > " + shellQuoted(log.string()) + " 2>&1";
    const int status = std::system(command.c_str());
    RunResult result;
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::ifstream in(log);
    std::stringstream text;
    text << in.rdbuf();
    result.output = text.str();
    return result;
}

}  // namespace dorsal::test
