"""Every write of the reporting app: starting, running and retrying report runs.

The request only creates a run and queues `reporting.tasks.render_report_run` after the commit;
the worker builds the tables once and renders each requested format into private storage.
"""

import logging
import time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from cases.models import Organisatie
from cases.rules import Schooljaar

from . import selectors
from .models import ReportFormaat, ReportRun, ReportRunStatus
from .tables import build_report
from .tables.base import Report

logger = logging.getLogger(__name__)

#: A run whose worker died this many times is given up (e.g. a report that exhausts memory).
MAX_POGINGEN = 3

#: Formats in the order the worker renders them: the quick exports first, the PDF last.
RENDER_ORDER = [ReportFormaat.JSON, ReportFormaat.XLSX, ReportFormaat.PDF]

CONTENT_TYPES = {
    ReportFormaat.PDF: "application/pdf",
    ReportFormaat.JSON: "application/json",
    ReportFormaat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def fout_technisch() -> str:
    return _(
        "Het maken van de rapportage is mislukt door een technische fout. Probeer het opnieuw; "
        "lukt het dan nog niet, neem dan contact op met functioneel beheer."
    )


def fout_niet_gestart() -> str:
    return _("De rapportage kon niet aan de achtergrondverwerking worden aangeboden. Probeer het opnieuw.")


def fout_afgebroken() -> str:
    return _(
        "Het maken van de rapportage is %(aantal)d keer afgebroken. Neem contact op met functioneel beheer."
    ) % {"aantal": MAX_POGINGEN}


def last_complete_schooljaar(today=None) -> Schooljaar:
    """The schooljaar before the current one: the usual subject of a jaarverslag."""
    return Schooljaar.of(today or timezone.localdate()).previous()


def report_filename(run: ReportRun, formaat: str) -> str:
    """A download name without personal data, e.g. jaarverslag-zoetermeer-2024-2025.pdf."""
    return f"jaarverslag-{run.organisatie.slug}-{run.schooljaar_label}.{formaat}"


# -- starting ------------------------------------------------------------------------------------


def _validate_years(schooljaar: Schooljaar, vergelijkingsjaar: Schooljaar | None) -> None:
    if vergelijkingsjaar is not None and vergelijkingsjaar.start_year >= schooljaar.start_year:
        raise ValidationError(
            _("Het vergelijkingsjaar moet vóór schooljaar %(jaar)s liggen.") % {"jaar": schooljaar},
            code="vergelijkingsjaar",
        )


def _queue(run: ReportRun) -> None:
    """Hand the run to the worker once the transaction that created it has committed."""

    def send():
        from .tasks import render_report_run

        try:
            render_report_run.delay(run.pk)
        except Exception:
            logger.exception("Rapportage %s kon niet in de wachtrij worden gezet", run.pk)
            _mark_failed(run.pk, fout_niet_gestart())

    transaction.on_commit(send)


@transaction.atomic
def report_run_start(
    *,
    actor,
    organisatie: Organisatie,
    schooljaar: Schooljaar,
    vergelijkingsjaar: Schooljaar | None = None,
    formaten: list[str] | None = None,
    drie_jaren: bool = False,
) -> ReportRun:
    """Create a run and queue it; a run with the same parameters still waiting or busy is
    returned instead of starting a second one."""
    _validate_years(schooljaar, vergelijkingsjaar)
    # Serialise starts per organisation, so two clicks cannot both pass the check below.
    Organisatie.objects.select_for_update().filter(pk=organisatie.pk).first()
    existing = selectors.active_run(
        organisatie=organisatie,
        schooljaar=schooljaar,
        vergelijkingsjaar=vergelijkingsjaar,
        drie_jaren=drie_jaren,
    )
    if existing is not None:
        return existing
    run = ReportRun.objects.create(
        organisatie=organisatie,
        schooljaar=schooljaar.start_year,
        vergelijkingsjaar=vergelijkingsjaar.start_year if vergelijkingsjaar else None,
        formaten=[ReportFormaat(f).value for f in (formaten or ReportFormaat.values)],
        drie_jaren=drie_jaren,
        gestart_door=actor,
        voortgang_tekst=_("Wacht op de achtergrondverwerking"),
    )
    _queue(run)
    return run


@transaction.atomic
def report_run_retry(*, actor, run: ReportRun) -> ReportRun:
    """Start a failed run again (the same row, so its history stays in one place). A run that
    did not fail is returned as it is; so is an identical run that is already under way."""
    Organisatie.objects.select_for_update().filter(pk=run.organisatie_id).first()
    run = ReportRun.objects.select_for_update().get(pk=run.pk)
    if run.status != ReportRunStatus.MISLUKT:
        return run
    existing = selectors.active_run(
        organisatie=run.organisatie,
        schooljaar=Schooljaar(run.schooljaar),
        vergelijkingsjaar=Schooljaar(run.vergelijkingsjaar) if run.vergelijkingsjaar else None,
        drie_jaren=run.drie_jaren,
    )
    if existing is not None:
        return existing
    run.status = ReportRunStatus.WACHTEND
    run.gestart_door = actor
    run.voortgang = 0
    run.voortgang_tekst = _("Wacht op de achtergrondverwerking")
    run.foutmelding = ""
    run.pogingen = 0
    run.gestart_op = None
    run.klaar_op = None
    run.save()
    _queue(run)
    return run


# -- running (in the worker) -----------------------------------------------------------------------


def _progress(run: ReportRun, voortgang: int, tekst: str) -> None:
    """Committed at once (no surrounding transaction), so the polling page sees it."""
    run.voortgang, run.voortgang_tekst = voortgang, tekst
    ReportRun.objects.filter(pk=run.pk).update(voortgang=voortgang, voortgang_tekst=tekst)


def _mark_failed(run_id: int, message: str) -> None:
    ReportRun.objects.filter(pk=run_id).update(
        status=ReportRunStatus.MISLUKT, foutmelding=message, voortgang_tekst="", klaar_op=timezone.now()
    )


def _claim(run_id: int) -> ReportRun | None:
    """Mark the run busy, or return None when there is nothing (more) to do."""
    with transaction.atomic():
        run = ReportRun.objects.select_for_update().select_related("organisatie").filter(pk=run_id).first()
        if run is None:
            logger.warning("Rapportage %s bestaat niet (meer); taak overgeslagen", run_id)
            return None
        if run.status in (ReportRunStatus.KLAAR, ReportRunStatus.MISLUKT):
            logger.info("Rapportage %s is al %s; niet opnieuw gemaakt", run_id, run.status)
            return None
        if run.status == ReportRunStatus.BEZIG:
            # Delivered again: the worker that had it died (acks_late + reject_on_worker_lost).
            logger.warning("Rapportage %s opnieuw aangeboden na poging %s", run_id, run.pogingen)
            if run.pogingen >= MAX_POGINGEN:
                _mark_failed(run.pk, fout_afgebroken())
                return None
        run.status = ReportRunStatus.BEZIG
        run.pogingen += 1
        run.gestart_op = timezone.now()
        run.voortgang = 0
        run.voortgang_tekst = _("Gestart")
        run.save(update_fields=["status", "pogingen", "gestart_op", "voortgang", "voortgang_tekst"])
    return run


def describe_databasis(report: Report, *, organisatie: Organisatie, schooljaar: Schooljaar) -> str:
    """One paragraph for the colofon: which registrations, period and population figures."""
    gemeenten = ", ".join(naam for _code, naam in report.gemeenten) or "-"
    text = _(
        "Berekend uit de meldingen, aanvragen en trajecten die %(org)s heeft geregistreerd voor de "
        "gemeenten %(gemeenten)s, ontvangen van %(van)s tot en met %(tot)s."
    ) % {
        "org": report.organisatie_naam,
        "gemeenten": gemeenten,
        "van": date_format(schooljaar.first_day, "j F Y"),
        "tot": date_format(schooljaar.last_day, "j F Y"),
    }
    if report.vergelijkingsjaar:
        text += " " + _("Ter vergelijking: schooljaar %(jaar)s.") % {"jaar": report.vergelijkingsjaar}
    met_populatie = selectors.gemeenten_met_populatie(organisatie=organisatie, schooljaar=schooljaar)
    if met_populatie:
        text += " " + _("Populatiecijfers (BRP en DUO) ingevoerd voor: %(namen)s.") % {
            "namen": ", ".join(met_populatie)
        }
    else:
        text += " " + _(
            "Er zijn geen populatiecijfers ingevoerd; percentages die ze nodig hebben staan als n.b."
        )
    text += " " + _("Aantal tabellen: %(aantal)d.") % {"aantal": len(report.tables)}
    return text


def render_format(report: Report, formaat: str, *, databasis: str = "") -> tuple[bytes, int | None]:
    """The file content of one format, and the page count for a PDF."""
    formaat = ReportFormaat(formaat)
    if formaat == ReportFormaat.JSON:
        from .renderers.json import render_json_bytes

        return render_json_bytes(report), None
    if formaat == ReportFormaat.XLSX:
        from .renderers.xlsx import render_xlsx

        return render_xlsx(report), None
    from .renderers.pdf import render_pdf

    result = render_pdf(report, databasis=databasis)
    return result.content, result.pages


def _render(run: ReportRun) -> None:
    organisatie = run.organisatie
    schooljaar = Schooljaar(run.schooljaar)
    vergelijkingsjaar = Schooljaar(run.vergelijkingsjaar) if run.vergelijkingsjaar else None
    _progress(run, 5, _("Tabellen berekenen"))
    report = build_report(organisatie, schooljaar, vergelijkingsjaar, drie_jaren=run.drie_jaren)
    run.databasis = describe_databasis(report, organisatie=organisatie, schooljaar=schooljaar)
    run.controle = list(report.controle)
    formaten = [f for f in RENDER_ORDER if f.value in run.formaten]
    _progress(run, 40, _("%(aantal)d tabellen berekend") % {"aantal": len(report.tables)})
    steps = {
        ReportFormaat.JSON: _("JSON-bestand maken"),
        ReportFormaat.XLSX: _("Excel-bestand maken"),
        ReportFormaat.PDF: _("PDF opmaken"),
    }
    for index, formaat in enumerate(formaten):
        _progress(run, 40 + 55 * index // len(formaten), steps[formaat])
        if formaat == ReportFormaat.PDF:
            # Test hook: lets the test suite kill a worker in the middle of a render.
            time.sleep(getattr(settings, "REPORTING_RENDER_DELAY", 0))
        content, pages = render_format(report, formaat, databasis=run.databasis)
        field = run.bestand(formaat)
        if field:
            field.delete(save=False)  # a redelivered run renders again: no orphaned files
        field.save(f"{formaat.value}.{formaat.value}", ContentFile(content), save=False)
        # Recorded at once: if this worker dies now, the next attempt replaces the file.
        ReportRun.objects.filter(pk=run.pk).update(**{field.field.name: field.name})
        if pages is not None:
            run.paginas = pages
    run.status = ReportRunStatus.KLAAR
    run.voortgang = 100
    run.voortgang_tekst = _("Klaar")
    run.klaar_op = timezone.now()
    run.save(
        update_fields=[
            "status",
            "voortgang",
            "voortgang_tekst",
            "klaar_op",
            "databasis",
            "controle",
            "paginas",
            "pdf_bestand",
            "json_bestand",
            "xlsx_bestand",
        ]
    )


def report_run_execute(*, run_id: int) -> ReportRun | None:
    """Do the work of one run (called by the Celery task). Idempotent: a finished run is not
    rendered again; a busy run delivered again after its worker died is rendered again."""
    run = _claim(run_id)
    if run is None:
        return None
    started = time.monotonic()
    try:
        _render(run)
    except Exception:
        # The traceback goes to the log; the user sees a Dutch sentence without technical detail.
        logger.exception("Rapportage %s mislukt", run.pk)
        _mark_failed(run.pk, fout_technisch())
        run.refresh_from_db()
        return run
    logger.info(
        "Rapportage %s klaar in %.1f s (%s pagina's)", run.pk, time.monotonic() - started, run.paginas or "-"
    )
    return run


# -- the teamleider's texts ---------------------------------------------------------------------


@transaction.atomic
def teksten_opslaan(
    *, actor, organisatie: Organisatie, schooljaar: int, teksten: dict[str, str]
) -> list[str]:
    """Store the texts of one organisation and schooljaar ({sleutel: Markdown}); an empty text
    removes the stored one. Returns the BSN warnings (the texts are stored all the same: the
    number may be something else, and the author decides)."""
    from .models import JaarverslagTekst
    from .teksten import MAX_LENGTE, bsn_warning

    te_lang = [sleutel for sleutel, tekst in teksten.items() if len(tekst) > MAX_LENGTE]
    if te_lang:
        raise ValidationError(
            _("Een tekst mag hoogstens %(max)s tekens lang zijn; te lang: %(plaatsen)s.")
            % {"max": MAX_LENGTE, "plaatsen": ", ".join(te_lang)}
        )
    warnings = []
    bestaand = {
        t.sleutel: t for t in JaarverslagTekst.objects.filter(organisatie=organisatie, schooljaar=schooljaar)
    }
    for sleutel, tekst in teksten.items():
        tekst = tekst.replace("\r\n", "\n").strip()
        current = bestaand.get(sleutel)
        if not tekst:
            if current is not None:
                current.delete()
            continue
        if (warning := bsn_warning(tekst)) is not None:
            warnings.append(warning)
        if current is not None and current.tekst == tekst:
            continue
        JaarverslagTekst.objects.update_or_create(
            organisatie=organisatie,
            schooljaar=schooljaar,
            sleutel=sleutel,
            defaults={"tekst": tekst, "bijgewerkt_door": actor, "bijgewerkt_op": timezone.now()},
        )
    return warnings
