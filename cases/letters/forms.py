from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..forms import style_fields
from .placeholders import validate_template_text


class SjabloonForm(forms.Form):
    naam = forms.CharField(label=_("Naam"), max_length=200)
    onderwerp = forms.CharField(
        label=_("Onderwerp"), max_length=300, help_text=_("Plaatshouders toegestaan.")
    )
    inhoud = forms.CharField(
        label=_("Inhoud"),
        widget=forms.Textarea(attrs={"rows": 18}),
        help_text=_("Platte tekst met plaatshouders; een lege regel begint een nieuwe alinea."),
    )
    actief = forms.BooleanField(label=_("Actief (te kiezen bij het maken van een brief)"), required=False)
    versie = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_fields(self)

    def _placeholders(self, field: str) -> str:
        value = self.cleaned_data[field]
        try:
            validate_template_text(value)
        except ValidationError as exc:
            raise ValidationError(exc.messages) from None
        return value

    def clean_onderwerp(self):
        return self._placeholders("onderwerp")

    def clean_inhoud(self):
        return self._placeholders("inhoud")


class BriefMakenForm(forms.Form):
    sjabloon = forms.ModelChoiceField(label=_("Brief"), queryset=None, empty_label=None)

    def __init__(self, *args, sjablonen, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sjabloon"].queryset = sjablonen
        style_fields(self)
