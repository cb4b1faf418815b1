#include "landmarks.hpp"

#include <cerrno>
#include <charconv>
#include <fstream>
#include <sstream>

#ifndef DORSAL_LANDMARK_DIR
#define DORSAL_LANDMARK_DIR "assets/anatomy"
#endif

namespace dorsal::modelgen {

namespace {

std::string trim(const std::string& s) {
    std::size_t b = 0, e = s.size();
    while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
    while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
    return s.substr(b, e - b);
}

bool parse_float(const std::string& s, float& out) {
    const std::string t = trim(s);
    if (t.empty()) return false;
    const char* first = t.data();
    const char* last = t.data() + t.size();
    auto res = std::from_chars(first, last, out);
    return res.ec == std::errc() && res.ptr == last;
}

bool valid_name(const std::string& n) {
    if (n.empty()) return false;
    for (char c : n) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
                        c == 'L' || c == 'R';
        if (!ok) return false;
    }
    return true;
}

}  // namespace

void Landmarks::load_csv(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw LandmarkError(path + ": cannot open the landmark file (is the path right?)");
    std::ostringstream ss;
    ss << in.rdbuf();
    parse_csv(ss.str(), path);
}

void Landmarks::parse_csv(const std::string& text, const std::string& path) {
    std::istringstream in(text);
    std::string line;
    int lineno = 0;
    bool header_seen = false;
    bool has_basis = false;
    while (std::getline(in, line)) {
        ++lineno;
        const std::string t = trim(line);
        if (t.empty() || t[0] == '#') continue;
        std::vector<std::string> cols;
        std::size_t start = 0;
        // Split the first four commas; the fifth column (basis) is the rest of the line.
        for (int i = 0; i < 4; ++i) {
            const std::size_t c = t.find(',', start);
            if (c == std::string::npos) break;
            cols.push_back(t.substr(start, c - start));
            start = c + 1;
        }
        cols.push_back(t.substr(start));
        if (!header_seen) {
            if (cols.size() < 4 || trim(cols[0]) != "name" || trim(cols[1]) != "x" || trim(cols[2]) != "y" ||
                trim(cols[3]) != "z") {
                throw LandmarkError(path + ":" + std::to_string(lineno) +
                                    ": expected the header `name,x,y,z` (optionally `,basis`)");
            }
            has_basis = cols.size() == 5 && trim(cols[4]) == "basis";
            header_seen = true;
            continue;
        }
        const std::size_t want = has_basis ? 5u : 4u;
        if (cols.size() != want) {
            throw LandmarkError(path + ":" + std::to_string(lineno) + ": expected " + std::to_string(want) +
                                " columns (" + (has_basis ? "name,x,y,z,basis" : "name,x,y,z") + "), found " +
                                std::to_string(cols.size()));
        }
        Landmark lm;
        lm.name = trim(cols[0]);
        if (!valid_name(lm.name)) {
            throw LandmarkError(path + ":" + std::to_string(lineno) + ": `" + lm.name +
                                "` is not a landmark name like `vertebra_t7.spinous_tip`");
        }
        float v[3];
        for (int i = 0; i < 3; ++i) {
            if (!parse_float(cols[1 + i], v[i])) {
                throw LandmarkError(path + ":" + std::to_string(lineno) + ": column " + "xyz"[i] +
                                    " of `" + lm.name + "` is not a number: `" + trim(cols[1 + i]) + "`");
            }
        }
        lm.position = glm::vec3(v[0], v[1], v[2]);
        if (has_basis) {
            lm.basis = trim(cols[4]);
            if (lm.basis.empty()) {
                throw LandmarkError(path + ":" + std::to_string(lineno) + ": landmark `" + lm.name +
                                    "` has an empty basis; say from which reference or landmarks it was placed");
            }
        }
        lm.file = path;
        lm.line = lineno;
        if (auto it = points_.find(lm.name); it != points_.end()) {
            throw LandmarkError(path + ":" + std::to_string(lineno) + ": landmark `" + lm.name +
                                "` is defined twice (first at " + it->second.file + ":" +
                                std::to_string(it->second.line) + ")");
        }
        points_.emplace(lm.name, std::move(lm));
    }
    if (!header_seen) throw LandmarkError(path + ": the file is empty; expected the header `name,x,y,z`");
}

