#include "core/glb_writer.h"

#include <charconv>
#include <cstdio>
#include <cstring>

#include <glm/common.hpp>

#include "core/closed_surface.h"

namespace dorsal {

namespace {

// Shortest round-trip text for a float, independent of the locale.
std::string number(float v) {
    if (v == 0.0f) return "0";  // also folds -0
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
    return std::string(buffer, result.ptr);
}

// The length of the valid UTF-8 sequence at text[at], or 0 when the bytes there are not one.
std::size_t utf8Length(const std::string& text, std::size_t at) {
    const auto lead = static_cast<unsigned char>(text[at]);
    const std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || at + length > text.size()) return 0;
    for (std::size_t k = 1; k < length; ++k) {
        if ((static_cast<unsigned char>(text[at + k]) >> 6) != 0x2) return 0;
    }
    return length;
}

// A JSON string. Names come from file names too: control characters are escaped and bytes that are
// not UTF-8 become '?', so that the JSON chunk stays valid whatever a name holds.
std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        const std::size_t length = utf8Length(text, i);
        if (length == 0) {
            out += '?';
            ++i;
            continue;
        }
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned>(c));
            out += escape;
        } else {
            out.append(text, i, length);
        }
        i += length;
    }
    return out + "\"";
}

struct Bin {
    std::vector<std::uint8_t> bytes;
    void pad() {
        while (bytes.size() % 4) bytes.push_back(0);
    }
    std::size_t put(const void* data, std::size_t n) {
        pad();
        const std::size_t offset = bytes.size();
        const auto* p = static_cast<const std::uint8_t*>(data);
        bytes.insert(bytes.end(), p, p + n);
        return offset;
    }
};

void putU32(std::vector<std::uint8_t>& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>((v >> (8 * i)) & 0xffu));
}

// glTF is little-endian; so are the machines we build on. Checked once per file.
bool littleEndian() {
    const std::uint32_t one = 1;
    std::uint8_t b;
    std::memcpy(&b, &one, 1);
    return b == 1;
}

void checkMesh(const GlbScene& scene, const GlbMesh& mesh) {
    const std::size_t count = mesh.positions.size();
    auto fail = [&](const std::string& what) { throw GlbWriteError("encodeGlb: mesh `" + mesh.name + "` " + what); };
    if (count == 0 || mesh.indices.empty()) fail("is empty");
    const auto checkTriangles = [&](std::span<const std::uint32_t> indices, const std::string& what) {
        if (indices.size() % 3 != 0) fail(what + " an index count that is not a multiple of 3");
        for (std::uint32_t index : indices) {
            if (index >= count) fail(what + " an index past its " + std::to_string(count) + " vertices");
        }
    };
    checkTriangles(mesh.indices, "has");
    for (const GlbDetailLevel& level : mesh.levels) checkTriangles(level.indices, "has a detail level with");
    auto checkCount = [&](std::size_t n, const char* what, bool optional) {
        if ((n != 0 || !optional) && n != count) {
            fail("has " + std::to_string(n) + " " + what + " for " + std::to_string(count) + " vertices");
        }
    };
    checkCount(mesh.normals.size(), "normals", false);
    checkCount(mesh.fibres.size(), "fibre directions", true);
    checkCount(mesh.stripes.size(), "stripe values", true);
    if (mesh.material < 0 || static_cast<std::size_t>(mesh.material) >= scene.materials.size()) fail("has no such material");
}

}  // namespace

