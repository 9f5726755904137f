#!/usr/bin/env bash
# A throwaway PostgreSQL server on 127.0.0.1 for side-by-side benchmark runs.
#
#   postgres-local.sh start DIR [PORT]   initdb DIR (if new) and start; prints the JDBC URL
#   postgres-local.sh stop DIR           stop it
#
# It uses the distribution's packages (Debian: apt-get install postgresql); if the binaries are
# missing and apt-get is there, it installs them. PostgreSQL refuses to run as root, so under root
# the server runs as the `postgres` user the package creates. Durability stays on (fsync,
# synchronous_commit) so that commit figures compare with Basalt's durable commits.
set -euo pipefail

find_bin() {
  for d in /usr/lib/postgresql/*/bin /usr/local/bin /usr/bin; do
    if [ -x "$d/pg_ctl" ] && [ -x "$d/initdb" ]; then echo "$d"; return 0; fi
  done
  return 1
}

bin="$(find_bin || true)"
if [ -z "$bin" ]; then
  if command -v apt-get >/dev/null; then
    echo "postgres-local: installing PostgreSQL from the distribution's packages" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2
    bin="$(find_bin)"
  else
    echo "postgres-local: no PostgreSQL binaries and no apt-get; install PostgreSQL first" >&2
    exit 2
  fi
fi

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cmd="${1:-}"; dir="${2:-}"
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start|stop DIR [PORT]" >&2; exit 2; }
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
[ "$(id -u)" = 0 ] && chown postgres "$dir"

case "$cmd" in
  start)
    port="${3:-55432}"
    if [ ! -f "$dir/PG_VERSION" ]; then
      as_owner "$bin/initdb" -D "$dir" -U bench --auth=trust -E UTF8 --locale=C >/dev/null
      cat >>"$dir/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
max_connections = 200
shared_buffers = 512MB
fsync = on
synchronous_commit = on
CONF
    fi
    as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w start >/dev/null
    as_owner "$bin/psql" -h 127.0.0.1 -p "$port" -U bench -d postgres -q -c "CREATE DATABASE tpcc" 2>/dev/null || true
    echo "jdbc:postgresql://127.0.0.1:$port/tpcc?user=bench"
    ;;
  stop)
    as_owner "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null
    ;;
  *) echo "usage: $0 start|stop DIR [PORT]" >&2; exit 2 ;;
esac
