"""Models of privacy: the processing log (verwerkingslogboek), append-only and outliving the
dossiers it is about; and destruction proposals past the retention term."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.constants import AuditAction, Verwerkingsactiviteit
from cases.models import Dossier, Organisatie, User


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


class VernietigingsVoorstel(models.Model):
    """Destruction proposal: the daily job lists dossiers past their retention term, a
    functioneel beheerder approves or rejects each one, and the outcome stays reviewable."""

    class Status(models.TextChoices):
        VOORGESTELD = "voorgesteld", _("Voorgesteld, wacht op beoordeling")
        VERNIETIGD = "vernietigd", _("Goedgekeurd en vernietigd")
        AFGEWEZEN = "afgewezen", _("Afgewezen (blijft bewaard)")

    class Grondslag(models.TextChoices):
        LEERPLICHT = "selectielijst_12_1_3", _("Selectielijst 12.1.3: 19 jaar na de geboortedatum")
        KWALIFICATIEPLICHT = (
            "selectielijst_12_1_4",
            _("Selectielijst 12.1.4: 2 jaar na einde kwalificatieplicht"),
        )
        LAATSTE_ACTIVITEIT = "laatste_activiteit", _("2 jaar na de laatste activiteit (traject of melding)")
        WPG = "wpg_5_jaar", _("Wpg: 5 jaar na de laatste activiteit")

    organisatie = models.ForeignKey(
        Organisatie, verbose_name=_("organisatie"), on_delete=models.PROTECT, related_name="+"
    )
    dossier = models.ForeignKey(
        Dossier,
        verbose_name=_("dossier"),
        on_delete=models.PROTECT,
        related_name="vernietigingsvoorstellen",
        help_text=_("Na vernietiging een anonieme huls: alleen de feiten voor het jaarverslag."),
    )
    grondslag = models.CharField(_("grondslag"), max_length=30, choices=Grondslag.choices)
    vervaldatum = models.DateField(_("bewaartermijn verstreken op"))
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.VOORGESTELD)
    voorgesteld_op = models.DateTimeField(_("voorgesteld op"), default=timezone.now)
    beoordeeld_door = models.ForeignKey(
        User,
        verbose_name=_("beoordeeld door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    beoordeeld_op = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)
    verwijderd = models.JSONField(
        _("verwijderd"),
        default=dict,
        blank=True,
        help_text=_("Wat de vernietiging verwijderde of leegmaakte, per soort gegevens (aantallen)."),
    )

    class Meta:
        verbose_name = _("vernietigingsvoorstel")
        verbose_name_plural = _("vernietigingsvoorstellen")
        ordering = ["vervaldatum", "pk"]
        default_permissions = ("view", "change")
        constraints = [
            models.UniqueConstraint(
                fields=["dossier"],
                condition=models.Q(status="voorgesteld"),
                name="een_open_vernietigingsvoorstel_per_dossier",
            )
        ]

    def __str__(self):
        return _("Dossier %(nummer)s: %(status)s") % {
            "nummer": self.dossier_id,
            "status": self.get_status_display(),
        }
