"""The Leerplicht part of the jaarverslag (ages 5-18), computed from meldingen and vrijstellingen.

The number of queries does not grow with the data: the tables by soort read the grouped counts
of cijfers.py (the organisation-year's meldingen read once), the others one grouped query each.
A melding belongs to the schooljaar in which it was received.
"""

from django.utils.translation import gettext as _

from cases.constants import SECTOR_OF_ONDERWIJSSOORT, ActieSoort, Codelijst, Onderwijssoort, Sector
from cases.models import Organisatie
from cases.rules import Schooljaar
from leerplicht.constants import (
    REDEN_LIJST,
    RESULTAAT_LIJST,
    Besluit,
    Grondslag,
    MeldingSoort,
    OnderwijsKolom,
)
from leerplicht.models import MeldingActie, Vrijstelling
from reporting.models import Populatie

from .base import LEERPLICHT, ONBEKEND, Column, Row, Table, count_table, percentage
from .cijfers import luxe_gezinnen, melding_cijfers, melding_groepen
from .common import CodeLists, gemeente_table, grouped, split_table
from .definities import telt
from .gedeeld import eenmaal

RELATIEF_SPLIT = [
    (MeldingSoort.RELATIEF_WETTELIJK.value, "wettelijk"),
    (MeldingSoort.RELATIEF_LICHT.value, "licht"),
]
SECTOR_LABELS = {Sector.PO_SO: "PO", Sector.VO_VSO: "VO", Sector.MBO: "MBO", Sector.GEEN: "Geen / onbekend"}
SCHOOL_SECTORS = {Sector.PO_SO, Sector.VO_VSO, Sector.MBO}


def vrijstellingen_of(organisatie: Organisatie, schooljaar: Schooljaar):
    return Vrijstelling.objects.filter(
        organisatie=organisatie, aangevraagd_op__range=(schooljaar.first_day, schooljaar.last_day)
    )


def build(organisatie, schooljaar, vergelijkingsjaar, gemeenten) -> list[Table]:
    codes = CodeLists(organisatie)
    groepen = melding_groepen(organisatie, schooljaar)
    gemeente_codes = dict(organisatie.gemeenten.values_list("pk", "code"))
    tables = [
        kerncijfers(organisatie, schooljaar, vergelijkingsjaar, gemeenten, gemeente_codes),
        meldingen_per_soort(organisatie, schooljaar, vergelijkingsjaar),
    ]
    for soort, ids in (
        (MeldingSoort.ABSOLUUT, ("absoluut_redenen", "absoluut_resultaten")),
        (MeldingSoort.LUXE, ("luxe_redenen", "luxe_resultaten")),
    ):
        gezinnen = luxe_gezinnen(organisatie, schooljaar) if soort == MeldingSoort.LUXE else None
        tables += reden_resultaat(groepen, codes, soort, ids, gezinnen=gezinnen)
        if soort == MeldingSoort.ABSOLUUT:
            tables.append(
                per_sector(
                    groepen.tel("onderwijssoort", soort=soort),
                    "absoluut_onderwijssector",
                    _("Absoluut verzuim per onderwijssector"),
                )
            )
    tables += relatief(groepen, codes)
    thuiszitter = MeldingSoort.THUISZITTER
    tables.append(thuiszitters_leeftijd(groepen.tel("leeftijd", soort=thuiszitter)))
    tables += reden_resultaat(
        groepen, codes, thuiszitter, ("thuiszitters_redenen", "thuiszitters_resultaten")
    )
    tables.append(
        per_sector(
            groepen.tel("onderwijssoort", soort=thuiszitter),
            "thuiszitters_sector",
            _("Thuiszitters per onderwijssector"),
        )
    )
    tables += reden_resultaat(groepen, codes, MeldingSoort.ZORG, ("zorg_redenen", "zorg_resultaten"))
    tables += jgz(organisatie, schooljaar, codes)
    tables += vrijstellingen(organisatie, schooljaar, gemeenten, gemeente_codes)
    tables.append(processen_verbaal(organisatie, schooljaar, vergelijkingsjaar, gemeenten, gemeente_codes))
    tables.append(halt_verwijzingen(organisatie, schooljaar))
    tables.append(resultaten_samenvatting(groepen, codes))
    tables.append(relatief_per_gemeente(groepen, codes, gemeenten, gemeente_codes))
    return tables


