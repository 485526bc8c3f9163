#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests, on 127.0.0.1 only.
#
#   scripts/postgres.sh start PORT   prints "DIR URI": a new cluster in DIR, serving URI
#   scripts/postgres.sh stop DIR     stops that server and deletes DIR
#
# Uses the newest /usr/lib/postgresql/*/bin (or $PG_BIN). PostgreSQL refuses
# to run as root: as root the cluster belongs to the 'postgres' user and its
# commands run through runuser. Durability is off (fsync, full-page writes):
# the data lives only as long as the test run.
set -euo pipefail
BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
[ -x "$BIN/pg_ctl" ] || { echo "postgres.sh: no PostgreSQL server binaries (set PG_BIN)" >&2; exit 2; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    port=${2:?usage: postgres.sh start PORT}
    dir=$(mktemp -d /tmp/enforcerules-pg.XXXXXX)
    [ "$(id -u)" = 0 ] && chown postgres "$dir"
    as_owner "$BIN/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
      -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off -c synchronous_commit=off" >/dev/null \
      || { cat "$dir/server.log" >&2; exit 1; }
    echo "$dir postgresql://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    dir=${2:?usage: postgres.sh stop DIR}
    case "$dir" in /tmp/enforcerules-pg.*) ;; *) echo "postgres.sh: not a cluster of this script: $dir" >&2; exit 2 ;; esac
    as_owner "$BIN/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: postgres.sh start PORT | stop DIR" >&2; exit 2 ;;
esac
