#include "core/content.h"

#include <algorithm>
#include <array>
#include <functional>
#include <set>

#include <toml++/toml.h>

namespace dorsal {

namespace {

constexpr std::array<std::string_view, 4> kEvidenceNames{"established", "supported", "limited", "traditional"};

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

std::string inQuotes(std::string_view s) {
    std::string quoted;
    quoted.reserve(s.size() + 2);
    quoted.append(1, '"').append(s).append(1, '"');
    return quoted;
}

std::string joinQuoted(const std::vector<std::string_view>& words) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) out += (i ? ", " : "") + inQuotes(words[i]);
    return out;
}

// A link from one entry to another, checked once everything is loaded.
struct PendingLink {
    SourceLocation where;
    EntryKind target;
    std::string id;
    std::vector<std::string>* list;  // the list holding the id, to drop it if it dangles
};

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

    void text(std::string_view key, std::string& out, Need need = Required) {
        const toml::node* node = take(key, need);
        if (!node) return;
        if (const auto value = node->value<std::string>()) {
            out = *value;
            if (need == Required && trimmedEmpty(out)) error(*node, inQuotes(key) + " is empty");
        } else {
            error(*node, inQuotes(key) + " must be text, not " + typeName(*node));
        }
    }

    void textList(std::string_view key, std::vector<std::string>& out, Need need = Required) {
        const toml::node* node = take(key, need);
        if (!node) return;
        const toml::array* array = node->as_array();
        if (!array) {
            error(*node, inQuotes(key) + " must be a list of text, not " + typeName(*node));
            return;
        }
        for (const toml::node& item : *array) {
            if (const auto value = item.value<std::string>()) {
                out.push_back(*value);
            } else {
                error(item, "every item of " + inQuotes(key) + " must be text, not " + typeName(item));
            }
        }
    }

    void links(std::string_view key, std::vector<std::string>& out, EntryKind target, Need need = Required) {
        const toml::node* node = table_.get(key);
        textList(key, out, need);
        if (!node || !node->as_array()) return;
        const toml::array& array = *node->as_array();
        for (std::size_t i = 0; i < array.size() && i < out.size(); ++i) {
            links_.push_back({locationOf(array[i]), target, out[i], &out});
        }
    }

    void link(std::string_view key, std::string& out, EntryKind target, Need need = Required) {
        text(key, out, need);
        const toml::node* node = table_.get(key);
        if (node && node->is_string() && !out.empty()) links_.push_back({locationOf(*node), target, out, nullptr});
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

    void vec3(std::string_view key, glm::vec3& out) {
        const toml::node* node = take(key, Required);
        if (!node) return;
        const toml::array* array = node->as_array();
        if (!array || array->size() != 3 || !std::all_of(array->begin(), array->end(), [](const toml::node& n) {
                return n.is_number();
            })) {
            error(*node, inQuotes(key) + " must be a list of three numbers, such as [0.05, 1.0, -0.1]");
            return;
        }
        for (int i = 0; i < 3; ++i) out[i] = static_cast<float>((*array)[static_cast<std::size_t>(i)].value_or(0.0));
    }

    // Calls read(reader) for each table of the array `key`.
    void tables(std::string_view key, Need need, const std::function<void(TableReader&)>& read) {
        const toml::node* node = take(key, need);
        if (!node) return;
        const toml::array* array = node->as_array();
        if (!array || !array->is_array_of_tables()) {
            error(*node, inQuotes(key) + " must be a list of tables ([[" + std::string(key) + "]])");
            return;
        }
        for (const toml::node& item : *array) {
            TableReader inner(*item.as_table(), file_, problems_, links_);
            read(inner);
            inner.finish();
            errors_ += inner.errors_;
        }
    }

    // Reports the keys nobody asked for. Returns the number of errors in this table.
    int finish() {
        for (const auto& [key, node] : table_) {
            if (taken_.count(std::string(key.str())) == 0) {
                const toml::source_position begin = key.source().begin;
                problems_.push_back({{file_, static_cast<int>(begin.line), static_cast<int>(begin.column)},
                                     "unknown key " + inQuotes(key.str()),
                                     false});
                ++errors_;
            }
        }
        return errors_;
    }

    void error(const toml::node& node, std::string message) {
        problems_.push_back({locationOf(node), std::move(message), false});
        ++errors_;
    }

private:
    static bool trimmedEmpty(const std::string& s) {
        return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
    }

    const toml::node* take(std::string_view key, Need need) {
        taken_.insert(std::string(key));
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
    std::set<std::string> taken_;
    int errors_ = 0;
};

// Reads the fields every entry has: its id and its name.
void readEntry(TableReader& reader, Entry& entry) {
    reader.text("id", entry.id);
    reader.text("name", entry.name);
    entry.where = reader.tableLocation();
}

void readMuscle(TableReader& r, Muscle& m) {
    readEntry(r, m);
    r.textList("other_names", m.otherNames, TableReader::Optional);
    r.textList("nicknames", m.nicknames, TableReader::Optional);
    r.text("latin", m.latin);
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
    });
    m.alsoCalled = m.otherNames;
    m.alsoCalled.insert(m.alsoCalled.end(), m.nicknames.begin(), m.nicknames.end());
}

