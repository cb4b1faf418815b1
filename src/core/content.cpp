#include "core/content.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <set>
#include <system_error>
#include <utility>

#include <toml++/toml.h>

#include "core/small_file.h"
#include "core/text.h"
#include "core/toml_precheck.h"

namespace dorsal {

namespace {

constexpr std::array<std::string_view, 4> kEvidenceNames{"established", "supported", "limited", "traditional"};

// How much of a value from a content file a message quotes.
constexpr std::size_t kQuotedBytes = 80;

std::string typeName(const toml::node& node) {
    switch (node.type()) {
        case toml::node_type::string: return "text";
        case toml::node_type::integer: return "a whole number";
        case toml::node_type::floating_point: return "a number";
        case toml::node_type::boolean: return "true or false";
        case toml::node_type::array: return "a list";
        case toml::node_type::table: return "a table";
        default: return "a date or time";
    }
}

// A key or value from a content file, quoted for a message: escaped and cut short when long.
std::string inQuotes(std::string_view s) { return "\"" + printable(s, kQuotedBytes) + "\""; }

std::string joinQuoted(const std::vector<std::string_view>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) out += (i ? ", " : "") + inQuotes(words[i]);
    return out;
}

std::string number(double value) {
    std::array<char, 32> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%g", value);
    return buffer.data();
}

// Lower-case letters, digits and underscores, as DESIGN.md asks of ids.
bool isId(std::string_view id) {
    return !id.empty() && id.size() <= kMaxIdBytes && std::all_of(id.begin(), id.end(), [](char c) {
               return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
           });
}

// A link from one entry to another, checked once everything is loaded.
struct PendingLink {
    SourceLocation where;
    std::optional<EntryKind> target;    // nullopt: any entry search finds (see isSearchedKind)
    std::string id;
    std::vector<std::string>* list;     // the list holding the id, to drop it if it dangles
    std::vector<std::string>* missing;  // where a dangling id is kept, for safety links; or null
};

// The words of `text` as search compares them, without the `ignored` ones, joined by one space.
std::string meaningfulWords(std::string_view text, const std::set<std::string, std::less<>>& ignored) {
    std::string out;
    std::size_t start = 0;
    const std::string normalised = normaliseForSearch(text);
    while (start < normalised.size()) {
        const std::size_t end = std::min(normalised.find(' ', start), normalised.size());
        const std::string_view word = std::string_view(normalised).substr(start, end - start);
        if (ignored.find(word) == ignored.end()) appendWord(out, word);
        start = end + 1;
    }
    return out;
}

// Reads the fields of one TOML table into an entry, recording every problem with its position.
// Each field is read once; whatever is left unread at finish() is an unknown key.
class TableReader {
public:
    enum Need { Required, Optional };

    TableReader(const toml::table& table, std::string file, std::vector<ContentProblem>& problems,
                std::vector<PendingLink>& links)
        : table_(table), file_(std::move(file)), problems_(problems), links_(links) {}

    SourceLocation tableLocation() const { return locationOf(table_); }

    // The number of items in the list `key`; 0 when there is none.
    std::size_t count(std::string_view key) const {
        const toml::node* node = table_.get(key);
        return node && node->as_array() ? node->as_array()->size() : 0;
    }

    // Text of at most `limit` bytes with no unsafe characters (see findUnsafeCharacter).
    void text(std::string_view key, std::string& out, Need need = Required, std::size_t limit = kMaxTextBytes) {
        const toml::node* node = take(key, need);
        if (!node) return;
        if (const auto value = node->value<std::string>()) {
            if (!acceptable(*node, key, 0, *value, limit)) return;
            out = *value;
            if (need == Required && trimmedEmpty(out)) error(*node, inQuotes(key) + " is empty");
        } else {
            error(*node, inQuotes(key) + " must be text, not " + typeName(*node));
        }
    }

    void name(std::string_view key, std::string& out, Need need = Required) { text(key, out, need, kMaxNameBytes); }

    void id(std::string& out) {
        text("id", out, Required, kMaxNameBytes);
        const toml::node* node = table_.get("id");
        if (node && !out.empty() && !isId(out)) {
            error(*node, "id " + inQuotes(out) + " must be at most " + std::to_string(kMaxIdBytes) +
                             " lower-case letters, digits and underscores, such as \"psoas_major\"");
        }
    }

    // A list of text; `where`, when given, receives the position of each item kept.
    void textList(std::string_view key, std::vector<std::string>& out, Need need = Required,
                  std::size_t limit = kMaxTextBytes, std::vector<SourceLocation>* where = nullptr) {
        const toml::node* node = take(key, need);
        if (!node) return;
        const toml::array* array = node->as_array();
        if (!array) {
            error(*node, inQuotes(key) + " must be a list of text, not " + typeName(*node));
            return;
        }
        for (std::size_t i = 0; i < array->size(); ++i) {
            const toml::node& item = (*array)[i];
            if (const auto value = item.value<std::string>()) {
                if (!acceptable(item, key, i + 1, *value, limit)) continue;
                out.push_back(*value);
                if (where) where->push_back(locationOf(item));
            } else {
                error(item, "every item of " + inQuotes(key) + " must be text, not " + typeName(item));
            }
        }
    }

    void nameList(std::string_view key, std::vector<std::string>& out) {
        textList(key, out, Optional, kMaxNameBytes);
    }

    // A list of ids of `target` entries; `missing`, for safety links, keeps those that dangle.
    // A target of nullopt takes any entry search finds (a muscle, group, pain pattern, ...).
    void links(std::string_view key, std::vector<std::string>& out, std::optional<EntryKind> target,
               Need need = Required,
               std::vector<std::string>* missing = nullptr) {
        std::vector<SourceLocation> where;
        const std::size_t first = out.size();
        textList(key, out, need, kMaxTextBytes, &where);
        for (std::size_t i = 0; i < where.size(); ++i) {
            links_.push_back({std::move(where[i]), target, out[first + i], &out, missing});
        }
    }

