# The two commands: `make run` (demo on SQLite) and `make test` (the whole suite on a throwaway
# PostgreSQL and Redis). Both build on `make install`, which only prepares the environment.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install run test bench lint format lock clean-db

install: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

run: install
	DJANGO_SETTINGS_MODULE=config.settings.dev $(PY) manage.py migrate --noinput
	DJANGO_SETTINGS_MODULE=config.settings.dev $(PY) manage.py demo_data
	@# The message once the server answers (scripts/announce.py), not before it listens.
	@$(PY) scripts/announce.py $(HOST) $(PORT) &
	DJANGO_SETTINGS_MODULE=config.settings.dev $(PY) manage.py runserver $(HOST):$(PORT)

test: install
	scripts/test.sh $(PYTEST_ARGS)

# Benchmarks print figures (docs/performance.md); they are not part of `make test`.
bench: install
	scripts/bench.sh $(BENCH_ARGS)

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Regenerate the lock files after changing dependencies in pyproject.toml: requirements.lock (with
# the dev tools, for `make install`) and requirements-prod.lock (without them, for the image).
lock: install
	$(VENV)/bin/uv pip compile pyproject.toml --extra dev --python-version 3.11 --generate-hashes -o requirements.lock
	$(VENV)/bin/uv pip compile pyproject.toml --python-version 3.11 --generate-hashes -o requirements-prod.lock

clean-db:
	rm -f db.sqlite3
