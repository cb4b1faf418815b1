// Where Dorsal finds its data: DORSAL_DATA_DIR first, else share/dorsal beside the program's folder.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>

#include "core/data_paths.h"
#include "test_paths.h"

using namespace dorsal;
using Catch::Matchers::Message;

namespace {

std::filesystem::path dataBeside(const std::filesystem::path& program) {
    return (program.parent_path() / DORSAL_DATA_FROM_PROGRAM_DIR).lexically_normal();
}

// The program of an installation in a scratch folder: bin/dorsal, with share/dorsal (as the build's
// install layout places them) unless `withData` is false. The program file itself is not needed.
std::filesystem::path fakeProgram(const std::string& name, bool withData) {
    const std::filesystem::path program = test::scratchDir(name) / "bin" / "dorsal";
    std::filesystem::create_directories(program.parent_path());
    if (withData) std::filesystem::create_directories(dataBeside(program));
    return program;
}

const std::string kFix = "the folder that holds Dorsal's content, models and shaders";

// Sets DORSAL_DATA_DIR for one scope and restores what was there before.
class DataDirVariable {
public:
    explicit DataDirVariable(const std::filesystem::path& value) {
        if (const char* old = std::getenv("DORSAL_DATA_DIR")) previous_ = old;
        setenv("DORSAL_DATA_DIR", value.c_str(), 1);
    }
    ~DataDirVariable() {
        if (previous_) {
            setenv("DORSAL_DATA_DIR", previous_->c_str(), 1);
        } else {
            unsetenv("DORSAL_DATA_DIR");
        }
    }
    DataDirVariable(const DataDirVariable&) = delete;
    DataDirVariable& operator=(const DataDirVariable&) = delete;

private:
    std::optional<std::string> previous_;
};

}  // namespace

TEST_CASE("the data folder is share/dorsal beside the program's folder", "[data]") {
    const std::filesystem::path program = fakeProgram("data_beside_program", true);
    CHECK(locateDataDirectory(std::nullopt, program) == dataBeside(program));
    // An empty DORSAL_DATA_DIR counts as unset.
    CHECK(locateDataDirectory(std::filesystem::path(), program) == dataBeside(program));
}

TEST_CASE("DORSAL_DATA_DIR wins over the folder beside the program", "[data]") {
    const std::filesystem::path program = fakeProgram("data_from_variable", true);
    const std::filesystem::path copy = test::scratchDir("data_from_variable_copy") / "my data";
    std::filesystem::create_directories(copy);
    CHECK(locateDataDirectory(copy, program) == copy);
}

TEST_CASE("a missing data folder is one line saying where Dorsal looked and how to fix it", "[data]") {
    const std::filesystem::path program = fakeProgram("data_missing", false);
    CHECK_THROWS_MATCHES(locateDataDirectory(std::nullopt, program), DataDirectoryError,
                         Message("Dorsal's data is not at " + dataBeside(program).string() + " (" +
                                 DORSAL_DATA_FROM_PROGRAM_DIR + " from the program, " + program.string() +
                                 "); reinstall Dorsal, or set DORSAL_DATA_DIR to " + kFix));
    const std::filesystem::path file = program.parent_path() / "a file";
    std::ofstream(file) << "not a folder\n";
    for (const std::filesystem::path& wrong : {file, program.parent_path() / "nowhere"}) {
        CHECK_THROWS_MATCHES(locateDataDirectory(wrong, program), DataDirectoryError,
                             Message("DORSAL_DATA_DIR is \"" + wrong.string() + "\", which is not a folder; set it to " +
                                     kFix + ", or unset it"));
    }
}

TEST_CASE("the built-in content, model and shaders are in the data folder", "[data]") {
    const std::filesystem::path data = test::scratchDir("data_contents");
    const DataDirVariable variable(data);
    CHECK(dataDirectory() == data);
    CHECK(builtInContentPath() == data / "content");
    CHECK(builtInModelPath() == data / "models" / "dorsal-back.glb");
    CHECK(shaderDirectory() == data / "shaders");
}
