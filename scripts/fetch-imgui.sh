#!/usr/bin/env bash
# Fetches Dear ImGui's sources from Debian's `imgui` source package into the
# build tree (never into git). apt verifies the tarball against the signed
# source index, so we get integrity without committing a checksum.
#
# Debian stable ships ImGui 1.86; 1.92 lives in unstable's *source* index. We
# read it through a private apt state so the machine's own apt configuration
# is left untouched, and take the mirror from that configuration so no host
# name is written into the repository.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
. "$here/deps.env"

version=$DATELINE_IMGUI_VERSION
upstream=${version%-*}          # 1.92.2b+ds
dest=${DATELINE_IMGUI_DIR:-$root/build/third_party/imgui-$upstream}
[ -f "$dest/imgui.h" ] && exit 0

# The main Debian archive the machine already uses (not the security one).
mirror=$(apt-get indextargets --format '$(REPO_URI) $(RELEASE)' 2>/dev/null \
  | awk '$2 !~ /-security$/ && $1 ~ /\/debian\/?$/ {print $1; exit}')
if [ -z "$mirror" ]; then
  echo "dateline: no Debian archive found in this machine's apt configuration;" >&2
  echo "  unpack imgui $version yourself and set DATELINE_IMGUI_DIR to it." >&2
  exit 1
fi

state=$root/build/third_party/apt-state
rm -rf "$state"
mkdir -p "$state/parts" "$state/lists/partial" "$state/cache/archives/partial" "$state/download"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
printf 'Types: deb-src\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: %s\n' \
  "$mirror" "$DATELINE_IMGUI_SUITE" "$keyring" > "$state/parts/imgui.sources"
apt_opts=(-o "Dir::Etc::SourceList=/dev/null" -o "Dir::Etc::SourceParts=$state/parts"
          -o "Dir::State::Lists=$state/lists" -o "Dir::Cache=$state/cache"
          -o "APT::Sandbox::User=root" -q)

echo "dateline: fetching Dear ImGui $version (Debian source package, $DATELINE_IMGUI_SUITE)"
apt-get "${apt_opts[@]}" update >/dev/null
if ! (cd "$state/download" && apt-get "${apt_opts[@]}" source --download-only "imgui=$version" >/dev/null); then
  echo "dateline: Debian no longer offers imgui=$version in $DATELINE_IMGUI_SUITE." >&2
  echo "  Available: $(apt-cache "${apt_opts[@]}" showsrc imgui 2>/dev/null | awk '/^Version:/{print $2}' | tr '\n' ' ')" >&2
  echo "  Set DATELINE_IMGUI_VERSION to one of these (and check the build still passes)." >&2
  exit 1
fi
tmp=$(mktemp -d "$root/build/third_party/imgui.XXXXXX")
tar -xf "$state/download/imgui_${upstream}.orig.tar.xz" -C "$tmp"
mv "$tmp"/imgui-* "$dest" 2>/dev/null || mv "$tmp"/* "$dest"
rmdir "$tmp"
rm -rf "$state"
echo "dateline: Dear ImGui unpacked in ${dest#$root/}"
