"""Deadlines: working days, the daily deadline job, and the e-mail digest.

- `werkdagen`: a pure working-day calendar (weekends, public holidays, school holidays);
- `models`: school holidays per organisation, the digest log, and `termijn_fields()` that the
  team apps' models use to store their deadline state;
- `signalen`: the daily job that stores which open items are due soon or overdue (each team app
  contributes its items through `cases.registry`);
- `digest`: the daily e-mail per user.
"""
