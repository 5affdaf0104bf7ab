#!/usr/bin/env bash
# Timeline summaries against Timeline17's journalist timelines (issue 18).
#
# For each gold timeline in GOLD_DIR (default ../shared/gold/timeline17-dev):
# build that topic's articles of ../shared/datasets/corpora/timeline17.jsonl
# on their own, run `eventloom summary` with K = the gold's number of dates and
# N = its average sentences per date (rounded, at least 1), and score all the
# timelines with ../shared/eval/tls_score.py. Prints the scorer's lines (one per
# timeline, then the average).
#
# Usage: scripts/eval_tls.sh [build/eventloom] [GOLD_DIR]
#   STORES=DIR keeps the built stores there and reuses them on the next run
#   (rebuild them after changing the extraction); JOBS=N threads per build (2).
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/eventloom}
shared=../shared
gold=${2:-$shared/gold/timeline17-dev}
corpus=$shared/datasets/corpora/timeline17.jsonl
PY=${PYTHON:-/usr/bin/python3}  # Debian's, as the tests use
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
stores=${STORES:-$tmp}
mkdir -p "$stores"

# topic, source, K, N of every gold timeline, one a line.
"$PY" - "$gold" > "$tmp/golds.tsv" <<'EOF'
import json, os, sys
d = sys.argv[1]
for name in sorted(os.listdir(d)):
    if not name.endswith('.json'):
        continue
    g = json.load(open(os.path.join(d, name), encoding='utf-8'))
    k = len(g['dates'])
    n = max(1, round(sum(len(v) for v in g['dates'].values()) / k))
    print(g['topic'], g['source'], k, n, sep='\t')
EOF

# Each topic's articles, once.
cut -f1 "$tmp/golds.tsv" | sort -u > "$tmp/topics"
"$PY" - "$corpus" "$tmp" "$tmp/topics" <<'EOF'
import json, sys
topics = {t.strip() for t in open(sys.argv[3], encoding='utf-8') if t.strip()}
out = {t: open(f'{sys.argv[2]}/{t}.jsonl', 'w', encoding='utf-8') for t in topics}
for line in open(sys.argv[1], encoding='utf-8'):
    t = json.loads(line)['id'].split('/')[0]
    if t in out:
        out[t].write(line)
EOF

while IFS=$'\t' read -r topic source k n; do
  store=$stores/$topic.json
  if [ ! -s "$store" ]; then
    "$bin" build "$tmp/$topic.jsonl" --json "$store" --quiet --jobs "${JOBS:-2}" || true
  fi
  "$bin" summary "$store" --dates "$k" --sentences "$n" -o "$tmp/$topic@$source.summary.json"
done < "$tmp/golds.tsv"

# The scorer's input: {"TOPIC/SOURCE": {"YYYY-MM-DD": [sentence, ...]}}.
"$PY" - "$tmp" > "$tmp/system.json" <<'EOF'
import glob, json, os, sys
system = {}
for path in sorted(glob.glob(os.path.join(sys.argv[1], '*.summary.json'))):
    topic, source = os.path.basename(path)[:-len('.summary.json')].split('@')
    tl = json.load(open(path, encoding='utf-8'))['timeline']
    system[topic + '/' + source] = {d['date']: [s['text'] for s in d['sentences']] for d in tl}
json.dump(system, sys.stdout)
EOF
"$PY" "$shared/eval/tls_score.py" "$gold" "$tmp/system.json"
