# shellcheck shell=bash
# rxcharm/node: this machine's `node` binary and its libraries at /usr/bin/node, nothing else (no
# shell, no npm). The vote, worker and result images add one bundled script each on top of it.

NODE_BIN=${NODE_BIN:-$(command -v node || true)}

sha_node() {
  [ -n "$NODE_BIN" ] && [ -x "$NODE_BIN" ] ||
    die "node is missing: install the Debian package 'nodejs' (apt-get install -y nodejs)"
  # The binary may come from Debian or elsewhere (nodesource, a tarball): hash its version and size
  # rather than a package version.
  hash_inputs "$IMAGES_DIR/lib/rootfs.sh" "$IMAGES_DIR/recipes/node.sh" \
    "node=$("$NODE_BIN" --version)" "node-size=$(stat -L -c %s "$NODE_BIN")"
}

build_node() {
  local root=$1 sha=$2
  rootfs_init "$root"
  rootfs_add_user "$root" node 1000 /app
  rootfs_add_elf "$root" "$NODE_BIN"
  if [ "$NODE_BIN" != /usr/bin/node ]; then
    mv "$root$NODE_BIN" "$root/usr/bin/node"
  fi
  mkdir -p "$root/app"
  rootfs_import "$root" rxcharm/node "$sha" \
    --change 'ENV PATH=/usr/bin:/bin' \
    --change 'ENV NODE_ENV=production' \
    --change 'WORKDIR /app' \
    --change 'ENTRYPOINT ["/usr/bin/node"]' \
    --change 'CMD ["--version"]'
}
