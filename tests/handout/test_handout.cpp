// Handouts: the typesetting on its own, then the real binary's PDFs read back with poppler-utils
// (pdftotext, pdfinfo, pdftoppm, pdfimages) as a person's PDF viewer would show them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>

#include "core/content.h"
#include "core/handout.h"
#include "core/image.h"
#include "core/search.h"
#include "handout/handout_pdf.h"
#include "run_program.h"
#include "test_paths.h"

using namespace dorsal;
using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;

namespace {

const Content& shipped() {
    static const Content content = loadContent(test::sourceDir() / "content");
    return content;
}

Handout planned(std::string_view subject, std::string note = {}) {
    static const SearchIndex search(shipped());
    return planHandout(shipped(), search, subject, std::nullopt, std::move(note), "5 March 2025");
}

// Runs of whitespace (line breaks included) as one space, as pdftotext breaks lines where the
// page does.
std::string squeezed(const std::string& text) {
    std::string out;
    for (char c : text) {
        const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
        if (space && (out.empty() || out.back() == ' ')) continue;
        out += space ? ' ' : c;
    }
    return out;
}

bool havePoppler() { return std::system("command -v pdftotext pdfinfo pdftoppm pdfimages > /dev/null 2>&1") == 0; }

#define REQUIRE_POPPLER()                                                            \
    if (!havePoppler()) {                                                            \
        WARN("skipped: poppler-utils (pdftotext, pdfinfo, pdftoppm) is not installed"); \
        return;                                                                      \
    }

test::RunResult run(const std::string& program, const std::vector<std::string>& args, const std::filesystem::path& dir,
                    const std::string& log) {
    return test::runProgram(program, args, dir / log);
}

test::RunResult runHandout(const std::vector<std::string>& args, const std::filesystem::path& dir) {
    std::vector<std::string> all{"handout"};
    all.insert(all.end(), args.begin(), args.end());
    return test::runProgram(DORSAL_BINARY, all, dir / "dorsal.txt");
}

std::string pdfText(const std::filesystem::path& pdf) {
    const test::RunResult text = run("pdftotext", {pdf.string(), "-"}, pdf.parent_path(), "text.txt");
    REQUIRE(text.exitCode == 0);
    return squeezed(text.output);
}

struct PdfInfo {
    int pages = 0;
    double width = 0;
    double height = 0;
    std::string title;
};

PdfInfo pdfInfo(const std::filesystem::path& pdf) {
    const test::RunResult info = run("pdfinfo", {pdf.string()}, pdf.parent_path(), "info.txt");
    REQUIRE(info.exitCode == 0);
    PdfInfo result;
    std::smatch match;
    if (std::regex_search(info.output, match, std::regex(R"(Pages:\s+(\d+))"))) result.pages = std::stoi(match[1]);
    if (std::regex_search(info.output, match, std::regex(R"(Page size:\s+([\d.]+) x ([\d.]+) pts)"))) {
        result.width = std::stod(match[1]);
        result.height = std::stod(match[2]);
    }
    if (std::regex_search(info.output, match, std::regex(R"(Title:\s+(.*))"))) result.title = match[1];
    return result;
}

// pdfimages -list: one row per image after the two header lines.
std::vector<std::string> pdfImages(const std::filesystem::path& pdf) {
    const test::RunResult list = run("pdfimages", {"-list", pdf.string()}, pdf.parent_path(), "images.txt");
    REQUIRE(list.exitCode == 0);
    std::vector<std::string> rows;
    std::istringstream lines(list.output);
    std::string line;
    for (int i = 0; std::getline(lines, line); ++i) {
        if (i >= 2 && !line.empty()) rows.push_back(line);
    }
    return rows;
}

// Renders every page to PNG at `dpi`; returns the pictures, first page first.
std::vector<Image> pdfPages(const std::filesystem::path& pdf, int dpi) {
    const std::filesystem::path prefix = pdf.parent_path() / "page";
    const test::RunResult render =
        run("pdftoppm", {"-png", "-r", std::to_string(dpi), pdf.string(), prefix.string()}, pdf.parent_path(), "ppm.txt");
    REQUIRE(render.exitCode == 0);
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(pdf.parent_path())) {
        if (entry.path().filename().string().rfind("page-", 0) == 0) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    std::vector<Image> pages;
    for (const std::filesystem::path& file : files) pages.push_back(readPng(file));
    return pages;
}

// Muscle red as the renderer draws it, lit: red well above green and blue.
template <class PixelTest>
int pixelsWhere(const Image& page, PixelTest test) {
    int count = 0;
    for (int y = 0; y < page.height; ++y) {
        for (int x = 0; x < page.width; ++x) count += test(page.pixel(x, y)) ? 1 : 0;
    }
    return count;
}

int muscleRedPixels(const Image& page) {
    return pixelsWhere(page, [](const std::uint8_t* p) { return p[0] > 90 && p[0] > p[1] * 1.7 && p[0] > p[2] * 1.5; });
}

// A pin's head is green (22, 196, 127), which nothing else in the pictures or on the page is.
int pinGreenPixels(const Image& page) {
    return pixelsWhere(page, [](const std::uint8_t* p) { return p[1] > 140 && p[1] > p[0] * 2 && p[1] > p[2] * 1.25; });
}

std::vector<std::string> filesIn(const std::filesystem::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::string firstWords(const std::string& text, std::size_t words) {
    std::istringstream in(text);
    std::string word;
    std::string out;
    for (std::size_t i = 0; i < words && in >> word; ++i) out += (i ? " " : "") + word;
    return out;
}

}  // namespace

TEST_CASE("Typesetting: a PDF of the paper's size that flows over pages") {
    const TypesetHandout a4 = typesetHandout(planned("psoas_major"), PaperSize::A4);
    CHECK_THAT(a4.pdf, StartsWith("%PDF-"));
    CHECK(a4.pages >= 2);  // five exercises, the warnings and the sources do not fit on one page
    CHECK_THAT(a4.pdf, Contains("/MediaBox [ 0 0 595.276 841.89 ]"));
    const TypesetHandout letter = typesetHandout(planned("psoas_major"), PaperSize::Letter);
    CHECK_THAT(letter.pdf, Contains("/MediaBox [ 0 0 612 792 ]"));
    // A note of about a page pushes the rest on.
    std::string note;
    while (note.size() < 3600) note += "Rest well, walk every day and keep moving between sittings. ";
    const TypesetHandout longer = typesetHandout(planned("psoas_major", note), PaperSize::A4);
    CHECK(longer.pages > a4.pages);
}

TEST_CASE("Typesetting: pictures are sized for print with labels about 9 pt") {
    const HandoutPictureSize one = handoutPictureSize(PaperSize::A4, 1);
    const HandoutPictureSize two = handoutPictureSize(PaperSize::A4, 2);
    CHECK(one.width > 1200);  // the text block's width at 200 dpi
    CHECK(two.width < one.width / 2 + 10);
    CHECK(two.height == one.height);
    CHECK(one.uiScale > 1.2f);
    CHECK(one.uiScale < 2.5f);
}

TEST_CASE("dorsal handout: a muscle's handout has its text, pictures and pages") {
    REQUIRE_POPPLER();
    const std::filesystem::path dir = test::scratchDir("handout_psoas");
    const std::filesystem::path pdf = dir / "psoas.pdf";
    const std::string note = "Do the stretches after your walk & (not before) <bed>.";
    const test::RunResult result = runHandout({"--select", "psoas_major", "--note", note, "--output", pdf.string()}, dir);
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    CHECK_THAT(result.output, Contains("Saved handout to " + pdf.string()));

    const std::string text = pdfText(pdf);
    INFO(text.substr(0, 3000));
    CHECK_THAT(text, Contains("Psoas major"));
    CHECK_THAT(text, Contains(note));  // the note as typed, markup characters and all
    const Stretch& first = *shipped().stretch(shipped().muscle("psoas_major")->stretches.front());
    CHECK_THAT(text, Contains(first.name));
    CHECK_THAT(text, Contains(firstWords(first.steps.front(), 8)));
    CHECK_THAT(text, Contains("When to see a clinician"));
    CHECK_THAT(text, Contains(shipped().redFlag(shipped().pain("low_back_pain")->redFlags.front())->name));
    CHECK_THAT(text, Contains("Education, not diagnosis"));
    CHECK_THAT(text, Contains(firstWords(shipped().safety.notice, 10)));
    CHECK_THAT(text, Contains(firstWords(shipped().muscle("psoas_major")->sources.front(), 6)));
    CHECK_THAT(text, Contains(handoutDate(std::chrono::system_clock::now())));

    const PdfInfo info = pdfInfo(pdf);
    CHECK(info.width == Approx(595.276).margin(0.01));
    CHECK(info.height == Approx(841.89).margin(0.01));
    CHECK(info.pages >= 2);
    CHECK(info.title == "Psoas major: take-home sheet");
    CHECK_THAT(text, Contains("Page " + std::to_string(info.pages) + " of " + std::to_string(info.pages)));

    const std::vector<std::string> images = pdfImages(pdf);
    CHECK(images.size() == 2);  // the muscle, and where its pain is felt
    for (const std::string& row : images) CHECK_THAT(row, Contains("jpeg"));

    const std::vector<Image> pages = pdfPages(pdf, 40);
    CHECK(static_cast<int>(pages.size()) == info.pages);
    REQUIRE_FALSE(pages.empty());
    // The pictures are on the first page, and they show the muscle in its red.
    CHECK(muscleRedPixels(pages.front()) > pages.front().width * pages.front().height / 200);
    CHECK(pinGreenPixels(pages.front()) == 0);  // no pins asked for (the control of the --pin test)
    // No file but the handout is left beside it.
    for (const std::string& name : filesIn(dir)) {
        CHECK((name == "psoas.pdf" || name.rfind("page-", 0) == 0 || name.ends_with(".txt")));
    }
}

TEST_CASE("dorsal handout --pin: the therapist's pins are in the pictures") {
    REQUIRE_POPPLER();
    const std::filesystem::path dir = test::scratchDir("handout_pin");
    const std::filesystem::path pdf = dir / "pinned.pdf";
    // On the belly over the left psoas, which the muscle's first picture shows from the front.
    const test::RunResult result =
        runHandout({"--select", "psoas_major", "--pin", "0.05,1.0,0.08:tender here", "--output", pdf.string()}, dir);
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    const std::vector<Image> pages = pdfPages(pdf, 100);
    REQUIRE_FALSE(pages.empty());
    CHECK(pinGreenPixels(pages.front()) > 10);

    const test::RunResult nowhere =
        runHandout({"--select", "psoas_major", "--pin", "5,5,5:in the air", "--output", (dir / "no.pdf").string()}, dir);
    CHECK(nowhere.exitCode != 0);
    CHECK_THAT(nowhere.output, Contains("no structure of the model within 5 cm of the pin"));
    CHECK_FALSE(std::filesystem::exists(dir / "no.pdf"));
}

TEST_CASE("dorsal handout: a pain pattern on Letter paper") {
    REQUIRE_POPPLER();
    const std::filesystem::path dir = test::scratchDir("handout_low_back");
    const std::filesystem::path pdf = dir / "low-back.PDF";
    const test::RunResult result = runHandout({"--select", "low_back_pain", "--paper", "letter", "--output", pdf.string()}, dir);
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    const PdfInfo info = pdfInfo(pdf);
    CHECK(info.width == Approx(612));
    CHECK(info.height == Approx(792));
    const std::string text = pdfText(pdf);
    CHECK_THAT(text, Contains("Lower back pain"));
    CHECK_THAT(text, Contains(shipped().stretch(shipped().pain("low_back_pain")->stretches.front())->name));
    for (const std::string& id : shipped().pain("low_back_pain")->redFlags) {
        CHECK_THAT(text, Contains(firstWords(shipped().redFlag(id)->name, 4)));
    }
    CHECK(pdfImages(pdf).size() == 1);
    CHECK(static_cast<int>(pdfPages(pdf, 30).size()) == info.pages);
}

TEST_CASE("dorsal handout --stretches: those, in that order, and no others") {
    REQUIRE_POPPLER();
    const std::filesystem::path dir = test::scratchDir("handout_stretches");
    const std::filesystem::path pdf = dir / "chosen.pdf";
    const test::RunResult result =
        runHandout({"--select", "psoas", "--stretches", "glute_bridge,dead_bug", "--output", pdf.string()}, dir);
    INFO(result.output);
    REQUIRE(result.exitCode == 0);
    const std::string text = pdfText(pdf);
    const std::size_t bridge = text.find(shipped().stretch("glute_bridge")->name);
    const std::size_t deadBug = text.find(shipped().stretch("dead_bug")->name);
    REQUIRE(bridge != std::string::npos);
    REQUIRE(deadBug != std::string::npos);
    CHECK(bridge < deadBug);
    CHECK_THAT(text, !Contains(shipped().stretch("thomas_stretch")->name));
}

TEST_CASE("dorsal handout: bad input is one line, a non-zero exit, and no file") {
    const std::filesystem::path dir = test::scratchDir("handout_errors");
    const std::filesystem::path content = dir / "content";
    std::filesystem::create_directory(content);
    std::ofstream(content / "old.pdf") << "the content's own file";
    const std::string out = (dir / "out.pdf").string();
    struct Case {
        std::vector<std::string> args;
        std::string message;
    };
    const std::vector<Case> cases{
        {{"--select", "psoas_majr", "--output", out}, "did you mean psoas_major"},
        {{"--select", "lower_back", "--output", out}, "a handout is about"},
        {{"--select", "psoas_major"}, "needs --output FILE.pdf"},
        {{"--output", out}, "needs --select ID"},
        {{"--select", "psoas_major", "--output", (dir / "out.png").string()}, "a handout is a PDF file"},
        {{"--select", "psoas_major", "--output", (dir / "missing" / "out.pdf").string()}, "missing"},
        {{"--select", "psoas_major", "--output", (dir / "folder.pdf").string()}, "folder"},
        {{"--select", "psoas_major", "--output", (dir / "null.pdf").string()}, "link"},
        {{"--select", "psoas_major", "--content", content.string(), "--output", (content / "old.pdf").string()}, ""},
        {{"--select", "psoas_major", "--stretches", "glute_brige", "--output", out}, "did you mean glute_bridge"},
        {{"--select", "psoas_major", "--stretches", "dead_bug,,glute_bridge", "--output", out}, "empty id"},
        {{"--select", "psoas_major", "--paper", "a5", "--output", out}, "unknown paper"},
        {{"--select", "psoas_major", "--note", "bad\x1b[2J", "--output", out}, "U+001B"},
        {{"--select", "psoas_major", "--output", out, "--xray"}, "does not take --xray"},
    };
    std::filesystem::create_directory(dir / "folder.pdf");
    std::filesystem::create_symlink("/dev/null", dir / "null.pdf");
    for (const Case& c : cases) {
        const test::RunResult result = runHandout(c.args, dir);
        INFO(result.output);
        CHECK(result.exitCode != 0);
        CHECK_THAT(result.output, StartsWith("dorsal: ") && Contains(c.message));
        CHECK(std::count(result.output.begin(), result.output.end(), '\n') == 1);
        CHECK(filesIn(dir) == std::vector<std::string>{"content", "dorsal.txt", "folder.pdf", "null.pdf"});
        CHECK(filesIn(content) == std::vector<std::string>{"old.pdf"});
    }
    // A folder named like a PDF, and a link to a device, stay as they were.
    CHECK(std::filesystem::is_directory(dir / "folder.pdf"));
    CHECK(std::filesystem::is_symlink(dir / "null.pdf"));
}
