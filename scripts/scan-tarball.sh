#!/usr/bin/env bash
# The verification scanner's two lint steps as CI runs them: the source tree, then the tarball npm would publish
# (packed from dist/, so run `npm run build` first), unpacked into a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/scan-package.mjs --source .
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tarball=$(npm pack --silent --pack-destination "$work")
tar -xzf "$work/$tarball" -C "$work"
node scripts/scan-package.mjs "$work/package"
