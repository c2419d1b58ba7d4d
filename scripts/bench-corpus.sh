#!/usr/bin/env bash
# Corpus-scale benchmarks (numbers, not tests): extract to N-Triples, load, reload, open, the
# same quads through oxigraph's bulk loader, and how load time and memory grow with the corpus.
#
#   scripts/bench-corpus.sh [N]    N: the largest multiple of the corpus to load (default 10)
#   GROWTH_ONLY=1 scripts/bench-corpus.sh [N]    only the growth curve
#
# Reads $CORPUS/*.jsonl.gz (default ../shared/corpus, the 2,781-article development corpus; never
# copied into the repository), leaving out the ids in $EXCLUDE_IDS (space-separated), if any. The copies for the growth curve get distinct ids and one distinct line each, so
# they are distinct articles (the store keys an article by a hash of its text). Each row gives
# wall seconds, CPU seconds (user + system, all threads), peak memory and the store on disk; on
# a shared machine trust CPU seconds more than wall seconds. Needs GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
max="${1:-10}"
corpus="${CORPUS:-../shared/corpus}"
work="${TMPDIR:-/tmp}/tupu-bench"
rm -rf "$work" && mkdir -p "$work"
cargo build --release --quiet
cargo build --release --quiet -p tupu_graph --example bulk_load
tupu="${CARGO_TARGET_DIR:-$PWD/target}/release/tupu"
bulk="${CARGO_TARGET_DIR:-$PWD/target}/release/examples/bulk_load"

# The whole corpus as one JSON Lines file, and its size in bytes of article text.
zcat "$corpus"/*.jsonl.gz | python3 -c '
import json, sys
skip = set(sys.argv[1].split())
for line in sys.stdin:
    if line.strip() and json.loads(line).get("id") not in skip:
        sys.stdout.write(line)' "${EXCLUDE_IDS:-}" > "$work/corpus.jsonl"
text_mb() { python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1]) if l.strip()) / 1e6)' "$1"; }
mb="$(text_mb "$work/corpus.jsonl")"
articles="$(wc -l < "$work/corpus.jsonl")"
echo "corpus: $articles articles, $mb MB of text"

row() { # what, MB of text, command…
    local what="$1" size="$2"
    shift 2
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" > "$work/out" 2> "$work/err" || true
    read -r wall user sys peak < "$work/time"
    local store=""
    [ -d "$work/store" ] && store="$(du -sm "$work/store" | cut -f1) MB"
    printf '%-40s %8.1f s wall %8.1f s CPU %8.2f MB/s %7.0f MB peak  %s\n' \
        "$what" "$wall" "$(echo "$user + $sys" | bc)" "$(echo "$size / $wall" | bc -l)" "$(echo "$peak / 1024" | bc -l)" "$store"
}

if [ -z "${GROWTH_ONLY:-}" ]; then
row "extract → N-Triples" "$mb" "$tupu" extract "$work/corpus.jsonl" -o "$work/corpus.nt"
row "extract → N-Quads" "$mb" "$tupu" extract "$work/corpus.jsonl" -o "$work/corpus.nq"
echo "  $(wc -l < "$work/corpus.nq") quads"
row "load (new store)" "$mb" "$tupu" load "$work/corpus.jsonl" --store "$work/store" --quiet
row "load again (nothing changed)" "$mb" "$tupu" load "$work/corpus.jsonl" --store "$work/store" --quiet
row "open + ASK" 0 "$tupu" query --store "$work/store" 'ASK { ?s ?p ?o }'
rm -rf "$work/store"
row "oxigraph bulk loader, same quads" "$mb" "$bulk" "$work/corpus.nq" "$work/store"
cat "$work/out"
rm -rf "$work/store"
fi

echo "growth (each row a new store):"
for n in 1 3 "$max"; do
    [ "$n" -le "$max" ] || continue
    for ((k = 0; k < n; k++)); do
        python3 -c '
import json, sys
k = int(sys.argv[1])
for line in sys.stdin:
    if line.strip():
        a = json.loads(line)
        a["id"] = "%s-copy%d" % (a.get("id"), k)
        a["text"] += "\n\n（第%d份）" % k
        print(json.dumps(a, ensure_ascii=False))' "$k" < "$work/corpus.jsonl"
    done > "$work/grown.jsonl"
    rm -rf "$work/store"
    row "load ${n}× ($((articles * n)) articles)" "$(echo "$mb * $n" | bc -l)" "$tupu" load "$work/grown.jsonl" --store "$work/store" --quiet
done
rm -rf "$work"
