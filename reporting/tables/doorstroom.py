"""The Doorstroompunt part of the jaarverslag, computed from trajecten.

A traject belongs to the schooljaar in which it was signalled (gemeld_op). Most tables read the
year's trajecten counted in one statement (TRAJECT_GROEPEN, groepen.py), ages at uitval computed
in the database; the others are one grouped query each.
"""

from django.db import router
from django.db.models import Count, Q
from django.utils.translation import gettext as _

from cases.constants import Codelijst, Geslacht
from cases.rules import Schooljaar
from doorstroom.constants import Doelgroep, VerzuimAfloop
from doorstroom.models import Traject, VerzuimActie
from reporting.models import Populatie

from .base import DOORSTROOM, ONBEKEND, Column, Row, Table, count_table, percentage
from .common import CodeLists, gemeente_table, grouped
from .definities import telt
from .gedeeld import eenmaal
from .groepen import Groepen, tel_groepen

NIET_BEPAALD = "Nog niet bepaald"
BEGELEID = "Begeleid"
NIET_BEGELEID = "Niet begeleid"


def trajecten_of(organisatie, schooljaar: Schooljaar, doelgroep: str | None = None):
    queryset = Traject.objects.filter(
        organisatie=organisatie,
        gemeld_op__range=(schooljaar.first_day, schooljaar.last_day),
    )
    return queryset.filter(doelgroep=doelgroep) if doelgroep else queryset


#: The groupings of the year's trajecten that the tables read, per doelgroep.
TRAJECT_GROEPEN = {
    "reden": ("doelgroep", "reden_id"),
    "onderwijsachtergrond": ("doelgroep", "onderwijsachtergrond_id", "leeftijd"),
    "herkomst": ("doelgroep", "herkomst_id", "leeftijd"),
    "geslacht": ("doelgroep", "geslacht"),
    "begeleiding": ("doelgroep", "begeleid", "reden_niet_begeleid_id"),
    "uitstroom": ("doelgroep", "begeleid", "uitstroom_id"),
    "resultaat": ("doelgroep", "resultaat_id", "woongemeente_id"),
}
#: The doelgroepen whose tables read geslacht, woongemeente_id or leeftijd of TRAJECT_GROEPEN.
JONGERE_GETOOND = (
    Doelgroep.NIEUW_VSV,
    Doelgroep.KWETSBARE_JONGERE,
    Doelgroep.JONGEREN_IN_BEELD,
    Doelgroep.VERZUIM_18PLUS,
)
_TRAJECT_KOLOMMEN = {
    **{c: f"t.{c}" for c in ("doelgroep", "reden_id", "onderwijsachtergrond_id", "herkomst_id")},
    **{c: f"t.{c}" for c in ("begeleid", "reden_niet_begeleid_id", "uitstroom_id", "resultaat_id")},
    "geslacht": "j.geslacht",
    "woongemeente_id": "j.woongemeente_id",
    # Whole years between birth and uitval_op (NULL without uitval_op): the year difference,
    # less one when the birthday had not yet come that year.
    "leeftijd": (
        "(date_part('year', t.uitval_op) - date_part('year', j.geboortedatum)"
        " - CASE WHEN (date_part('month', t.uitval_op), date_part('day', t.uitval_op))"
        " < (date_part('month', j.geboortedatum), date_part('day', j.geboortedatum))"
        " THEN 1 ELSE 0 END)::integer"
    ),
}


def traject_groepen(organisatie, schooljaar: Schooljaar) -> Groepen:
    """The organisation-year's trajecten counted per TRAJECT_GROEPEN set, in one statement."""
    return eenmaal(tel_trajecten, organisatie, schooljaar)


def tel_trajecten(organisatie_id: int, schooljaar: Schooljaar) -> Groepen:
    return tel_groepen(
        router.db_for_read(Traject) or "default",
        TRAJECT_GROEPEN,
        _TRAJECT_KOLOMMEN,
        # The jongere of each traject by its key (LATERAL ... OFFSET 0 keeps PostgreSQL from
        # hashing all dossiers of the country to join the few thousand trajecten of one year),
        # only for the doelgroepen whose tables show the jongere's geslacht, woongemeente or
        # age (JONGERE_GETOOND); the others keep NULLs there.
        "FROM doorstroom_traject t LEFT JOIN LATERAL ("
        " SELECT jongere.geboortedatum, jongere.geslacht, jongere.woongemeente_id"
        " FROM cases_dossier d JOIN cases_jongere jongere ON jongere.id = d.jongere_id"
        " WHERE d.id = t.dossier_id AND t.doelgroep = ANY(%(jongere_getoond)s) OFFSET 0) j ON true "
        "WHERE t.organisatie_id = %(organisatie)s AND t.gemeld_op BETWEEN %(first)s AND %(last)s",
        {
            "organisatie": organisatie_id,
            "first": schooljaar.first_day,
            "last": schooljaar.last_day,
            "jongere_getoond": [doelgroep.value for doelgroep in JONGERE_GETOOND],
        },
    )