void Landmarks::set(const std::string& name, glm::vec3 p, const std::string& basis) {
    Landmark lm;
    lm.name = name;
    lm.position = p;
    lm.basis = basis;
    lm.file = "(set)";
    points_[name] = lm;
}

glm::vec3 Landmarks::get(const std::string& name) const {
    auto it = points_.find(name);
    if (it == points_.end()) {
        throw LandmarkError("landmark `" + name +
                            "` is missing: add it to landmarks-added.csv (name,x,y,z,basis)");
    }
    return it->second.position;
}

const Landmark* Landmarks::find(const std::string& name) const {
    auto it = points_.find(name);
    return it == points_.end() ? nullptr : &it->second;
}

std::vector<const Landmark*> Landmarks::all() const {
    std::vector<const Landmark*> out;
    out.reserve(points_.size());
    for (const auto& kv : points_) out.push_back(&kv.second);
    return out;
}

std::string default_landmark_dir() { return DORSAL_LANDMARK_DIR; }

Landmarks load_default_landmarks(const std::string& dir) {
    Landmarks lm;
    lm.load_csv(dir + "/landmarks.csv");
    lm.load_csv(dir + "/landmarks-added.csv");
    return lm;
}

Attachments load_default_attachments(const std::string& dir, const Landmarks& landmarks) {
    Attachments a;
    a.load_csv(dir + "/attachments.csv", landmarks);
    return a;
}

void Attachments::load_csv(const std::string& path, const Landmarks& landmarks) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw LandmarkError(path + ": cannot open the attachment file (is the path right?)");
    std::ostringstream ss;
    ss << in.rdbuf();
    parse_csv(ss.str(), path, landmarks);
}

void Attachments::parse_csv(const std::string& text, const std::string& path, const Landmarks& landmarks) {
    std::istringstream in(text);
    std::string line;
    int lineno = 0;
    bool header_seen = false;
    while (std::getline(in, line)) {
        ++lineno;
        const std::string t = trim(line);
        if (t.empty() || t[0] == '#') continue;
        const std::string at = path + ":" + std::to_string(lineno) + ": ";
        std::vector<std::string> cols;
        std::size_t start = 0;
        for (int k = 0; k < 3; ++k) {
            const auto comma = t.find(',', start);
            if (comma == std::string::npos) break;
            cols.push_back(trim(t.substr(start, comma - start)));
            start = comma + 1;
        }
        cols.push_back(trim(t.substr(start)));
        if (!header_seen) {
            if (cols != std::vector<std::string>{"muscle", "end", "landmark", "source"})
                throw LandmarkError(at + "expected the header `muscle,end,landmark,source`");
            header_seen = true;
            continue;
        }
        if (cols.size() != 4) throw LandmarkError(at + "expected 4 columns: muscle,end,landmark,source");
        Attachment a{cols[0], cols[1], cols[2], cols[3], path, lineno};
        if (!valid_name(a.muscle) || a.muscle.find('.') != std::string::npos)
            throw LandmarkError(at + "`" + a.muscle + "` is not a muscle id (lower_snake_case)");
        if (a.end != "origin" && a.end != "insertion")
            throw LandmarkError(at + "end `" + a.end + "` must be origin or insertion");
        if (!landmarks.has(a.landmark))
            throw LandmarkError(at + "landmark `" + a.landmark + "` is not in the landmark files");
        if (a.source.empty()) throw LandmarkError(at + "the source is empty; name the reference");
        rows_.push_back(std::move(a));
    }
    if (!header_seen) throw LandmarkError(path + ": the file is empty; expected the header `muscle,end,landmark,source`");
}

std::vector<std::string> Attachments::of(const std::string& muscle, const std::string& end) const {
    std::vector<std::string> out;
    for (const auto& a : rows_)
        if (a.muscle == muscle && a.end == end) out.push_back(a.landmark);
    return out;
}

bool Attachments::has_muscle(const std::string& muscle) const {
    for (const auto& a : rows_)
        if (a.muscle == muscle) return true;
    return false;
}

}  // namespace dorsal::modelgen
