"""Make the processing log append-only in the database itself (PostgreSQL).

The application never updates or deletes log rows; this trigger makes sure nobody else does
either, not even through a raw SQL session with the application's credentials. TRUNCATE is
left to database permissions (docs/operations.md): the test suite flushes tables with it.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION cases_auditentry_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'het verwerkingslogboek is alleen-toevoegen: %% is niet toegestaan', TG_OP;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER cases_auditentry_append_only
    BEFORE UPDATE OR DELETE ON cases_auditentry
    FOR EACH STATEMENT EXECUTE FUNCTION cases_auditentry_refuse_change();
"""

DROP = """
DROP TRIGGER IF EXISTS cases_auditentry_append_only ON cases_auditentry;
DROP FUNCTION IF EXISTS cases_auditentry_refuse_change();
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP)


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
