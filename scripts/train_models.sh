#!/usr/bin/env bash
# Rebuild every model in models/ from ../shared/datasets, deterministically
# (the same bytes on a rerun): scripts/train_models.sh [BUILD_DIR] [all|parser]
#   1. the unlabelled corpus: the news corpora and the EWT training words, cut
#      into the pieces the models read (eventloom_train corpus);
#   2. word vectors with fastText (Debian's fasttext; one thread, a fixed seed);
#   3. word clusters from the vectors (eventloom_train clusters);
#   4. the part-of-speech tagger on UD English EWT train (dev for the figures);
#   5. the name tagger on CoNLL-2003 train (dev for the figures);
#   6. the dependency parser on UD English EWT train, on jackknifed tags of
#      the tagger's kind (dev for the figures). `parser` runs this step alone,
#      from the clusters and tagger in models/ (about 5 minutes on 2 cores).
# Takes about 30 minutes on 2 cores; models/README.md lists what each model
# was trained on and its dev figures.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build-rel}
STEP=${2:-all}
SHARED=${EVENTLOOM_SHARED:-../shared}
D=$SHARED/datasets
[ "$STEP" = all ] || [ "$STEP" = parser ] || { echo "train_models: step is all or parser, not $STEP" >&2; exit 2; }
[ "$STEP" = parser ] || command -v fasttext >/dev/null || { echo "train_models: needs fasttext (apt-get install fasttext)" >&2; exit 1; }
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DEVENTLOOM_TESTS=OFF >/dev/null
cmake --build "$BUILD" -j "$(nproc)" --target eventloom_train
T="$BUILD/eventloom_train"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

train_parser() {
  "$T" parser --train "$D/ud-english-ewt/en_ewt-ud-train.conllu" --dev "$D/ud-english-ewt/en_ewt-ud-dev.conllu" \
    --clusters models/clusters.bin --tagger models/tagger.bin --tagger2 models/tagger2.bin --tagger-epochs 12 \
    --epochs 10 --min-count 5 -o models/parser.bin
}
if [ "$STEP" = parser ]; then
  train_parser
  sha256sum models/parser.bin
  exit 0
fi

"$T" corpus "$D/corpora/reuters21578.jsonl" "$D/corpora/timeline17.jsonl" "$D/conll2003-train/docs.jsonl" \
  "$D/ud-english-ewt/en_ewt-ud-train.conllu" -o "$WORK/corpus.txt"
fasttext skipgram -input "$WORK/corpus.txt" -output "$WORK/vectors" -dim 100 -minCount 3 -epoch 5 \
  -thread 1 -seed 1 -ws 5 -minn 3 -maxn 6 -verbose 0
"$T" clusters --vectors "$WORK/vectors.vec" --levels 64 512 4096 -o models/clusters.bin
"$T" tagger --train "$D/ud-english-ewt/en_ewt-ud-train.conllu" --dev "$D/ud-english-ewt/en_ewt-ud-dev.conllu" \
  --clusters models/clusters.bin --epochs 12 -o models/tagger.bin --second models/tagger2.bin
"$T" names --train "$D/conll2003-train/train.txt" --dev "$D/conll2003-dev" --tagger models/tagger.bin --tagger2 models/tagger2.bin \
  --clusters models/clusters.bin --epochs 8 -o models/names.bin --names-list models/names_list.tsv
train_parser
sha256sum models/*.bin models/*.tsv
