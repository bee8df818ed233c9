#!/usr/bin/env bash
# Makes a Linux host ready for nat-lab: a running Docker engine and a Debian base image.
#  - installs docker.io / debootstrap from Debian packages when missing (needs root + apt);
#  - starts dockerd in the background when no engine answers (removing a stale pid file);
#  - when the base image cannot be pulled from a registry, builds it locally with debootstrap;
#  - decides how Testcontainers may run: with its reaper Ryuk when that image is present or can be pulled, else
#    (no registry) with TESTCONTAINERS_RYUK_DISABLED, _HOST_OVERRIDE and _CHECKS_DISABLE, each of which would need a pull;
#  - writes what later runs need to the env file /etc/natlab/env (KEY=VALUE lines), which mvn verify and nat-lab.jar
#    read by themselves (io.natlab.host.HostEnvironment): no exports by hand.
# Idempotent: a host that is already ready is left alone. Prints what it does to stderr, and the env file's lines
# on stdout. Run it as root (it uses sudo when it is not root and sudo exists).
# Env: NATLAB_BASE_IMAGE (default debian:bookworm-slim), NATLAB_LOCAL_BASE (default natlab/debian-base:bookworm),
#      NATLAB_ENV_FILE (default /etc/natlab/env), NATLAB_RYUK_IMAGE (default: the Ryuk of the pinned Testcontainers)
set -euo pipefail

BASE_IMAGE="${NATLAB_BASE_IMAGE:-debian:bookworm-slim}"
LOCAL_BASE="${NATLAB_LOCAL_BASE:-natlab/debian-base:bookworm}"
DOCKERD_LOG="${NATLAB_DOCKERD_LOG:-/var/log/natlab-dockerd.log}"
ENV_FILE="${NATLAB_ENV_FILE:-/etc/natlab/env}"
RYUK_IMAGE="${NATLAB_RYUK_IMAGE:-testcontainers/ryuk:0.14.0}"   # the Ryuk of testcontainers 2.0.5
log() { echo "[prepare-host] $*" >&2; }
die() { echo "[prepare-host] ERROR: $*" >&2; exit 1; }

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root for: $*"; fi; }

apt_install() {
  command -v apt-get >/dev/null || die "missing $* and no apt-get to install it; install it by hand"
  log "installing $* from Debian packages"
  as_root apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

engine_up() { timeout 10 docker info >/dev/null 2>&1; }

ensure_engine() {
  command -v docker >/dev/null || apt_install docker.io
  if engine_up; then log "Docker engine already running"; return; fi
  # An engine that runs but refuses us must not get a second dockerd started next to it.
  if timeout 10 docker info 2>&1 | grep -qi 'permission denied'; then
    die "a Docker engine runs but this user may not use it (permission denied on the socket): run as root or join the docker group"
  fi
  command -v dockerd >/dev/null || apt_install docker.io
  command -v iptables >/dev/null || apt_install iptables
  # An unclean stop leaves the pid file behind and dockerd refuses to start.
  for pidfile in /var/run/docker.pid /run/docker.pid /var/run/docker/containerd/containerd.pid; do
    if [ -f "$pidfile" ] && ! kill -0 "$(cat "$pidfile" 2>/dev/null)" 2>/dev/null; then
      log "removing stale $pidfile"; as_root rm -f "$pidfile"
    fi
  done
  log "starting dockerd (log: $DOCKERD_LOG)"
  as_root sh -c "nohup dockerd >>'$DOCKERD_LOG' 2>&1 &"
  for _ in $(seq 1 60); do engine_up && { log "Docker engine is up"; return; }; sleep 1; done
  tail -n 30 "$DOCKERD_LOG" >&2 || true
  die "dockerd did not come up within 60 s (see $DOCKERD_LOG)"
}

ensure_base() {
  if docker image inspect "$BASE_IMAGE" >/dev/null 2>&1; then log "base image $BASE_IMAGE present"; echo "$BASE_IMAGE"; return; fi
  if docker image inspect "$LOCAL_BASE" >/dev/null 2>&1; then log "local base image $LOCAL_BASE present"; echo "$LOCAL_BASE"; return; fi
  if timeout 60 docker pull -q "$BASE_IMAGE" >/dev/null 2>&1; then log "pulled $BASE_IMAGE"; echo "$BASE_IMAGE"; return; fi
  log "cannot pull $BASE_IMAGE: building $LOCAL_BASE with debootstrap"
  command -v debootstrap >/dev/null || apt_install debootstrap
  local dir; dir=$(mktemp -d /tmp/natlab-base.XXXXXX)
  local mirror; mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  [ -n "$mirror" ] || mirror=$(awk '$1=="deb"{print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  [ -n "$mirror" ] || mirror=http://deb.debian.org/debian
  as_root debootstrap --variant=minbase bookworm "$dir" "$mirror" >/tmp/natlab-debootstrap.log 2>&1 \
    || { tail -n 20 /tmp/natlab-debootstrap.log >&2; die "debootstrap failed"; }
  as_root sh -c "tar -C '$dir' -c . | docker import -c 'CMD [\"bash\"]' - '$LOCAL_BASE'" >/dev/null
  as_root rm -rf "$dir"
  log "built $LOCAL_BASE"
  echo "$LOCAL_BASE"
}

# The env file's lines: the base image, and Testcontainers' switches where no registry answers.
env_lines() {
  echo "NATLAB_BASE_IMAGE=$1"
  if docker image inspect "$RYUK_IMAGE" >/dev/null 2>&1 || timeout 60 docker pull -q "$RYUK_IMAGE" >/dev/null 2>&1; then
    log "registry reachable: Testcontainers runs its reaper Ryuk"
  else
    log "no registry ($RYUK_IMAGE cannot be pulled): Ryuk off, nat-lab cleans up by itself"
    echo "TESTCONTAINERS_RYUK_DISABLED=true"
    echo "TESTCONTAINERS_HOST_OVERRIDE=localhost"
    echo "TESTCONTAINERS_CHECKS_DISABLE=true"
  fi
}

write_env_file() {
  local tmp; tmp=$(mktemp)
  { echo "# written by docker/prepare-host.sh on $(date -u +%Y-%m-%dT%H:%M:%SZ); read by mvn verify and nat-lab.jar"
    echo "# (a variable exported in the environment wins); rerun docker/prepare-host.sh to refresh it"
    cat; } >"$tmp"
  as_root mkdir -p "$(dirname "$ENV_FILE")"
  as_root install -m 644 "$tmp" "$ENV_FILE"
  rm -f "$tmp"
  log "wrote $ENV_FILE"
}

ensure_engine
base=$(ensure_base)
lines=$(env_lines "$base")
printf '%s\n' "$lines" | write_env_file
printf '%s\n' "$lines"