def build(organisatie, schooljaar, vergelijkingsjaar, gemeenten) -> list[Table]:
    codes = CodeLists(organisatie)
    gemeente_codes = dict(organisatie.gemeenten.values_list("pk", "code"))
    groepen = traject_groepen(organisatie, schooljaar)
    nieuw, oud, kwetsbaar = Doelgroep.NIEUW_VSV, Doelgroep.OUD_VSV, Doelgroep.KWETSBARE_JONGERE
    tables = [
        *verzuim_18plus(organisatie, schooljaar, groepen, codes, gemeenten, gemeente_codes),
        count_by_code(
            groepen.tel("reden_id", doelgroep=Doelgroep.ZORG_18PLUS),
            Codelijst.DSP_REDEN_ZORG_18PLUS,
            codes,
            "zorg_18plus",
            _("Zorgmeldingen 18+ naar reden"),
        ),
        vsv_kerncijfers(organisatie, schooljaar, vergelijkingsjaar, codes, gemeente_codes),
        age_cross_table(
            groepen.tel("onderwijsachtergrond_id", "leeftijd", doelgroep=nieuw),
            Codelijst.DSP_ONDERWIJSACHTERGROND,
            codes,
            range(17, 23),
            "vsv_onderwijsachtergrond_leeftijd",
            _("Onderwijsachtergrond uitvallers naar leeftijd bij uitval"),
        ),
        vsv_geslacht(groepen.tel("geslacht", doelgroep=nieuw)),
        begeleiding(
            groepen.tel("begeleid", "reden_niet_begeleid_id", doelgroep=nieuw),
            codes,
            "vsv_begeleiding",
            _("Begeleide en niet-begeleide nieuwe vsv'ers"),
            chart="donut",
        ),
        uitstroom(
            groepen.tel("uitstroom_id", doelgroep=nieuw, begeleid=True),
            codes,
            "vsv_uitstroom",
            _("Uitstroom van de begeleide uitvallers"),
        ),
        begeleiding(
            groepen.tel("begeleid", "reden_niet_begeleid_id", doelgroep=oud),
            codes,
            "oud_vsv",
            _("Oud-vsv'ers benaderd: begeleid en redenen niet begeleid"),
        ),
        uitstroom(
            groepen.tel("uitstroom_id", doelgroep=nieuw),
            codes,
            "vsv_uitstroom_vergelijking",
            _("Uitstroom nieuwe vsv'ers (begeleid en niet begeleid)"),
            categories_only=True,
            chart="donut",
        ),
        uitstroom(
            groepen.tel("uitstroom_id", doelgroep=oud),
            codes,
            "oud_vsv_uitstroom",
            _("Uitstroom oud-vsv'ers (begeleid en niet begeleid)"),
            categories_only=True,
            chart="donut",
        ),
        age_cross_table(
            groepen.tel("herkomst_id", "leeftijd", doelgroep=kwetsbaar),
            Codelijst.DSP_HERKOMST_KWETSBAAR,
            codes,
            range(18, 23),
            "kwetsbare_jongeren_leeftijd",
            _("Kwetsbare jongeren: herkomst naar leeftijd bij uitval"),
        ),
        count_by_code(
            groepen.tel("uitstroom_id", doelgroep=kwetsbaar),
            Codelijst.DSP_UITSTROOM_KWETSBAAR,
            codes,
            "kwetsbare_jongeren_uitstroom",
            _("Uitstroom kwetsbare jongeren"),
        ),
        result_per_gemeente(
            groepen.tel("resultaat_id", "woongemeente_id", doelgroep=Doelgroep.JONGEREN_IN_BEELD),
            Codelijst.RESULTAAT_JONGEREN_IN_BEELD,
            codes,
            gemeenten,
            gemeente_codes,
            "jongeren_in_beeld",
            _("Jongeren in Beeld (23-27) naar resultaat"),
        ),
        result_per_gemeente(
            groepen.tel("resultaat_id", "woongemeente_id", doelgroep=nieuw),
            Codelijst.RESULTAAT_NIEUW_VSV,
            codes,
            gemeenten,
            gemeente_codes,
            "doorstroom_resultaten_per_gemeente",
            _("Werkprocessen vsv naar resultaat per gemeente"),
        ),
    ]
    return tables


