#pragma once
// Search over the knowledge base that takes a person's words: names, other names and nicknames
// ("lats", "QL") first, then the text of every entry; typos, plurals and other word forms (by
// Snowball's English stemmer); and the vocabulary of content/search.toml: words passed over ("my",
// "the"), complaint words ("hurts", "sore"), body words that bring the pain felt in a region ("bum",
// "shoulder blades"), other names for entries ("text neck") and the structures the atlas does not
// model yet ("deltoid").

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/content.h"

namespace dorsal {

struct SearchResult {
    EntryKind kind = EntryKind::Muscle;
    std::string id;
    std::string title;    // the entry's display name
    std::string matched;  // the name or nickname that matched, when it is not the title
    double score = 0.0;   // higher is better
};

// A structure a query names that the atlas does not model yet, and what it offers instead.
struct AbsentResult {
    std::string name;                   // as content/search.toml gives it: "deltoid"
    std::vector<SearchResult> nearest;  // the entries offered in its place, nearest first
    // "The deltoid is not in this atlas yet".
    std::string sentence() const;
};

struct SearchAnswer {
    std::vector<SearchResult> results;  // best first
    std::vector<AbsentResult> absent;   // in the order the query names them
};

class SearchIndex {
public:
    // Indexes the entries of `content` and its search vocabulary; the index keeps no reference to
    // it. Never throws for any content that loadContent returns.
    explicit SearchIndex(const Content& content);

    // What `query` finds, best first, at most `limit` results; results scoring under a third of the
    // best are left out. Ties go to muscle groups before their muscles, then to entries more often
    // linked from elsewhere. Only the first 16 words of a query count. Nothing is found for a query
    // without letters or digits.
    SearchAnswer search(std::string_view query, std::size_t limit = 40) const;

    // The entry `name` names: an id of any entry ("psoas_major", "lower_back"), or, ignoring case
    // and punctuation, the name, other name, nickname or Latin name of a muscle, group, pain
    // pattern, technique, stretch or guide ("lats", "QL", "upper trapezius"). When several entries
    // share the name, the one search ranks first: a group before its muscles ("traps" is the
    // trapezius group), then the entry more often linked from elsewhere. Nullopt when none does.
    std::optional<std::string> entryNamed(std::string_view name) const;

    // The number of entries indexed.
    std::size_t size() const { return documents_.size(); }

private:
    enum class Role : std::uint8_t { Name, AlsoCalled, Latin, GroupName, Summary, Text };
    struct Field {
        std::uint32_t document = 0;
        Role role = Role::Text;
        double weight = 1.0;
        std::string original;  // as written, to show what matched
        std::string text;      // normalised (normaliseForSearch)
        std::string key;       // the stems of its words that are not ignored, in order
        std::uint16_t meaningfulWords = 0;  // its distinct words that are not ignored
    };
    struct Document {
        EntryKind kind = EntryKind::Muscle;
        std::string id;
        std::string title;
        std::uint32_t firstField = 0;
        std::uint32_t fieldCount = 0;
        int incomingLinks = 0;
    };
    // A distinct word of the indexed text.
    struct Token {
        std::string word;
        std::string stem;
        std::uint32_t letters = 0;  // which letters it holds, to rule out typos quickly
    };
    struct Boost {
        std::uint32_t document = 0;
        double amount = 0.0;
    };
    struct QueryWord {
        std::string word;
        std::string stem;
        std::uint32_t letters = 0;
    };
    struct Term {
        std::vector<QueryWord> means;
        std::vector<Boost> regionBoosts;  // what the body areas it names bring
        std::vector<Boost> entryBoosts;   // what the entries it names bring
    };
    struct Absent {
        std::string name;
        std::vector<std::uint32_t> nearest;  // documents
    };
    // A word or phrase of the vocabulary, as stems (to match) and words (for typos).
    struct Phrase {
        std::vector<std::string> stems;
        std::vector<std::string> words;
        std::uint32_t target = 0;  // a term, or an absent structure
        bool absent = false;
    };
    struct Unit;
    struct Query;

    Document& addDocument(EntryKind kind, const Entry& entry);
    void addField(Document& document, const std::string& text, Role role, double weight);
    std::uint32_t tokenOf(const std::string& word);
    void indexVocabulary(const Content& content);
    void sortTokens();

    QueryWord queryWord(std::string word) const;
    Query analyse(std::string_view query) const;
    bool phraseAt(const Phrase& phrase, const std::vector<QueryWord>& words, std::size_t at) const;
    // Raises `quality` (one per token) to how well each token matches `word`, times `scale`;
    // `touched` lists the tokens raised.
    void matchTokens(const QueryWord& word, float scale, std::vector<float>& quality,
                     std::vector<std::uint32_t>& touched) const;
    // The share (0 to 1) of a field the whole query matches as one: the same text, the same
    // stems, its start, or a typo of it. Only for names.
    double wholeFieldMatch(const Field& field, const Query& query) const;
    // True when a before b in the ranking of equal scores.
    bool ranksBefore(const Document& a, const Document& b) const;
    SearchResult resultOf(std::uint32_t document, double score) const;

    std::vector<Document> documents_;
    std::vector<Field> fields_;
    std::vector<Token> tokens_;
    std::vector<std::vector<std::uint32_t>> postings_;  // per token: the fields holding it
    std::unordered_map<std::string, std::uint32_t> tokenByWord_;
    std::vector<std::uint32_t> tokensByWord_;                  // sorted by word: prefixes
    std::vector<std::uint32_t> tokensByStem_;                  // sorted by stem: equal stems, prefixes
    std::vector<std::vector<std::uint32_t>> tokensByLength_;   // typos
    std::unordered_map<std::string, std::uint32_t> documentById_;
    std::unordered_set<std::string> ids_;  // every id of every kind, for entryNamed
    std::unordered_set<std::string> ignored_;
    std::unordered_set<std::string> complaintStems_;
    std::vector<Term> terms_;
    std::vector<Absent> absent_;
    std::vector<Phrase> phrases_;  // longest first
};

}  // namespace dorsal