    // A list of single words as search compares them: lower case, letters and digits ("my").
    void words(std::string_view key, std::vector<std::string>& out) {
        std::vector<std::string> items;
        std::vector<SourceLocation> where;
        textList(key, items, Optional, kMaxNameBytes, &where);
        for (std::size_t i = 0; i < items.size(); ++i) {
            const std::string word = normaliseForSearch(items[i]);
            if (word != items[i] || word.find(' ') != std::string::npos) {
                error(where[i], "item " + std::to_string(i + 1) + " of " + inQuotes(key) +
                                    " must be one word in lower case, letters and digits only, not " + inQuotes(items[i]));
            } else {
                out.push_back(word);
            }
        }
    }

    // Words or phrases a person types (`ignored` words aside, each must say something); the
    // position of each is kept in `where`.
    void phrases(std::string_view key, std::vector<std::string>& out, const std::set<std::string, std::less<>>& ignored,
                 std::vector<SourceLocation>& where) {
        std::vector<std::string> items;
        std::vector<SourceLocation> at;
        textList(key, items, Required, kMaxNameBytes, &at);
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (meaningfulWords(items[i], ignored).empty()) {
                error(at[i], "item " + std::to_string(i + 1) + " of " + inQuotes(key) + ", " + inQuotes(items[i]) +
                                 ", has no word that search does not ignore");
            } else {
                out.push_back(items[i]);
                where.push_back(at[i]);
            }
        }
    }

    void link(std::string_view key, std::string& out, EntryKind target, Need need = Required) {
        text(key, out, need);
        const toml::node* node = table_.get(key);
        if (node && node->is_string() && !out.empty()) {
            links_.push_back({locationOf(*node), target, out, nullptr, nullptr});
        }
    }

    void choice(std::string_view key, std::string& out, const std::vector<std::string_view>& allowed) {
        text(key, out);
        const toml::node* node = table_.get(key);
        if (!node || !node->is_string() || out.empty()) return;
        if (std::find(allowed.begin(), allowed.end(), out) == allowed.end()) {
            error(*node, inQuotes(key) + " must be one of " + joinQuoted(allowed) + ", not " + inQuotes(out));
        }
    }

    void evidence(std::string_view key, Evidence& out) {
        std::string word;
        choice(key, word, {kEvidenceNames.begin(), kEvidenceNames.end()});
        for (std::size_t i = 0; i < kEvidenceNames.size(); ++i) {
            if (kEvidenceNames[i] == word) out = static_cast<Evidence>(i);
        }
    }

    // Three numbers, each from `lowest` to `highest` (so never NaN or infinite). True when `out`
    // was read.
    bool vec3(std::string_view key, glm::vec3& out, double lowest, double highest, Need need = Required) {
        const toml::node* node = take(key, need);
        if (!node) return false;
        const toml::array* array = node->as_array();
        if (!array || array->size() != 3 || !std::all_of(array->begin(), array->end(), [](const toml::node& n) {
                return n.is_number();
            })) {
            error(*node, inQuotes(key) + " must be a list of three numbers, such as [0.05, 1.0, -0.1]");
            return false;
        }
        std::array<double, 3> values{};
        for (std::size_t i = 0; i < 3; ++i) values[i] = (*array)[i].value_or(0.0);
        if (!std::all_of(values.begin(), values.end(), [&](double v) { return v >= lowest && v <= highest; })) {
            error(*node, inQuotes(key) + " must be three numbers from " + number(lowest) + " to " + number(highest) +
                             " (metres), not [" + number(values[0]) + ", " + number(values[1]) + ", " +
                             number(values[2]) + "]");
            return false;
        }
        for (int i = 0; i < 3; ++i) out[i] = static_cast<float>(values[static_cast<std::size_t>(i)]);
        return true;
    }

    // Calls read(reader) for each table of the array `key`.
    void tables(std::string_view key, Need need, const std::function<void(TableReader&)>& read) {
        const toml::node* node = take(key, need);
        if (!node) return;
        const toml::array* array = node->as_array();
        if (!array || !array->is_array_of_tables()) {
            error(*node, inQuotes(key) + " must be a list of tables ([[" + printable(key, kQuotedBytes) + "]])");
            return;
        }
        for (const toml::node& item : *array) {
            TableReader inner(*item.as_table(), file_, problems_, links_);
            read(inner);
            inner.finish();
            errors_ += inner.errors_;
        }
    }

    // Reports the keys nobody asked for, once. Returns the number of errors in this table.
    int finish() {
        if (std::exchange(finished_, true)) return errors_;
        for (const auto& [key, node] : table_) {
            if (taken_.count(key.str()) == 0) {
                const toml::source_position begin = key.source().begin;
                problems_.push_back({{file_, std::max(1, static_cast<int>(begin.line)),
                                      std::max(1, static_cast<int>(begin.column))},
                                     "unknown key " + inQuotes(key.str()),
                                     false});
                ++errors_;
            }
        }
        return errors_;
    }

    void error(const toml::node& node, std::string message) { error(locationOf(node), std::move(message)); }

    void error(SourceLocation where, std::string message) {
        problems_.push_back({std::move(where), std::move(message), false});
        ++errors_;
    }

private:
    static bool trimmedEmpty(const std::string& s) {
        return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
    }

