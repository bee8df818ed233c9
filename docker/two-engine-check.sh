#!/usr/bin/env bash
# The remote-engine check (docs/remote-engines.md): the same scenarios once unsharded on the main engine, then as
# two shards, shard 1 on the main engine and shard 2 on a second engine (docker/second-engine.sh, a stand-in for a
# remote host reached through DOCKER_HOST), merged with nat-lab merge; prints each pair's verdict in both reports
# and exits 0 only when they agree. The shards run one after the other: two engines on ONE kernel would hand their
# labs the same subnets (each engine only knows its own networks); on two hosts they run at once.
#
#   docker/two-engine-check.sh OUT_DIR SCENARIO... [-- RUN_OPTIONS...]     (as root; needs nat-lab/target/nat-lab.jar)
#
# Images: the second engine cannot pull or build (no registry, no network for builds), so the router and peer images
# the unsharded run used are copied into it from the main engine. It is stopped and its data root deleted at the end.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/nat-lab/target/nat-lab.jar"
[ $# -ge 2 ] || { echo "usage: $0 OUT_DIR SCENARIO... [-- RUN_OPTIONS...]" >&2; exit 2; }
[ -f "$jar" ] || { echo "$jar missing: mvn -B package -DskipTests" >&2; exit 2; }
out="$1"; shift
files=(); opts=()
while [ $# -gt 0 ]; do if [ "$1" = -- ]; then shift; opts=("$@"); break; fi; files+=("$1"); shift; done
mkdir -p "$out"
engine2="$("$root/docker/second-engine.sh" status 2>/dev/null | sed -n 's/^running: DOCKER_HOST=//p' || true)"
[ -z "$engine2" ] || { echo "a second engine already runs ($engine2): stop it first" >&2; exit 2; }
log() { echo "[two-engine-check] $*" >&2; }
secs() { date +%s.%N; }

log "unsharded run on the main engine"
s=$(secs)
# The images its labs run, seen while they run (Docker's event log is too short: a lab's execs push its container
# creations out of it within a minute).
( while :; do docker ps --filter label=natlab.lab --format '{{.Image}}'; sleep 2; done ) >"$out/images.txt" 2>/dev/null &
watcher=$!
java -jar "$jar" run "${opts[@]}" --report "$out/unsharded" "${files[@]}" >"$out/unsharded.txt" 2>&1 || true
kill "$watcher"
log "unsharded: $(echo "$(secs) - $s" | bc) s"
images=$(sort -u "$out/images.txt")
[ -n "$images" ] || { echo "saw no lab container of the unsharded run (see $out/unsharded.txt)" >&2; exit 1; }
base="${NATLAB_BASE_IMAGE:-$(sed -n 's/^NATLAB_BASE_IMAGE=//p' /etc/natlab/env 2>/dev/null)}"

trap '"$root/docker/second-engine.sh" stop' EXIT
host2=$("$root/docker/second-engine.sh" start | sed -n 's/^DOCKER_HOST=//p')
s=$(secs)
# shellcheck disable=SC2086
"$root/docker/second-engine.sh" load ${base:+"$base"} $images
log "images copied in $(echo "$(secs) - $s" | bc) s"

log "shard 1/2 on the main engine"
s=$(secs)
java -jar "$jar" run "${opts[@]}" --shard 1/2 --report "$out/shard-1" "${files[@]}" >"$out/shard-1.txt" 2>&1 || true
log "shard 1: $(echo "$(secs) - $s" | bc) s"
log "shard 2/2 on the second engine ($host2)"
s=$(secs)
DOCKER_HOST="$host2" java -jar "$jar" run "${opts[@]}" --shard 2/2 --report "$out/shard-2" "${files[@]}" \
  >"$out/shard-2.txt" 2>&1 || true
log "shard 2: $(echo "$(secs) - $s" | bc) s"
java -jar "$jar" merge "$out/shard-1" "$out/shard-2" --report "$out/merged" >"$out/merged.txt"

python3 - "$out/unsharded/results.json" "$out/merged/results.json" "$out/shard-1/results.json" "$out/shard-2/results.json" <<'PY'
import json, sys
def cells(path):
    run = json.load(open(path))
    return {(s["name"], p["first"], p["second"], p["strategy"]): (p["verdict"], p["successes"], p["trials"])
            for s in run["scenarios"] for p in s["pairs"]}
one, merged = cells(sys.argv[1]), cells(sys.argv[2])
print("shards:", ", ".join(sorted({k[0] for k in cells(sys.argv[3])})), "|", ", ".join(sorted({k[0] for k in cells(sys.argv[4])})))
print(f"{'pair':60} {'unsharded':26} {'merged (2 engines)':26}")
for k in sorted(one.keys() | merged.keys()):
    a, b = one.get(k), merged.get(k)
    fmt = lambda v: "missing" if v is None else f"{v[0]} {v[1]}/{v[2]}"
    print(f"{' '.join(k):60} {fmt(a):26} {fmt(b):26}")
same = one.keys() == merged.keys() and all(one[k][0] == merged[k][0] for k in one)
print("verdicts", "agree" if same else "DIFFER")
sys.exit(0 if same else 1)
PY
