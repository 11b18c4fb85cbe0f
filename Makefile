# Quick start (fresh Debian 12, as root):  make demo   and   make test
JOBS ?= $(shell nproc)
BUILD ?= build
ASAN_BUILD ?= build-asan

.PHONY: deps build demo test test-fast asan fuzz bench package install clean

deps:
	@bash scripts/install-deps

# The project's own builds treat warnings as errors (VNPLAN_WERROR); a plain cmake build
# (users, packagers, -DCMAKE_BUILD_TYPE=Release, Debian's flags) does not.
build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVNPLAN_WERROR=ON >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	bash scripts/demo $(BUILD)/vnplan

test: build
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)
	$(MAKE) asan
	$(MAKE) fuzz

# The unit suite and the end-to-end PDF/CLI checks again under AddressSanitizer + UBSan
# (a second build directory).
asan: deps
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DVNPLAN_SANITIZE=ON -DVNPLAN_WERROR=ON >/dev/null
	cmake --build $(ASAN_BUILD) -j $(JOBS) --target vnplan_unit_tests vnplan
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure -j $(JOBS) -L '^(unit|asan)$$' 

# libFuzzer targets (fuzz/), clang + ASan in build-fuzz/, about FUZZ_SECONDS in all.
FUZZ_SECONDS ?= 60
fuzz: deps
	bash scripts/run-fuzzers $(FUZZ_SECONDS)

bench: build
	$(BUILD)/bench/vnplan_bench
	bench/bench_ingest.sh $(BUILD)/vnplan 1000

# build/vnplan_<version>_amd64.deb (binary in /usr/bin, templates in /usr/share/vnplan,
# man page, systemd service + timer); runtime dependencies from dpkg-shlibdeps.
package: build
	cd $(BUILD) && cpack -G DEB

# PREFIX=/opt/vnplan make install (default /usr/local); any prefix works.
PREFIX ?= /usr/local
install: build
	cmake --install $(BUILD) --prefix $(PREFIX)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) build-fuzz
