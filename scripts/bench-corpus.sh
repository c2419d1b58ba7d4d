#!/usr/bin/env bash
# Corpus-scale benchmarks (numbers, not tests): extract to N-Triples and N-Quads, load, reload,
# open, the same quads through oxigraph's bulk loader, and how loading and the README's queries
# grow from 1× to 10× the corpus. Prints clean tables at the end.
#
#   scripts/bench-corpus.sh                      everything (about an hour on two idle cores)
#   SIZES="1 3" scripts/bench-corpus.sh          other store sizes (below)
#   GROWTH_ONLY=1 scripts/bench-corpus.sh        only the stores and their queries
#   EXTRACT_ONLY=1 scripts/bench-corpus.sh       only extract, load and the bulk loader on 1×
#
# Environment:
#   CORPUS       folder of *.jsonl.gz (default ../shared/corpus, the 2,781-article development
#                corpus; its text is never copied into the repository, only into $TMPDIR)
#   EXCLUDE_IDS  ids to leave out (space-separated)
#   SIZES        stores to build, each a multiple of the corpus (up to 100) or a number of
#                articles (default "1 10000 10": the corpus, 10,000 articles, ten times the corpus)
#   QUERY_RUNS   runs of each query per store, after one warm-up (default 50; fewer when a query
#                is slow: at most QUERY_SECONDS, default 20, per query and store)
#   QUERY_TIMEOUT, QUERY_MEMORY  the server's limits per query (default 60s, 4096 MB): a query
#                stopped by them is reported as such
#   TUPU, BULK_LOAD  binaries to measure (default: built here with cargo)
#   TMPDIR       where the copies and stores go (a 10× store takes about 6 GB)
#
# Copies of the corpus get distinct ids (`ID-copyK`) and one distinct line at the end of the text
# (the store keys an article by a hash of its text), so they are distinct articles. Each row gives
# wall seconds, CPU seconds (user + system, all threads), peak memory (resident) and the store on
# disk, and the load average (1 minute) when the row ended: on a shared machine trust CPU seconds
# more than wall seconds. Queries go through `tupu serve` (one worker, the store opened once) with
# a warm-up run first; latencies are per HTTP request, client to last byte. Needs GNU time
# (/usr/bin/time), python3, curl.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus="${CORPUS:-../shared/corpus}"
sizes="${SIZES:-1 10000 10}"
work="${TMPDIR:-/tmp}/tupu-bench"
rm -rf "$work" && mkdir -p "$work"
tupu="${TUPU:-}"
bulk="${BULK_LOAD:-}"
if [ -z "$tupu" ]; then
    cargo build --release --quiet -p tupu
    tupu="${CARGO_TARGET_DIR:-$PWD/target}/release/tupu"
fi
if [ -z "$bulk" ] && [ -z "${GROWTH_ONLY:-}" ]; then
    cargo build --release --quiet -p tupu_graph --example bulk_load
    bulk="${CARGO_TARGET_DIR:-$PWD/target}/release/examples/bulk_load"
fi
results="$work/results"
: > "$results"
say() { echo "$@" | tee -a "$results"; }
loadavg() { cut -d' ' -f1 /proc/loadavg; }

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
say "tupu corpus benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start"
say "corpus: $articles articles, $(printf '%.2f' "$mb") MB of text ($corpus)"

# row WHAT MB -- COMMAND…: runs the command under GNU time and prints one line.
row() {
    local what="$1" size="$2"
    shift 2
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" > "$work/out" 2> "$work/err" || { cat "$work/err" >&2; return 1; }
    read -r wall user sys peak < "$work/time"
    cpu="$(echo "$user + $sys" | bc)"
    local store=""
    [ -d "$work/store" ] && store="$(du -sm "$work/store" | cut -f1) MB on disk"
    say "$(printf '| %-34s | %7.1f | %7.1f | %6.2f | %6.2f | %6.0f | %-16s | %4s |' \
        "$what" "$wall" "$cpu" "$(echo "$size / $wall" | bc -l)" "$(echo "$size / $cpu" | bc -l)" \
        "$(echo "$peak / 1024" | bc -l)" "$store" "$(loadavg)")"
}

