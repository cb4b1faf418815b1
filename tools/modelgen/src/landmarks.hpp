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

// Default directory holding landmarks.csv and landmarks-added.csv (set at build time).
std::string default_landmark_dir();

// Loads `<dir>/landmarks.csv` and `<dir>/landmarks-added.csv`.
Landmarks load_default_landmarks(const std::string& dir);

}  // namespace dorsal::modelgen
