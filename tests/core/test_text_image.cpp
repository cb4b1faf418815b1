#include <catch2/catch.hpp>

#include <cstdint>

#include "core/image.h"
#include "core/text.h"
#include "test_paths.h"

using namespace dorsal;

TEST_CASE("edit distance counts typos, ignoring case", "[text]") {
    CHECK(editDistance("psoas", "psoas") == 0);
    CHECK(editDistance("psoaz", "psoas") == 1);
    CHECK(editDistance("PSOAS", "psoas") == 0);
    CHECK(editDistance("lats", "latissimus") == 6);
    CHECK(editDistance("", "abc") == 3);
}

TEST_CASE("closest matches suggest plausible typos only, best first", "[text]") {
    const std::vector<std::string> options{"output", "model", "resolution", "no-ui", "select", "view"};
    CHECK(closestMatches("outptu", options, 1) == std::vector<std::string>{"output"});
    CHECK(closestMatches("modle", options, 1) == std::vector<std::string>{"model"});
    CHECK(closestMatches("zzzzzzzz", options).empty());
}

TEST_CASE("closest matches find a typo of the start or of one word of a longer id", "[text]") {
    const std::vector<std::string> ids{"psoas_major", "iliopsoas", "latissimus_dorsi", "quadratus_lumborum",
                                       "pectoralis_major", "low_back_pain", "muscle.psoas_major.L"};
    CHECK(closestMatches("psoaz", ids).front() == "psoas_major");  // the start, before the node's inner word
    CHECK(closestMatches("psoaz_major", ids).front() == "psoas_major");
    CHECK(closestMatches("quadratus", ids) == std::vector<std::string>{"quadratus_lumborum"});
    CHECK(closestMatches("lumborom", ids) == std::vector<std::string>{"quadratus_lumborum"});  // a later word
    CHECK(closestMatches("latisimus", ids).front() == "latissimus_dorsi");
    // Nonsense and too-short words suggest nothing.
    for (const char* nonsense : {"xyzzy", "qwerty", "zzzz", "asdfgh", "12345", "ps", "a", ""}) {
        INFO(nonsense);
        CHECK(closestMatches(nonsense, ids).empty());
    }
}

TEST_CASE("closest matches suggest nothing for random words against the shipped ids", "[text]") {
    // Generated letters: a word this random is no one's typo of an atlas id.
    std::vector<std::string> ids{"psoas_major", "latissimus_dorsi", "quadratus_lumborum", "trapezius_descending",
                                 "gluteus_medius", "piriformis_syndrome", "chin_tuck", "effleurage"};
    std::uint32_t state = 12345;
    auto nextLetter = [&] {
        state = state * 1664525u + 1013904223u;
        return static_cast<char>('a' + (state >> 24) % 26);
    };
    int suggested = 0;
    for (int i = 0; i < 200; ++i) {
        std::string word;
        for (int k = 0; k < 6 + i % 6; ++k) word += nextLetter();
        suggested += closestMatches(word, ids).empty() ? 0 : 1;
    }
    CHECK(suggested == 0);
}

TEST_CASE("unsafe characters are found where they are, and nothing else is", "[text]") {
    CHECK_FALSE(findUnsafeCharacter("Plain text,\twith a tab,\na line break and \xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80.").has_value());
    const auto check = [](std::string_view text, std::size_t offset, char32_t codePoint) {
        const std::optional<UnsafeCharacter> found = findUnsafeCharacter(text);
        REQUIRE(found.has_value());
        CHECK(found->offset == offset);
        CHECK(found->codePoint == codePoint);
    };
    check(std::string_view("ab\0c", 4), 2, 0x00);
    check("ab\x1B[31m", 2, 0x1B);
    check("a\rb", 1, 0x0D);
    check("a\x7F", 1, 0x7F);
    check("a\xC2\x85", 1, 0x85);          // C1: next line
    check("safe \xE2\x80\xAE evil", 5, 0x202E);  // right-to-left override
    check("x\xE2\x81\xA6y", 1, 0x2066);    // left-to-right isolate
    const std::optional<UnsafeCharacter> invalid = findUnsafeCharacter("ok\xFFno");
    REQUIRE(invalid.has_value());
    CHECK(invalid->invalidUtf8);
    CHECK(invalid->offset == 2);
    CHECK(findUnsafeCharacter("\xE2\x80")->invalidUtf8);     // cut short
    CHECK(findUnsafeCharacter("\xC0\xAF")->invalidUtf8);     // overlong
    CHECK(findUnsafeCharacter("\xED\xA0\x80")->invalidUtf8); // a surrogate
    CHECK(describeCharacter({0, 0x1B, false}) == "U+001B (escape)");
    CHECK(describeCharacter({0, 0x202E, false}) == "U+202E (right-to-left override)");
    CHECK(describeCharacter({0, 0xFF, true}) == "the byte 0xFF (not UTF-8)");
}

