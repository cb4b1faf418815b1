#pragma once
// The knowledge base: muscles, groups, pain patterns, techniques, stretches, guides, regions and
// safety, read from the TOML files under content/ (schema: content/README.md).

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <glm/glm.hpp>

namespace dorsal {

// Limits that keep broken or hostile content from harming the app; each is far beyond what real
// content needs (README, "Bad content").
// A content file is at most 1 MiB: the largest shipped file (safety.toml) is 18 KB.
inline constexpr std::size_t kMaxContentFileBytes = std::size_t{1} << 20;
// Tables, arrays and dotted keys nest at most 32 levels (the shipped files nest 6); toml++
// overflows the stack somewhere past tens of thousands.
inline constexpr int kMaxContentNesting = 32;
// A name, other name, nickname or Latin name is at most 200 bytes (the longest shipped is 63).
inline constexpr std::size_t kMaxNameBytes = 200;
// Any other text field or list item is at most 4,000 bytes (the longest shipped is 1,349): a
// reader's paragraph, and well inside what one text call of the UI can draw.
inline constexpr std::size_t kMaxTextBytes = 4000;
// An id is at most 64 bytes of lower-case letters, digits and underscores.
inline constexpr std::size_t kMaxIdBytes = 64;
// At most this many problems are listed per file; the rest are counted in one more line.
inline constexpr std::size_t kMaxProblemsPerFile = 20;

enum class Evidence { Established, Supported, Limited, Traditional };
std::string_view evidenceName(Evidence evidence);

// The kinds of entry, in the order the UI lists them.
enum class EntryKind { Muscle, Group, Pain, Technique, Stretch, Guide, Region, RedFlag, Contraindication, Term };
// "muscle", "muscle group", "pain pattern", ... for messages and the UI.
std::string_view entryKindName(EntryKind kind);
// One lower-case word for a kind, for lines a program reads: "muscle", "group", "pain",
// "technique", "stretch", "guide", "region", "red_flag", "contraindication", "term".
std::string_view entryKindTag(EntryKind kind);
// The kinds search finds and links from search.toml may name: muscles, groups, pain patterns,
// techniques, stretches, guides and glossary terms.
bool isSearchedKind(EntryKind kind);

struct SourceLocation {
    std::string file;
    int line = 1;
    int column = 1;

    SourceLocation() = default;
    SourceLocation(std::string file_, int line_ = 1, int column_ = 1)
        : file(std::move(file_)), line(line_), column(column_) {}
};

struct ContentProblem {
    SourceLocation where;
    std::string message;
    bool skipped = false;  // the whole entry was left out because of it

    ContentProblem(SourceLocation where_, std::string message_, bool skipped_ = false)
        : where(std::move(where_)), message(std::move(message_)), skipped(skipped_) {}

