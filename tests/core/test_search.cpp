#include <catch2/catch.hpp>

#include "core/content.h"
#include "core/search.h"
#include "test_paths.h"

using namespace dorsal;

namespace {

const SearchIndex& shippedIndex() {
    static const Content content = loadContent(test::sourceDir() / "content");
    static const SearchIndex index(content);
    return index;
}

std::string firstId(const std::string& query) {
    const std::vector<SearchResult> results = shippedIndex().search(query);
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
    const std::vector<SearchResult> results = shippedIndex().search("lats");
    REQUIRE_FALSE(results.empty());
    CHECK(results.front().kind == EntryKind::Muscle);
    CHECK(results.front().title == "Latissimus dorsi");
    CHECK(results.front().matched == "lats");
    for (std::size_t i = 1; i < results.size(); ++i) CHECK(results[i - 1].score + 1.0 >= results[i].score);
}

TEST_CASE("search ignores case and punctuation and finds nothing for nothing", "[search]") {
    CHECK(normaliseForSearch("  Half-kneeling HIP flexor!! ") == "half kneeling hip flexor");
    CHECK(shippedIndex().search("").empty());
    CHECK(shippedIndex().search("   ").empty());
    CHECK(shippedIndex().search("zzqxv").empty());
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
    CHECK(index.search("lumbago").front().id == "low_back_pain");
    CHECK(index.search("lumbag").front().id == "low_back_pain");  // prefix
    CHECK(index.search("lumbaga").front().id == "low_back_pain"); // one typo in seven letters
    CHECK(index.search("hp").empty());                            // two letters: no typo allowed
}
