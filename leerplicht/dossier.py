"""What leerplicht adds to the shared dossier page: an overview and timeline entries."""

from django.utils.translation import gettext as _

from cases.paths import path_per_pk
from cases.registry import TimelineEntry

from .models import Melding, MeldingTransitie, Vrijstelling


def _name(user) -> str:
    if user is None:
        return _("import")
    return user.get_full_name() or user.get_username()


def _vrijstellingen(user, dossier) -> list[Vrijstelling]:
    """The section and the timeline both show them: kept on the dossier object for the request."""
    if not hasattr(dossier, "_vrijstellingen"):
        dossier._vrijstellingen = list(Vrijstelling.objects.visible_to(user).filter(dossier=dossier))
    return dossier._vrijstellingen


def section_context(user, dossier) -> dict:
    return {
        "dossier": dossier,
        "meldingen": list(
            Melding.objects.visible_to(user).filter(dossier=dossier).select_related("resultaat")
        ),
        "vrijstellingen": _vrijstellingen(user, dossier),
    }


def timeline_entries(user, dossier) -> list[TimelineEntry]:
    """Received meldingen, phase changes and vrijstelling decisions (three queries)."""
    if not user.has_perm("leerplicht.view_melding"):
        return []
    entries = []
    melding_path, vrijstelling_path = path_per_pk("melding"), path_per_pk("vrijstelling")
    transities = (
        MeldingTransitie.objects.visible_to(user)
        .filter(melding__dossier=dossier)
        .select_related("melding", "gebruiker")
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
