"""What the application runs on, wired by the settings: nothing here is domain logic.

- `storage`: where private files live (local folder or S3), never behind a public URL;
- `replica`: reads of the jaarverslag from a PostgreSQL read replica (DATABASE_ROUTERS);
- `observability`: structured logs (trace, user, organisation; BSN redaction);
- `metrics`: Prometheus metrics at /metrics;
- `locked`: SQLite's "database is locked" answered as the usual conflict;
- `pdf_fetcher`: the WeasyPrint URL fetcher that refuses every URL;
- `vertaalde_apps`: Dutch names for third-party apps in the admin (INSTALLED_APPS).
"""
