"""Ouders and verzorgers: the persons with gezag or feitelijke verzorging (art. 2 Lpw).

- `services`: add, change, remove, and synchronise the ouders of one source (import, BRP);
- `views`: the dossier's ouder forms.

The model (`Ouder`, `OuderWijziging`) is in `cases.models.ouder`; `cases.selectors.ouders_van(user, jongere)`
reads them.
"""