def count_by_code(by_id: dict, lijst, codes: CodeLists, table_id, titel, chart=None) -> Table:
    """by_id: {code id: n}."""
    return count_table(
        table_id=table_id,
        titel=titel,
        deel=DOORSTROOM,
        labels=codes.labels(lijst, by_id),
        counts=codes.label_counts(by_id),
        chart=chart,
    )


def verzuim_18plus(organisatie, schooljaar, groepen, codes, gemeenten, gemeente_codes) -> list[Table]:
    trajecten = trajecten_of(organisatie, schooljaar, Doelgroep.VERZUIM_18PLUS)
    figures = trajecten.aggregate(
        jongeren=Count("dossier", distinct=True),
        bereikt=Count("pk", filter=Q(benaderingen__uitkomst="bereikt"), distinct=True),
        voortgezet=Count("pk", filter=Q(verzuim_afloop=VerzuimAfloop.VOORTGEZET)),
        gestopt=Count("pk", filter=Q(verzuim_afloop=VerzuimAfloop.GESTOPT)),
    )
    # Definition "verzuimmelding_18plus": recorded meldingen per traject, at least 1, so a
    # traject that came in through the API or a CSV import without separate meldingen counts
    # the same as a typed one with its first melding. One query (outer join).
    per_traject = trajecten.aggregate(
        vastgelegd=Count("verzuimmeldingen"),
        zonder=Count("pk", filter=Q(verzuimmeldingen__isnull=True)),
    )
    meldingen = per_traject["vastgelegd"] + per_traject["zonder"]
    acties = grouped(VerzuimActie.objects.filter(traject__in=trajecten), "actie_id")
    rows = [
        Row(_("Meldingen verzuim 18+"), {"aantal": meldingen}),
        Row(_("Jongeren gemeld"), {"aantal": figures["jongeren"]}),
        Row(_("Jongeren bereikt"), {"aantal": figures["bereikt"]}),
        *(
            Row(label, {"aantal": n})
            for label, n in _with_all_labels(
                codes.labels(Codelijst.DSP_ACTIE_VERZUIM_18PLUS, acties), codes.label_counts(acties)
            )
        ),
        Row(_("Opleiding voortgezet"), {"aantal": figures["voortgezet"]}),
        Row(_("Gestopt met de opleiding"), {"aantal": figures["gestopt"]}),
    ]
    tables = [
        Table(
            id="verzuim_18plus",
            titel=_("Verzuim 18+"),
            deel=DOORSTROOM,
            columns=[Column("aantal", _("Aantal"))],
            rows=rows,
            total={},
            has_total=False,
            voetnoten=[telt("verzuimmelding_18plus")],
        )
    ]
    if codes.by_list.get(Codelijst.RESULTAAT_VERZUIM_18PLUS):
        tables.append(
            result_per_gemeente(
                groepen.tel("resultaat_id", "woongemeente_id", doelgroep=Doelgroep.VERZUIM_18PLUS),
                Codelijst.RESULTAAT_VERZUIM_18PLUS,
                codes,
                gemeenten,
                gemeente_codes,
                "verzuim_18plus_resultaten",
                _("Werkprocessen verzuim 18+ naar resultaat"),
            )
        )
    return tables


def _with_all_labels(labels, counts):
    return [(label, counts.get(label, 0)) for label in labels]


