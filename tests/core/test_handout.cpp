// What a handout holds: chosen from the shipped content's entry documents.
#include <catch2/catch.hpp>

#include <ctime>

#include "core/content.h"
#include "core/handout.h"
#include "core/search.h"
#include "test_paths.h"

using namespace dorsal;
using Catch::Matchers::Contains;

namespace {

const Content& shipped() {
    static const Content content = loadContent(test::sourceDir() / "content");
    return content;
}

Handout plan(std::string_view subject, const std::optional<std::vector<std::string>>& stretches = std::nullopt,
             std::string note = {}) {
    static const SearchIndex search(shipped());
    return planHandout(shipped(), search, subject, stretches, std::move(note), "5 March 2025");
}

std::vector<std::string> idsOf(const std::vector<EntryDocument>& documents) {
    std::vector<std::string> ids;
    for (const EntryDocument& d : documents) ids.push_back(d.id);
    return ids;
}

std::string errorOf(std::string_view subject, const std::optional<std::vector<std::string>>& stretches = std::nullopt,
                    std::string note = {}) {
    try {
        plan(subject, stretches, std::move(note));
    } catch (const HandoutError& error) {
        return error.what();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("A muscle's handout explains it plainly, takes two pictures and its linked stretches") {
    const Handout handout = plan("psoas_major", std::nullopt, "Twice a day, gently.");
    CHECK(handout.title == "Psoas major");
    CHECK(handout.kind == EntryKind::Muscle);
    CHECK(handout.note == "Twice a day, gently.");
    CHECK(handout.date == "5 March 2025");
    REQUIRE_FALSE(handout.explanation.empty());
    CHECK(handout.explanation.front().heading == "What it is");
    CHECK(handout.explanation.front().paragraphs.front() == shipped().muscle("psoas_major")->summary);
    // The therapist's own material (attachments, nerves, palpation, cautions for massage) stays out.
    for (const DocumentSection& section : handout.explanation) {
        CHECK(section.topic != Topic::Origin);
        CHECK(section.topic != Topic::Palpation);
        CHECK(section.topic != Topic::Cautions);
    }
    REQUIRE(handout.picturePlans.size() == 2);
    CHECK(handout.picturePlans[0].view == PictureView::Best);
    CHECK(handout.picturePlans[1].view == PictureView::PainSide);
    CHECK(idsOf(handout.exercises) == shipped().muscle("psoas_major")->stretches);
    // Each exercise keeps what a person needs at home: its steps, how much, and when to stop.
    const EntryDocument& first = handout.exercises.front();
    REQUIRE(first.section(Topic::Steps));
    CHECK(first.section(Topic::Steps)->numbered);
    CHECK(first.section(Topic::Steps)->bullets == shipped().stretch(first.id)->steps);
    CHECK(first.section(Topic::Dosage));
    CHECK(first.section(Topic::StopIf));
    CHECK_FALSE(first.section(Topic::Evidence));
}

TEST_CASE("A muscle's handout warns with the red flags of the pain it is part of") {
    const Handout handout = plan("psoas_major");
    const PainPattern& lowBack = *shipped().pain("low_back_pain");
    REQUIRE_FALSE(lowBack.redFlags.empty());
    CHECK(handout.whenToSeeClinician.caution);
    std::string all;
    for (const std::string& bullet : handout.whenToSeeClinician.bullets) all += bullet + "\n";
    for (const std::string& id : lowBack.redFlags) CHECK_THAT(all, Contains(shipped().redFlag(id)->name));
    CHECK(handout.notice == shipped().safety.notice);
}

TEST_CASE("Sources are the subject's, then the exercises', each once") {
    const Handout handout = plan("psoas_major");
    const std::vector<std::string>& own = shipped().muscle("psoas_major")->sources;
    REQUIRE(handout.sources.size() >= own.size());
    CHECK(std::vector<std::string>(handout.sources.begin(), handout.sources.begin() + static_cast<long>(own.size())) == own);
    for (const std::string& source : shipped().stretch(handout.exercises.front().id)->sources) {
        CHECK(std::count(handout.sources.begin(), handout.sources.end(), source) == 1);
    }
}

TEST_CASE("A pain pattern's handout has one picture, its self-care and its own red flags") {
    const Handout handout = plan("lumbago");  // a name or nickname works as in `dorsal info`
    CHECK(handout.subjectId == "low_back_pain");
    CHECK(handout.picturePlans.size() == 1);
    bool selfCare = false;
    for (const DocumentSection& section : handout.explanation) selfCare = selfCare || section.topic == Topic::SelfCare;
    CHECK(selfCare);
    CHECK(handout.whenToSeeClinician.bullets.size() == shipped().pain("low_back_pain")->redFlags.size());
    CHECK(idsOf(handout.exercises) == shipped().pain("low_back_pain")->stretches);
}

TEST_CASE("The stretches given (--stretches) are the exercises, in that order") {
    const Handout handout = plan("psoas_major", std::vector<std::string>{"dead_bug", "glute_bridge"});
    CHECK(idsOf(handout.exercises) == std::vector<std::string>{"dead_bug", "glute_bridge"});
    CHECK(plan("psoas_major", std::vector<std::string>{}).exercises.empty());
}

TEST_CASE("A technique or guide with no warnings of its own carries all the red flags") {
    const Handout handout = plan("prolonged_sitting");
    CHECK(handout.whenToSeeClinician.bullets.size() == shipped().safety.redFlags.size());
    CHECK(handout.picturePlans.empty());
}

TEST_CASE("Handout errors are one line that names the problem and suggests") {
    CHECK_THAT(errorOf("psoas_majr"), Contains("no entry with the id or name \"psoas_majr\"") && Contains("psoas_major"));
    CHECK_THAT(errorOf("lower_back"), Contains("Lower back is a region") && Contains("a handout is about"));
    CHECK_THAT(errorOf("psoas_major", std::vector<std::string>{"glute_brige"}),
               Contains("no stretch or exercise with the id \"glute_brige\"") && Contains("glute_bridge"));
    CHECK_THAT(errorOf("psoas_major", std::vector<std::string>{"psoas_major"}), Contains("is a muscle, not a stretch"));
    CHECK_THAT(errorOf("psoas_major", std::vector<std::string>{"dead_bug", "dead_bug"}), Contains("given twice"));
    CHECK_THAT(errorOf("psoas_major", std::nullopt, "fine\x1b[31m"), Contains("U+001B"));
    CHECK_THAT(errorOf("psoas_major", std::nullopt, std::string(kMaxTextBytes + 1, 'a')), Contains("keep it under"));
    for (const std::string& message : {errorOf("psoas_majr"), errorOf("lower_back")}) {
        CHECK(message.find('\n') == std::string::npos);
    }
}

TEST_CASE("No handout without its warnings when the safety file is broken") {
    Content content = loadContent(test::dataDir() / "content_good");
    content.safety.failure = ContentProblem({"safety.toml", 1, 1}, "missing");
    const SearchIndex search(content);
    REQUIRE(content.muscles.size() > 0);
    CHECK_THROWS_WITH(planHandout(content, search, content.muscles.front().id, std::nullopt, "", "today"),
                      Contains("no handout without its warnings"));
}

TEST_CASE("Paper names and the handout's date") {
    CHECK(paperSizeFromName("A4") == PaperSize::A4);
    CHECK(paperSizeFromName("letter") == PaperSize::Letter);
    CHECK_FALSE(paperSizeFromName("a5"));
    CHECK(paperSizeName(PaperSize::Letter) == "letter");
    std::tm noon{};
    noon.tm_year = 2025 - 1900;
    noon.tm_mon = 2;
    noon.tm_mday = 5;
    noon.tm_hour = 12;
    noon.tm_isdst = -1;
    CHECK(handoutDate(std::chrono::system_clock::from_time_t(std::mktime(&noon))) == "5 March 2025");
}
