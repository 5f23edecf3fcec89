"""Letters: per-organisation templates with a fixed set of placeholders, rendered to PDF in the
background and stored as a document in the dossier.

- `models`: BriefSjabloon (a template) and Brief (one letter made from it);
- `placeholders`: the allowed placeholders, validation and substitution (no template engine);
- `defaults`: the Dutch default texts every organisation starts with;
- `services` / `selectors`: writes and reads; `pdf`: WeasyPrint, only in the worker;
- `views` / `forms`: template editing (beheerder) and making a letter (case worker).

The team apps describe their sources (melding, vrijstelling, traject) in `cases.registry`.
"""
