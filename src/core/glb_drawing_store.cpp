#include "core/glb_drawing_store.h"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace dorsal {

namespace {

constexpr std::uint32_t kGlbMagic = 0x46546C67;  // "glTF"
constexpr std::uint32_t kJsonChunk = 0x4E4F534A;  // "JSON"
constexpr std::uint32_t kBinChunk = 0x004E4942;   // "BIN\0"
constexpr std::string_view kLevelsKey = "dorsalDetailLevels";
constexpr std::string_view kClosedKey = "dorsalClosed";

std::uint32_t u32At(std::string_view bytes, std::size_t at) {
    std::uint32_t value = 0;
    std::memcpy(&value, bytes.data() + at, 4);  // glTF is little-endian, as are the hosts Dorsal builds on
    return value;
}

// The member `key` of `object`, or null when it has none (a const json's operator[] must not be
// asked for a missing key).
const nlohmann::json& memberOf(const nlohmann::json& object, std::string_view key) {
    static const nlohmann::json none;
    if (!object.is_object()) return none;
    const auto found = object.find(key);
    return found == object.end() ? none : *found;
}

// An unsigned integer member of `object`, or nullopt.
std::optional<std::size_t> sizeIn(const nlohmann::json& object, const char* key) {
    if (!object.is_object()) return std::nullopt;
    const auto found = object.find(key);
    if (found == object.end() || !found->is_number_unsigned()) return std::nullopt;
    return found->get<std::size_t>();
}

// Where the binary chunk lies in the open file; only the index ranges asked for are read from it,
// never the whole chunk.
struct BinChunk {
    std::ifstream& file;
    std::size_t offset = 0;
    std::size_t size = 0;
};

// The indices of accessor `index` (16- or 32-bit scalars in the binary chunk), checked against
// `vertexCount` and to be whole triangles; nullopt when anything is out of place.
std::optional<std::vector<std::uint32_t>> indicesOf(const nlohmann::json& gltf, std::size_t index, const BinChunk& bin,
                                                    std::size_t vertexCount) {
    const nlohmann::json& accessors = memberOf(gltf, "accessors");
    const nlohmann::json& views = memberOf(gltf, "bufferViews");
    if (!accessors.is_array() || index >= accessors.size() || !views.is_array()) return std::nullopt;
    const nlohmann::json& accessor = accessors[index];
    const auto view = sizeIn(accessor, "bufferView");
    const auto count = sizeIn(accessor, "count");
    const auto component = sizeIn(accessor, "componentType");
    if (!view || !count || !component || *view >= views.size() || *count % 3 != 0) return std::nullopt;
    const std::size_t width = *component == 5123 ? 2 : *component == 5125 ? 4 : 0;
    if (width == 0) return std::nullopt;
    const std::size_t viewOffset = sizeIn(views[*view], "byteOffset").value_or(0);
    const std::size_t accessorOffset = sizeIn(accessor, "byteOffset").value_or(0);
    if (viewOffset > bin.size || accessorOffset > bin.size - viewOffset) return std::nullopt;  // no overflow
    const std::size_t start = viewOffset + accessorOffset;
    if (*count > (bin.size - start) / width) return std::nullopt;
    std::string raw(*count * width, '\0');
    bin.file.seekg(static_cast<std::streamoff>(bin.offset + start));
    if (!bin.file.read(raw.data(), static_cast<std::streamsize>(raw.size()))) return std::nullopt;
    std::vector<std::uint32_t> indices(*count);
    const char* from = raw.data();
    for (std::size_t i = 0; i < *count; ++i) {
        std::uint32_t value = 0;
        if (width == 2) {
            std::uint16_t shortValue = 0;
            std::memcpy(&shortValue, from + i * 2, 2);
            value = shortValue;
        } else {
            std::memcpy(&value, from + i * 4, 4);
        }
        if (value >= vertexCount) return std::nullopt;
        indices[i] = value;
    }
    return indices;
}

// The vertex count of a primitive: its POSITION accessor's count.
std::optional<std::size_t> vertexCountOf(const nlohmann::json& gltf, const nlohmann::json& primitive) {
    const auto position = sizeIn(memberOf(primitive, "attributes"), "POSITION");
    const nlohmann::json& accessors = memberOf(gltf, "accessors");
    if (!position || !accessors.is_array() || *position >= accessors.size()) return std::nullopt;
    return sizeIn(accessors[*position], "count");
}

std::optional<std::vector<StoredPrimitive>> parse(std::ifstream& file, std::size_t fileSize) {
    std::string header(20, '\0');
    if (fileSize < 20 || !file.read(header.data(), 20)) return std::nullopt;
    if (u32At(header, 0) != kGlbMagic || u32At(header, 8) > fileSize) return std::nullopt;
    const std::size_t jsonLength = u32At(header, 12);
    if (u32At(header, 16) != kJsonChunk || jsonLength > fileSize - 20) return std::nullopt;
    std::string json(jsonLength, '\0');
    if (!file.read(json.data(), static_cast<std::streamsize>(jsonLength))) return std::nullopt;
    // Files of other writers store none: no need to parse them.
    if (json.find(kLevelsKey) == std::string::npos && json.find(kClosedKey) == std::string::npos) return std::nullopt;
    const std::size_t binHeader = 20 + ((jsonLength + 3) & ~std::size_t{3});
    std::string chunkHeader(8, '\0');
    file.seekg(static_cast<std::streamoff>(binHeader));
    if (binHeader + 8 > fileSize || !file.read(chunkHeader.data(), 8) || u32At(chunkHeader, 4) != kBinChunk) return std::nullopt;
    const BinChunk bin{file, binHeader + 8, u32At(chunkHeader, 0)};
    if (bin.size > fileSize - bin.offset) return std::nullopt;

    const nlohmann::json gltf = nlohmann::json::parse(json, nullptr, false);
    if (gltf.is_discarded() || !memberOf(gltf, "meshes").is_array()) return std::nullopt;
    std::vector<StoredPrimitive> byPrimitive;
    for (const nlohmann::json& mesh : memberOf(gltf, "meshes")) {
        const nlohmann::json& primitives = memberOf(mesh, "primitives");
        if (!primitives.is_array()) return std::nullopt;
        for (const nlohmann::json& primitive : primitives) {
            StoredPrimitive& store = byPrimitive.emplace_back();
            const nlohmann::json& extras = memberOf(primitive, "extras");
            if (const nlohmann::json& closed = memberOf(extras, kClosedKey); !closed.is_null()) {
                if (!closed.is_boolean()) return std::nullopt;
                store.closed = closed.get<bool>();
            }
            const nlohmann::json& stored = memberOf(extras, kLevelsKey);
            if (stored.is_null()) continue;
            const std::optional<std::size_t> vertexCount = vertexCountOf(gltf, primitive);
            if (!stored.is_array() || !vertexCount) return std::nullopt;
            for (const nlohmann::json& level : stored) {
                const auto accessor = sizeIn(level, "indices");
                const nlohmann::json& errorValue = memberOf(level, "error");
                if (!accessor || !errorValue.is_number()) return std::nullopt;
                const double error = errorValue.get<double>();
                auto indices = indicesOf(gltf, *accessor, bin, *vertexCount);
                if (!indices || !std::isfinite(error) || error < 0.0) return std::nullopt;
                store.levels.push_back({std::move(*indices), static_cast<float>(error)});
            }
        }
    }
    return byPrimitive;
}

}  // namespace

std::vector<StoredPrimitive> readStoredDrawingData(const std::filesystem::path& path) {
    try {
        std::error_code error;
        const std::uintmax_t size = std::filesystem::file_size(path, error);
        std::ifstream in(path, std::ios::binary);
        if (error || !in) return {};
        return parse(in, static_cast<std::size_t>(size)).value_or(std::vector<StoredPrimitive>{});
    } catch (const std::exception&) {
        return {};  // out of memory or a JSON surprise: what it held is worked out as for other files
    }
}

}  // namespace dorsal
