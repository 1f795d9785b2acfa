#!/usr/bin/env bash
# Prepares a container engine for Testcontainers on a machine that has no Docker engine and no
# image registry (like our CI machines): Podman from the Debian packages, the runc runtime, a
# PostgreSQL image built locally from the Debian mirror that apt already uses, and Podman's
# Docker-compatible API on a Unix socket.
#
# Usage:
#   if engine_env="$(scripts/container-engine.sh)"; then eval "$engine_env"; fi
#
# On success it prints, on stdout and nothing else, the lines to evaluate:
#   export DOCKER_HOST=unix:///run/podman/podman.sock
#   export TESTCONTAINERS_RYUK_DISABLED=true
#   export PYRAMID_POSTGRES_IMAGE=localhost/pyramid-postgres:15
# and the caller passes -Dpyramid.postgres.image="$PYRAMID_POSTGRES_IMAGE" to Maven. Progress goes
# to stderr. Idempotent: a second run skips what is done (packages, configuration, image, service)
# and takes seconds; the Debian root file system is cached in /var/cache/pyramid.
#
# Exit codes:
#   0  the engine answers and the image runs PostgreSQL on a published port
#   2  usage error
#   3  the engine could not be prepared (a banner on stderr says why); tests still run against
#      embedded PostgreSQL, so a caller counts that run and carries on
#
# Needs root (or passwordless sudo), apt and a Debian mirror in the apt sources. On a machine
# with Docker none of this is needed: Testcontainers uses Docker and the standard postgres image.
# Environment: PYRAMID_DEBIAN_MIRROR overrides the mirror read from the apt sources;
# PYRAMID_CACHE_DIR overrides /var/cache/pyramid.
set -Eeuo pipefail

readonly IMAGE="localhost/pyramid-postgres:15"
readonly SOCKET="/run/podman/podman.sock"
readonly CACHE_DIR="${PYRAMID_CACHE_DIR:-/var/cache/pyramid}"
readonly ROOTFS_TAR="$CACHE_DIR/bookworm-postgresql-15.rootfs.tar"
readonly SERVICE_LOG="$CACHE_DIR/podman-service.log"
readonly CONTAINERS_CONF="/etc/containers/containers.conf"
readonly MANAGED_MARK="# Managed by pyramid scripts/container-engine.sh"
readonly SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly ENTRYPOINT="$SCRIPT_DIR/postgres-image/docker-entrypoint.sh"
readonly EXIT_NOT_PREPARED=3

log() { printf '[container-engine] %s\n' "$*" >&2; }

banner() {
  {
    echo
    echo "############################################################################"
    echo "##  CONTAINER ENGINE NOT PREPARED: Testcontainers cannot run on this machine."
    echo "##  Why: $*"
    echo "##  Tests still run against embedded PostgreSQL (provider auto or embedded);"
    echo "##  the testcontainers provider is NOT exercised by this build."
    echo "##  Details above; log of the API service: $SERVICE_LOG"
    echo "############################################################################"
    echo
  } >&2
}

fail() {
  banner "$*"
  exit "$EXIT_NOT_PREPARED"
}

# Runs a long, chatty command with its output in $CACHE_DIR/<name>.log; shows the end on failure.
quietly() {
  local name=$1 status=0
  shift
  "$@" >"$CACHE_DIR/$name.log" 2>&1 || status=$?
  if ((status != 0)); then
    tail -n 40 "$CACHE_DIR/$name.log" >&2
    log "'$*' failed (exit $status); full output in $CACHE_DIR/$name.log"
  fi
  return "$status"
}

trap 'fail "step failed (exit $?) at line $LINENO: $BASH_COMMAND"' ERR

case "${1:-}" in
  "") ;;
  -h | --help)
    sed -n '2,/^set -E/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
    exit 0
    ;;
  *)
    echo "Unknown argument '$1'. Usage: scripts/container-engine.sh (no arguments); see --help." >&2
    exit 2
    ;;
esac

if [[ $EUID -ne 0 ]]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    exec sudo -n --preserve-env=PYRAMID_DEBIAN_MIRROR,PYRAMID_CACHE_DIR "$0" "$@"
  fi
  fail "it needs root (or passwordless sudo) to install Podman and run its service; run it as root."
fi

socket_answers() {
  [[ -S "$SOCKET" ]] && [[ "$(curl -fsS --max-time 3 --unix-socket "$SOCKET" http://d/_ping 2>/dev/null)" == "OK" ]]
}

print_environment() {
  echo "export DOCKER_HOST=unix://$SOCKET"
  echo "export TESTCONTAINERS_RYUK_DISABLED=true"
  echo "export PYRAMID_POSTGRES_IMAGE=$IMAGE"
}

