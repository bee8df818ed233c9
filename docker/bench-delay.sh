#!/usr/bin/env bash
# Benchmark of natlab-delay, the userspace delayer routers use for latency/jitter where the kernel has no netem.
# Prints figures (it asserts nothing): configured vs measured added RTT, jitter spread vs claim, throughput at
# which it starts to drop or distort, and its CPU cost.
#
#   flock /tmp/natlab-docker.lock docker/bench-delay.sh        # run it under the lab lock, like every Docker job
#
# Three containers from the router image: client -- router -- server, on two Docker bridges of their own
# (BENCH_SUBNET_A/B, default 10.213.251.0/24 and 10.213.252.0/24; masquerading off). Traffic goes only between
# them. Everything is removed on exit. Env: NATLAB_BASE_IMAGE (default debian:bookworm-slim), BENCH_SECONDS (3).
set -euo pipefail
DIR=$(cd "$(dirname "$0")" && pwd)
BASE=${NATLAB_BASE_IMAGE:-debian:bookworm-slim}
SUB_A=${BENCH_SUBNET_A:-10.213.251.0/24}
SUB_B=${BENCH_SUBNET_B:-10.213.252.0/24}
SECONDS_PER_RATE=${BENCH_SECONDS:-3}
A=${SUB_A%.0/*}; B=${SUB_B%.0/*}
CLIENT_IP=$A.10 ROUTER_A=$A.2 ROUTER_B=$B.2 SERVER_IP=$B.10
ID=natlab-bench-$$
TAG=natlab/router:bench

cleanup() {
  docker rm -f "$ID-client" "$ID-router" "$ID-server" >/dev/null 2>&1 || true
  docker network rm "$ID-a" "$ID-b" >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "# building the router image on $BASE"
docker build -q --build-arg BASE_IMAGE="$BASE" -t "$TAG" "$DIR/router" >/dev/null
for n in a b; do
  sub=$SUB_A; [ $n = b ] && sub=$SUB_B
  docker network create --label natlab.bench="$ID" -o com.docker.network.bridge.enable_ip_masquerade=false \
    --subnet "$sub" "$ID-$n" >/dev/null
done
run() { docker run -d --name "$ID-$1" --label natlab.bench="$ID" --cap-add NET_ADMIN --init "${@:2}" "$TAG" sleep infinity >/dev/null; }
run client --network "$ID-a" --ip "$CLIENT_IP"
run router --network "$ID-a" --ip "$ROUTER_A" --sysctl net.ipv4.ip_forward=1
docker network connect --ip "$ROUTER_B" "$ID-b" "$ID-router"
run server --network "$ID-b" --ip "$SERVER_IP"
docker exec "$ID-client" ip route add "$SUB_B" via "$ROUTER_A"
docker exec "$ID-server" ip route add "$SUB_A" via "$ROUTER_B"
IF_A=$(docker exec "$ID-router" sh -c "ip -o -4 addr show | awk '/ $ROUTER_A\\//{print \$2}'")
IF_B=$(docker exec "$ID-router" sh -c "ip -o -4 addr show | awk '/ $ROUTER_B\\//{print \$2}'")
docker exec -d "$ID-server" natlab-delay-bench echo 9001

# set_delay LATENCY_US JITTER_US: both directions, as the lab's rule compiler does (0 0 = no delayer at all)
set_delay() {
  docker exec "$ID-router" sh -euc "
    iptables -t raw -N NATLAB-DELAY 2>/dev/null || iptables -t raw -F NATLAB-DELAY
    iptables -t raw -C PREROUTING -j NATLAB-DELAY 2>/dev/null || iptables -t raw -I PREROUTING 1 -j NATLAB-DELAY
    mkdir -p /run/natlab-delay
    for d in inbound outbound; do
      if [ -f /run/natlab-delay/\$d.pid ]; then kill \$(cat /run/natlab-delay/\$d.pid) 2>/dev/null || true; sleep 0.2; fi
    done
    [ $1 -eq 0 ] && [ $2 -eq 0 ] && exit 0
    q=1; for d in inbound outbound; do
      setsid natlab-delay --queue \$q --delay-us $1 --jitter-us $2 >/run/natlab-delay/\$d.log 2>&1 </dev/null & echo \$! >/run/natlab-delay/\$d.pid
      q=\$((q+1))
    done
    i=0; until grep -q ready /run/natlab-delay/inbound.log && grep -q ready /run/natlab-delay/outbound.log; do i=\$((i+1)); [ \$i -gt 100 ] && exit 1; sleep 0.05; done
    iptables -t raw -A NATLAB-DELAY -i $IF_B -j NFQUEUE --queue-num 1
    iptables -t raw -A NATLAB-DELAY -i $IF_A -j NFQUEUE --queue-num 2"
}

ping_stats() { docker exec "$ID-client" natlab-delay-bench ping "$SERVER_IP" 9001 "$1" "$2" | awk '/^rtt/'; }
field() { sed -nE "s/(^|.* )$1=([0-9.-]*).*/\2/p"; }
cpu_ticks() { docker exec "$ID-router" sh -c 'p=$(cat /run/natlab-delay/outbound.pid 2>/dev/null); awk "{print \$14+\$15}" /proc/$p/stat 2>/dev/null || echo 0'; }

echo
echo "## 1. configured vs measured added RTT (one router, latency L each way: claimed added RTT = 2L; UDP echo)"
set_delay 0 0
base=$(ping_stats 40 10 | field p50)
echo "baseline (no delayer): p50 RTT ${base} ms"
printf '%-10s %-13s %-13s %-11s %-11s %-11s %-12s %s\n' latency claimed-add measured-add min-add max-add error tolerance verdict
for l in 1 10 50 150 300; do
  set_delay $((l * 1000)) 0
  n=30; [ $l -ge 150 ] && n=12
  line=$(ping_stats $n 5)
  awk -v l=$l -v b="$base" -v p="$(echo "$line" | field p50)" -v mn="$(echo "$line" | field min)" -v mx="$(echo "$line" | field max)" 'BEGIN {
    c = 2 * l; m = p - b; e = m - c; t = 1 + 0.05 * c
    printf "%-10s %-13.3f %-13.3f %-11.3f %-11.3f %-11.3f %-12.3f %s\n", l "ms", c, m, mn - b, mx - b, e, t, (e < t && -e < t) ? "within" : "OUTSIDE" }'
