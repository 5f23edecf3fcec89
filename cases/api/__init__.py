"""The core's REST API (jongeren, dossiers, acties, codelijsten, scholen, populatie, tokens) and the
shared API plumbing the team apps build on: permissions, the processing log, ETag / If-Match and
the error format. Thin views: parse, call a selector or service, serialize."""