# 1. Packages. Podman from Debian; runc because crun refuses this machine's cgroup layout;
#    iptables for published ports; debootstrap to build the image; curl to ask the socket.
install_packages() {
  local wanted=(podman runc iptables debootstrap curl) missing=() pkg
  for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if ((${#missing[@]} == 0)); then
    log "packages: ${wanted[*]} already installed"
    return
  fi
  log "packages: installing ${missing[*]} (apt-get)"
  command -v apt-get >/dev/null || fail "apt-get is missing: this script prepares Podman on Debian only."
  quietly apt-update env DEBIAN_FRONTEND=noninteractive apt-get update ||
    fail "apt-get update failed; the Debian mirror in the apt sources must be reachable."
  quietly apt-install env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" ||
    fail "apt-get install ${missing[*]} failed; see apt's output above."
}

# 2. Engine configuration: runc, cgroupfs (no systemd here) and ulimits postgres accepts.
configure_engine() {
  local wanted
  wanted="$(cat <<EOF
$MANAGED_MARK: edit that script, not this file.
[containers]
default_ulimits = ["nofile=20000:20000", "nproc=16384:16384"]

[engine]
cgroup_manager = "cgroupfs"
events_logger = "file"
runtime = "runc"
EOF
)"
  if [[ -f "$CONTAINERS_CONF" ]] && [[ "$(cat "$CONTAINERS_CONF")" == "$wanted" ]]; then
    log "configuration: $CONTAINERS_CONF already set"
    return
  fi
  mkdir -p "$(dirname "$CONTAINERS_CONF")"
  if [[ -f "$CONTAINERS_CONF" ]] && ! grep -qF "$MANAGED_MARK" "$CONTAINERS_CONF"; then
    cp "$CONTAINERS_CONF" "$CONTAINERS_CONF.before-pyramid"
    log "configuration: kept the previous file as $CONTAINERS_CONF.before-pyramid"
  fi
  printf '%s\n' "$wanted" >"$CONTAINERS_CONF"
  log "configuration: wrote $CONTAINERS_CONF (runtime runc, cgroupfs, ulimits)"
}

# 3. The Docker-compatible API on a Unix socket, left running for the test run that follows.
start_service() {
  if socket_answers; then
    log "service: $SOCKET already answers"
    return
  fi
  mkdir -p "$(dirname "$SOCKET")" "$CACHE_DIR"
  rm -f "$SOCKET"
  log "service: starting 'podman system service --time=0 unix://$SOCKET' (log: $SERVICE_LOG)"
  # 9>&-: the service outlives this script and must not hold its lock. From /: it outlives the
  # checkout too, and a service whose working directory was deleted starts no container ("write
  # child: broken pipe").
  env -C / setsid nohup podman system service --time=0 "unix://$SOCKET" >>"$SERVICE_LOG" 2>&1 </dev/null 9>&- &
  local deadline=$((SECONDS + 30))
  until socket_answers; do
    ((SECONDS < deadline)) || fail "podman system service did not answer on $SOCKET within 30 s; see $SERVICE_LOG."
    sleep 0.2
  done
  log "service: $SOCKET answers"
}

# The Debian mirror apt already uses, read from the apt sources (never written into the repository).
debian_mirror() {
  if [[ -n "${PYRAMID_DEBIAN_MIRROR:-}" ]]; then
    echo "$PYRAMID_DEBIAN_MIRROR"
    return
  fi
  local mirror=""
  shopt -s nullglob
  local sources=(/etc/apt/sources.list.d/*.sources)
  shopt -u nullglob
  if ((${#sources[@]})); then
    # deb822 stanzas: the first "Types: deb" stanza whose Suites include bookworm itself.
    mirror="$(awk '
      BEGIN { RS = ""; FS = "\n" }
      {
        types = ""; uris = ""; suites = ""
        for (i = 1; i <= NF; i++) {
          if ($i ~ /^#/) continue
          if ($i ~ /^Types:/) types = $i
          if ($i ~ /^URIs:/) { uris = $i; sub(/^URIs:[ \t]*/, "", uris); split(uris, u, /[ \t]+/); uris = u[1] }
          if ($i ~ /^Suites:/) suites = " " $i " "
        }
        if (types ~ /(^|[ \t])deb([ \t]|$)/ && suites ~ /[ \t]bookworm[ \t]/ && uris != "") { print uris; exit }
      }' "${sources[@]}")"
  fi
  if [[ -z "$mirror" && -f /etc/apt/sources.list ]]; then
    mirror="$(awk '$1 == "deb" {
        i = 2; if ($i ~ /^\[/) { while ($i !~ /\]$/) i++; i++ }
        if ($(i + 1) == "bookworm") { print $i; exit }
      }' /etc/apt/sources.list)"
  fi
  [[ -n "$mirror" ]] || fail "no Debian bookworm mirror found in /etc/apt/sources.list or /etc/apt/sources.list.d/*.sources; set PYRAMID_DEBIAN_MIRROR."
  echo "$mirror"
}

