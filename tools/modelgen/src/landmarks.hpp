// Named skeletal landmarks in Dorsal's model frame (metres, +Y up, +X subject's left, +Z anterior).
#pragma once

#include <glm/vec3.hpp>

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace dorsal::modelgen {

// An error in a landmark file: the message names the file, the line and what was expected.
class LandmarkError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct Landmark {
    std::string name;
    glm::vec3 position{0.0f};
    std::string basis;   // how an added landmark was placed; empty for measured ones
    std::string file;    // file it came from
    int line = 0;        // 1-based line in that file
};

// Landmarks by name. Names follow `<bone id>.<landmark>[.L|.R]`.
class Landmarks {
public:
    // Reads a CSV with header `name,x,y,z` or `name,x,y,z,basis` (basis is the rest of the line and may
    // contain commas). Blank lines and lines starting with '#' are skipped. Throws LandmarkError.
    void load_csv(const std::string& path);
    // Parses CSV text as if read from `path` (used by load_csv and by tests).
    void parse_csv(const std::string& text, const std::string& path);

    // Adds or replaces a landmark (used by tests with hand-made data).
    void set(const std::string& name, glm::vec3 p, const std::string& basis = {});

    bool has(const std::string& name) const { return points_.count(name) != 0; }
    // Position of a landmark; throws LandmarkError naming the missing landmark.
    glm::vec3 get(const std::string& name) const;
    // Left-side landmark `<name>.L`.
    glm::vec3 left(const std::string& name) const { return get(name + ".L"); }
    const Landmark* find(const std::string& name) const;

    std::size_t size() const { return points_.size(); }
    // All landmarks in name order.
    std::vector<const Landmark*> all() const;

private:
    std::map<std::string, Landmark> points_;
};

// Where a muscle attaches: one row of attachments.csv.
struct Attachment {
    std::string muscle;    // content id (`psoas_major`)
    std::string end;       // "origin" or "insertion"
    std::string landmark;  // a landmark name (left side for paired muscles)
    std::string source;    // the reference it follows
    std::string file;
    int line = 0;
};

// The attachment table (`assets/anatomy/attachments.csv`): read by the generator, which builds each
// muscle to its attachments, and by the tests, which check that it reaches them.
class Attachments {
public:
    // Reads a CSV with header `muscle,end,landmark,source` (source is the rest of the line). Blank
    // lines and lines starting with '#' are skipped. Throws LandmarkError naming file and line for a
    // bad row, an end other than origin/insertion, or a landmark that `landmarks` lacks.
    void load_csv(const std::string& path, const Landmarks& landmarks);
    void parse_csv(const std::string& text, const std::string& path, const Landmarks& landmarks);

    // Landmark names of one end of a muscle, in file order; empty when the table has none.
    std::vector<std::string> of(const std::string& muscle, const std::string& end) const;
    bool has_muscle(const std::string& muscle) const;
    const std::vector<Attachment>& all() const { return rows_; }

private:
    std::vector<Attachment> rows_;
};

// Default directory holding landmarks.csv, landmarks-added.csv and attachments.csv (set at build time).
std::string default_landmark_dir();

// Loads `<dir>/landmarks.csv` and `<dir>/landmarks-added.csv`.
Landmarks load_default_landmarks(const std::string& dir);
// Loads `<dir>/attachments.csv`, checked against `landmarks`.
Attachments load_default_attachments(const std::string& dir, const Landmarks& landmarks);

}  // namespace dorsal::modelgen
