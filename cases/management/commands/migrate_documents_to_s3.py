"""Copy every private file (documents, import files, report files) from the local folder
PRIVATE_MEDIA_ROOT to the configured S3 store, and verify each copy by its SHA-256.

Idempotent: a file already in the store with the same checksum is skipped, so the command can
run again after an interruption. Local files are left in place; remove them once the
application runs on the store (docs/operations.md).
"""

import hashlib

from django.apps import apps
from django.core.files.storage import storages
from django.core.management.base import BaseCommand, CommandError
from django.db import models

from cases.platform.storage import LocalPrivateStorage, private_files

CHUNK = 1024 * 1024


def sha256_of(storage, name: str) -> str:
    digest = hashlib.sha256()
    with storage.open(name, "rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()


def private_file_fields():
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField) and field.storage is private_files:
                yield model, field


class Command(BaseCommand):
    help = (
        "Kopieert alle privébestanden (documenten, importbestanden, jaarverslagen) van de lokale map "
        "PRIVATE_MEDIA_ROOT naar de S3-opslag (DOCUMENTS_S3_BUCKET) en controleert elke kopie op "
        "haar SHA-256-controlegetal."
    )

    def handle(self, *args, **options):
        target = storages["private"]
        if isinstance(target, LocalPrivateStorage):
            raise CommandError(
                "De opslag is nog de lokale map: zet eerst DOCUMENTS_S3_BUCKET (en de andere "
                "DOCUMENTS_S3_-instellingen, zie docs/configuration.md)."
            )
        source = LocalPrivateStorage()
        copied = skipped = missing = 0
        failed = []
        for model, field in private_file_fields():
            names = model._default_manager.exclude(**{field.name: ""}).values_list(field.name, flat=True)
            for name in names.iterator():
                if not name:
                    continue
                if not source.exists(name):
                    if target.exists(name):
                        skipped += 1
                    else:
                        missing += 1
                        self.stderr.write(f"Ontbreekt lokaal en in de opslag: {model._meta.label} {name}")
                    continue
                expected = sha256_of(source, name)
                if target.exists(name):
                    if sha256_of(target, name) == expected:
                        skipped += 1
                        continue
                    target.delete(name)
                with source.open(name, "rb") as handle:
                    stored = target.save(name, handle)
                if stored != name or sha256_of(target, name) != expected:
                    failed.append(name)
                    continue
                copied += 1
        self.stdout.write(
            f"Gekopieerd en gecontroleerd: {copied}; al aanwezig met hetzelfde controlegetal: {skipped}; "
            f"ontbrekend: {missing}; mislukt: {len(failed)}."
        )
        if failed:
            raise CommandError(
                f"{len(failed)} bestand(en) kwamen niet ongeschonden in de opslag; draai het commando "
                "opnieuw, of zie de foutmeldingen hierboven."
            )
        if missing:
            raise CommandError(f"{missing} bestand(en) ontbreken lokaal én in de opslag.")
