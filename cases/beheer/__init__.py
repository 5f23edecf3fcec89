"""Beheer pages for the functioneel beheerder, in the application's own style and language: terms
with their defaults, population figures, code lists and school holidays of the user's own
organisation (views.py); users and roles (gebruikers.py, the rules in cases/accounts/services.py);
letterhead, signature and the one logo of the organisation (huisstijl.py, also read by the
letters and the jaarverslag); schools, searched and paged, with the contact details of the own
region's schools (scholen.py). The Django admin (/beheer/) stays for rare technical tasks.

Public surface: `urls` (included from cases/urls.py under `instellingen/`), `services` (the
writes, each recorded in Django's LogEntry: none of these records holds personal data; account
changes go to the processing log through cases/accounts/services.py), `huisstijl.logo_data_uri`
and `selectors.beheer_links` (what the start page and the beheer index show).
"""
