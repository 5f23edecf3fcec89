# syntax=docker/dockerfile:1
# Leerplicht & Doorstroompunt: one image for web (gunicorn), Celery worker and Celery beat.
# Build: docker build -t leerplicht .   Run: see docker-compose.yml and docs/operations.md.

# --- Front-end packages (NL Design System CSS, htmx) from the npm registry -----------------------
FROM node:20 AS assets
WORKDIR /app
COPY package.json package-lock.json ./
# The packages ship ready-made CSS/JS; none needs an install script.
RUN npm ci --no-audit --no-fund --ignore-scripts --loglevel=error

# --- Application ---------------------------------------------------------------------------------
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production \
    PRIVATE_MEDIA_ROOT=/data/private-media

# WeasyPrint (PDF reports) loads Pango and HarfBuzz at runtime; DejaVu is the fallback font.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

# Fixed ids, so that volumes and Kubernetes securityContext (fsGroup) can refer to them.
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid app --create-home --home-dir /home/app \
        --shell /usr/sbin/nologin app

WORKDIR /app
# The production lock: no test runner, browser driver, linter or S3 stand-in in the image.
COPY requirements-prod.lock ./
RUN pip install --root-user-action=ignore --require-hashes --no-deps -r requirements-prod.lock

COPY --from=assets /app/node_modules ./node_modules
COPY . .

# Static files (Django admin, own CSS, npm packages) collected and compressed for WhiteNoise.
# The dummy key exists only for this build step: production settings refuse to load without one.
# background-image-icon.css of @utrecht/design-tokens points at SVG files the package does not
# ship; it is not used by the templates and would make the manifest storage fail.
RUN SECRET_KEY=build-only-dummy-key-never-used-at-runtime-0000 \
    python manage.py collectstatic --noinput --ignore background-image-icon.css

# Private documents live on a volume mounted here; owned by the application user so that a fresh
# named volume inherits the ownership.
RUN mkdir -p /data/private-media && chown app:app /data/private-media

USER app
EXPOSE 8000
CMD ["gunicorn", "-c", "config/gunicorn.py", "config.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--worker-tmp-dir", "/dev/shm"]
