"""What the application runs on, wired by the settings: nothing here is domain logic.

- `storage`: where private files live (local folder or S3), never behind a public URL;
- `replica`: reads of the jaarverslag from a PostgreSQL read replica (DATABASE_ROUTERS);
- `observability`: structured logs (trace, user, organisation; BSN redaction);
- `metrics`: Prometheus metrics at /metrics;
- `locked`: SQLite's "database is locked" answered as the usual conflict;
- `pdf_fetcher`: the WeasyPrint URL fetcher that refuses every URL;
- `vertaalde_apps`: Dutch names for third-party apps in the admin (INSTALLED_APPS);
- `bulk`: batch sizes that keep bulk writes under PostgreSQL's 65,535 parameters per statement;
- `migration_ops`: migrations that are safe while the previous release serves (concurrent index
  builds, models rendered before locks are taken);
- `cache`, `sessions`: the Redis cache and session store that survive a Redis restart without
  a server error.
"""
