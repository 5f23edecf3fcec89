"""Settings of the app servers and the worker of the topology drills (bench/topology.sh): the load
test's settings (bench/settings.py: real password hashers, the baseline view) with the read
replica of DATABASE_REPLICA_URL as a real second database instead of the test suite's mirror.

The rest comes from the environment as in production: DATABASE_URL (PgBouncer in transaction
mode, so DATABASE_SERVER_SIDE_BINDING=false and ?disable_server_side_cursors=true),
REDIS_URL, DOCUMENTS_S3_*. REPORTING_RENDER_DELAY (seconds) holds a jaarverslag before its PDF,
so the worker drill can kill the worker in the middle of a render.
"""

import os

from bench.settings import *  # noqa: F403
from bench.settings import DATABASES, env
from cases.platform.observability import logging_config

DATABASE_REPLICA_URL = env("DATABASE_REPLICA_URL", default="")
if DATABASE_REPLICA_URL:
    _replica = env.db_url_config(DATABASE_REPLICA_URL)
    _replica["ENGINE"] = DATABASES["default"]["ENGINE"]
    _replica["CONN_MAX_AGE"] = DATABASES["default"]["CONN_MAX_AGE"]
    _replica["CONN_HEALTH_CHECKS"] = True
    _replica["OPTIONS"] = {**DATABASES["default"].get("OPTIONS", {}), **_replica.get("OPTIONS", {})}
    DATABASES["replica"] = _replica
else:
    DATABASES.pop("replica", None)
REPORTS_FROM_REPLICA = bool(DATABASE_REPLICA_URL)
REPORTING_RENDER_DELAY = float(os.environ.get("REPORTING_RENDER_DELAY", "0"))

# One JSON line per log record into the file the topology script names (no test-run log file).
LOG_FILE = env("LOG_FILE", default="")
LOGGING = logging_config(fmt="json", level="INFO", file=LOG_FILE)
