"""Demo meldingen and vrijstellingen for `make run`: every soort in every phase, over the last
two schooljaren, written through the services so they obey the same rules as real work."""

import contextlib
from datetime import date, timedelta

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from cases.constants import ActieSoort, Codelijst, Onderwijssoort, Role
from cases.models import CodeItem, Inschrijving, Jongere, School
from cases.rules import Schooljaar, age_on, leerplicht_start
from cases.selectors import ouders_van

from . import services, vrijstellingen
from .constants import REDEN_LIJST, RESULTAAT_LIJST, Besluit, Fase, Grondslag, MeldingSoort, OnderwijsKolom
from .workflow import PHASES

SOORT_WEIGHTS = [
    (MeldingSoort.RELATIEF_WETTELIJK, 32),
    (MeldingSoort.ZORG, 26),
    (MeldingSoort.RELATIEF_LICHT, 20),
    (MeldingSoort.ABSOLUUT, 8),
    (MeldingSoort.THUISZITTER, 7),
    (MeldingSoort.LUXE, 7),
]


def _onderwijssoort(age: int) -> str:
    if age < 12:
        return Onderwijssoort.BO_SBO
    return Onderwijssoort.VMBO if age < 16 else Onderwijssoort.MBO_2


def load(*, organisatie, users, today: date, rng) -> None:
    lpa = users[Role.LEERPLICHTAMBTENAAR]
    start = Schooljaar.of(today).previous().first_day
    kandidaten = [
        j
        for j in Jongere.objects.filter(organisatie=organisatie).select_related("dossier")
        if 5 <= age_on(j.geboortedatum, today) <= 17
    ]
    codes = {}
    for item in CodeItem.objects.filter(organisatie=organisatie, actief=True):
        codes.setdefault(item.lijst, []).append(item)
    # The organisation's own region: the schools its jongeren are enrolled at (not the first
    # schools in the table, which belong to the other demo organisation).
    schools = list(
        School.objects.filter(
            pk__in=Inschrijving.objects.filter(jongere__organisatie=organisatie).values("school_id")
        ).order_by("pk")[:8]
    )
    # A repeating pattern in the report's proportions, so even a small demo organisation has
    # every soort in both schooljaren.
    pattern = [s for s, w in SOORT_WEIGHTS for _ in range(max(1, w // 7))]
    for index, jongere in enumerate(kandidaten[: len(kandidaten) * 2 // 3]):
        soort = pattern[index % len(pattern)]
        if index % 6 == 0:
            # The current werkvoorraad: received in the last days, mostly within its terms.
            ontvangen = today - timedelta(days=rng.randint(0, 6))
        else:
            ontvangen = start + timedelta(days=rng.randint(0, (today - start).days))
        # Verzuim (from 28 days before receipt) only once leerplicht has started (art. 3).
        earliest = leerplicht_start(jongere.geboortedatum) + timedelta(days=30)
        if earliest > today:
            continue
        _melding(jongere, soort, max(ontvangen, earliest), lpa, codes, schools, today, rng)
    rest = kandidaten[len(kandidaten) * 2 // 3 :]
    if rest:
        _vrijstelling_5a(rest[0], lpa, today)
    for jongere in rest[1:25]:
        _vrijstelling(jongere, lpa, start, today, rng)


def _melding(jongere, soort, ontvangen, lpa, codes, schools, today, rng):
    age = age_on(jongere.geboortedatum, ontvangen)
    data = services.MeldingGegevens(
        soort=soort,
        ontvangen_op=ontvangen,
        school=rng.choice(schools) if schools else None,
        onderwijssoort=_onderwijssoort(age),
        reden=rng.choice(codes.get(REDEN_LIJST[soort], [None])),
        behandelaar=lpa,
    )
    if soort in (MeldingSoort.RELATIEF_LICHT, MeldingSoort.RELATIEF_WETTELIJK, MeldingSoort.THUISZITTER):
        data.verzuim_van = ontvangen - timedelta(days=28)
        data.uren_verzuim = (
            rng.randint(4, 15) if soort == MeldingSoort.RELATIEF_LICHT else rng.randint(16, 80)
        )
    if soort == MeldingSoort.LUXE:
        data.verlof_dagen = rng.randint(1, 8)
        data.gezin_id = f"gezin-{jongere.achternaam.lower()}"
    melding = services.melding_register(actor=lpa, dossier=jongere.dossier, data=data, confirmed=True)
    oud = (today - ontvangen).days
    # Older meldingen are closed, as a team that keeps up closes them; a few stay open past their
    # term so "Termijn verstreken" still means something (issue 16: not almost every one).
    if oud > 10:
        target = Fase.AFGESLOTEN if rng.random() < 0.96 else rng.choice(PHASES)
    else:
        target = rng.choice(PHASES[:3])
        if rng.random() < 0.75:
            # First contact within the term (5 werkdagen): a gesprek one or two days after receipt.
            services.melding_actie_register(
                actor=lpa,
                melding_id=melding.pk,
                soort=ActieSoort.VERZUIMGESPREK,
                datum=min(today, ontvangen + timedelta(days=rng.randint(1, 2))),
                omschrijving="Demo: gesprek met leerling en ouders.",
            )
    for phase in PHASES[1 : PHASES.index(target) + 1 if target in PHASES else len(PHASES)]:
        melding = services.melding_transition(actor=lpa, melding_id=melding.pk, versie=None, naar=phase)
        if phase == Fase.HANDELEN:
            _actie(melding, lpa, ontvangen, today, rng, codes)
    if target == Fase.AFGESLOTEN:
        resultaat = rng.choice(codes.get(RESULTAAT_LIJST[soort], [None]))
        if resultaat is not None:
            services.melding_transition(
                actor=lpa,
                melding_id=melding.pk,
                versie=None,
                naar=Fase.AFGESLOTEN,
                reden="Afgehandeld.",
                resultaat=resultaat,
                afgesloten_op=min(today, ontvangen + timedelta(days=rng.randint(10, 90))),
            )


def _actie(melding, lpa, ontvangen, today, rng, codes):
    datum = min(today, ontvangen + timedelta(days=rng.randint(3, 20)))
    soort = ActieSoort.VERZUIMGESPREK
    extra = {}
    if melding.soort in (MeldingSoort.ZORG, MeldingSoort.THUISZITTER) and rng.random() < 0.6:
        soort = ActieSoort.JGZ_AANMELDING
        extra = {
            "jgz_in_staat": rng.choice(codes[Codelijst.JGZ_IN_STAAT]),
            "jgz_follow_up": rng.choice(codes[Codelijst.JGZ_FOLLOW_UP]),
        }
    elif (
        melding.soort == MeldingSoort.LUXE
        and rng.random() < 0.5
        and (ouder := ouders_van(lpa, melding.dossier.jongere).first())
    ):
        # The verdachte is a named ouder (art. 2 Lpw; leerplicht/proces_verbaal.py).
        soort, extra = ActieSoort.PROCES_VERBAAL_OUDER, {"verdachte_ouder": ouder}
    elif (
        melding.soort == MeldingSoort.RELATIEF_WETTELIJK
        and 8 < (melding.uren_verzuim or 0) <= 60
        and age_on(melding.dossier.jongere.geboortedatum, datum) >= 12
        and rng.random() < 0.3
    ):
        # Halt's criteria (leerplicht/rules.halt_errors): 12+, 9-60 hours, consent of both.
        soort, extra = ActieSoort.HALT_VERWIJZING, {"jongere_instemming": True, "ouders_instemming": True}
    elif rng.random() < 0.4:
        soort = ActieSoort.FORMELE_WAARSCHUWING
    services.melding_actie_register(
        actor=lpa, melding_id=melding.pk, soort=soort, datum=datum, omschrijving="Demo-actie.", **extra
    )


def _vrijstelling_5a(jongere, lpa, today):
    """A granted 5a vrijstelling with its statement: art. 5 onder a Lpw needs the verklaring of a
    doctor, psycholoog or orthopedagoog appointed by B&W (never the child's own practitioner)."""
    aangevraagd = today - timedelta(days=30)
    vrijstelling = vrijstellingen.vrijstelling_request(
        actor=lpa,
        dossier=jongere.dossier,
        grondslag=Grondslag.ART5A,
        aangevraagd_op=aangevraagd,
        onderwijs=OnderwijsKolom.values[0],
        behandelaar=lpa,
    )
    verklaring = SimpleUploadedFile(
        "verklaring-5a.pdf", _statement_pdf(jongere, aangevraagd), content_type="application/pdf"
    )
    vrijstellingen.vrijstelling_add_document(
        actor=lpa,
        vrijstelling_id=vrijstelling.pk,
        upload=verklaring,
        omschrijving="Verklaring 5a van de door B&W aangewezen jeugdarts",
    )
    besluit_op = aangevraagd + timedelta(days=14)
    vrijstellingen.vrijstelling_decide(
        actor=lpa,
        vrijstelling_id=vrijstelling.pk,
        versie=None,
        besluit=Besluit.VERLEEND,
        besluit_op=besluit_op,
        geldig_van=besluit_op,
        geldig_tot=Schooljaar.of(besluit_op).last_day,
        # The statement comes from the B&W-appointed jeugdarts, who does not treat the child
        # (art. 7 Lpw).
        verklaring_onafhankelijk=True,
    )


def _statement_pdf(jongere, datum) -> bytes:
    """A one-page demo statement (WeasyPrint, as letters are made)."""
    from django.utils.html import escape

    from cases.letters.pdf import render_letter_pdf

    html = (
        "<html lang='nl'><body><h1>Verklaring artikel 5 onder a Leerplichtwet</h1>"
        f"<p>Betreft: {escape(jongere.volledige_naam)}, geboren {jongere.geboortedatum:%d-%m-%Y}.</p>"
        "<p>Ondergetekende, door burgemeester en wethouders aangewezen jeugdarts (niet de eigen "
        "behandelaar), verklaart dat de jongere op lichamelijke of psychische gronden niet geschikt "
        f"is om tot een school te worden toegelaten. Datum: {datum:%d-%m-%Y}.</p>"
        "<p>Demo-gegevens, niet echt.</p></body></html>"
    )
    return render_letter_pdf(html)


def _vrijstelling(jongere, lpa, start, today, rng):
    grondslag = rng.choice(
        [Grondslag.ART5A, Grondslag.ART5B, Grondslag.ART5C, Grondslag.ART11G, Grondslag.ART15]
    )
    aangevraagd = start + timedelta(days=rng.randint(0, (today - start).days))
    verlof = {"verlof_dagen": rng.randint(3, 20)} if grondslag == Grondslag.ART11G else {}
    try:
        vrijstelling = vrijstellingen.vrijstelling_request(
            actor=lpa,
            dossier=jongere.dossier,
            grondslag=grondslag,
            aangevraagd_op=aangevraagd,
            onderwijs=rng.choice(OnderwijsKolom.values),
            behandelaar=lpa,
            **verlof,
        )
    except ValidationError:
        return  # e.g. art. 15 for a jongere under 16: refused at registration, as in real life
    if (today - aangevraagd).days < 20:
        return  # still in behandeling
    besluit = rng.choice([Besluit.VERLEEND, Besluit.VERLEEND, Besluit.NIET_VERLEEND])
    if grondslag == Grondslag.ART11G and verlof["verlof_dagen"] <= 10:
        besluit = Besluit.NAAR_SCHOOLHOOFD
    besluit_op = min(today, aangevraagd + timedelta(days=rng.randint(5, 40)))
    # e.g. 5a without a doctor's statement stays in behandeling, as in real life
    with contextlib.suppress(ValidationError):
        vrijstellingen.vrijstelling_decide(
            actor=lpa,
            vrijstelling_id=vrijstelling.pk,
            versie=None,
            besluit=besluit,
            besluit_op=besluit_op,
            geldig_van=besluit_op if besluit == Besluit.VERLEEND else None,
            # a vrijstelling holds at most to the end of its schooljaar (art. 6: yearly kennisgeving)
            geldig_tot=Schooljaar.of(besluit_op).last_day if besluit == Besluit.VERLEEND else None,
            hoofd_gehoord_op=aangevraagd if grondslag == Grondslag.ART11G else None,
        )