if [ -z "${GROWTH_ONLY:-}" ]; then
    say ""
    say "| what | wall s | CPU s | MB/s wall | MB/s per CPU s | peak MB | store | load avg |"
    say "|---|---|---|---|---|---|---|---|"
    row "extract → N-Triples" "$mb" "$tupu" extract "$work/corpus.jsonl" -o "$work/corpus.nt"
    row "extract → N-Quads" "$mb" "$tupu" extract "$work/corpus.jsonl" -o "$work/corpus.nq"
    quads="$(wc -l < "$work/corpus.nq")"
    row "load (new store)" "$mb" "$tupu" load "$work/corpus.jsonl" --store "$work/store" --quiet
    load_wall="$wall" load_cpu="$cpu"
    row "load again (nothing changed)" "$mb" "$tupu" load "$work/corpus.jsonl" --store "$work/store" --quiet
    row "open + ASK" 0 "$tupu" query --store "$work/store" 'ASK { ?s ?p ?o }'
    rm -rf "$work/store"
    row "oxigraph bulk loader, same quads" "$mb" "$bulk" "$work/corpus.nq" "$work/store"
    say ""
    say "$quads quads: tupu load $(printf '%.0f' "$(echo "$quads / $load_wall" | bc -l)") quads/s wall, $(printf '%.0f' "$(echo "$quads / $load_cpu" | bc -l)") per CPU s; bulk loader $(printf '%.0f' "$(echo "$quads / $wall" | bc -l)") quads/s wall, $(printf '%.0f' "$(echo "$quads / $cpu" | bc -l)") per CPU s"
    rm -rf "$work/store" "$work/corpus.nt" "$work/corpus.nq"
fi
[ -n "${EXTRACT_ONLY:-}" ] && { echo; cat "$results"; exit 0; }

# The README's example queries (section "Asking the graph"), as written there.
python3 - README.md "$work/queries" <<'EOF'
import re, sys, pathlib
readme = pathlib.Path(sys.argv[1]).read_text()
section = readme.split("## Asking the graph", 1)[1].split("\n## ", 1)[0]
out = pathlib.Path(sys.argv[2])
out.mkdir()
for n, q in enumerate(re.findall(r"tupu query (?:--\w[\w-]* \S+ )*'(.*?)'\n", section, re.S), 1):
    (out / f"q{n}.rq").write_text(q)
EOF

# copies N: the first N articles of the corpus repeated with distinct ids and texts.
copies() {
    python3 -c '
import json, sys
want = int(sys.argv[1])
lines = [l for l in open(sys.argv[2]) if l.strip()]
n, k = 0, 0
while n < want:
    for line in lines:
        if n == want:
            break
        a = json.loads(line)
        a["id"] = "%s-copy%d" % (a.get("id"), k)
        a["text"] += "\n\n（第%d份）" % k
        print(json.dumps(a, ensure_ascii=False))
        n += 1
    k += 1' "$1" "$work/corpus.jsonl"
}

# queries NAME: each query through `tupu serve` on the store; one line per query to $work/q-NAME.
queries() {
    local port=$((20000 + RANDOM % 20000))
    "$tupu" serve --store "$work/store" --bind "127.0.0.1:$port" --workers 1 --timeout "${QUERY_TIMEOUT:-60s}" \
        --max-memory "${QUERY_MEMORY:-4096}" --max-result 1000 \
        > "$work/serve.log" 2>&1 &
    server=$!
    trap 'kill "$server" 2>/dev/null || true' EXIT
    python3 - "$port" "$work/queries" "${QUERY_RUNS:-50}" "${QUERY_SECONDS:-20}" > "$work/q-$1" <<'EOF'
import math, pathlib, sys, time, urllib.parse, urllib.request
port, folder, runs, budget = sys.argv[1], pathlib.Path(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
url = f"http://127.0.0.1:{port}/query"
for _ in range(600):
    try:
        urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).read()
        break
    except OSError:
        time.sleep(0.1)
def ask(q):
    body = urllib.parse.urlencode({"query": q}).encode()
    request = urllib.request.Request(url, body, {"Accept": "text/tab-separated-values"})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=3600) as r:
        rows = r.read().count(b"\n") - 1
    return time.perf_counter() - started, rows
