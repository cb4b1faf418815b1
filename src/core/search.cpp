#include "core/search.h"

#include <libstemmer.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <map>
#include <memory>

#include "core/text.h"

namespace dorsal {

// A query as search reads it: its units (a word, or a phrase of the vocabulary standing for a
// term), the structures it names that the atlas lacks, and whether it describes a complaint.
struct SearchIndex::Unit {
    std::vector<QueryWord> words;
    const Term* term = nullptr;
    double weight = 1.0;  // its part in the text score
};

struct SearchIndex::Query {
    std::string text;  // normalised
    std::string key;   // the stems of its words that are not ignored
    std::vector<Unit> units;
    std::vector<std::uint32_t> absent;
    bool complaint = false;
};

namespace {

// How much a match in each kind of field counts.
constexpr double kNameWeight = 10.0;
constexpr double kAlsoCalledWeight = 9.0;
constexpr double kLatinWeight = 6.0;
constexpr double kGroupNameWeight = 5.0;
constexpr double kSummaryWeight = 3.0;
constexpr double kTextWeight = 1.5;

// How well a word of the query matches a word of an entry.
constexpr float kSameWord = 1.0f;
constexpr float kSameStem = 0.95f;   // "hurts" for "hurt", "flexors" for "flexor"
constexpr float kWordPrefix = 0.85f; // "latis" for "latissimus"; on stems too: "glutes" for "gluteal"
constexpr float kWordTypo = 0.75f;
constexpr float kMeansShare = 0.9f;  // a word a term stands for: "buttock" for "bum"

// How well the whole query matches a name.
constexpr double kSameText = 1.0;
constexpr double kSameStems = 0.95;
constexpr double kStartOfField = 0.85;  // "chin tuck" of "Chin tuck exercise"
// A name that starts with the query's stems ("glutes" of "Glute bridge") or with a word still
// being typed, or a typo of the whole name.
constexpr double kNearlyField = 0.8;
// All the query's words found in one field, by their matches; the field's share of words the
// query covers counts for a quarter.
constexpr double kTokenShare = 0.8;
constexpr double kCoveredPart = 0.25;

// What a query's body areas, named entries and complaint words add to an entry's score. A name
// that matches exactly scores about 20.
constexpr double kFeltFirst = 8.0;    // a pain pattern felt first in a region the query names
constexpr double kFeltAlso = 6.0;     // one felt there as well
constexpr double kMuscleThere = 4.0;  // a muscle lying there or referring pain there
constexpr double kCareThere = 3.0;    // a stretch or technique for the pain felt first there
// An entry a term names scores as if the term were its nickname, by the term's share of the query.
constexpr double kNamedEntry = kAlsoCalledWeight;
constexpr double kNearest = 8.0;      // an entry offered for a structure not in the atlas
constexpr double kComplaintPain = 3.0;
// A complaint word says little about what hurts: in "my pecs are tight", the pecs count double.
constexpr double kComplaintWordWeight = 0.5;
constexpr double kListedLess = 0.05;  // each later entry of a list counts this share less
// Without a complaint word, body areas count half: "hip abduction" is about an exercise more than
// about hip pain.
constexpr double kBodyWithoutComplaint = 0.5;

constexpr double kShareOfBest = 1.0 / 3.0;
constexpr std::size_t kMaxQueryWords = 16;
constexpr std::size_t kShortestStemPrefix = 4;      // "sit" would start "site" and "situation"
constexpr std::size_t kShortestVocabularyTypo = 6;  // "calf" must not be found in "half"
constexpr std::size_t kLongestStemmedWord = 64;

std::vector<std::string> splitWords(const std::string& normalised) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < normalised.size()) {
        const std::size_t end = std::min(normalised.find(' ', start), normalised.size());
        words.push_back(normalised.substr(start, end - start));
        start = end + 1;
    }
    return words;
}

