"""Reads of the beheer pages: which beheer pages a user may open, with the counts that need
attention (no personal data)."""

from dataclasses import dataclass
from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cases import registry
from cases.accounts.models import RolToekenning
from cases.imports.models import ImportRecord

#: Import problems are shown on the start page for this long.
IMPORT_PROBLEMEN_DAGEN = 14


@dataclass(frozen=True)
class BeheerLink:
    url: str
    titel: str
    uitleg: str
    aantal: int | None = None
    aantal_uitleg: str = ""


#: Holding any of these opens the beheer index (a cheap check for the navigation, no queries).
BEHEER_PERMISSIONS = (
    "cases.view_codeitem",
    "cases.view_schoolvakantie",
    "reporting.view_populatie",
    "leerplicht.view_termijn",
    "doorstroom.view_trajecttermijn",
    "cases.view_briefsjabloon",
    "cases.view_user",
)


def may_open_beheer(user) -> bool:
    return bool(user.organisatie_id) and any(user.has_perm(perm) for perm in BEHEER_PERMISSIONS)


def termijn_permission(bron: registry.TermijnBron, action: str) -> str:
    app_label, model = bron.model.split(".")
    return f"{app_label}.{action}_{model.lower()}"


def termijn_bronnen_for(user, action: str = "view") -> list[registry.TermijnBron]:
    return [bron for bron in registry.termijn_bronnen if user.has_perm(termijn_permission(bron, action))]


def beheer_links(user) -> list[BeheerLink]:
    """The beheer tasks this user may do, in the order a beheerder needs them."""
    if not user.organisatie_id:
        return []
    links = []
    if user.has_perm("cases.view_user"):
        open_aanvragen = None
        if user.has_perm("cases.change_roltoekenning"):
            open_aanvragen = RolToekenning.objects.filter(
                organisatie_id=user.organisatie_id, status=RolToekenning.Status.IN_AFWACHTING
            ).count()
        links.append(
            BeheerLink(
                reverse("beheer_gebruikers"),
                _("Gebruikers en rollen"),
                _(
                    "Accounts van uw organisatie aanmaken, rollen geven en goedkeuren (vier ogen), "
                    "deactiveren, wachtwoord en tweestapsverificatie herstellen."
                ),
                open_aanvragen,
                _("wacht op goedkeuring"),
            )
        )
    if termijn_bronnen_for(user):
        links.append(
            BeheerLink(
                reverse("beheer_termijnen"),
                _("Termijnen"),
                _("De termijnen van meldingen, aanvragen en trajecten, naast de standaardwaarde."),
            )
        )
    if user.has_perm("reporting.view_populatie"):
        links.append(
            BeheerLink(
                reverse("beheer_populatie"),
                _("Populatie"),
                _(
                    "Aantallen leerplichtigen en kwalificatieplichtigen per gemeente en schooljaar: de noemers van het jaarverslag."
                ),
            )
        )
    if user.has_perm("cases.change_school"):
        links.append(
            BeheerLink(
                reverse("beheer_scholen"),
                _("Scholen"),
                _(
                    "Scholen zoeken; contactgegevens bijhouden van scholen in de gemeenten van uw organisatie."
                ),
            )
        )
    if user.has_perm("cases.view_codeitem"):
        links.append(
            BeheerLink(
                reverse("beheer_codes"),
                _("Codelijsten"),
                _("Redenen, resultaten en uitstroomcategorieën: toevoegen, hernoemen en uitfaseren."),
            )
        )
    if user.has_perm("cases.view_schoolvakantie"):
        links.append(
            BeheerLink(
                reverse("beheer_vakanties"),
                _("Schoolvakanties"),
                _("Vakantiedagen van uw regio: termijnen in werkdagen slaan ze over."),
            )
        )
    if user.has_perm("cases.view_briefsjabloon"):
        links.append(
            BeheerLink(
                reverse("sjablonen"),
                _("Briefsjablonen"),
                _("De teksten van de brieven die vanuit een melding, aanvraag of traject worden gemaakt."),
            )
        )
    if user.has_perm("cases.change_organisatie"):
        links.append(
            BeheerLink(
                reverse("beheer_huisstijl"),
                _("Briefhoofd en logo"),
                _(
                    "Afzender, telefoon, e-mail en ondertekening van de brieven; het logo op brieven en jaarverslag."
                ),
            )
        )
    if user.has_perm("cases.add_importrecord"):
        sinds = timezone.now() - timedelta(days=IMPORT_PROBLEMEN_DAGEN)
        problemen = ImportRecord.objects.filter(
            organisatie_id=user.organisatie_id,
            status__in=[ImportRecord.Status.GEWEIGERD, ImportRecord.Status.MISLUKT],
            aangemaakt_op__gte=sinds,
        ).count()
        links.append(
            BeheerLink(
                reverse("imports"),
                _("Imports"),
                _("Ingelezen bestanden en hun resultaat."),
                problemen,
                _("geweigerd of mislukt in de afgelopen twee weken"),
            )
        )
    return links
