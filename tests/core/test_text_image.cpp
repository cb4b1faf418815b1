#include <catch2/catch.hpp>

#include <sys/resource.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <csignal>
#include <fstream>
#include <iterator>
#include <random>
#include <set>
#include <thread>

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

TEST_CASE("a bounded edit distance agrees with the edit distance, and counts a swap as one typo", "[text]") {
    CHECK(withinEditDistance("psoaz", "psoas", 1));
    CHECK_FALSE(withinEditDistance("psoaz", "psoas", 0));
    CHECK(withinEditDistance("bakc", "back", 1));  // a swap of neighbours: one edit
    CHECK(editDistance("bakc", "back") == 2);       // two for Levenshtein
    CHECK_FALSE(withinEditDistance("lats", "latissimus", 5));
    CHECK(withinEditDistance("LATS", "lats", 0));
    // Generated pairs, also past 64 bytes: a swap saves one edit of two, so the bounded distance
    // lies between half the edit distance (rounded up) and the edit distance.
    const std::vector<std::string> words{"", "a", "hip", "hips", "flexor", "flexer", "gluteal", "glutes",
                                         "latissimus", "lattisimus", std::string(70, 'x'), std::string(69, 'x') + "y"};
    for (const std::string& a : words) {
        for (const std::string& b : words) {
            const std::size_t distance = editDistance(a, b);
            INFO(a << " / " << b);
            CHECK(withinEditDistance(a, b, distance));
            if (distance > 0) CHECK_FALSE(withinEditDistance(a, b, (distance - 1) / 2));
        }
    }
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
    writeImage(path, image);
    const Image back = readPng(path);
    CHECK(back.width == 4);
    CHECK(back.height == 3);
    CHECK(back.rgba == image.rgba);
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
    CHECK_THROWS_WITH(writeImage(unwritable, image),
                      unwritable.string() + ": cannot write the file (the folder " + unwritable.parent_path().string() +
                          " does not exist)");
}

TEST_CASE("printable makes what a user typed safe for a one-line message", "[text]") {
    CHECK(printable("psoas_major") == "psoas_major");
    CHECK(printable("Psoas · major é 脊") == "Psoas · major é 脊");  // well-formed UTF-8 stays
    CHECK(printable("\xff\xfe ok \xc3") == "\\xFF\\xFE ok \\xC3");  // stray bytes, a cut sequence
    CHECK(printable("\xc2\x85") == "\\u{0085}");  // a C1 control character
    // Overlong forms and surrogates are not UTF-8: escaped byte by byte.
    CHECK(printable("\xc0\xaf \xed\xa0\x80").find("\\x") == 0);
    CHECK_FALSE(findUnsafeCharacter(printable("\xc0\xaf \xed\xa0\x80")).has_value());
    // A 100 KB argument becomes a short line (the default limit is 200 bytes).
    CHECK(printable(std::string(100000, 'a')).size() <= 203);
}

namespace {

// A picture of noise, which neither PNG nor JPEG can shrink much.
Image noise(int width, int height, unsigned seed) {
    Image image;
    image.width = width;
    image.height = height;
    image.rgba.resize(static_cast<std::size_t>(width) * height * 4);
    std::mt19937 random(seed);
    for (std::uint8_t& byte : image.rgba) byte = static_cast<std::uint8_t>(random());
    return image;
}

// A smooth picture, which JPEG keeps close to the original.
Image gradient(int width, int height) {
    Image image;
    image.width = width;
    image.height = height;
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            image.rgba.insert(image.rgba.end(), {static_cast<std::uint8_t>(x * 255 / width),
                                                 static_cast<std::uint8_t>(y * 255 / height), 128, 255});
        }
    }
    return image;
}

std::string readBytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeBytes(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

std::set<std::string> namesIn(const std::filesystem::path& dir) {
    std::set<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) names.insert(entry.path().filename().string());
    return names;
}

const std::string kPngMagic("\x89PNG\r\n\x1a\n", 8);
const std::string kJpegMagic("\xff\xd8\xff", 3);

}  // namespace

