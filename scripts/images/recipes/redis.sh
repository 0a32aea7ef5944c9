# shellcheck shell=bash
# rxcharm/redis: Debian's redis-server with its libraries, a busybox `sh` for the entrypoint, user
# `redis` (uid 999) owning the /data volume. Port 6379; REDIS_PASSWORD enables AUTH.

REDIS_BIN=/usr/bin/redis-server

sha_redis() {
  require_debian_package redis-server "$REDIS_BIN"
  require_debian_package busybox-static "$BUSYBOX_BIN"
  hash_inputs "$IMAGES_DIR/lib/rootfs.sh" "$IMAGES_DIR/recipes/redis.sh" \
    "$IMAGES_DIR/files/redis-entrypoint.sh" \
    "redis-server=$(package_version redis-server)" "busybox-static=$(package_version busybox-static)"
}

build_redis() {
  local root=$1 sha=$2
  rootfs_init "$root"
  rootfs_add_user "$root" redis 999 /data
  rootfs_add_elf "$root" "$REDIS_BIN"
  cp "$BUSYBOX_BIN" "$root/bin/busybox"
  ln -s busybox "$root/bin/sh"
  install -m 0755 "$IMAGES_DIR/files/redis-entrypoint.sh" "$root/usr/bin/redis-entrypoint"
  mkdir -p "$root/data"
  chown 999:999 "$root/data"
  rootfs_import "$root" rxcharm/redis "$sha" \
    --change 'ENV PATH=/usr/bin:/bin' \
    --change 'USER redis' \
    --change 'WORKDIR /data' \
    --change 'VOLUME /data' \
    --change 'EXPOSE 6379' \
    --change 'ENTRYPOINT ["/usr/bin/redis-entrypoint"]' \
    --change 'CMD []'
}
