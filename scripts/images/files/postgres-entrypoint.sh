#!/bin/sh
# rxcharm/postgres entrypoint, following the official image's environment contract:
#   POSTGRES_USER (default postgres)      superuser created by initdb
#   POSTGRES_PASSWORD                      its password; empty means host auth `trust` (with a
#                                          warning), as the old postgres:9.x images did
#   POSTGRES_DB (default $POSTGRES_USER)   database created on first start
#   POSTGRES_HOST_AUTH_METHOD              overrides the pg_hba method for remote hosts
#   PGDATA (default /var/lib/postgresql/data)
# The cluster is initialised only when PGDATA holds none, so a volume keeps its data across
# container re-creation. Postgres runs as a child so that SIGTERM (docker stop) can be turned into
# SIGINT, the "fast" shutdown: SIGTERM alone is the "smart" mode, which waits for clients such as
# the worker to disconnect and would make every stop hit the kill timeout.
set -eu

: "${PGDATA:=/var/lib/postgresql/data}"
: "${POSTGRES_USER:=postgres}"
: "${POSTGRES_PASSWORD:=}"
: "${POSTGRES_DB:=$POSTGRES_USER}"
export PGDATA

if [ -z "${POSTGRES_HOST_AUTH_METHOD:-}" ]; then
  if [ -n "$POSTGRES_PASSWORD" ]; then
    POSTGRES_HOST_AUTH_METHOD=scram-sha-256
  else
    POSTGRES_HOST_AUTH_METHOD=trust
    echo "postgres-entrypoint: WARNING: POSTGRES_PASSWORD is empty; any host may connect without a password" >&2
  fi
fi

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  echo "postgres-entrypoint: initialising a cluster in $PGDATA for user $POSTGRES_USER"
  mkdir -p "$PGDATA"
  chmod 0700 "$PGDATA"
  pwfile=/tmp/pgpass.$$
  # The password travels through a 0600 file, never a command line visible in `ps`.
  (umask 077 && printf '%s\n' "$POSTGRES_PASSWORD" >"$pwfile")
  if [ -n "$POSTGRES_PASSWORD" ]; then
    initdb -D "$PGDATA" -U "$POSTGRES_USER" --pwfile="$pwfile" --encoding=UTF8 --locale=C \
      --auth-local=trust --auth-host="$POSTGRES_HOST_AUTH_METHOD" >/dev/null
  else
    initdb -D "$PGDATA" -U "$POSTGRES_USER" --encoding=UTF8 --locale=C \
      --auth-local=trust --auth-host="$POSTGRES_HOST_AUTH_METHOD" >/dev/null
  fi
  rm -f "$pwfile"
  {
    echo "# rxcharm/postgres: other containers reach the server over the project network."
    echo "host all all 0.0.0.0/0 $POSTGRES_HOST_AUTH_METHOD"
    echo "host all all ::/0 $POSTGRES_HOST_AUTH_METHOD"
  } >>"$PGDATA/pg_hba.conf"
  echo "listen_addresses = '*'" >>"$PGDATA/postgresql.conf"

  if [ "$POSTGRES_DB" != postgres ]; then
    # A socket-only server so nothing can connect before the database exists.
    pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start >/dev/null
    # Identifier quoting: double any double quote in the name.
    quoted=$(printf '%s' "$POSTGRES_DB" | sed 's/"/""/g')
    psql -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d postgres -q \
      -c "CREATE DATABASE \"$quoted\"" >/dev/null
    pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
  fi
  echo "postgres-entrypoint: cluster ready"
fi

postgres -D "$PGDATA" "$@" &
pid=$!
trap 'kill -INT "$pid" 2>/dev/null' TERM INT
# The first wait returns when a trapped signal arrives; the second collects the exit status.
status=0
wait "$pid" || status=$?
if kill -0 "$pid" 2>/dev/null; then
  status=0
  wait "$pid" || status=$?
fi
exit "$status"
