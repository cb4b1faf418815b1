// Background model loads: the newest wanted load wins, failures of any kind come back as one line.
#include <catch2/catch.hpp>

#include <new>
#include <stdexcept>
#include <thread>

#include "core/model_loads.h"
#include "test_paths.h"

using namespace dorsal;

namespace {

// Polls until the wanted load has finished (the suite's own time limit catches a hang).
ModelLoads::Result waitFor(ModelLoads& loads) {
    for (;;) {
        if (std::optional<ModelLoads::Result> result = loads.poll()) return std::move(*result);
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
}

}  // namespace

TEST_CASE("a background load delivers the model once, and then nothing", "[loads]") {
    ModelLoads loads;
    CHECK_FALSE(loads.busy());
    loads.start(test::dataDir() / "two_boxes.obj");
    CHECK(loads.busy());
    CHECK(loads.loadingPath().filename() == "two_boxes.obj");
    const ModelLoads::Result result = waitFor(loads);
    REQUIRE(result.model.has_value());
    CHECK(result.model->findNode("box_left") >= 0);
    CHECK(result.error.empty());
    CHECK_FALSE(loads.busy());
    CHECK_FALSE(loads.poll().has_value());
}

TEST_CASE("a failed background load is one line naming the file", "[loads]") {
    ModelLoads loads;
    loads.start(test::dataDir() / "no_such_model.glb");
    const ModelLoads::Result result = waitFor(loads);
    CHECK_FALSE(result.model.has_value());
    CHECK(result.error == (test::dataDir() / "no_such_model.glb").string() + ": file not found");
}

TEST_CASE("starting another load drops the one before; a cancelled load reports nothing", "[loads]") {
    ModelLoads loads;
    loads.start(test::builtInModelFile());
    loads.start(test::dataDir() / "two_boxes.obj");  // never waits for the first
    const ModelLoads::Result result = waitFor(loads);
    CHECK(result.path.filename() == "two_boxes.obj");
    REQUIRE(result.model.has_value());

    loads.start(test::builtInModelFile());
    loads.cancel();
    CHECK_FALSE(loads.busy());
    CHECK_FALSE(loads.poll().has_value());
    // Leaving with a load still running neither hangs nor leaks (the destructor cancels it).
    loads.start(test::builtInModelFile());
}

TEST_CASE("a load cancelled through its control stops with ModelLoadCancelled", "[loads]") {
    LoadControl control;
    control.cancelled = true;
    CHECK_THROWS_AS(loadModel(test::builtInModelFile(), &control),
                    ModelLoadCancelled);
    LoadControl watched;
    const Model model = loadModel(test::dataDir() / "two_boxes.obj", &watched);
    CHECK(watched.progress == 1.0f);
}

TEST_CASE("any failure inside a load comes back as a message, never as an exception", "[loads]") {
    ModelLoads outOfMemory(
        [](const std::filesystem::path&, std::optional<std::size_t>, LoadControl*) -> Model { throw std::bad_alloc(); });
    outOfMemory.start("huge.glb");
    CHECK(waitFor(outOfMemory).error == "huge.glb: not enough memory to load this model");
    ModelLoads broken([](const std::filesystem::path&, std::optional<std::size_t>, LoadControl*) -> Model {
        throw std::length_error("vector");
    });
    broken.start("odd.obj");
    CHECK(waitFor(broken).error == "odd.obj: cannot be loaded (vector)");
}