for path in sorted(folder.glob("q*.rq"), key=lambda p: int(p.stem[1:])):
    q = path.read_text()
    started = time.perf_counter()
    try:
        _, rows = ask(q)
    except urllib.error.HTTPError as e:
        # Stopped by the server's time or memory limit (503): how long it ran, and why.
        why = "memory" if b"memory" in e.read() else "time"
        print(path.stem, "-", "-", 0, f"stopped-{why}-{time.perf_counter() - started:.0f}s")
        continue
    times, spent = [], 0.0
    while len(times) < runs and (spent < budget or len(times) < 3):
        t, _ = ask(q)
        times.append(t)
        spent += t
    times.sort()
    rank = lambda p: times[max(0, math.ceil(p * len(times)) - 1)]
    print(path.stem, f"{rank(0.5) * 1000:.1f}", f"{rank(0.99) * 1000:.1f}", len(times), rows)
EOF
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
}

say ""
say "Growth (each a new store; the README's queries through tupu serve, p50 over the runs):"
say ""
say "| corpus | articles | MB of text | quads | load wall s | load CPU s | quads per CPU s | peak MB | store MB | queries p50 ms (sum) | load avg |"
say "|---|---|---|---|---|---|---|---|---|---|---|"
for size in $sizes; do
    if [ "$size" -le 100 ]; then n=$((articles * size)); else n="$size"; fi
    copies "$n" > "$work/grown.jsonl"
    size_mb="$(text_mb "$work/grown.jsonl")"
    rm -rf "$work/store"
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$tupu" load "$work/grown.jsonl" --store "$work/store" --quiet --json \
        > "$work/out" 2> "$work/err" || { cat "$work/err" >&2; exit 1; }
    read -r wall user sys peak < "$work/time"
    cpu="$(echo "$user + $sys" | bc)"
    quads="$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["quads"])' "$work/out")"
    avg="$(loadavg)"
    queries "$n"
    p50sum="$(awk '$4 > 0 { s += $2 } $4 == 0 { out++ } END { printf "%.0f", s; if (out) printf " + %d stopped", out }' "$work/q-$n")"
    say "$(printf '| %.1f× | %d | %.1f | %d | %.0f | %.0f | %.0f | %.0f | %d | %s | %s |' \
        "$(echo "$n / $articles" | bc -l)" "$n" "$size_mb" "$quads" "$wall" "$cpu" "$(echo "$quads / $cpu" | bc -l)" \
        "$(echo "$peak / 1024" | bc -l)" "$(du -sm "$work/store" | cut -f1)" "$p50sum" "$avg")"
    rm -rf "$work/store" "$work/grown.jsonl"
done

say ""
say "The README's queries (\"Asking the graph\", in order), ms p50 / p99 (nearest rank over the runs; rows returned):"
say ""
header="| query |"
rule="|---|"
for size in $sizes; do
    if [ "$size" -le 100 ]; then n=$((articles * size)); else n="$size"; fi
    header="$header $n articles |"
    rule="$rule---|"
done
say "$header"
say "$rule"
for q in $(ls "$work/queries" | sort -V); do
    q="${q%.rq}"
    line="| $q: $(head -c 60 "$work/queries/$q.rq" | tr '\n' ' ' | sed 's/  */ /g')… |"
    for size in $sizes; do
        if [ "$size" -le 100 ]; then n=$((articles * size)); else n="$size"; fi
        line="$line $(awk -v q="$q" '$1 == q && $4 > 0 { printf "%s / %s (%d runs, %d rows)", $2, $3, $4, $5 }
            $1 == q && $4 == 0 { gsub("-", " ", $5); printf "%s (limit %s)", $5, limit }' limit="${QUERY_TIMEOUT:-60s}" "$work/q-$n") |"
    done
    say "$line"
done
echo
echo "=== summary (also in $results) ==="
cat "$results"
