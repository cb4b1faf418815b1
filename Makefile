# The two commands of the README: `make run` and `make test`. Both install what is missing,
# configure a Release build and build incrementally.
BUILD_DIR ?= build
BUILD_TYPE ?= Release
JOBS ?= $(shell nproc)
ARGS ?=

.PHONY: run test build setup bench check sanitize baselines package clean

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

# Re-renders the baseline images of the render tests after an intended visual change.
baselines: build
	bash tests/render/update_baselines.sh $(DORSAL)

# The Debian package of the installation: $(BUILD_DIR)/dorsal_<version>_<arch>.deb.
package: build
	cd $(BUILD_DIR) && cpack

clean:
	rm -rf $(BUILD_DIR) build-sanitize
