"""Importers for meldingen and vrijstellingen (docs/import-formats.md)."""

from datetime import datetime, time

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.constants import Onderwijssoort
from cases.imports import ImportResult
from cases.imports.fields import Cells, parse_bool, parse_choice, parse_date, required_choice, required_date
from cases.imports.persons import PERSON_COLUMNS, PersonImporter
from cases.models import School
from cases.platform.bulk import create_batch_size
from cases.rules import age_on, leerplicht_status

from . import rules
from .constants import (
    REDEN_LIJST,
    RESULTAAT_LIJST,
    Beslisser,
    Besluit,
    Fase,
    Grondslag,
    MeldingSoort,
    OnderwijsKolom,
)
from .models import Melding, MeldingTransitie, Vrijstelling

# Allowed codes, computed once (enum lookups per cell are slow on 100,000 rows).
SOORTEN = list(MeldingSoort.values)
ONDERWIJSSOORTEN = list(Onderwijssoort.values)
GRONDSLAGEN = list(Grondslag.values)
ONDERWIJS_KOLOMMEN = list(OnderwijsKolom.values)
BESLUITEN = list(Besluit.values)
IMPORT_REASON = "Geïmporteerd uit het vorige registratiesysteem."


class MeldingenImporter(PersonImporter):
    name = "meldingen"
    model = Melding
    max_lengths = {**PersonImporter.max_lengths, "gezin_id": 64}
    # As in the browser: registering is `add_melding`; closing, a result and the afhandeling
    # (Halt, proces-verbaal) are the leerplichtambtenaar's (`change_melding`, leerplicht/views.py).
    add_permission = "leerplicht.add_melding"
    change_permission = "leerplicht.change_melding"
    add_what = gettext_lazy("meldingen registreren")
    change_what = gettext_lazy("meldingen wijzigen")
    decision_fields = {
        "afgesloten_op": gettext_lazy("meldingen afsluiten"),
        "resultaat": gettext_lazy("een resultaat vastleggen"),
        "halt": gettext_lazy("een Halt-verwijzing vastleggen"),
        "proces_verbaal": gettext_lazy("een proces-verbaal vastleggen"),
    }
    columns = {
        **PERSON_COLUMNS,
        "soort": True,
        "ontvangen_op": True,
        "onderwijssoort": False,
        "brin": False,
        "reden": False,
        "resultaat": False,
        "afgesloten_op": False,
        "halt": False,
        "proces_verbaal": False,
        "gezin_id": False,
        "verzuim_van": False,
        "verzuim_tot": False,
        "uren_verzuim": False,
    }

    def __init__(self, context):
        super().__init__(context)
        self.schools = {f"{s.brin}{s.vestiging}": s for s in School.objects.all()}
        self.today = timezone.localdate()

    def clean_row(self, row):
        cells = Cells()
        key, gemeente = self.clean_person(row, cells)
        soort = cells(required_choice, "soort", row.get("soort", ""), SOORTEN)
        ontvangen = cells(required_date, "ontvangen_op", row.get("ontvangen_op", ""))
        if ontvangen and ontvangen > self.today:
            cells.add("ontvangen_op", row["ontvangen_op"], _("ligt in de toekomst."))
        afgesloten = cells(parse_date, "afgesloten_op", row.get("afgesloten_op", ""))
        if afgesloten and ontvangen and afgesloten < ontvangen:
            cells.add(
                "afgesloten_op",
                row["afgesloten_op"],
                _("ligt voor ontvangen_op; een melding sluit niet voor ze binnenkwam."),
            )
        verzuim_van = cells(parse_date, "verzuim_van", row.get("verzuim_van", ""))
        verzuim_tot = cells(parse_date, "verzuim_tot", row.get("verzuim_tot", ""))
        if verzuim_van and verzuim_tot and verzuim_tot < verzuim_van:
            cells.add("verzuim_tot", row["verzuim_tot"], _("ligt voor verzuim_van."))
        uren = row.get("uren_verzuim", "").strip()
        if uren and not (uren.isdigit() and int(uren) <= 2000):
            cells.add("uren_verzuim", uren, _("vul een heel aantal uren in (0 tot en met 2000)."))
        person = self.persons.seen.get(key) if key else None
        if person and soort and ontvangen:
            # The same age rule as the form and the API (art. 3, 4a Lpw): no relatief verzuim
            # of a 36-year-old, in an import either. Warnings (confirmations) do not apply here.
            fout, _waarschuwing = rules.melding_leeftijd(
                soort=soort, geboortedatum=person["geboortedatum"], peildatum=verzuim_van or ontvangen
            )
            if fout:
                cells.add("soort", soort, fout)
        onderwijssoort = row.get("onderwijssoort", "")
        if onderwijssoort:
            onderwijssoort = cells(parse_choice, "onderwijssoort", onderwijssoort, ONDERWIJSSOORTEN)
        school = None
        if row.get("brin"):
            school = self.schools.get(row["brin"].upper().replace(" ", ""))
            if school is None:
                cells.add(
                    "brin",
                    row["brin"],
                    _(
                        "onbekende school; voeg de school eerst toe bij Beheer › Scholen (BRIN van 4 tekens, eventueel met 2 cijfers vestiging)."
                    ),
                )
        reden = resultaat = None
        if soort:
            reden = cells(self.context.code, "reden", row.get("reden", ""), [REDEN_LIJST[soort]])
            resultaat = cells(
                self.context.code, "resultaat", row.get("resultaat", ""), [RESULTAAT_LIJST[soort]]
            )
        halt = cells(parse_bool, "halt", row.get("halt", ""))
        proces_verbaal = cells(parse_bool, "proces_verbaal", row.get("proces_verbaal", ""))
        cells.done()
        return {
            "extern_id": row["extern_id"],
            "person": key,
            "gemeente": gemeente,
            "soort": soort,
            "ontvangen_op": ontvangen,
            "afgesloten_op": afgesloten,
            "onderwijssoort": onderwijssoort,
            "school": school,
            "reden": reden,
            "resultaat": resultaat,
            "halt": bool(halt),
            "proces_verbaal": bool(proces_verbaal),
            "gezin_id": row.get("gezin_id", ""),
            "verzuim_van": verzuim_van,
            "verzuim_tot": verzuim_tot,
            "uren_verzuim": int(uren) if uren.isdigit() else None,
        }

    def write(self, cleaned) -> ImportResult:
        def fields(data, jongere):
            return {
                "soort": data["soort"],
                "ontvangen_op": data["ontvangen_op"],
                "gemeente_id": data["gemeente"].pk,
                "leeftijd": age_on(jongere.geboortedatum, data["ontvangen_op"]),
                "onderwijssoort": data["onderwijssoort"],
                "school_id": data["school"].pk if data["school"] else None,
                "reden_id": data["reden"].pk if data["reden"] else None,
                "resultaat_id": data["resultaat"].pk if data["resultaat"] else None,
                "afgesloten_op": data["afgesloten_op"],
                "fase": Fase.AFGESLOTEN if data["afgesloten_op"] else Fase.WAARNEMEN,
                "halt_verwijzing": data["halt"],
                "proces_verbaal": data["proces_verbaal"],
                "gezin_id": data["gezin_id"],
                "verzuim_van": data["verzuim_van"],
                "verzuim_tot": data["verzuim_tot"],
                "uren_verzuim": data["uren_verzuim"],
            }

        def history(created):
            # One history row per imported melding: received in its current phase, or closed.
            transitions = [
                MeldingTransitie(
                    melding=melding,
                    van="",
                    naar=melding.fase,
                    reden=IMPORT_REASON,
                    tijdstip=timezone.make_aware(
                        datetime.combine(melding.afgesloten_op or melding.ontvangen_op, time.min)
                    ),
                )
                for melding, _jongere in created
            ]
            MeldingTransitie.objects.bulk_create(transitions, batch_size=create_batch_size(MeldingTransitie))

        return self.upsert(cleaned, fields, history)


