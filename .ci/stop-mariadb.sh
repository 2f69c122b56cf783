#!/usr/bin/env bash
# Stops a MariaDB started by .ci/start-mariadb.sh and removes its files.
# Usage: bash .ci/stop-mariadb.sh "$TEST_MARIADB_DATA_DIR"
set -uo pipefail
data="${1:?data directory}"
pid="$(cat "$data/mariadbd.pid" 2>/dev/null || true)"
if [ -n "$pid" ]; then
  kill -TERM "$pid" 2>/dev/null
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
fi
case "$data" in /tmp/vicidash-mariadb.*/data) rm -rf "$(dirname "$data")" ;; esac