// Typos allowed in a word: none in short words (QL, abs), one from four letters, two from eight.
std::size_t allowedTypos(std::size_t length) { return length >= 8 ? 2 : length >= 4 ? 1 : 0; }

// Snowball's English (Porter 2) stemmer, one per thread: a stemmer cannot be shared. Words with
// characters other than ASCII letters and digits are left as they are; the stemmer knows none.
std::string stemOf(const std::string& word) {
    struct Deleter {
        void operator()(sb_stemmer* stemmer) const { sb_stemmer_delete(stemmer); }
    };
    thread_local const std::unique_ptr<sb_stemmer, Deleter> stemmer(sb_stemmer_new("english", "UTF_8"));
    const bool ascii = std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (!stemmer || !ascii || word.size() > kLongestStemmedWord) return word;
    const sb_symbol* stem = sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                                            static_cast<int>(word.size()));
    if (!stem) return word;  // out of memory
    return std::string(reinterpret_cast<const char*>(stem), static_cast<std::size_t>(sb_stemmer_length(stemmer.get())));
}

// One bit per letter a to z, one for digits, one for anything else.
std::uint32_t lettersOf(std::string_view word) {
    std::uint32_t letters = 0;
    for (char c : word) {
        if (c >= 'a' && c <= 'z') {
            letters |= 1u << (c - 'a');
        } else if (c >= '0' && c <= '9') {
            letters |= 1u << 26;
        } else {
            letters |= 1u << 27;
        }
    }
    return letters;
}

bool startsWith(std::string_view text, std::string_view start) {
    return text.size() >= start.size() && text.compare(0, start.size(), start) == 0;
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
        case EntryKind::Term: return 6;
        default: return 7;
    }
}

// A list's own order, each later item counting a little less.
double listed(std::size_t position) { return std::max(0.5, 1.0 - kListedLess * static_cast<double>(position)); }

// Keeps the larger boost of each document.
void raise(std::map<std::uint32_t, double>& boosts, std::uint32_t document, double amount) {
    double& boost = boosts[document];
    boost = std::max(boost, amount);
}

}  // namespace

std::string AbsentResult::sentence() const { return "The " + name + " is not in this atlas yet"; }

