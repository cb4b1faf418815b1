#include "core/search.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "core/text.h"

namespace dorsal {

namespace {

// How much a match in each kind of field counts.
constexpr double kNameWeight = 10.0;
constexpr double kAlsoCalledWeight = 9.0;
constexpr double kLatinWeight = 6.0;
constexpr double kGroupNameWeight = 5.0;
constexpr double kSummaryWeight = 3.0;
constexpr double kTextWeight = 1.5;

// How good a match is, from an exact field down to a typo inside a longer text.
constexpr double kExactField = 1.0;
constexpr double kFieldPrefix = 0.9;
constexpr double kFieldTypo = 0.85;
constexpr double kTokenShare = 0.8;  // all words found inside a longer field
constexpr double kTokenExact = 1.0;
constexpr double kTokenPrefix = 0.85;
constexpr double kTokenTypo = 0.75;
// A document's score: its best field plus a little of the others, so breadth breaks ties.
constexpr double kOtherFieldsShare = 0.05;

std::vector<std::string> splitWords(const std::string& normalised) {
    std::vector<std::string> words;
    std::istringstream in(normalised);
    std::string word;
    while (in >> word) words.push_back(word);
    return words;
}

// Typos allowed in a word: none in short words (QL, abs), one from four letters, two from eight.
std::size_t allowedTypos(std::size_t length) { return length >= 8 ? 2 : length >= 4 ? 1 : 0; }

double matchWord(const std::string& queryWord, const std::vector<std::string>& fieldWords) {
    double best = 0.0;
    for (const std::string& word : fieldWords) {
        if (word == queryWord) return kTokenExact;
        if (queryWord.size() >= 2 && word.size() > queryWord.size() && word.compare(0, queryWord.size(), queryWord) == 0) {
            best = std::max(best, kTokenPrefix);
            continue;
        }
        const std::size_t typos = allowedTypos(queryWord.size());
        if (typos > 0 && best < kTokenTypo &&
            (word.size() + typos >= queryWord.size() && word.size() <= queryWord.size() + typos) &&
            editDistance(queryWord, word) <= typos) {
            best = kTokenTypo;
        }
    }
    return best;
}

// 0 (no match) to 1 (the field is the query).
double matchField(const std::string& query, const std::vector<std::string>& queryWords, const std::string& field,
                  const std::vector<std::string>& fieldWords) {
    if (field == query) return kExactField;
    if (field.size() > query.size() && field.compare(0, query.size(), query) == 0 && field[query.size()] == ' ') {
        return kFieldPrefix;
    }
    const std::size_t typos = allowedTypos(query.size());
    if (typos > 0 && field.size() <= query.size() + typos && editDistance(query, field) <= typos) return kFieldTypo;
    double sum = 0.0;
    for (const std::string& word : queryWords) {
        const double m = matchWord(word, fieldWords);
        if (m == 0.0) return 0.0;  // every word of the query must be found
        sum += m;
    }
    return kTokenShare * sum / static_cast<double>(queryWords.size());
}

// Groups come before their members when equally matched; the rest in the UI's order.
int kindPriority(EntryKind kind) {
    switch (kind) {
        case EntryKind::Group: return 0;
        case EntryKind::Muscle: return 1;
        case EntryKind::Pain: return 2;
        case EntryKind::Stretch: return 3;
        case EntryKind::Technique: return 4;
        case EntryKind::Guide: return 5;
        default: return 6;
    }
}

}  // namespace

std::string normaliseForSearch(std::string_view text) {
    std::string out;
    bool space = false;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || u >= 0x80) {  // keep UTF-8 letters as they are
            if (space && !out.empty()) out += ' ';
            out += static_cast<char>(std::tolower(u));
            space = false;
        } else {
            space = true;
        }
    }
    return out;
}