void readGroup(TableReader& r, MuscleGroup& g) {
    readEntry(r, g);
    r.textList("nicknames", g.alsoCalled, TableReader::Optional);
}

void readPain(TableReader& r, PainPattern& p) {
    readEntry(r, p);
    r.textList("also_called", p.alsoCalled, TableReader::Optional);
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
    r.links("red_flags", p.redFlags, EntryKind::RedFlag);
    r.evidence("evidence", p.evidence);
    r.textList("sources", p.sources);
}

void readTechnique(TableReader& r, Technique& t) {
    readEntry(r, t);
    r.textList("also_called", t.alsoCalled, TableReader::Optional);
    r.text("summary", t.summary);
    r.text("purpose", t.purpose);
    r.textList("steps", t.steps);
    r.text("pressure", t.pressure);
    r.text("duration", t.duration);
    r.text("when_to_use", t.whenToUse);
    r.text("when_not_to_use", t.whenNotToUse);
    r.links("contraindications", t.contraindications, EntryKind::Contraindication);
    r.links("target_muscles", t.targetMuscles, EntryKind::Muscle, TableReader::Optional);
    r.evidence("evidence", t.evidence);
    r.textList("sources", t.sources);
}

void readStretch(TableReader& r, Stretch& s) {
    readEntry(r, s);
    r.choice("kind", s.kind, {"stretch", "strengthening", "mobility"});
    r.textList("also_called", s.alsoCalled, TableReader::Optional);
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
    r.evidence("evidence", g.evidence);
    r.textList("sources", g.sources);
}