SearchIndex::SearchIndex(const Content& content) {
    for (const std::string& word : content.vocabulary.ignore) ignored_.insert(normaliseForSearch(word));
    for (const std::string& word : content.vocabulary.complaints) complaintStems_.insert(stemOf(normaliseForSearch(word)));

    std::map<std::string, int> incoming;
    auto countLinks = [&](const std::vector<std::string>& ids) {
        for (const std::string& id : ids) ++incoming[id];
    };
    auto addFields = [&](Document& d, const std::vector<std::string>& texts, Role role, double weight) {
        for (const std::string& t : texts) addField(d, t, role, weight);
    };
    auto addNames = [&](Document& d, const Entry& e) {
        addField(d, e.name, Role::Name, kNameWeight);
        addFields(d, e.alsoCalled, Role::AlsoCalled, kAlsoCalledWeight);
    };

    for (const Muscle& m : content.muscles) {
        Document& d = addDocument(EntryKind::Muscle, m);
        addNames(d, m);
        addField(d, m.latin, Role::Latin, kLatinWeight);
        if (const MuscleGroup* g = content.group(m.group)) {
            addField(d, g->name, Role::GroupName, kGroupNameWeight);
            addFields(d, g->alsoCalled, Role::GroupName, kGroupNameWeight);
        }
        addField(d, m.summary, Role::Summary, kSummaryWeight);
        addFields(d, {m.action, m.postureRole, m.whenTight, m.whenWeak}, Role::Text, kTextWeight);
        countLinks(m.painPatterns);
        countLinks(m.techniques);
        countLinks(m.stretches);
    }
    for (const MuscleGroup& g : content.groups) addNames(addDocument(EntryKind::Group, g), g);
    for (const PainPattern& p : content.pains) {
        Document& d = addDocument(EntryKind::Pain, p);
        addNames(d, p);
        addField(d, p.summary, Role::Summary, kSummaryWeight);
        addFields(d, p.habits, Role::Text, kTextWeight);
        addFields(d, {p.therapistApproach, p.selfCare}, Role::Text, kTextWeight);
        countLinks(p.primaryMuscles);
        countLinks(p.primaryMuscles);  // a primary muscle counts double
        countLinks(p.secondaryMuscles);
        countLinks(p.techniques);
        countLinks(p.stretches);
    }
    for (const Technique& t : content.techniques) {
        Document& d = addDocument(EntryKind::Technique, t);
        addNames(d, t);
        addField(d, t.summary, Role::Summary, kSummaryWeight);
        addFields(d, {t.purpose, t.whenToUse}, Role::Text, kTextWeight);
        addFields(d, t.steps, Role::Text, kTextWeight);
        countLinks(t.targetMuscles);
    }
    for (const Stretch& s : content.stretches) {
        Document& d = addDocument(EntryKind::Stretch, s);
        addNames(d, s);
        addField(d, s.summary, Role::Summary, kSummaryWeight);
        addFields(d, s.steps, Role::Text, kTextWeight);
        countLinks(s.targetMuscles);
    }
    for (const Guide& g : content.guides) {
        Document& d = addDocument(EntryKind::Guide, g);
        addNames(d, g);
        addField(d, g.summary, Role::Summary, kSummaryWeight);
        addFields(d, g.body, Role::Text, kTextWeight);
        countLinks(g.tightMuscles);
        countLinks(g.weakMuscles);
        countLinks(g.stretches);
    }
    // Glossary terms: found by the word and its forms; the definition counts as any entry's text.
    for (const GlossaryTerm& t : content.glossary) {
        Document& d = addDocument(EntryKind::Term, t);
        addNames(d, t);
        addField(d, t.definition, Role::Text, kTextWeight);
    }
    for (Document& d : documents_) d.incomingLinks = incoming[d.id];
    for (std::uint32_t i = 0; i < documents_.size(); ++i) documentById_.emplace(documents_[i].id, i);
    for (const std::string& id : content.allIds()) ids_.insert(id);
    indexVocabulary(content);
    sortTokens();
}

SearchIndex::Document& SearchIndex::addDocument(EntryKind kind, const Entry& entry) {
    Document& d = documents_.emplace_back();
    d.kind = kind;
    d.id = entry.id;
    d.title = entry.name;
    d.firstField = static_cast<std::uint32_t>(fields_.size());
    return d;
}

void SearchIndex::addField(Document& document, const std::string& text, Role role, double weight) {
    if (text.empty()) return;
    Field& f = fields_.emplace_back();
    f.document = static_cast<std::uint32_t>(&document - documents_.data());
    f.role = role;
    f.weight = weight;
    f.original = text;
    f.text = normaliseForSearch(text);
    // Each distinct word is stemmed once, as a token, however often the content uses it.
    std::vector<std::uint32_t> tokens;
    std::vector<std::uint32_t> meaningful;
    for (const std::string& word : splitWords(f.text)) {
        const std::uint32_t token = tokenOf(word);
        tokens.push_back(token);
        if (ignored_.count(word) > 0) continue;
        appendWord(f.key, tokens_[token].stem);
        meaningful.push_back(token);
    }
    std::sort(meaningful.begin(), meaningful.end());
    f.meaningfulWords = static_cast<std::uint16_t>(
        std::min<std::ptrdiff_t>(0xFFFF, std::unique(meaningful.begin(), meaningful.end()) - meaningful.begin()));
    std::sort(tokens.begin(), tokens.end());
    tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
    const auto fieldIndex = static_cast<std::uint32_t>(fields_.size() - 1);
    for (std::uint32_t token : tokens) postings_[token].push_back(fieldIndex);
    ++document.fieldCount;
}