    // False (with the problem recorded) when `value`, the text of `key` (or of its item number
    // `item` when not 0), is too long or holds a character that could hide or garble what it says.
    bool acceptable(const toml::node& node, std::string_view key, std::size_t item, const std::string& value,
                    std::size_t limit) {
        const auto what = [&] { return (item ? "item " + std::to_string(item) + " of " : std::string()) + inQuotes(key); };
        if (value.size() > limit) {
            error(node, what() + " is " + std::to_string(value.size()) + " bytes long; at most " +
                            std::to_string(limit) + " are allowed");
            return false;
        }
        if (const std::optional<UnsafeCharacter> bad = findUnsafeCharacter(value)) {
            const std::string_view before = std::string_view(value).substr(0, bad->offset);
            const auto characters = std::count_if(before.begin(), before.end(), [](char c) {
                return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
            });
            error(node, what() + " contains " + describeCharacter(*bad) + " at character " +
                            std::to_string(characters + 1) + "; control and text-direction characters are not allowed");
            return false;
        }
        return true;
    }

    const toml::node* take(std::string_view key, Need need) {
        taken_.emplace(key);
        const toml::node* node = table_.get(key);
        if (!node && need == Required) {
            problems_.push_back({tableLocation(), "missing required field " + inQuotes(key), false});
            ++errors_;
        }
        return node;
    }

    SourceLocation locationOf(const toml::node& node) const {
        const toml::source_position begin = node.source().begin;
        return {file_, std::max(1, static_cast<int>(begin.line)), std::max(1, static_cast<int>(begin.column))};
    }

    const toml::table& table_;
    std::string file_;
    std::vector<ContentProblem>& problems_;
    std::vector<PendingLink>& links_;
    std::set<std::string, std::less<>> taken_;
    int errors_ = 0;
    bool finished_ = false;
};

// Region shapes and trigger points are in the model frame, in metres: the body is under two metres
// tall, so ten metres is far outside it.
constexpr double kFurthestCentre = 10.0;

// Reads the fields every entry has: its id and its name.
void readEntry(TableReader& reader, Entry& entry) {
    reader.id(entry.id);
    reader.name("name", entry.name);
    entry.where = reader.tableLocation();
}

void readMuscle(TableReader& r, Muscle& m) {
    readEntry(r, m);
    r.nameList("other_names", m.otherNames);
    r.nameList("nicknames", m.nicknames);
    r.name("latin", m.latin);
    r.link("group", m.group, EntryKind::Group, TableReader::Optional);
    r.choice("layer", m.layer, {"superficial", "intermediate", "deep"});
    r.link("region", m.region, EntryKind::Region);
    r.text("summary", m.summary);
    r.text("origin", m.origin);
    r.text("insertion", m.insertion);
    r.text("action", m.action);
    r.text("innervation", m.innervation);
    r.text("posture_role", m.postureRole);
    r.text("when_tight", m.whenTight);
    r.text("when_weak", m.whenWeak);
    r.evidence("posture_evidence", m.postureEvidence);
    r.text("palpation", m.palpation);
    r.text("cautions", m.cautions);
    r.links("pain_patterns", m.painPatterns, EntryKind::Pain);
    r.links("techniques", m.techniques, EntryKind::Technique);
    r.links("stretches", m.stretches, EntryKind::Stretch);
    r.textList("sources", m.sources);
    // Reserved up front: the region links of each point are checked in place after loading.
    m.triggerPoints.reserve(r.count("trigger_points"));
    r.tables("trigger_points", TableReader::Optional, [&](TableReader& t) {
        TriggerPoint& point = m.triggerPoints.emplace_back();
        t.text("location", point.location);
        t.text("referral", point.referral);
        t.links("referral_regions", point.referralRegions, EntryKind::Region);
        t.evidence("evidence", point.evidence);
        glm::vec3 at(0.0f);
        if (t.vec3("at", at, -kFurthestCentre, kFurthestCentre, TableReader::Optional)) point.at = at;
    });
    m.alsoCalled = m.otherNames;
    m.alsoCalled.insert(m.alsoCalled.end(), m.nicknames.begin(), m.nicknames.end());
}

void readGroup(TableReader& r, MuscleGroup& g) {
    readEntry(r, g);
    r.nameList("nicknames", g.alsoCalled);
    r.link("guide", g.guide, EntryKind::Guide, TableReader::Optional);
}

void readPain(TableReader& r, PainPattern& p) {
    readEntry(r, p);
    r.nameList("also_called", p.alsoCalled);
    r.text("summary", p.summary);
    r.links("felt_in", p.feltIn, EntryKind::Region);
    r.choice("side", p.side, {"left", "right", "both", "either"});
    r.links("primary_muscles", p.primaryMuscles, EntryKind::Muscle);
    r.links("secondary_muscles", p.secondaryMuscles, EntryKind::Muscle);
    r.textList("habits", p.habits);
    r.text("therapist_approach", p.therapistApproach);
    r.links("techniques", p.techniques, EntryKind::Technique);
    r.text("self_care", p.selfCare);
    r.links("stretches", p.stretches, EntryKind::Stretch);
    r.links("red_flags", p.redFlags, EntryKind::RedFlag, TableReader::Required, &p.missingRedFlags);
    r.evidence("evidence", p.evidence);
    r.textList("sources", p.sources);
}

void readTechnique(TableReader& r, Technique& t) {
    readEntry(r, t);
    r.nameList("also_called", t.alsoCalled);
    r.text("summary", t.summary);
    r.text("purpose", t.purpose);
    r.textList("steps", t.steps);
    r.text("pressure", t.pressure);
    r.text("duration", t.duration);
    r.text("when_to_use", t.whenToUse);
    r.text("when_not_to_use", t.whenNotToUse);
    r.links("contraindications", t.contraindications, EntryKind::Contraindication, TableReader::Required,
            &t.missingContraindications);
    r.links("target_muscles", t.targetMuscles, EntryKind::Muscle, TableReader::Optional);
    r.evidence("evidence", t.evidence);
    r.textList("sources", t.sources);
}

