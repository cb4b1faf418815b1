#pragma once
// The paper a handout is printed on (a setting, and `dorsal handout --paper`).

#include <optional>
#include <string_view>

namespace dorsal {

enum class PaperSize { A4, Letter };

// "a4" or "letter", ignoring case; nullopt for any other name.
std::optional<PaperSize> paperSizeFromName(std::string_view name);
// "a4" or "letter".
std::string_view paperSizeName(PaperSize paper);

}  // namespace dorsal