std::uint32_t SearchIndex::tokenOf(const std::string& word) {
    const auto [it, added] = tokenByWord_.emplace(word, static_cast<std::uint32_t>(tokens_.size()));
    if (added) {
        tokens_.push_back({word, stemOf(word), lettersOf(word)});
        postings_.emplace_back();
    }
    return it->second;
}

void SearchIndex::indexVocabulary(const Content& content) {
    auto phrasesOf = [&](const std::vector<std::string>& texts, std::uint32_t target, bool absent) {
        for (const std::string& text : texts) {
            Phrase phrase;
            phrase.target = target;
            phrase.absent = absent;
            for (std::string& word : splitWords(normaliseForSearch(text))) {
                if (ignored_.count(word) > 0) continue;
                phrase.stems.push_back(stemOf(word));
                phrase.words.push_back(std::move(word));
            }
            if (!phrase.words.empty()) phrases_.push_back(std::move(phrase));
        }
    };
    auto document = [&](const std::string& id) -> std::optional<std::uint32_t> {
        const auto it = documentById_.find(id);
        return it == documentById_.end() ? std::nullopt : std::optional<std::uint32_t>(it->second);
    };

    for (const SearchTerm& term : content.vocabulary.terms) {
        Term& t = terms_.emplace_back();
        for (const std::string& word : term.means) t.means.push_back(queryWord(normaliseForSearch(word)));
        std::map<std::uint32_t, double> regionBoosts;
        for (const std::string& region : term.regions) {
            for (const PainPattern& p : content.pains) {
                const auto at = std::find(p.feltIn.begin(), p.feltIn.end(), region);
                if (at == p.feltIn.end()) continue;
                if (const auto d = document(p.id)) raise(regionBoosts, *d, at == p.feltIn.begin() ? kFeltFirst : kFeltAlso);
                if (at != p.feltIn.begin()) continue;
                for (const std::vector<std::string>* care : {&p.stretches, &p.techniques}) {
                    for (const std::string& id : *care) {
                        if (const auto d = document(id)) raise(regionBoosts, *d, kCareThere);
                    }
                }
            }
            for (const Muscle& m : content.muscles) {
                const bool refers = std::any_of(m.triggerPoints.begin(), m.triggerPoints.end(), [&](const TriggerPoint& p) {
                    return std::find(p.referralRegions.begin(), p.referralRegions.end(), region) != p.referralRegions.end();
                });
                if (!refers && m.region != region) continue;
                if (const auto d = document(m.id)) raise(regionBoosts, *d, kMuscleThere);
            }
        }
        for (const auto& [d, amount] : regionBoosts) t.regionBoosts.push_back({d, amount});
        for (std::size_t i = 0; i < term.entries.size(); ++i) {
            if (const auto d = document(term.entries[i])) t.entryBoosts.push_back({*d, kNamedEntry * listed(i)});
        }
        phrasesOf(term.words, static_cast<std::uint32_t>(terms_.size() - 1), false);
    }
    for (const AbsentStructure& structure : content.vocabulary.absent) {
        Absent& a = absent_.emplace_back();
        a.name = structure.name;
        for (const std::string& id : structure.nearest) {
            if (const auto d = document(id)) a.nearest.push_back(*d);
        }
        phrasesOf(structure.words, static_cast<std::uint32_t>(absent_.size() - 1), true);
    }
    std::stable_sort(phrases_.begin(), phrases_.end(),
                     [](const Phrase& a, const Phrase& b) { return a.words.size() > b.words.size(); });
}

