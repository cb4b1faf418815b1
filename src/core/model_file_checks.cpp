#include "core/model_file_checks.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <vector>

#include <nlohmann/json.hpp>

namespace dorsal {

namespace {

// Headers come first; past this much a file is refused rather than read whole to find one.
constexpr std::size_t kHeaderBytes = 1 << 20;

// Up to `maxBytes` from the start of the file; never more than it holds, whatever is asked.
std::string readPrefix(const std::filesystem::path& path, std::uintmax_t maxBytes) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes(static_cast<std::size_t>(std::min(maxBytes, std::filesystem::file_size(path))), '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return bytes;
}

// Adds without overflowing: counts from a hostile header can be anything.
std::uint64_t saturatingAdd(std::uint64_t a, std::uint64_t b) {
    return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}
std::uint64_t saturatingMultiply(std::uint64_t a, std::uint64_t b) {
    return b != 0 && a > UINT64_MAX / b ? UINT64_MAX : a * b;
}

// Decimal digits from `text` at `pos`, as Assimp's strtoul10 reads them (none reads 0), but
// saturating where Assimp's unsigned int wraps.
std::uint64_t readCount(const std::string& text, std::size_t& pos) {
    std::uint64_t value = 0;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
        value = saturatingAdd(saturatingMultiply(value, 10), static_cast<std::uint64_t>(text[pos] - '0'));
        ++pos;
    }
    return value;
}

std::string bytesText(std::uintmax_t size) { return std::to_string(size) + (size == 1 ? " byte" : " bytes"); }

// OFF: "[ST][C][N][4][n]OFF [dimension] vertices faces edges", then one line per vertex and one per
// face. Assimp allocates every vertex and face the header counts before reading a line, so the
// counts must fit the file: each vertex and face takes a line of at least two bytes. Then what
// Assimp allocates stays within some thirty times the file's size. The header is read here as
// Assimp's OFF reader reads it, so that both see the same counts.
std::optional<std::string> checkOff(const std::filesystem::path& path, std::uintmax_t fileSize) {
    const std::string text = readPrefix(path, kHeaderBytes);
    std::size_t pos = 0;
    const auto at = [&](std::size_t i, char c) { return pos + i < text.size() && text[pos + i] == c; };
    const auto isBlank = [&] { return at(0, ' ') || at(0, '\t') || at(0, '\r') || at(0, '\n'); };
    const auto nextToken = [&] {  // skips blanks, line ends and # comments
        while (pos < text.size()) {
            if (isBlank()) {
                ++pos;
            } else if (at(0, '#')) {
                while (pos < text.size() && !at(0, '\n') && !at(0, '\r')) ++pos;
            } else {
                break;
            }
        }
    };
    nextToken();
    if (at(0, 'S') && at(1, 'T')) pos += 2;
    if (at(0, 'C')) ++pos;
    if (at(0, 'N')) ++pos;
    if (at(0, '4')) ++pos;
    const bool hasDimension = at(0, 'n');
    if (hasDimension) ++pos;
    if (at(0, 'O') && at(1, 'F') && at(2, 'F')) pos += 3;
    nextToken();
    if (hasDimension) {
        readCount(text, pos);
        nextToken();
    }
    const std::uint64_t vertices = readCount(text, pos);
    nextToken();
    const std::uint64_t faces = readCount(text, pos);
    if (pos >= text.size() && text.size() == kHeaderBytes) {
        return "no OFF header in its first " + bytesText(kHeaderBytes);
    }
    if (saturatingMultiply(saturatingAdd(vertices, faces), 2) > fileSize) {
        return "its header asks for " + std::to_string(vertices) + " vertices and " + std::to_string(faces) +
               " faces, more lines than its " + bytesText(fileSize) + " can hold";
    }
    return std::nullopt;
}

// The size in bytes of a PLY scalar type in a binary file; 1 for a name Assimp may still accept.
std::uint64_t plyTypeSize(const std::string& type) {
    static const std::map<std::string, std::uint64_t> sizes{
        {"char", 1},  {"int8", 1},   {"uchar", 1},  {"uint8", 1},   {"short", 2},  {"int16", 2},
        {"ushort", 2}, {"uint16", 2}, {"int", 4},    {"int32", 4},   {"uint", 4},   {"uint32", 4},
        {"float", 4}, {"float32", 4}, {"double", 8}, {"float64", 8}};
    const auto found = sizes.find(type);
    return found == sizes.end() ? 1 : found->second;
}

// PLY: a header of "element <name> <count>" lines, each followed by its "property" lines, then an
// "end_header" line and the elements' data. Assimp sizes its arrays by the counts before the data
// is read, so the counts must fit the data: each element takes at least its properties' bytes in a
// binary file (a list at least its length field), and at least two characters a property in a
// text file. Without an end_header line Assimp's reader never stops looking for one.
std::optional<std::string> checkPly(const std::filesystem::path& path, std::uintmax_t fileSize) {
    const std::string text = readPrefix(path, kHeaderBytes);
    struct Element {
        std::string name;
        std::uint64_t count = 0;
        std::uint64_t minimumBytes = 0;
    };
    std::vector<Element> elements;
    bool binary = false;
    std::optional<std::size_t> dataStart;
    for (std::size_t lineStart = 0; lineStart < text.size() && !dataStart;) {
        const std::size_t lineEnd = std::min(text.find('\n', lineStart), text.size());
        std::istringstream words(text.substr(lineStart, lineEnd - lineStart));
        lineStart = lineEnd + 1;
        std::string keyword;
        words >> keyword;
        if (keyword == "end_header") {
            dataStart = std::min(lineStart, text.size());
        } else if (keyword == "format") {
            std::string format;
            words >> format;
            binary = format.rfind("binary", 0) == 0;
        } else if (keyword == "element") {
            Element element;
            std::string count;
            words >> element.name >> count;
            std::size_t pos = 0;
            element.count = readCount(count, pos);
            elements.push_back(element);
        } else if (keyword == "property" && !elements.empty()) {
            std::string type;
            words >> type;
            if (type == "list") words >> type;  // the list's length field: all an empty list takes
            elements.back().minimumBytes += binary ? plyTypeSize(type) : 2;
        }
    }
    if (!dataStart) {
        return "its PLY header has no end_header line" +
               (text.size() == kHeaderBytes ? " in its first " + bytesText(kHeaderBytes) : std::string());
    }
    const std::uintmax_t dataBytes = fileSize - *dataStart;
    std::uint64_t needed = 0;
    for (const Element& element : elements) {
        needed = saturatingAdd(needed, saturatingMultiply(element.count, std::max<std::uint64_t>(1, element.minimumBytes)));
        if (needed > dataBytes) {
            return "its header asks for " + std::to_string(element.count) + " \"" + element.name +
                   "\" elements, more than its " + bytesText(fileSize) + " can hold";
        }
    }
    return std::nullopt;
}

// How deep brackets nest in `json`, outside strings; stops counting past kMaxJsonNesting.
int jsonNesting(const std::string& json) {
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    for (std::size_t i = 0; i < json.size() && deepest <= kMaxJsonNesting; ++i) {
        const char c = json[i];
        if (inString) {
            if (c == '\\') ++i;
            else if (c == '"') inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '[' || c == '{') {
            deepest = std::max(deepest, ++depth);
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    return deepest;
}

// The node graph of a glTF document, as indices: glTF 2.0 lists nodes in an array and children
// by index, glTF 1.0 in an object and by name.
struct NodeGraph {
    std::vector<std::vector<std::size_t>> children;
    std::vector<std::vector<std::size_t>> sceneRoots;
};

NodeGraph nodeGraphOf(const nlohmann::json& document) {
    NodeGraph graph;
    const nlohmann::json* nodes = document.contains("nodes") ? &document["nodes"] : nullptr;
    if (!nodes || !(nodes->is_array() || nodes->is_object())) return graph;
    std::map<std::string, std::size_t> indexOfName;  // glTF 1.0
    std::vector<const nlohmann::json*> nodeList;
    for (auto item = nodes->begin(); item != nodes->end(); ++item) {
        if (nodes->is_object()) indexOfName[item.key()] = nodeList.size();
        nodeList.push_back(&item.value());
    }
    const auto indicesOf = [&](const nlohmann::json& object, const char* key) {
        std::vector<std::size_t> indices;
        if (!object.is_object() || !object.contains(key) || !object[key].is_array()) return indices;
        for (const nlohmann::json& reference : object[key]) {
            if (reference.is_number_unsigned() && reference.get<std::uint64_t>() < nodeList.size()) {
                indices.push_back(reference.get<std::size_t>());
            } else if (reference.is_string() && indexOfName.count(reference.get<std::string>())) {
                indices.push_back(indexOfName[reference.get<std::string>()]);
            }
        }
        return indices;
    };
    for (const nlohmann::json* node : nodeList) graph.children.push_back(indicesOf(*node, "children"));
    if (document.contains("scenes") && (document["scenes"].is_array() || document["scenes"].is_object())) {
        for (const nlohmann::json& scene : document["scenes"]) graph.sceneRoots.push_back(indicesOf(scene, "nodes"));
    }
    return graph;
}

// Depth, size with shared nodes repeated, and loops of the node graph: one pass, without
// recursion, with each node's figures worked out after its children's.
std::optional<std::string> checkNodeGraph(const NodeGraph& graph) {
    const std::size_t count = graph.children.size();
    enum class State { Unseen, Open, Done };
    std::vector<State> state(count, State::Unseen);
    std::vector<std::uint64_t> depth(count, 0);
    std::vector<std::uint64_t> size(count, 0);  // this node and everything below it, repeats counted
    struct Visit {
        std::size_t node;
        std::size_t nextChild;
    };
    std::uint64_t largest = 0;
    for (std::size_t start = 0; start < count; ++start) {
        if (state[start] != State::Unseen) continue;
        std::vector<Visit> stack{{start, 0}};
        state[start] = State::Open;
        while (!stack.empty()) {
            Visit& visit = stack.back();
            const std::vector<std::size_t>& children = graph.children[visit.node];
            if (visit.nextChild < children.size()) {
                const std::size_t child = children[visit.nextChild++];
                if (state[child] == State::Open) {
                    return "its node tree loops: node " + std::to_string(child) + " lies inside itself";
                }
                if (state[child] == State::Unseen) {
                    state[child] = State::Open;
                    stack.push_back({child, 0});
                }
                continue;
            }
            std::uint64_t below = 0;
            std::uint64_t nodesBelow = 0;
            for (std::size_t child : children) {
                below = std::max(below, depth[child]);
                nodesBelow = saturatingAdd(nodesBelow, size[child]);
            }
            depth[visit.node] = below + 1;
            size[visit.node] = saturatingAdd(nodesBelow, 1);
            largest = std::max(largest, size[visit.node]);
            if (depth[visit.node] > static_cast<std::uint64_t>(kMaxNodeDepth)) {
                return "its node tree is more than " + std::to_string(kMaxNodeDepth) +
                       " levels deep, deeper than Dorsal reads";
            }
            state[visit.node] = State::Done;
            stack.pop_back();
        }
    }
    for (const std::vector<std::size_t>& roots : graph.sceneRoots) {
        std::uint64_t nodes = 0;
        for (std::size_t root : roots) nodes = saturatingAdd(nodes, size[root]);
        largest = std::max(largest, nodes);
    }
    if (largest > kMaxNodeCount) {
        return "its shared nodes repeat into more than " + std::to_string(kMaxNodeCount) +
               " nodes, more than Dorsal reads";
    }
    return std::nullopt;
}

// A glTF binary's JSON chunk: after the 12-byte header, a chunk of (length, type, data), cut
// short where the file ends.
struct GlbJson {
    std::string text;
    bool whole = false;  // false: the chunk runs past the end of the file
};

GlbJson glbJson(const std::filesystem::path& path) {
    const std::string start = readPrefix(path, 20);
    if (start.size() < 20) return {};
    std::uint32_t length = 0;
    for (int i = 3; i >= 0; --i) length = length << 8 | static_cast<unsigned char>(start[12 + static_cast<std::size_t>(i)]);
    GlbJson json{readPrefix(path, 20 + std::uintmax_t{length}).substr(20), false};
    json.whole = json.text.size() == length;
    return json;
}

// glTF: Assimp's JSON reader recurses per nesting level, and its node reader per node level and
// through every use of a shared node; both must be bounded before it starts.
std::optional<std::string> checkGltf(const std::filesystem::path& path, bool binary) {
    std::string json;
    bool whole = true;
    if (binary) {
        GlbJson chunk = glbJson(path);
        // Assimp allocates the length the chunk claims before it reads a byte: a few bytes saying
        // two gigabytes took two gigabytes (found by the model fuzzer).
        // (A file without the glTF mark is left to Assimp, which names it no glTF.)
        if (!chunk.whole && readPrefix(path, 4) == "glTF") {
            return "is cut short or corrupt: its JSON chunk runs past the end of the file";
        }
        json = std::move(chunk.text);
        whole = chunk.whole;
    } else {
        std::ifstream in(path, std::ios::binary);
        json.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    if (jsonNesting(json) > kMaxJsonNesting) {
        return "its JSON nests more than " + std::to_string(kMaxJsonNesting) + " levels deep, deeper than Dorsal reads";
    }
    // Assimp's reader parses the text as a C string (a zero byte ends it) and lets bytes that are
    // not UTF-8 through; this one must see the same structure, so it gets the text up to the zero
    // byte with those bytes made plain. Only the nodes and scenes are kept; buffers may be large.
    json.resize(std::min(json.size(), json.find('\0')));
    for (char& c : json) {
        if (static_cast<unsigned char>(c) >= 0x80) c = '_';
    }
    const auto keepNodesAndScenes = [](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
        return !(depth == 1 && event == nlohmann::json::parse_event_t::key && parsed != "nodes" && parsed != "scenes");
    };
    nlohmann::json document;
    try {
        document = nlohmann::json::parse(json, keepNodesAndScenes);
    } catch (const nlohmann::json::exception& error) {
        // A binary cut short is refused by Assimp before it parses anything, with its own words.
        if (!whole) return std::nullopt;
        std::string reason = error.what();
        if (reason.find("] ") != std::string::npos) reason = reason.substr(reason.find("] ") + 2);
        return "its glTF JSON cannot be read (" + reason + ")";
    }
    return checkNodeGraph(nodeGraphOf(document));
}

}  // namespace

std::optional<std::string> reasonToRefuse(const std::filesystem::path& path, const std::string& extension) {
    const std::uintmax_t fileSize = std::filesystem::file_size(path);
    if (extension == ".off") return checkOff(path, fileSize);
    if (extension == ".ply") return checkPly(path, fileSize);
    if (extension == ".gltf" || extension == ".glb") return checkGltf(path, extension == ".glb");
    return std::nullopt;
}

}  // namespace dorsal
