#!/usr/bin/env bash
# `make test`: system packages, a throwaway PostgreSQL and Redis on loopback (scripts/services.sh),
# then lint, migration and deployment checks, and the whole pytest suite. Everything started
# here is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/services.sh
export DJANGO_SETTINGS_MODULE=config.settings.test

if [ "${QUICK:-0}" = 1 ]; then
  # Developer loop: only pytest (CI and a plain `make test` always run every check).
  .venv/bin/python -m pytest "$@"
  exit
fi
secret() { .venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(50))'; }
echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== makemigrations --check"
.venv/bin/python manage.py makemigrations --check --dry-run
echo "== check --deploy (production settings)"
DJANGO_SETTINGS_MODULE=config.settings.production SECRET_KEY=$(secret) \
  .venv/bin/python manage.py check --deploy --fail-level WARNING
echo "== collectstatic (production settings, as the Docker image builds it)"
# background-image-icon.css of @utrecht/design-tokens references SVGs the package does not ship;
# we do not use it, so it is left out (the Dockerfile does the same).
DJANGO_SETTINGS_MODULE=config.settings.production SECRET_KEY=$(secret) \
  STATIC_ROOT="$WORK/static" .venv/bin/python manage.py collectstatic --noinput -v0 --ignore background-image-icon.css
echo "== pytest"
.venv/bin/python -m pytest "$@"
