"""Settings for the Celery worker the tests start: the test settings plus two test-only knobs.

REPORTING_RENDER_DELAY (seconds) makes the worker pause before laying out the PDF, so a test can
watch the progress or kill the worker in the middle of a render. REPORTING_TEST_VISIBILITY_TIMEOUT
shortens how long Redis keeps a message of a dead worker before handing it out again (one hour
by default), so the recovery test does not wait an hour.
"""

import os

from config.settings.test import *  # noqa: F403

REPORTING_RENDER_DELAY = float(os.environ.get("REPORTING_RENDER_DELAY", "0"))

if os.environ.get("REPORTING_TEST_VISIBILITY_TIMEOUT"):
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "visibility_timeout": int(os.environ["REPORTING_TEST_VISIBILITY_TIMEOUT"]),
        "unacked_restore_interval": 1,
        "unacked_restore_throttle": 1,
    }
