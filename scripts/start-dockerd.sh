#!/usr/bin/env bash
# Starts Debian's dockerd in the background (if no engine answers yet) and waits until it does.
set -euo pipefail
if docker info >/dev/null 2>&1; then
  echo "docker: engine already answering"
  exit 0
fi
log=${DOCKERD_LOG:-/tmp/dockerd.log}
nohup dockerd >"$log" 2>&1 &
for _ in $(seq 1 60); do
  if docker info >/dev/null 2>&1; then
    echo "docker: engine answering ($(docker version --format '{{.Server.Version}}'))"
    exit 0
  fi
  sleep 1
done
echo "docker: dockerd did not answer within 60 s; last lines of $log:" >&2
tail -n 30 "$log" >&2
exit 1
