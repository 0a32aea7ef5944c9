# shellcheck shell=bash
# rxcharm/haproxy: Debian's haproxy with its libraries and a busybox `sh`. It runs in master-worker
# mode in the foreground, reading /usr/local/etc/haproxy/haproxy.cfg (a directory the proxy charm
# bind-mounts, so an atomically replaced file is seen); SIGUSR2 to the container reloads the
# configuration without dropping established connections (the old worker finishes them).

HAPROXY_BIN=/usr/sbin/haproxy

sha_haproxy() {
  require_debian_package haproxy "$HAPROXY_BIN"
  require_debian_package busybox-static "$BUSYBOX_BIN"
  hash_inputs "$IMAGES_DIR/lib/rootfs.sh" "$IMAGES_DIR/recipes/haproxy.sh" \
    "haproxy=$(package_version haproxy)" "busybox-static=$(package_version busybox-static)"
}

build_haproxy() {
  local root=$1 sha=$2
  rootfs_init "$root"
  rootfs_add_elf "$root" "$HAPROXY_BIN"
  cp "$BUSYBOX_BIN" "$root/bin/busybox"
  ln -s busybox "$root/bin/sh"
  mkdir -p "$root/usr/local/etc/haproxy" "$root/run"
  # A configuration that starts (and answers 503) until the charm mounts its own directory.
  cat >"$root/usr/local/etc/haproxy/haproxy.cfg" <<'CFG'
global
  log stdout format raw local0
defaults
  mode http
  timeout connect 5s
  timeout client 30s
  timeout server 30s
frontend placeholder
  bind :8080
  http-request return status 503 content-type text/plain string "no configuration yet"
CFG
  rootfs_import "$root" rxcharm/haproxy "$sha" \
    --change 'ENV PATH=/usr/sbin:/usr/bin:/bin' \
    --change 'EXPOSE 8080' \
    --change 'ENTRYPOINT ["/usr/sbin/haproxy", "-W", "-db", "-f", "/usr/local/etc/haproxy/haproxy.cfg"]' \
    --change 'CMD []'
}
