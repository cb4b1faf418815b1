#pragma once
// Typesets a handout (core/handout.h) as a printed leaflet: a PDF made with cairo, its text laid
// out and wrapped by pango in DejaVu Sans, flowing over as many pages as it needs, with headings
// kept with what follows them, numbered steps, the pictures with their captions, page numbers and
// a footer with the date.

#include <filesystem>
#include <string>
#include <vector>

#include "core/handout.h"

namespace dorsal {

// The pixel size to render a handout's pictures at (about 200 dpi where they are printed) and the
// UI scale that makes their labels about 9 pt on paper, when the handout has `count` pictures.
struct HandoutPictureSize {
    int width = 0;
    int height = 0;
    float uiScale = 1.0f;
};
HandoutPictureSize handoutPictureSize(PaperSize paper, std::size_t count);

struct TypesetHandout {
    std::string pdf;  // the bytes of the PDF file
    int pages = 0;
};

// Lays `handout` out on `paper`. Pictures of any size are scaled to their place. Throws HandoutError
// when cairo cannot make the PDF.
TypesetHandout typesetHandout(const Handout& handout, PaperSize paper);

// Why `path` cannot name a handout, as a sentence for a message after the path: empty when it ends
// in .pdf (in any case).
std::string handoutPathProblem(const std::filesystem::path& path);

// Throws FileError naming `path` when a handout must not be written there: a name
// handoutPathProblem refuses, or a target checkOutputTarget refuses (`inputs`: what the handout is
// made from, never overwritten). Creates nothing.
void checkHandoutTarget(const std::filesystem::path& path, const std::vector<std::filesystem::path>& inputs);

// Writes the PDF of `handout` to `path`, atomically (core/output_file.h: never half written,
// never through a link). Throws FileError, before typesetting and creating nothing, when
// checkHandoutTarget refuses `path`, or naming the file and the system's reason when it cannot be
// written; HandoutError as typesetHandout.
void writeHandout(const std::filesystem::path& path, const Handout& handout, PaperSize paper,
                  const std::vector<std::filesystem::path>& inputs);

}  // namespace dorsal
