"""Searches kept server-side, so a search result has a URL without personal data in it.

The search form posts (a BSN or name in a URL would end up in browser history and access logs).
The terms are stored in the user's session under a random, short-lived id, and the browser is
redirected to `?zoekopdracht=<id>`: Back, reload and "open in new tab" then simply GET that page
again. The id means nothing outside the session that made it (another user, or the same user
after logging out, gets "verlopen"), and it expires after ZOEKOPDRACHT_TTL.
"""

import secrets
import time

SESSION_KEY = "zoekopdrachten"
ZOEKOPDRACHT_TTL = 60 * 60  # seconds; the session itself ends sooner without activity
MAX_ZOEKOPDRACHTEN = 20  # per session: the oldest are forgotten first
FIELDS = ("q", "geboortedatum", "woongemeente")


def bewaar(session, data) -> str:
    """Store the search terms of `data` (a QueryDict or dict) and return their new id."""
    now = time.time()
    stored = {
        key: value
        for key, value in session.get(SESSION_KEY, {}).items()
        if now - value.get("t", 0) < ZOEKOPDRACHT_TTL
    }
    newest = sorted(stored.items(), key=lambda item: item[1]["t"])[-(MAX_ZOEKOPDRACHTEN - 1) :]
    zoekopdracht_id = secrets.token_urlsafe(9)
    terms = {field: str(data.get(field, "") or "") for field in FIELDS}
    session[SESSION_KEY] = {**dict(newest), zoekopdracht_id: {"t": now, "terms": terms}}
    return zoekopdracht_id


def lees(session, zoekopdracht_id: str) -> dict | None:
    """The search terms stored under this id in this session, or None when unknown or expired."""
    stored = session.get(SESSION_KEY, {}).get(zoekopdracht_id)
    if stored is None or time.time() - stored.get("t", 0) >= ZOEKOPDRACHT_TTL:
        return None
    return stored["terms"]