TEST_CASE("printable text escapes what a terminal would obey and cuts long text", "[text]") {
    CHECK(printable("plain \xC3\xA9", 100) == "plain \xC3\xA9");
    CHECK(printable("a\x1B[2Jb\nc\td\xE2\x80\xAE\xFF", 100) == "a\\u{001B}[2Jb\\nc\\td\\u{202E}\\xFF");
    CHECK(printable(std::string(500, 'x'), 80) == std::string(80, 'x') + "...");
    // Never cut inside a character: 40 two-byte characters in 79 bytes leave 39.
    std::string accents;
    for (int i = 0; i < 40; ++i) accents += "\xC3\xA9";
    CHECK(printable(accents, 79).size() == 78 + 3);
    CHECK_FALSE(findUnsafeCharacter(printable("\x1B\x9B\xC2\x9B", 100)).has_value());
}

TEST_CASE("long text splits into pieces at spaces, never inside a character", "[text]") {
    CHECK(splitIntoPieces("", 10).empty());
    CHECK(splitIntoPieces("short text", 10) == std::vector<std::string_view>{"short text"});
    CHECK(splitIntoPieces("one two three four", 9) == std::vector<std::string_view>{"one two", "three", "four"});
    CHECK(splitIntoPieces("abcdefghijkl", 5) == std::vector<std::string_view>{"abcde", "fghij", "kl"});
    // A word of two-byte characters breaks between characters.
    const std::vector<std::string_view> accents = splitIntoPieces("\xC3\xA9\xC3\xA9\xC3\xA9", 5);
    CHECK(accents == std::vector<std::string_view>{"\xC3\xA9\xC3\xA9", "\xC3\xA9"});
    // Generated: 30,000 words of mixed lengths and characters; every piece fits, and the pieces
    // joined by the spaces they dropped give the text back.
    std::string text;
    for (int i = 0; i < 30000; ++i) {
        if (i > 0) text += ' ';
        text.append(static_cast<std::size_t>(1 + i % 13), 'a');
        if (i % 7 == 0) text += "\xE2\x80\x94";
    }
    const std::vector<std::string_view> pieces = splitIntoPieces(text, 4096);
    std::string joined;
    for (std::string_view piece : pieces) {
        CHECK(piece.size() <= 4096);
        CHECK_FALSE(findUnsafeCharacter(piece).has_value());  // no cut UTF-8
        if (!joined.empty()) joined += ' ';
        joined += piece;
    }
    CHECK(joined == text);
    CHECK(pieces.size() > text.size() / 4096);
}

TEST_CASE("PNG files round-trip and compare", "[image]") {
    Image image;
    image.width = 4;
    image.height = 3;
    image.rgba.assign(4 * 3 * 4, 0);
    for (std::size_t i = 0; i < image.rgba.size(); ++i) image.rgba[i] = static_cast<std::uint8_t>(i * 5);
    const std::filesystem::path path = test::scratchDir("image") / "round_trip.png";
    writePng(path, image);
    const Image back = readPng(path);
    CHECK(back.width == 4);
    CHECK(back.height == 3);
    CHECK(back.rgba == image.rgba);
    CHECK_FALSE(std::filesystem::exists(path.string() + ".partial"));
    CHECK(differingPixelFraction(image, back, 0) == 0.0);

    Image changed = image;
    changed.rgba[0] = static_cast<std::uint8_t>(changed.rgba[0] + 100);  // one pixel of twelve
    CHECK(differingPixelFraction(image, changed, 10) == Catch::Detail::Approx(1.0 / 12.0));
    CHECK(differingPixelFraction(image, changed, 120) == 0.0);
    Image smaller = image;
    smaller.width = 2;
    CHECK(differingPixelFraction(image, smaller, 0) == 1.0);
}

TEST_CASE("image errors name the file", "[image]") {
    const std::filesystem::path missing = test::dataDir() / "missing.png";
    CHECK_THROWS_WITH(readPng(missing), Catch::Matchers::StartsWith(missing.string() + ": cannot read image"));
    Image image;
    image.width = 1;
    image.height = 1;
    image.rgba = {1, 2, 3, 255};
    const std::filesystem::path unwritable = test::dataDir() / "no_such_folder" / "out.png";
    CHECK_THROWS_WITH(writePng(unwritable, image), Catch::Matchers::StartsWith(unwritable.string() + ": cannot write"));
}