def beslist_door(grondslag: str, besluit: str) -> str:
    if besluit not in (Besluit.VERLEEND, Besluit.NIET_VERLEEND):
        return ""
    return Beslisser.SCHOOLHOOFD if grondslag == Grondslag.ART11F else Beslisser.LEERPLICHTAMBTENAAR


class VrijstellingenImporter(PersonImporter):
    name = "vrijstellingen"
    model = Vrijstelling
    # As in the browser: an aanvraag is `add_vrijstelling`; the besluit is `change_vrijstelling`
    # (leerplicht/vrijstelling_views.py).
    add_permission = "leerplicht.add_vrijstelling"
    change_permission = "leerplicht.change_vrijstelling"
    add_what = gettext_lazy("vrijstellingen aanvragen")
    change_what = gettext_lazy("vrijstellingen wijzigen")
    decision_fields = {
        "besluit": gettext_lazy("een besluit over een vrijstelling nemen"),
        "besluit_op": gettext_lazy("een besluit over een vrijstelling nemen"),
        "geldig_van": gettext_lazy("een besluit over een vrijstelling nemen"),
        "geldig_tot": gettext_lazy("een besluit over een vrijstelling nemen"),
    }
    columns = {
        **PERSON_COLUMNS,
        "grondslag": True,
        "onderwijs": False,
        "aangevraagd_op": True,
        "besluit": False,
        "besluit_op": False,
        "geldig_van": False,
        "geldig_tot": False,
    }

    def clean_row(self, row):
        cells = Cells()
        key, gemeente = self.clean_person(row, cells)
        grondslag = cells(required_choice, "grondslag", row.get("grondslag", ""), GRONDSLAGEN)
        onderwijs = cells(
            parse_choice,
            "onderwijs",
            row.get("onderwijs", "") or OnderwijsKolom.GEEN,
            ONDERWIJS_KOLOMMEN,
        )
        besluit = row.get("besluit", "")
        if besluit:
            besluit = cells(parse_choice, "besluit", besluit, BESLUITEN)
        dates = {
            c: cells(parse_date, c, row.get(c, ""))
            for c in ("aangevraagd_op", "besluit_op", "geldig_van", "geldig_tot")
        }
        if not row.get("aangevraagd_op"):
            cells.add("aangevraagd_op", "", _("verplicht; deze cel is leeg."))
        if dates["geldig_van"] and dates["geldig_tot"] and dates["geldig_tot"] < dates["geldig_van"]:
            cells.add("geldig_tot", row["geldig_tot"], _("ligt voor geldig_van."))
        if dates["besluit_op"] and dates["aangevraagd_op"] and dates["besluit_op"] < dates["aangevraagd_op"]:
            cells.add("besluit_op", row["besluit_op"], _("ligt voor aangevraagd_op."))
        person = self.persons.seen.get(key) if key else None
        if person and grondslag and dates["aangevraagd_op"]:
            # As at registration: an aanvraag that could never be granted (age, article).
            peildatum = dates["geldig_van"] or dates["aangevraagd_op"]
            fout = rules.aanvraag_leeftijd_error(
                grondslag=grondslag,
                geboortedatum=person["geboortedatum"],
                peildatum=peildatum,
                status=leerplicht_status(person["geboortedatum"], peildatum),
            )
            if fout:
                cells.add("grondslag", grondslag, fout)
        cells.done()
        return {
            "extern_id": row["extern_id"],
            "person": key,
            "gemeente": gemeente,
            "grondslag": grondslag,
            "onderwijs": onderwijs,
            "besluit": besluit or "",
            **dates,
        }

    def write(self, cleaned) -> ImportResult:
        def fields(data, jongere):
            return {
                "gemeente_id": data["gemeente"].pk,
                "grondslag": data["grondslag"],
                "onderwijs": data["onderwijs"],
                "aangevraagd_op": data["aangevraagd_op"],
                "besluit": data["besluit"],
                # Verlof 11f/13a is always the hoofd's decision: historical records import as
                # the hoofd's recorded decision (and count in the jaarverslag as before).
                "beslist_door": beslist_door(data["grondslag"], data["besluit"]),
                "besluit_op": data["besluit_op"],
                "geldig_van": data["geldig_van"],
                "geldig_tot": data["geldig_tot"],
            }

        return self.upsert(cleaned, fields)
