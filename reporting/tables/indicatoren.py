"""The BBV beleidsindicatoren (Besluit begroting en verantwoording provincies en gemeenten) as the
jaarverslag can compute them from its own registration, with the population used and its source.

waarstaatjegemeente.nl defines them as: absoluut verzuim = leerplichtigen not enrolled at a
school, relatief verzuim = leerplichtigen enrolled but unlawfully absent, both per 1,000
inhabitants aged 5-18; vsv = share of pupils leaving without startkwalificatie. We count
distinct leerlingen with a melding of that kind in the schooljaar (definitions bbv_absoluut,
bbv_relatief in definities.py) and divide by leerplichtigen + kwalificatieplichtigen of the
entered population figures (populatie_5_18). The official figures come from DUO/Ingrado and may
differ; the page says so.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _

from reporting.models import Populatie

from .base import LEERPLICHT, Column, Row, Table
from .cijfers import melding_cijfers  # BBV_RELATIEF: the soorten of relatief verzuim
from .definities import telt


def per_1000(part: int | None, whole: int | None) -> float | None:
    if part is None or not whole:
        return None
    return float((Decimal(part) * 1000 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _population(gemeente_ids, jaar) -> int | None:
    """Leerlingen 5-18 of all the organisation's gemeenten; None when a figure is missing."""
    rows = list(
        Populatie.objects.filter(gemeente_id__in=gemeente_ids, schooljaar=jaar.start_year).values_list(
            "leerplichtigen", "kwalificatieplichtigen"
        )
    )
    if len(rows) != len(gemeente_ids) or any(k is None for _l, k in rows):
        return None
    return sum(lp + kw for lp, kw in rows)


def _figures(organisatie, jaar, gemeente_ids, vsv_percentage):
    # Distinct leerlingen per kind: counted with the kerncijfers (cijfers.py, one statement).
    cijfers = melding_cijfers(organisatie, jaar)
    populatie = _population(gemeente_ids, jaar)
    return {
        "populatie": populatie,
        "absoluut": per_1000(cijfers.leerlingen_absoluut, populatie),
        "relatief": per_1000(cijfers.leerlingen_relatief, populatie),
        "vsv": vsv_percentage,
        "has_data": bool(cijfers.totaal.meldingen),
    }


def bbv_indicatoren(organisatie, schooljaar, vergelijkingsjaar, vsv_table: Table | None) -> Table:
    gemeente_ids = list(organisatie.gemeenten.values_list("pk", flat=True))

    def vsv(key):
        if vsv_table is None:
            return None
        row = next((r for r in vsv_table.rows if r.percentage), None)
        return row.values.get(key) if row else None

    now = _figures(organisatie, schooljaar, gemeente_ids, vsv("aantal"))
    before = (
        _figures(organisatie, vergelijkingsjaar, gemeente_ids, vsv("vorig_jaar"))
        if vergelijkingsjaar
        else None
    )
    bron_populatie = _("Populatiecijfers (BRP), ingevoerd in het systeem")
    bron_eigen = _("Eigen registratie; noemer: leerlingen 5-18 jaar")
    rows_spec = [
        (
            "populatie",
            _("Leerlingen 5-18 jaar (leerplichtig en kwalificatieplichtig)"),
            bron_populatie,
            False,
        ),
        ("absoluut", _("Absoluut verzuim per 1.000 leerlingen 5-18 jaar"), bron_eigen, False),
        ("relatief", _("Relatief verzuim per 1.000 leerlingen 5-18 jaar"), bron_eigen, False),
        ("vsv", _("Vsv-percentage"), _("Nieuwe vsv'ers gedeeld door de startpopulatie van DUO"), True),
    ]
    columns = [Column("aantal", str(schooljaar))]
    if before is not None:
        columns += [Column("vorig_jaar", str(vergelijkingsjaar)), Column("verschil", _("Verschil"))]
    rows = []
    for key, label, bron, is_pct in rows_spec:
        values = {"aantal": now[key]}
        if before is not None:
            previous = before[key] if (before["has_data"] or key == "populatie") else None
            values["vorig_jaar"] = previous
            values["verschil"] = (
                round(now[key] - previous, 1) if now[key] is not None and previous is not None else None
            )
        rows.append(Row(str(label), values, percentage=is_pct, bron=str(bron)))
    return Table(
        id="bbv_indicatoren",
        titel=_("Beleidsindicatoren (BBV)"),
        deel=LEERPLICHT,
        columns=columns,
        rows=rows,
        total={},
        has_total=False,
        voetnoten=[telt("populatie_5_18"), telt("bbv_absoluut"), telt("bbv_relatief")],
        toelichting=_(
            "De officiële BBV-cijfers op waarstaatjegemeente.nl komen van DUO en Ingrado en kunnen "
            "afwijken van deze berekening uit de eigen registratie."
        ),
    )