void SearchIndex::sortTokens() {
    tokensByWord_.resize(tokens_.size());
    for (std::uint32_t i = 0; i < tokens_.size(); ++i) tokensByWord_[i] = i;
    tokensByStem_ = tokensByWord_;
    std::sort(tokensByWord_.begin(), tokensByWord_.end(),
              [&](std::uint32_t a, std::uint32_t b) { return tokens_[a].word < tokens_[b].word; });
    std::sort(tokensByStem_.begin(), tokensByStem_.end(),
              [&](std::uint32_t a, std::uint32_t b) { return tokens_[a].stem < tokens_[b].stem; });
    for (std::uint32_t i = 0; i < tokens_.size(); ++i) {
        const std::size_t length = tokens_[i].word.size();
        if (tokensByLength_.size() <= length) tokensByLength_.resize(length + 1);
        tokensByLength_[length].push_back(i);
    }
}

SearchIndex::QueryWord SearchIndex::queryWord(std::string word) const {
    QueryWord q;
    q.stem = stemOf(word);
    q.letters = lettersOf(word);
    q.word = std::move(word);
    return q;
}

bool SearchIndex::phraseAt(const Phrase& phrase, const std::vector<QueryWord>& words, std::size_t at) const {
    if (at + phrase.words.size() > words.size()) return false;
    for (std::size_t k = 0; k < phrase.words.size(); ++k) {
        const QueryWord& q = words[at + k];
        if (q.stem == phrase.stems[k]) continue;
        if (phrase.words[k].size() < kShortestVocabularyTypo || !withinEditDistance(q.word, phrase.words[k], 1)) {
            return false;
        }
    }
    return true;
}

SearchIndex::Query SearchIndex::analyse(std::string_view text) const {
    Query query;
    std::vector<std::string> all = splitWords(normaliseForSearch(text));
    if (all.size() > kMaxQueryWords) all.resize(kMaxQueryWords);
    std::vector<QueryWord> words;
    for (const std::string& word : all) {
        appendWord(query.text, word);
        if (ignored_.count(word) == 0) words.push_back(queryWord(word));
    }
    // A query of nothing but ignored words ("in", typed on the way to "infraspinatus") is taken as it is.
    if (words.empty()) {
        for (const std::string& word : all) words.push_back(queryWord(word));
    }
    for (const QueryWord& word : words) {
        appendWord(query.key, word.stem);
        if (complaintStems_.count(word.stem) > 0) query.complaint = true;
    }
    // Phrases of the vocabulary, longest first; a term's phrase becomes one unit of the query.
    for (std::size_t at = 0; at < words.size();) {
        const auto phrase = std::find_if(phrases_.begin(), phrases_.end(),
                                         [&](const Phrase& p) { return !p.absent && phraseAt(p, words, at); });
        Unit& unit = query.units.emplace_back();
        const std::size_t length = phrase == phrases_.end() ? 1 : phrase->words.size();
        unit.words.assign(words.begin() + static_cast<std::ptrdiff_t>(at),
                          words.begin() + static_cast<std::ptrdiff_t>(at + length));
        if (phrase != phrases_.end()) {
            unit.term = &terms_[phrase->target];
        } else if (complaintStems_.count(unit.words.front().stem) > 0) {
            unit.weight = kComplaintWordWeight;
        }
        at += length;
    }
    for (std::size_t at = 0; at < words.size(); ++at) {
        for (const Phrase& p : phrases_) {
            if (!p.absent || !phraseAt(p, words, at)) continue;
            if (std::find(query.absent.begin(), query.absent.end(), p.target) == query.absent.end()) {
                query.absent.push_back(p.target);
            }
            break;
        }
    }
    return query;
}

