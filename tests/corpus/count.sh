#!/usr/bin/env bash
# count.sh - our own grep measurement over the materialized corpus: for each
# backend in ${CORPUS_DIR:-/tmp/amplify-corpus}/index.tsv print
#   id, ts_files, models, define_function
# as TSV on standard output (this is how tests/corpus/expected.tsv is made:
#   tests/corpus/count.sh > tests/corpus/expected.tsv).
#
# Counting rules (kept simple on purpose, so anyone can re-run them):
#   - only TypeScript sources under the amplify dir: *.ts *.mts *.cts *.tsx;
#     any node_modules/ folder is skipped; binary files are skipped;
#   - ts_files         number of such files;
#   - models           occurrences of  a . model (   (whitespace and newlines
#                      allowed around the dot, not preceded by an identifier
#                      character or a dot), comments included;
#   - define_function  occurrences of  defineFunction (  (same rules), i.e.
#                      calls, not imports.
# A backend that aliases `a` (import { a as amp }) or defineFunction is counted
# only under the plain names: the numbers measure text, not the semantic model.
set -euo pipefail
CORPUS_DIR=${CORPUS_DIR:-/tmp/amplify-corpus}
index="$CORPUS_DIR/index.tsv"
[[ -f "$index" ]] || { echo "count: no $index; run materialize.sh first" >&2; exit 2; }

count() { # PATTERN DIR
  { grep -rIPzo --exclude-dir=node_modules --include='*.ts' --include='*.mts' \
    --include='*.cts' --include='*.tsx' "$1" "$2" 2>/dev/null || true; } | tr -cd '\0' | wc -c
}

printf 'id\tts_files\tmodels\tdefine_function\n'
tail -n +2 "$index" | while IFS=$'\t' read -r id _repo _commit path _rest; do
  n=$(find "$path" -name node_modules -prune -o -type f \
    \( -name '*.ts' -o -name '*.mts' -o -name '*.cts' -o -name '*.tsx' \) -print | wc -l)
  m=$(count '(?<![\w$.])a\s*\.\s*model\s*\(' "$path")
  f=$(count '(?<![\w$.])defineFunction\s*\(' "$path")
  printf '%s\t%s\t%s\t%s\n' "$id" "$n" "$m" "$f"
done
