#!/bin/sh
# bench/anatomy.sh [slug]: where the widget's bytes go.
#
# Re-links the article's widget from the objects already in build/wasm (read
# only; nothing there changes) with --profiling-funcs into build/bench/anatomy/,
# so the module keeps its function names, then prints the section sizes, code
# per origin and the largest functions (bench/wasm-anatomy.mjs). The named
# module is the shipped one plus a name section: same code, same sizes.
# For a CPU profile with names, serve a copy of dist/ with these two files.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SLUG=${1:-anchorage-summit}
BUILD=$ROOT/build/wasm
OUT=$ROOT/build/bench/anatomy
LINK=$BUILD/CMakeFiles/dateline_widget_$SLUG.dir/link.txt
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
[ -f "$LINK" ] || { echo "anatomy: $LINK missing: build the widget first (make dist)" >&2; exit 1; }
mkdir -p "$OUT"
cmd=$(cat "$LINK")
# "... -o widgets/<slug>/dateline.js @linkLibs.rsp": same command, our output, names kept.
pre=${cmd% -o *}
libs=${cmd##* -o }
libs=${libs#* }
(cd "$BUILD" && eval "$pre --profiling-funcs -o '$OUT/dateline.js' $libs")
node "$ROOT/bench/wasm-anatomy.mjs" "$OUT/dateline.wasm" "${TOP:-40}"
echo
echo "shipped: $(wc -c <"$ROOT/dist/$SLUG/dateline.wasm") bytes (dist/$SLUG/dateline.wasm; names add only the name section)"
