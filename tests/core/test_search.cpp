#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <random>

#include <toml++/toml.h>

#include "core/content.h"
#include "core/search.h"
#include "core/text.h"
#include "test_paths.h"

using namespace dorsal;

namespace {

const SearchIndex& shippedIndex() {
    static const Content content = loadContent(test::sourceDir() / "content");
    static const SearchIndex index(content);
    return index;
}

std::string firstId(const std::string& query) {
    const std::vector<SearchResult> results = shippedIndex().search(query).results;
    return results.empty() ? std::string("(nothing)") : results.front().id;
}

}  // namespace

TEST_CASE("search finds what a person means, first", "[search]") {
    CHECK(firstId("lats") == "latissimus_dorsi");
    CHECK(firstId("traps") == "trapezius");  // the whole muscle, as a group of its three parts
    CHECK(firstId("hip flexor") == "psoas_major");
    CHECK(firstId("QL") == "quadratus_lumborum");
    CHECK(firstId("ql") == "quadratus_lumborum");
    CHECK(firstId("sciatica") == "piriformis_syndrome");
    CHECK(firstId("stiff neck") == "stiff_neck");
    CHECK(firstId("psoaz") == "psoas_major");  // a typo
    CHECK(firstId("glutes") == "gluteals");
    CHECK(firstId("Latissimus dorsi") == "latissimus_dorsi");
    CHECK(firstId("latis") == "latissimus_dorsi");  // typing: a prefix is enough
}

TEST_CASE("search results say their kind and what matched", "[search]") {
    const std::vector<SearchResult> results = shippedIndex().search("lats").results;
    REQUIRE_FALSE(results.empty());
    CHECK(results.front().kind == EntryKind::Muscle);
    CHECK(results.front().title == "Latissimus dorsi");
    CHECK(results.front().matched == "lats");
    for (std::size_t i = 1; i < results.size(); ++i) CHECK(results[i - 1].score + 1.0 >= results[i].score);
}

TEST_CASE("search ignores case and punctuation and finds nothing for nothing", "[search]") {
    CHECK(normaliseForSearch("  Half-kneeling HIP flexor!! ") == "half kneeling hip flexor");
    CHECK(normaliseForSearch("Runner's knee, lat\xE2\x80\x99s") == "runners knee lats");
    CHECK(shippedIndex().search("").results.empty());
    CHECK(shippedIndex().search("   ").results.empty());
    CHECK(shippedIndex().search("zzqxv").results.empty());
}

TEST_CASE("search covers pain patterns, techniques and stretches, not only muscles", "[search]") {
    CHECK(firstId("chin tuck") == "chin_tuck");
    CHECK(firstId("kneading") == "petrissage");
    CHECK(firstId("foam rolling") == "self_massage_ball");
    CHECK(firstId("rounded shoulders") == "rounded_shoulders");
}

TEST_CASE("search on a small index: typos need enough letters", "[search]") {
    const Content content = loadContent(test::dataDir() / "content_good");
    const SearchIndex index(content);
    CHECK(index.search("lumbago").results.front().id == "low_back_pain");
    CHECK(index.search("lumbag").results.front().id == "low_back_pain");  // prefix
    CHECK(index.search("lumbaga").results.front().id == "low_back_pain"); // one typo in seven letters
    CHECK(index.search("hp").results.empty());                            // two letters: no typo allowed
}

