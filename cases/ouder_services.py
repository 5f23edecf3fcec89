"""Writes of ouders/verzorgers (art. 2 Lpw). Keyword-only and atomic; each write records a line
on the dossier's timeline (OuderWijziging) and an entry in the processing log."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .audit import log_access
from .concurrency import lock_and_check
from .constants import AuditAction, GegevensBron, OuderWijzigingSoort, Verwerkingsactiviteit
from .models import Jongere, User
from .ouder_models import Ouder, OuderWijziging, normalise_postcode

#: The fields a caller may set; everything else (organisatie, versie, actief, dates) is ours.
EDITABLE_FIELDS = (
    "bsn",
    "voornamen",
    "voorvoegsel",
    "achternaam",
    "relatie",
    "gezag",
    "feitelijke_verzorging",
    "straat",
    "huisnummer",
    "postcode",
    "woonplaats",
    "telefoon",
    "email",
    "geheim_adres",
)


def _check_fields(fields: dict) -> None:
    unknown = sorted(set(fields) - set(EDITABLE_FIELDS))
    if unknown:
        raise TypeError(f"Unknown Ouder fields: {', '.join(unknown)}")


def _clean_values(fields: dict) -> dict:
    values = {}
    for name, value in fields.items():
        if isinstance(value, str):
            value = value.strip()
        if name == "postcode":
            value = normalise_postcode(value)
        values[name] = value
    return values


def _record(ouder: Ouder, soort: str, *, actor: User | None, velden=(), request=None, purpose=None) -> None:
    OuderWijziging.objects.create(
        ouder=ouder, soort=soort, velden=list(velden), bron=ouder.bron, gebruiker=actor
    )
    if actor is not None:
        action = {
            OuderWijzigingSoort.TOEGEVOEGD: AuditAction.AANMAKEN,
            OuderWijzigingSoort.GEWIJZIGD: AuditAction.WIJZIGEN,
            OuderWijzigingSoort.VERWIJDERD: AuditAction.VERWIJDEREN,
        }[soort]
        log_access(
            actor=actor,
            action=action,
            purpose=purpose or Verwerkingsactiviteit.REGISTRATIE,
            jongere=ouder.jongere,
            obj=ouder,
            request=request,
        )


@transaction.atomic
def ouder_toevoegen(
    *,
    actor: User | None,
    jongere: Jongere,
    bron: str = GegevensBron.HANDMATIG,
    bron_datum: date | None = None,
    purpose: str | None = None,
    request=None,
    **fields,
) -> Ouder:
    """Add an ouder/verzorger to `jongere`; raises ValidationError (Dutch, per field)."""
    _check_fields(fields)
    ouder = Ouder(
        organisatie_id=jongere.organisatie_id,
        jongere=jongere,
        bron=bron,
        bron_datum=bron_datum,
        **_clean_values(fields),
    )
    # The BSN constraint is checked by _refuse_duplicate_bsn, which names the field in Dutch.
    ouder.full_clean(validate_constraints=False)
    _refuse_duplicate_bsn(ouder)
    ouder.save()
    _record(ouder, OuderWijzigingSoort.TOEGEVOEGD, actor=actor, request=request, purpose=purpose)
    return ouder


def _refuse_duplicate_bsn(ouder: Ouder) -> None:
    if not ouder.bsn:
        return
    others = Ouder.objects.filter(jongere_id=ouder.jongere_id, bsn=ouder.bsn, actief=True).exclude(
        pk=ouder.pk
    )
    if others.exists():
        raise ValidationError({"bsn": _("Deze jongere heeft al een ouder of verzorger met dit BSN.")})


@transaction.atomic
def ouder_wijzigen(
    *,
    actor: User | None,
    ouder: Ouder,
    versie: int | None,
    purpose: str | None = None,
    request=None,
    **fields,
) -> Ouder:
    """Change an ouder's data; refuses a stale `versie` (ConflictError) and an inactive ouder."""
    _check_fields(fields)
    current = lock_and_check(Ouder.objects.select_related("jongere"), ouder.pk, versie)
    if not current.actief:
        raise ValidationError(_("Deze ouder of verzorger is verwijderd en kan niet meer worden gewijzigd."))
    changed = []
    for name, value in _clean_values(fields).items():
        if getattr(current, name) != value:
            setattr(current, name, value)
            changed.append(name)
    current.full_clean(validate_constraints=False)
    _refuse_duplicate_bsn(current)
    if not changed:
        return current
    current.gewijzigd_op = timezone.now()
    current.save()
    _record(
        current, OuderWijzigingSoort.GEWIJZIGD, actor=actor, velden=changed, request=request, purpose=purpose
    )
    return current