TEST_CASE("a picture is PNG or JPEG as its extension says, and leaves nothing else behind", "[image]") {
    const std::filesystem::path dir = test::scratchDir("image_formats");
    const Image image = gradient(64, 48);
    for (const char* name : {"a.png", "b.PNG", "c.jpg", "d.jpeg", "e.JPG"}) writeImage(dir / name, image);
    CHECK(namesIn(dir) == std::set<std::string>{"a.png", "b.PNG", "c.jpg", "d.jpeg", "e.JPG"});
    for (const char* name : {"a.png", "b.PNG"}) CHECK(readBytes(dir / name).substr(0, 8) == kPngMagic);
    for (const char* name : {"c.jpg", "d.jpeg", "e.JPG"}) CHECK(readBytes(dir / name).substr(0, 3) == kJpegMagic);
    const Image jpeg = readPng(dir / "c.jpg");  // stb reads JPEG as well
    CHECK(jpeg.width == 64);
    CHECK(jpeg.height == 48);
    CHECK(differingPixelFraction(image, jpeg, 12) < 0.01);

    CHECK(imageFormatFor("x.Jpeg") == ImageFormat::Jpeg);
    CHECK(imageFormatFor("x.png") == ImageFormat::Png);
    CHECK_FALSE(imageFormatFor("x.gif").has_value());
    CHECK_FALSE(imageFormatFor("png").has_value());
    CHECK_THROWS_WITH(writeImage(dir / "f.gif", image),
                      (dir / "f.gif").string() + ": unsupported picture type \".gif\"; end it in .png, .jpg or .jpeg");
    Image empty;
    CHECK_THROWS_WITH(writeImage(dir / "g.png", empty), Catch::Matchers::Contains("cannot encode a PNG of 0x0 pixels"));
    Image short_ = image;
    short_.rgba.resize(10);
    CHECK_THROWS_AS(writeImage(dir / "h.jpg", short_), ImageError);
    CHECK(namesIn(dir).size() == 5);
}

