"""What leerplicht adds to the shared dossier page: an overview and timeline entries."""

from datetime import date

from django.utils import timezone
from django.utils.translation import gettext as _

from cases.paths import path_per_pk
from cases.registry import TimelineEntry
from cases.rules import age_on
from cases.selectors import met_namen, naam

from . import rules
from .constants import KENNISGEVING_GRONDSLAGEN, Besluit, Grondslag
from .models import Melding, MeldingTransitie, Vrijstelling


def _name(user) -> str:
    return naam(user) if user is not None else _("import")


def _vrijstellingen(user, dossier) -> list[Vrijstelling]:
    """The section and the timeline both show them: kept on the dossier object for the request."""
    if not hasattr(dossier, "_vrijstellingen"):
        dossier._vrijstellingen = list(Vrijstelling.objects.visible_to(user).filter(dossier=dossier))
    return dossier._vrijstellingen


# The vrijstellingen that free a jongere from the obligation as a whole (art. 5 onder a, b, c
# and art. 15); the dossier then says "Vrijgesteld (5a)" instead of "Leerplichtig".
STATUS_GRONDSLAGEN = {
    Grondslag.ART5A: "5a",
    Grondslag.ART5B: "5b",
    Grondslag.ART5C: "5c",
    Grondslag.ART15: "15",
}


def _geldt_op(v: Vrijstelling, today: date) -> bool:
    return (
        v.besluit == Besluit.VERLEEND
        and v.geldig_van is not None
        and v.geldig_van <= today
        and (v.geldig_tot is None or today <= v.geldig_tot)
    )


def status_label(user, dossier, today: date) -> str | None:
    """'Vrijgesteld (5a)' while such a vrijstelling holds; None otherwise."""
    for v in _vrijstellingen(user, dossier):
        if v.grondslag in STATUS_GRONDSLAGEN and _geldt_op(v, today):
            return _("Vrijgesteld (%(artikel)s)") % {"artikel": STATUS_GRONDSLAGEN[v.grondslag]}
    return None


def vernieuwingen(vrijstellingen: list[Vrijstelling], today: date) -> list[dict]:
    """Kennisgevingen under art. 5 that need renewing before 1 July (art. 6): a signal from
    30 days before, and 'verlopen' once 1 July has passed without a newer kennisgeving."""
    result = []
    for v in vrijstellingen:
        if v.grondslag not in KENNISGEVING_GRONDSLAGEN or not _geldt_op(v, today):
            continue
        vernieuwd = any(
            o.grondslag == v.grondslag and o.pk != v.pk and o.aangevraagd_op > v.aangevraagd_op
            for o in vrijstellingen
        )
        signaal = rules.vernieuwing_signaal(geldig_tot=v.geldig_tot, vernieuwd=vernieuwd, today=today)
        if signaal:
            result.append(
                {"vrijstelling": v, "signaal": signaal, "uiterlijk": rules.vernieuwen_voor(v.geldig_tot)}
            )
    return result


def section_context(user, dossier) -> dict:
    today = timezone.localdate()
    vrijstellingen = _vrijstellingen(user, dossier)
    return {
        "dossier": dossier,
        "meldingen": list(
            Melding.objects.visible_to(user).filter(dossier=dossier).select_related("resultaat")
        ),
        "vrijstellingen": vrijstellingen,
        "vernieuwingen": vernieuwingen(vrijstellingen, today),
        # From 18 the Leerplichtwet no longer applies: no new meldingen or aanvragen here.
        "meerderjarig": age_on(dossier.jongere.geboortedatum, today) >= 18,
    }


def timeline_entries(user, dossier) -> list[TimelineEntry]:
    """Received meldingen, phase changes and vrijstelling decisions (three queries)."""
    if not user.has_perm("leerplicht.view_melding"):
        return []
    entries = []
    melding_path, vrijstelling_path = path_per_pk("melding"), path_per_pk("vrijstelling")
    transities = met_namen(
        MeldingTransitie.objects.visible_to(user).filter(melding__dossier=dossier).select_related("melding"),
        "gebruiker",
    )
    for t in transities:
        melding_url = melding_path(t.melding_id)
        if not t.van:
            titel = _("Melding %(soort)s ontvangen") % {"soort": t.melding.get_soort_display().lower()}
            entries.append(
                TimelineEntry(
                    datum=t.melding.ontvangen_op,
                    titel=titel,
                    door=_name(t.gebruiker),
                    url=melding_url,
                    soort="melding",
                )
            )
        else:
            titel = _("%(soort)s: %(van)s → %(naar)s") % {
                "soort": t.melding.get_soort_display(),
                "van": t.get_van_display(),
                "naar": t.get_naar_display(),
            }
            entries.append(
                TimelineEntry(
                    datum=t.tijdstip.date(),
                    titel=titel,
                    omschrijving=t.reden,
                    door=_name(t.gebruiker),
                    url=melding_url,
                    soort="fase",
                )
            )
    for v in _vrijstellingen(user, dossier):
        url = vrijstelling_path(v.pk)
        entries.append(
            TimelineEntry(
                datum=v.aangevraagd_op,
                titel=_("Aanvraag %(g)s") % {"g": v.get_grondslag_display()},
                url=url,
                soort="vrijstelling",
            )
        )
        if v.besluit:
            entries.append(
                TimelineEntry(
                    datum=v.besluit_op or v.aangevraagd_op,  # imported decisions may lack a date
                    titel=_("Besluit: %(b)s") % {"b": v.get_besluit_display()},
                    url=url,
                    soort="vrijstelling",
                )
            )
    return entries
