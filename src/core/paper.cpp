#include "core/paper.h"

#include <cctype>
#include <string>

namespace dorsal {

std::optional<PaperSize> paperSizeFromName(std::string_view name) {
    std::string lower(name);
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "a4") return PaperSize::A4;
    if (lower == "letter") return PaperSize::Letter;
    return std::nullopt;
}

std::string_view paperSizeName(PaperSize paper) { return paper == PaperSize::A4 ? "a4" : "letter"; }

}  // namespace dorsal