void SearchIndex::matchTokens(const QueryWord& q, float scale, std::vector<float>& quality,
                              std::vector<std::uint32_t>& touched) const {
    auto raise = [&](std::uint32_t token, float match) {
        if (quality[token] == 0.0f) touched.push_back(token);
        quality[token] = std::max(quality[token], match * scale);
    };
    bool known = false;  // a word of the entries, as it is or in another form, is no typo
    if (const auto it = tokenByWord_.find(q.word); it != tokenByWord_.end()) {
        raise(it->second, kSameWord);
        known = true;
    }
    const auto byStem = [&](std::uint32_t token, const std::string& stem) { return tokens_[token].stem < stem; };
    for (auto it = std::lower_bound(tokensByStem_.begin(), tokensByStem_.end(), q.stem, byStem);
         it != tokensByStem_.end() && startsWith(tokens_[*it].stem, q.stem); ++it) {
        const Token& token = tokens_[*it];
        if (token.stem.size() == q.stem.size()) {
            raise(*it, kSameStem);
            known = true;
        } else if (q.stem.size() >= kShortestStemPrefix) {
            raise(*it, kWordPrefix);
        }
    }
    if (q.word.size() >= 2) {
        const auto byWord = [&](std::uint32_t token, const std::string& word) { return tokens_[token].word < word; };
        for (auto it = std::lower_bound(tokensByWord_.begin(), tokensByWord_.end(), q.word, byWord);
             it != tokensByWord_.end() && startsWith(tokens_[*it].word, q.word); ++it) {
            if (tokens_[*it].word.size() > q.word.size()) raise(*it, kWordPrefix);
        }
    }
    // "calf" is not a typo of "half".
    const std::size_t typos = known ? 0 : allowedTypos(q.word.size());
    if (typos == 0) return;
    const std::size_t shortest = q.word.size() - typos;
    const std::size_t longest = std::min(q.word.size() + typos, tokensByLength_.size() - 1);
    for (std::size_t length = shortest; length <= longest && length < tokensByLength_.size(); ++length) {
        for (std::uint32_t id : tokensByLength_[length]) {
            const Token& token = tokens_[id];
            // Each letter one word has and the other lacks takes an edit at least.
            if (static_cast<std::size_t>(std::popcount(q.letters & ~token.letters)) > typos ||
                static_cast<std::size_t>(std::popcount(token.letters & ~q.letters)) > typos) {
                continue;
            }
            if (quality[id] < kWordTypo * scale && withinEditDistance(q.word, token.word, typos)) raise(id, kWordTypo);
        }
    }
}

double SearchIndex::wholeFieldMatch(const Field& field, const Query& query) const {
    if (field.role != Role::Name && field.role != Role::AlsoCalled && field.role != Role::Latin &&
        field.role != Role::GroupName) {
        return 0.0;
    }
    if (field.text == query.text) return kSameText;
    if (!query.key.empty() && field.key == query.key) return kSameStems;
    if (startsWith(field.text, query.text + " ")) return kStartOfField;
    if (!query.key.empty() && startsWith(field.key, query.key + " ")) return kNearlyField;
    if (query.text.size() >= 2 && startsWith(field.text, query.text)) return kNearlyField;
    const std::size_t typos = allowedTypos(query.text.size());
    if (typos > 0 && withinEditDistance(query.text, field.text, typos)) return kNearlyField;
    return 0.0;
}

bool SearchIndex::ranksBefore(const Document& a, const Document& b) const {
    if (kindPriority(a.kind) != kindPriority(b.kind)) return kindPriority(a.kind) < kindPriority(b.kind);
    return a.incomingLinks > b.incomingLinks;
}

SearchResult SearchIndex::resultOf(std::uint32_t document, double score) const {
    const Document& d = documents_[document];
    return {d.kind, d.id, d.title, {}, score};
}

