#include <sys/stat.h>

#include <fstream>

#include <catch2/catch.hpp>

#include "core/folder_listing.h"
#include "test_paths.h"

using namespace dorsal;

TEST_CASE("a folder lists its folders first, then the files asked for, sorted as people sort", "[files]") {
    const std::filesystem::path dir = test::scratchDir("listing");
    for (const char* name : {"back 10.glb", "back 2.GLB", "Arm.obj", "notes.txt", ".hidden.glb", "zeta.stl"}) {
        std::ofstream(dir / name) << "x";
    }
    for (const char* name : {"models", "Archive", ".git"}) std::filesystem::create_directory(dir / name);
    std::filesystem::create_symlink(dir / "Arm.obj", dir / "link.obj");
    std::filesystem::create_symlink(dir / "missing.obj", dir / "broken.obj");
    REQUIRE(::mkfifo((dir / "pipe.glb").c_str(), 0600) == 0);

    const FolderListing listing = listFolder(dir, {".glb", ".obj", ".stl"});
    CHECK(listing.error.empty());
    const std::vector<FolderEntry> expected{{"Archive", true},   {"models", true},   {"Arm.obj", false},
                                            {"back 2.GLB", false}, {"back 10.glb", false}, {"link.obj", false},
                                            {"zeta.stl", false}};
    CHECK(listing.entries == expected);
    // Without extensions every file shows.
    CHECK(listFolder(dir, {}).entries.size() == expected.size() + 1);  // notes.txt
}

TEST_CASE("a folder that cannot be read lists nothing and says why", "[files][hostile]") {
    const FolderListing missing = listFolder(test::scratchDir("listing_missing") / "nope", {});
    CHECK(missing.entries.empty());
    CHECK(missing.error == "No such file or directory");
    const std::filesystem::path file = test::scratchDir("listing_file") / "file.glb";
    std::ofstream(file) << "x";
    CHECK_FALSE(listFolder(file, {}).error.empty());
}

TEST_CASE("natural order: case aside, numbers by value", "[files]") {
    CHECK(naturalLess("part 2", "part 10"));
    CHECK_FALSE(naturalLess("part 10", "part 2"));
    CHECK(naturalLess("apple", "Banana"));
    CHECK(naturalLess("a01", "a2"));
    CHECK(naturalLess("a", "ab"));
    CHECK(hasExtension("X.GLB", {".glb"}));
    CHECK_FALSE(hasExtension(".glb", {".glb"}));
    CHECK_FALSE(hasExtension("x.glbx", {".glb"}));
}
