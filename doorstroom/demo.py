"""Fictitious Doorstroompunt demo data: trajecten of every doelgroep at every Routekaart step,
including closed ones whose nazorg is due, spread over the last two schooljaren.

Registered as a demo loader (cases/registry.py); deterministic with the given rng.
"""

from datetime import date, datetime, time, timedelta

from django.utils import timezone

from cases.constants import Codelijst, Role
from cases.demo import random_bsn
from cases.models import CodeItem, Jongere
from cases.rules import Schooljaar, birthday_in_year
from cases.services import jongere_register

from . import rules, services
from .constants import (
    RESULTAAT_LIJST,
    STAP_ORDER,
    BenaderingSoort,
    BenaderingUitkomst,
    Bron,
    Casusregie,
    Doelgroep,
    Ketenpartner,
    Leefdomein,
    Stap,
    VerzuimAfloop,
    reden_lijst,
    uitstroom_lijst,
)
from .models import Benadering, PlanVanAanpak, StapWijziging, Traject, VerzuimActie, VerzuimMelding
from .workflow import pad_naar, sluit_af

JIB_VOORNAMEN = ["Yara", "Bram", "Ilse", "Mohamed", "Sanne", "Kevin", "Fleur", "Rachid", "Lieke", "Tim"]
JIB_ACHTERNAMEN = ["Bakker", "Smit", "Meijer", "Mulder", "Bos", "Vos", "Peters", "Hendriks", "Dijkstra"]


def _years_before(day: date, years: int) -> date:
    return birthday_in_year(day, day.year - years)


def _moment(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(10, 0)))


def _pick(rng, items):
    return rng.choice(items) if items else None


def _extra_jib_jongeren(organisatie, today, rng, count: int) -> list[Jongere]:
    """The core demo has nobody over 22; Jongeren in Beeld (23-27) needs a few older jongeren."""
    gemeenten = list(organisatie.gemeenten.order_by("code"))
    return [
        jongere_register(
            actor=None,
            organisatie=organisatie,
            voornamen=rng.choice(JIB_VOORNAMEN),
            achternaam=rng.choice(JIB_ACHTERNAMEN),
            geboortedatum=today - timedelta(days=rng.randint(int(23.6 * 365), int(25.9 * 365))),
            woongemeente=(gemeente := rng.choice(gemeenten)),
            bsn=random_bsn(rng),
            woonplaats=gemeente.naam,
        )
        for _i in range(count)
    ]


