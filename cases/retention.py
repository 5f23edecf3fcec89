"""Retention: which dossiers are past their term, proposals for destruction, and destruction.

Terms (per organisation, `Organisatie.bewaartermijn`):
- Selectielijst 2020: the latest of 19 years after the birth date (12.1.3), 2 years after the
  kwalificatieplicht ends (18th birthday or startkwalificatie, 12.1.4) and 2 years after the last
  activity on the dossier (a traject or melding closed later than that);
- Wpg: 5 years after the last activity on the dossier (the shorter term for verzuimmeldingen).
A dossier with open work (a melding or traject without `afgesloten_op`) is never proposed.

Destruction keeps the anonymous facts the jaarverslag counts: the rows of meldingen,
vrijstellingen, trajecten and their steps with codes, dates, gemeente and leeftijd, and the
jongere as a shell with birth date, gender and woongemeente (the report computes ages and
counts by gender and gemeente). Names, BSN, address, external ids, school history, every free
text and every document (with its file) are removed. The core walks the dossier's relations, so
it needs no knowledge of the team apps.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from django.db import models, transaction
from django.utils import timezone

from .audit import log_access
from .constants import AuditAction, Bewaartermijn, Verwerkingsactiviteit
from .models import Document, Dossier, Jongere, Organisatie, Ouder
from .overdracht import writes_allowed
from .retention_models import VernietigingsVoorstel

#: Identifying short texts on related rows, emptied like free texts.
IDENTIFYING_CHAR_FIELDS = {"extern_id", "gezin_id"}
#: A rejected proposal is not repeated within this period.
REJECTION_PAUSE = timedelta(days=365)


def add_years(day: date, years: int) -> date:
    """The same calendar day `years` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class Due:
    dossier: Dossier
    vervaldatum: date
    grondslag: str


def _relations(model):
    """(related model, name of its field pointing at `model`) for every one-to-many relation."""
    for relation in model._meta.related_objects:
        if relation.one_to_many or relation.one_to_one:
            yield relation.related_model, relation.field.name


def _related_rows(instance):
    """(model, queryset) for every one-to-many relation pointing at `instance`."""
    for model, field in _relations(type(instance)):
        yield model, model._base_manager.filter(**{field: instance})


def _activity(dossier: Dossier) -> tuple[bool, date]:
    """(has open work, date of the last activity) over the rows hanging off the dossier."""
    last = timezone.localdate(dossier.aangemaakt_op)
    open_work = False
    for model, rows in _related_rows(dossier):
        if model is VernietigingsVoorstel:
            continue
        names = {f.name for f in model._meta.concrete_fields}
        if "afgesloten_op" in names and rows.filter(afgesloten_op__isnull=True).exists():
            open_work = True
        date_fields = [
            f.name
            for f in model._meta.concrete_fields
            if isinstance(f, models.DateField) and not isinstance(f, models.DateTimeField)
        ]
        for name in date_fields:
            value = rows.aggregate(latest=models.Max(name))["latest"]
            if value and value > last:
                last = value
    return open_work, last


def due_date(jongere: Jongere, last_activity: date, policy: str) -> tuple[date, str]:
    """When the dossier's term ends, and on which ground."""
    if policy == Bewaartermijn.WPG:
        return add_years(last_activity, 5), VernietigingsVoorstel.Grondslag.WPG
    end_kwalificatieplicht = add_years(jongere.geboortedatum, 18)
    if jongere.startkwalificatie_op and jongere.startkwalificatie_op < end_kwalificatieplicht:
        end_kwalificatieplicht = jongere.startkwalificatie_op
    candidates = [
        (add_years(jongere.geboortedatum, 19), VernietigingsVoorstel.Grondslag.LEERPLICHT),
        (add_years(end_kwalificatieplicht, 2), VernietigingsVoorstel.Grondslag.KWALIFICATIEPLICHT),
        (add_years(last_activity, 2), VernietigingsVoorstel.Grondslag.LAATSTE_ACTIVITEIT),
    ]
    return max(candidates, key=lambda c: c[0])


def dossiers_due(organisatie: Organisatie, today: date) -> list[Due]:
    """Dossiers of the organisation past their term, not destroyed, without open work and
    without a pending (or recently rejected) proposal."""
    blocked = VernietigingsVoorstel.objects.filter(
        models.Q(status=VernietigingsVoorstel.Status.VOORGESTELD)
        | models.Q(
            status=VernietigingsVoorstel.Status.AFGEWEZEN, beoordeeld_op__gte=timezone.now() - REJECTION_PAUSE
        )
    ).values("dossier_id")
    candidates = (
        Dossier._base_manager.filter(jongere__organisatie=organisatie, vernietigd_op__isnull=True)
        # Nothing is due before the shortest term: 2 years after the last activity.
        .filter(aangemaakt_op__lte=timezone.now() - timedelta(days=2 * 365))
        .exclude(pk__in=blocked)
        .select_related("jongere")
    )
    due = []
    for dossier in candidates:
        open_work, last = _activity(dossier)
        if open_work:
            continue
        vervaldatum, grondslag = due_date(dossier.jongere, last, organisatie.bewaartermijn)
        if vervaldatum <= today:
            due.append(Due(dossier, vervaldatum, grondslag))
    return due


