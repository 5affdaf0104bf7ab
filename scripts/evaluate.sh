#!/usr/bin/env bash
# Run eventloom on every gold set in ../shared and print the scorers' figures.
# Usage: scripts/evaluate.sh [build/eventloom]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/eventloom}
shared=../shared
PY=${PYTHON:-/usr/bin/python3}  # Debian's, as the tests use
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "== seeds 000-002 (score_seeds.py)"
"$bin" build "$shared"/seeds/00[012]_*.txt --json "$tmp/seeds.json" --quiet || true
"$PY" "$shared/eval/score_seeds.py" "$shared/gold/seeds-dev.json" "$tmp/seeds.json"
for set in timebank aquaint; do
  echo "== $set (score_timex.py)"
  "$bin" build "$shared/datasets/$set/docs.jsonl" --json "$tmp/$set.json" --quiet || true
  "$PY" "$shared/eval/score_timex.py" "$shared/datasets/$set" "$tmp/$set.json"
done
echo "== conll2003-dev (score_entities.py)"
"$bin" build "$shared/datasets/conll2003-dev/docs.jsonl" --json "$tmp/conll.json" --quiet || true
"$PY" "$shared/eval/score_entities.py" "$shared/datasets/conll2003-dev" "$tmp/conll.json"
echo "== polnear-dev (score_quotes.py)"
"$bin" build "$shared"/datasets/polnear-dev/text/*.txt --json "$tmp/polnear.json" --quiet || true
"$PY" "$shared/eval/score_quotes.py" "$shared/datasets/polnear-dev" "$tmp/polnear.json"
echo "== UD English EWT dev, gold tokens, predicted tags: tags and trees (score_conllu.py)"
"$bin" parse --conllu-in "$shared/datasets/ud-english-ewt/en_ewt-ud-dev.conllu" -o "$tmp/ewt.conllu"
"$PY" "$shared/eval/score_conllu.py" "$shared/datasets/ud-english-ewt/en_ewt-ud-dev.conllu" "$tmp/ewt.conllu"
echo "== Timeline17 dev, timeline summaries (tls_score.py; about 10 s: seven builds)"
scripts/eval_tls.sh "$bin" | tail -1
