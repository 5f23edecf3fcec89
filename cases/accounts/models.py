"""Beheer of accounts: role grants under four eyes, notices to a user about changes to their
account, and the permission to create personal API tokens (issue 15, point 6)."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from knox.models import AuthToken

from cases.models import Organisatie


class RolToekenning(models.Model):
    """A role that opens personal data, requested for a user by one beheerder and given only when
    a second person (another beheerder, or technical beheer) approves it."""

    class Status(models.TextChoices):
        IN_AFWACHTING = "in_afwachting", _("Wacht op goedkeuring")
        GOEDGEKEURD = "goedgekeurd", _("Goedgekeurd")
        AFGEWEZEN = "afgewezen", _("Afgewezen")

    organisatie = models.ForeignKey(
        Organisatie, verbose_name=_("organisatie"), on_delete=models.CASCADE, related_name="+"
    )
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="roltoekenningen",
    )
    rol = models.ForeignKey(Group, verbose_name=_("rol"), on_delete=models.CASCADE, related_name="+")
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangevraagd door"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    aangevraagd_op = models.DateTimeField(_("aangevraagd op"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.IN_AFWACHTING
    )
    beoordeeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beoordeeld door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    beoordeeld_op = models.DateTimeField(_("beoordeeld op"), null=True, blank=True)

    class Meta:
        verbose_name = _("roltoekenning (vier ogen)")
        verbose_name_plural = _("roltoekenningen (vier ogen)")
        ordering = ["-aangevraagd_op"]
        default_permissions = ("view", "change")
        constraints = [
            models.UniqueConstraint(
                fields=["gebruiker", "rol"],
                condition=models.Q(status="in_afwachting"),
                name="roltoekenning_een_open_aanvraag",
            )
        ]

    def __str__(self):
        return f"{self.rol.name} → {self.gebruiker.get_username()} ({self.get_status_display()})"


class AccountMelding(models.Model):
    """A notice to a user about a change to their account made by someone else (a password or
    second-factor reset, a role), shown once at their next login; also sent by e-mail."""

    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="accountmeldingen",
    )
    tekst = models.TextField(_("tekst"))
    aangemaakt_op = models.DateTimeField(_("aangemaakt op"), default=timezone.now)
    getoond_op = models.DateTimeField(_("getoond op"), null=True, blank=True)

    class Meta:
        verbose_name = _("melding over het account")
        verbose_name_plural = _("meldingen over het account")
        ordering = ["aangemaakt_op"]
        default_permissions = ()

    def __str__(self):
        return f"{self.aangemaakt_op:%d-%m-%Y %H:%M} {self.gebruiker.get_username()}"


class ApiToken(AuthToken):
    """Personal API tokens (knox), as a model of this app for its permission: `cases.add_apitoken`
    is what a role needs to create one (docs/rollen.md)."""

    class Meta:
        proxy = True
        verbose_name = _("API-token")
        verbose_name_plural = _("API-tokens")
        default_permissions = ("add",)
