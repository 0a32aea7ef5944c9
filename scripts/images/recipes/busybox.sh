# shellcheck shell=bash
# rxcharm/busybox: the static busybox binary and a link per applet (sh, sleep, httpd, ...). About
# 2 MB; the compose-engine tests use it. It has no init: run it with `init: true` or a command that
# handles SIGTERM, otherwise every stop waits for the kill timeout.

BUSYBOX_BIN=/bin/busybox

sha_busybox() {
  require_debian_package busybox-static "$BUSYBOX_BIN"
  hash_inputs "$IMAGES_DIR/lib/rootfs.sh" "$IMAGES_DIR/recipes/busybox.sh" \
    "busybox-static=$(package_version busybox-static)"
}

build_busybox() {
  local root=$1 sha=$2 applet
  # The image has no libc, so only the static build works (the dynamic `busybox` package would not).
  [ -z "$(elf_deps "$BUSYBOX_BIN")" ] ||
    die "$BUSYBOX_BIN is dynamically linked: apt-get install -y busybox-static"
  rootfs_init "$root"
  cp "$BUSYBOX_BIN" "$root/bin/busybox"
  for applet in $("$BUSYBOX_BIN" --list); do
    [ "$applet" = busybox ] || ln -sf busybox "$root/bin/$applet"
  done
  rootfs_import "$root" rxcharm/busybox "$sha" \
    --change 'ENV PATH=/bin:/usr/bin' \
    --change 'CMD ["/bin/sh"]'
}
