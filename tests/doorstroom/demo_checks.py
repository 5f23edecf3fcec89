"""What the demo data gives the doorstroom team."""

from datetime import date

from cases.rules import Schooljaar
from doorstroom.constants import Doelgroep, Stap
from doorstroom.models import Traject
from doorstroom.rules import leeftijd_fout


def check_doorstroom_demo():
    """Every doelgroep at every step and due nazorg (called from the one demo test,
    tests/cases/test_demo_and_health.py, which loads the demo data once)."""
    for slug in ("zoetermeer", "roermond"):
        trajecten = Traject.objects.filter(dossier__jongere__organisatie__slug=slug)
        combinations = set(trajecten.values_list("doelgroep", "stap"))
        assert combinations == {(d.value, s.value) for d in Doelgroep for s in Stap}, slug
        assert trajecten.nazorg_open().count() >= len(Doelgroep)
        assert trajecten.filter(begeleid=False).exclude(reden_niet_begeleid=None).exists()
        assert trajecten.filter(verzuimacties__isnull=False).exists()
    window_start = Schooljaar.of(date.today()).previous().first_day
    assert not Traject.objects.open().filter(gemeld_op__lt=window_start).exists()
    for traject in Traject.objects.select_related("dossier__jongere"):
        assert (
            leeftijd_fout(traject.doelgroep, traject.dossier.jongere.geboortedatum, traject.gemeld_op) is None
        )
        if traject.afgesloten_op:
            assert traject.stapwijzigingen.filter(naar_stap=traject.stap).exists()