def vsv_kerncijfers(organisatie, schooljaar, vergelijkingsjaar, codes, gemeente_codes) -> Table:
    def figures(jaar, *, vergelijking=False):
        trajecten = trajecten_of(organisatie, jaar, Doelgroep.NIEUW_VSV)
        onderwijs_ids = [c.pk for c in codes.by_list[Codelijst.DSP_UITSTROOM] if c.categorie == "Onderwijs"]
        counts = trajecten.aggregate(
            gestopt=Count("pk"), terug=Count("pk", filter=Q(uitstroom_id__in=onderwijs_ids))
        )
        if vergelijking and not counts["gestopt"]:
            # No trajecten at all in the comparison year: not known, not 0 (vergelijkingsjaar_nb).
            return dict.fromkeys(("gestopt", "terug", "nieuw", "startpopulatie", "percentage"))
        populatie = list(
            Populatie.objects.filter(gemeente_id__in=gemeente_codes, schooljaar=jaar.start_year).values_list(
                "startpopulatie_vsv", flat=True
            )
        )
        start = sum(populatie) if len(populatie) == len(gemeente_codes) and None not in populatie else None
        nieuw = counts["gestopt"] - counts["terug"]
        return {
            "gestopt": counts["gestopt"],
            "terug": counts["terug"],
            "nieuw": nieuw,
            "startpopulatie": start,
            "percentage": percentage(nieuw, start) if start else None,
        }

    labels = {
        "gestopt": _("Jongeren tijdelijk gestopt (uitvallers)"),
        "terug": _("Teruggekeerd naar onderwijs"),
        "nieuw": _("Nieuwe voortijdig schoolverlaters"),
        "startpopulatie": _("Startpopulatie (DUO)"),
        "percentage": _("Vsv-percentage"),
    }
    now = figures(schooljaar)
    before = figures(vergelijkingsjaar, vergelijking=True) if vergelijkingsjaar else None
    columns = [Column("aantal", _("Aantal"))]
    if before:
        columns += [Column("vorig_jaar", str(vergelijkingsjaar)), Column("verschil", _("Verschil"))]
    rows = []
    for key, label in labels.items():
        values = {"aantal": now[key]}
        if before:
            values["vorig_jaar"] = before[key]
            values["verschil"] = (
                round(now[key] - before[key], 1) if now[key] is not None and before[key] is not None else None
            )
        rows.append(Row(str(label), values, percentage=key == "percentage"))
    return Table(
        id="vsv_kerncijfers",
        titel=_("Kerncijfers voortijdig schoolverlaten"),
        deel=DOORSTROOM,
        columns=columns,
        rows=rows,
        total={},
        has_total=False,
        voetnoten=[telt("nieuwe_vsv"), telt("vsv_percentage")],
    )


def age_cross_table(counts: dict, lijst, codes: CodeLists, ages: range, table_id, titel) -> Table:
    """Rows per code, a column per age at uitval (the last one 'and older'), totals and the
    percentage per row; the Totaal row gives the share per age. counts: {(code id, age): n}."""
    youngest, oldest = ages.start, ages.stop - 1
    keys = [str(age) for age in ages]
    by_label: dict[str, dict[str, int]] = {
        label: dict.fromkeys(keys, 0) for label in codes.labels(lijst, [c for c, _a in counts])
    }
    for (code_id, age), n in counts.items():
        label = codes.by_id[code_id].label if code_id in codes.by_id else ONBEKEND
        column = str(min(max(age, youngest), oldest)) if age is not None else keys[0]
        by_label.setdefault(label, dict.fromkeys(keys, 0))[column] += n
    grand = sum(sum(v.values()) for v in by_label.values())
    rows = [
        Row(
            label,
            {**values, "totaal": sum(values.values()), "percentage": percentage(sum(values.values()), grand)},
        )
        for label, values in by_label.items()
    ]
    total = {key: sum(r.values[key] for r in rows) for key in keys}
    columns = [Column(key, f"{key}+" if key == str(oldest) else key) for key in keys]
    return Table(
        id=table_id,
        titel=titel,
        deel=DOORSTROOM,
        columns=[*columns, Column("totaal", _("Totaal")), Column("percentage", "%", True)],
        rows=rows,
        total={**total, "totaal": grand, "percentage": 100.0 if grand else 0.0},
        toelichting=_(
            "Leeftijd op de datum van uitval; de laatste kolom telt ook oudere jongeren mee. "
            "Aandeel per leeftijd: %(aandeel)s."
        )
        % {"aandeel": ", ".join(f"{k}: {str(percentage(total[k], grand)).replace('.', ',')}%" for k in keys)},
    )


def vsv_geslacht(counts: dict) -> Table:
    """counts: {geslacht: n} of the nieuwe vsv'ers."""
    return count_table(
        table_id="vsv_geslacht",
        titel=_("Nieuwe vsv'ers naar geslacht"),
        deel=DOORSTROOM,
        labels=list(Geslacht.labels),
        counts={(Geslacht(k).label if k else None): n for k, n in counts.items()},
    )


