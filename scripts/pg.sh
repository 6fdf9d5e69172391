#!/usr/bin/env bash
# A private PostgreSQL server for the test suite and the benchmarks, on loopback, in ./.pg.
#   scripts/pg.sh start   install PostgreSQL if missing (Debian's packages), init, start, create the database
#   scripts/pg.sh stop    stop it
#   scripts/pg.sh url     print the SQLAlchemy URL of its database
set -euo pipefail
cd "$(dirname "$0")/.."
PGPORT="${GONGKIT_PG_PORT:-55432}"
ROOT="$PWD/.pg"
DATA="$ROOT/data"
RUN="$ROOT/run"
DB=gongkit_test
URL="postgresql+psycopg://gongkit@127.0.0.1:${PGPORT}/${DB}"

pgbin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
  start)
    if ! BIN=$(pgbin); then
      echo "PostgreSQL not found: installing Debian's postgresql" >&2
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
      BIN=$(pgbin)
    fi
    mkdir -p "$RUN"
    if [ "$(id -u)" = 0 ]; then
      id postgres >/dev/null 2>&1 || useradd --system --home "$ROOT" postgres
      chown -R postgres "$ROOT"
    fi
    if [ ! -f "$DATA/PG_VERSION" ]; then
      as_owner "$BIN/initdb" -D "$DATA" -U gongkit --auth=trust -E UTF8 --no-locale >/dev/null
    fi
    if ! as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
      as_owner "$BIN/pg_ctl" -D "$DATA" -l "$ROOT/server.log" -w -t 60 \
        -o "-p $PGPORT -k $RUN -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200" start >/dev/null
    fi
    if ! as_owner "$BIN/psql" -h "$RUN" -p "$PGPORT" -U gongkit -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname='$DB'" | grep -q 1; then
      as_owner "$BIN/createdb" -h "$RUN" -p "$PGPORT" -U gongkit "$DB"
    fi
    echo "$URL"
    ;;
  stop)
    BIN=$(pgbin) || exit 0
    [ -f "$DATA/PG_VERSION" ] && as_owner "$BIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null 2>&1 || true
    ;;
  url)
    echo "$URL"
    ;;
  *)
    echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
