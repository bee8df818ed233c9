#!/usr/bin/env bash
# A second Docker engine on this host, as a stand-in for a remote one (README "Sharding", docs/remote-engines.md):
# its own socket, data root, exec root and pid file, so the main engine is not touched.
#
#   docker/second-engine.sh start           start it; prints the DOCKER_HOST to use
#   docker/second-engine.sh load IMAGE...   copy images from the main engine (no registry needed)
#   docker/second-engine.sh stop            stop it, delete its data root, remove its firewall rule
#   docker/second-engine.sh status
#
# Its own bridge rules: it runs with --iptables=false, because a dockerd that manages iptables rewrites the chains
# both engines share (DOCKER, DOCKER-ISOLATION-*) on start. On a host with br_netfilter (bridge-nf-call-iptables=1)
# and the main engine's FORWARD policy DROP, frames between two containers on one of its bridges would then be
# dropped; this script accepts bridged frames (physdev --physdev-is-bridged: within one bridge, never routed between
# networks) in its own chain NATLAB-ENGINE2, jumped to from FORWARD while the engine runs.
# Its own default bridge: a dockerd started with --bridge none DELETES the host's docker0 (moby removes "a stale
# default bridge" on start), which silently breaks the main engine's image builds. So it gets a bridge of its own,
# NATLAB_ENGINE2_BRIDGE (default natlabd2br0) on NATLAB_ENGINE2_BIP (default 172.31.254.1/24), refused if that
# subnet is already routed here.
# Env: NATLAB_ENGINE2_NAME (default natlab-docker2) names the socket, roots, pid file and log. Needs root.
set -euo pipefail

NAME="${NATLAB_ENGINE2_NAME:-natlab-docker2}"
[[ "$NAME" =~ ^[a-z0-9-]+$ ]] || { echo "NATLAB_ENGINE2_NAME: use a-z, 0-9 and -" >&2; exit 2; }
SOCK="/run/$NAME.sock"
DATA="/var/lib/$NAME"
EXEC="/run/$NAME"
PID="/run/$NAME.pid"
LOG="/var/log/$NAME.log"
CHAIN="NATLAB-ENGINE2"
BRIDGE="${NATLAB_ENGINE2_BRIDGE:-natlabd2br0}"
BIP="${NATLAB_ENGINE2_BIP:-172.31.254.1/24}"
[[ "$BRIDGE" =~ ^[a-z0-9]{1,15}$ ]] || { echo "NATLAB_ENGINE2_BRIDGE: 1-15 of a-z, 0-9" >&2; exit 2; }
[[ "$BIP" =~ ^[0-9]{1,3}(\.[0-9]{1,3}){3}/[0-9]{1,2}$ ]] || { echo "NATLAB_ENGINE2_BIP: an address/prefix, e.g. 172.31.254.1/24" >&2; exit 2; }
HOST="unix://$SOCK"
log() { echo "[second-engine] $*" >&2; }
die() { echo "[second-engine] ERROR: $*" >&2; exit 1; }
up() { timeout 10 docker -H "$HOST" info >/dev/null 2>&1; }

[ "$(id -u)" = 0 ] || die "run as root (it starts dockerd and adds one firewall rule)"

firewall_on() {
  iptables -N "$CHAIN" 2>/dev/null || iptables -F "$CHAIN"
  iptables -A "$CHAIN" -m physdev --physdev-is-bridged -j ACCEPT
  iptables -C FORWARD -j "$CHAIN" 2>/dev/null || iptables -I FORWARD 1 -j "$CHAIN"
}

firewall_off() {
  while iptables -C FORWARD -j "$CHAIN" 2>/dev/null; do iptables -D FORWARD -j "$CHAIN"; done
  iptables -F "$CHAIN" 2>/dev/null || true
  iptables -X "$CHAIN" 2>/dev/null || true
}

start() {
  if up; then log "already running at $HOST"; echo "DOCKER_HOST=$HOST"; return; fi
  command -v dockerd >/dev/null || die "dockerd not found (Debian: apt-get install docker.io)"
  if [ -f "$PID" ] && ! kill -0 "$(cat "$PID")" 2>/dev/null; then rm -f "$PID"; fi
  mkdir -p "$DATA" "$EXEC"
  if ! ip link show "$BRIDGE" >/dev/null 2>&1; then
    [ -z "$(ip route show to match "${BIP%/*}" | grep -v '^default')" ] || die "$BIP is already routed on this host; set NATLAB_ENGINE2_BIP"
    ip link add "$BRIDGE" type bridge
    ip addr add "$BIP" dev "$BRIDGE"
    ip link set "$BRIDGE" up
  fi
  firewall_on
  log "starting dockerd at $HOST (data root $DATA, log $LOG)"
  nohup dockerd --host "$HOST" --data-root "$DATA" --exec-root "$EXEC" --pidfile "$PID" \
    --bridge "$BRIDGE" --iptables=false --ip-masq=false --cgroup-parent "$NAME" >>"$LOG" 2>&1 &
  for _ in $(seq 1 60); do
    if up; then log "up"; echo "DOCKER_HOST=$HOST"; return; fi
    sleep 1
  done
  tail -n 20 "$LOG" >&2 || true
  die "dockerd did not answer at $HOST within 60 s (see $LOG)"
}

load() {
  up || die "not running: $0 start first"
  [ $# -gt 0 ] || die "name the images to copy, e.g. natlab/debian-base:bookworm"
  for image in "$@"; do
    log "copying $image from the main engine"
    docker image inspect "$image" >/dev/null || die "the main engine has no image $image"
    docker save "$image" | docker -H "$HOST" load -q >&2
  done
}

stop() {
  if [ -f "$PID" ] && kill -0 "$(cat "$PID")" 2>/dev/null; then
    local pid; pid="$(cat "$PID")"
    if up; then # the labs remove their own containers; anything left is removed with the engine
      docker -H "$HOST" ps -aq | xargs -r docker -H "$HOST" rm -f >/dev/null || true
      docker -H "$HOST" network ls -q --filter type=custom | xargs -r docker -H "$HOST" network rm >/dev/null || true
    fi
    log "stopping dockerd (pid $pid)"
    kill "$pid"
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    kill -0 "$pid" 2>/dev/null && die "dockerd (pid $pid) did not stop within 30 s"
  fi
  firewall_off
  # Mounts dockerd left behind (an unclean stop) would keep the data root from being deleted.
  grep -oE " ($DATA|$EXEC)[^ ]*" /proc/mounts | sort -r | xargs -r -n1 umount -l 2>/dev/null || true
  rm -rf "$DATA" "$EXEC" "$PID" "$SOCK"
  ip link del "$BRIDGE" 2>/dev/null || true
  log "stopped; $DATA deleted"
}

case "${1:-}" in
  start) start ;;
  load) shift; load "$@" ;;
  stop) stop ;;
  status) if up; then echo "running: DOCKER_HOST=$HOST"; else echo "not running"; exit 1; fi ;;
  *) echo "usage: $0 start|load IMAGE...|stop|status" >&2; exit 2 ;;
esac