# 4a. A Debian bookworm root file system with PostgreSQL 15, cached as a tarball.
build_rootfs() {
  if [[ -s "$ROOTFS_TAR" ]]; then
    log "image: reusing cached root file system $ROOTFS_TAR"
    return
  fi
  local mirror root
  mirror="$(debian_mirror)" || exit "$EXIT_NOT_PREPARED" # debian_mirror printed the banner
  root="$(mktemp -d "$CACHE_DIR/rootfs.XXXXXX")"
  log "image: debootstrap bookworm (minbase) from the apt mirror $mirror into $root (about 2 min)"
  quietly debootstrap debootstrap --variant=minbase bookworm "$root" "$mirror" ||
    fail "debootstrap bookworm from $mirror failed; see its output above."
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  # No services may start inside the chroot, and no default cluster is wanted in the image.
  printf '#!/bin/sh\nexit 101\n' >"$root/usr/sbin/policy-rc.d"
  chmod +x "$root/usr/sbin/policy-rc.d"
  mkdir -p "$root/etc/postgresql-common/createcluster.d"
  echo "create_main_cluster = false" >"$root/etc/postgresql-common/createcluster.d/pyramid.conf"
  log "image: installing postgresql-15 in the root file system"
  quietly image-apt-install chroot "$root" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql-15 ||
    fail "apt-get install postgresql-15 inside the image failed; see its output above."
  chroot "$root" apt-get clean
  rm -rf "$root/var/lib/apt/lists/"* "$root/usr/sbin/policy-rc.d" "$root/etc/resolv.conf"
  tar -C "$root" -cf "$ROOTFS_TAR.partial" .
  mv "$ROOTFS_TAR.partial" "$ROOTFS_TAR"
  rm -rf "$root"
  log "image: cached $ROOTFS_TAR ($(du -h "$ROOTFS_TAR" | cut -f1))"
}

# The image carries a label with the recipe's hash: a changed entrypoint means a new image.
recipe_hash() {
  sha256sum "$ENTRYPOINT" | cut -c1-16
}

# 4b. The image: the cached root file system plus the entrypoint, imported into Podman.
import_image() {
  local want have
  want="$(recipe_hash)"
  have="$(podman image inspect --format '{{ index .Labels "dev.pyramid.recipe" }}' "$IMAGE" 2>/dev/null || true)"
  if [[ "$have" == "$want" ]]; then
    log "image: $IMAGE exists (recipe $want)"
    return
  fi
  build_rootfs
  local staging tarball
  staging="$(mktemp -d "$CACHE_DIR/entrypoint.XXXXXX")"
  tarball="$staging/image.tar"
  mkdir -p "$staging/usr/local/bin"
  install -m 0755 "$ENTRYPOINT" "$staging/usr/local/bin/docker-entrypoint.sh"
  cp "$ROOTFS_TAR" "$tarball"
  tar -C "$staging" -rf "$tarball" ./usr/local/bin/docker-entrypoint.sh
  log "image: importing $IMAGE (recipe $want)"
  podman import \
    --change 'ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'ENV PGDATA=/var/lib/postgresql/data' \
    --change 'ENV LANG=C.UTF-8' \
    --change 'EXPOSE 5432' \
    --change 'STOPSIGNAL SIGINT' \
    --change "LABEL dev.pyramid.recipe=$want" \
    --change 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' \
    --change 'CMD ["postgres"]' \
    "$tarball" "$IMAGE" >"$CACHE_DIR/podman-import.log" 2>&1 ||
    fail "podman import failed; see $CACHE_DIR/podman-import.log."
  rm -rf "$staging"
}

# 5. Proof that it works: PostgreSQL from the image answers on a published port.
smoke_test() {
  local name="pyramid-engine-check-$$" port deadline
  podman rm -f "$name" >/dev/null 2>&1 || true
  podman run -d --name "$name" -p 127.0.0.1::5432 -e POSTGRES_PASSWORD=check "$IMAGE" >/dev/null ||
    fail "podman could not run $IMAGE; see its error above."
  port="$(podman port "$name" 5432/tcp | sed 's/.*://')"
  deadline=$((SECONDS + 60))
  until [[ "$(podman logs "$name" 2>&1 | grep -c 'database system is ready to accept connections')" -ge 2 ]] &&
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    if ((SECONDS >= deadline)); then
      podman logs "$name" >&2 || true
      podman rm -f "$name" >/dev/null 2>&1 || true
      fail "PostgreSQL in $IMAGE did not accept connections on 127.0.0.1:$port within 60 s; its log is above."
    fi
    sleep 0.5
  done
  podman rm -f "$name" >/dev/null
  log "check: PostgreSQL from $IMAGE answered on a published port (127.0.0.1:$port)"
}

main() {
  local started=$SECONDS
  mkdir -p "$CACHE_DIR"
  exec 9>"$CACHE_DIR/container-engine.lock"
  flock 9 # one preparation at a time; a second caller waits and then finds everything done
  install_packages
  configure_engine
  import_image
  start_service
  smoke_test
  log "ready in $((SECONDS - started)) s: DOCKER_HOST=unix://$SOCKET, image $IMAGE"
  print_environment
}

main
