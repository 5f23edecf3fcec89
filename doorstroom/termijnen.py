"""Deadlines of trajecten: the first contact attempt after the signal (met by any recorded
benadering) and carrying out the nazorg after its planned date. The daily job stores the open
deadline and its signal on the traject, so the caseload shows and filters on it cheaply."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.constants import TermijnEenheid
from cases.models import Organisatie
from cases.registry import DigestItem, TermijnBron, TermijnDefinitie
from cases.selectors import kalender_voor
from cases.termijnen.signalen import STATE_FIELDS, store_changed
from cases.termijnen.werkdagen import Kalender, Termijnregel

from .constants import DEFAULT_TRAJECT_TERMIJN_WERKDAGEN, Doelgroep, TrajectTermijnSoort
from .models import Benadering, Traject, TrajectTermijn


@dataclass(frozen=True)
class Termijnen:
    regels: dict[tuple[str, str], Termijnregel]
    kalender: Kalender

    @classmethod
    def voor(cls, organisatie_id: int | None) -> "Termijnen":
        regels = {
            (doelgroep.value, soort.value): Termijnregel(
                DEFAULT_TRAJECT_TERMIJN_WERKDAGEN[soort], TermijnEenheid.WERKDAGEN
            )
            for doelgroep in Doelgroep
            for soort in TrajectTermijnSoort
        }
        for termijn in TrajectTermijn.objects.filter(organisatie_id=organisatie_id):
            regels[(termijn.doelgroep, termijn.termijn)] = Termijnregel(
                termijn.dagen, termijn.eenheid, termijn.schoolvakanties_overslaan
            )
        return cls(regels, kalender_voor(organisatie_id))

    def open_termijn(self, traject: Traject, *, benaderd: bool) -> tuple[date | None, str]:
        """The open deadline of a traject and its kind, or (None, "") when none is open."""
        if traject.afgesloten_op is None:
            if benaderd:
                return None, ""
            regel = self.regels[(traject.doelgroep, TrajectTermijnSoort.EERSTE_CONTACT)]
            return self.kalender.deadline(traject.gemeld_op, regel), TrajectTermijnSoort.EERSTE_CONTACT.value
        if traject.nazorg_op and traject.nazorg_uitgevoerd_op is None:
            regel = self.regels[(traject.doelgroep, TrajectTermijnSoort.NAZORG)]
            return self.kalender.deadline(traject.nazorg_op, regel), TrajectTermijnSoort.NAZORG.value
        return None, ""


def traject_state(termijnen: Termijnen, traject: Traject, today: date) -> tuple:
    """(termijn_op, termijn_soort, signaal) of a traject annotated with `benaderd`."""
    op, soort = termijnen.open_termijn(traject, benaderd=traject.benaderd)
    return op, soort, termijnen.kalender.signaal(op, today)


def benaderd() -> Exists:
    return Exists(Benadering.objects.filter(traject=OuterRef("pk")))


#: What the deadline of a traject depends on.
DEADLINE_FIELDS = ("pk", "doelgroep", "gemeld_op", "afgesloten_op", "nazorg_op", "nazorg_uitgevoerd_op")


def signaleren(*, today: date) -> int:
    """Store the open deadline and its signal on every traject that has one; clear it where none
    is open any more. Only changed rows are written, so a rerun writes nothing."""
    changed = 0
    for organisatie_id in Organisatie.objects.values_list("pk", flat=True):
        termijnen = Termijnen.voor(organisatie_id)
        trajecten = (
            Traject.objects.filter(organisatie_id=organisatie_id)
            .filter(
                Q(afgesloten_op__isnull=True)
                | Q(nazorg_op__isnull=False, nazorg_uitgevoerd_op__isnull=True)
                | Q(termijn_op__isnull=False)
                | ~Q(signaal="")
            )
            .annotate(benaderd=benaderd())
            .only(*DEADLINE_FIELDS, *STATE_FIELDS)
        )
        changed += store_changed(
            Traject, ((t, traject_state(termijnen, t, today)) for t in trajecten.iterator(chunk_size=2000))
        )
    return changed


def traject_bijwerken(traject_id: int, *, today: date | None = None) -> None:
    """Refresh one traject's deadline state right after a change (started, benadering recorded,
    closed, nazorg recorded), by the same rules as the daily job. Does not touch the version."""
    today = today or timezone.localdate()
    traject = (
        Traject.objects.annotate(benaderd=benaderd())
        .only(*DEADLINE_FIELDS, "organisatie_id")
        .get(pk=traject_id)
    )
    state = traject_state(Termijnen.voor(traject.organisatie_id), traject, today)
    Traject.objects.filter(pk=traject_id).update(**dict(zip(STATE_FIELDS, state, strict=True)))


def digest_items(user) -> list[DigestItem]:
    """Running trajecten and open nazorg assigned to `user` (one query, through visible_to)."""
    label = str(Traject._meta.verbose_name).capitalize()
    return [
        DigestItem(
            soort="traject",
            soort_label=label,
            pk=pk,
            url=reverse("traject_detail", args=[pk]),
            termijn_label=str(TrajectTermijnSoort(termijn_soort).label) if termijn_soort else "",
            termijn_op=termijn_op,
            signaal=signaal,
        )
        for pk, termijn_op, termijn_soort, signaal in Traject.objects.visible_to(user)
        .filter(behandelaar=user)
        .filter(Q(afgesloten_op__isnull=True) | Q(nazorg_op__isnull=False, nazorg_uitgevoerd_op__isnull=True))
        .values_list("pk", "termijn_op", "termijn_soort", "signaal")
    ]


def beheer_definities() -> list[TermijnDefinitie]:
    """The terms a functioneel beheerder can set on the beheer page, with their defaults."""
    return [
        TermijnDefinitie(
            sleutel={"doelgroep": doelgroep.value, "termijn": soort.value},
            omschrijving=f"{doelgroep.label}: {soort.label}",
            standaard_dagen=DEFAULT_TRAJECT_TERMIJN_WERKDAGEN[soort],
            standaard_eenheid=TermijnEenheid.WERKDAGEN,
            standaard_vakanties_overslaan=False,
            grondslag=_("Standaard van de applicatie (geen wettelijke termijn)"),
        )
        for doelgroep in Doelgroep
        for soort in TrajectTermijnSoort
    ]


BEHEER_BRON = TermijnBron(
    code="doorstroom", titel=_("Trajecten"), model="doorstroom.TrajectTermijn", definities=beheer_definities
)
