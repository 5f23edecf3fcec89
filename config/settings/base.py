"""Settings shared by every environment.

Every value that differs between installations comes from an environment variable with a
documented default (docs/configuration.md). The embedded default needs no services: SQLite and
Celery tasks executed inline. PostgreSQL and Redis are used as soon as DATABASE_URL / REDIS_URL
are set.
"""

from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF

from cases.platform.observability import configure_structlog, logging_config

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()

SECRET_KEY = env("SECRET_KEY", default="")
DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_otp",
    # Dutch app and model names in the admin (cases/platform/vertaalde_apps.py); same app labels.
    "cases.platform.vertaalde_apps.OtpTotpConfig",
    "cases.platform.vertaalde_apps.OtpStaticConfig",
    "cases.platform.vertaalde_apps.AxesConfig",
    "csp",
    "django_filters",
    "rest_framework",
    "cases.platform.vertaalde_apps.KnoxConfig",
    "drf_spectacular",
    "cases",
    "leerplicht",
    "doorstroom",
    "reporting",
    "django_prometheus",
    "koppelingen",
]

MIDDLEWARE = [
    # First and last: request counts and latency per view (django-prometheus, cases/platform/metrics.py).
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "cases.accounts.middleware.SecondFactorMiddleware",
    "cases.platform.observability.LogContextMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "cases.accounts.middleware.DossierAlleenLezenMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "cases.accounts.middleware.NoStoreMiddleware",
    # SQLite's "database is locked" becomes the conflict message (cases/platform/locked.py).
    "cases.platform.locked.DatabaseLockedMiddleware",
    # Last but for the metrics, as django-axes asks: turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "cases.context_processors.navigation",
            ],
            "builtins": ["cases.templatetags.opmaak"],
        },
    },
]

# Django's form renderer with a faster <select> (cases/form_renderer.py).
FORM_RENDERER = "cases.form_renderer.FormRenderer"

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
# Keep database connections open between requests (seconds; 0 closes them after every request):
# opening a PostgreSQL connection costs more than most of our queries. `?conn_max_age=` in
# DATABASE_URL wins.
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default: a transaction takes SQLite's write lock when it starts (IMMEDIATE) and
    # waits up to 20 s for it, so two saves queue as PostgreSQL's row locks make them, and the
    # later one meets the version check (ConflictError) instead of "database is locked". A wait
    # that still runs out becomes the same conflict message (cases/platform/locked.py).
    _sqlite_options = DATABASES["default"].setdefault("OPTIONS", {})
    _sqlite_options.setdefault("transaction_mode", "IMMEDIATE")
    _sqlite_options.setdefault("timeout", 20)
if DATABASES["default"]["ENGINE"].endswith(".postgresql"):
    # A list page joins a melding to eight related tables. With PostgreSQL's default (8) the
    # planner tries every join order and spends ~16 ms planning a query that runs in 2 ms; our
    # joins follow foreign keys from the filtered table, so a smaller search finds the same plan.
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["options"] = (
        f"{_options.get('options', '')} -c join_collapse_limit=6 -c from_collapse_limit=6".strip()
    )
    # Server-side parameter binding lets psycopg prepare a statement the fifth time a connection
    # runs it; a page then skips PostgreSQL's planning (which costs more than the execution of
    # our indexed queries). Turn it off behind a pooler in transaction mode (PgBouncer < 1.21).
    _options.setdefault("server_side_binding", env.bool("DATABASE_SERVER_SIDE_BINDING", default=True))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# Optional PostgreSQL read replica for the jaarverslag (cases/platform/replica.py); everything else uses
# the primary.
DATABASE_REPLICA_URL = env("DATABASE_REPLICA_URL", default="")
if DATABASE_REPLICA_URL:
    _replica = env.db_url_config(DATABASE_REPLICA_URL)
    _replica.setdefault("CONN_MAX_AGE", DATABASES["default"]["CONN_MAX_AGE"])
    _replica["CONN_HEALTH_CHECKS"] = True
    _replica["OPTIONS"] = {**DATABASES["default"].get("OPTIONS", {}), **_replica.get("OPTIONS", {})}
    _replica["TEST"] = {"MIRROR": "default"}
    DATABASES["replica"] = _replica
REPORTS_FROM_REPLICA = bool(DATABASE_REPLICA_URL)
# django-prometheus wraps Django's own backends to count queries, errors and connections per
# database (cases/platform/metrics.py); the SQL and the behaviour are Django's.
PROMETHEUS_BACKENDS = {
    "django.db.backends.postgresql": "django_prometheus.db.backends.postgresql",
    "django.db.backends.sqlite3": "django_prometheus.db.backends.sqlite3",
}
for _database in DATABASES.values():
    _database["ENGINE"] = PROMETHEUS_BACKENDS.get(_database["ENGINE"], _database["ENGINE"])
