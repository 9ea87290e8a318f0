# Thin wrapper over scripts/ and the CMake presets; see README.md.
#   make demo   build everything and serve dist/ on http://127.0.0.1:8000/
#   make dist   build everything into dist/
#   make test   build, then native tests (CTest) and browser tests (Playwright)
#   make fuzz   libFuzzer on the article compiler for FUZZ_SECONDS (clang 14, ASan + UBSan)
.PHONY: all deps native wasm dist test test-native test-browser demo clean fuzz

MAKEFLAGS += --no-print-directory
PORT ?= 8000
FUZZ_SECONDS ?= 60
FUZZ_DIR := build/fuzz
# Debian's emscripten needs Debian's acorn, not the machine's Node.js modules.
export NODE_PATH := /usr/share/nodejs

all: dist

deps:
	@scripts/bootstrap.sh

native: deps
	@cmake --preset native >/dev/null
	@cmake --build --preset native

wasm: native
	@cmake --preset wasm >/dev/null
	@cmake --build --preset wasm

dist: wasm
	@scripts/precompress.sh dist

test: dist test-native test-browser

test-native: native
	@ctest --preset native

test-browser: dist
	@node tests/e2e/run.mjs

demo: dist
	@node web/serve.mjs dist $(PORT)

# The seeds are the valid and the malformed articles; the corpus grows in
# $(FUZZ_DIR)/corpus across runs, crashes land in $(FUZZ_DIR)/artifacts.
fuzz: deps
	@CXX=clang++-14 cmake -S . -B $(FUZZ_DIR) -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DDATELINE_FUZZ=ON -DDATELINE_WERROR=OFF \
	  "-DCMAKE_CXX_FLAGS=-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all" >/dev/null
	@cmake --build $(FUZZ_DIR) --target article_fuzz -j2
	@mkdir -p $(FUZZ_DIR)/corpus $(FUZZ_DIR)/seeds $(FUZZ_DIR)/artifacts
	@cp assets/articles/*.json tests/fixtures/articles/*.json tests/fixtures/malformed/*.json $(FUZZ_DIR)/seeds/
	@$(FUZZ_DIR)/tests/fuzz/article_fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=32768 -print_final_stats=1 \
	  -dict=tests/fuzz/article.dict -artifact_prefix=$(FUZZ_DIR)/artifacts/ $(FUZZ_DIR)/corpus $(FUZZ_DIR)/seeds

clean:
	rm -rf build/native build/wasm dist

# make bench: dist, the baselines (bench/build-baselines.sh into build/bench/,
# never committed) and the measurements (bench/run.mjs: table on stdout,
# build/bench/results.json, docs/PERFORMANCE.md). BENCH_ARGS go to bench/run.mjs,
# e.g. make bench BENCH_ARGS="--loads 9 --no-build-cost".
.PHONY: bench
bench: dist
	@bench/build-baselines.sh
	@node bench/run.mjs $(BENCH_ARGS)
