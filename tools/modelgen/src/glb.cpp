#include "glb.hpp"

#include <glm/geometric.hpp>

#include <array>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace dorsal::modelgen {

namespace {

// Shortest round-trip text for a float, independent of the locale.
std::string num(float v) {
    if (v == 0.0f) return "0";  // also folds -0
    char buf[32];
    auto res = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, res.ptr);
}

std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
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
        const std::size_t off = bytes.size();
        const auto* p = static_cast<const std::uint8_t*>(data);
        bytes.insert(bytes.end(), p, p + n);
        return off;
    }
};

void put_u32(std::vector<std::uint8_t>& out, std::uint32_t v) {
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>((v >> (8 * i)) & 0xffu));
}

// glTF is little-endian; so are the machines we build on. Check once.
bool little_endian() {
    const std::uint32_t one = 1;
    std::uint8_t b;
    std::memcpy(&b, &one, 1);
    return b == 1;
}

}  // namespace

std::vector<std::uint8_t> encode_glb(const Model& model) {
    if (!little_endian()) throw std::runtime_error("encode_glb: big-endian hosts are not supported");
    Bin bin;
    std::string views = "", accessors = "", meshes = "";
    int view_count = 0, accessor_count = 0;

    auto add_view = [&](std::size_t offset, std::size_t length, int target) {
        if (view_count++) views += ",";
        views += "{\"buffer\":0,\"byteOffset\":" + std::to_string(offset) + ",\"byteLength\":" +
                 std::to_string(length) + ",\"target\":" + std::to_string(target) + "}";
        return view_count - 1;
    };
    auto add_accessor = [&](int view, int component, std::size_t count, const char* type, const std::string& extra) {
        if (accessor_count++) accessors += ",";
        accessors += "{\"bufferView\":" + std::to_string(view) + ",\"componentType\":" + std::to_string(component) +
                     ",\"count\":" + std::to_string(count) + ",\"type\":\"" + type + "\"" + extra + "}";
        return accessor_count - 1;
    };

    for (std::size_t mi = 0; mi < model.meshes.size(); ++mi) {
        const NamedMesh& nm = model.meshes[mi];
        const Mesh& m = nm.mesh;
        const std::size_t nv = m.positions.size();
        if (nv == 0 || m.indices.empty()) throw std::runtime_error("encode_glb: mesh `" + nm.name + "` is empty");
        // Positions with bounds.
        std::vector<float> buf;
        buf.reserve(nv * 4);
        glm::vec3 lo(1e30f), hi(-1e30f);
        for (const auto& p : m.positions) {
            buf.insert(buf.end(), {p.x, p.y, p.z});
            lo = glm::min(lo, p);
            hi = glm::max(hi, p);
        }
        std::size_t off = bin.put(buf.data(), buf.size() * 4);
        int pos = add_accessor(add_view(off, buf.size() * 4, 34962), 5126, nv, "VEC3",
                               ",\"min\":[" + num(lo.x) + "," + num(lo.y) + "," + num(lo.z) + "],\"max\":[" +
                                   num(hi.x) + "," + num(hi.y) + "," + num(hi.z) + "]");
        buf.clear();
        for (const auto& n : m.normals) buf.insert(buf.end(), {n.x, n.y, n.z});
        off = bin.put(buf.data(), buf.size() * 4);
        int nor = add_accessor(add_view(off, buf.size() * 4, 34962), 5126, nv, "VEC3", "");
        buf.clear();
        for (const auto& f : m.fibres) buf.insert(buf.end(), {f.x, f.y, f.z, 1.0f});
        off = bin.put(buf.data(), buf.size() * 4);
        int tan = add_accessor(add_view(off, buf.size() * 4, 34962), 5126, nv, "VEC4", "");
        // Muscles carry their stripe coordinate (metres across the fibres) as TEXCOORD_0.x.
        std::string stripe_attribute;
        if (nm.material == Material::Muscle && !m.stripes.empty()) {
            if (m.stripes.size() != m.positions.size())
                throw std::logic_error("encode_glb: " + nm.name + " has " + std::to_string(m.stripes.size()) + " stripe values for " +
                                       std::to_string(m.positions.size()) + " vertices");
            buf.clear();
            for (float s : m.stripes) buf.insert(buf.end(), {s, 0.0f});
            off = bin.put(buf.data(), buf.size() * 4);
            stripe_attribute = ",\"TEXCOORD_0\":" + std::to_string(add_accessor(add_view(off, buf.size() * 4, 34962), 5126, nv, "VEC2", ""));
        }
        int idx;
        if (nv <= 65535) {
            std::vector<std::uint16_t> ib(m.indices.begin(), m.indices.end());
            off = bin.put(ib.data(), ib.size() * 2);
            idx = add_accessor(add_view(off, ib.size() * 2, 34963), 5123, ib.size(), "SCALAR", "");
        } else {
            off = bin.put(m.indices.data(), m.indices.size() * 4);
            idx = add_accessor(add_view(off, m.indices.size() * 4, 34963), 5125, m.indices.size(), "SCALAR", "");
        }
        if (mi) meshes += ",";
        meshes += "{\"name\":" + quoted(nm.name) + ",\"primitives\":[{\"attributes\":{\"POSITION\":" +
                  std::to_string(pos) + ",\"NORMAL\":" + std::to_string(nor) + ",\"TANGENT\":" + std::to_string(tan) +
                  stripe_attribute + "},\"indices\":" + std::to_string(idx) + ",\"material\":" +
                  std::to_string(static_cast<int>(nm.material)) + ",\"mode\":4}]}";
    }
    bin.pad();

    std::string nodes;
    for (std::size_t i = 0; i < model.nodes.size(); ++i) {
        const Node& n = model.nodes[i];
        if (i) nodes += ",";
        nodes += "{\"name\":" + quoted(n.name);
        if (n.mesh >= 0) nodes += ",\"mesh\":" + std::to_string(n.mesh);
        if (!n.children.empty()) {
            nodes += ",\"children\":[";
            for (std::size_t c = 0; c < n.children.size(); ++c) {
                if (c) nodes += ',';
                nodes += std::to_string(n.children[c]);
            }
            nodes += "]";
        }
        nodes += "}";
    }

    std::string materials;
    for (int i = 0; i < material_count; ++i) {
        const MaterialInfo& mat = material_info(static_cast<Material>(i));
        if (i) materials += ",";
        materials += "{\"name\":" + quoted(mat.name) + ",\"pbrMetallicRoughness\":{\"baseColorFactor\":[" +
                     num(mat.colour[0]) + "," + num(mat.colour[1]) + "," + num(mat.colour[2]) + "," +
                     num(mat.colour[3]) + "],\"metallicFactor\":0,\"roughnessFactor\":" + num(mat.roughness) + "}";
        if (mat.blend) materials += ",\"alphaMode\":\"BLEND\"";
        materials += "}";
    }

    std::string json = "{\"asset\":{\"version\":\"2.0\",\"generator\":\"dorsal-modelgen\","
                       "\"copyright\":\"Dorsal built-in model. Skeletal landmark positions derived from BodyParts3D, "
                       "(c) The Database Center for Life Science, CC BY-SA 2.1 Japan\"},"
                       "\"scene\":0,\"scenes\":[{\"name\":\"dorsal_back\",\"nodes\":[0]}],\"nodes\":[" +
                       nodes + "],\"meshes\":[" + meshes + "],\"materials\":[" + materials + "],\"accessors\":[" +
                       accessors + "],\"bufferViews\":[" + views + "],\"buffers\":[{\"byteLength\":" +
                       std::to_string(bin.bytes.size()) + "}]}";
    while (json.size() % 4) json += ' ';

    std::vector<std::uint8_t> out;
    const std::size_t total = 12 + 8 + json.size() + 8 + bin.bytes.size();
    out.reserve(total);
    put_u32(out, 0x46546C67u);  // "glTF"
    put_u32(out, 2);
    put_u32(out, static_cast<std::uint32_t>(total));
    put_u32(out, static_cast<std::uint32_t>(json.size()));
    put_u32(out, 0x4E4F534Au);  // "JSON"
    out.insert(out.end(), json.begin(), json.end());
    put_u32(out, static_cast<std::uint32_t>(bin.bytes.size()));
    put_u32(out, 0x004E4942u);  // "BIN\0"
    out.insert(out.end(), bin.bytes.begin(), bin.bytes.end());
    return out;
}

void write_file_atomically(const std::string& path, const std::vector<std::uint8_t>& bytes) {
    const std::string tmp = path + ".tmp";
    {
        std::ofstream f(tmp, std::ios::binary | std::ios::trunc);
        if (!f) throw std::runtime_error(path + ": cannot open for writing (does the folder exist?)");
        f.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
        f.flush();
        if (!f) throw std::runtime_error(path + ": writing failed (disk full?)");
    }
    if (std::rename(tmp.c_str(), path.c_str()) != 0) {
        std::remove(tmp.c_str());
        throw std::runtime_error(path + ": cannot replace the file with the new one");
    }
}

}  // namespace dorsal::modelgen