DATABASE_ROUTERS = ["cases.platform.replica.ReplicaRouter"]

# Redis (Celery broker, cache and sessions) when REDIS_URL is set.
REDIS_URL = env("REDIS_URL", default="")
# The cache (and with it the sessions) in Redis when it is configured, shared by every web process;
# otherwise in the memory of the one process of the embedded default.
CACHES = {
    "default": {
        # Django's RedisCache, but a Redis outage reads as an empty cache instead of a 500.
        "BACKEND": "cases.platform.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "lp",
    }
    if REDIS_URL
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}

AUTH_USER_MODEL = "cases.User"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "start"
LOGOUT_REDIRECT_URL = "login"

# Second factor (TOTP with static backup codes, django-otp) for every role. Only dev.py may turn
# it off, for the demo users of `make run`. With OpenID Connect the identity provider does MFA.
OTP_REQUIRED = True
OTP_TOTP_ISSUER = env("OTP_TOTP_ISSUER", default="Leerplicht en Doorstroompunt")
OTP_BACKUP_CODES = 10

# Lockout after repeated failed logins (django-axes), per username and IP address; the lockout lifts after
# AXES_COOLOFF_MINUTES or when a beheerder resets it (`manage.py axes_reset_username`).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_VERBOSE = False

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "cases.accounts.backend.CachedModelBackend",
]

# Optional single sign-on through OpenID Connect (mozilla-django-oidc): on when the client id
# and the provider's endpoints are set. Users must exist already (matched on username/e-mail).
OIDC_RP_CLIENT_ID = env("OIDC_RP_CLIENT_ID", default="")
OIDC_ENABLED = bool(OIDC_RP_CLIENT_ID)
if OIDC_ENABLED:
    OIDC_RP_CLIENT_SECRET = env("OIDC_RP_CLIENT_SECRET")
    OIDC_OP_AUTHORIZATION_ENDPOINT = env("OIDC_OP_AUTHORIZATION_ENDPOINT")
    OIDC_OP_TOKEN_ENDPOINT = env("OIDC_OP_TOKEN_ENDPOINT")
    OIDC_OP_USER_ENDPOINT = env("OIDC_OP_USER_ENDPOINT")
    OIDC_OP_JWKS_ENDPOINT = env("OIDC_OP_JWKS_ENDPOINT", default="")
    OIDC_RP_SIGN_ALGO = env("OIDC_RP_SIGN_ALGO", default="RS256")
    OIDC_RP_SCOPES = env("OIDC_RP_SCOPES", default="openid email profile")
    OIDC_USERNAME_CLAIM = env("OIDC_USERNAME_CLAIM", default="preferred_username")
    OIDC_CREATE_USER = False
    OIDC_OP_LOGOUT_URL = env("OIDC_OP_LOGOUT_URL", default="")
    LOGIN_REDIRECT_URL_FAILURE = "login"
    AUTHENTICATION_BACKENDS.append("cases.accounts.oidc.UsernameOIDCBackend")

# Sessions end after inactivity (seconds) and with the browser. With Redis they live in the
# cache: the sliding expiry rewrites the session on every request, which in the database was a
# write and a commit per page view. Without Redis (the embedded default) they stay in the database.
# cases/platform/sessions.py is Django's cache backend that gives up quickly when Redis is away.
SESSION_ENGINE = "cases.platform.sessions" if REDIS_URL else "django.contrib.sessions.backends.db"
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=30 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
# Front-end packages come from the npm registry (package.json / package-lock.json) and are
# served straight from node_modules; nothing vendored is committed.
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/utrecht-css", NODE_MODULES / "@utrecht/component-library-css/dist"),
    ("vendor/utrecht-tokens", NODE_MODULES / "@utrecht/design-tokens/dist"),
    ("vendor/htmx", NODE_MODULES / "htmx.org/dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Private storage for documents, import files and report files (cases/platform/storage.py): never below
# STATIC or a public media URL. The local folder PRIVATE_MEDIA_ROOT by default; an S3-compatible
# object store when DOCUMENTS_S3_BUCKET is set. Downloads always stream through the
# application's authorised views: no public or signed URL of the store is handed out.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "private-media")
DOCUMENTS_S3_BUCKET = env("DOCUMENTS_S3_BUCKET", default="")


def private_storage_settings(bucket: str) -> dict:
    if not bucket:
        return {"BACKEND": "cases.platform.storage.LocalPrivateStorage"}
    return {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": bucket,
            "endpoint_url": env("DOCUMENTS_S3_ENDPOINT_URL", default=None),
            "region_name": env("DOCUMENTS_S3_REGION", default=None),
            "access_key": env("DOCUMENTS_S3_ACCESS_KEY_ID", default=None),
            "secret_key": env("DOCUMENTS_S3_SECRET_ACCESS_KEY", default=None),
            "location": env("DOCUMENTS_S3_PREFIX", default=""),
            "default_acl": "private",
            "file_overwrite": False,
            "querystring_auth": True,
            "querystring_expire": 60,
            "verify": env("DOCUMENTS_S3_CA_BUNDLE", default=None),
            # Server-side encryption where the store supports it (AWS, MinIO with KMS).
            "object_parameters": (
                {"ServerSideEncryption": env("DOCUMENTS_S3_SSE")}
                if env("DOCUMENTS_S3_SSE", default="")
                else {}
            ),
        },
    }


