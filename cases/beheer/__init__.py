"""Beheer pages for the functioneel beheerder, in the application's own style and language: terms
with their defaults, population figures, code lists and school holidays of the user's own
organisation. The Django admin (/beheer/) stays for rare technical tasks.

Public surface: `urls` (included from cases/urls.py under `instellingen/`), `services` (the
writes, each recorded in Django's LogEntry: none of these records holds personal data) and
`selectors.beheer_links` (what the start page and the beheer index show).
"""
