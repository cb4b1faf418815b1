#include "core/scene.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <set>
#include <system_error>

#include <toml++/toml.h>

#include "core/output_file.h"
#include "core/small_file.h"
#include "core/text.h"
#include "core/toml_precheck.h"

namespace dorsal {

namespace {

constexpr std::string_view kFormat = "dorsal-scene";
constexpr std::string_view kBuiltInModel = "built-in";
// A scene nests three levels ([[pin]] and its lists); anything much deeper is not a scene.
constexpr int kMaxSceneNesting = 8;
constexpr std::array<std::string_view, 3> kSides{"both", "left", "right"};

// --- writing ---

std::string tomlString(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (byte < 0x20 || byte == 0x7F) {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\u%04X", byte);
            out += escape;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

// The shortest text that reads back as exactly `value`.
std::string number(float value) {
    if (!std::isfinite(value)) throw SceneError("a scene cannot hold a number that is not finite");
    std::array<char, 32> text{};
    const auto [end, error] = std::to_chars(text.data(), text.data() + text.size(), value);
    std::string out(text.data(), end);
    // A TOML float needs a point or an exponent; "1" would read as a whole number (also fine here,
    // but the file reads better with one kind).
    if (out.find_first_of(".eEn") == std::string::npos) out += ".0";
    return out;
}

std::string vector3(const glm::vec3& v) {
    std::string text = "[";  // appended: "[" + ... trips GCC 12's false -Wrestrict (its bug 105651)
    return text + number(v.x) + ", " + number(v.y) + ", " + number(v.z) + "]";
}

std::string boolean(bool value) { return value ? "true" : "false"; }

std::string stringList(const std::vector<std::string>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + tomlString(items[i]);
    return out + "]";
}

// How the model is named in the file at `file`.
std::string modelText(const std::filesystem::path& model, const std::filesystem::path& file) {
    if (model.empty()) return std::string(kBuiltInModel);
    const std::filesystem::path absoluteModel = std::filesystem::absolute(model).lexically_normal();
    const std::filesystem::path folder = std::filesystem::absolute(file).lexically_normal().parent_path();
    if (absoluteModel.parent_path() == folder) return absoluteModel.filename().string();
    return absoluteModel.string();
}

// --- reading ---

[[noreturn]] void fail(const std::filesystem::path& file, const std::string& reason) {
    throw SceneError(printable(file.string()) + ": " + reason);
}

std::string at(const toml::node& node) {
    const toml::source_position begin = node.source().begin;
    return begin.line ? " (line " + std::to_string(begin.line) + ")" : "";
}

// Reads the fields of one table, refusing keys it does not know once all are read.
class Fields {
public:
    Fields(const toml::table& table, const std::filesystem::path& file, std::string where)
        : table_(table), file_(file), where_(std::move(where)) {}

    const toml::node* find(std::string_view key) {
        known_.insert(std::string(key));
        return table_.get(key);
    }

    const toml::node& need(std::string_view key) {
        const toml::node* node = find(key);
        if (!node) fail(file_, where_ + "\"" + std::string(key) + "\" is missing");
        return *node;
    }

    std::string text(std::string_view key) { return textOf(need(key), key); }

    std::string textOf(const toml::node& node, std::string_view key) {
        const std::optional<std::string> value = node.value<std::string>();
        if (!node.is_string() || !value) wrongType(key, node, "text");
        return *value;
    }

    std::optional<std::string> optionalText(std::string_view key) {
        const toml::node* node = find(key);
        return node ? std::optional<std::string>(textOf(*node, key)) : std::nullopt;
    }

    bool flag(std::string_view key) {
        const toml::node& node = need(key);
        if (!node.is_boolean()) wrongType(key, node, "true or false");
        return *node.value<bool>();
    }

    float real(std::string_view key) { return realOf(need(key), key); }

    float realOf(const toml::node& node, std::string_view key) {
        if (!node.is_number()) wrongType(key, node, "a number");
        const double value = *node.value<double>();
        // Beyond a float's range (or NaN, infinity) no state could have written it.
        if (!std::isfinite(value) || std::fabs(value) > 1e30) {
            fail(file_, where_ + "\"" + std::string(key) + "\" must be a finite number" + at(node));
        }
        return static_cast<float>(value);
    }

    glm::vec3 vector(std::string_view key) {
        const toml::node& node = need(key);
        const toml::array* list = node.as_array();
        if (!list || list->size() != 3) wrongType(key, node, "three numbers [x, y, z]");
        glm::vec3 v;
        for (int i = 0; i < 3; ++i) v[i] = realOf(*list->get(static_cast<std::size_t>(i)), key);
        return v;
    }

    std::vector<std::string> texts(std::string_view key) {
        const toml::node& node = need(key);
        const toml::array* list = node.as_array();
        if (!list) wrongType(key, node, "a list of text");
        std::vector<std::string> out;
        for (const toml::node& item : *list) out.push_back(textOf(item, key));
        return out;
    }

    // Every table the writer writes must be there: a file cut short loses one.
    const toml::table& subtable(std::string_view key) {
        const std::string name = std::string("[").append(key).append("]");
        const toml::node* node = find(key);
        if (!node) fail(file_, "the " + name + " table is missing; the file is cut short or damaged");
        if (!node->is_table()) wrongType(key, *node, "a table " + name);
        return *node->as_table();
    }

    // Refuses the keys no one asked for: a typo must not pass silently.
    void finish() const {
        for (const auto& [key, node] : table_) {
            if (!known_.count(std::string(key.str()))) {
                fail(file_, where_ + "unknown key \"" + printable(key.str(), 80) + "\"" + at(node));
            }
        }
    }

    [[noreturn]] void wrongType(std::string_view key, const toml::node& node, const std::string& expected) const {
        fail(file_, where_ + "\"" + std::string(key) + "\" must be " + expected + at(node));
    }

    const std::filesystem::path& file() const { return file_; }

private:
    const toml::table& table_;
    const std::filesystem::path& file_;
    std::string where_;  // "in [camera], " or ""
    std::set<std::string> known_;
};

std::filesystem::path readModel(const std::string& text, const std::filesystem::path& file) {
    if (text == kBuiltInModel) return {};
    if (text.empty()) fail(file, "\"model\" is empty; write \"built-in\" for the built-in model");
    const std::filesystem::path model(text);
    if (model.is_absolute()) return model;
    return (std::filesystem::absolute(file).parent_path() / model).lexically_normal();
}

Pin readPin(const toml::table& table, const std::filesystem::path& file, std::size_t number) {
    Fields fields(table, file, "in pin " + std::to_string(number) + ", ");
    Pin pin;
    pin.node = fields.text("node");
    pin.point = fields.vector("at");
    pin.normal = fields.vector("normal");
    const float length = glm::length(pin.normal);
    if (!(length > 1e-6f)) fail(file, "in pin " + std::to_string(number) + ", \"normal\" must not be zero");
    // A normal that is unit length to float precision stays as written, so that a scene opened and
    // saved again is the same file (normalising again may change its last digits).
    if (std::abs(length - 1.0f) > 1e-5f) pin.normal /= length;
    pin.note = fields.optionalText("note").value_or("");
    if (const std::string problem = pinNoteProblem(pin.note); !problem.empty()) {
        fail(file, "in pin " + std::to_string(number) + ", the note " + problem);
    }
    fields.finish();
    return pin;
}

}  // namespace

std::string pinNoteProblem(std::string_view note) {
    if (note.size() > kMaxPinNoteBytes) {
        return "is " + std::to_string(note.size()) + " bytes long; a pin's note takes at most " +
               std::to_string(kMaxPinNoteBytes);
    }
    if (const std::optional<UnsafeCharacter> bad = findUnsafeCharacter(note)) {
        return "contains " + describeCharacter(*bad) + " at byte " + std::to_string(bad->offset + 1);
    }
    if (const std::size_t at = note.find_first_of("\n\t"); at != std::string_view::npos) {
        return std::string("contains a ") + (note[at] == '\n' ? "line break" : "tab") + " at byte " +
               std::to_string(at + 1) + "; a note is one line";
    }
    return {};
}

bool isSceneFileName(const std::filesystem::path& path) {
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension == kSceneExtension;
}

std::string sceneToToml(const Scene& scene, const std::filesystem::path& file) {
    std::string out;
    out += "# A scene of Dorsal: what was on screen. Open it with File > Open scene or dorsal --scene FILE.\n";
    out += "format = " + tomlString(kFormat) + "\n";
    out += "version = " + std::to_string(kSceneVersion) + "\n";
    out += "model = " + tomlString(modelText(scene.model, file)) + "\n";

    out += "\n[camera]  # looking at target from distance metres away; yaw 0 is from the front, pitch up\n";
    out += "target = " + vector3(scene.camera.target) + "\n";
    out += "yaw = " + number(scene.camera.yaw) + "\n";
    out += "pitch = " + number(scene.camera.pitch) + "\n";
    out += "distance = " + number(scene.camera.distance) + "\n";

    out += "\n[showing]\n";
    if (scene.entry) out += "entry = " + tomlString(*scene.entry) + "\n";
    if (scene.selected) out += "selected = " + stringList(*scene.selected) + "\n";

    out += "\n[view]\n";
    std::vector<std::string> layers;
    for (int i = 0; i < kPeelableStrata; ++i) {
        if (scene.strataShown[static_cast<std::size_t>(i)]) layers.emplace_back(stratumName(static_cast<Stratum>(i)));
    }
    out += "layers = " + stringList(layers) + "\n";
    out += "side = " + tomlString(kSides[static_cast<std::size_t>(scene.side)]) + "\n";
    out += "xray = " + boolean(scene.xray) + "\n";
    out += "cutaway = " + boolean(scene.cutaway) + "\n";
    out += "pain_map = " + boolean(scene.painMap) + "\n";
    out += "dim = " + boolean(scene.dim) + "\n";
    out += "labels = " + boolean(scene.labels) + "\n";
    out += "isolate = " + boolean(scene.isolate) + "\n";
    out += "hidden = " + stringList(scene.hidden) + "\n";

    for (const Pin& pin : scene.pins) {
        out += "\n[[pin]]\n";
        out += "node = " + tomlString(pin.node) + "\n";
        out += "at = " + vector3(pin.point) + "\n";
        out += "normal = " + vector3(pin.normal) + "\n";
        out += "note = " + tomlString(pin.note) + "\n";
    }
    // Last, and whole: a file cut short anywhere before its end lacks a table or a key.
    out += "\n[where]  # where does it hurt?\n";
    out += "on = " + boolean(scene.whereMode) + "\n";
    out += "marked = [";
    for (std::size_t i = 0; i < scene.marked.size(); ++i) {
        out += std::string(i ? ", " : "") + "{ region = " + tomlString(scene.marked[i].id) +
               ", side = " + tomlString(scene.marked[i].side) + " }";
    }
    out += "]\n";

    return out;
}

Scene parseScene(std::string_view text, const std::filesystem::path& file) {
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) fail(file, "the file is empty; not a scene");
    if (text.find('\0') != std::string_view::npos) fail(file, "holds binary data; not a scene");
    if (const std::optional<TomlRefusal> refusal = precheckToml(text, kMaxSceneNesting)) {
        fail(file, "line " + std::to_string(refusal->line) + ": " + refusal->message + "; not a scene");
    }
    toml::table document;
    try {
        document = toml::parse(text, file.string());
    } catch (const toml::parse_error& error) {
        fail(file, "line " + std::to_string(error.source().begin.line) + ": " +
                       printable(error.description(), 160) + "; the file is damaged or not a scene");
    }
    Fields top(document, file, "");
    const toml::node* format = top.find("format");
    if (!format || format->value<std::string>() != std::string(kFormat)) {
        fail(file, "not a Dorsal scene (it lacks format = \"dorsal-scene\")");
    }
    const toml::node& versionNode = top.need("version");
    const std::optional<std::int64_t> version = versionNode.is_integer() ? versionNode.value<std::int64_t>() : std::nullopt;
    if (!version || *version < 1) top.wrongType("version", versionNode, "a whole number from 1");
    if (*version > kSceneVersion) {
        fail(file, "saved by a newer Dorsal (scene version " + std::to_string(*version) + "; this one reads " +
                       std::to_string(kSceneVersion) + ")");
    }

    Scene scene;
    scene.model = readModel(top.text("model"), file);

    Fields view(top.subtable("camera"), file, "in [camera], ");
    scene.camera.target = view.vector("target");
    scene.camera.yaw = view.real("yaw");
    scene.camera.pitch = view.real("pitch");
    scene.camera.distance = view.real("distance");
    if (!(scene.camera.distance > 0.0f)) fail(file, "in [camera], \"distance\" must be more than 0");
    view.finish();

    {
        Fields fields(top.subtable("showing"), file, "in [showing], ");
        scene.entry = fields.optionalText("entry");
        if (fields.find("selected")) scene.selected = fields.texts("selected");
        fields.finish();
    }

    {
        Fields fields(top.subtable("view"), file, "in [view], ");
        {
            scene.strataShown.fill(false);
            for (const std::string& name : fields.texts("layers")) {
                const std::optional<Stratum> stratum = stratumFromName(name);
                if (!stratum) {
                    fail(file, "in [view], unknown layer \"" + printable(name, 80) +
                                   "\" (skin, superficial, intermediate, deep, bones)");
                }
                scene.strataShown[static_cast<std::size_t>(*stratum)] = true;
            }
        }
        const std::string side = fields.text("side");
        const std::optional<SideShown> sideShown = sideShownFromName(side);
        if (!sideShown) fail(file, "in [view], unknown side \"" + printable(side, 80) + "\" (both, left, right)");
        scene.side = *sideShown;
        scene.xray = fields.flag("xray");
        scene.cutaway = fields.flag("cutaway");
        scene.painMap = fields.flag("pain_map");
        scene.dim = fields.flag("dim");
        scene.labels = fields.flag("labels");
        scene.isolate = fields.flag("isolate");
        scene.hidden = fields.texts("hidden");
        fields.finish();
    }

    {
        Fields fields(top.subtable("where"), file, "in [where], ");
        scene.whereMode = fields.flag("on");
        {
            const toml::node& marked = fields.need("marked");
            const toml::array* list = marked.as_array();
            if (!list) fields.wrongType("marked", marked, "a list of { region = ..., side = ... }");
            for (const toml::node& item : *list) {
                const toml::table* region = item.as_table();
                if (!region) fields.wrongType("marked", item, "a list of { region = ..., side = ... }");
                Fields regionFields(*region, file, "in [where], ");
                RegionOnSide mark{regionFields.text("region"), regionFields.text("side")};
                if (mark.side != "left" && mark.side != "right" && mark.side != "midline") {
                    fail(file, "in [where], unknown side \"" + printable(mark.side, 80) + "\" (left, right, midline)" +
                                   at(item));
                }
                regionFields.finish();
                scene.marked.push_back(std::move(mark));
            }
        }
        fields.finish();
    }

    if (const toml::node* pins = top.find("pin")) {
        const toml::array* list = pins->as_array();
        if (!list) top.wrongType("pin", *pins, "pins written as [[pin]] tables");
        for (const toml::node& item : *list) {
            const toml::table* pin = item.as_table();
            if (!pin) top.wrongType("pin", item, "pins written as [[pin]] tables");
            scene.pins.push_back(readPin(*pin, file, scene.pins.size() + 1));
        }
    }
    top.finish();
    return scene;
}

Scene readSceneFile(const std::filesystem::path& file) {
    std::error_code ec;
    const std::filesystem::file_status status = std::filesystem::status(file, ec);
    if (status.type() == std::filesystem::file_type::not_found) fail(file, "no such file");
    if (ec) fail(file, "cannot be read (" + ec.message() + ")");
    if (std::filesystem::is_directory(status)) fail(file, "is a folder, not a scene file");
    if (!std::filesystem::is_regular_file(status)) fail(file, "is not a regular file (a pipe, socket or device); not read");
    const SmallFileRead read = readSmallFile(file, kMaxSceneFileBytes);
    switch (read.problem) {
        case SmallFileRead::Problem::None: break;
        case SmallFileRead::Problem::Unreadable: fail(file, "cannot be read (" + read.reason + ")");
        case SmallFileRead::Problem::NotRegular: fail(file, "is not a regular file (a pipe, socket or device); not read");
        case SmallFileRead::Problem::TooLarge:
            fail(file, "is larger than " + std::to_string(kMaxSceneFileBytes) + " bytes (1 MiB); a scene is a few "
                       "kilobytes, so this is not one");
    }
    return parseScene(read.text, file);
}

void writeSceneFile(const std::filesystem::path& file, const Scene& scene) {
    std::string text;
    try {
        text = sceneToToml(scene, file);
    } catch (const SceneError& error) {
        throw FileError(printable(file.string()) + ": " + error.what());
    }
    writeFileAtomically(file, text);
}

}  // namespace dorsal
