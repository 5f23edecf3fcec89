"""Demo data of the jaarverslag: population figures, so the demo report shows percentages
instead of n.b., and the words and logo a team would publish with it (voorwoord, an introduction
per part, a toelichting per table), so the demo PDF looks like the report a gemeente puts online."""

import io

from django.core.files.base import ContentFile

from cases.rules import Schooljaar

from .models import Huisstijl, JaarverslagTekst, Populatie
from .tables import TABLE_IDS
from .tables.base import DOORSTROOM, LEERPLICHT
from .teksten import VOORWOORD, deel_sleutel, tabel_sleutel

VOORWOORD_TEKST = """Voor u ligt het jaarverslag leerplicht en voortijdig schoolverlaten van
{organisatie} over schooljaar {schooljaar}.

Ieder kind heeft recht op onderwijs. Achter ieder getal in dit verslag staat een jongere die
niet (meer) naar school ging, en een leerplichtambtenaar of trajectbegeleider die samen met de
school, de ouders en de jongere naar een oplossing zocht. Dat lukte het vaakst met een
**gesprek**: de meeste meldingen werden afgesloten zonder proces-verbaal.

Wij danken de scholen, de jeugdgezondheidszorg, Bureau Halt en onze collega's in het sociaal
domein voor de goede samenwerking.

*Het team Leerplicht en het Doorstroompunt*"""

DEEL_TEKSTEN = {
    LEERPLICHT: """Dit deel gaat over de meldingen van verzuim van leerplichtige en
kwalificatieplichtige jongeren (5 tot 18 jaar) en over de aanvragen van vrijstelling.

- **Absoluut verzuim**: een leerplichtige jongere staat niet ingeschreven op een school.
- **Relatief verzuim**: een ingeschreven leerling is ongeoorloofd afwezig.
- **Luxeverzuim**: verlof buiten de schoolvakanties zonder toestemming.

Een melding telt in het schooljaar waarin zij is ontvangen.""",
    DOORSTROOM: """Dit deel gaat over jongeren van 18 tot 27 jaar zonder startkwalificatie die
het Doorstroompunt begeleidt naar school, werk of zorg: nieuwe en oude voortijdig
schoolverlaters (vsv'ers), jongeren met verzuim boven de 18 en kwetsbare jongeren.""",
}

TABEL_TEKST = """Toelichting bij deze tabel: de aantallen zijn berekend uit de registratie van
het team; een jongere met meer meldingen telt bij *Meldingen* vaker mee, bij *Jongeren* één
keer. Zie de bijlage met definities voor wat precies geteld wordt."""


def example_texts(*, organisatie_naam: str, schooljaar: Schooljaar) -> dict[str, str]:
    """The words of a filled-in jaarverslag: voorwoord, both part introductions, and a short
    toelichting under every table (also used by bench/report.py to measure a full PDF)."""
    texts = {VOORWOORD: VOORWOORD_TEKST.format(organisatie=organisatie_naam, schooljaar=schooljaar)}
    texts.update({deel_sleutel(deel): tekst for deel, tekst in DEEL_TEKSTEN.items()})
    texts.update({tabel_sleutel(table_id): TABEL_TEKST for table_id in TABLE_IDS})
    return texts


def example_logo_png() -> bytes:
    """A plain logo: a coloured block with a white band, as a PNG."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (360, 120), "#154273")
    ImageDraw.Draw(image).rectangle((20, 50, 340, 70), fill="white")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def write_example_texts_and_logo(*, organisatie, schooljaar: Schooljaar) -> None:
    for sleutel, tekst in example_texts(organisatie_naam=organisatie.naam, schooljaar=schooljaar).items():
        JaarverslagTekst.objects.update_or_create(
            organisatie=organisatie,
            schooljaar=schooljaar.start_year,
            sleutel=sleutel,
            defaults={"tekst": tekst},
        )
    huisstijl, _created = Huisstijl.objects.get_or_create(organisatie=organisatie)
    if not huisstijl.logo:
        huisstijl.logo.save("logo.png", ContentFile(example_logo_png()), save=False)
        huisstijl.logo_tekst = f"Logo {organisatie.naam}"
        huisstijl.save()


def load(*, organisatie, users, today, rng) -> None:
    current = Schooljaar.of(today)
    for gemeente in organisatie.gemeenten.all():
        base = rng.randint(3_000, 20_000)
        for offset in range(3):
            jaar = current.start_year - offset
            Populatie.objects.get_or_create(
                gemeente=gemeente,
                schooljaar=jaar,
                defaults={
                    "leerplichtigen": base + offset * rng.randint(-150, 150),
                    "kwalificatieplichtigen": base // 9,
                    "boven_leerplichtigen": base // 6,
                    "startpopulatie_vsv": base // 2,
                },
            )
    # The last complete schooljaar is the one a team reports on; the current year then offers
    # these texts as its start (reporting.selectors.teksten_met_voorstel).
    write_example_texts_and_logo(organisatie=organisatie, schooljaar=current.previous())
