# shellcheck shell=bash
# rxcharm/postgres: Debian's PostgreSQL 15 server and client tools (initdb, pg_ctl, psql,
# pg_isready), its extension libraries minus the LLVM JIT (libLLVM alone is larger than the rest of
# the image; JIT just reports itself unavailable), the share dir, tzdata, busybox for the
# entrypoint, user `postgres` (uid 999). Port 5432, data volume /var/lib/postgresql/data.

PG_MAJOR=15
PG_HOME=/usr/lib/postgresql/$PG_MAJOR
PG_SHARE=/usr/share/postgresql/$PG_MAJOR
PG_TOOLS="postgres initdb pg_ctl psql pg_isready"

sha_postgres() {
  require_debian_package "postgresql-$PG_MAJOR" "$PG_HOME/bin/postgres"
  require_debian_package busybox-static "$BUSYBOX_BIN"
  require_debian_package tzdata /usr/share/zoneinfo/UTC
  hash_inputs "$IMAGES_DIR/lib/rootfs.sh" "$IMAGES_DIR/recipes/postgres.sh" \
    "$IMAGES_DIR/files/postgres-entrypoint.sh" \
    "postgresql-$PG_MAJOR=$(package_version "postgresql-$PG_MAJOR")" \
    "busybox-static=$(package_version busybox-static)"
}

build_postgres() {
  local root=$1 sha=$2 tool applet
  local -a elves=()
  rootfs_init "$root"
  rootfs_add_user "$root" postgres 999 /var/lib/postgresql

  for tool in $PG_TOOLS; do elves+=("$PG_HOME/bin/$tool"); done
  for lib in "$PG_HOME"/lib/*.so; do
    case "$(basename "$lib")" in llvmjit*) continue ;; esac
    elves+=("$lib")
  done
  rootfs_add_elf "$root" "${elves[@]}"
  rootfs_copy "$root" "$PG_SHARE" /usr/share/zoneinfo

  # busybox provides the shell and the few utilities the entrypoint uses (sed, mkdir, chmod, rm).
  cp "$BUSYBOX_BIN" "$root/bin/busybox"
  for applet in sh sed mkdir chmod rm cat ls sleep; do ln -s busybox "$root/bin/$applet"; done
  install -m 0755 "$IMAGES_DIR/files/postgres-entrypoint.sh" "$root/usr/bin/postgres-entrypoint"

  mkdir -p "$root/var/lib/postgresql/data" "$root/var/run/postgresql"
  chown -R 999:999 "$root/var/lib/postgresql" "$root/var/run/postgresql"
  chmod 0700 "$root/var/lib/postgresql/data"
  chmod 2775 "$root/var/run/postgresql"

  rootfs_import "$root" rxcharm/postgres "$sha" \
    --change "ENV PATH=$PG_HOME/bin:/usr/bin:/bin" \
    --change 'ENV PGDATA=/var/lib/postgresql/data' \
    --change 'ENV TZ=UTC' \
    --change 'USER postgres' \
    --change 'WORKDIR /var/lib/postgresql' \
    --change 'VOLUME /var/lib/postgresql/data' \
    --change 'EXPOSE 5432' \
    --change 'ENTRYPOINT ["/usr/bin/postgres-entrypoint"]' \
    --change 'CMD []'
}
