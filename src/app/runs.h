#pragma once
// The three ways dorsal runs. Each returns the process exit code.

#include "app/command_line.h"

namespace dorsal {

// Opens the window and runs until it is closed.
int runWindow(const Options& options);
// Renders one frame with no window and writes options.output; exit code 1 (and no PNG) on error.
int runOffscreen(const Options& options);
// Prints the performance figures, one per line as "name: value unit".
int runBench(const Options& options);

}  // namespace dorsal
