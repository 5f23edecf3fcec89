#!/usr/bin/env bash
# `make bench`: the benchmarks in bench/ against a throwaway PostgreSQL (scripts/services.sh).
# They print figures; they never pass or fail on timing. BENCH=report|import|load|all|cluster.
set -euo pipefail
cd "$(dirname "$0")/.."
# The deployment topology and its failure drills bring their own PostgreSQL, Redis and the rest.
[ "${BENCH:-}" = cluster ] && exec bench/topology.sh "$@"
PG_EXTRA_OPTS="-c shared_buffers=1GB -c work_mem=64MB -c maintenance_work_mem=512MB" source scripts/services.sh
export DJANGO_SETTINGS_MODULE=config.settings.test
.venv/bin/python manage.py migrate -v0
case "${BENCH:-all}" in
  report) .venv/bin/python bench/report.py "$@" ;;
  import) .venv/bin/python bench/import.py "$@" ;;
  load) .venv/bin/python bench/load.py "$@" ;;
  all) .venv/bin/python bench/import.py && .venv/bin/python bench/report.py "$@" ;;
esac