STORAGES["private"] = private_storage_settings(DOCUMENTS_S3_BUCKET)

# Celery: Redis when REDIS_URL is set, otherwise tasks run inline in the calling process.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or None
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A task of a worker that died (killed, out of memory) is delivered again after this many
# seconds; longer than the slowest job (a jaarverslag PDF takes seconds to a minute).
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=900)}
CELERY_TIMEZONE = TIME_ZONE
# The worker logs through Django's LOGGING (structured, cases/platform/observability.py).
CELERY_WORKER_HIJACK_ROOT_LOGGER = False
# Periodic jobs (run by `celery -A config beat`); the task names are the apps' public contract.
CELERY_BEAT_SCHEDULE = {
    "doorstroom-nazorg-signaleren": {
        "task": "doorstroom.nazorg_signaleren",
        "schedule": crontab(hour=6, minute=0),
    },
    # Dossiers past their retention term: a destruction proposal per dossier, for approval.
    "cases-vernietiging-voorstellen": {
        "task": "cases.vernietiging_voorstellen",
        "schedule": crontab(hour=5, minute=30),
    },
    # Deadlines due soon or overdue on the werkvoorraad and caseload, then the e-mail digest.
    "cases-termijnen-signaleren": {
        "task": "cases.termijnen_signaleren",
        "schedule": crontab(hour=6, minute=15),
    },
    "cases-digest-versturen": {
        "task": "cases.digest_versturen",
        "schedule": crontab(hour=7, minute=0),
    },
    # Imports whose worker died are marked failed; problem lists and unconfirmed files expire.
    "cases-imports-bijhouden": {
        "task": "cases.imports_bijhouden",
        "schedule": crontab(minute="*/10"),
    },
    # Koppelingen (docs/koppelingen.md): each does nothing while its source is not configured.
    "koppelingen-duo-ophalen": {
        "task": "koppelingen.duo_ophalen",
        "schedule": crontab(minute=10),
    },
    # Status messages to DUO the broker lost or that ran out of retries are queued again.
    "koppelingen-duo-uitberichten": {
        "task": "koppelingen.duo_uitberichten_versturen",
        "schedule": crontab(minute="*/15"),
    },
    # Address, ouders and secrecy of jongeren with open work, from the BRP.
    "koppelingen-brp-nachtelijk": {
        "task": "koppelingen.brp_nachtelijk_bijwerken",
        "schedule": crontab(hour=2, minute=30),
    },
    "koppelingen-bewaartermijn": {
        "task": "koppelingen.bewaartermijn_toepassen",
        "schedule": crontab(hour=5, minute=45),
    },
}

# E-mail (the daily digest). Console by default: mails are printed, nothing leaves the machine.
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_USE_SSL = env.bool("EMAIL_USE_SSL", default=False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="leerplicht@localhost")
# Base of the absolute links in e-mails (scheme and host, no trailing path).
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Personal API tokens, stored hashed (django-rest-knox); checked first, so a missing or
        # revoked token, or any other Authorization header, answers 401. A session counts only
        # after the second factor (cases/api/authentication.py).
        "cases.api.authentication.StrictTokenAuthentication",
        "cases.api.authentication.VerifiedSessionAuthentication",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Leerplicht en Doorstroompunt API",
    "DESCRIPTION": "REST API voor jongeren, dossiers, meldingen, vrijstellingen, trajecten, "
    "codelijsten, scholen, populatie, imports en rapportages. Alle gegevens zijn beperkt tot de "
    "organisatie (en eventueel gemeenten) van de gebruiker.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # The schema and its documentation page only for a token or a verified session.
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "COMPONENT_SPLIT_REQUEST": True,
}
REST_KNOX = {
    "TOKEN_TTL": None,  # tokens live until the user revokes them
    "AUTO_REFRESH": False,
}

