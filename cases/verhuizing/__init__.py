"""Verhuizing and overdracht between gemeenten: a jongere who moves out is handed over (open
meldingen closed, a summary PDF, the dossier read-only); one who moves in is taken over with the
previous gemeente's summary.

- `services`: `overdracht_uit`, `overname_in`, `writes_allowed` (the read-only guard);
- `views`: the dossier's overdracht forms and the summary download.

The model (`Overdracht`) is in `cases.models.overdracht`.
"""