void readStretch(TableReader& r, Stretch& s) {
    readEntry(r, s);
    r.choice("kind", s.kind, {"stretch", "strengthening", "mobility"});
    r.nameList("also_called", s.alsoCalled);
    r.text("summary", s.summary);
    r.links("target_muscles", s.targetMuscles, EntryKind::Muscle);
    r.textList("steps", s.steps);
    r.text("dosage", s.dosage);
    r.textList("common_mistakes", s.commonMistakes);
    r.text("stop_if", s.stopIf);
    r.evidence("evidence", s.evidence);
    r.textList("sources", s.sources);
}

void readGuide(TableReader& r, Guide& g) {
    readEntry(r, g);
    r.text("summary", g.summary);
    r.textList("body", g.body);
    r.links("tight_muscles", g.tightMuscles, EntryKind::Muscle, TableReader::Optional);
    r.links("weak_muscles", g.weakMuscles, EntryKind::Muscle, TableReader::Optional);
    r.links("stretches", g.stretches, EntryKind::Stretch, TableReader::Optional);
    r.links("techniques", g.techniques, EntryKind::Technique, TableReader::Optional);
    r.links("pain_patterns", g.painPatterns, EntryKind::Pain, TableReader::Optional);
    r.links("red_flags", g.redFlags, EntryKind::RedFlag, TableReader::Optional, &g.missingRedFlags);
    r.links("contraindications", g.contraindications, EntryKind::Contraindication, TableReader::Optional,
            &g.missingContraindications);
    r.evidence("evidence", g.evidence);
    r.textList("sources", g.sources);
}

// A shape smaller than a millimetre cannot be clicked; one larger than ten metres is a mistake.
constexpr double kSmallestRadius = 0.001;
constexpr double kLargestRadius = 10.0;

void readRegion(TableReader& r, Region& region) {
    readEntry(r, region);
    r.choice("side", region.side, {"both", "midline"});
    r.tables("shape", TableReader::Optional, [&](TableReader& shape) {
        Ellipsoid& e = region.shapes.emplace_back();
        shape.vec3("centre", e.centre, -kFurthestCentre, kFurthestCentre);
        shape.vec3("radii", e.radii, kSmallestRadius, kLargestRadius);
    });
}

void readTerm(TableReader& r, GlossaryTerm& t) {
    r.id(t.id);
    r.name("term", t.name);
    t.where = r.tableLocation();
    r.nameList("also", t.alsoCalled);
    r.text("definition", t.definition);
    r.textList("sources", t.sources);
}

void readRedFlag(TableReader& r, RedFlag& flag) {
    readEntry(r, flag);
    r.text("signs", flag.signs);
    r.text("action", flag.action);
}

void readContraindication(TableReader& r, Contraindication& c) {
    readEntry(r, c);
    r.text("why", c.why);
    r.text("action", c.action);
}

class Loader {
public:
    explicit Loader(Content& content) : content_(content) {
        std::error_code ec;
        canonicalRoot_ = std::filesystem::canonical(content.root, ec);
        if (!canonicalRoot_.has_filename()) canonicalRoot_ = canonicalRoot_.parent_path();
    }

    // Parses one file; returns nullopt (with the reason recorded) when it cannot be read or is
    // not valid TOML.
    std::optional<toml::table> parse(const std::filesystem::path& path) {
        const std::optional<std::string> text = readText(path);
        if (!text) return std::nullopt;
        if (const std::optional<TomlRefusal> refusal = precheckToml(*text, kMaxContentNesting)) {
            content_.problems.push_back(
                {{path.string(), refusal->line, refusal->column}, refusal->message + "; file skipped", true});
            return std::nullopt;
        }
        try {
            return toml::parse(*text, path.string());
        } catch (const toml::parse_error& error) {
            const toml::source_position begin = error.source().begin;
            content_.problems.push_back({{path.string(), std::max(1, static_cast<int>(begin.line)),
                                          std::max(1, static_cast<int>(begin.column))},
                                         "syntax error: " + printable(error.description(), 200) + "; file skipped",
                                         true});
            return std::nullopt;
        }
    }

    // Reads every *.toml in `folder`, one entry a file, into `entries`.
    template <typename T>
    void readFolder(const std::string& folder, std::vector<T>& entries, void (*read)(TableReader&, T&)) {
        const std::filesystem::path dir = content_.root / folder;
        std::error_code ec;
        if (!std::filesystem::is_directory(std::filesystem::status(dir, ec))) {
            problem(dir.string(), "folder missing: expected one .toml file per entry here");
            return;
        }
        if (!inside(dir)) {
            problem(dir.string(), "folder links outside the content folder; not read");
            return;
        }
        std::vector<std::filesystem::path> files;
        std::filesystem::directory_iterator item(dir, ec);
        for (; !ec && item != std::filesystem::directory_iterator(); item.increment(ec)) {
            const std::filesystem::path& path = item->path();
            if (path.extension() == ".toml" && !path.filename().string().starts_with(".")) files.push_back(path);
        }
        if (ec) problem(dir.string(), "folder cannot be read: " + ec.message());
        std::sort(files.begin(), files.end());
        // Every entry is read into its final place, because pending links point into it.
        entries.reserve(entries.size() + files.size());
        for (const std::filesystem::path& file : files) {
            std::optional<toml::table> table = parse(file);
            if (!table) continue;
            T& entry = entries.emplace_back();
            const std::size_t firstProblem = content_.problems.size();
            TableReader reader(*table, file.string(), content_.problems, pending_);
            read(reader, entry);
            int errors = reader.finish();
            const std::string stem = file.stem().string();
            if (!entry.id.empty() && entry.id != stem) {
                content_.problems.push_back(
                    {locate(*table, "id", file.string()),
                     "id " + inQuotes(entry.id) + " must match the file name " + inQuotes(stem + ".toml"), false});
                ++errors;
            }
            judge(&entry, errors, firstProblem);
        }
    }

