# shellcheck shell=bash
# Logging, prerequisite checks and the "is this image current?" test shared by the recipes.

log() { printf '[images] %s\n' "$*" >&2; }
die() {
  printf '[images] error: %s\n' "$*" >&2
  exit 1
}

# require_debian_package PKG PATH: fail with the apt-get command that fixes it when PATH (a file the
# recipe copies) is missing.
require_debian_package() {
  local pkg=$1 path=$2
  [ -e "$path" ] ||
    die "$path is missing: install the Debian package '$pkg' (apt-get install -y $pkg)"
}

# package_version PKG: the installed Debian version, part of an image's input hash so an upgraded
# package rebuilds the image.
package_version() {
  dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo "unknown"
}

# hash_inputs STRING_OR_FILE...: sha256 over file contents (for existing files) and literal strings
# otherwise, in order.
hash_inputs() {
  local item
  for item in "$@"; do
    if [ -f "$item" ]; then
      # Name files by repo-relative path, or basename for temporary files (a bundle in a fresh
      # mktemp dir), so the hash depends on content, not on where this run happened to work.
      case "$item" in
        "$REPO_DIR"/*) printf 'file:%s\n' "${item#"$REPO_DIR"/}" ;;
        *) printf 'file:%s\n' "$(basename "$item")" ;;
      esac
      cat "$item"
    else
      printf 'str:%s\n' "$item"
    fi
  done | sha256sum | cut -c1-64
}

# image_sha IMAGE: the input hash recorded on IMAGE:latest, empty when the image does not exist.
image_sha() {
  docker image inspect -f '{{ index .Config.Labels "rxcharm.image-source-sha" }}' "$1:latest" \
    2>/dev/null || true
}

# image_is_current IMAGE SHA: true when IMAGE exists with the same input hash and --force is off.
image_is_current() {
  [ "$FORCE" = 0 ] && [ "$(image_sha "$1")" = "$2" ]
}