# Days a refused import's problem list (it repeats the file's BSNs and names) and an
# unconfirmed file are kept (cases/imports/upkeep.py).
IMPORT_PROBLEMEN_BEWAARDAGEN = env.int("IMPORT_PROBLEMEN_BEWAARDAGEN", default=30)
# Minutes after which a queued import counts as stuck (and, without PostgreSQL, a running one).
IMPORT_VASTGELOPEN_MINUTEN = env.int("IMPORT_VASTGELOPEN_MINUTEN", default=60)

# File imports by type (docs/import-formats.md): `python manage.py import_csv TYPE FILE`.
IMPORTERS = {
    "meldingen": "leerplicht.imports.MeldingenImporter",
    "vrijstellingen": "leerplicht.imports.VrijstellingenImporter",
    "doorstroom": "doorstroom.imports.DoorstroomImporter",
    "populatie": "reporting.imports.PopulatieImporter",
    "ouders": "cases.imports.ouders.OudersImporter",
}

# Koppelingen with DUO, the BRP and the Inlichtingenbureau (docs/koppelingen.md). Every one is off
# until configured; uploading a DUO file works without any of them.
# DUO verzuimmeldingen: over HTTPS with a client certificate (mutual TLS), or a watched directory.
# Fetched meldingen go to the organisation of the jongere's woongemeente; this slug (optional)
# receives those no organisation covers, on its Doorsturen list.
DUO_VERZUIM_ORGANISATIE = env("DUO_VERZUIM_ORGANISATIE", default="")
DUO_VERZUIM_URL = env("DUO_VERZUIM_URL", default="")
DUO_VERZUIM_CERT = env("DUO_VERZUIM_CERT", default="")  # client certificate (PEM)
DUO_VERZUIM_KEY = env("DUO_VERZUIM_KEY", default="")  # its private key (PEM)
DUO_VERZUIM_CA = env("DUO_VERZUIM_CA", default="")  # CA bundle of DUO's server; empty: system CAs
DUO_VERZUIM_MAP = env("DUO_VERZUIM_MAP", default="")  # directory with *.json files in our format
DUO_VERZUIM_UITMAP = env("DUO_VERZUIM_UITMAP", default="")  # status messages as files (with the map)
DUO_TIMEOUT = env.float("DUO_TIMEOUT", default=10.0)
# BRP: Haal Centraal BRP Personen bevragen (POST {BRP_URL}/personen), with an API key header
# and/or a client certificate.
BRP_URL = env("BRP_URL", default="")
BRP_API_KEY = env("BRP_API_KEY", default="")
BRP_API_KEY_HEADER = env("BRP_API_KEY_HEADER", default="X-API-KEY")
BRP_CERT = env("BRP_CERT", default="")
BRP_KEY = env("BRP_KEY", default="")
BRP_CA = env("BRP_CA", default="")
BRP_TIMEOUT = env.float("BRP_TIMEOUT", default=10.0)
BRP_RETRIES = env.int("BRP_RETRIES", default=2)  # repeats of a failed lookup (it only reads)
# Outbox: seconds before the first retry (doubling each time) and attempts before "mislukt".
KOPPELINGEN_RETRY_DELAY = env.float("KOPPELINGEN_RETRY_DELAY", default=60.0)
KOPPELINGEN_MAX_POGINGEN = env.int("KOPPELINGEN_MAX_POGINGEN", default=8)
# Days the raw content of a handled signal is kept (Wpg: 5 years for verzuim data).
KOPPELINGEN_BEWAARTERMIJN_DAGEN = env.int("KOPPELINGEN_BEWAARTERMIJN_DAGEN", default=5 * 365)

# Secret used to pseudonymise subject ids in the processing log; defaults to SECRET_KEY.
AUDIT_PSEUDONYM_KEY = env("AUDIT_PSEUDONYM_KEY", default="") or SECRET_KEY

X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp 4): only our own scripts and stylesheets, no inline code.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Structured logs (cases/platform/observability.py): JSON lines in production, text in development; the
# trace id, user id and organisation id on every line, never a BSN, name or birth date.
LOG_FORMAT = env("LOG_FORMAT", default="console")
LOG_FILE = env("LOG_FILE", default="")
# /metrics for Prometheus answers only with this bearer token; empty: no /metrics (cases/platform/metrics.py).
METRICS_TOKEN = env("METRICS_TOKEN", default="")
LOGGING = logging_config(fmt=LOG_FORMAT, level=env("LOG_LEVEL", default="INFO"), file=LOG_FILE)
configure_structlog()