    // Reads the tables of array `key` in one file (regions.toml, safety.toml, groups.toml).
    template <typename T>
    void readArray(TableReader& reader, std::string_view key, std::vector<T>& entries,
                   void (*read)(TableReader&, T&)) {
        entries.reserve(entries.size() + reader.count(key));
        reader.tables(key, TableReader::Required, [&](TableReader& inner) {
            T& entry = entries.emplace_back();
            const std::size_t firstProblem = content_.problems.size();
            read(inner, entry);
            judge(&entry, inner.finish(), firstProblem);
        });
    }

    // Reads the file `name` at the top of the content folder; false when it could not be read.
    bool readFile(const std::string& name, const std::function<void(TableReader&)>& read) {
        const std::filesystem::path path = content_.root / name;
        std::optional<toml::table> table = parse(path);
        if (!table) return false;
        TableReader reader(*table, path.string(), content_.problems, pending_);
        read(reader);
        reader.finish();
        return true;
    }

    // Reads search.toml: the words search ignores, the complaint words, the terms and the
    // structures not in the atlas yet. A term or structure with an error is left out.
    void readVocabulary(TableReader& reader, SearchVocabulary& vocabulary) {
        reader.words("ignore", vocabulary.ignore);
        reader.words("complaints", vocabulary.complaints);
        const std::set<std::string, std::less<>> ignored(vocabulary.ignore.begin(), vocabulary.ignore.end());
        // A word or phrase calls up one term, and names one structure: where each was first given.
        std::map<std::string, SourceLocation, std::less<>> termWords;
        std::map<std::string, SourceLocation, std::less<>> absentWords;
        auto unique = [&](TableReader& table, const std::vector<std::string>& words,
                          const std::vector<SourceLocation>& where, std::map<std::string, SourceLocation, std::less<>>& seen,
                          const std::string& what) {
            for (std::size_t i = 0; i < words.size(); ++i) {
                const auto [it, added] = seen.emplace(meaningfulWords(words[i], ignored), where[i]);
                if (!added) {
                    table.error(where[i], inQuotes(words[i]) + " is already a word of the " + what + " at " +
                                              it->second.file + ":" + std::to_string(it->second.line));
                }
            }
        };
        // Reserved up front: the links of each are checked in place after loading.
        vocabulary.terms.reserve(reader.count("term"));
        reader.tables("term", TableReader::Optional, [&](TableReader& t) {
            const std::size_t firstProblem = content_.problems.size();
            SearchTerm& term = vocabulary.terms.emplace_back();
            term.where = t.tableLocation();
            std::vector<SourceLocation> where;
            t.phrases("words", term.words, ignored, where);
            t.words("means", term.means);
            t.links("regions", term.regions, EntryKind::Region, TableReader::Optional);
            t.links("entries", term.entries, std::nullopt, TableReader::Optional);
            if (term.means.empty() && t.count("regions") == 0 && t.count("entries") == 0) {
                t.error(term.where, "a term needs \"means\", \"regions\" or \"entries\": what the words stand for");
            }
            unique(t, term.words, where, termWords, "term");
            judge(&term, t.finish(), firstProblem);
        });
        vocabulary.absent.reserve(reader.count("not_in_atlas"));
        reader.tables("not_in_atlas", TableReader::Optional, [&](TableReader& t) {
            const std::size_t firstProblem = content_.problems.size();
            AbsentStructure& absent = vocabulary.absent.emplace_back();
            absent.where = t.tableLocation();
            std::vector<SourceLocation> where;
            t.name("name", absent.name);
            t.phrases("words", absent.words, ignored, where);
            t.links("nearest", absent.nearest, std::nullopt);
            unique(t, absent.words, where, absentWords, "structure");
            judge(&absent, t.finish(), firstProblem);
        });
    }

    // A structure "not in the atlas yet" that an entry now names is in it: the list must shrink.
    // Run after dropSkipped, on the entries that loaded.
    void checkAbsentStructures() {
        const SearchVocabulary& vocabulary = content_.vocabulary;
        const std::set<std::string, std::less<>> ignored(vocabulary.ignore.begin(), vocabulary.ignore.end());
        std::map<std::string, std::pair<EntryKind, const Entry*>, std::less<>> names;
        forEachEntry([&](const Entry& e, EntryKind kind) {
            if (!isSearchedKind(kind)) return;
            std::string id = e.id;
            std::replace(id.begin(), id.end(), '_', ' ');
            for (const std::string& name : {id, e.name}) names.emplace(meaningfulWords(name, ignored), std::make_pair(kind, &e));
            for (const std::string& name : e.alsoCalled) names.emplace(meaningfulWords(name, ignored), std::make_pair(kind, &e));
        });
        for (const AbsentStructure& absent : vocabulary.absent) {
            for (const std::string& word : absent.words) {
                const auto it = names.find(meaningfulWords(word, ignored));
                if (it == names.end()) continue;
                problem(absent.where, inQuotes(word) + " is not in the atlas yet, says this list, but it names the " +
                                          std::string(entryKindName(it->second.first)) + " " +
                                          inQuotes(it->second.second->name) + ": take it out of the list");
            }
        }
    }

    // An id used twice is kept by the first entry that has it; the later ones are skipped. Builds
    // the index of usable entries that link checking uses.
    void checkDuplicates() {
        std::unordered_map<std::string_view, const Entry*> first;
        forEachEntry([&](const Entry& e, EntryKind kind) {
            if (skipped_.count(&e) > 0 || e.id.empty()) return;
            const auto [it, inserted] = first.emplace(e.id, &e);
            if (inserted) {
                usable_.emplace(e.id, std::make_pair(kind, &e));
                return;
            }
            const Entry& kept = *it->second;
            content_.problems.push_back(
                {e.where,
                 "duplicate id " + inQuotes(e.id) + ": the " + std::string(entryKindName(usable_.at(e.id).first)) +
                     " at " + kept.where.file + ":" + std::to_string(kept.where.line) + " keeps it; this " +
                     std::string(entryKindName(kind)) + " is skipped",
                 true});
            skipped_.insert(&e);
        });
    }

