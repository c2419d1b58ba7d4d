#!/usr/bin/env bash
# `tupu push` against a real triplestore: Debian's Virtuoso (virtuoso-opensource-7-bin), started on
# loopback in a temporary directory, given write access to its Graph Store endpoint, pushed to, and
# queried back through its own SPARQL endpoint; the answers are compared with the store's.
#
#   usage: .ci/push-virtuoso.sh TUPU STORE PYTHON
#
# Prints one "ok: …" or "FAILED: …" line per check and exits non-zero when any failed.
set -euo pipefail
tupu="$1" store="$2" python="$3"

if ! command -v virtuoso-t >/dev/null 2>&1; then
    sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends virtuoso-opensource-7-bin >/dev/null
fi

dir="$(mktemp -d)"
free_port() { "$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
sql_port="$(free_port)"
http_port="$(free_port)"
mkdir -p "$dir/db" "$dir/www"
cat >"$dir/virtuoso.ini" <<INI
[Database]
DatabaseFile = $dir/db/virtuoso.db
ErrorLogFile = $dir/db/virtuoso.log
LockFile = $dir/db/virtuoso.lck
TransactionFile = $dir/db/virtuoso.trx
xa_persistent_file = $dir/db/virtuoso.pxa
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = $dir/db/virtuoso-temp.db
TransactionFile = $dir/db/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:$sql_port
DisableUnixSocket = 1
ServerThreads = 10
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = ., $dir

[HTTPServer]
ServerPort = 127.0.0.1:$http_port
ServerRoot = $dir/www
MaxClientConnections = 5
ServerThreads = 5

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
INI

virtuoso-t +foreground +configfile "$dir/virtuoso.ini" >"$dir/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$dir"' EXIT
base="http://127.0.0.1:$http_port"
for _ in $(seq 120); do
    if "$python" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=2)' "$base/sparql?query=ASK%7B%7D" 2>/dev/null; then
        break
    fi
    kill -0 "$server" 2>/dev/null || { cat "$dir/server.log"; exit 1; }
    sleep 1
done
virtuoso-t +version 2>&1 | head -2 || true
# The anonymous endpoint writes as the SPARQL user once it may update; the -auth one takes dba's
# password through HTTP Digest.
isql-vt "$sql_port" dba dba exec='grant SPARQL_UPDATE to "SPARQL"; DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('"'"'nobody'"'"', 7);' >/dev/null

passed=0
failed=0
check() {
    local name="$1"
    shift
    if "$@"; then
        echo "ok: $name"
        passed=$((passed + 1))
    else
        echo "FAILED: $name"
        failed=$((failed + 1))
    fi
}

# What a SELECT gives, as sorted rows, from Virtuoso (SPARQL protocol) or from tupu.
cat >"$dir/compare.py" <<'PY'
import csv, io, json, subprocess, sys, urllib.parse, urllib.request
mode, endpoint, tupu, store = sys.argv[1:5]
QUERIES = {
    "count": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), 'https://w3id.org/tupu/doc/')) }",
    "posts": """SELECT ?g ?person ?title ?org WHERE { GRAPH ?g {
        ?p <http://www.w3.org/ns/org#holds> ?post ; <http://www.w3.org/2000/01/rdf-schema#label> ?person .
        ?post <http://www.w3.org/2000/01/rdf-schema#label> ?title .
        OPTIONAL { ?post <http://www.w3.org/ns/org#postIn>/<http://www.w3.org/2000/01/rdf-schema#label> ?org } } }""",
    "mentions": """SELECT ?e ?anchor ?b ?e2 WHERE {
        ?m <http://www.w3.org/2005/11/its/rdf#taIdentRef> ?e ; <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf> ?anchor ;
           <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex> ?b ;
           <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex> ?e2 .
        FILTER(STRSTARTS(STR(?e), 'https://w3id.org/tupu/id/person/')) }""",
}
def virtuoso(q):
    url = endpoint + "?" + urllib.parse.urlencode({"query": q})
    req = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    data = json.load(urllib.request.urlopen(req, timeout=120))
    names = data["head"]["vars"]
    return sorted(tuple(str(b.get(v, {}).get("value", "")) for v in names) for b in data["results"]["bindings"])
def local(q):
    out = subprocess.run([tupu, "query", "--store", store, "--format", "json", q], check=True, capture_output=True).stdout
    data = json.loads(out)
    names = data["head"]["vars"]
    return sorted(tuple(str(b.get(v, {}).get("value", "")) for v in names) for b in data["results"]["bindings"])
ok = True
for name in (sys.argv[5:] or QUERIES):
    theirs, ours = virtuoso(QUERIES[name]), local(QUERIES[name])
    same = theirs == ours and len(ours) > 0
    print(f"  {name}: virtuoso {len(theirs)} rows{' = ' + theirs[0][0] if name == 'count' else ''}, tupu {len(ours)} rows{' = ' + ours[0][0] if name == 'count' else ''}{'' if same else '  DIFFERENT'}")
    ok &= same
sys.exit(0 if ok else 1)
PY
compare() { "$python" "$dir/compare.py" compare "$base/sparql" "$tupu" "$store" "$@"; }

check "push to Virtuoso's Graph Store endpoint" "$tupu" push --store "$store" --endpoint "$base/sparql-graph-crud"
check "Virtuoso answers as the store does (quads, posts, mentions)" compare
check "pushing again replaces each article's graph (same answers)" \
    bash -c '"$1" push --quiet --store "$2" --endpoint "$3" && "$4" "$5" x "$6" "$1" "$2" count' _ "$tupu" "$store" "$base/sparql-graph-crud" "$python" "$dir/compare.py" "$base/sparql"
check "push with HTTP Digest authentication (dba, password from TUPU_PUSH_PASSWORD)" \
    env TUPU_PUSH_PASSWORD=dba "$tupu" push --quiet --store "$store" --endpoint "$base/sparql-graph-crud-auth" --user dba
check "a wrong password is refused with a clear error" \
    bash -c 'out=$("$1" push --store "$2" --endpoint "$3" --user dba --password wrong 2>&1); [ $? -eq 2 ] && grep -q "refused the credentials" <<<"$out"' _ "$tupu" "$store" "$base/sparql-graph-crud-auth"
check "the -auth endpoint without credentials says to give them" \
    bash -c 'out=$("$1" push --store "$2" --endpoint "$3" 2>&1); [ $? -eq 2 ] && grep -q "give --user and --password" <<<"$out"' _ "$tupu" "$store" "$base/sparql-graph-crud-auth"
check "Virtuoso still answers as the store does" compare count posts

echo "push checks: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