@transaction.atomic
def proposals_create(*, today: date | None = None) -> int:
    """The daily job: one proposal per dossier past its term, in every organisation."""
    today = today or timezone.localdate()
    created = 0
    for organisatie in Organisatie.objects.all():
        for item in dossiers_due(organisatie, today):
            VernietigingsVoorstel.objects.create(
                organisatie=organisatie,
                dossier=item.dossier,
                grondslag=item.grondslag,
                vervaldatum=item.vervaldatum,
            )
            created += 1
    return created


@transaction.atomic
def proposal_reject(*, actor, voorstel: VernietigingsVoorstel) -> None:
    voorstel = VernietigingsVoorstel.objects.select_for_update().get(pk=voorstel.pk)
    if voorstel.status != VernietigingsVoorstel.Status.VOORGESTELD:
        return
    voorstel.status = VernietigingsVoorstel.Status.AFGEWEZEN
    voorstel.beoordeeld_door = actor
    voorstel.beoordeeld_op = timezone.now()
    voorstel.save(update_fields=["status", "beoordeeld_door", "beoordeeld_op"])


@transaction.atomic
def proposal_approve(*, actor, voorstel: VernietigingsVoorstel, request=None) -> dict:
    """Approve and destroy at once (one dossier takes milliseconds); logged as VERWIJDEREN."""
    voorstel = VernietigingsVoorstel.objects.select_for_update().get(pk=voorstel.pk)
    if voorstel.status != VernietigingsVoorstel.Status.VOORGESTELD:
        return voorstel.verwijderd
    dossier = Dossier._base_manager.select_for_update().select_related("jongere").get(pk=voorstel.dossier_id)
    log_access(
        actor=actor,
        action=AuditAction.VERWIJDEREN,
        purpose=Verwerkingsactiviteit.ARCHIVERING,
        jongere=dossier.jongere,
        obj=dossier,
        request=request,
    )
    summary = dossier_destroy(dossier=dossier)
    voorstel.status = VernietigingsVoorstel.Status.VERNIETIGD
    voorstel.beoordeeld_door = actor
    voorstel.beoordeeld_op = timezone.now()
    voorstel.verwijderd = summary
    voorstel.save(update_fields=["status", "beoordeeld_door", "beoordeeld_op", "verwijderd"])
    return summary


def _blank_texts(rows, model, summary: dict) -> None:
    fields = [
        f.name
        for f in model._meta.concrete_fields
        if isinstance(f, models.TextField)
        or (isinstance(f, models.CharField) and f.name in IDENTIFYING_CHAR_FIELDS)
    ]
    if fields:
        count = rows.update(**dict.fromkeys(fields, ""))
        if count:
            summary[model._meta.label_lower] = summary.get(model._meta.label_lower, 0) + count


def dossier_destroy(*, dossier: Dossier) -> dict:
    """Remove the personal data of one dossier; keep the anonymous facts. Returns a summary
    (counts per kind of data) for the proposal's record. Call inside a transaction."""
    # A dossier handed over to another gemeente is read-only, but its retention still runs.
    with writes_allowed(dossier.pk):
        return _destroy(dossier)


def _destroy(dossier: Dossier) -> dict:
    summary: dict[str, int] = {}
    documents = list(Document._base_manager.filter(dossier=dossier))
    for document in documents:
        transaction.on_commit(
            lambda name=document.bestand.name, storage=document.bestand.storage: storage.delete(name)
        )
    if documents:
        Document._base_manager.filter(pk__in=[d.pk for d in documents]).delete()
        summary["cases.document"] = len(documents)
    for model, rows in _related_rows(dossier):
        if model in (Document, VernietigingsVoorstel):
            continue
        _blank_texts(rows, model, summary)
        for child_model, field in _relations(model):
            _blank_texts(child_model._base_manager.filter(**{f"{field}__in": rows}), child_model, summary)
    jongere = dossier.jongere
    deleted, _by_model = jongere.inschrijvingen.all().delete()
    if deleted:
        summary["cases.inschrijving"] = deleted
    # Ouders are personal data of others than the jongere: removed, with their history.
    ouders = Ouder._base_manager.filter(jongere=jongere)
    count = ouders.count()
    if count:
        ouders.delete()
        summary["cases.ouder"] = count
    Jongere._base_manager.filter(pk=jongere.pk).update(
        bsn="",
        voornamen="",
        tussenvoegsel="",
        achternaam="",
        straat="",
        postcode="",
        woonplaats="",
        extern_id="",
    )
    summary["cases.jongere"] = 1
    Dossier._base_manager.filter(pk=dossier.pk).update(vernietigd_op=timezone.now())
    return summary
