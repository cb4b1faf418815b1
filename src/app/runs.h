#pragma once
// The three ways dorsal runs. Each returns the process exit code.

#include "app/command_line.h"

namespace dorsal {

// Opens the window and runs until it is closed.
int runWindow(const Options& options);
// Renders one frame with no window and writes options.output; exit code 1 (and no picture) on error.
// Throws ImageError, before rendering and creating nothing, for an output checkImageTarget refuses.
int runOffscreen(const Options& options);
// Prints the performance figures, one per line as "name: value unit".
int runBench(const Options& options);
// Checks the content (and that it covers the model's muscles); prints each problem; 0 when clean.
int runCheck(const Options& options);
// Prints one entry; an unknown id is an error that suggests the closest ids.
int runInfo(const Options& options);
// Prints the keys and mouse actions of the window, as text or (options.markdown) Markdown.
int runKeys(const Options& options);
// Prints what can cause pain at options.place, one line per result; an unknown region, a point
// outside every region or a malformed point is an error.
int runWhere(const Options& options);

}  // namespace dorsal