// tests/data/search_sentences.toml: what people type, and what they must find. Every sentence is
// checked, and the ones that fail are listed together.
TEST_CASE("search finds what a person means in the sentences people type", "[search][sentences]") {
    const toml::table file = toml::parse_file((test::dataDir() / "search_sentences.toml").string());
    const toml::array* sentences = file["sentence"].as_array();
    REQUIRE(sentences != nullptr);
    CHECK(sentences->size() >= 40);
    std::vector<std::string> failures;
    for (const toml::node& node : *sentences) {
        const toml::table& sentence = *node.as_table();
        const std::string query = sentence["query"].value_or(std::string());
        const SearchAnswer answer = shippedIndex().search(query);
        std::vector<std::string> found;
        for (const SearchResult& r : answer.results) found.push_back(r.id);
        std::string top3;
        for (std::size_t i = 0; i < found.size() && i < 3; ++i) top3 += (i ? ", " : "") + found[i];
        auto fail = [&](const std::string& why) { failures.push_back("\"" + query + "\": " + why + " (found " + top3 + ")"); };
        if (const std::optional<std::string> first = sentence["first"].value<std::string>()) {
            if (found.empty() || found.front() != *first) fail(*first + " is not first");
        }
        if (const toml::array* wanted = sentence["top3"].as_array()) {
            for (const toml::node& id : *wanted) {
                const auto end = found.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(3, found.size()));
                if (std::find(found.begin(), end, id.value_or(std::string())) == end) {
                    fail(id.value_or(std::string()) + " is not in the top three");
                }
            }
        }
        if (const std::optional<std::string> absent = sentence["absent"].value<std::string>()) {
            const bool said = std::any_of(answer.absent.begin(), answer.absent.end(),
                                          [&](const AbsentResult& a) { return a.name == *absent; });
            if (!said) fail("does not say that the " + *absent + " is not in the atlas");
        }
    }
    std::string report;
    for (const std::string& failure : failures) report += failure + "\n";
    INFO(report);
    CHECK(failures.empty());
}

TEST_CASE("a structure not in the atlas is said once, with its nearest entries, and only when named", "[search]") {
    const SearchAnswer jaw = shippedIndex().search("my jaw and my masseter");
    REQUIRE(jaw.absent.size() == 1);
    CHECK(jaw.absent.front().sentence() == "The jaw (masseter and temporalis) is not in this atlas yet");
    REQUIRE_FALSE(jaw.absent.front().nearest.empty());
    CHECK(jaw.absent.front().nearest.front().id == "tension_headache");
    CHECK(jaw.absent.front().nearest.front().title == "Tension-type headache from the neck");
    CHECK(shippedIndex().search("sartorious").absent.size() == 1);  // a typo of a long word
    // A structure that joined the atlas is found, not said to be missing.
    CHECK(shippedIndex().search("my deltoid and my delts").absent.empty());
    // "calf" is four letters: no typo of it is looked for, so "half kneeling" names no calf.
    CHECK(shippedIndex().search("half kneeling").absent.empty());
    CHECK(shippedIndex().search("lower back").absent.empty());
}

TEST_CASE("search reads its vocabulary from the content", "[search]") {
    const Content content = loadContent(test::dataDir() / "content_good");
    const SearchIndex index(content);
    // A body word brings the pain felt in its region; words that say nothing are passed over.
    const SearchAnswer back = index.search("the small of my back");
    REQUIRE_FALSE(back.results.empty());
    CHECK(back.results.front().id == "low_back_pain");
    // A term that names an entry finds it; the words search ignores are ignored in it too.
    CHECK(index.search("hip crease").results.front().id == "psoas_major");
    CHECK(index.search("the front of my hip").results.front().id == "psoas_major");
    // Not in the atlas: said, with the nearest entry offered.
    const SearchAnswer delts = index.search("delts");
    REQUIRE(delts.absent.size() == 1);
    CHECK(delts.absent.front().name == "deltoid");
    REQUIRE(delts.absent.front().nearest.size() == 1);
    CHECK(delts.absent.front().nearest.front().id == "psoas_major");
    CHECK(delts.results.front().id == "psoas_major");
    // Without the vocabulary the same words mean nothing special.
    Content bare = content;
    bare.vocabulary = {};
    const SearchIndex plain(bare);
    CHECK(plain.search("delts").absent.empty());
    CHECK(plain.search("delts").results.empty());
}

