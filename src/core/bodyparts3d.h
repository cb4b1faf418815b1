#pragma once
// BodyParts3D, the free anatomy atlas of one file per structure named with FMA ids, and Dorsal's
// model: how its frame maps onto ours and which node each structure is (assets/anatomy/bodyparts3d.toml).

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <glm/glm.hpp>

namespace dorsal {

// A bad names file; what() is one line naming the file (and line) and what is wrong.
class BodyParts3dNamesError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct BodyParts3dStructure {
    long fma = 0;      // Foundational Model of Anatomy id, or 0 where the names file gives none
    std::string name;  // English name in BodyParts3D ("Left psoas major")
    std::string node;  // node of Dorsal's model ("muscle.psoas_major.L"); several structures may share one
};

struct BodyParts3dNames {
    float scale = 0.001f;          // BodyParts3D units (millimetres) to metres
    glm::vec3 offset{0.0f};        // added after scaling and turning Z-up into Y-up
    std::vector<BodyParts3dStructure> structures;

    // A BodyParts3D point (+X left, +Y posterior, +Z up) in the model frame: (x, z, -y) * scale + offset.
    glm::vec3 toModelFrame(const glm::vec3& p) const { return glm::vec3(p.x, p.z, -p.y) * scale + offset; }
    // The structure with this FMA id, or null.
    const BodyParts3dStructure* findFma(long fma) const;
    // The structure whose English name is `name` once both are normalised (normalisedStructureName),
    // or null: "Left_psoas_major" finds "Left psoas major".
    const BodyParts3dStructure* findName(const std::string& name) const;
    // The structure a BodyParts3D file is: by the FMA id in its name, else by its English name
    // (structureNameOfFileName); null when neither is in the names file.
    const BodyParts3dStructure* findFile(const std::string& fileName) const;
};

// Reads a names file (TOML: version = 1, [frame] scale/offset, [[structure]] name/node and fma where
// known). Throws BodyParts3dNamesError for a missing, unreadable or malformed file, a row without a
// name or node, a repeated FMA id or English name, or a node name that is not `muscle.<id>[.L|.R]`
// or `bone.<id>[.L|.R]`.
BodyParts3dNames loadBodyParts3dNames(const std::filesystem::path& path);

// The FMA id in a BodyParts3D file name ("FJ753_BP4583_FMA22343_Left_psoas_major.obj" gives 22343),
// or nullopt when the name holds none.
std::optional<long> fmaIdOfFileName(const std::string& fileName);

// The English name in a BodyParts3D file name, without the FJ/BP/FMA ids in front and the extension:
// "FJ753_BP4583_FMA22343_Left_psoas_major.obj" gives "Left psoas major" (underscores become spaces).
// A name with no such ids is returned without its extension, underscores turned into spaces.
std::string structureNameOfFileName(const std::string& fileName);

// A structure name for comparing: lower case, underscores as spaces, runs of spaces as one, none
// at either end.
std::string normalisedStructureName(const std::string& name);

// Whether `name` is a node name of DESIGN.md's contract: `muscle.<id>`, `bone.<id>`, each with an
// optional `.L` or `.R`, the id in lower snake_case.
bool isDorsalNodeName(const std::string& name);

}  // namespace dorsal
