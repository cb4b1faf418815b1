# The two commands of the README: `make run` and `make test`. Both install what is missing,
# configure a Release build and build incrementally.
BUILD_DIR ?= build
BUILD_TYPE ?= Release
JOBS ?= $(shell nproc)
ARGS ?=

.PHONY: run test build setup bench check sanitize baselines fuzz-content clean

run: build
	./$(BUILD_DIR)/dorsal $(ARGS)

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

bench: build
	./$(BUILD_DIR)/dorsal bench

setup:
	@bash scripts/setup.sh

build: setup
	@if [ ! -f $(BUILD_DIR)/CMakeCache.txt ]; then \
	  cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_ARGS); fi
	cmake --build $(BUILD_DIR) -j $(JOBS)

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer, in its own build folder.
sanitize:
	$(MAKE) test BUILD_DIR=build-sanitize BUILD_TYPE=RelWithDebInfo CMAKE_ARGS=-DDORSAL_SANITIZE=ON

# Re-renders the baseline images of the render tests after an intended visual change.
baselines: build
	bash tests/render/update_baselines.sh ./$(BUILD_DIR)/dorsal

# The content loader under libFuzzer for FUZZ_SECONDS, in build-fuzz/ (tests/fuzz/README.md).
FUZZ_SECONDS ?= 600
fuzz-content: setup
	@command -v clang++ >/dev/null || { echo "fuzz-content: needs clang++ (apt-get install clang)" >&2; exit 1; }
	@if [ ! -f build-fuzz/CMakeCache.txt ]; then \
	  cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DDORSAL_FUZZ=ON; fi
	cmake --build build-fuzz --target fuzz_content -j $(JOBS)
	bash tests/fuzz/seed_content_corpus.sh build-fuzz/corpus-content
	./build-fuzz/tests/fuzz/fuzz_content -rss_limit_mb=2048 -timeout=10 -max_total_time=$(FUZZ_SECONDS) \
	  -dict=tests/fuzz/content.dict -artifact_prefix=build-fuzz/ build-fuzz/corpus-content

clean:
	rm -rf $(BUILD_DIR) build-sanitize build-fuzz