def _populatie(gemeente_codes: dict[int, str], schooljaar: Schooljaar) -> dict[str, int]:
    return {
        gemeente_codes[gid]: n
        for gid, n in Populatie.objects.filter(
            gemeente_id__in=gemeente_codes, schooljaar=schooljaar.start_year
        ).values_list("gemeente_id", "leerplichtigen")
    }


def _key_figures(organisatie, schooljaar, gemeente_codes) -> dict[str, dict[str, int | None]]:
    """Per figure: {gemeente code: n, 'totaal': n}."""
    cijfers = melding_cijfers(organisatie, schooljaar)
    aanvragen = grouped(vrijstellingen_of(organisatie, schooljaar), "gemeente_id")
    populatie = _populatie(gemeente_codes, schooljaar)
    figures = {
        "leerplichtigen": dict(populatie),
        "meldingen": {
            gemeente_codes[gid]: t.meldingen
            for gid, t in cijfers.per_gemeente.items()
            if gid in gemeente_codes
        },
        "jongeren": {
            gemeente_codes[gid]: t.leerlingen
            for gid, t in cijfers.per_gemeente.items()
            if gid in gemeente_codes
        },
        "aanvragen": {gemeente_codes[g]: n for g, n in aanvragen.items() if g in gemeente_codes},
    }
    complete = len(populatie) == len(gemeente_codes)
    figures["leerplichtigen"]["totaal"] = sum(populatie.values()) if complete else None
    figures["meldingen"]["totaal"] = cijfers.totaal.meldingen
    figures["jongeren"]["totaal"] = cijfers.totaal.leerlingen
    figures["aanvragen"]["totaal"] = sum(aanvragen.values())
    figures["has_data"] = bool(cijfers.totaal.meldingen or aanvragen)
    return figures


def kerncijfers(organisatie, schooljaar, vergelijkingsjaar, gemeenten, gemeente_codes) -> Table:
    labels = {
        "leerplichtigen": _("Leerplichtigen (5-16 jaar)"),
        "meldingen": _("Meldingen verzuim en zorg"),
        "jongeren": _("Leerlingen gemeld"),
        "aanvragen": _("Aanvragen vrijstelling en verlof"),
    }
    current = _key_figures(organisatie, schooljaar, gemeente_codes)
    previous = _key_figures(organisatie, vergelijkingsjaar, gemeente_codes) if vergelijkingsjaar else None
    multi = len(gemeenten) > 1
    columns = [Column(code, naam) for code, naam in gemeenten] if multi else []
    columns.append(Column("totaal" if multi else "aantal", _("Totaal") if multi else _("Aantal")))
    if previous:
        columns += [Column("vorig_jaar", str(vergelijkingsjaar)), Column("verschil", _("Verschil"))]
    rows = []
    for key, label in labels.items():
        values = {}
        if multi:
            values.update(
                {
                    code: current[key].get(code, 0 if key != "leerplichtigen" else None)
                    for code, _n in gemeenten
                }
            )
        total_key = "totaal" if multi else "aantal"
        values[total_key] = current[key]["totaal"]
        if previous:
            # A comparison year without any registration is not known, not 0 (vergelijkingsjaar_nb).
            known = previous["has_data"] or key == "leerplichtigen"
            values["vorig_jaar"] = previous[key]["totaal"] if known else None
            now, before = values[total_key], values["vorig_jaar"]
            values["verschil"] = now - before if now is not None and before is not None else None
        rows.append(Row(str(label), values))
    return Table(
        id="kerncijfers",
        titel=_("Kerncijfers leerplicht"),
        deel=LEERPLICHT,
        columns=columns,
        rows=rows,
        total={},
        has_total=False,
        toelichting=_(
            "Leerplichtigen komen uit de ingevoerde populatiecijfers (BRP); zonder die cijfers staat er n.b."
        ),
        voetnoten=[telt("vergelijkingsjaar_nb")] if previous and not previous["has_data"] else [],
    )


