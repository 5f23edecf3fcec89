"""Who a letter goes to. Art. 2 lid 1 Lpw makes each person with gezag and each who cares for the
jongere in fact responsible, so letters to "the ouders" go to those named persons: one letter
per address, so ouders who live apart each receive their own."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from ..constants import BriefSoort, OuderRelatie
from ..ouder_models import Ouder

#: The letters addressed to the ouders (the others go to the school or to the jongere).
AAN_OUDERS = frozenset(
    {BriefSoort.UITNODIGING_VERZUIMGESPREK, BriefSoort.WAARSCHUWING, BriefSoort.BESLUIT_VRIJSTELLING}
)


@dataclass(frozen=True)
class Geadresseerde:
    ouders: tuple[Ouder, ...]

    @property
    def eerste(self) -> Ouder:
        return self.ouders[0]

    @property
    def namen(self) -> str:
        return _(" en ").join(o.volledige_naam for o in self.ouders)

    @property
    def aanhef(self) -> str:
        return _(" en ").join(_aanhef(o) for o in self.ouders)

    @property
    def adresregels(self) -> list[str]:
        return self.eerste.adresregels

    def values(self) -> dict[str, str]:
        """Placeholder values that address the letter to these ouders."""
        ouder = self.eerste
        return {
            "ouders.aanhef": self.aanhef,
            "geadresseerde.naam": self.namen,
            "geadresseerde.adres": " ".join(p for p in (ouder.straat, ouder.huisnummer) if p),
            "geadresseerde.postcode": ouder.postcode,
            "geadresseerde.woonplaats": ouder.woonplaats,
        }


def _aanhef(ouder: Ouder) -> str:
    achternaam = " ".join(p for p in (ouder.voorvoegsel, ouder.achternaam) if p)
    if ouder.relatie == OuderRelatie.MOEDER:
        return _("mevrouw %(naam)s") % {"naam": achternaam}
    if ouder.relatie == OuderRelatie.VADER:
        return _("heer %(naam)s") % {"naam": achternaam}
    return ouder.volledige_naam


def geadresseerden(ouders) -> list[Geadresseerde]:
    """The responsible ouders grouped per address, in the order given (gezag first). An ouder
    without a known address gets a letter of their own rather than none."""
    groups: dict[str, list[Ouder]] = {}
    for ouder in ouders:
        if not ouder.is_verantwoordelijk:
            continue
        key = ouder.adres_sleutel if ouder.adresregels else f"zonder-adres-{ouder.pk}"
        groups.setdefault(key, []).append(ouder)
    return [Geadresseerde(tuple(group)) for group in groups.values()]
