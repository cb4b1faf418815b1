#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/content.h"
#include "core/entry_document.h"
#include "test_paths.h"

using namespace dorsal;
using Catch::Matchers::Contains;

namespace {

std::filesystem::path goodContent() { return test::dataDir() / "content_good"; }

std::string readText(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void writeText(const std::filesystem::path& path, const std::string& text) { std::ofstream(path) << text; }

// A copy of the good content with `file` changed by replacing `from` with `to`.
std::filesystem::path brokenCopy(const std::string& name, const std::string& file, const std::string& from,
                                 const std::string& to) {
    const std::filesystem::path dir = test::scratchDir("content_" + name);
    std::filesystem::copy(goodContent(), dir, std::filesystem::copy_options::recursive);
    std::string text = readText(dir / file);
    const std::size_t at = text.find(from);
    REQUIRE(at != std::string::npos);
    text.replace(at, from.size(), to);
    writeText(dir / file, text);
    return dir;
}

std::vector<std::string> formatted(const Content& content) {
    std::vector<std::string> lines;
    for (const ContentProblem& p : content.problems) lines.push_back(p.format());
    return lines;
}

}  // namespace

TEST_CASE("good content loads every entry with its links and no problems", "[content]") {
    const Content content = loadContent(goodContent());
    INFO(Catch::Detail::stringify(formatted(content)));
    CHECK(content.problems.empty());
    REQUIRE(content.muscle("psoas_major") != nullptr);
    const Muscle& psoas = *content.muscle("psoas_major");
    CHECK(psoas.name == "Psoas major");
    CHECK(psoas.layer == "deep");
    CHECK(psoas.postureEvidence == Evidence::Limited);
    REQUIRE(psoas.triggerPoints.size() == 1);
    CHECK(psoas.triggerPoints[0].referralRegions == std::vector<std::string>{"lower_back"});
    CHECK(content.membersOf("iliopsoas").size() == 2);
    CHECK(content.pain("low_back_pain")->primaryMuscles == std::vector<std::string>{"psoas_major"});
    CHECK(content.region("lower_back")->shapes.size() == 1);
    CHECK(content.safety.redFlags.size() == 1);
    CHECK(content.kindOf("lunge_stretch") == EntryKind::Stretch);
    CHECK(content.nameOf("dvt") == "Test contraindication");
}

TEST_CASE("the search vocabulary loads with its words, terms and structures not in the atlas", "[content][search]") {
    const Content content = loadContent(goodContent());
    const SearchVocabulary& v = content.vocabulary;
    CHECK(v.ignore == std::vector<std::string>{"my", "the"});
    CHECK(v.complaints == std::vector<std::string>{"hurts", "sore"});
    REQUIRE(v.terms.size() == 2);
    CHECK(v.terms[0].words == std::vector<std::string>{"small of the back", "lumbar"});
    CHECK(v.terms[0].means == std::vector<std::string>{"lumbago"});
    CHECK(v.terms[0].regions == std::vector<std::string>{"lower_back"});
    CHECK(v.terms[1].entries == std::vector<std::string>{"psoas_major"});
    REQUIRE(v.absent.size() == 1);
    CHECK(v.absent[0].name == "deltoid");
    CHECK(v.absent[0].nearest == std::vector<std::string>{"psoas_major"});
}

TEST_CASE("search vocabulary problems name the file, line and column, and leave out only their term", "[content][search][errors]") {
    struct Case {
        std::string name, from, to, expected;
        bool skipped;
    };
    const std::vector<Case> cases{
        {"ignore_word", "ignore = [\"my\", \"the\"]", "ignore = [\"my\", \"The end\"]",
         "search.toml:1:17: item 2 of \"ignore\" must be one word in lower case, letters and digits only, not \"The end\"",
         false},
        {"complaint_word", "complaints = [\"hurts\", \"sore\"]", "complaints = [\"it's sore\"]",
         "search.toml:2:15: item 1 of \"complaints\" must be one word in lower case, letters and digits only, not \"it's sore\"",
         false},
        {"means_phrase", "means = [\"lumbago\"]", "means = [\"low back\"]",
         "search.toml:6:10: item 1 of \"means\" must be one word in lower case, letters and digits only, not \"low back\"",
         true},
        {"only_ignored", "words = [\"small of the back\", \"lumbar\"]", "words = [\"the\", \"lumbar\"]",
         "search.toml:5:10: item 1 of \"words\", \"the\", has no word that search does not ignore", true},
        {"twice", "words = [\"hip crease\", \"front of the hip\"]", "words = [\"hip crease\", \"lumbar\"]",
         "search.toml:10:24: \"lumbar\" is already a word of the term at ", true},
        {"unknown_region", "regions = [\"lower_back\"]", "regions = [\"low_back\"]",
         "search.toml:7:12: link to unknown region \"low_back\"", false},
        {"unknown_entry", "entries = [\"psoas_major\"]", "entries = [\"psoas_minor\"]",
         "search.toml:11:12: link to unknown entry \"psoas_minor\"", false},
        {"says_nothing", "entries = [\"psoas_major\"]", "",
         "search.toml:9:1: a term needs \"means\", \"regions\" or \"entries\": what the words stand for", true},
        {"unknown_key", "name = \"deltoid\"", "name = \"deltoid\"\ncolour = \"red\"",
         "search.toml:15:1: unknown key \"colour\"", true},
        {"now_in_atlas", "words = [\"deltoid\", \"delts\"]", "words = [\"deltoid\", \"iliacus\"]",
         "search.toml:13:1: \"iliacus\" is not in the atlas yet, says this list, but it names the muscle \"Iliacus\": "
         "take it out of the list",
         false},
    };
    for (const Case& c : cases) {
        INFO(c.name);
        const Content content = loadContent(brokenCopy("search_" + c.name, "search.toml", c.from, c.to));
        INFO(Catch::Detail::stringify(formatted(content)));
        REQUIRE(content.problems.size() == 1);
        CHECK_THAT(content.problems.front().format(), Contains(c.expected));
        CHECK(content.problems.front().skipped == c.skipped);
        CHECK(content.muscles.size() == 2);  // nothing else is lost
    }
    // A missing vocabulary is a problem; search still works without it.
    const std::filesystem::path dir = test::scratchDir("content_search_missing");
    std::filesystem::copy(goodContent(), dir, std::filesystem::copy_options::recursive);
    std::filesystem::remove(dir / "search.toml");
    const Content content = loadContent(dir);
    REQUIRE(content.problems.size() == 1);
    CHECK(content.problems.front().format() == (dir / "search.toml").string() + ":1:1: file missing");
}

TEST_CASE("a syntax error names the file, line and column and skips only that file", "[content][errors]") {
    const std::filesystem::path dir =
        brokenCopy("syntax", "techniques/compression.toml", "name = \"Compression\"", "name = \"Compression");
    const Content content = loadContent(dir);
    REQUIRE_FALSE(content.problems.empty());
    const ContentProblem& first = content.problems.front();
    CHECK(first.where.file == (dir / "techniques" / "compression.toml").string());
    CHECK(first.where.line == 2);
    CHECK_THAT(first.message, Contains("syntax error") && Contains("file skipped"));
    CHECK(first.skipped);
    // Everything else still loads; links to the skipped entry are reported where they are.
    CHECK(content.technique("compression") == nullptr);
    CHECK(content.muscle("psoas_major") != nullptr);
    CHECK(content.pain("low_back_pain") != nullptr);
    CHECK_THAT(formatted(content)[1], Contains("muscles/psoas_major.toml:21:15: link to unknown technique \"compression\""));
    CHECK(content.muscle("psoas_major")->techniques.empty());
}

TEST_CASE("an unknown key is reported at its position and the entry is skipped", "[content][errors]") {
    const std::filesystem::path dir =
        brokenCopy("unknown_key", "stretches/lunge_stretch.toml", "dosage = ", "colour = \"red\"\ndosage = ");
    const Content content = loadContent(dir);
    REQUIRE_FALSE(content.problems.empty());
    CHECK(content.problems.front().format() ==
          (dir / "stretches" / "lunge_stretch.toml").string() + ":8:1: unknown key \"colour\"");
    CHECK(content.problems.front().skipped);
    CHECK(content.stretch("lunge_stretch") == nullptr);
}

TEST_CASE("a missing required field names the field", "[content][errors]") {
    const std::filesystem::path dir = brokenCopy("missing_field", "muscles/iliacus.toml", "origin = \"Test origin.\"\n", "");
    const Content content = loadContent(dir);
    REQUIRE_FALSE(content.problems.empty());
    CHECK(content.problems.front().format() ==
          (dir / "muscles" / "iliacus.toml").string() + ":1:1: missing required field \"origin\"");
    CHECK(content.muscle("iliacus") == nullptr);
}

TEST_CASE("a wrong type says what was expected and what was found", "[content][errors]") {
    const std::filesystem::path dir =
        brokenCopy("wrong_type", "techniques/compression.toml", "steps = [\"Step one.\", \"Step two.\"]", "steps = \"Step one.\"");
    const Content content = loadContent(dir);
    REQUIRE_FALSE(content.problems.empty());
    CHECK(content.problems.front().format() == (dir / "techniques" / "compression.toml").string() +
                                                   ":5:9: \"steps\" must be a list of text, not text");
}

TEST_CASE("a value outside its allowed set lists the allowed ones", "[content][errors]") {
    const std::filesystem::path dir = brokenCopy("bad_choice", "muscles/iliacus.toml", "layer = \"deep\"", "layer = \"middle\"");
    const Content content = loadContent(dir);
    REQUIRE_FALSE(content.problems.empty());
    CHECK(content.problems.front().format() ==
          (dir / "muscles" / "iliacus.toml").string() +
              ":6:9: \"layer\" must be one of \"superficial\", \"intermediate\", \"deep\", not \"middle\"");
}

TEST_CASE("a duplicate id is reported with the entry that keeps it, and skipped", "[content][errors]") {
    const std::filesystem::path dir = brokenCopy("duplicate", "regions.toml", "[[region]]",
                                                 "[[region]]\nid = \"lower_back\"\nname = \"Again\"\nside = \"midline\"\n"
                                                 "[[region.shape]]\ncentre = [0, 1, 0]\nradii = [0.1, 0.1, 0.1]\n\n[[region]]");
    const Content content = loadContent(dir);
    REQUIRE(content.problems.size() == 1);
    CHECK_THAT(content.problems.front().format(),
               Contains("regions.toml:9:1: duplicate id \"lower_back\": the region at ") &&
                   Contains("regions.toml:1 keeps it; this region is skipped"));
    CHECK(content.problems.front().skipped);
    REQUIRE(content.regions.size() == 1);
    CHECK(content.region("lower_back")->name == "Again");  // the first in the file
}

TEST_CASE("a link to an id that does not exist is reported where it is written, and dropped", "[content][errors]") {
    const std::filesystem::path dir = brokenCopy("bad_link", "pain/low_back_pain.toml", "stretches = [\"lunge_stretch\"]",
                                                 "stretches = [\"lunge_stretch\", \"lunge_strech\"]");
    const Content content = loadContent(dir);
    REQUIRE(content.problems.size() == 1);
    CHECK(content.problems.front().format() == (dir / "pain" / "low_back_pain.toml").string() +
                                                   ":13:31: link to unknown stretch or exercise \"lunge_strech\"");
    CHECK_FALSE(content.problems.front().skipped);
    // The entry itself stays, with its good link.
    REQUIRE(content.pain("low_back_pain") != nullptr);
    CHECK(content.pain("low_back_pain")->stretches == std::vector<std::string>{"lunge_stretch"});
}

TEST_CASE("an id that does not match its file name is reported", "[content][errors]") {
    const std::filesystem::path dir = brokenCopy("id_mismatch", "guides/sitting.toml", "id = \"sitting\"", "id = \"sittin\"");
    const Content content = loadContent(dir);
    REQUIRE_FALSE(content.problems.empty());
    CHECK_THAT(content.problems.front().format(),
               Contains("guides/sitting.toml:1:6: id \"sittin\" must match the file name \"sitting.toml\""));
}

TEST_CASE("a region without a shape is reported", "[content][errors]") {
    const std::filesystem::path dir =
        brokenCopy("no_shape", "regions.toml", "[[region.shape]]\ncentre = [0.05, 1.02, -0.10]\nradii = [0.06, 0.08, 0.05]\n", "");
    const Content content = loadContent(dir);
    REQUIRE(content.problems.size() == 1);
    CHECK_THAT(content.problems.front().format(), Contains("regions.toml:1:1: region \"lower_back\" has no shape"));
}

TEST_CASE("model muscles without entries and entries the model lacks are both reported", "[content][errors]") {
    const Content content = loadContent(goodContent());
    std::vector<std::string> lines;
    for (const ContentProblem& p : contentProblemsWithModel(content, {"psoas_major", "quadratus_lumborum"}, "back.glb")) {
        lines.push_back(p.format());
    }
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == (goodContent() / "muscles" / "quadratus_lumborum.toml").string() +
                          ":1:1: missing: the model back.glb has muscle \"quadratus_lumborum\" but there is no entry for it");
    CHECK(lines[1] == (goodContent() / "muscles" / "iliacus.toml").string() +
                          ":1:1: muscle \"iliacus\" is not in the model back.glb");
}

