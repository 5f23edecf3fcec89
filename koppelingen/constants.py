from django.db import models
from django.utils.translation import gettext_lazy as _


class Bron(models.TextChoices):
    """The outside sources, each a subpackage of koppelingen."""

    DUO_VERZUIM = "duo_verzuim", _("DUO verzuimmeldingen")
    DUO_LEVERING = "duo_levering", _("DUO leveringen")
    BRP = "brp", _("BRP (Haal Centraal)")
    INLICHTINGENBUREAU = "inlichtingenbureau", _("Inlichtingenbureau")


class Voorstel(models.TextChoices):
    """What the system proposes to do with a signal; also the kinds an organisation may switch
    to automatic application."""

    NIEUWE_MELDING = "nieuwe_melding", _("Nieuwe melding")
    MELDING_AANVULLEN = "melding_aanvullen", _("Toevoegen aan open melding")
    NIEUW_TRAJECT = "nieuw_traject", _("Nieuw traject")
    ADRES_BIJWERKEN = "adres_bijwerken", _("Adres bijwerken")
    AFSLUITEN_OVERLEDEN = "afsluiten_overleden", _("Open werk afsluiten (overleden)")
    OVERDRACHT_VERHUISD = "overdracht_verhuisd", _("Overdragen (verhuisd)")
    SCHOOLGESCHIEDENIS = "schoolgeschiedenis", _("Inschrijving bijwerken")
    STARTKWALIFICATIE = "startkwalificatie", _("Startkwalificatie vastleggen en open werk afsluiten")
    GEEN = "geen", _("Alleen ter kennisneming")


class SignaalStatus(models.TextChoices):
    WACHTEND = "wachtend", _("Wacht op beoordeling")
    TOEGEPAST = "toegepast", _("Toegepast")
    AUTOMATISCH = "automatisch", _("Automatisch toegepast")
    AFGEWEZEN = "afgewezen", _("Afgewezen")
    MISLUKT = "mislukt", _("Mislukt")


OPEN_STATUSES = (SignaalStatus.WACHTEND, SignaalStatus.MISLUKT)


class UitberichtStatus(models.TextChoices):
    TE_VERSTUREN = "te_versturen", _("Te versturen")
    VERSTUURD = "verstuurd", _("Verstuurd")
    MISLUKT = "mislukt", _("Mislukt")


class DuoStatus(models.TextChoices):
    """The statuses a gemeente reports back on a verzuimmelding (DUO, since August 2020)."""

    IN_BEHANDELING = "in_behandeling", _("In behandeling")
    AFGESLOTEN = "afgesloten", _("Afgesloten")


class RunStatus(models.TextChoices):
    GESLAAGD = "geslaagd", _("Geslaagd")
    MISLUKT = "mislukt", _("Mislukt")
