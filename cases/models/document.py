"""Documents in a dossier, stored outside any public URL."""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases import access
from cases.models.jongere import Dossier
from cases.models.organisatie import User
from cases.platform.storage import private_files


def private_storage():
    """The storage of every private file field (cases/platform/storage.py): local disk or S3."""
    return private_files


def document_path(instance, filename):
    # A random name: the original file name may hold personal data and stays in `naam`.
    return f"documenten/{instance.dossier_id}/{uuid.uuid4().hex}"


class Document(models.Model):
    """A file in a dossier (e.g. a doctor's statement for a 5a vrijstelling)."""

    dossier = models.ForeignKey(
        Dossier, verbose_name=_("dossier"), on_delete=models.CASCADE, related_name="documenten"
    )
    bestand = models.FileField(_("bestand"), storage=private_storage, upload_to=document_path)
    naam = models.CharField(
        _("bestandsnaam"), max_length=200, help_text=_("De naam van het geüploade bestand.")
    )
    omschrijving = models.CharField(_("omschrijving"), max_length=200, blank=True)
    content_type = models.CharField(_("bestandstype"), max_length=100)
    grootte = models.PositiveIntegerField(_("grootte in bytes"))
    geupload_door = models.ForeignKey(
        User, verbose_name=_("geüpload door"), on_delete=models.PROTECT, related_name="+"
    )
    geupload_op = models.DateTimeField(_("geüpload op"), default=timezone.now)

    objects = access.ViaDossierQuerySet.as_manager()

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        ordering = ["-geupload_op"]

    def __str__(self):
        return self.naam
