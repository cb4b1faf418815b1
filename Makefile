# The two commands of the README: `make run` and `make test`. Both install what is missing,
# configure a Release build and build incrementally.
BUILD_DIR ?= build
BUILD_TYPE ?= Release
JOBS ?= $(shell nproc)
ARGS ?=

.PHONY: run test build setup bench check sanitize baselines package fuzz-model fuzz-content fuzz-saved-files clean

# The build tree is laid out as an installation: the program in bin/, its data in share/dorsal/.
DORSAL = ./$(BUILD_DIR)/bin/dorsal

run: build
	$(DORSAL) $(ARGS)

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

bench: build
	$(DORSAL) bench

setup:
	@bash scripts/setup.sh

build: setup
	@if [ ! -f $(BUILD_DIR)/CMakeCache.txt ]; then \
	  cmake -S . -B $(BUILD_DIR) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_ARGS); fi
	cmake --build $(BUILD_DIR) -j $(JOBS)

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer, in its own build folder.
sanitize:
	$(MAKE) test BUILD_DIR=build-sanitize BUILD_TYPE=RelWithDebInfo CMAKE_ARGS=-DDORSAL_SANITIZE=ON

# Fuzzes model loading with libFuzzer for FUZZ_SECONDS, in its own clang build folder; findings
# land in build-fuzz/ (tests/fuzz/README.md).
FUZZ_SECONDS ?= 600
fuzz-model: setup
	@if [ ! -f build-fuzz/CMakeCache.txt ]; then \
	  CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDORSAL_FUZZ=ON -DBUILD_TESTING=OFF; fi
	cmake --build build-fuzz --target fuzz_model -j $(JOBS)
	bash tests/fuzz/make_seeds.sh build-fuzz/seeds
	mkdir -p build-fuzz/corpus
	ASAN_OPTIONS=detect_leaks=0 ./build-fuzz/tests/fuzz/fuzz_model build-fuzz/corpus build-fuzz/seeds \
	  -rss_limit_mb=2048 -timeout=10 -max_total_time=$(FUZZ_SECONDS) -artifact_prefix=build-fuzz/ $(FUZZ_ARGS)

# Re-renders the baseline images of the render tests after an intended visual change.
baselines: build
	bash tests/render/update_baselines.sh $(DORSAL)

# The Debian package of the installation: $(BUILD_DIR)/dorsal_<version>_<arch>.deb.
package: build
	cd $(BUILD_DIR) && cpack

# The content loader under libFuzzer for FUZZ_SECONDS, in build-fuzz/ (tests/fuzz/README.md).
fuzz-content: setup
	@command -v clang++ >/dev/null || { echo "fuzz-content: needs clang++ (apt-get install clang)" >&2; exit 1; }
	@if [ ! -f build-fuzz/CMakeCache.txt ]; then \
	  cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DDORSAL_FUZZ=ON; fi
	cmake --build build-fuzz --target fuzz_content -j $(JOBS)
	bash tests/fuzz/seed_content_corpus.sh build-fuzz/corpus-content
	./build-fuzz/tests/fuzz/fuzz_content -rss_limit_mb=2048 -timeout=10 -max_total_time=$(FUZZ_SECONDS) \
	  -dict=tests/fuzz/content.dict -artifact_prefix=build-fuzz/ build-fuzz/corpus-content

# The readers of the files Dorsal saves (scenes, settings) under libFuzzer for FUZZ_SECONDS, in build-fuzz/.
fuzz-saved-files: setup
	@command -v clang++ >/dev/null || { echo "fuzz-saved-files: needs clang++ (apt-get install clang)" >&2; exit 1; }
	@if [ ! -f build-fuzz/CMakeCache.txt ]; then \
	  cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DDORSAL_FUZZ=ON; fi
	cmake --build build-fuzz --target fuzz_saved_files -j $(JOBS)
	bash tests/fuzz/seed_saved_files.sh build-fuzz/corpus-saved-files
	./build-fuzz/tests/fuzz/fuzz_saved_files -rss_limit_mb=2048 -timeout=10 -max_total_time=$(FUZZ_SECONDS) \
	  -artifact_prefix=build-fuzz/ build-fuzz/corpus-saved-files

clean:
	rm -rf $(BUILD_DIR) build-sanitize build-fuzz