    // Safety fails closed: whatever is missing from safety.toml is said once, and remembered.
    void checkSafety(bool fileRead) {
        std::vector<std::string> missing;
        if (!fileRead) missing.push_back("the file could not be read");
        const Safety& safety = content_.safety;
        if (fileRead && std::all_of(safety.notice.begin(), safety.notice.end(),
                                    [](unsigned char c) { return std::isspace(c); })) {
            missing.push_back("it has no education notice");
        }
        auto countKinds = [&](const auto& entries, const std::string& kind) {
            const auto skipped = std::count_if(entries.begin(), entries.end(),
                                               [&](const Entry& e) { return skipped_.count(&e) > 0; });
            if (fileRead && entries.empty()) {
                missing.push_back("it has no " + kind + "s");
            } else if (skipped > 0) {
                missing.push_back(std::to_string(skipped) + " " + kind + (skipped == 1 ? " was" : "s were") + " skipped");
            }
        };
        countKinds(safety.redFlags, "red flag");
        countKinds(safety.contraindications, "contraindication");
        if (missing.empty()) return;
        std::string reasons;
        for (std::size_t i = 0; i < missing.size(); ++i) reasons += (i ? ", " : "") + missing[i];
        content_.safety.failure = ContentProblem(
            {(content_.root / "safety.toml").string(), 1, 1},
            "the safety information (education notice, red flags, contraindications) could not be loaded whole: " +
                reasons + "; every entry warns of this instead",
            false);
    }

    void checkLinks() {
        // Dangling ids are collected first and dropped once per list, so that many links stay linear.
        std::map<std::vector<std::string>*, std::set<std::string, std::less<>>> dangling;
        std::map<std::vector<std::string>*, std::set<std::string, std::less<>>> missing;
        for (PendingLink& link : pending_) {
            if (exists(link.target, link.id)) continue;
            const std::string kind = link.target ? std::string(entryKindName(*link.target)) : "entry";
            problem(link.where, "link to unknown " + kind + " " + inQuotes(link.id));
            if (link.list) dangling[link.list].insert(link.id);
            if (link.missing && missing[link.missing].insert(link.id).second) link.missing->push_back(link.id);
        }
        for (const auto& listAndIds : dangling) {
            const auto& ids = listAndIds.second;
            std::erase_if(*listAndIds.first, [&](const std::string& id) { return ids.count(id) > 0; });
        }
        // Dangling single links (group, region) are cleared in place.
        for (Muscle& m : content_.muscles) {
            if (!m.group.empty() && !exists(EntryKind::Group, m.group)) m.group.clear();
            if (!m.region.empty() && !exists(EntryKind::Region, m.region)) m.region.clear();
        }
    }

    void checkRegionShapes() {
        for (const Region& region : content_.regions) {
            if (region.shapes.empty()) problem(region.where, "region " + inQuotes(region.id) + " has no shape");
        }
    }

    // Removes the skipped entries. Must come after everything that follows pending links.
    void dropSkipped() {
        auto drop = [&](auto& entries) {
            // remove_if tests each element before anything moves onto it, so addresses still match.
            std::erase_if(entries, [&](const auto& e) { return skipped_.count(&e) > 0; });
        };
        drop(content_.muscles);
        drop(content_.groups);
        drop(content_.pains);
        drop(content_.techniques);
        drop(content_.stretches);
        drop(content_.guides);
        drop(content_.regions);
        drop(content_.safety.redFlags);
        drop(content_.safety.contraindications);
        drop(content_.glossary);
        drop(content_.vocabulary.terms);
        drop(content_.vocabulary.absent);
    }

private:
    // The text of the content file at `path`: a regular file inside the content folder, read
    // whole, at most kMaxContentFileBytes. Nullopt, with the reason recorded, otherwise. Never
    // opens a pipe, socket or device, so it cannot block on one.
    std::optional<std::string> readText(const std::filesystem::path& path) {
        std::error_code ec;
        const std::filesystem::file_status own = std::filesystem::symlink_status(path, ec);
        if (own.type() == std::filesystem::file_type::not_found) {
            problem(path.string(), "file missing");
            return std::nullopt;
        }
        const bool link = std::filesystem::is_symlink(own);
        const std::filesystem::file_status status = link ? std::filesystem::status(path, ec) : own;
        if (link && status.type() == std::filesystem::file_type::not_found) {
            return fileProblem(path, "a link to nothing; not read");
        }
        if (ec) return fileProblem(path, "cannot be read: " + ec.message());
        if (std::filesystem::is_directory(status)) return fileProblem(path, "is a folder, not a file; not read");
        if (!std::filesystem::is_regular_file(status)) {
            return fileProblem(path, "is not a regular file (a pipe, socket or device); not read");
        }
        // Its folder is inside the content folder (checked once), so only a link can lead out.
        if (link && !inside(path)) return fileProblem(path, "links outside the content folder; not read");
        SmallFileRead file = readSmallFile(path, kMaxContentFileBytes);
        switch (file.problem) {
            case SmallFileRead::Problem::None: return std::move(file.text);
            case SmallFileRead::Problem::Unreadable: return fileProblem(path, "cannot be read: " + file.reason);
            case SmallFileRead::Problem::NotRegular:
                return fileProblem(path, "is not a regular file (a pipe, socket or device); not read");
            case SmallFileRead::Problem::TooLarge:
                return fileProblem(path, "is larger than " + std::to_string(kMaxContentFileBytes) +
                                             " bytes (1 MiB), far more than any entry needs; not read");
        }
        return std::nullopt;
    }

