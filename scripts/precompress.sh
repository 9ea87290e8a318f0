#!/bin/sh
# scripts/precompress.sh [dir...]   (default: dist)
#
# Writes a brotli (-q 11) `.br` and a gzip (-9) `.gz` sibling next to every
# .html, .js, .wasm, .css and .svg file under each directory, so that
# web/serve.mjs (or nginx gzip_static/brotli_static, a CDN, ...) sends the
# bytes as they are instead of compressing on every request.
#
# Re-running is cheap and safe: a sibling is rewritten only when it does not
# decompress to its source's current bytes (content, not timestamps, decides),
# and siblings whose source is gone are removed. `make dist` runs this last.
set -eu

if ! command -v brotli >/dev/null 2>&1 || ! command -v gzip >/dev/null 2>&1; then
  echo "precompress: needs the brotli and gzip commands (Debian: apt-get install brotli gzip)" >&2
  exit 1
fi
[ $# -gt 0 ] || set -- dist

# $1 = source, $2 = sibling, $3 = decompressor command.
fresh() { [ -f "$2" ] && $3 <"$2" 2>/dev/null | cmp -s - "$1"; }

list=$(mktemp)
trap 'rm -f "$list"' EXIT
written=0 kept=0 removed=0
for dir in "$@"; do
  [ -d "$dir" ] || { echo "precompress: no directory $dir" >&2; exit 1; }
  find "$dir" -type f \( -name '*.html' -o -name '*.js' -o -name '*.wasm' \
                         -o -name '*.css' -o -name '*.svg' \) | sort >"$list"
  while IFS= read -r f; do
    if fresh "$f" "$f.br" "brotli -dc"; then kept=$((kept + 1)); else
      brotli -q 11 -c "$f" >"$f.br.tmp"; mv -f "$f.br.tmp" "$f.br"; written=$((written + 1))
    fi
    if fresh "$f" "$f.gz" "gzip -dc"; then kept=$((kept + 1)); else
      gzip -9 -n -c "$f" >"$f.gz.tmp"; mv -f "$f.gz.tmp" "$f.gz"; written=$((written + 1))
    fi
  done <"$list"
  # Orphans: a sibling whose source was deleted or renamed must not be served.
  find "$dir" -type f \( -name '*.html.br' -o -name '*.js.br' -o -name '*.wasm.br' \
                         -o -name '*.css.br' -o -name '*.svg.br' -o -name '*.html.gz' \
                         -o -name '*.js.gz' -o -name '*.wasm.gz' -o -name '*.css.gz' \
                         -o -name '*.svg.gz' \) >"$list"
  while IFS= read -r s; do
    [ -f "${s%.*}" ] || { rm -f "$s"; removed=$((removed + 1)); }
  done <"$list"
done
echo "precompress: $* ($written written, $kept up to date, $removed stale removed)"
