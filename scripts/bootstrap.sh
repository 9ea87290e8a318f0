#!/usr/bin/env bash
# Installs every pinned dependency of Dateline on a Debian 12 machine, from
# Debian's packages and the npm registry only. Safe to run repeatedly: a run
# where everything is present takes well under a second.
# As root it installs; otherwise it prints the exact command and stops.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
# shellcheck source=deps.env
. "$here/deps.env"

missing=()
for spec in $DATELINE_DEBIAN_PACKAGES; do
  name=${spec%%=*}
  want=${spec#*=}
  [ "$want" = "$spec" ] && want=""
  have=$(dpkg-query -W -f='${db:Status-Abbrev}|${Version}' "$name" 2>/dev/null || true)
  if [ "${have%%|*}" != "ii " ] || { [ -n "$want" ] && [ "${have#*|}" != "$want" ]; }; then
    missing+=("$spec")
  fi
done
chromium_ok=$(dpkg-query -W -f='${db:Status-Abbrev}|${Version}' chromium 2>/dev/null || true)
case "$chromium_ok" in
  "ii |${DATELINE_CHROMIUM_MAJOR}."*) ;;
  *) missing+=("chromium") ;;
esac

if [ ${#missing[@]} -gt 0 ]; then
  cmd="apt-get install -y --no-install-recommends ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "dateline: missing Debian packages. Run as root:" >&2
    echo "  apt-get update && $cmd" >&2
    exit 1
  fi
  echo "dateline: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  if ! apt-get install -y -q --no-install-recommends "${missing[@]}"; then
    echo "dateline: a pinned Debian package could not be installed (see above)." >&2
    echo "  Pins live in scripts/deps.env; override with DATELINE_DEBIAN_PACKAGES=\"...\"." >&2
    exit 1
  fi
  have=$(dpkg-query -W -f='${Version}' chromium)
  case "$have" in
    "${DATELINE_CHROMIUM_MAJOR}."*) ;;
    *) echo "dateline: chromium $have installed, tests expect major ${DATELINE_CHROMIUM_MAJOR} (override DATELINE_CHROMIUM_MAJOR)." >&2; exit 1 ;;
  esac
fi

# Installing emscripten brings Debian's nodejs, which replaces any other Node.js in
# /usr/bin: check the one we end up with, once, before anything runs on it.
node_version=$(node -p 'process.versions.node' 2>/dev/null || echo none)
if [ "$node_version" = none ] || [ "$(printf '%s\n' "$DATELINE_NODE_MIN" "$node_version" | sort -V | head -1)" != "$DATELINE_NODE_MIN" ]; then
  echo "dateline: Node.js $node_version at $(command -v node || echo '(not found)'); Dateline needs $DATELINE_NODE_MIN or newer." >&2
  echo "  Debian 12's own is new enough: apt-get install nodejs (18.20), or put Node.js 20 or 22 first on PATH." >&2
  exit 1
fi

# npm packages, exactly as the committed lockfile says.
if [ ! -f "$root/node_modules/.package-lock.json" ] || [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
fi

"$here/fetch-imgui.sh"