void readRegion(TableReader& r, Region& region) {
    readEntry(r, region);
    r.choice("side", region.side, {"both", "midline"});
    r.tables("shape", TableReader::Optional, [&](TableReader& shape) {
        Ellipsoid& e = region.shapes.emplace_back();
        shape.vec3("centre", e.centre);
        shape.vec3("radii", e.radii);
    });
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
    explicit Loader(Content& content) : content_(content) {}

    // Parses one file; returns nullopt (with the syntax error recorded) when it is not valid TOML.
    std::optional<toml::table> parse(const std::filesystem::path& path) {
        try {
            return toml::parse_file(path.string());
        } catch (const toml::parse_error& error) {
            const toml::source_position begin = error.source().begin;
            content_.problems.push_back({{path.string(), std::max(1, static_cast<int>(begin.line)),
                                          std::max(1, static_cast<int>(begin.column))},
                                         "syntax error: " + std::string(error.description()) + "; file skipped",
                                         true});
            return std::nullopt;
        }
    }

    // Reads every *.toml in `folder`, one entry a file, into `entries`.
    template <typename T>
    void readFolder(const std::string& folder, std::vector<T>& entries, void (*read)(TableReader&, T&)) {
        const std::filesystem::path dir = content_.root / folder;
        std::error_code ec;
        if (!std::filesystem::is_directory(dir, ec)) {
            problem(dir.string(), "folder missing: expected one .toml file per entry here");
            return;
        }
        std::vector<std::filesystem::path> files;
        for (const auto& item : std::filesystem::directory_iterator(dir, ec)) {
            if (item.path().extension() == ".toml") files.push_back(item.path());
        }
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
            judge(entry, errors, firstProblem);
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
            judge(entry, inner.finish(), firstProblem);
        });
    }

    void readFile(const std::string& name, const std::function<void(TableReader&)>& read) {
        const std::filesystem::path path = content_.root / name;
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec)) {
            problem(path.string(), "file missing");
            return;
        }
        std::optional<toml::table> table = parse(path);
        if (!table) return;
        TableReader reader(*table, path.string(), content_.problems, pending_);
        read(reader);
        reader.finish();
    }

    void checkDuplicates() {
        std::map<std::string, SourceLocation> seen;
        auto visit = [&](const Entry& e) {
            const auto [it, inserted] = seen.emplace(e.id, e.where);
            if (!inserted) {
                problem(e.where, "duplicate id " + inQuotes(e.id) + ", first defined at " + it->second.file + ":" +
                                     std::to_string(it->second.line));
            }
        };
        forEachEntry(visit);
    }

    // Removes the skipped entries. Must come last: pending links point into the entries.
    void dropSkipped() {
        auto drop = [&](auto& entries) {
            // remove_if tests each element before anything moves onto it, so addresses still match.
            std::erase_if(entries, [&](const Entry& e) { return skipped_.count(&e) > 0; });
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
    }

    void checkLinks() {
        for (PendingLink& link : pending_) {
            if (exists(link.target, link.id)) continue;
            std::string message = "link to unknown " + std::string(entryKindName(link.target)) + " " + inQuotes(link.id);
            problem(link.where, message);
            if (link.list) std::erase(*link.list, link.id);
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

private:
    // An entry with errors is left out at the end; its problems say so, for the app's list of
    // what it skipped.
    void judge(const Entry& entry, int errors, std::size_t firstProblem) {
        if (errors == 0) return;
        skipped_.insert(&entry);
        for (std::size_t i = firstProblem; i < content_.problems.size(); ++i) content_.problems[i].skipped = true;
    }

    static SourceLocation locate(const toml::table& table, std::string_view key, const std::string& file) {
        if (const toml::node* node = table.get(key)) {
            const toml::source_position begin = node->source().begin;
            return {file, static_cast<int>(begin.line), static_cast<int>(begin.column)};
        }
        return {file, 1, 1};
    }

    void problem(const std::string& file, std::string message) {
        content_.problems.push_back({{file, 1, 1}, std::move(message), false});
    }
    void problem(const SourceLocation& where, std::string message) {
        content_.problems.push_back({where, std::move(message), false});
    }

    template <typename F>
    void forEachEntry(F&& visit) {
        for (const auto& e : content_.muscles) visit(e);
        for (const auto& e : content_.groups) visit(e);
        for (const auto& e : content_.pains) visit(e);
        for (const auto& e : content_.techniques) visit(e);
        for (const auto& e : content_.stretches) visit(e);
        for (const auto& e : content_.guides) visit(e);
        for (const auto& e : content_.regions) visit(e);
        for (const auto& e : content_.safety.redFlags) visit(e);
        for (const auto& e : content_.safety.contraindications) visit(e);
    }

    // True when a usable (not skipped) entry of `kind` has this id.
    bool exists(EntryKind kind, const std::string& id) const {
        const Entry* found = nullptr;
        switch (kind) {
            case EntryKind::Muscle: found = content_.muscle(id); break;
            case EntryKind::Group: found = content_.group(id); break;
            case EntryKind::Pain: found = content_.pain(id); break;
            case EntryKind::Technique: found = content_.technique(id); break;
            case EntryKind::Stretch: found = content_.stretch(id); break;
            case EntryKind::Guide: found = content_.guide(id); break;
            case EntryKind::Region: found = content_.region(id); break;
            case EntryKind::RedFlag: found = content_.redFlag(id); break;
            case EntryKind::Contraindication: found = content_.contraindication(id); break;
        }
        return found && skipped_.count(found) == 0;
    }

    Content& content_;
    std::vector<PendingLink> pending_;
    std::set<const Entry*> skipped_;
};

template <typename T>
const T* findById(const std::vector<T>& entries, std::string_view id) {
    const auto it = std::find_if(entries.begin(), entries.end(), [&](const T& e) { return e.id == id; });
    return it == entries.end() ? nullptr : &*it;
}

}  // namespace

std::string_view evidenceName(Evidence evidence) { return kEvidenceNames[static_cast<std::size_t>(evidence)]; }

std::string_view entryKindName(EntryKind kind) {
    static constexpr std::array<std::string_view, 9> kNames{
        "muscle", "muscle group", "pain pattern", "technique", "stretch or exercise", "guide", "region", "red flag",
        "contraindication"};
    return kNames[static_cast<std::size_t>(kind)];
}

std::string ContentProblem::format() const {
    return where.file + ":" + std::to_string(where.line) + ":" + std::to_string(where.column) + ": " + message;
}

const Muscle* Content::muscle(std::string_view id) const { return findById(muscles, id); }
const MuscleGroup* Content::group(std::string_view id) const { return findById(groups, id); }
const PainPattern* Content::pain(std::string_view id) const { return findById(pains, id); }
const Technique* Content::technique(std::string_view id) const { return findById(techniques, id); }
const Stretch* Content::stretch(std::string_view id) const { return findById(stretches, id); }
const Guide* Content::guide(std::string_view id) const { return findById(guides, id); }
const Region* Content::region(std::string_view id) const { return findById(regions, id); }
const RedFlag* Content::redFlag(std::string_view id) const { return findById(safety.redFlags, id); }
const Contraindication* Content::contraindication(std::string_view id) const {
    return findById(safety.contraindications, id);
}

std::optional<EntryKind> Content::kindOf(std::string_view id) const {
    if (muscle(id)) return EntryKind::Muscle;
    if (group(id)) return EntryKind::Group;
    if (pain(id)) return EntryKind::Pain;
    if (technique(id)) return EntryKind::Technique;
    if (stretch(id)) return EntryKind::Stretch;
    if (guide(id)) return EntryKind::Guide;
    if (region(id)) return EntryKind::Region;
    if (redFlag(id)) return EntryKind::RedFlag;
    if (contraindication(id)) return EntryKind::Contraindication;
    return std::nullopt;
}

std::string Content::nameOf(std::string_view id) const {
    const Entry* entries[] = {muscle(id), group(id), pain(id),    technique(id),       stretch(id),
                              guide(id),  region(id), redFlag(id), contraindication(id)};
    for (const Entry* e : entries) {
        if (e) return e->name;
    }
    return std::string(id);
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
    return ids;
}

Content loadContent(const std::filesystem::path& root) {
    Content content;
    content.root = root;
    std::error_code ec;
    if (!std::filesystem::is_directory(root, ec)) {
        content.problems.push_back({{root.string(), 1, 1}, "content folder not found", true});
        return content;
    }
    Loader loader(content);
    loader.readFolder("muscles", content.muscles, readMuscle);
    loader.readFile("groups.toml", [&](TableReader& r) { loader.readArray(r, "group", content.groups, readGroup); });
    loader.readFolder("pain", content.pains, readPain);
    loader.readFolder("techniques", content.techniques, readTechnique);
    loader.readFolder("stretches", content.stretches, readStretch);
    loader.readFolder("guides", content.guides, readGuide);
    loader.readFile("regions.toml", [&](TableReader& r) { loader.readArray(r, "region", content.regions, readRegion); });
    loader.readFile("safety.toml", [&](TableReader& r) {
        r.text("notice", content.safety.notice);
        r.textList("sources", content.safety.sources);
        loader.readArray(r, "red_flag", content.safety.redFlags, readRedFlag);
        loader.readArray(r, "contraindication", content.safety.contraindications, readContraindication);
    });
    loader.checkDuplicates();
    loader.checkRegionShapes();
    loader.checkLinks();
    loader.dropSkipped();
    return content;
}

void checkAgainstModelMuscles(Content& content, const std::vector<std::string>& modelMuscleIds,
                              const std::string& modelName) {
    const std::set<std::string> inModel(modelMuscleIds.begin(), modelMuscleIds.end());
    for (const std::string& id : inModel) {
        if (content.muscle(id)) continue;
        const std::filesystem::path expected = content.root / "muscles" / (id + ".toml");
        content.problems.push_back(
            {{expected.string(), 1, 1}, "missing: the model " + modelName + " has muscle " + inQuotes(id) +
                                            " but there is no entry for it",
             false});
    }
    for (const Muscle& m : content.muscles) {
        if (inModel.count(m.id) == 0) {
            content.problems.push_back(
                {m.where, "muscle " + inQuotes(m.id) + " is not in the model " + modelName, false});
        }
    }
}

}  // namespace dorsal
