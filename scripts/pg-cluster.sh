#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 cluster for tests and CI (docs/decisions/0001-embedded-pglite-and-postgresql.md).
# Usage: scripts/pg-cluster.sh start DIR PORT   |   scripts/pg-cluster.sh stop DIR   |   scripts/pg-cluster.sh resume DIR PORT
# (resume starts a stopped cluster again without initdb; tests use it to take the database away and back).
# Runs initdb/pg_ctl as the `postgres` user when invoked as root. Prints the connection URL on start.
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
cmd=${1:?start|stop}; dir=${2:?data dir}
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$cmd" in
  start)
    port=${3:?port}
    mkdir -p "$dir"; [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_pg "$PGBIN/initdb" -D "$dir/data" -U postgres -A trust --no-sync >/dev/null
    as_pg "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
      -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
    echo "postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  resume)
    port=${3:?port}
    as_pg "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
      -o "-p $port -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
    ;;
  stop)
    as_pg "$PGBIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    ;;
esac
