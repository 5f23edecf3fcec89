"""Last in the run (no database, and its name sorts after every other test without one: the
suite runs database tests first): the JSON log of the whole run holds
no BSN, name or birth date of any jongere the run created, demo data included. Run alone, it
scans what the run before it logged."""

import logging
import re

from django.conf import settings

from tests.conftest import CREATED_JONGEREN


def test_the_logs_of_the_run_hold_no_personal_data():
    for handler in logging.getLogger().handlers:
        handler.flush()
    with open(settings.LOG_FILE, encoding="utf-8") as handle:
        log = handle.read()
    assert log, "the run wrote no log at all: is LOGGING's file handler configured?"
    # One pass over the log for numbers and dates; names only where all their words occur.
    numbers = set(re.findall(r"(?<!\d)\d{9}(?!\d)", log))
    dates = set(re.findall(r"\d{2}-\d{2}-\d{4}", log))
    words = set(re.findall(r"\w+", log))
    found = []
    for bsn, naam, geboortedatum in CREATED_JONGEREN:
        if bsn in numbers:
            found.append(f"BSN {bsn}")
        if len(naam) > 6 and set(naam.split()) <= words and naam in log:
            found.append(f"naam {naam}")
        if geboortedatum in dates:
            found.append(f"geboortedatum {geboortedatum}")
    assert found == [], f"personal data in the log of this run: {found[:10]}"
