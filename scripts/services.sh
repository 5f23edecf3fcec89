# Sourced by scripts/test.sh and scripts/bench.sh: installs missing Debian packages (as root),
# starts a throwaway PostgreSQL cluster and Redis on free loopback ports, exports DATABASE_URL
# and REDIS_URL, and stops both on exit.

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
NEEDED_DEBS=()
[ -x "$PG_BIN/initdb" ] || NEEDED_DEBS+=(postgresql)
command -v redis-server >/dev/null || NEEDED_DEBS+=(redis-server)
[ -x /usr/bin/chromium ] || NEEDED_DEBS+=(chromium)
command -v pdftotext >/dev/null || NEEDED_DEBS+=(poppler-utils)
ldconfig -p | grep -q libpangoft2-1.0 || NEEDED_DEBS+=(libpango-1.0-0 libpangoft2-1.0-0)  # WeasyPrint
if [ ${#NEEDED_DEBS[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing Debian packages: ${NEEDED_DEBS[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${NEEDED_DEBS[@]}" >/dev/null
  else
    echo "Missing system packages. Install them with:" >&2
    echo "  sudo apt-get install -y ${NEEDED_DEBS[*]}" >&2
    exit 1
  fi
fi
[ -x "$PG_BIN/initdb" ] || PG_BIN=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")

free_port() { .venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

WORK=$(mktemp -d /tmp/leerplicht-services.XXXXXX)
chmod 755 "$WORK"
PG_PORT=$(free_port)
REDIS_PORT=$(free_port)
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  # initdb refuses to run as root: the cluster belongs to the postgres system user.
  chown postgres: "$WORK"
  as_pg=(runuser -u postgres --)
fi

stop_services() {
  set +e
  "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1
  [ -f "$WORK/redis.pid" ] && kill "$(cat "$WORK/redis.pid")" 2>/dev/null
  rm -rf "$WORK"
}
trap stop_services EXIT

"${as_pg[@]}" "$PG_BIN/initdb" -D "$WORK/pg" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w start \
  -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off ${PG_EXTRA_OPTS:-}" >/dev/null
"$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres leerplicht
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
  --daemonize yes --pidfile "$WORK/redis.pid" --logfile "$WORK/redis.log" --dir "$WORK"

export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/leerplicht"
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
echo "PostgreSQL on 127.0.0.1:$PG_PORT, Redis on 127.0.0.1:$REDIS_PORT"
