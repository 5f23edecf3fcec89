"""The faster <select> writes exactly what Django's own templates write."""

from django import forms
from django.forms.renderers import DjangoTemplates

from cases.form_renderer import FormRenderer


class Choices(forms.Form):
    soort = forms.ChoiceField(
        choices=[("", "Alle soorten"), ("luxe", "Luxe verzuim"), ("zorg", 'Zorg & "signaal" <b>')],
        widget=forms.Select(attrs={"class": "utrecht-select", "aria-describedby": "id_soort_help"}),
    )
    scholen = forms.MultipleChoiceField(
        choices=[
            ("Primair", [("1", "De Regenboog"), ("2", "Het Kompas")]),
            ("Voortgezet", [("3", "Erasmus")]),
        ],
        required=False,
    )
    aan = forms.NullBooleanField(required=False)


def test_select_markup_equals_djangos_own(settings):
    data = {"soort": "zorg", "scholen": ["2", "3"], "aan": "true"}
    ours = Choices(data, renderer=FormRenderer())
    djangos = Choices(data, renderer=DjangoTemplates())
    for name in ("soort", "scholen", "aan"):
        assert str(ours[name]) == str(djangos[name]), name
    assert '<option value="zorg" selected>Zorg &amp; &quot;signaal&quot; &lt;b&gt;</option>' in str(
        ours["soort"]
    )
    assert "multiple" in str(ours["scholen"]) and '<optgroup label="Primair">' in str(ours["scholen"])
