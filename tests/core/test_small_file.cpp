// Reading small files: never blocking on a pipe, never past the limit.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <fstream>

#include "core/small_file.h"
#include "test_paths.h"

using namespace dorsal;

TEST_CASE("a small file is read whole, and one over the limit, a folder, a pipe or a missing file is not", "[files]") {
    const std::filesystem::path dir = test::scratchDir("small_file");
    std::ofstream(dir / "exact.txt") << std::string(100, 'a');
    const SmallFileRead exact = readSmallFile(dir / "exact.txt", 100);
    CHECK(exact.problem == SmallFileRead::Problem::None);
    CHECK(exact.text == std::string(100, 'a'));

    const SmallFileRead over = readSmallFile(dir / "exact.txt", 99);
    CHECK(over.problem == SmallFileRead::Problem::TooLarge);
    CHECK(over.text.empty());

    CHECK(readSmallFile(dir, 100).problem != SmallFileRead::Problem::None);

    // A pipe with no writer: opening it must not wait for one.
    REQUIRE(::mkfifo((dir / "pipe").c_str(), 0600) == 0);
    CHECK(readSmallFile(dir / "pipe", 100).problem == SmallFileRead::Problem::NotRegular);

    const SmallFileRead missing = readSmallFile(dir / "missing.txt", 100);
    CHECK(missing.problem == SmallFileRead::Problem::Unreadable);
    CHECK(missing.reason == "No such file or directory");
}
