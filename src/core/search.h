#pragma once
// Fuzzy, typo-tolerant search over the knowledge base: names, other names, nicknames ("lats",
// "QL") and the text of pain patterns, techniques, stretches and guides.

#include <string>
#include <string_view>
#include <vector>

#include "core/content.h"

namespace dorsal {

struct SearchResult {
    EntryKind kind = EntryKind::Muscle;
    std::string id;
    std::string title;    // the entry's display name
    std::string matched;  // the name or phrase that matched, when it is not the title
    double score = 0.0;   // higher is better
};

class SearchIndex {
public:
    // Indexes `content`; the index keeps no reference to it.
    explicit SearchIndex(const Content& content);

    // The entries matching `query`, best first, at most `limit`. Ties go to muscle groups before
    // their muscles, then to entries more often linked from elsewhere. An empty query finds nothing.
    std::vector<SearchResult> search(std::string_view query, std::size_t limit = 40) const;

    std::size_t size() const { return documents_.size(); }

private:
    struct Field {
        std::string text;                 // normalised: lower case, words separated by one space
        std::vector<std::string> tokens;  // its distinct words
        std::string original;             // as written, to show what matched
        double weight = 1.0;
    };
    struct Document {
        EntryKind kind;
        std::string id;
        std::string title;
        std::vector<Field> fields;
        int incomingLinks = 0;
    };

    std::vector<Document> documents_;
};

// Lower case, every run of characters that are not letters or digits turned into one space.
std::string normaliseForSearch(std::string_view text);

}  // namespace dorsal
