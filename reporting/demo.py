"""Demo population figures, so the demo jaarverslag shows percentages instead of n.b."""

from cases.rules import Schooljaar

from .models import Populatie


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
