from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.forms import style_fields
from cases.rules import Schooljaar

from .services import last_complete_schooljaar

#: How many earlier schooljaren the form offers.
JAREN_TERUG = 8


def schooljaar_choices(today=None) -> list[tuple[int, str]]:
    current = Schooljaar.of(today or timezone.localdate())
    choices = [(current.start_year, _("%(jaar)s (lopend)") % {"jaar": current})]
    year = current
    for _i in range(JAREN_TERUG):
        year = year.previous()
        choices.append((year.start_year, str(year)))
    return choices


class ReportRunForm(forms.Form):
    schooljaar = forms.TypedChoiceField(
        label=_("Schooljaar"),
        coerce=int,
        help_text=_("Het schooljaar loopt van 1 augustus tot en met 31 juli."),
    )
    vergelijkingsjaar = forms.TypedChoiceField(
        label=_("Vergelijken met (optioneel)"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("De kerncijfers tonen dan beide jaren en het verschil."),
    )

    drie_jaren = forms.BooleanField(
        label=_("Kerncijfers over drie schooljaren"),
        required=False,
        help_text=_("Zet de kerncijfers van de laatste drie schooljaren naast elkaar (zoals Roermond)."),
    )

    def __init__(self, *args, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = schooljaar_choices(today)
        self.fields["schooljaar"].choices = choices
        self.fields["schooljaar"].initial = last_complete_schooljaar(today).start_year
        self.fields["vergelijkingsjaar"].choices = [("", _("Geen vergelijking")), *choices[1:]]
        style_fields(self)

    def clean(self):
        data = super().clean()
        schooljaar, vergelijkingsjaar = data.get("schooljaar"), data.get("vergelijkingsjaar")
        if schooljaar and vergelijkingsjaar and vergelijkingsjaar >= schooljaar:
            self.add_error("vergelijkingsjaar", _("Kies een vergelijkingsjaar dat vóór het schooljaar ligt."))
        return data

    def gekozen_schooljaar(self) -> Schooljaar:
        return Schooljaar(self.cleaned_data["schooljaar"])

    def gekozen_vergelijkingsjaar(self) -> Schooljaar | None:
        year = self.cleaned_data.get("vergelijkingsjaar")
        return Schooljaar(year) if year else None
