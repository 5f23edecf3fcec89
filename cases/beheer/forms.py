"""Forms of the beheer pages. Each carries `basis`: the fingerprint of the values it was based on
(optimistic concurrency, see services)."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cases.constants import Codelijst, TermijnEenheid
from cases.forms import DateInput, style_fields

#: A term longer than a year is a typing error, not a policy.
MAX_DAGEN = 365
MAX_AANTAL = 10_000_000


class BeheerForm(forms.Form):
    basis = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_fields(self)


class TermijnForm(BeheerForm):
    dagen = forms.IntegerField(
        label=_("Aantal dagen"),
        min_value=1,
        max_value=MAX_DAGEN,
        help_text=_("Een heel getal van 1 tot en met 365."),
        error_messages=dict.fromkeys(
            ("required", "invalid", "min_value", "max_value"),
            _("Vul een heel aantal dagen in van 1 tot en met 365."),
        ),
    )
    eenheid = forms.ChoiceField(label=_("Telt in"), choices=TermijnEenheid.choices)
    schoolvakanties_overslaan = forms.BooleanField(
        label=_("Schoolvakanties tellen niet mee"),
        required=False,
        help_text=_(
            "Alleen bij werkdagen: de schoolvakanties van uw organisatie tellen niet als werkdag. "
            "Weekenden en feestdagen tellen bij werkdagen nooit mee."
        ),
    )


def _aantal(label, help_text, required=False):
    return forms.IntegerField(
        label=label, min_value=0, max_value=MAX_AANTAL, required=required, help_text=help_text
    )


class PopulatieForm(BeheerForm):
    gemeente = forms.ModelChoiceField(label=_("Gemeente"), queryset=None, empty_label=None)
    schooljaar = forms.IntegerField(
        label=_("Schooljaar (beginjaar)"),
        min_value=2000,
        max_value=2100,
        help_text=_("Het beginjaar: 2025 voor schooljaar 2025-2026."),
    )
    leerplichtigen = _aantal(_("Leerplichtigen"), _("5 tot en met 16 jaar. Verplicht."), required=True)
    kwalificatieplichtigen = _aantal(_("Kwalificatieplichtigen"), _("16-18 jaar zonder startkwalificatie."))
    boven_leerplichtigen = _aantal(_("Boven-leerplichtigen"), _("18-23 jaar zonder startkwalificatie."))
    startpopulatie_vsv = _aantal(_("Startpopulatie vsv"), _("Noemer van het vsv-percentage (DUO)."))

    def __init__(self, *args, gemeenten, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].queryset = gemeenten


class CodeForm(BeheerForm):
    label = forms.CharField(
        label=_("Label"), max_length=200, help_text=_("Zoals gebruikers en rapportages het zien.")
    )
    categorie = forms.CharField(
        label=_("Categorie"),
        max_length=100,
        required=False,
        help_text=_("Hoofdcategorie, alleen voor lijsten met detailregels (uitstroom)."),
    )
    samenvatting = forms.CharField(
        label=_("Samenvatting"),
        max_length=100,
        required=False,
        help_text=_("Groep in 'Leerplicht in een oogopslag' van het jaarverslag (alleen resultaten)."),
    )
    volgorde = forms.IntegerField(
        label=_("Volgorde"),
        min_value=0,
        max_value=100_000,
        initial=0,
        help_text=_("Volgorde in formulieren en tabellen."),
    )
    actief = forms.BooleanField(
        label=_("Actief"),
        required=False,
        initial=True,
        help_text=_("Uitgefaseerd (niet actief): niet meer te kiezen, oude gegevens houden de code."),
    )


class NieuweCodeForm(CodeForm):
    lijst = forms.ChoiceField(label=_("Lijst"), choices=Codelijst.choices)
    field_order = ["lijst"]


class VakantieForm(BeheerForm):
    naam = forms.CharField(
        label=_("Naam"), max_length=100, help_text=_("Bijvoorbeeld 'Herfstvakantie 2026'.")
    )
    van = forms.DateField(label=_("Eerste vakantiedag"), widget=DateInput())
    tot = forms.DateField(label=_("Laatste vakantiedag"), widget=DateInput())

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["tot"] < data["van"]:
            raise ValidationError(
                {
                    "tot": _(
                        "De laatste vakantiedag ligt vóór de eerste; vul een datum op of na de eerste dag in."
                    )
                }
            )
        return data