def meldingen_per_soort(organisatie, schooljaar, vergelijkingsjaar) -> Table:
    cijfers = melding_cijfers(organisatie, schooljaar)
    counts = {soort: t.meldingen for soort, t in cijfers.per_soort.items()}
    jongeren = {soort: t.leerlingen for soort, t in cijfers.per_soort.items()}
    aanvragen = vrijstellingen_of(organisatie, schooljaar).count()
    aanvraag_label = _("Aanvragen vrijstelling")
    table = count_table(
        table_id="meldingen_per_soort",
        titel=_("Meldingen naar soort verzuim en aanvragen vrijstelling"),
        deel=LEERPLICHT,
        labels=[*MeldingSoort.labels, aanvraag_label],
        counts={**{MeldingSoort(k).label: n for k, n in counts.items()}, aanvraag_label: aanvragen},
        chart="donut",
        toelichting=_(
            "'Jongeren' telt iedere leerling één keer per soort; in het totaal één keer over alle soorten."
        ),
    )
    label_of = {MeldingSoort(k).label: k for k in counts}
    for row in table.rows:
        row.values["jongeren"] = (
            jongeren.get(label_of.get(row.label), 0) if row.label != aanvraag_label else None
        )
    table.columns.insert(1, Column("jongeren", _("Jongeren")))
    table.total["jongeren"] = cijfers.totaal.leerlingen
    if vergelijkingsjaar:
        before = {
            s: t.meldingen for s, t in melding_cijfers(organisatie, vergelijkingsjaar).per_soort.items()
        }
        before_aanvragen = vrijstellingen_of(organisatie, vergelijkingsjaar).count()
        known = bool(before or before_aanvragen)  # else n.b., not 0 (vergelijkingsjaar_nb)
        for row in table.rows:
            row.values["vorig_jaar"] = (
                None
                if not known
                else before_aanvragen
                if row.label == aanvraag_label
                else before.get(label_of.get(row.label) or _soort_of(row.label), 0)
            )
        table.columns.append(Column("vorig_jaar", str(vergelijkingsjaar)))
        table.total["vorig_jaar"] = sum(before.values()) + before_aanvragen if known else None
        if not known:
            table.voetnoten.append(telt("vergelijkingsjaar_nb"))
    return table


def _soort_of(label):
    return next((s.value for s in MeldingSoort if s.label == label), None)


def reden_resultaat(groepen, codes: CodeLists, soort, ids, gezinnen=None) -> list[Table]:
    """Redenen and resultaten of one soort; luxe verzuim adds its `gezinnen` (cijfers.luxe_gezinnen)."""
    noun = MeldingSoort(soort).label.lower()
    tables = []
    for field, lijst, table_id, titel in (
        ("reden_id", REDEN_LIJST[soort], ids[0], _("Redenen %(soort)s")),
        ("resultaat_id", RESULTAAT_LIJST[soort], ids[1], _("Resultaten %(soort)s")),
    ):
        by_id = groepen.tel(field, soort=soort)
        table = count_table(
            table_id=table_id,
            titel=titel % {"soort": noun},
            deel=LEERPLICHT,
            labels=codes.labels(lijst, by_id),
            counts=codes.label_counts(by_id),
        )
        if gezinnen is not None:
            _add_gezinnen(table, gezinnen, field, codes)
        _footnote_pv_halt(table)
        tables.append(table)
    return tables


def _footnote_pv_halt(table: Table) -> None:
    """A results table with a Proces-verbaal or Halt row says what it counts, because the
    processen-verbaal and Halt tables count actions taken, not results at closing."""
    labels = " ".join(row.label.lower() for row in table.rows)
    if "proces-verbaal" in labels or "halt" in labels:
        table.voetnoten.append(telt("resultaat_pv_halt"))


def _add_gezinnen(table: Table, gezinnen: dict, field: str, codes: CodeLists) -> None:
    # Distinct households; a child without a household key counts as a gezin of its own.
    by_label = {
        codes.by_id[code_id].label if code_id in codes.by_id else ONBEKEND: n
        for code_id, n in gezinnen[field].items()
    }
    for row in table.rows:
        row.values["gezinnen"] = by_label.get(row.label, 0)
    table.columns.insert(1, Column("gezinnen", _("Gezinnen")))
    table.total["gezinnen"] = gezinnen["totaal"]


def per_sector(by_soort: dict[str, int], table_id: str, titel: str) -> Table:
    """by_soort: {onderwijssoort: n}."""
    counts: dict[str | None, int] = {}
    for soort, n in by_soort.items():
        sector = SECTOR_OF_ONDERWIJSSOORT.get(soort, Sector.GEEN) if soort else Sector.GEEN
        label = SECTOR_LABELS[sector]
        counts[label] = counts.get(label, 0) + n
    return count_table(
        table_id=table_id, titel=titel, deel=LEERPLICHT, labels=list(SECTOR_LABELS.values()), counts=counts
    )