SearchAnswer SearchIndex::search(std::string_view text, std::size_t limit) const {
    const Query query = analyse(text);
    SearchAnswer answer;
    for (std::uint32_t a : query.absent) {
        AbsentResult& absent = answer.absent.emplace_back();
        absent.name = absent_[a].name;
        for (std::uint32_t d : absent_[a].nearest) absent.nearest.push_back(resultOf(d, 0.0));
    }
    if (query.units.empty() || documents_.empty()) return answer;

    // How well each unit matches each field that matches any: a phrase by the mean of its words,
    // or by a word its term stands for.
    const std::size_t units = query.units.size();
    std::vector<float> tokenQuality(tokens_.size(), 0.0f);
    std::vector<std::uint32_t> touchedTokens;
    std::vector<float> wordInField(fields_.size(), 0.0f);
    std::vector<std::uint32_t> wordFields;
    std::vector<std::int32_t> slotOfField(fields_.size(), -1);
    std::vector<std::uint32_t> matchedFields;
    std::vector<float> unitInField;  // per matched field, one value per unit
    auto collect = [&](const QueryWord& word, float scale) {
        matchTokens(word, scale, tokenQuality, touchedTokens);
        for (std::uint32_t token : touchedTokens) {
            for (std::uint32_t f : postings_[token]) {
                if (wordInField[f] == 0.0f) wordFields.push_back(f);
                wordInField[f] = std::max(wordInField[f], tokenQuality[token]);
            }
            tokenQuality[token] = 0.0f;
        }
        touchedTokens.clear();
    };
    auto slot = [&](std::uint32_t f) -> float* {
        if (slotOfField[f] < 0) {
            slotOfField[f] = static_cast<std::int32_t>(matchedFields.size());
            matchedFields.push_back(f);
            unitInField.resize(unitInField.size() + units, 0.0f);
        }
        return &unitInField[static_cast<std::size_t>(slotOfField[f]) * units];
    };
    std::vector<std::uint32_t> unitFields;
    for (std::size_t u = 0; u < units; ++u) {
        const Unit& unit = query.units[u];
        const float share = 1.0f / static_cast<float>(unit.words.size());
        for (const QueryWord& word : unit.words) {
            collect(word, 1.0f);
            for (std::uint32_t f : wordFields) {
                float& value = slot(f)[u];
                if (value == 0.0f) unitFields.push_back(f);
                value += wordInField[f] * share;
                wordInField[f] = 0.0f;
            }
            wordFields.clear();
        }
        // A phrase found in part counts for the square of its share: "back" alone is weak
        // evidence of "lower back".
        if (unit.words.size() > 1) {
            for (std::uint32_t f : unitFields) slot(f)[u] *= slot(f)[u];
        }
        unitFields.clear();
        if (!unit.term) continue;
        for (const QueryWord& word : unit.term->means) collect(word, kMeansShare);
        for (std::uint32_t f : wordFields) {
            float& value = slot(f)[u];
            value = std::max(value, wordInField[f]);
            wordInField[f] = 0.0f;
        }
        wordFields.clear();
    }

    // Units no entry matches (a word of no entry, such as "hurts") count for nothing.
    std::vector<bool> unitFound(units, false);
    for (std::size_t s = 0; s < matchedFields.size(); ++s) {
        for (std::size_t u = 0; u < units; ++u) {
            if (unitInField[s * units + u] > 0.0f) unitFound[u] = true;
        }
    }
    double found = 0.0;  // the weight of the units found
    for (std::size_t u = 0; u < units; ++u) found += unitFound[u] ? query.units[u].weight : 0.0;
    if (found == 0.0) found = 1.0;

    // An entry's text score: its best field as a whole (the query's share of it, or the name
    // itself), plus the mean over the query's units of each one's best match in any field.
    std::vector<double> score(documents_.size(), 0.0);
    std::vector<double> bestField(documents_.size(), 0.0);
    std::vector<const Field*> bestFieldOf(documents_.size(), nullptr);
    std::vector<float> unitBest(documents_.size() * units, 0.0f);
    for (std::size_t s = 0; s < matchedFields.size(); ++s) {
        const Field& field = fields_[matchedFields[s]];
        const float* values = &unitInField[s * units];
        double share = 0.0;
        std::size_t coveredWords = 0;
        for (std::size_t u = 0; u < units; ++u) {
            share += values[u] * query.units[u].weight;
            if (values[u] > 0.0f) coveredWords += query.units[u].words.size();
            float& best = unitBest[field.document * units + u];
            best = std::max(best, static_cast<float>(field.weight) * values[u]);
        }
        const double covered = field.meaningfulWords == 0
                                   ? 1.0
                                   : std::min(1.0, static_cast<double>(coveredWords) / field.meaningfulWords);
        const double asOne = std::max(kTokenShare * share / found * ((1.0 - kCoveredPart) + kCoveredPart * covered),
                                      wholeFieldMatch(field, query));
        if (field.weight * asOne > bestField[field.document]) {
            bestField[field.document] = field.weight * asOne;
            bestFieldOf[field.document] = &field;
        }
    }
    for (std::size_t d = 0; d < documents_.size(); ++d) {
        double sum = 0.0;
        for (std::size_t u = 0; u < units; ++u) sum += unitBest[d * units + u] * query.units[u].weight;
        score[d] = bestField[d] + sum / found;
    }

    // What the vocabulary adds: the body areas named (in full for a complaint), the entries a term
    // names, and the nearest entries to a structure not in the atlas.
    const double bodyShare = query.complaint ? 1.0 : kBodyWithoutComplaint;
    std::size_t words = 0;
    for (const Unit& unit : query.units) words += unit.words.size();
    for (const Unit& unit : query.units) {
        if (!unit.term) continue;
        const double share = static_cast<double>(unit.words.size()) / static_cast<double>(words);
        for (const Boost& b : unit.term->regionBoosts) score[b.document] += b.amount * bodyShare;
        for (const Boost& b : unit.term->entryBoosts) score[b.document] += b.amount * share;
    }
    for (std::uint32_t a : query.absent) {
        for (std::size_t i = 0; i < absent_[a].nearest.size(); ++i) score[absent_[a].nearest[i]] += kNearest * listed(i);
    }
    if (query.complaint) {
        for (std::size_t d = 0; d < documents_.size(); ++d) {
            if (documents_[d].kind == EntryKind::Pain && score[d] > 0.0) score[d] += kComplaintPain;
        }
    }

    std::vector<std::uint32_t> ranked;
    const double best = *std::max_element(score.begin(), score.end());
    for (std::uint32_t d = 0; d < documents_.size(); ++d) {
        if (score[d] > 0.0 && score[d] >= kShareOfBest * best) ranked.push_back(d);
    }
    // Ranked in quarter-point bands; within a band a group comes before its muscles (it is the
    // broader answer), then the entry more often linked from elsewhere (the psoas before the
    // iliacus for "hip flexor"), then the higher score.
    auto band = [](double s) { return std::lround(s * 4.0); };
    std::sort(ranked.begin(), ranked.end(), [&](std::uint32_t a, std::uint32_t b) {
        if (band(score[a]) != band(score[b])) return band(score[a]) > band(score[b]);
        const Document& da = documents_[a];
        const Document& db = documents_[b];
        if (ranksBefore(da, db) != ranksBefore(db, da)) return ranksBefore(da, db);
        if (score[a] != score[b]) return score[a] > score[b];
        return da.title < db.title;
    });
    if (ranked.size() > limit) ranked.resize(limit);
    for (std::uint32_t d : ranked) {
        SearchResult r = resultOf(d, score[d]);
        const Field* field = bestFieldOf[d];
        if (field && field->weight >= kGroupNameWeight && field->original != r.title) r.matched = field->original;
        answer.results.push_back(std::move(r));
    }
    return answer;
}

std::optional<std::string> SearchIndex::entryNamed(std::string_view name) const {
    if (ids_.count(std::string(name)) > 0) return std::string(name);
    const std::string text = normaliseForSearch(name);
    if (text.empty()) return std::nullopt;
    const Document* chosen = nullptr;
    for (const Field& field : fields_) {
        if (field.role == Role::GroupName || field.role == Role::Summary || field.role == Role::Text) continue;
        if (field.text != text) continue;
        const Document& d = documents_[field.document];
        if (!chosen || ranksBefore(d, *chosen)) chosen = &d;
    }
    return chosen ? std::optional<std::string>(chosen->id) : std::nullopt;
}

}  // namespace dorsal
