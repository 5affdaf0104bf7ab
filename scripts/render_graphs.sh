#!/usr/bin/env bash
# Regenerate graphs/ (the rendered outputs of examples/) with an eventloom
# binary: scripts/render_graphs.sh [path/to/eventloom]  (default build/eventloom).
# tests/test_render.cpp renders the same way and checks graphs/ is up to date.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-build/eventloom}
TITLE="The Teskar Pass crisis (examples/)"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p graphs
"$BIN" build examples --json "$TMP/examples.json" --quiet --jobs 2
"$BIN" timeline "$TMP/examples.json" -o graphs/timeline.svg --title "$TITLE"
"$BIN" network "$TMP/examples.json" -o graphs/network.svg --title "$TITLE"
"$BIN" report examples -o graphs/report.html --title "$TITLE" --jobs 2
echo "render_graphs: wrote graphs/timeline.svg graphs/network.svg graphs/report.html" >&2