std::vector<std::uint8_t> encodeGlb(const GlbScene& scene) {
    if (!littleEndian()) throw GlbWriteError("encodeGlb: big-endian hosts are not supported");
    if (scene.nodes.empty()) throw GlbWriteError("encodeGlb: a scene needs a root node");
    Bin bin;
    std::string views, accessors, meshes;
    int viewCount = 0;
    int accessorCount = 0;

    auto addView = [&](std::size_t offset, std::size_t length, int target) {
        if (viewCount++) views += ",";
        views += "{\"buffer\":0,\"byteOffset\":" + std::to_string(offset) + ",\"byteLength\":" + std::to_string(length) +
                 ",\"target\":" + std::to_string(target) + "}";
        return viewCount - 1;
    };
    auto addAccessor = [&](int view, int component, std::size_t count, const char* type, const std::string& extra) {
        if (accessorCount++) accessors += ",";
        accessors += "{\"bufferView\":" + std::to_string(view) + ",\"componentType\":" + std::to_string(component) +
                     ",\"count\":" + std::to_string(count) + ",\"type\":\"" + type + "\"" + extra + "}";
        return accessorCount - 1;
    };
    constexpr int kArrayBuffer = 34962;
    constexpr int kElementArrayBuffer = 34963;
    constexpr int kFloat = 5126;
    // Floats into the binary chunk as a vertex attribute; returns the accessor.
    auto addFloats = [&](const std::vector<float>& values, std::size_t count, const char* type, const std::string& extra) {
        const std::size_t offset = bin.put(values.data(), values.size() * 4);
        return addAccessor(addView(offset, values.size() * 4, kArrayBuffer), kFloat, count, type, extra);
    };

    for (std::size_t m = 0; m < scene.meshes.size(); ++m) {
        const GlbMesh& mesh = scene.meshes[m];
        checkMesh(scene, mesh);
        const std::size_t count = mesh.positions.size();
        std::vector<float> values;
        values.reserve(count * 4);
        glm::vec3 lo(1e30f);
        glm::vec3 hi(-1e30f);
        for (const glm::vec3& p : mesh.positions) {
            values.insert(values.end(), {p.x, p.y, p.z});
            lo = glm::min(lo, p);
            hi = glm::max(hi, p);
        }
        const int position = addFloats(values, count, "VEC3",
                                       ",\"min\":[" + number(lo.x) + "," + number(lo.y) + "," + number(lo.z) + "],\"max\":[" +
                                           number(hi.x) + "," + number(hi.y) + "," + number(hi.z) + "]");
        values.clear();
        for (const glm::vec3& n : mesh.normals) values.insert(values.end(), {n.x, n.y, n.z});
        std::string attributes = "\"POSITION\":" + std::to_string(position) + ",\"NORMAL\":" +
                                 std::to_string(addFloats(values, count, "VEC3", ""));
        if (!mesh.fibres.empty()) {
            values.clear();
            for (const glm::vec3& f : mesh.fibres) values.insert(values.end(), {f.x, f.y, f.z, 1.0f});
            attributes += ",\"TANGENT\":" + std::to_string(addFloats(values, count, "VEC4", ""));
        }
        if (!mesh.stripes.empty()) {
            values.clear();
            for (float s : mesh.stripes) values.insert(values.end(), {s, 0.0f});
            attributes += ",\"TEXCOORD_0\":" + std::to_string(addFloats(values, count, "VEC2", ""));
        }
        // Indices into the binary chunk, 16-bit when the vertices allow; returns the accessor.
        const auto addIndices = [&](std::span<const std::uint32_t> triangles) {
            if (count <= 65535) {
                const std::vector<std::uint16_t> shorts(triangles.begin(), triangles.end());
                const std::size_t offset = bin.put(shorts.data(), shorts.size() * 2);
                return addAccessor(addView(offset, shorts.size() * 2, kElementArrayBuffer), 5123, shorts.size(), "SCALAR", "");
            }
            const std::size_t offset = bin.put(triangles.data(), triangles.size() * 4);
            return addAccessor(addView(offset, triangles.size() * 4, kElementArrayBuffer), 5125, triangles.size(), "SCALAR",
                               "");
        };
        const int indices = addIndices(mesh.indices);
        std::string levels;
        for (const GlbDetailLevel& level : mesh.levels) {
            levels += std::string(levels.empty() ? "" : ",") + "{\"indices\":" + std::to_string(addIndices(level.indices)) +
                      ",\"error\":" + number(level.error) + "}";
        }
        // Whether the mesh is closed, which a loader would otherwise work out before the first frame.
        std::string extras = ",\"extras\":{\"dorsalClosed\":" +
                             std::string(isClosedSurface(mesh.indices) ? "true" : "false");
        if (!levels.empty()) extras += ",\"dorsalDetailLevels\":[" + levels + "]";
        extras += "}";
        if (m) meshes += ",";
        meshes += "{\"name\":" + quoted(mesh.name) + ",\"primitives\":[{\"attributes\":{" + attributes +
                  "},\"indices\":" + std::to_string(indices) + ",\"material\":" + std::to_string(mesh.material) +
                  ",\"mode\":4" + extras + "}]}";
    }
    bin.pad();

    std::string nodes;
    for (std::size_t i = 0; i < scene.nodes.size(); ++i) {
        const GlbNode& node = scene.nodes[i];
        if (i) nodes += ",";
        nodes += "{\"name\":" + quoted(node.name);
        if (node.mesh >= 0) {
            if (static_cast<std::size_t>(node.mesh) >= scene.meshes.size()) {
                throw GlbWriteError("encodeGlb: node `" + node.name + "` has no such mesh");
            }
            nodes += ",\"mesh\":" + std::to_string(node.mesh);
        }
        if (!node.children.empty()) {
            nodes += ",\"children\":[";
            for (std::size_t c = 0; c < node.children.size(); ++c) {
                const int child = node.children[c];
                if (child <= 0 || static_cast<std::size_t>(child) >= scene.nodes.size()) {
                    throw GlbWriteError("encodeGlb: node `" + node.name + "` has a child out of range");
                }
                if (c) nodes += ',';
                nodes += std::to_string(child);
            }
            nodes += "]";
        }
        nodes += "}";
    }

    std::string materials;
    for (std::size_t i = 0; i < scene.materials.size(); ++i) {
        const GlbMaterial& material = scene.materials[i];
        if (i) materials += ",";
        materials += "{\"name\":" + quoted(material.name) + ",\"pbrMetallicRoughness\":{\"baseColorFactor\":[" +
                     number(material.colour[0]) + "," + number(material.colour[1]) + "," + number(material.colour[2]) + "," +
                     number(material.colour[3]) + "],\"metallicFactor\":0,\"roughnessFactor\":" + number(material.roughness) + "}";
        if (material.blend) materials += ",\"alphaMode\":\"BLEND\"";
        materials += "}";
    }

    std::string asset = "{\"version\":\"2.0\",\"generator\":" + quoted(scene.generator);
    if (!scene.copyright.empty()) asset += ",\"copyright\":" + quoted(scene.copyright);
    asset += "}";
    std::string json = "{\"asset\":" + asset + ",\"scene\":0,\"scenes\":[{\"name\":" + quoted(scene.sceneName) +
                       ",\"nodes\":[0]}],\"nodes\":[" + nodes + "],\"meshes\":[" + meshes + "],\"materials\":[" + materials +
                       "],\"accessors\":[" + accessors + "],\"bufferViews\":[" + views + "],\"buffers\":[{\"byteLength\":" +
                       std::to_string(bin.bytes.size()) + "}]}";
    while (json.size() % 4) json += ' ';

    std::vector<std::uint8_t> out;
    const std::size_t total = 12 + 8 + json.size() + 8 + bin.bytes.size();
    out.reserve(total);
    putU32(out, 0x46546C67u);  // "glTF"
    putU32(out, 2);
    putU32(out, static_cast<std::uint32_t>(total));
    putU32(out, static_cast<std::uint32_t>(json.size()));
    putU32(out, 0x4E4F534Au);  // "JSON"
    out.insert(out.end(), json.begin(), json.end());
    putU32(out, static_cast<std::uint32_t>(bin.bytes.size()));
    putU32(out, 0x004E4942u);  // "BIN\0"
    out.insert(out.end(), bin.bytes.begin(), bin.bytes.end());
    return out;
}

}  // namespace dorsal