    // "file:line:column: message", with any control characters in it escaped (see printable()).
    std::string format() const;
};

struct Entry {
    std::string id;
    std::string name;
    std::vector<std::string> alsoCalled;  // other names, nicknames: what people type into search
    SourceLocation where;
};

struct TriggerPoint {
    std::string location;
    std::string referral;
    std::vector<std::string> referralRegions;
    Evidence evidence = Evidence::Limited;
    // Where it lies on the model, in the model frame (metres), on the LEFT side's muscle; the right
    // side's is its mirror image. nullopt where the content does not say.
    std::optional<glm::vec3> at;
};

struct Muscle : Entry {
    std::vector<std::string> otherNames;
    std::vector<std::string> nicknames;
    std::string latin;
    std::string group;  // a group id, or empty
    std::string layer;  // superficial | intermediate | deep
    std::string region;
    std::string summary;
    std::string origin;
    std::string insertion;
    std::string action;
    std::string innervation;
    std::string postureRole;
    std::string whenTight;
    std::string whenWeak;
    Evidence postureEvidence = Evidence::Established;
    std::string palpation;
    std::string cautions;
    std::vector<TriggerPoint> triggerPoints;
    std::vector<std::string> painPatterns;
    std::vector<std::string> techniques;
    std::vector<std::string> stretches;
    std::vector<std::string> sources;
};

struct MuscleGroup : Entry {
    std::string guide;  // the guide that is the group's own text (what it does, how its parts differ), or empty
};

struct PainPattern : Entry {
    std::string summary;
    std::vector<std::string> feltIn;  // region ids
    std::string side;                 // left | right | both | either
    std::vector<std::string> primaryMuscles;
    std::vector<std::string> secondaryMuscles;
    std::vector<std::string> habits;
    std::string therapistApproach;
    std::vector<std::string> techniques;
    std::string selfCare;
    std::vector<std::string> stretches;
    std::vector<std::string> redFlags;
    std::vector<std::string> missingRedFlags;  // linked red flags that could not be loaded: never silently gone
    Evidence evidence = Evidence::Limited;
    std::vector<std::string> sources;
};

struct Technique : Entry {
    std::string summary;
    std::string purpose;
    std::vector<std::string> steps;
    std::string pressure;
    std::string duration;
    std::string whenToUse;
    std::string whenNotToUse;
    std::vector<std::string> contraindications;
    std::vector<std::string> missingContraindications;  // linked but could not be loaded
    std::vector<std::string> targetMuscles;
    Evidence evidence = Evidence::Limited;
    std::vector<std::string> sources;
};

struct Stretch : Entry {
    std::string kind;  // stretch | strengthening | mobility
    std::string summary;
    std::vector<std::string> targetMuscles;
    std::vector<std::string> steps;
    std::string dosage;
    std::vector<std::string> commonMistakes;
    std::string stopIf;
    Evidence evidence = Evidence::Limited;
    std::vector<std::string> sources;
};

struct Guide : Entry {
    std::string summary;
    std::vector<std::string> body;
    std::vector<std::string> tightMuscles;
    std::vector<std::string> weakMuscles;
    std::vector<std::string> stretches;
    std::vector<std::string> techniques;
    std::vector<std::string> painPatterns;
    std::vector<std::string> redFlags;
    std::vector<std::string> missingRedFlags;  // linked but could not be loaded: never silently gone
    std::vector<std::string> contraindications;
    std::vector<std::string> missingContraindications;
    Evidence evidence = Evidence::Limited;
    std::vector<std::string> sources;
};

struct Ellipsoid {
    glm::vec3 centre{0.0f};
    glm::vec3 radii{1.0f};
    bool operator==(const Ellipsoid&) const = default;
    bool contains(const glm::vec3& p) const {
        const glm::vec3 d = (p - centre) / radii;
        return glm::dot(d, d) <= 1.0f;
    }
};

// A word the entries use, explained (content/glossary.toml). Entry::name is the term as shown and
// alsoCalled its other forms ("aponeuroses"): the words an entry's text is searched for.
struct GlossaryTerm : Entry {
    std::string definition;
    std::vector<std::string> sources;
};

struct Region : Entry {
    std::string side;  // both (shapes given for the left, mirrored) | midline
    std::vector<Ellipsoid> shapes;
};

struct RedFlag : Entry {
    std::string signs;
    std::string action;
};

struct Contraindication : Entry {
    std::string why;
    std::string action;
};

struct Safety {
    std::string notice;
    std::vector<RedFlag> redFlags;
    std::vector<Contraindication> contraindications;
    std::vector<std::string> sources;
    // Set when safety.toml could not be read whole (missing, unreadable, not valid TOML, without
    // its notice, red flags or contraindications, or with some of them skipped): one problem
    // naming the file and what is missing, also in Content::problems. Safety fails closed: every
    // entry document then opens with a warning, and `dorsal info` fails.
    std::optional<ContentProblem> failure;
};

// What search understands beyond the entries' own names (content/search.toml): the words a
// person types that are not in the entries. Words are compared as normaliseForSearch leaves them.
struct SearchTerm {
    std::vector<std::string> words;    // the words or phrases that call it up: "bum", "shoulder blade"
    std::vector<std::string> means;    // single words searched for in their place: "buttock"
    std::vector<std::string> regions;  // region ids: brings the pain felt there and the muscles there
    std::vector<std::string> entries;  // entry ids it names, best first
    SourceLocation where;
};

// A structure a person may look for that the atlas does not model yet ("deltoid").
struct AbsentStructure {
    std::string name;                  // read after "The": "deltoid", "calf (gastrocnemius and soleus)"
    std::vector<std::string> words;    // the words or phrases that name it
    std::vector<std::string> nearest;  // entry ids offered in its place, nearest first
    SourceLocation where;
};

struct SearchVocabulary {
    std::vector<std::string> ignore;      // words that say nothing about what is meant: "my", "the"
    std::vector<std::string> complaints;  // how something feels: "hurts", "sore"; they favour pain patterns
    std::vector<SearchTerm> terms;
    std::vector<AbsentStructure> absent;
};

struct Content {
    std::filesystem::path root;
    bool folderFound = false;  // false when `root` is not a folder (then one problem says so)
    std::vector<Muscle> muscles;
    std::vector<MuscleGroup> groups;
    std::vector<PainPattern> pains;
    std::vector<Technique> techniques;
    std::vector<Stretch> stretches;
    std::vector<Guide> guides;
    std::vector<Region> regions;
    std::vector<GlossaryTerm> glossary;
    Safety safety;
    SearchVocabulary vocabulary;
    std::vector<ContentProblem> problems;  // everything the loader found wrong, in file order