SearchIndex::SearchIndex(const Content& content) {
    std::map<std::string, int> incoming;
    auto countLinks = [&](const std::vector<std::string>& ids) {
        for (const std::string& id : ids) ++incoming[id];
    };

    auto addDocument = [&](EntryKind kind, const Entry& entry) -> Document& {
        Document& d = documents_.emplace_back();
        d.kind = kind;
        d.id = entry.id;
        d.title = entry.name;
        return d;
    };
    auto addField = [](Document& d, const std::string& text, double weight) {
        if (text.empty()) return;
        Field& f = d.fields.emplace_back();
        f.original = text;
        f.text = normaliseForSearch(text);
        std::vector<std::string> words = splitWords(f.text);
        std::sort(words.begin(), words.end());
        words.erase(std::unique(words.begin(), words.end()), words.end());
        f.tokens = std::move(words);
        f.weight = weight;
    };
    auto addFields = [&](Document& d, const std::vector<std::string>& texts, double weight) {
        for (const std::string& t : texts) addField(d, t, weight);
    };
    auto addNames = [&](Document& d, const Entry& e) {
        addField(d, e.name, kNameWeight);
        addFields(d, e.alsoCalled, kAlsoCalledWeight);
    };

    for (const Muscle& m : content.muscles) {
        Document& d = addDocument(EntryKind::Muscle, m);
        addNames(d, m);
        addField(d, m.latin, kLatinWeight);
        if (const MuscleGroup* g = content.group(m.group)) {
            addField(d, g->name, kGroupNameWeight);
            addFields(d, g->alsoCalled, kGroupNameWeight);
        }
        addField(d, m.summary, kSummaryWeight);
        addFields(d, {m.action, m.postureRole, m.whenTight, m.whenWeak}, kTextWeight);
        countLinks(m.painPatterns);
        countLinks(m.techniques);
        countLinks(m.stretches);
    }
    for (const MuscleGroup& g : content.groups) addNames(addDocument(EntryKind::Group, g), g);
    for (const PainPattern& p : content.pains) {
        Document& d = addDocument(EntryKind::Pain, p);
        addNames(d, p);
        addField(d, p.summary, kSummaryWeight);
        addFields(d, p.habits, kTextWeight);
        addFields(d, {p.therapistApproach, p.selfCare}, kTextWeight);
        countLinks(p.primaryMuscles);
        countLinks(p.primaryMuscles);  // a primary muscle counts double
        countLinks(p.secondaryMuscles);
        countLinks(p.techniques);
        countLinks(p.stretches);
    }
    for (const Technique& t : content.techniques) {
        Document& d = addDocument(EntryKind::Technique, t);
        addNames(d, t);
        addField(d, t.summary, kSummaryWeight);
        addFields(d, {t.purpose, t.whenToUse}, kTextWeight);
        addFields(d, t.steps, kTextWeight);
        countLinks(t.targetMuscles);
    }
    for (const Stretch& s : content.stretches) {
        Document& d = addDocument(EntryKind::Stretch, s);
        addNames(d, s);
        addField(d, s.summary, kSummaryWeight);
        addFields(d, s.steps, kTextWeight);
        countLinks(s.targetMuscles);
    }
    for (const Guide& g : content.guides) {
        Document& d = addDocument(EntryKind::Guide, g);
        addNames(d, g);
        addField(d, g.summary, kSummaryWeight);
        addFields(d, g.body, kTextWeight);
        countLinks(g.tightMuscles);
        countLinks(g.weakMuscles);
        countLinks(g.stretches);
    }
    for (Document& d : documents_) d.incomingLinks = incoming[d.id];
}

std::vector<SearchResult> SearchIndex::search(std::string_view query, std::size_t limit) const {
    const std::string normalised = normaliseForSearch(query);
    const std::vector<std::string> queryWords = splitWords(normalised);
    if (queryWords.empty()) return {};

    struct Scored {
        const Document* document;
        double best;   // the best single field
        double score;  // plus a little of the others
        const Field* bestField;
    };
    std::vector<Scored> scored;
    for (const Document& d : documents_) {
        double best = 0.0;
        double others = 0.0;
        const Field* bestField = nullptr;
        for (const Field& f : d.fields) {
            const double s = f.weight * matchField(normalised, queryWords, f.text, f.tokens);
            if (s > best) {
                others += best;
                best = s;
                bestField = &f;
            } else {
                others += s;
            }
        }
        if (best > 0.0) scored.push_back({&d, best, best + kOtherFieldsShare * std::min(others, 20.0), bestField});
    }
    // Ranked by the best field, in quarter-point bands; within a band a group comes before its
    // muscles (it is the broader answer), then the entry more often linked from elsewhere (the
    // psoas before the iliacus for "hip flexor"), then the one matching in more fields.
    auto band = [](double score) { return std::lround(score * 4.0); };
    std::sort(scored.begin(), scored.end(), [&](const Scored& a, const Scored& b) {
        if (band(a.best) != band(b.best)) return band(a.best) > band(b.best);
        if (kindPriority(a.document->kind) != kindPriority(b.document->kind)) {
            return kindPriority(a.document->kind) < kindPriority(b.document->kind);
        }
        if (a.document->incomingLinks != b.document->incomingLinks) {
            return a.document->incomingLinks > b.document->incomingLinks;
        }
        if (a.score != b.score) return a.score > b.score;
        return a.document->title < b.document->title;
    });

    std::vector<SearchResult> results;
    for (std::size_t i = 0; i < scored.size() && i < limit; ++i) {
        const Document& d = *scored[i].document;
        SearchResult r{d.kind, d.id, d.title, {}, scored[i].score};
        if (scored[i].bestField && scored[i].bestField->original != d.title && scored[i].bestField->weight >= kGroupNameWeight) {
            r.matched = scored[i].bestField->original;
        }
        results.push_back(std::move(r));
    }
    return results;
}

}  // namespace dorsal