def begeleiding(counts: dict, codes: CodeLists, table_id, titel, chart=None) -> Table:
    """Begeleid, Niet begeleid (a subtotal) with its reasons as detail rows below, and those
    not yet decided. The top-level rows add up to all benaderde jongeren; the donut shows
    begeleid against niet begeleid, as Grafiek 5 of the published report does.
    counts: {(begeleid, reden niet begeleid id): n}."""
    begeleid = sum(n for (b, _r), n in counts.items() if b)
    onbepaald = sum(n for (b, _r), n in counts.items() if b is None)
    redenen: dict[str | None, int] = {}
    for (b, reden_id), n in counts.items():
        if b is False:
            label = codes.by_id[reden_id].label if reden_id in codes.by_id else None
            redenen[label] = redenen.get(label, 0) + n
    niet = sum(redenen.values())
    total = begeleid + niet + onbepaald
    reason_labels = codes.labels(Codelijst.DSP_REDEN_NIET_BEGELEID, [r for _b, r in counts])
    rows = [
        Row(BEGELEID, {"aantal": begeleid, "percentage": percentage(begeleid, total)}),
        Row(NIET_BEGELEID, {"aantal": niet, "percentage": percentage(niet, total)}),
    ]
    for label in reason_labels:
        n = redenen.get(label, 0)
        rows.append(Row(label, {"aantal": n, "percentage": percentage(n, total)}, level=1))
    onbekend = sum(n for label, n in redenen.items() if label not in reason_labels)
    if onbekend:
        rows.append(Row(ONBEKEND, {"aantal": onbekend, "percentage": percentage(onbekend, total)}, level=1))
    if onbepaald:
        rows.append(Row(NIET_BEPAALD, {"aantal": onbepaald, "percentage": percentage(onbepaald, total)}))
    return Table(
        id=table_id,
        titel=titel,
        deel=DOORSTROOM,
        columns=[Column("aantal", _("Aantal")), Column("percentage", "%", True)],
        rows=rows,
        total={"aantal": total, "percentage": 100.0 if total else 0.0},
        chart=chart,
        chart_column="aantal" if chart else None,
        voetnoten=[telt("niet_begeleid")],
    )


def uitstroom(by_id: dict, codes: CodeLists, table_id, titel, categories_only=False, chart=None) -> Table:
    """Category rows with their detail rows (level 1) below; percentages per category. The
    Totaal is the sum of the category rows. by_id: {uitstroom id: n}."""
    items = codes.by_list[Codelijst.DSP_UITSTROOM]
    categories: dict[str, list] = {}
    for item in items:
        if item.actief or item.pk in by_id:
            categories.setdefault(item.categorie, []).append(item)
    onbekend = sum(n for code_id, n in by_id.items() if code_id not in {i.pk for i in items})
    total = sum(by_id.values())
    rows = []
    for categorie, details in categories.items():
        n = sum(by_id.get(d.pk, 0) for d in details)
        rows.append(Row(categorie, {"aantal": n, "percentage": percentage(n, total)}))
        if not categories_only:
            rows += [
                Row(d.label, {"aantal": by_id.get(d.pk, 0), "percentage": None}, level=1) for d in details
            ]
    if onbekend:
        rows.append(Row(ONBEKEND, {"aantal": onbekend, "percentage": percentage(onbekend, total)}))
    return Table(
        id=table_id,
        titel=titel,
        deel=DOORSTROOM,
        columns=[Column("aantal", _("Aantal")), Column("percentage", "%", True)],
        rows=rows,
        total={"aantal": total, "percentage": 100.0 if total else 0.0},
        chart=chart,
        chart_column="aantal" if chart else None,
    )


def result_per_gemeente(by: dict, lijst, codes, gemeenten, gemeente_codes, table_id, titel) -> Table:
    """by: {(resultaat id, woongemeente id of the jongere): n}."""
    counts = {}
    for (code_id, gid), n in by.items():
        label = codes.by_id[code_id].label if code_id in codes.by_id else ONBEKEND
        counts[(label, gid)] = counts.get((label, gid), 0) + n
    return gemeente_table(
        table_id=table_id,
        titel=titel,
        deel=DOORSTROOM,
        labels=codes.labels(lijst, [c for c, _g in by]),
        counts=counts,
        gemeenten=gemeenten,
        gemeente_codes=gemeente_codes,
    )
