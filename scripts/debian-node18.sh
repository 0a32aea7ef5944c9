#!/bin/sh
# Unpacks Debian bookworm's own Node.js 18 (the oldest Node.js the built charms target) into a
# prefix, without installing it: `scripts/debian-node18.sh DIR` leaves DIR/node, a wrapper that
# runs it. CI runs the built voting-app's hooks with it (RXCHARM_TEST_NODE18=DIR/node).
# The packages are the ones `apt-get install nodejs` would pull in on bookworm. node-acorn,
# node-cjs-module-lexer and node-undici hold builtins that Debian's build loads from the fixed
# path /usr/share/nodejs, so the wrapper runs Node in a private mount namespace (root, util-linux
# `unshare`) with the prefix's /usr/share/nodejs bound there; the machine's own stays untouched
# (an empty directory is created as the mount point when there is none).
set -eu
dir=${1:?usage: scripts/debian-node18.sh DIR}
version=$(apt-cache madison nodejs | awk '$3 ~ /^18\./ { print $3; exit }')
if [ -z "$version" ]; then
  apt-get update -qq >&2
  version=$(apt-cache madison nodejs | awk '$3 ~ /^18\./ { print $3; exit }')
fi
[ -n "$version" ] || { echo "debian-node18: no nodejs 18 in the apt sources (bookworm has it)" >&2; exit 1; }
mkdir -p "$dir/debs" "$dir/root"
cd "$dir/debs"
apt-get download "nodejs=$version" libnode108 libc-ares2 libuv1 node-acorn node-cjs-module-lexer node-undici >&2
for deb in ./*.deb; do dpkg-deb -x "$deb" "$dir/root"; done
lib=$(dirname "$(find "$dir/root/usr/lib" -name 'libnode.so.*' | head -n 1)")
[ -d /usr/share/nodejs ] || mkdir -p /usr/share/nodejs
cat > "$dir/node" <<WRAPPER
#!/bin/sh
LD_LIBRARY_PATH="$lib\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}" exec unshare --mount --propagation private \\
  sh -c 'mount --bind "$dir/root/usr/share/nodejs" /usr/share/nodejs && exec "$dir/root/usr/bin/node" "\$@"' node "\$@"
WRAPPER
chmod 755 "$dir/node"
"$dir/node" -e 'console.log(process.version)'
