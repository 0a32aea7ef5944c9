#!/bin/sh
# rxcharm/redis entrypoint: listen on every interface of the container (the network boundary is the
# container's), and require a password only when REDIS_PASSWORD is set. Extra arguments are passed
# to redis-server. `exec` keeps redis-server as PID 1 so it receives SIGTERM and exits after saving.
set -e
if [ -n "${REDIS_PASSWORD:-}" ]; then
  exec /usr/bin/redis-server --bind 0.0.0.0 --port 6379 --protected-mode no --dir /data \
    --requirepass "$REDIS_PASSWORD" "$@"
fi
exec /usr/bin/redis-server --bind 0.0.0.0 --port 6379 --protected-mode no --dir /data "$@"
