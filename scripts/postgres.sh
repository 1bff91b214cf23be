#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL cluster on 127.0.0.1 for the tests and benchmarks.
#   scripts/postgres.sh start   → prints the connection string on its last line
#   scripts/postgres.sh stop
#   scripts/postgres.sh status  → exit 0 when the cluster is running
#   scripts/postgres.sh restart → a fast restart (cuts every connection)
# PostgreSQL refuses to run as root, so the cluster belongs to the postgres user. Installs the server from
# apt when it is missing.
set -euo pipefail
PORT=${LUOSHI_PG_PORT:-5433}
PGDATA=${LUOSHI_PG_DATA:-/tmp/luoshi-pgdata-$PORT}
PW=postgres

find_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

case "${1:-start}" in
  start)
    BIN=$(find_bin)
    if [[ -z "$BIN" || ! -x "$BIN/initdb" ]]; then
      echo "installing PostgreSQL from apt…" >&2
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
      BIN=$(find_bin)
    fi
    if [[ -f "$PGDATA/postmaster.pid" ]] && runuser -u postgres -- "$BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
      echo "PostgreSQL already running on port $PORT" >&2
    else
      rm -rf "$PGDATA"
      install -d -o postgres -g postgres "$PGDATA"
      pwfile=$(mktemp); echo "$PW" >"$pwfile"; chown postgres "$pwfile"
      runuser -u postgres -- "$BIN/initdb" -D "$PGDATA" -U postgres --pwfile="$pwfile" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >/dev/null
      rm -f "$pwfile"
      # Tests trade durability for speed; LUOSHI_PG_DURABLE=1 (the reliability suite) keeps PostgreSQL's defaults.
      fast="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
      [[ "${LUOSHI_PG_DURABLE:-0}" == 1 ]] && fast=""
      runuser -u postgres -- "$BIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/log" -w \
        -o "-p $PORT -c listen_addresses=127.0.0.1 -k /tmp $fast -c max_connections=200" start >/dev/null
      echo "PostgreSQL started on port $PORT ($PGDATA)" >&2
    fi
    echo "Host=127.0.0.1;Port=$PORT;Username=postgres;Password=$PW"
    ;;
  status)
    BIN=$(find_bin)
    [[ -n "$BIN" && -f "$PGDATA/postmaster.pid" ]] && runuser -u postgres -- "$BIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1
    ;;
  restart)
    # A clean restart under load (the reliability suite): connections are cut, the server comes back.
    BIN=$(find_bin)
    runuser -u postgres -- "$BIN/pg_ctl" -D "$PGDATA" -m fast -w restart >/dev/null
    ;;
  stop)
    BIN=$(find_bin)
    [[ -n "$BIN" && -d "$PGDATA" ]] && runuser -u postgres -- "$BIN/pg_ctl" -D "$PGDATA" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PGDATA"
    ;;
  *) echo "usage: $0 start|stop|status|restart" >&2; exit 2 ;;
esac
