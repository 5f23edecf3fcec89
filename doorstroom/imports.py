"""Importer for Doorstroompunt trajecten (docs/import-formats.md)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.constants import Codelijst
from cases.imports.fields import Cells, parse_bool, parse_date, required_choice, required_date
from cases.imports.persons import PERSON_COLUMNS, PersonImporter

from .constants import Doelgroep, Stap
from .models import Traject

DOELGROEPEN = list(Doelgroep.values)
RESULT_LISTS = [
    Codelijst.RESULTAAT_VERZUIM_18PLUS,
    Codelijst.RESULTAAT_NIEUW_VSV,
    Codelijst.RESULTAAT_JONGEREN_IN_BEELD,
]


class DoorstroomImporter(PersonImporter):
    name = "doorstroom"
    model = Traject
    # As in the browser: opening a traject is `add_traject` (a leerplichtambtenaar may, for the
    # overdracht at 18); its later steps and closing are the coach's (`change_traject`).
    add_permission = "doorstroom.add_traject"
    change_permission = "doorstroom.change_traject"
    add_what = gettext_lazy("trajecten openen")
    change_what = gettext_lazy("trajecten wijzigen")
    decision_fields = {
        "begeleid": gettext_lazy("de begeleiding van een traject vastleggen"),
        "reden_niet_begeleid": gettext_lazy("de begeleiding van een traject vastleggen"),
        "uitstroom": gettext_lazy("de uitstroom van een traject vastleggen"),
        "resultaat": gettext_lazy("een resultaat vastleggen"),
        "afgesloten_op": gettext_lazy("trajecten afsluiten"),
    }
    decision_false = ("begeleid",)
    columns = {
        **PERSON_COLUMNS,
        "doelgroep": True,
        "gemeld_op": True,
        "uitval_op": False,
        "onderwijsachtergrond": False,
        "reden": False,
        "begeleid": False,
        "reden_niet_begeleid": False,
        "uitstroom": False,
        "uitstroom_detail": False,
        "resultaat": False,
        "afgesloten_op": False,
    }

    def clean_row(self, row):
        cells = Cells()
        key, gemeente = self.clean_person(row, cells)
        doelgroep = cells(required_choice, "doelgroep", row.get("doelgroep", ""), DOELGROEPEN)
        gemeld = cells(required_date, "gemeld_op", row.get("gemeld_op", ""))
        afgesloten = cells(parse_date, "afgesloten_op", row.get("afgesloten_op", ""))
        if afgesloten and gemeld and afgesloten < gemeld:
            cells.add("afgesloten_op", row["afgesloten_op"], _("ligt voor gemeld_op."))
        kwetsbaar = doelgroep == Doelgroep.KWETSBARE_JONGERE
        achtergrond = cells(
            self.context.code,
            "onderwijsachtergrond",
            row.get("onderwijsachtergrond", ""),
            [Codelijst.DSP_HERKOMST_KWETSBAAR if kwetsbaar else Codelijst.DSP_ONDERWIJSACHTERGROND],
        )
        reden_lijst = (
            Codelijst.DSP_REDEN_ZORG_18PLUS
            if doelgroep == Doelgroep.ZORG_18PLUS
            else Codelijst.DSP_REDEN_UITVAL
        )
        uitstroom = None
        if kwetsbaar:
            uitstroom = cells(
                self.context.code, "uitstroom", row.get("uitstroom", ""), [Codelijst.DSP_UITSTROOM_KWETSBAAR]
            )
        elif row.get("uitstroom") or row.get("uitstroom_detail"):
            categorie, detail = row.get("uitstroom", ""), row.get("uitstroom_detail", "")
            if not detail:
                cells.add("uitstroom_detail", "", _("vul bij een uitstroomcategorie ook het detail in."))
            else:
                uitstroom = cells(
                    self.context.code, "uitstroom_detail", f"{categorie}|{detail}", [Codelijst.DSP_UITSTROOM]
                )
        begeleid = cells(parse_bool, "begeleid", row.get("begeleid", ""))
        reden_niet = cells(
            self.context.code,
            "reden_niet_begeleid",
            row.get("reden_niet_begeleid", ""),
            [Codelijst.DSP_REDEN_NIET_BEGELEID],
        )
        if reden_niet and begeleid is not False:
            cells.add(
                "reden_niet_begeleid", row["reden_niet_begeleid"], _("hoort alleen bij begeleid = nee.")
            )
        reden = cells(self.context.code, "reden", row.get("reden", ""), [reden_lijst])
        resultaat = cells(self.context.code, "resultaat", row.get("resultaat", ""), RESULT_LISTS)
        uitval = cells(parse_date, "uitval_op", row.get("uitval_op", ""))
        cells.done()
        return {
            "extern_id": row["extern_id"],
            "person": key,
            "gemeente": gemeente,
            "doelgroep": doelgroep,
            "gemeld_op": gemeld,
            "uitval_op": uitval,
            "onderwijsachtergrond": None if kwetsbaar else achtergrond,
            "herkomst": achtergrond if kwetsbaar else None,
            "reden": reden,
            "begeleid": begeleid,
            "reden_niet_begeleid": reden_niet,
            "uitstroom": uitstroom,
            "resultaat": resultaat,
            "afgesloten_op": afgesloten,
        }

    def write(self, cleaned):
        def pk(item):
            return item.pk if item else None

        def fields(data, jongere):
            return {
                "doelgroep": data["doelgroep"],
                "gemeld_op": data["gemeld_op"],
                "uitval_op": data["uitval_op"],
                "onderwijsachtergrond_id": pk(data["onderwijsachtergrond"]),
                "herkomst_id": pk(data["herkomst"]),
                "reden_id": pk(data["reden"]),
                "begeleid": data["begeleid"],
                "reden_niet_begeleid_id": pk(data["reden_niet_begeleid"]),
                "uitstroom_id": pk(data["uitstroom"]),
                "resultaat_id": pk(data["resultaat"]),
                "afgesloten_op": data["afgesloten_op"],
                # Imported history is not walked through the Routekaart again.
                "stap": Stap.AFSLUITEN if data["afgesloten_op"] else Stap.SIGNALEREN,
            }

        return self.upsert(cleaned, fields)
