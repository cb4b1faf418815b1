// What an entry reads like: safety text in short points and before any exercise, and the
// glossary's words explained one click away.
#include <catch2/catch.hpp>

#include <fstream>

#include "core/content.h"
#include "core/entry_document.h"
#include "core/search.h"
#include "test_paths.h"

using namespace dorsal;

namespace {

const Content& goodContent() {
    static const Content content = loadContent(test::dataDir() / "content_good");
    return content;
}

std::size_t indexOf(const EntryDocument& d, Topic topic) {
    for (std::size_t i = 0; i < d.sections.size(); ++i)
        if (d.sections[i].topic == topic) return i;
    FAIL("the document has no such section");
    return 0;
}

}  // namespace

TEST_CASE("safety text falls into one short point per sentence", "[document]") {
    CHECK(sentencesOf("Press lightly. Stop if it tingles! Is it numb? See a doctor.") ==
          std::vector<std::string>{"Press lightly.", "Stop if it tingles!", "Is it numb?", "See a doctor."});
    // Abbreviations and numbers inside a sentence do not end it.
    CHECK(sentencesOf("Avoid deep work, e.g. Over the spine. Hold for 2.5 minutes.") ==
          std::vector<std::string>{"Avoid deep work, e.g. Over the spine.", "Hold for 2.5 minutes."});
    CHECK(sentencesOf("One sentence only.") == std::vector<std::string>{"One sentence only."});
    CHECK(sentencesOf("   ").empty());
}

TEST_CASE("an entry's long cautions read as points, a short one as a sentence", "[document]") {
    Content content = loadContent(test::dataDir() / "content_good");
    content.muscles.front().cautions = "Press lightly. Stop if it tingles.";
    const auto twoSentences = describeEntry(content, content.muscles.front().id);
    REQUIRE(twoSentences);
    const DocumentSection* cautions = twoSentences->section(Topic::Cautions);
    REQUIRE(cautions);
    CHECK(cautions->caution);
    CHECK(cautions->bullets == std::vector<std::string>{"Press lightly.", "Stop if it tingles."});
    content.muscles.front().cautions = "Press lightly.";
    const auto oneSentence = describeEntry(content, content.muscles.front().id);
    CHECK(oneSentence->section(Topic::Cautions)->paragraphs == std::vector<std::string>{"Press lightly."});
}

TEST_CASE("a pain pattern says when to see a clinician before its muscles, techniques and stretches", "[document]") {
    const auto d = describeEntry(goodContent(), "low_back_pain");
    REQUIRE(d);
    const std::size_t flags = indexOf(*d, Topic::RedFlags);
    CHECK(flags < indexOf(*d, Topic::PrimaryMuscles));
    CHECK(flags < indexOf(*d, Topic::Techniques));
    CHECK(flags < indexOf(*d, Topic::Stretches));
}

TEST_CASE("glossary terms are found as whole words in any case and form", "[glossary]") {
    const Content& content = goodContent();
    CHECK(glossaryTermsIn(content, "Two Trigger Points in the lumbar muscles") == std::vector<std::string>{"trigger_point", "lumbar"});
    CHECK(glossaryTermsIn(content, "a trigger point.") == std::vector<std::string>{"trigger_point"});
    // Not inside another word.
    CHECK(glossaryTermsIn(content, "lumbarisation and trigger pointing").empty());
}

TEST_CASE("a term has its own page, and entries link the terms they use before their sources", "[glossary]") {
    const Content& content = goodContent();
    REQUIRE(content.term("trigger_point"));
    CHECK(content.kindOf("trigger_point") == EntryKind::Term);
    const auto term = describeEntry(content, "trigger_point");
    REQUIRE(term);
    CHECK(term->subtitle == "Term \xC2\xB7 also: trigger points");
    CHECK(term->section(Topic::Definition)->paragraphs == std::vector<std::string>{"Test definition of a trigger point."});
    CHECK_FALSE(term->section(Topic::Terms));

    Content withWords = content;
    withWords.muscles.front().summary = "Its trigger points send pain to the lumbar region.";
    const auto muscle = describeEntry(withWords, withWords.muscles.front().id);
    const DocumentSection* words = muscle->section(Topic::Terms);
    REQUIRE(words);
    REQUIRE(words->links.size() == 2);
    CHECK(words->links[0].id == "trigger_point");
    CHECK(words->links[0].label == "trigger point");
    CHECK(indexOf(*muscle, Topic::Terms) + 1 == indexOf(*muscle, Topic::Sources));
}

TEST_CASE("search finds a glossary term by its word", "[glossary][search]") {
    const SearchIndex index(goodContent());
    const SearchAnswer answer = index.search("trigger points");
    bool found = false;
    for (const SearchResult& r : answer.results) found = found || (r.id == "trigger_point" && r.kind == EntryKind::Term);
    CHECK(found);
}

TEST_CASE("a glossary term without its definition is a problem naming the file and line, and is left out", "[glossary]") {
    const auto dir = test::scratchDir("glossary_broken");
    std::filesystem::copy(test::dataDir() / "content_good", dir, std::filesystem::copy_options::recursive);
    std::ofstream(dir / "glossary.toml") << "[[term]]\nid = \"fascia\"\nterm = \"fascia\"\nalso = []\nsources = [\"x\"]\n";
    const Content content = loadContent(dir);
    REQUIRE_FALSE(content.problems.empty());
    CHECK(content.problems.front().where.file.ends_with("glossary.toml"));
    CHECK(content.problems.front().message.find("definition") != std::string::npos);
    CHECK(content.term("fascia") == nullptr);
}

TEST_CASE("a group's page carries its own text from the guide it names, and its muscles", "[document]") {
    const Content content = loadContent(test::sourceDir() / "content");
    const MuscleGroup* trapezius = content.group("trapezius");
    REQUIRE(trapezius);
    REQUIRE(content.guide(trapezius->guide));
    const auto page = describeEntry(content, "trapezius");
    REQUIRE(page);
    REQUIRE(page->section(Topic::Summary));
    CHECK(page->section(Topic::Summary)->paragraphs.front() == content.guide(trapezius->guide)->summary);
    REQUIRE(page->section(Topic::Body));
    CHECK(page->section(Topic::Body)->paragraphs.size() >= 3);
    REQUIRE(page->section(Topic::Members));
    CHECK(page->section(Topic::Members)->links.size() == 3);
    CHECK(page->section(Topic::Sources));
    // The erector spinae and the hamstrings have theirs too.
    for (const char* id : {"erector_spinae", "hamstrings"}) CHECK(describeEntry(content, id)->section(Topic::Body));
}

TEST_CASE("a guide spells out the contraindications and red flags it links before its text, and links its pain patterns", "[document]") {
    const Content content = loadContent(test::sourceDir() / "content");
    const Guide* pregnancy = content.guide("pregnancy_massage_and_exercise");
    REQUIRE(pregnancy);
    CHECK_FALSE(pregnancy->contraindications.empty());
    const auto page = describeEntry(content, pregnancy->id);
    REQUIRE(page);
    const DocumentSection* cautions = page->section(Topic::Contraindications);
    REQUIRE(cautions);
    CHECK(cautions->caution);
    CHECK(cautions->bullets.front().rfind(content.contraindication("pregnancy")->name, 0) == 0);
    REQUIRE(page->section(Topic::RedFlags));
    CHECK(cautions < page->section(Topic::Body));
    CHECK(page->section(Topic::RedFlags) < page->section(Topic::Body));
    REQUIRE(page->section(Topic::PainPatterns));
    CHECK(page->section(Topic::PainPatterns)->links.front().id == pregnancy->painPatterns.front());
}