TEST_CASE("a name, other name or nickname resolves to its entry, as --select and info take it", "[search]") {
    const SearchIndex& index = shippedIndex();
    CHECK(index.entryNamed("psoas_major") == "psoas_major");
    CHECK(index.entryNamed("lower_back") == "lower_back");           // any kind of entry, by its id
    CHECK(index.entryNamed("cauda_equina_signs") == "cauda_equina_signs");
    CHECK(index.entryNamed("lats") == "latissimus_dorsi");
    CHECK(index.entryNamed("LATS") == "latissimus_dorsi");
    CHECK(index.entryNamed("QL") == "quadratus_lumborum");
    CHECK(index.entryNamed("Upper trapezius") == "trapezius_descending");  // another name
    CHECK(index.entryNamed("Musculus psoas major") == "psoas_major");      // the Latin name
    CHECK(index.entryNamed("lumbago") == "low_back_pain");
    // Shared: a group before its muscles, then the muscle more often linked.
    CHECK(index.entryNamed("traps") == "trapezius");
    CHECK(index.entryNamed("hip flexor") == "psoas_major");
    // Only whole names: what search would merely find is not a name.
    CHECK_FALSE(index.entryNamed("latis"));
    CHECK_FALSE(index.entryNamed("psoaz"));
    CHECK_FALSE(index.entryNamed("my lower back hurts"));
    CHECK_FALSE(index.entryNamed(""));
    CHECK_FALSE(index.entryNamed("  "));
}

TEST_CASE("search over no content finds nothing and names nothing", "[search]") {
    const Content none = loadContent(test::scratchDir("search_no_content") / "missing");
    const SearchIndex index(none);
    CHECK(index.size() == 0);
    CHECK(index.search("lats").results.empty());
    CHECK(index.search("lats").absent.empty());
    CHECK_FALSE(index.entryNamed("lats"));
}

TEST_CASE("a vocabulary of thousands of terms loads, checks and searches", "[search][hostile][large]") {
    const std::filesystem::path dir = test::scratchDir("search_large_vocabulary");
    std::filesystem::copy(test::dataDir() / "content_good", dir, std::filesystem::copy_options::recursive);
    std::string text = "ignore = [\"my\", \"the\"]\n";
    for (int i = 0; i < 4000; ++i) {
        const std::string n = std::to_string(i);
        text += "[[term]]\nwords = [\"word" + n + "\", \"long phrase of word" + n + " and more\"]\n" +
                "means = [\"lumbago\"]\nregions = [\"lower_back\"]\nentries = [\"psoas_major\", \"iliacus\"]\n";
    }
    for (int i = 0; i < 2000; ++i) {
        text += "[[not_in_atlas]]\nname = \"structure " + std::to_string(i) + "\"\nwords = [\"absent" +
                std::to_string(i) + "\"]\nnearest = [\"psoas_major\"]\n";
    }
    std::ofstream(dir / "search.toml") << text;
    const Content content = loadContent(dir);
    CHECK(content.problems.empty());
    CHECK(content.vocabulary.terms.size() == 4000);
    const SearchIndex index(content);
    // The region's pain first (for "hurts"), then the entries the term names.
    const std::vector<SearchResult> results = index.search("my word3999 hurts").results;
    REQUIRE(results.size() >= 2);
    CHECK(results[0].id == "low_back_pain");
    CHECK(results[1].id == "psoas_major");
    CHECK(index.search("absent1999").absent.size() == 1);
}

TEST_CASE("hostile queries find nothing or something, quickly, and never crash", "[search][hostile]") {
    const SearchIndex& index = shippedIndex();
    std::mt19937 random(9);
    const std::string letters = "abcdefghijklmnopqrstuvwxyz  '-";
    for (int run = 0; run < 300; ++run) {
        std::string query(random() % 300, ' ');
        for (char& c : query) {
            c = random() % 4 == 0 ? static_cast<char>(random() % 256) : letters[random() % letters.size()];
        }
        const SearchAnswer answer = index.search(query);
        CHECK(answer.results.size() <= 40);
    }
    // A query of thousands of words counts its first sixteen; a word of thousands of letters is one word.
    std::string many;
    for (int i = 0; i < 5000; ++i) many += "back pain ";
    CHECK_FALSE(index.search(many).results.empty());
    CHECK(index.search(std::string(100000, 'a')).results.empty());
    CHECK(index.search("\xff\xfe lats \xe2\x80").results.front().id == "latissimus_dorsi");
    CHECK(index.search("!!! ... ???").results.empty());
}