    // True when `path`, with every link resolved, lies inside the content folder.
    bool inside(const std::filesystem::path& path) const {
        std::error_code ec;
        const std::filesystem::path real = std::filesystem::canonical(path, ec);
        if (ec) return false;
        const auto [rootLeft, realLeft] = std::mismatch(canonicalRoot_.begin(), canonicalRoot_.end(), real.begin(), real.end());
        return rootLeft == canonicalRoot_.end();
    }

    // A file that was not read: its entry, if it had one, is skipped.
    std::nullopt_t fileProblem(const std::filesystem::path& path, std::string message) {
        content_.problems.push_back({{path.string(), 1, 1}, std::move(message), true});
        return std::nullopt;
    }

    // An entry with errors is left out at the end; its problems say so, for the app's list of
    // what it skipped.
    void judge(const void* entry, int errors, std::size_t firstProblem) {
        if (errors == 0) return;
        skipped_.insert(entry);
        for (std::size_t i = firstProblem; i < content_.problems.size(); ++i) content_.problems[i].skipped = true;
    }

    static SourceLocation locate(const toml::table& table, std::string_view key, const std::string& file) {
        if (const toml::node* node = table.get(key)) {
            const toml::source_position begin = node->source().begin;
            return {file, std::max(1, static_cast<int>(begin.line)), std::max(1, static_cast<int>(begin.column))};
        }
        return {file, 1, 1};
    }

    void problem(const std::string& file, std::string message) {
        content_.problems.push_back({{file, 1, 1}, std::move(message), false});
    }
    void problem(const SourceLocation& where, std::string message) {
        content_.problems.push_back({where, std::move(message), false});
    }

    // Visits every entry, with its kind, in EntryKind order and file order within a kind.
    template <typename F>
    void forEachEntry(F&& visit) {
        for (const auto& e : content_.muscles) visit(e, EntryKind::Muscle);
        for (const auto& e : content_.groups) visit(e, EntryKind::Group);
        for (const auto& e : content_.pains) visit(e, EntryKind::Pain);
        for (const auto& e : content_.techniques) visit(e, EntryKind::Technique);
        for (const auto& e : content_.stretches) visit(e, EntryKind::Stretch);
        for (const auto& e : content_.guides) visit(e, EntryKind::Guide);
        for (const auto& e : content_.regions) visit(e, EntryKind::Region);
        for (const auto& e : content_.safety.redFlags) visit(e, EntryKind::RedFlag);
        for (const auto& e : content_.safety.contraindications) visit(e, EntryKind::Contraindication);
        for (const auto& e : content_.glossary) visit(e, EntryKind::Term);
    }

    // True when a usable (not skipped) entry of `kind` has this id (for nullopt, an entry search
    // finds). Valid after checkDuplicates.
    bool exists(std::optional<EntryKind> kind, std::string_view id) const {
        const auto it = usable_.find(id);
        if (it == usable_.end()) return false;
        return kind ? it->second.first == *kind : isSearchedKind(it->second.first);
    }

    Content& content_;
    std::filesystem::path canonicalRoot_;
    std::vector<PendingLink> pending_;
    std::set<const void*> skipped_;  // entries, search terms and absent structures left out
    std::unordered_map<std::string_view, std::pair<EntryKind, const Entry*>> usable_;
};

// Keeps the first kMaxProblemsPerFile problems of each file and says how many more there were.
void capProblemsPerFile(std::vector<ContentProblem>& problems) {
    std::unordered_map<std::string, std::size_t> total;
    for (const ContentProblem& p : problems) ++total[p.where.file];
    std::unordered_map<std::string, std::size_t> listed;
    std::vector<ContentProblem> kept;
    for (ContentProblem& p : problems) {
        const std::size_t n = ++listed[p.where.file];
        if (n > kMaxProblemsPerFile) continue;
        const std::string file = p.where.file;
        kept.push_back(std::move(p));
        const std::size_t all = total[file];
        if (n == kMaxProblemsPerFile && all > n) {
            kept.push_back({{file, 1, 1}, "and " + std::to_string(all - n) + " more problems in this file", false});
        }
    }
    problems = std::move(kept);
}

}  // namespace

std::string_view evidenceName(Evidence evidence) { return kEvidenceNames[static_cast<std::size_t>(evidence)]; }

std::string_view entryKindName(EntryKind kind) {
    static constexpr std::array<std::string_view, 10> kNames{
        "muscle", "muscle group", "pain pattern", "technique", "stretch or exercise", "guide", "region", "red flag",
        "contraindication", "term"};
    return kNames[static_cast<std::size_t>(kind)];
}

std::string_view entryKindTag(EntryKind kind) {
    static constexpr std::array<std::string_view, 10> kTags{
        "muscle", "group", "pain", "technique", "stretch", "guide", "region", "red_flag", "contraindication", "term"};
    return kTags[static_cast<std::size_t>(kind)];
}

bool isSearchedKind(EntryKind kind) {
    return kind == EntryKind::Muscle || kind == EntryKind::Group || kind == EntryKind::Pain ||
           kind == EntryKind::Technique || kind == EntryKind::Stretch || kind == EntryKind::Guide || kind == EntryKind::Term;
}

std::string ContentProblem::format() const {
    return printable(where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column) + ": " + message,
                     std::string::npos);
}

template <typename T>
const T* Content::find(EntryKind kind, const std::vector<T>& entries, std::string_view id) const {
    const auto it = index_.find(id);
    if (it == index_.end() || it->second.first != kind) return nullptr;
    return &entries[it->second.second];
}

