#!/usr/bin/env bash
# Kills `dateline compile --out` with SIGKILL at random moments and checks,
# after every kill, that the output folder is still exactly one whole compile
# output (never missing, never half old and half new) and that nothing beside
# it was touched. Every 4th run pauses just before the swap
# (DATELINE_TEST_PAUSE_BEFORE_SWAP_MS, a test hook in output_dir.cpp) and is
# killed inside that pause.
#
#   kill_loop.sh <dateline> <source-dir> [iterations]
# Exits non-zero on the first violation, after printing what it saw; the work
# folder is then kept for a look.
set -u
export LC_ALL=C

tool=$1
src=$2
iterations=${3:-40}
article_a=$src/assets/articles/anchorage-summit.json
article_b=$src/tests/fixtures/articles/harbour-vote.json
page=$src/shell.html
marker=.dateline-output

work=$(mktemp -d "${TMPDIR:-/tmp}/dateline-kill-loop.XXXXXX") || exit 1
parent=$work/site
out=$parent/out
start_ns=$(date +%s%N)

show() {
  echo "--- $parent"
  ls -la "$parent" 2>&1
  for dir in "$out" "$parent"/.out.dateline-tmp-*; do
    [ -e "$dir" ] || continue
    echo "--- $dir"
    ls -la "$dir" 2>&1
    [ -f "$dir/slug.txt" ] && echo "slug.txt: $(cat "$dir/slug.txt")"
  done
  [ -s "$work/stderr" ] && { echo "--- stderr of the last run"; cat "$work/stderr"; }
}

fail() {
  echo "kill_loop: FAIL at iteration ${i:-setup}: $*"
  show
  echo "(work folder kept: $work)"
  exit 1
}

# Names, types and bytes of everything in a folder: any extra, missing or
# changed file changes the digest. (Few processes: each costs ~10 ms here.)
digest() {
  (
    cd "$1" || exit 1
    shopt -s dotglob nullglob
    names=(*)
    for name in "${names[@]}"; do
      if [ -L "$name" ]; then echo "link $name"; elif [ -d "$name" ]; then echo "dir $name"; else echo "file $name"; fi
    done
    ((${#names[@]} == 0)) || sha256sum -- "${names[@]}" 2>&1
  ) | sha256sum | cut -d' ' -f1
}

# sleep(1) without starting a process, so short delays stay short.
exec {nap_fd}<> <(:)
nap() { read -r -t "$1" -u "$nap_fd"; }

compile() {  # <article> <out>
  "$tool" compile "$1" --out "$2" --page "$page" 2>"$work/stderr"
}

# Reference outputs, each made once into its own new folder.
compile "$article_a" "$work/ref-a" || fail "cannot compile $article_a"
compile "$article_b" "$work/ref-b" || fail "cannot compile $article_b"
ref_a=$(digest "$work/ref-a")
ref_b=$(digest "$work/ref-b")
[ "$ref_a" != "$ref_b" ] || fail "the two articles give the same output"

# The folder under test, a foreign file and a sibling out.old beside it.
mkdir -p "$parent/out.old"
echo "not dateline's" >"$parent/foreign.txt"
echo "keep me" >"$parent/out.old/keep.txt"
siblings() { echo "$(<"$parent/foreign.txt") | $(<"$parent/out.old/keep.txt") | $(cd "$parent/out.old" && echo .* *)"; }
siblings_before=$(siblings)
compile "$article_a" "$out" || fail "first compile failed"
previous=$(digest "$out")
[ "$previous" = "$ref_a" ] || fail "first compile differs from the reference"

killed=0
finished=0
paused_hits=0
paused_runs=0
left_temp=0
for ((i = 1; i <= iterations; i++)); do
  if ((i % 2)); then article=$article_b; want=$ref_b; else article=$article_a; want=$ref_a; fi
  paused=$((i % 4 == 0))
  if ((paused)); then
    DATELINE_TEST_PAUSE_BEFORE_SWAP_MS=200 "$tool" compile "$article" --out "$out" --page "$page" 2>"$work/stderr" &
    pid=$!
    # Its temporary folder (named after its pid) gets slug.txt last: from then
    # on the run is in, or just before, its 200 ms pause. Aim ~50 ms into it.
    for ((wait_ms = 0; wait_ms < 3000; wait_ms += 5)); do
      files=("$parent/.out.dateline-tmp-$pid-"*/slug.txt)
      [ -e "${files[0]}" ] && break
      nap 0.005
    done
    nap 0.050
  else
    "$tool" compile "$article" --out "$out" --page "$page" 2>"$work/stderr" &
    pid=$!
    nap "$(printf '0.%03d' $((RANDOM % 31)))"
  fi
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null  # no "Killed" notice from bash
  rc=$?
  case $rc in
    137) killed=$((killed + 1)) ;;
    0) finished=$((finished + 1)) ;;
    *) fail "compile exited with $rc (expected 0, or 137 when killed)" ;;
  esac

  [ -d "$out" ] && [ ! -L "$out" ] || fail "$out is missing or not a folder"
  [ -f "$out/$marker" ] || fail "$out has no $marker"
  now=$(digest "$out")
  case $now in
    "$ref_a") ref=$work/ref-a ;;
    "$ref_b") ref=$work/ref-b ;;
    *) fail "$out is not one whole compile output" ;;
  esac
  cmp -s "$out/slug.txt" "$ref/slug.txt" || fail "slug.txt does not match the rest of the output"
  [ "$(siblings)" = "$siblings_before" ] || fail "foreign.txt or out.old changed"
  if ((rc == 0)) && [ "$now" != "$want" ]; then fail "a finished compile left the old output"; fi

  if ((paused)); then
    paused_runs=$((paused_runs + 1))
    # Killed inside the pause: the old output still in place, the new one
    # complete in a temporary beside it (removed by the next run).
    if ((rc == 137)) && [ "$now" = "$previous" ]; then
      for temp in "$parent/.out.dateline-tmp-$pid-"*; do
        [ -d "$temp" ] && [ "$(digest "$temp")" = "$want" ] && { paused_hits=$((paused_hits + 1)); break; }
      done
    fi
  fi
  left=("$parent/.out.dateline-tmp-$pid-"*)
  [ -e "${left[0]}" ] && left_temp=$((left_temp + 1))
  previous=$now
done

# An uninterrupted run afterwards: the right output, and every temporary left
# by a killed run is gone.
compile "$article_a" "$out" || fail "the compile after the loop failed"
[ "$(digest "$out")" = "$ref_a" ] || fail "the compile after the loop wrote the wrong output"
leftovers=$(find "$parent" -mindepth 1 -maxdepth 1 -name '.out.dateline-tmp-*')
[ -z "$leftovers" ] || fail "temporaries left after an uninterrupted run: $leftovers"
[ "$(siblings)" = "$siblings_before" ] || fail "foreign.txt or out.old changed"
((paused_hits >= 1)) || fail "no paused run was killed inside its pause ($paused_runs tried); the test tested nothing there"

elapsed_ms=$((($(date +%s%N) - start_ns) / 1000000))
echo "kill_loop: OK: $iterations iterations ($killed killed, $finished finished first, $left_temp killed" \
  "while writing; $paused_hits of $paused_runs paused runs killed inside the pause) in ${elapsed_ms} ms"
rm -rf "$work"