def relatief(groepen, codes: CodeLists) -> list[Table]:
    rel = {k for k, _label in RELATIEF_SPLIT}
    split = [("wettelijk", _("Wettelijk relatief verzuim")), ("licht", _("Licht relatief verzuim"))]
    key_of = dict(RELATIEF_SPLIT)

    by_onderwijs = groepen.tel("onderwijssoort", "soort", soort=rel)
    onderwijs_labels = [s.label for s in Onderwijssoort]
    school = {s.label for s in Onderwijssoort if SECTOR_OF_ONDERWIJSSOORT[s] in SCHOOL_SECTORS}
    tables = [
        split_table(
            table_id="relatief_onderwijssoort",
            titel=_("Relatief verzuim naar onderwijssoort"),
            deel=LEERPLICHT,
            labels=onderwijs_labels,
            counts={
                (Onderwijssoort(o).label if o else ONBEKEND, key_of[s]): n
                for (o, s), n in by_onderwijs.items()
            },
            split=split,
            always_show=school,
        )
    ]
    for field, lijst, table_id, titel in (
        ("reden_id", Codelijst.REDEN_RELATIEF, "relatief_redenen", _("Redenen relatief verzuim")),
        (
            "resultaat_id",
            Codelijst.RESULTAAT_RELATIEF,
            "relatief_resultaten",
            _("Resultaten relatief verzuim"),
        ),
    ):
        by_code = groepen.tel(field, "soort", soort=rel)
        labels = codes.labels(lijst, [c for c, _s in by_code])
        counts = {}
        for (code_id, soort), n in by_code.items():
            label = codes.by_id[code_id].label if code_id in codes.by_id else ONBEKEND
            counts[(label, key_of[soort])] = counts.get((label, key_of[soort]), 0) + n
        table = split_table(
            table_id=table_id, titel=titel, deel=LEERPLICHT, labels=labels, counts=counts, split=split
        )
        _footnote_pv_halt(table)
        tables.append(table)
    return tables


def thuiszitters_leeftijd(by_age: dict[int, int]) -> Table:
    """by_age: {leeftijd: n} of the thuiszitters."""
    ages = [str(age) for age in range(5, 19)]
    table = count_table(
        table_id="thuiszitters_leeftijd",
        titel=_("Thuiszitters naar leeftijd bij de melding"),
        deel=LEERPLICHT,
        labels=ages,
        counts={str(age): n for age, n in by_age.items()},
        chart="bar",
    )
    return table


def tel_jgz(organisatie_id: int, schooljaar) -> dict:
    """The year's JGZ referrals per (onderwijssoort, in staat, follow-up): one grouped query for
    the three JGZ tables (each joined the same referrals before)."""
    referrals = MeldingActie.objects.filter(
        actie__organisatie=organisatie_id,  # the action's own column: index (organisatie, soort, datum)
        actie__soort=ActieSoort.JGZ_AANMELDING,
        actie__datum__range=(schooljaar.first_day, schooljaar.last_day),
    )
    return grouped(referrals, "melding__onderwijssoort", "jgz_in_staat_id", "jgz_follow_up_id")


def jgz(organisatie, schooljaar, codes: CodeLists) -> list[Table]:
    sector_counts: dict[str | None, int] = {}
    in_staat: dict[int | None, int] = {}
    follow_up: dict[int | None, int] = {}
    by = eenmaal(tel_jgz, organisatie, schooljaar)
    for (soort, in_staat_id, follow_up_id), n in by.items():
        label = SECTOR_LABELS[SECTOR_OF_ONDERWIJSSOORT.get(soort, Sector.GEEN) if soort else Sector.GEEN]
        sector_counts[label] = sector_counts.get(label, 0) + n
        in_staat[in_staat_id] = in_staat.get(in_staat_id, 0) + n
        follow_up[follow_up_id] = follow_up.get(follow_up_id, 0) + n
    return [
        count_table(
            table_id="jgz_ziekteverzuim",
            titel=_("Aanmeldingen JGZ ziekteverzuim per onderwijssector"),
            deel=LEERPLICHT,
            labels=list(SECTOR_LABELS.values()),
            counts=sector_counts,
        ),
        count_table(
            table_id="jgz_in_staat",
            titel=_("JGZ: in staat onderwijs te volgen"),
            deel=LEERPLICHT,
            labels=codes.labels(Codelijst.JGZ_IN_STAAT, in_staat),
            counts=codes.label_counts(in_staat),
            chart="pie",
        ),
        count_table(
            table_id="jgz_follow_up",
            titel=_("JGZ: ziekteverzuim bij de follow-up"),
            deel=LEERPLICHT,
            labels=codes.labels(Codelijst.JGZ_FOLLOW_UP, follow_up),
            counts=codes.label_counts(follow_up),
            chart="pie",
        ),
    ]