const Muscle* Content::muscle(std::string_view id) const { return find(EntryKind::Muscle, muscles, id); }
const MuscleGroup* Content::group(std::string_view id) const { return find(EntryKind::Group, groups, id); }
const PainPattern* Content::pain(std::string_view id) const { return find(EntryKind::Pain, pains, id); }
const Technique* Content::technique(std::string_view id) const { return find(EntryKind::Technique, techniques, id); }
const Stretch* Content::stretch(std::string_view id) const { return find(EntryKind::Stretch, stretches, id); }
const Guide* Content::guide(std::string_view id) const { return find(EntryKind::Guide, guides, id); }
const Region* Content::region(std::string_view id) const { return find(EntryKind::Region, regions, id); }
const RedFlag* Content::redFlag(std::string_view id) const { return find(EntryKind::RedFlag, safety.redFlags, id); }
const Contraindication* Content::contraindication(std::string_view id) const {
    return find(EntryKind::Contraindication, safety.contraindications, id);
}
const GlossaryTerm* Content::term(std::string_view id) const { return find(EntryKind::Term, glossary, id); }

std::optional<EntryKind> Content::kindOf(std::string_view id) const {
    const auto it = index_.find(id);
    if (it == index_.end()) return std::nullopt;
    return it->second.first;
}

std::string Content::nameOf(std::string_view id) const {
    const std::optional<EntryKind> kind = kindOf(id);
    if (!kind) return std::string(id);
    const Entry* entries[] = {muscle(id), group(id), pain(id),    technique(id),       stretch(id),
                              guide(id),  region(id), redFlag(id), contraindication(id), term(id)};
    return entries[static_cast<std::size_t>(*kind)]->name;
}

std::vector<const Muscle*> Content::membersOf(std::string_view groupId) const {
    std::vector<const Muscle*> members;
    for (const Muscle& m : muscles) {
        if (m.group == groupId) members.push_back(&m);
    }
    return members;
}

std::vector<std::string> Content::allIds() const {
    std::vector<std::string> ids;
    auto add = [&](const auto& entries) {
        for (const auto& e : entries) ids.push_back(e.id);
    };
    add(muscles);
    add(groups);
    add(pains);
    add(techniques);
    add(stretches);
    add(guides);
    add(regions);
    add(safety.redFlags);
    add(safety.contraindications);
    add(glossary);
    return ids;
}

void Content::reindex() {
    index_.clear();
    auto add = [&](EntryKind kind, const auto& entries) {
        for (std::size_t i = 0; i < entries.size(); ++i) index_.emplace(entries[i].id, std::make_pair(kind, i));
    };
    add(EntryKind::Muscle, muscles);
    add(EntryKind::Group, groups);
    add(EntryKind::Pain, pains);
    add(EntryKind::Technique, techniques);
    add(EntryKind::Stretch, stretches);
    add(EntryKind::Guide, guides);
    add(EntryKind::Region, regions);
    add(EntryKind::RedFlag, safety.redFlags);
    add(EntryKind::Contraindication, safety.contraindications);
    add(EntryKind::Term, glossary);
}

Content loadContent(const std::filesystem::path& root) {
    Content content;
    content.root = root;
    std::error_code ec;
    if (!std::filesystem::is_directory(root, ec)) {
        content.problems.push_back({{root.string(), 1, 1}, "content folder not found", true});
        return content;
    }
    content.folderFound = true;
    Loader loader(content);
    loader.readFolder("muscles", content.muscles, readMuscle);
    loader.readFile("groups.toml", [&](TableReader& r) { loader.readArray(r, "group", content.groups, readGroup); });
    loader.readFolder("pain", content.pains, readPain);
    loader.readFolder("techniques", content.techniques, readTechnique);
    loader.readFolder("stretches", content.stretches, readStretch);
    loader.readFolder("guides", content.guides, readGuide);
    loader.readFile("regions.toml", [&](TableReader& r) { loader.readArray(r, "region", content.regions, readRegion); });
    const bool safetyRead = loader.readFile("safety.toml", [&](TableReader& r) {
        r.text("notice", content.safety.notice);
        r.textList("sources", content.safety.sources);
        loader.readArray(r, "red_flag", content.safety.redFlags, readRedFlag);
        loader.readArray(r, "contraindication", content.safety.contraindications, readContraindication);
    });
    loader.readFile("glossary.toml", [&](TableReader& r) { loader.readArray(r, "term", content.glossary, readTerm); });
    loader.readFile("search.toml", [&](TableReader& r) { loader.readVocabulary(r, content.vocabulary); });
    loader.checkDuplicates();
    loader.checkSafety(safetyRead);
    loader.checkRegionShapes();
    loader.checkLinks();
    loader.dropSkipped();
    loader.checkAbsentStructures();
    content.reindex();
    capProblemsPerFile(content.problems);
    // Last, so that no cap can hide it.
    if (content.safety.failure) content.problems.push_back(*content.safety.failure);
    return content;
}

std::vector<ContentProblem> contentProblemsWithModel(const Content& content,
                                                     const std::vector<std::string>& modelMuscleIds,
                                                     const std::string& modelName, ModelCoverage coverage) {
    std::vector<ContentProblem> problems = content.problems;
    if (!content.folderFound) return problems;
    const std::set<std::string> inModel(modelMuscleIds.begin(), modelMuscleIds.end());
    for (const std::string& id : inModel) {
        if (content.muscle(id)) continue;
        const std::filesystem::path expected = content.root / "muscles" / (id + ".toml");
        problems.push_back({{expected.string(), 1, 1},
                            "missing: the model " + modelName + " has muscle " + inQuotes(id) +
                                " but there is no entry for it",
                            false});
    }
    for (const Muscle& m : content.muscles) {
        if (coverage == ModelCoverage::Whole && inModel.count(m.id) == 0) {
            problems.push_back({m.where, "muscle " + inQuotes(m.id) + " is not in the model " + modelName, false});
        }
    }
    return problems;
}

}  // namespace dorsal
