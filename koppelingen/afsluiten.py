"""Accepting a signal that the jongere died or obtained a startkwalificatie: the work is done by
the team apps' services (leerplicht/afsluiten.py, doorstroom/afsluiten.py, cases.services), and
one note on the dossier's timeline says what the source reported and what was closed."""

from datetime import date

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from cases import services as case_services
from cases.constants import ActieSoort, Verwerkingsactiviteit
from doorstroom import afsluiten as doorstroom_afsluiten
from leerplicht import afsluiten as leerplicht_afsluiten

from .constants import Voorstel
from .models import Signaal

VOORSTELLEN = (Voorstel.AFSLUITEN_OVERLEDEN, Voorstel.STARTKWALIFICATIE)


def bekende_jongere(signaal: Signaal):
    """The jongere of a death or startkwalificatie signal; an unknown jongere has no open work
    here, and registering one only to close it would make a dossier for nothing."""
    if signaal.jongere is None:
        raise ValidationError(
            _(
                "Deze jongere is niet bekend bij uw organisatie: er is geen open werk om af te sluiten. "
                "Wijs het signaal af met die reden."
            )
        )
    return signaal.jongere


def _samenvatting(meldingen: int, aanvragen: int, trajecten: int) -> str:
    delen = [
        _("%(n)s melding(en) afgesloten") % {"n": meldingen},
        _("%(n)s aanvraag/aanvragen ingetrokken") % {"n": aanvragen} if aanvragen is not None else "",
        _("%(n)s traject(en) afgesloten") % {"n": trajecten},
    ]
    return ", ".join(d for d in delen if d) + "."


def overleden(*, signaal: Signaal, actor, jongere, datum: date, request=None) -> str:
    """Close all open work: meldingen (result "Overleden"), aanvragen in behandeling (ingetrokken /
    vervallen) and trajecten, each on the timeline; then one note with the source."""
    dossier = jongere.dossier
    leerplicht = leerplicht_afsluiten.open_werk_sluiten_overleden(
        actor=actor, dossier=dossier, datum=datum, request=request
    )
    trajecten = doorstroom_afsluiten.trajecten_sluiten(
        actor=actor, dossier=dossier, datum=datum, reden=doorstroom_afsluiten.OVERLEDEN, request=request
    )
    case_services.actie_register(
        actor=actor,
        dossier=dossier,
        soort=ActieSoort.NOTITIE,
        datum=min(datum, _vandaag()),
        omschrijving=_("%(bron)s meldt dat de jongere op %(datum)s is overleden. %(wat)s")
        % {
            "bron": signaal.get_bron_display(),
            "datum": date_format(datum, "j F Y"),
            "wat": _samenvatting(leerplicht["meldingen"], leerplicht["aanvragen"], trajecten),
        },
        purpose=Verwerkingsactiviteit.REGISTRATIE,
        request=request,
    )
    return reverse("dossier", args=[dossier.pk])


def startkwalificatie(*, signaal: Signaal, actor, jongere, datum: date, request=None) -> str:
    """Record the startkwalificatie (the end of the kwalificatieplicht, art. 4a lid 1 Lpw), close
    the open trajecten and the open meldingen when the jongere is past the volledige leerplicht."""
    dossier = jongere.dossier
    case_services.startkwalificatie_vastleggen(actor=actor, jongere=jongere, datum=datum, request=request)
    meldingen = leerplicht_afsluiten.meldingen_sluiten_startkwalificatie(
        actor=actor, dossier=dossier, datum=datum, request=request
    )
    trajecten = doorstroom_afsluiten.trajecten_sluiten(
        actor=actor,
        dossier=dossier,
        datum=datum,
        reden=doorstroom_afsluiten.STARTKWALIFICATIE,
        request=request,
    )
    case_services.actie_register(
        actor=actor,
        dossier=dossier,
        soort=ActieSoort.NOTITIE,
        datum=min(datum, _vandaag()),
        omschrijving=_(
            "%(bron)s meldt een startkwalificatie op %(datum)s: de kwalificatieplicht is geëindigd "
            "(art. 4a Leerplichtwet 1969). %(wat)s"
        )
        % {
            "bron": signaal.get_bron_display(),
            "datum": date_format(datum, "j F Y"),
            "wat": _samenvatting(meldingen, None, trajecten),
        },
        purpose=Verwerkingsactiviteit.REGISTRATIE,
        request=request,
    )
    return reverse("dossier", args=[dossier.pk])


def _vandaag() -> date:
    from django.utils import timezone

    return timezone.localdate()
