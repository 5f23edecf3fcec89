#!/usr/bin/env bash
# `make test`: system packages, a throwaway PostgreSQL and Redis on loopback, then lint,
# migration and deployment checks, and the whole pytest suite. Everything started here is
# stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

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

WORK=$(mktemp -d /tmp/leerplicht-test.XXXXXX)
chmod 755 "$WORK"
PG_PORT=$(free_port)
REDIS_PORT=$(free_port)
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  # initdb refuses to run as root: the cluster belongs to the postgres system user.
  chown postgres: "$WORK"
  as_pg=(runuser -u postgres --)
fi

cleanup() {
  set +e
  "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg" -m immediate stop >/dev/null 2>&1
  [ -f "$WORK/redis.pid" ] && kill "$(cat "$WORK/redis.pid")" 2>/dev/null
  rm -rf "$WORK"
}
trap cleanup EXIT

"${as_pg[@]}" "$PG_BIN/initdb" -D "$WORK/pg" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w start \
  -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
"$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres leerplicht
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
  --daemonize yes --pidfile "$WORK/redis.pid" --logfile "$WORK/redis.log" --dir "$WORK"

export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/leerplicht"
export REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
export DJANGO_SETTINGS_MODULE=config.settings.test
echo "PostgreSQL on 127.0.0.1:$PG_PORT, Redis on 127.0.0.1:$REDIS_PORT"

if [ "${QUICK:-0}" = 1 ]; then
  # Developer loop: only pytest (CI and a plain `make test` always run every check).
  exec .venv/bin/python -m pytest "$@"
fi
echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== makemigrations --check"
.venv/bin/python manage.py makemigrations --check --dry-run
echo "== check --deploy (production settings)"
DJANGO_SETTINGS_MODULE=config.settings.production SECRET_KEY=$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(50))') \
  .venv/bin/python manage.py check --deploy --fail-level WARNING
echo "== collectstatic (production settings, as the Docker image builds it)"
# background-image-icon.css of @utrecht/design-tokens references SVGs the package does not ship;
# we do not use it, so it is left out (the Dockerfile does the same).
DJANGO_SETTINGS_MODULE=config.settings.production SECRET_KEY=$(.venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(50))') \
  STATIC_ROOT="$WORK/static" .venv/bin/python manage.py collectstatic --noinput -v0 --ignore background-image-icon.css
echo "== pytest"
.venv/bin/python -m pytest "$@"