@transaction.atomic
def ouder_verwijderen(
    *, actor: User | None, ouder: Ouder, versie: int | None = None, purpose: str | None = None, request=None
) -> None:
    """Take an ouder off the dossier. The row stays (inactive) so the timeline and the letters
    sent to them keep saying who it was; destroying the dossier removes it for good."""
    current = lock_and_check(Ouder.objects.select_related("jongere"), ouder.pk, versie)
    if not current.actief:
        return
    current.actief = False
    current.gewijzigd_op = timezone.now()
    current.save()
    _record(current, OuderWijzigingSoort.VERWIJDERD, actor=actor, request=request, purpose=purpose)


def _name_key(data) -> tuple[str, ...]:
    """Full name, case- and space-insensitive, from a dict or an Ouder."""
    names = ("voornamen", "voorvoegsel", "achternaam")
    if isinstance(data, dict):
        values = [data.get(name) or "" for name in names]
    else:
        values = [getattr(data, name) for name in names]
    return tuple(" ".join(value.split()).casefold() for value in values)


@transaction.atomic
def ouders_bijwerken_uit_bron(
    *,
    actor: User | None,
    jongere: Jongere,
    ouders: list[dict],
    bron: str,
    bron_datum: date | None,
    purpose: str | None = None,
) -> list[Ouder]:
    """Make the ouders of `jongere` from source `bron` (import, brp) what the source says now.

    Matches each given person on BSN, else on the full name, among the ouders of that same
    source (inactive ones too, so someone who reappears is reactivated); adds the unmatched,
    updates the matched, and deactivates that source's ouders no longer present. Ouders typed
    by hand are never touched. Returns the source's active ouders, in the given order."""
    if bron == GegevensBron.HANDMATIG:
        raise ValueError("ouders_bijwerken_uit_bron is for imported sources, not for typed ouders")
    existing = list(
        Ouder.objects.select_for_update().filter(jongere=jongere, bron=bron).order_by("-actief", "pk")
    )
    by_bsn = {o.bsn: o for o in reversed(existing) if o.bsn}
    by_name = {_name_key(o): o for o in reversed(existing)}
    kept: list[Ouder] = []
    for data in ouders:
        _check_fields(data)
        data = _clean_values(data)
        match = by_bsn.get(data["bsn"]) if data.get("bsn") else None
        if match is None:
            candidate = by_name.get(_name_key(data))
            # A name match must not override a different known BSN: that is another person.
            if candidate is not None and not (
                candidate.bsn and data.get("bsn") and candidate.bsn != data["bsn"]
            ):
                match = candidate
        if match is not None and match in kept:
            match = None
        if match is None:
            ouder = ouder_toevoegen(
                actor=actor, jongere=jongere, bron=bron, bron_datum=bron_datum, purpose=purpose, **data
            )
        else:
            ouder = _update_from_source(match, data, actor=actor, bron_datum=bron_datum, purpose=purpose)
        kept.append(ouder)
    kept_pks = {o.pk for o in kept}
    for ouder in existing:
        if ouder.actief and ouder.pk not in kept_pks:
            ouder_verwijderen(actor=actor, ouder=ouder, purpose=purpose)
    return kept


def _update_from_source(ouder: Ouder, data: dict, *, actor, bron_datum, purpose) -> Ouder:
    changed = [name for name, value in data.items() if getattr(ouder, name) != value]
    for name in changed:
        setattr(ouder, name, data[name])
    reactivated = not ouder.actief
    ouder.actief = True
    ouder.bron_datum = bron_datum
    if changed or reactivated:
        ouder.full_clean(validate_constraints=False)
        _refuse_duplicate_bsn(ouder)
        ouder.versie += 1
        ouder.gewijzigd_op = timezone.now()
    ouder.save()
    if reactivated:
        _record(ouder, OuderWijzigingSoort.TOEGEVOEGD, actor=actor, purpose=purpose)
    elif changed:
        _record(ouder, OuderWijzigingSoort.GEWIJZIGD, actor=actor, velden=changed, purpose=purpose)
    return ouder
