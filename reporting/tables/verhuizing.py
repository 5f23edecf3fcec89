"""Jaarverslag tables that count the records of issue 16: processen-verbaal by their named
verdachte (an ouder, art. 2 lid 1 Lpw, or the leerling, art. 2 lid 3 / 4a) and verhuizingen
between gemeenten (overdracht and overname). One grouped query per table."""

from django.db.models import Count, Sum
from django.utils.translation import gettext as _

from cases.constants import ActieSoort, OverdrachtRichting
from cases.models import Organisatie, Overdracht
from cases.rules import Schooljaar
from leerplicht.models import MeldingActie

from .base import LEERPLICHT, Column, Row, Table
from .common import grouped


def build(organisatie: Organisatie, schooljaar: Schooljaar, vergelijkingsjaar, gemeenten) -> list[Table]:
    gemeente_ids = dict(organisatie.gemeenten.values_list("code", "pk"))
    return [
        processen_verbaal_verdachte(organisatie, schooljaar, gemeenten, gemeente_ids),
        overdrachten(organisatie, schooljaar, gemeenten, gemeente_ids),
    ]


def processen_verbaal_verdachte(organisatie, schooljaar, gemeenten, gemeente_ids) -> Table:
    """Processen-verbaal made in the schooljaar (date of the action), per gemeente of the melding."""
    counts = grouped(
        MeldingActie.objects.filter(
            melding__organisatie=organisatie,
            # The action's own organisation too (always the melding's): the index
            # (organisatie, soort, datum) then finds the few processen-verbaal directly.
            actie__organisatie=organisatie,
            actie__soort__in=[ActieSoort.PROCES_VERBAAL_OUDER, ActieSoort.PROCES_VERBAAL_LEERLING],
            actie__datum__range=(schooljaar.first_day, schooljaar.last_day),
        ),
        "melding__gemeente_id",
        "actie__soort",
    )
    rows = []
    for code, naam in gemeenten:
        gid = gemeente_ids.get(code)
        ouder = counts.get((gid, ActieSoort.PROCES_VERBAAL_OUDER.value), 0)
        leerling = counts.get((gid, ActieSoort.PROCES_VERBAAL_LEERLING.value), 0)
        rows.append(Row(naam, {"ouder": ouder, "leerling": leerling, "totaal": ouder + leerling}))
    return Table(
        id="processen_verbaal_verdachte",
        titel=_("Processen-verbaal naar verdachte"),
        deel=LEERPLICHT,
        columns=[
            Column("ouder", _("Tegen een ouder/verzorger")),
            Column("leerling", _("Tegen de leerling (12+)")),
            Column("totaal", _("Totaal")),
        ],
        rows=rows,
        total={k: sum(r.values[k] for r in rows) for k in ("ouder", "leerling", "totaal")},
        toelichting=_(
            "Geteld op de datum van het proces-verbaal, per woongemeente van de melding. Een "
            "proces-verbaal noemt de verdachte: een ouder of verzorger (artikel 2 lid 1 Leerplichtwet) "
            "of de leerling vanaf 12 jaar (artikel 2 lid 3 en 4a)."
        ),
    )


def overdrachten(organisatie, schooljaar, gemeenten, gemeente_ids) -> Table:
    """Verhuizingen recorded in the schooljaar (date of the move), per gemeente of the organisation."""
    per = {
        (row["eigen_gemeente_id"], row["richting"]): row
        for row in Overdracht.objects.filter(
            organisatie=organisatie, datum__range=(schooljaar.first_day, schooljaar.last_day)
        )
        .order_by()
        .values("eigen_gemeente_id", "richting")
        .annotate(n=Count("pk"), meldingen=Sum("gesloten_meldingen"))
    }
    empty = {"n": 0, "meldingen": 0}
    rows = []
    for code, naam in gemeenten:
        gid = gemeente_ids.get(code)
        uit = per.get((gid, OverdrachtRichting.UIT.value), empty)
        binnen = per.get((gid, OverdrachtRichting.IN.value), empty)
        values = {"overgedragen": uit["n"], "meldingen": uit["meldingen"] or 0, "overgenomen": binnen["n"]}
        rows.append(Row(naam, values))
    keys = ("overgedragen", "meldingen", "overgenomen")
    return Table(
        id="overdrachten",
        titel=_("Verhuizingen: overdracht aan en overname van andere gemeenten"),
        deel=LEERPLICHT,
        columns=[
            Column("overgedragen", _("Overgedragen aan andere gemeente")),
            Column("meldingen", _("Daarbij afgesloten meldingen")),
            Column("overgenomen", _("Overgenomen van andere gemeente")),
        ],
        rows=rows,
        total={k: sum(r.values[k] for r in rows) for k in keys},
        toelichting=_(
            "Geteld op de verhuisdatum. Open meldingen van een overgedragen jongere zijn afgesloten met "
            "resultaat 'Overdracht andere gemeente'."
        ),
    )
