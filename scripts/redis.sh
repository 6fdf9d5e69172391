#!/usr/bin/env bash
# A private Redis server for the test suite and the benchmarks (shared rate-limit counts), on loopback, in ./.redis.
#   scripts/redis.sh start   install Redis if missing (Debian's redis-server), start it, print its URL
#   scripts/redis.sh stop    stop it
#   scripts/redis.sh url     print its URL
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${GONGKIT_REDIS_PORT:-56379}"
ROOT="$PWD/.redis"
URL="redis://127.0.0.1:${PORT}/0"

cli() {
  redis-cli -h 127.0.0.1 -p "$PORT" "$@"
}

case "${1:-}" in
  start)
    if ! command -v redis-server >/dev/null 2>&1; then
      echo "Redis not found: installing Debian's redis-server" >&2
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
    fi
    mkdir -p "$ROOT"
    if ! cli ping >/dev/null 2>&1; then
      # Counts only: nothing is saved to disk, and the server listens on loopback alone.
      redis-server --bind 127.0.0.1 --port "$PORT" --dir "$ROOT" --save "" --appendonly no \
        --daemonize yes --pidfile "$ROOT/redis.pid" --logfile "$ROOT/server.log" >/dev/null
      for _ in $(seq 1 100); do
        cli ping >/dev/null 2>&1 && break
        sleep 0.1
      done
      cli ping >/dev/null
    fi
    echo "$URL"
    ;;
  stop)
    command -v redis-cli >/dev/null 2>&1 || exit 0
    cli shutdown nosave >/dev/null 2>&1 || true
    ;;
  url)
    echo "$URL"
    ;;
  *)
    echo "usage: $0 start|stop|url" >&2; exit 2 ;;
esac
