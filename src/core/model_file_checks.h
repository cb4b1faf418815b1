#pragma once
// Checks a model file before Assimp reads it, for what Assimp 5.2 cannot survive. Assimp trusts a
// file: it allocates whatever a header's counts ask for before it reads the data behind them (an
// OFF file of 309 bytes asking for a billion vertices takes 16 GB), and it recurses as deep as a
// glTF file nests, and through every path of shared nodes (a 40-level chain of nodes that each
// list the next one twice asks for 2^40 nodes). These checks refuse such files first.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace dorsal {

// Real models are a few dozen levels deep; at a thousand, Assimp's recursion through a glTF node
// tree takes well under a megabyte of stack even in a sanitizer build (it overflows eight at
// 30,000), so any thread may read the file.
inline constexpr int kMaxNodeDepth = 1000;
// Nodes once shared nodes are repeated where they are used, as Assimp builds them: each costs it
// over a kilobyte (its name field alone is one), so this is some 200 MB; anatomy models have a
// few thousand.
inline constexpr std::uint64_t kMaxNodeCount = 200'000;
// Assimp's JSON reader recurses once per nested array or object; glTF nests about ten deep.
inline constexpr int kMaxJsonNesting = 1000;

// Why the regular file `path`, whose lower-case extension is `extension` (".off", ".ply", ".gltf",
// ".glb"; others are not checked), must not be given to Assimp: the cause for a ModelLoadError,
// one line. nullopt when it may be read.
std::optional<std::string> reasonToRefuse(const std::filesystem::path& path, const std::string& extension);

}  // namespace dorsal
