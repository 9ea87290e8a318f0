#!/bin/sh
# bench/build-baselines.sh: builds the comparison pages of `make bench` into
# build/bench/<variant>/ (never committed), from the same sources as the widget:
#
#   naive-imgui  ImGui's demo window on Emscripten's GLFW (-sUSE_GLFW=3) with the
#                stock imgui_impl_glfw + imgui_impl_opengl3 backends, -O2
#   hello-imgui  one ImGui window with one line of text, -Oz -flto -fno-exceptions -fno-rtti
#   static-html  the default article's HTML (from the wasm build) with CSS and the
#                same Noto Serif subsets as web fonts
#
# Objects are cached in build/bench/obj/<variant>/ and rebuilt when their
# source or flags change. Compiles one file at a time (the machine is shared).
# Every page gets .br/.gz siblings (scripts/precompress.sh), like dist/.
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
IMGUI=${DATELINE_IMGUI_DIR:-$ROOT/build/third_party/imgui-1.92.2b+ds}
OUT=$ROOT/build/bench
SLUG=${BENCH_SLUG:-anchorage-summit}
GEN=$ROOT/build/wasm/gen/$SLUG
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
[ -w "${EM_CACHE:-/usr/share/emscripten/cache}" ] || export EM_CACHE="$ROOT/build/emcache"

[ -f "$IMGUI/imgui_demo.cpp" ] || { echo "bench: Dear ImGui not found in $IMGUI (run make deps)" >&2; exit 1; }
[ -f "$GEN/article/article.html" ] || { echo "bench: $GEN/article/article.html missing (run make dist)" >&2; exit 1; }

# Common to both ImGui baselines: WebGL2 through Emscripten's GLFW, as in
# upstream's example_glfw_opengl3/Makefile.emscripten (minus ASSERTIONS).
COMMON_CXX="-DIMGUI_IMPL_OPENGL_ES3 -DIMGUI_DISABLE_FILE_FUNCTIONS -I$IMGUI -I$IMGUI/backends"
COMMON_LD="-sUSE_GLFW=3 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sALLOW_MEMORY_GROWTH=1 \
-sNO_FILESYSTEM=1 -sDISABLE_EXCEPTION_CATCHING=1 -sENVIRONMENT=web"

# build_imgui <variant> <demo 0|1> <opt flags>
build_imgui() {
  variant=$1 demo=$2 opt=$3
  obj=$OUT/obj/$variant dir=$OUT/$variant
  mkdir -p "$obj" "$dir"
  flags="$opt $COMMON_CXX -DBENCH_DEMO=$demo"
  # New flags invalidate every object of the variant.
  if [ "$(cat "$obj/flags" 2>/dev/null || true)" != "$flags" ]; then
    rm -f "$obj"/*.o
    printf '%s' "$flags" >"$obj/flags"
  fi
  sources="$ROOT/bench/baselines/imgui_glfw_main.cpp $IMGUI/imgui.cpp $IMGUI/imgui_draw.cpp
           $IMGUI/imgui_tables.cpp $IMGUI/imgui_widgets.cpp
           $IMGUI/backends/imgui_impl_glfw.cpp $IMGUI/backends/imgui_impl_opengl3.cpp"
  [ "$demo" = 1 ] && sources="$sources $IMGUI/imgui_demo.cpp"
  objects= relink=0
  for src in $sources; do
    o=$obj/$(basename "$src" .cpp).o
    objects="$objects $o"
    if [ ! -f "$o" ] || [ "$src" -nt "$o" ]; then
      echo "bench: [$variant] em++ $(basename "$src")"
      # shellcheck disable=SC2086
      em++ $flags -std=c++17 -c "$src" -o "$o"
      relink=1
    fi
  done
  if [ $relink = 1 ] || [ ! -f "$dir/index.wasm" ]; then
    echo "bench: [$variant] linking"
    # shellcheck disable=SC2086
    em++ $opt $COMMON_LD $objects -o "$dir/index.js"
  fi
  cat >"$dir/index.html" <<HTML
<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>$variant (Dateline bench baseline)</title>
<style>html,body{margin:0;height:100%;overflow:hidden;background:#000}#canvas{display:block;width:100vw;height:100vh;border:0}</style>
</head>
<body>
<canvas id="canvas" tabindex="-1" oncontextmenu="event.preventDefault()"></canvas>
<script>var Module = { canvas: document.getElementById('canvas') };</script>
<script src="index.js" async></script>
</body>
</html>
HTML
}

build_static() {
  dir=$OUT/static-html
  mkdir -p "$dir/fonts"
  cp "$GEN/fonts/serif.ttf" "$dir/fonts/serif.ttf"
  cp "$GEN/fonts/serif_bold.ttf" "$dir/fonts/serif-bold.ttf"
  cat >"$dir/article.css" <<'CSS'
@font-face { font-family: "Noto Serif"; font-weight: 400; src: url(fonts/serif.ttf) format("truetype"); }
@font-face { font-family: "Noto Serif"; font-weight: 700; src: url(fonts/serif-bold.ttf) format("truetype"); }
html { color-scheme: light dark; }
body { margin: 0; background: #fff; color: #1a1a1a; }
@media (prefers-color-scheme: dark) { body { background: #121212; color: #ececec; } }
.dateline-article { max-width: 680px; margin: 0 auto; padding: 20px;
  font-family: "Noto Serif", Georgia, serif; font-size: 18px; line-height: 1.5; }
.dateline-article h1 { font-size: 34px; line-height: 1.2; margin: 12px 0; }
.dateline-dek { font-size: 20px; color: #555; }
.dateline-byline { font-size: 14px; color: #666; }
.dateline-quote { background: #fff3c4; border-bottom: 2px solid #d9a400; cursor: pointer; }
@media (prefers-color-scheme: dark) { .dateline-quote { background: #3d3410; } }
CSS
  {
    echo '<!doctype html>'
    echo '<html lang="en">'
    echo '<head>'
    echo '<meta charset="utf-8">'
    echo '<meta name="viewport" content="width=device-width, initial-scale=1">'
    echo '<title>static-html (Dateline bench baseline)</title>'
    echo '<link rel="stylesheet" href="article.css">'
    echo '</head>'
    echo '<body>'
    echo '<main>'
    cat "$GEN/article/article.html"
    echo '</main>'
    echo '</body>'
    echo '</html>'
  } >"$dir/index.html"
}

build_imgui naive-imgui 1 "-O2"
build_imgui hello-imgui 0 "-Oz -flto -fno-exceptions -fno-rtti"
build_static
"$ROOT/scripts/precompress.sh" "$OUT/naive-imgui" "$OUT/hello-imgui" "$OUT/static-html"
ls -l "$OUT"/naive-imgui/index.wasm "$OUT"/naive-imgui/index.js "$OUT"/hello-imgui/index.wasm \
      "$OUT"/hello-imgui/index.js "$OUT"/static-html/index.html | awk '{print "bench: " $5 "\t" $9}'
