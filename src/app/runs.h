#pragma once
// The ways dorsal runs. Each returns the process exit code.

#include "app/command_line.h"

namespace dorsal {

// Opens the window and runs until it is closed.
int runWindow(const Options& options);
// Renders one frame with no window and writes options.output, and/or saves options.saveScene; exit
// code 1 (and no picture) on error. Throws ImageError or FileError, before rendering and creating
// nothing, for an output checkImageTarget or checkOutputTarget refuses, and SceneError for an
// options.scene that cannot be read.
int runOffscreen(const Options& options);
// Prints the performance figures, one per line as "name: value unit".
int runBench(const Options& options);
// Checks the content (and that it covers the model's muscles); prints each problem; 0 when clean.
int runCheck(const Options& options);
// Prints one entry, named by its id or by a name or nickname search resolves (SearchIndex::
// entryNamed); an unknown one is an error that suggests the closest ids.
int runInfo(const Options& options);
// Prints what search finds for options.query, one result a line as ID<TAB>KIND<TAB>TITLE, best
// first; on stderr, a line for each structure the query names that the atlas lacks. 0 when
// something was found, 1 (with a line suggesting what to try) when nothing was.
int runSearch(const Options& options);
// Prints the keys and mouse actions of the window, as text or (options.markdown) Markdown.
int runKeys(const Options& options);
// Prints what can cause pain at options.place, one line per result; an unknown region, a point
// outside every region or a malformed point is an error.
int runWhere(const Options& options);
// Writes the handout about options.start.select to options.output (a PDF) and says so. Throws
// FileError (before anything slow, creating nothing) for an output checkOutputTarget refuses, and
// HandoutError for an unknown subject or stretch; exit code 1 when the model cannot be loaded.
int runHandout(const Options& options);
// `dorsal import bodyparts3d DIR --output FILE.glb`: imports the folder (core/bodyparts3d_import.h)
// with the built-in names table (and options.names for what it lacks), printing progress and each
// skipped file on stderr and a summary on stdout, and writes the model atomically. Exit code 1 with
// one line when nothing in the folder is usable. Throws FileError (before reading anything) for an
// output checkOutputTarget refuses, BodyParts3dNamesError or NodeNamesError for a bad names file.
int runImport(const Options& options);
// `dorsal settings`: where the settings file is, and the settings in it as the window reads them
// (a problem with the file is one line on stderr; it never fails).
int runSettings(const Options& options);

}  // namespace dorsal