def vrijstellingen(organisatie, schooljaar, gemeenten, gemeente_codes) -> list[Table]:
    queryset = vrijstellingen_of(organisatie, schooljaar)
    counts = grouped(queryset, "grondslag", "besluit", "onderwijs")
    kolommen = list(OnderwijsKolom)
    besluiten = [
        (Besluit.VERLEEND, Besluit.VERLEEND.label),
        *((b, b.label) for b in Besluit if b != Besluit.VERLEEND),
        ("", _("In behandeling")),
    ]
    rows = []
    for grondslag in Grondslag:
        for besluit, besluit_label in besluiten:
            values = {k.value: counts.get((grondslag.value, besluit, k.value), 0) for k in kolommen}
            if besluit != Besluit.VERLEEND and not any(values.values()):
                continue
            rows.append(
                Row(f"{besluit_label} · {grondslag.label}", {**values, "totaal": sum(values.values())})
            )
    grand = sum(counts.values())
    for row in rows:
        row.values["percentage"] = percentage(row.values["totaal"], grand)
    tables = [
        Table(
            id="vrijstellingen",
            titel=_("Afhandeling aanvragen vrijstelling en verlof"),
            deel=LEERPLICHT,
            columns=[
                *(Column(k.value, k.label) for k in kolommen),
                Column("totaal", _("Totaal")),
                Column("percentage", "%", True),
            ],
            rows=rows,
            total={
                **{k.value: sum(r.values[k.value] for r in rows) for k in kolommen},
                "totaal": grand,
                "percentage": 100.0 if grand else 0.0,
            },
        )
    ]
    if len(gemeenten) > 1:
        by_gemeente = grouped(queryset, "grondslag", "gemeente_id")
        tables.append(
            gemeente_table(
                table_id="vrijstellingen_per_gemeente",
                titel=_("Aanvragen vrijstelling en verlof per gemeente"),
                deel=LEERPLICHT,
                labels=list(Grondslag.labels),
                counts={(Grondslag(g).label, gid): n for (g, gid), n in by_gemeente.items()},
                gemeenten=gemeenten,
                gemeente_codes=gemeente_codes,
            )
        )
    return tables


def processen_verbaal(organisatie, schooljaar, vergelijkingsjaar, gemeenten, gemeente_codes) -> Table:
    def per_gemeente(jaar):
        tellingen = melding_cijfers(organisatie, jaar).per_gemeente_soort
        return {key: t.pv for key, t in tellingen.items() if t.pv}

    current = per_gemeente(schooljaar)
    previous = per_gemeente(vergelijkingsjaar) if vergelijkingsjaar else None
    # Whether the comparison year has any melding at all: else its column says n.b., not 0.
    previous_known = (
        bool(melding_cijfers(organisatie, vergelijkingsjaar).totaal.meldingen) if vergelijkingsjaar else False
    )
    relatief_soorten = {
        MeldingSoort.RELATIEF_LICHT,
        MeldingSoort.RELATIEF_WETTELIJK,
        MeldingSoort.THUISZITTER,
    }
    rows = []
    for code, naam in gemeenten:
        gid = next(g for g, c in gemeente_codes.items() if c == code)
        luxe = current.get((gid, MeldingSoort.LUXE.value), 0)
        rel = sum(n for (g, s), n in current.items() if g == gid and s in relatief_soorten)
        overig = sum(n for (g, s), n in current.items() if g == gid) - luxe - rel
        values = {"luxe": luxe, "relatief": rel, "overig": overig, "totaal": luxe + rel + overig}
        if previous is not None:
            values["vorig_jaar"] = (
                sum(n for (g, _s), n in previous.items() if g == gid) if previous_known else None
            )
        rows.append(Row(naam, values))
    keys = ["luxe", "relatief", "overig", "totaal"] + (["vorig_jaar"] if previous is not None else [])
    columns = [
        Column("luxe", _("Luxe verzuim")),
        Column("relatief", _("Relatief verzuim")),
        Column("overig", _("Overig")),
        Column("totaal", _("Totaal")),
    ]
    if previous is not None:
        columns.append(Column("vorig_jaar", str(vergelijkingsjaar)))
    return Table(
        id="processen_verbaal",
        titel=_("Processen-verbaal per gemeente"),
        deel=LEERPLICHT,
        columns=columns,
        rows=rows,
        total={
            k: None if k == "vorig_jaar" and not previous_known else sum(r.values[k] for r in rows)
            for k in keys
        },
        voetnoten=[telt("proces_verbaal")],
    )


