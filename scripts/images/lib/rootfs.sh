# shellcheck shell=bash
# Root filesystem assembly shared by every image recipe.
#
# An image here is a directory tree that we fill with host binaries, the shared libraries `ldd`
# reports for them and the dynamic loader, then stream into `docker import`. Nothing is downloaded:
# the binaries come from Debian packages installed on the build machine.

# rootfs_init DIR: an empty tree with the directories every program expects (a sticky /tmp, /etc
# with a root-only passwd/group so libc user lookups work).
rootfs_init() {
  local root=$1
  rm -rf "$root"
  mkdir -p "$root"/{bin,etc,tmp,usr/bin,usr/lib,lib64,var/run,dev,proc,sys}
  chmod 1777 "$root/tmp"
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/false\n' \
    >"$root/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$root/etc/group"
  printf 'passwd: files\ngroup: files\nhosts: files dns\n' >"$root/etc/nsswitch.conf"
}

# rootfs_add_user DIR NAME UID HOME: a system user with the same-numbered group.
rootfs_add_user() {
  local root=$1 name=$2 uid=$3 home=$4
  printf '%s:x:%s:%s:%s:%s:/bin/sh\n' "$name" "$uid" "$uid" "$name" "$home" >>"$root/etc/passwd"
  printf '%s:x:%s:\n' "$name" "$uid" >>"$root/etc/group"
}

# rootfs_copy DIR PATH...: copy files or trees at the same absolute path inside DIR. Symlinked
# files are copied as their targets (-L) so the tree never points outside itself.
rootfs_copy() {
  local root=$1 path
  shift
  for path in "$@"; do
    [ -e "$path" ] || die "rootfs: $path does not exist on this machine"
    # Not `cp --parents`: on merged-/usr systems /lib is a symlink, which --parents mishandles.
    mkdir -p "$root$(dirname "$path")"
    cp -a -L "$path" "$root$path"
  done
}

# elf_deps FILE...: the absolute paths of the shared libraries and loader each ELF file needs,
# one a line. Static binaries and non-ELF files contribute nothing.
elf_deps() {
  local file
  for file in "$@"; do
    # `ldd` exits non-zero for static executables; that is not an error here.
    ldd "$file" 2>/dev/null | awk '
      $2 == "=>" && $3 ~ /^\// { print $3; next }
      $1 ~ /^\// { print $1 }
    ' || true
  done | sort -u
}

# rootfs_add_elf DIR FILE...: copy ELF binaries or libraries and everything they link against.
# `ldd` already resolves the transitive closure, so one pass is enough.
rootfs_add_elf() {
  local root=$1
  shift
  local dep missing
  rootfs_copy "$root" "$@"
  while IFS= read -r dep; do
    [ -n "$dep" ] || continue
    [ -e "$root$dep" ] || rootfs_copy "$root" "$dep"
  done < <(elf_deps "$@")
  missing=$(for f in "$@"; do ldd "$f" 2>/dev/null | grep 'not found' || true; done)
  [ -z "$missing" ] || die "rootfs: unresolved libraries for $*: $missing"
}

# rootfs_import DIR IMAGE SHA [--change INSTR]...: stream DIR into `docker import` as IMAGE:latest,
# labelled with the hash of its inputs so the next run can tell whether it is current.
rootfs_import() {
  local root=$1 image=$2 sha=$3
  shift 3
  tar --numeric-owner -C "$root" -c . |
    docker import \
      --change "LABEL rxcharm.image-source-sha=$sha" \
      --change "LABEL org.opencontainers.image.source=rxcharm/scripts/images" \
      "$@" - "$image:latest" >/dev/null
}
