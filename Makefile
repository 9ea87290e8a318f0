# Thin wrapper over scripts/ and the CMake presets; see README.md.
#   make demo   build everything and serve dist/ on http://127.0.0.1:8000/
#   make dist   build everything into dist/
#   make test   build, then native tests (CTest) and browser tests (Playwright)
.PHONY: all deps native wasm dist test test-native test-browser demo clean

MAKEFLAGS += --no-print-directory
PORT ?= 8000
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

test: dist test-native test-browser

test-native: native
	@ctest --preset native

test-browser: dist
	@node tests/e2e/run.mjs

demo: dist
	@node web/serve.mjs dist $(PORT)

clean:
	rm -rf build/native build/wasm dist