    const Muscle* muscle(std::string_view id) const;
    const MuscleGroup* group(std::string_view id) const;
    const PainPattern* pain(std::string_view id) const;
    const Technique* technique(std::string_view id) const;
    const Stretch* stretch(std::string_view id) const;
    const Guide* guide(std::string_view id) const;
    const Region* region(std::string_view id) const;
    const RedFlag* redFlag(std::string_view id) const;
    const Contraindication* contraindication(std::string_view id) const;
    const GlossaryTerm* term(std::string_view id) const;
    // The kind of the entry with this id, searching every kind in EntryKind order.
    std::optional<EntryKind> kindOf(std::string_view id) const;
    // The display name of any entry, or the id itself when there is none.
    std::string nameOf(std::string_view id) const;
    // The muscles whose `group` is `groupId`.
    std::vector<const Muscle*> membersOf(std::string_view groupId) const;
    // Every id of every kind, for suggestions.
    std::vector<std::string> allIds() const;

    // Rebuilds the id index that the lookups above use (each one constant time). loadContent
    // calls it; code that changes the entry lists afterwards must call it again. Where two
    // entries share an id, the first in EntryKind order wins.
    void reindex();

private:
    struct IdHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view id) const { return std::hash<std::string_view>{}(id); }
    };
    std::unordered_map<std::string, std::pair<EntryKind, std::size_t>, IdHash, std::equal_to<>> index_;
    template <typename T>
    const T* find(EntryKind kind, const std::vector<T>& entries, std::string_view id) const;
};

// Reads and checks everything under `root`. Never throws for bad content: each problem lands in
// Content::problems, entries with errors are skipped (and their problems marked `skipped`), and
// links to ids that do not exist are dropped from otherwise good entries (a dropped red flag or
// contraindication is kept in the entry's missing list). Only regular files inside `root` are
// read (after resolving links), each at most kMaxContentFileBytes, and each passes precheckToml
// (nesting at most kMaxContentNesting deep, no non-ASCII character where the parser mishandles it)
// before it is parsed; files whose names start with a dot are ignored. An id used twice is kept by its first entry
// (in EntryKind order, then file order) and the later ones are skipped. A missing root is one
// problem. File names in problems are as given by `root` joined with the file's relative path.
Content loadContent(const std::filesystem::path& root);

// Every problem of `content` as shown with a model: what `dorsal check` prints and the window
// counts. That is Content::problems, then a problem for each muscle of the model
// (`modelMuscleIds`: the <id> of its "muscle.<id>[.L|.R]" nodes, see muscleIdsOf) with no entry
// and for each muscle entry the model lacks, naming the model `modelName` (unless `coverage` is
// Partial: a model from another atlas may hold only some of the muscles). When the content folder
// was not found, the model is not compared (one problem says the folder is missing).
enum class ModelCoverage { Whole, Partial };
std::vector<ContentProblem> contentProblemsWithModel(const Content& content,
                                                     const std::vector<std::string>& modelMuscleIds,
                                                     const std::string& modelName,
                                                     ModelCoverage coverage = ModelCoverage::Whole);

}  // namespace dorsal
