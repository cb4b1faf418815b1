#include <catch2/catch.hpp>

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
