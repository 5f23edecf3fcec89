"""Who a proces-verbaal names as verdachte.

- Art. 2 lid 1 Lpw 1969: the obligation to have the child enrolled and attending rests on the
  ouders, voogd and verzorgers (gezag or feitelijke verzorging); a proces-verbaal "ouder" names
  one of them, recorded on the dossier (cases.Ouder).
- Art. 2 lid 3 and art. 4a Lpw: from 12 years of age the jongere is answerable himself; a
  proces-verbaal "leerling" names the jongere (the age rule is rules.proces_verbaal_leerling_error).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from cases.constants import ActieSoort
from cases.models import Jongere, Ouder
from cases.selectors import ouders_van


def verdachte_voor(
    *, actor, jongere: Jongere, soort: str, verdachte_ouder: Ouder | None
) -> tuple[Ouder | None, str]:
    """(ouder, name as recorded) for a proces-verbaal; ValidationError (Dutch) when it cannot be
    named. Other actions name nobody: (None, "")."""
    if soort == ActieSoort.PROCES_VERBAAL_LEERLING:
        if verdachte_ouder is not None:
            raise ValidationError(
                _("Een proces-verbaal tegen de leerling noemt de leerling als verdachte, geen ouder.")
            )
        return None, jongere.volledige_naam
    if soort != ActieSoort.PROCES_VERBAAL_OUDER:
        return None, ""
    verantwoordelijk = [o for o in ouders_van(actor, jongere) if o.is_verantwoordelijk]
    if verdachte_ouder is None:
        if len(verantwoordelijk) == 1:
            verdachte_ouder = verantwoordelijk[0]
        elif not verantwoordelijk:
            raise ValidationError(
                _(
                    "Leg eerst in het dossier de ouder of verzorger vast tegen wie het proces-verbaal "
                    "wordt opgemaakt (iemand met gezag of die de jongere feitelijk verzorgt)."
                )
            )
        else:
            raise ValidationError(
                _("Kies tegen welke ouder of verzorger het proces-verbaal wordt opgemaakt.")
            )
    if verdachte_ouder.pk not in {o.pk for o in verantwoordelijk}:
        raise ValidationError(
            _(
                "Een proces-verbaal kan alleen tegen een ouder of verzorger van deze jongere met gezag of "
                "die de jongere feitelijk verzorgt (artikel 2 Leerplichtwet)."
            )
        )
    return verdachte_ouder, verdachte_ouder.volledige_naam
