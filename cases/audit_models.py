"""The processing log (verwerkingslogboek): append-only, outliving the dossiers it is about."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants import AuditAction, Verwerkingsactiviteit


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise ValidationError(_("Het verwerkingslogboek kan niet worden gewijzigd."))

    def delete(self):
        raise ValidationError(_("Het verwerkingslogboek kan niet worden verwijderd."))


class AuditEntry(models.Model):
    """Append-only processing log (in the spirit of Logius 'Logboek Dataverwerkingen').

    No foreign keys to the subject: the entry outlives a destroyed dossier, and PostgreSQL
    refuses UPDATE and DELETE on this table (migration 0002).
    """

    tijdstip = models.DateTimeField(_("tijdstip"), default=timezone.now, db_index=True)
    gebruiker_id = models.BigIntegerField(_("gebruiker-id"), null=True)
    gebruikersnaam = models.CharField(_("gebruikersnaam"), max_length=150)
    organisatie_id = models.BigIntegerField(_("organisatie-id"), null=True, db_index=True)
    actie = models.CharField(_("actie"), max_length=20, choices=AuditAction.choices)
    doel = models.CharField(_("verwerkingsactiviteit"), max_length=40, choices=Verwerkingsactiviteit.choices)
    object_type = models.CharField(_("soort gegevens"), max_length=60)
    object_id = models.BigIntegerField(_("object-id"), null=True)
    jongere_id = models.BigIntegerField(_("jongere-id"), null=True, db_index=True)
    betrokkene = models.CharField(
        _("betrokkene (pseudoniem)"),
        max_length=64,
        blank=True,
        help_text=_("Gepseudonimiseerd kenmerk van de jongere."),
    )
    trace_id = models.CharField(_("trace-id"), max_length=32, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("logregel")
        verbose_name_plural = _("verwerkingslogboek")
        ordering = ["-tijdstip"]
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.tijdstip:%d-%m-%Y %H:%M} {self.gebruikersnaam} {self.get_actie_display()}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValidationError(_("Het verwerkingslogboek kan niet worden gewijzigd."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("Het verwerkingslogboek kan niet worden verwijderd."))