TEST_CASE("a picture replaces an older file whole, with the usual permissions", "[image]") {
    const std::filesystem::path dir = test::scratchDir("image_replace");
    const std::filesystem::path path = dir / "picture.png";
    writeBytes(path, "an older picture");
    std::filesystem::permissions(path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    writeImage(path, gradient(8, 8));
    CHECK(readPng(path).rgba == gradient(8, 8).rgba);
    const mode_t mask = ::umask(0);
    ::umask(mask);
    struct stat status {};
    REQUIRE(::stat(path.c_str(), &status) == 0);
    CHECK((status.st_mode & 0777) == (0644 & ~mask));
    CHECK(namesIn(dir) == std::set<std::string>{"picture.png"});
}

TEST_CASE("a picture is never written onto a device, a pipe, a folder or a link", "[image]") {
    const std::filesystem::path dir = test::scratchDir("image_targets");
    const Image image = gradient(8, 8);
    for (const char* device : {"/dev/null", "/dev/full"}) {
        CHECK_THROWS_WITH(writeImage(device, image), std::string(device) + ": is a device, not a file");
        CHECK(std::filesystem::is_character_file(device));
    }
    std::filesystem::create_symlink("/dev/null", dir / "to_null.png");
    CHECK_THROWS_WITH(writeImage(dir / "to_null.png", image), (dir / "to_null.png").string() +
                          ": is a symbolic link; give the file it points to (dorsal does not write through links)");
    CHECK(std::filesystem::is_character_file("/dev/null"));

    const std::filesystem::path pipe = dir / "pipe.png";
    REQUIRE(::mkfifo(pipe.c_str(), 0600) == 0);
    CHECK_THROWS_WITH(writeImage(pipe, image), pipe.string() + ": is a named pipe, not a file");
    CHECK(std::filesystem::is_fifo(pipe));

    const std::filesystem::path folder = dir / "folder.png";
    std::filesystem::create_directory(folder);
    CHECK_THROWS_WITH(writeImage(folder, image),
                      folder.string() + ": is a folder; give a file name inside it, such as picture.png");
    CHECK(std::filesystem::is_empty(folder));

    writeBytes(dir / "real.png", "keep me");
    std::filesystem::create_symlink("real.png", dir / "link.png");
    CHECK_THROWS_WITH(writeImage(dir / "link.png", image), Catch::Matchers::Contains("is a symbolic link"));
    CHECK(readBytes(dir / "real.png") == "keep me");
    CHECK(std::filesystem::is_symlink(dir / "link.png"));
    std::filesystem::create_symlink("nowhere.png", dir / "dangling.png");
    CHECK_THROWS_WITH(writeImage(dir / "dangling.png", image), Catch::Matchers::Contains("is a symbolic link"));

    writeBytes(dir / "plain.txt", "");
    const std::filesystem::path underFile = dir / "plain.txt" / "in.png";
    CHECK_THROWS_WITH(writeImage(underFile, image),
                      Catch::Matchers::StartsWith(underFile.string() + ": cannot write the file ("));
    CHECK(namesIn(dir) ==
          std::set<std::string>{"to_null.png", "pipe.png", "folder.png", "real.png", "link.png", "dangling.png",
                                "plain.txt"});
}

TEST_CASE("a picture never replaces the model or a content file it is made from", "[image]") {
    const std::filesystem::path dir = test::scratchDir("image_inputs");
    const std::filesystem::path model = dir / "model.png";  // a model may have any name
    writeBytes(model, "model");
    const std::filesystem::path content = dir / "content";
    std::filesystem::create_directories(content / "muscles");
    writeBytes(content / "muscles" / "figure.png", "figure");
    const std::vector<std::filesystem::path> inputs{model, content};
    CHECK_THROWS_WITH(checkImageTarget(model, inputs),
                      model.string() + ": is a file the picture is made from; write the picture elsewhere");
    CHECK_THROWS_AS(checkImageTarget(dir / "content" / ".." / "model.png", inputs), ImageError);
    std::filesystem::create_hard_link(model, dir / "same_model.png");
    CHECK_THROWS_AS(checkImageTarget(dir / "same_model.png", inputs), ImageError);
    CHECK_THROWS_WITH(checkImageTarget(content / "muscles" / "figure.png", inputs),
                      (content / "muscles" / "figure.png").string() + ": is a file of " + content.string() +
                          ", which the picture is made from; write the picture elsewhere");
    CHECK_THROWS_AS(checkImageTarget(dir / "." / "content" / "muscles" / ".." / "muscles" / "figure.png", inputs),
                    ImageError);
    // A new file, or an unrelated one, is fine; nothing was created by the checks.
    CHECK_NOTHROW(checkImageTarget(content / "new.png", inputs));
    writeBytes(dir / "other.png", "other");
    CHECK_NOTHROW(checkImageTarget(dir / "other.png", inputs));
    CHECK_NOTHROW(checkImageTarget(dir / "other.png", {dir / "missing_model.glb", dir / "missing_content"}));
    CHECK(readBytes(model) == "model");
    CHECK(readBytes(content / "muscles" / "figure.png") == "figure");
    CHECK(namesIn(content) == std::set<std::string>{"muscles"});
}

TEST_CASE("parallel writers of one picture never share a temporary file", "[image]") {
    const std::filesystem::path dir = test::scratchDir("image_parallel");
    const std::filesystem::path path = dir / "shared.png";
    constexpr int kWriters = 4;
    constexpr int kWrites = 25;
    std::vector<Image> images;
    for (int i = 0; i < kWriters; ++i) images.push_back(noise(32, 32, static_cast<unsigned>(i)));
    std::atomic<int> failures{0};
    std::vector<std::thread> writers;
    for (int i = 0; i < kWriters; ++i) {
        writers.emplace_back([&, i] {
            for (int n = 0; n < kWrites; ++n) {
                try {
                    writeImage(path, images[static_cast<std::size_t>(i)]);
                } catch (const ImageError&) {
                    ++failures;
                }
            }
        });
    }
    for (std::thread& writer : writers) writer.join();
    CHECK(failures == 0);
    const Image last = readPng(path);
    CHECK(std::any_of(images.begin(), images.end(), [&](const Image& image) { return image.rgba == last.rgba; }));
    CHECK(namesIn(dir) == std::set<std::string>{"shared.png"});
}

// A full disk cannot be made without privileges, but a file size limit fails a write the same way
// (EFBIG instead of ENOSPC) once SIGXFSZ, which would otherwise kill the process, is ignored.
TEST_CASE("a write that fails part-way reports the system's reason and leaves the old file", "[image]") {
    const std::filesystem::path dir = test::scratchDir("image_too_large");
    const std::filesystem::path path = dir / "big.png";
    writeBytes(path, "the old picture");
    const Image big = noise(128, 128, 7);  // about 64 KiB as PNG

    rlimit saved{};
    REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
    rlimit limited = saved;
    limited.rlim_cur = 16 * 1024;
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    REQUIRE(::setrlimit(RLIMIT_FSIZE, &limited) == 0);
    std::string message;
    try {
        writeImage(path, big);
    } catch (const ImageError& error) {
        message = error.what();
    }
    ::setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previousHandler);

    CHECK(message == path.string() + ": cannot write the file (File too large)");
    CHECK(readBytes(path) == "the old picture");
    CHECK(namesIn(dir) == std::set<std::string>{"big.png"});
    writeImage(path, big);  // and with the limit gone it works
    CHECK(readPng(path).rgba == big.rgba);
}