def halt_verwijzingen(organisatie, schooljaar) -> Table:
    counts = {
        soort: t.halt for soort, t in melding_cijfers(organisatie, schooljaar).per_soort.items() if t.halt
    }
    return count_table(
        table_id="halt_verwijzingen",
        titel=_("Halt-verwijzingen per soort melding"),
        deel=LEERPLICHT,
        labels=list(MeldingSoort.labels),
        counts={MeldingSoort(k).label: n for k, n in counts.items()},
        voetnoten=[telt("halt_verwijzing")],
    )


def resultaten_samenvatting(groepen, codes: CodeLists) -> Table:
    """All meldingen per summary bucket of their result ('Leerplicht in een oogopslag')."""
    in_behandeling = _("In behandeling")
    by_result = groepen.tel("resultaat_id", "fase")
    buckets: list[str] = []
    for lijst in dict.fromkeys(RESULTAAT_LIJST.values()):
        for item in codes.by_list[lijst]:
            bucket = item.samenvatting or item.label
            if bucket not in buckets:
                buckets.append(bucket)
    counts: dict[str | None, int] = {}
    for (code_id, fase), n in by_result.items():
        if code_id is None:
            label = in_behandeling if fase != "afgesloten" else None
        else:
            item = codes.by_id.get(code_id)
            label = (item.samenvatting or item.label) if item else None
        counts[label] = counts.get(label, 0) + n
    return count_table(
        table_id="resultaten_samenvatting",
        titel=_("Leerplicht in een oogopslag: resultaten van alle meldingen"),
        deel=LEERPLICHT,
        labels=[*buckets, in_behandeling],
        counts=counts,
    )


def relatief_per_gemeente(groepen, codes: CodeLists, gemeenten, gemeente_codes) -> Table:
    rel = {MeldingSoort.RELATIEF_LICHT, MeldingSoort.RELATIEF_WETTELIJK}
    by = groepen.tel("resultaat_id", "gemeente_id", soort=rel)
    labels = codes.labels(Codelijst.RESULTAAT_RELATIEF, [c for c, _g in by])
    counts = {}
    for (code_id, gid), n in by.items():
        label = codes.by_id[code_id].label if code_id in codes.by_id else ONBEKEND
        counts[(label, gid)] = counts.get((label, gid), 0) + n
    return gemeente_table(
        table_id="relatief_per_gemeente",
        titel=_("Resultaten relatief verzuim per gemeente"),
        deel=LEERPLICHT,
        labels=labels,
        counts=counts,
        gemeenten=gemeenten,
        gemeente_codes=gemeente_codes,
    )


def kerncijfers_drie_jaren(organisatie, schooljaar, gemeente_codes) -> Table:
    """Roermond style: the key figures of the last three schooljaren side by side, oldest
    first. A year without any registration shows n.b. (vergelijkingsjaar_nb)."""
    jaren = [schooljaar.previous().previous(), schooljaar.previous(), schooljaar]
    figures = {str(jaar): _key_figures(organisatie, jaar, gemeente_codes) for jaar in jaren}
    labels = {
        "leerplichtigen": _("Leerplichtigen (5-16 jaar)"),
        "meldingen": _("Meldingen verzuim en zorg"),
        "jongeren": _("Leerlingen gemeld"),
        "aanvragen": _("Aanvragen vrijstelling en verlof"),
    }
    rows = []
    for key, label in labels.items():
        values = {}
        for jaar, f in figures.items():
            known = f["has_data"] or key == "leerplichtigen" or jaar == str(schooljaar)
            values[jaar] = f[key]["totaal"] if known else None
        rows.append(Row(str(label), values))
    return Table(
        id="kerncijfers_drie_jaren",
        titel=_("Kerncijfers leerplicht over drie schooljaren"),
        deel=LEERPLICHT,
        columns=[Column(str(jaar), str(jaar)) for jaar in jaren],
        rows=rows,
        total={},
        has_total=False,
        voetnoten=[telt("vergelijkingsjaar_nb")] if not all(f["has_data"] for f in figures.values()) else [],
    )