TEST_CASE("a missing content folder is one problem, not a crash", "[content][errors]") {
    const Content content = loadContent(test::dataDir() / "no_such_content");
    REQUIRE(content.problems.size() == 1);
    CHECK_THAT(content.problems.front().format(), Contains("no_such_content:1:1: content folder not found"));
    CHECK(content.muscles.empty());
}

TEST_CASE("an entry reads as a document with its sections and links", "[content]") {
    const Content content = loadContent(goodContent());
    const std::optional<EntryDocument> doc = describeEntry(content, "psoas_major");
    REQUIRE(doc.has_value());
    CHECK(doc->title == "Psoas major");
    CHECK_THAT(doc->subtitle, Contains("Deep muscle") && Contains("hip flexor"));
    bool hasOrigin = false;
    bool linksStretch = false;
    for (const DocumentSection& s : doc->sections) {
        hasOrigin = hasOrigin || (s.heading == "Origin" && s.paragraphs == std::vector<std::string>{"Test origin."});
        for (const DocumentLink& l : s.links) linksStretch = linksStretch || (l.id == "lunge_stretch" && l.label == "Lunge stretch");
    }
    CHECK(hasOrigin);
    CHECK(linksStretch);
    const std::string text = toPlainText(*doc);
    CHECK_THAT(text, Contains("Psoas major\n") && Contains("Origin\n  Test origin.") && Contains("Lunge stretch [lunge_stretch]"));
    // A pain pattern spells its red flags out.
    CHECK_THAT(toPlainText(*describeEntry(content, "low_back_pain")), Contains("! See a clinician urgently if"));
    CHECK_FALSE(describeEntry(content, "no_such_id").has_value());
}

TEST_CASE("the shipped content checks clean", "[content][shipped]") {
    const Content content = loadContent(test::sourceDir() / "content");
    INFO(Catch::Detail::stringify(formatted(content)));
    CHECK(content.problems.empty());
    CHECK(content.muscles.size() == 54);
    CHECK(content.pains.size() >= 14);
    CHECK(content.techniques.size() >= 14);
    CHECK(content.stretches.size() >= 25);
    CHECK_FALSE(content.safety.notice.empty());
    CHECK_FALSE(content.regions.empty());
}