class _Builder:
    def __init__(self, *, organisatie, coach, today, rng):
        self.today = today
        self.rng = rng
        self.coach = coach
        self.window_start = Schooljaar.of(today).previous().first_day
        self.codes: dict[str, list[CodeItem]] = {}
        for item in CodeItem.objects.filter(organisatie=organisatie, actief=True).order_by("volgorde", "pk"):
            self.codes.setdefault(item.lijst, []).append(item)

    def code(self, lijst):
        return _pick(self.rng, self.codes.get(str(lijst), []))

    def gemeld_op_for(self, jongere: Jongere, doelgroep: str, latest: date) -> date | None:
        """A signal date inside the window at which the jongere fits the doelgroep's age range."""
        start = max(self.window_start, latest - timedelta(days=700))
        if latest <= start:
            start = latest - timedelta(days=30)
        for _attempt in range(12):
            day = start + timedelta(days=self.rng.randint(0, (latest - start).days))
            if rules.leeftijd_fout(doelgroep, jongere.geboortedatum, day) is None:
                return day
        return None

    def build(
        self, *, jongere: Jongere, doelgroep: str, stap: str, nazorg_due: bool = False
    ) -> Traject | None:
        rng = self.rng
        path = pad_naar(doelgroep, stap)
        duration = 12 * len(path)
        latest = (
            self.today - timedelta(days=366 + duration)
            if nazorg_due
            else self.today - timedelta(days=duration)
        )
        gemeld_op = self.gemeld_op_for(jongere, doelgroep, latest)
        if gemeld_op is None:
            return None
        dates = [gemeld_op]
        for _step in path[1:]:
            dates.append(min(dates[-1] + timedelta(days=rng.randint(2, 12)), self.today))
        vsv = doelgroep in (Doelgroep.NIEUW_VSV, Doelgroep.OUD_VSV, Doelgroep.KWETSBARE_JONGERE)
        traject = Traject.objects.create(
            dossier=jongere.dossier,
            doelgroep=doelgroep,
            stap=path[-1],
            stap_sinds=dates[-1],
            bron=rng.choice(
                [Bron.VERZUIMLOKET, Bron.VSV_REGISTRATIE, Bron.KETENPARTNER, Bron.EIGEN_ONDERZOEK]
            )
            if doelgroep != Doelgroep.VERZUIM_18PLUS
            else Bron.VERZUIMLOKET,
            gemeld_op=gemeld_op,
            uitval_op=gemeld_op - timedelta(days=rng.randint(5, 120)) if vsv else None,
            onderwijsachtergrond=self.code(Codelijst.DSP_ONDERWIJSACHTERGROND) if vsv else None,
            herkomst=self.code(Codelijst.DSP_HERKOMST_KWETSBAAR)
            if doelgroep == Doelgroep.KWETSBARE_JONGERE
            else None,
            reden=self.code(reden_lijst(doelgroep)) if doelgroep != Doelgroep.VERZUIM_18PLUS else None,
            behandelaar=self.coach if rng.random() < 0.8 else None,
            aangemaakt_op=_moment(gemeld_op),
        )
        history = [StapWijziging(traject=traject, naar_stap=path[0], tijdstip=_moment(gemeld_op))]
        closed_at = None
        direct = False
        for source, target, day in zip(path, path[1:], dates[1:], strict=False):
            history.append(
                StapWijziging(
                    traject=traject, van_stap=source, naar_stap=target, tijdstip=_moment(day), door=self.coach
                )
            )
            if sluit_af(source, target):
                closed_at, direct = day, source == Stap.DOELGROEP_VASTSTELLEN
        StapWijziging.objects.bulk_create(history)
        reached = STAP_ORDER.index(Stap(path[-1])) >= STAP_ORDER.index(Stap.INTAKE_PLANNEN) and not direct
        if reached:
            self.contact(traject, dates[min(3, len(dates) - 1)])
        if doelgroep == Doelgroep.VERZUIM_18PLUS:
            self.verzuim(traject, gemeld_op)
        if Stap.PLAN_VAN_AANPAK in path:
            self.plan(traject, dates[path.index(Stap.PLAN_VAN_AANPAK)])
        if closed_at is not None:
            self.close(traject, closed_at, begeleid=not direct and rng.random() < 0.65)
        return traject

    def contact(self, traject: Traject, day: date) -> None:
        Benadering.objects.create(
            traject=traject,
            soort=BenaderingSoort.BRIEF,
            datum=traject.gemeld_op,
            uitkomst=BenaderingUitkomst.GEEN_REACTIE,
            toelichting="Uitnodiging voor een gesprek verstuurd.",
            door=self.coach,
        )
        Benadering.objects.create(
            traject=traject,
            soort=BenaderingSoort.TELEFOON,
            datum=day,
            uitkomst=BenaderingUitkomst.BEREIKT,
            toelichting="Afspraak voor intake gemaakt.",
            door=self.coach,
        )

    def plan(self, traject: Traject, day: date) -> None:
        rng = self.rng
        PlanVanAanpak.objects.create(
            traject=traject,
            intake_op=day - timedelta(days=7),
            leefdomeinen={
                Leefdomein.ONDERWIJS: "Wil een nieuwe opleiding kiezen.",
                Leefdomein.WONEN: rng.choice(["Woont thuis.", "Zoekt woonruimte.", "Woont zelfstandig."]),
            },
            toestemming_gegevensuitwisseling=True,
            toestemming_op=day - timedelta(days=7),
            vooronderzoek="Eerdere opleiding gestopt; school en jongere gesproken.",
            afspraken="Oriëntatie op opleiding en werk; tweewekelijks contact met de coach.",
            casusregie=Casusregie.DOORSTROOMPUNT,
            ketenpartners=rng.sample([k.value for k in Ketenpartner], 2),
            plan_vastgesteld_op=day,
            bijgewerkt_door=self.coach,
        )

    def verzuim(self, traject: Traject, day: date) -> None:
        melding = VerzuimMelding.objects.create(
            traject=traject, gemeld_op=day, uren=self.rng.randint(16, 40), weken=4, door=self.coach
        )
        actie = self.code(Codelijst.DSP_ACTIE_VERZUIM_18PLUS)
        if actie is not None:
            VerzuimActie.objects.create(
                traject=traject, melding=melding, actie=actie, datum=min(day + timedelta(days=3), self.today)
            )

    def close(self, traject: Traject, day: date, *, begeleid: bool) -> None:
        rng = self.rng
        traject.begeleid = begeleid
        traject.afgesloten_op = day
        traject.nazorg_op = rules.nazorg_datum(day)
        if begeleid:
            traject.uitstroom = self.code(uitstroom_lijst(traject.doelgroep))
        else:
            reden = self.code(Codelijst.DSP_REDEN_NIET_BEGELEID)
            traject.reden_niet_begeleid = reden
            if reden is not None and rules.vereist_huisbezoek(reden.label):
                Benadering.objects.create(
                    traject=traject,
                    soort=BenaderingSoort.HUISBEZOEK,
                    datum=day,
                    uitkomst=BenaderingUitkomst.NIET_AANGETROFFEN,
                    toelichting="Niemand aangetroffen; buren kennen de jongere niet.",
                    door=self.coach,
                )
            if rng.random() < 0.5:
                traject.uitstroom = self.code(uitstroom_lijst(traject.doelgroep))
        lijst = RESULTAAT_LIJST.get(traject.doelgroep)
        if lijst:
            traject.resultaat = self.code(lijst)
        if traject.doelgroep == Doelgroep.VERZUIM_18PLUS:
            traject.verzuim_afloop = rng.choice([VerzuimAfloop.VOORTGEZET] * 4 + [VerzuimAfloop.GESTOPT])
        traject.save()


def load_demo_trajecten(*, organisatie, users, today: date, rng) -> None:
    coach = users.get(Role.DOORSTROOMCOACH)
    jongeren = list(
        Jongere.objects.filter(
            organisatie=organisatie,
            geboortedatum__gt=_years_before(today, 28),
            geboortedatum__lte=_years_before(today, 16),
        )
        .select_related("dossier")
        .order_by("pk")
    )
    jongeren += _extra_jib_jongeren(organisatie, today, rng, count=len(Stap) + 1)
    builder = _Builder(organisatie=organisatie, coach=coach, today=today, rng=rng)
    for doelgroep in Doelgroep:
        pool = list(jongeren)
        rng.shuffle(pool)
        wanted = [(stap, False) for stap in Stap] + [(Stap.TERUGKOPPELEN, True), (Stap.AFSLUITEN, True)]
        for stap, nazorg_due in wanted:
            while pool:
                jongere = pool.pop()
                if builder.build(jongere=jongere, doelgroep=doelgroep, stap=stap, nazorg_due=nazorg_due):
                    break
    # The daily job marks the due follow-ups, as it would in production.
    services.nazorg_signaleren(today=today)