done

echo
echo "## 2. jitter spread vs claim (latency 50 ms, jitter 20 ms: each direction uniform on [30, 70] ms)"
set_delay 50000 20000
echo "claimed RTT: 60..140 ms, mean 100, sd $(awk 'BEGIN{printf "%.2f", 20*sqrt(2/3)}') (sum of two uniforms)"
ping_stats 100 2 | sed 's/^/measured /'
docker exec "$ID-server" sh -c 'natlab-delay-bench sink 9000 6 >/tmp/sink.out' &
sleep 0.3
docker exec "$ID-client" natlab-delay-bench send "$SERVER_IP" 9000 2000 2 >/dev/null
wait
echo "claimed one-way: 30..70 ms, mean 50, sd $(awk 'BEGIN{printf "%.2f", 20/sqrt(3)}') (uniform)"
docker exec "$ID-server" cat /tmp/sink.out | sed 's/^/measured /'

echo
echo "## 3. throughput and CPU (client -> server, 64-byte UDP payload, ${SECONDS_PER_RATE} s per rate)"
printf '%-12s %-10s %-10s %-9s %-10s %-10s %-10s %-10s %s\n' setting rate-pps received lost reordered owd-p50 owd-p99 owd-max delayer-cpu
for setting in none 20ms; do
  if [ $setting = none ]; then set_delay 0 0; else set_delay 20000 0; fi
  for rate in 5000 10000 20000 40000 80000; do
    docker exec "$ID-server" sh -c "natlab-delay-bench sink 9000 $((SECONDS_PER_RATE + 3)) >/tmp/sink.out" &
    sleep 0.3
    t0=$(cpu_ticks)
    sent=$(docker exec "$ID-client" natlab-delay-bench send "$SERVER_IP" 9000 $rate "$SECONDS_PER_RATE")
    wait
    t1=$(cpu_ticks)
    out=$(docker exec "$ID-server" cat /tmp/sink.out)
    cpu=$(awk -v a="$t0" -v b="$t1" -v s="$SECONDS_PER_RATE" 'BEGIN{printf "%.0f%%", (b - a) / s}')
    [ $setting = none ] && cpu=-
    printf '%-12s %-10s %-10s %-9s %-10s %-10s %-10s %-10s %s\n' "$setting" "$(echo "$sent" | field rate)" \
      "$(echo "$out" | field received)" "$(echo "$out" | field lost)" "$(echo "$out" | field reordered)" \
      "$(echo "$out" | field p50)" "$(echo "$out" | field p99)" "$(echo "$out" | field max)" "$cpu"
  done
done
docker exec "$ID-router" sh -c 'cat /proc/net/netfilter/nfnetlink_queue 2>/dev/null | sed "s/^/nfnetlink_queue: /"; cat /run/natlab-delay/*.log'
