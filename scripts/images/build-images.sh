#!/usr/bin/env bash
# Builds rxcharm's local Docker images without any registry: root filesystems assembled from Debian
# binaries and their libraries, loaded with `docker import` (busybox, redis, postgres, node), and
# the voting-app workload images (vote, worker, result) as rxcharm/node plus one esbuild bundle.
#
#   bash scripts/images/build-images.sh [--force] [name...]
#
# names: busybox redis postgres node haproxy vote worker result (default: all). Every image carries the
# label rxcharm.image-source-sha, a hash of its inputs; an image whose label matches is skipped
# unless --force is given, and a changed input (script, package version, workload source) rebuilds
# it. Concurrent runs are serialised with a lock so parallel test suites can all call this script.
set -euo pipefail

IMAGES_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(cd "$IMAGES_DIR/../.." && pwd)
ALL_IMAGES=(busybox redis postgres node haproxy vote worker result)
FORCE=0

# shellcheck source=lib/common.sh
. "$IMAGES_DIR/lib/common.sh"
# shellcheck source=lib/rootfs.sh
. "$IMAGES_DIR/lib/rootfs.sh"
for recipe in busybox redis postgres node haproxy app; do
  # shellcheck source=/dev/null
  . "$IMAGES_DIR/recipes/$recipe.sh"
done

usage() {
  sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//'
}

requested=()
while [ $# -gt 0 ]; do
  case "$1" in
    --force | -f) FORCE=1 ;;
    --help | -h)
      usage
      exit 0
      ;;
    -*) die "unknown option '$1' (usage: build-images.sh [--force] [name...])" ;;
    *)
      case " ${ALL_IMAGES[*]} " in
        *" $1 "*) requested+=("$1") ;;
        *) die "unknown image '$1'; known images: ${ALL_IMAGES[*]}" ;;
      esac
      ;;
  esac
  shift
done
[ ${#requested[@]} -gt 0 ] || requested=("${ALL_IMAGES[@]}")

command -v docker >/dev/null || die "the docker CLI is missing (apt-get install -y docker.io)"
docker version --format '{{.Server.Version}}' >/dev/null 2>&1 ||
  die "cannot reach the Docker daemon (is dockerd running and DOCKER_HOST right?)"
command -v ldd >/dev/null || die "ldd is missing (apt-get install -y libc-bin)"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/rxcharm-images.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# One build at a time per machine: two runs importing the same tag would race.
exec 9>"${TMPDIR:-/tmp}/rxcharm-build-images.lock"
flock 9

# build_one NAME FORCE_THIS: build NAME unless it is current; prints a summary line.
build_one() {
  local name=$1 force_this=$2 sha started bundle size old_id
  local FORCE=$force_this
  started=$(date +%s.%N)
  case "$name" in
    vote | worker | result)
      bundle="$WORK/$name.js"
      bundle_app "$name" "$bundle"
      sha=$(sha_app "$name" "$bundle")
      ;;
    *) sha=$("sha_$name") ;;
  esac
  if image_is_current "rxcharm/$name" "$sha"; then
    log "rxcharm/$name is up to date (${sha:0:12})"
    return 0
  fi
  log "building rxcharm/$name (${sha:0:12})"
  old_id=$(docker image inspect -f '{{.Id}}' "rxcharm/$name:latest" 2>/dev/null || true)
  case "$name" in
    vote | worker | result) build_app "$name" "$bundle" "$sha" "$WORK/ctx-$name" ;;
    *) "build_$name" "$WORK/rootfs-$name" "$sha" ;;
  esac
  rm -rf "$WORK/rootfs-$name" "$WORK/ctx-$name"
  # The replaced image is now untagged; drop it unless a container or child image still uses it.
  if [ -n "$old_id" ] && [ "$old_id" != "$(docker image inspect -f '{{.Id}}' "rxcharm/$name:latest")" ]; then
    docker image rm "$old_id" >/dev/null 2>&1 || REPLACED+=("$old_id")
  fi
  size=$(docker image inspect -f '{{.Size}}' "rxcharm/$name:latest")
  log "built rxcharm/$name: $((size / 1000000)) MB in $(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }') s"
}

REPLACED=()
needs_node=0
for name in "${requested[@]}"; do
  case "$name" in vote | worker | result) needs_node=1 ;; esac
done
# The app images sit on rxcharm/node: make sure it exists (and is current) first, even when only an
# app was named. --force applies to the names given, not to this dependency.
if [ "$needs_node" = 1 ] && [[ " ${requested[*]} " != *" node "* ]]; then
  build_one node 0
fi
for name in "${ALL_IMAGES[@]}"; do
  [[ " ${requested[*]} " == *" $name "* ]] && build_one "$name" "$FORCE"
done
# A replaced rxcharm/node could not go while the old app images sat on it; they are gone now.
for old_id in "${REPLACED[@]}"; do
  docker image rm "$old_id" >/dev/null 2>&1 || true
done
exit 0
