"""The shared core both team apps build on. `leerplicht`, `doorstroom`, `reporting` and
`koppelingen` import from here; nothing here imports them (they plug in through `registry`).

The core, at this level:
- `models/`: organisations, gemeenten, users, jongeren, ouders and dossiers, overdrachten,
  schools, code lists, actions and documents (and, registered from there, the models of the
  subpackages below);
- `access`: the one visibility gate (`visible_to(user)`) every read of personal data starts from;
- `rules`: leerplicht rules as pure functions; `workflow`: the small state-machine engine;
- `registry`: the extension points through which the team apps plug in;
- `services` / `selectors`: the core's writes and shared reads; `constants`, `codelists`,
  `concurrency` (optimistic locking), `idempotency` (one record per submitted form);
- the core's own pages: `views`, `urls`, `forms`, `filters`, `choices`, `pagination`, `paths`,
  `form_renderer`, `context_processors`, `errors`, `admin`; `filtering` (the base FilterSet),
  `uploads` (document types from the content), `exports` and `spreadsheet` (CSV/XLSX, formula
  safe); `tasks` (thin Celery tasks); `demo` (demo data).

Around it, one subpackage per concern, each describing its public surface in its `__init__`:
`accounts/` (login, second factor, roles, permission cache), `privacy/` (processing log,
inzageverzoek, retention), `letters/`, `termijnen/` (working days, deadlines, digest),
`ouders/` (ouders and verzorgers), `verhuizing/` (overdracht between gemeenten), `imports/`,
`api/`, `beheer/` (the functioneel beheerder's pages) and `platform/` (storage, replica, logs,
metrics: what the settings wire in).
"""
