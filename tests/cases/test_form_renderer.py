"""The faster <select>, <input> and <textarea> write exactly what Django's own templates write."""

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


class Fields(forms.Form):
    naam = forms.CharField(
        max_length=20,
        help_text="Zoals in de BRP",
        widget=forms.TextInput(attrs={"aria-describedby": "id_naam_help"}),
    )
    datum = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    uren = forms.IntegerField(min_value=0, required=False)
    email = forms.EmailField(required=False)
    verborgen = forms.CharField(widget=forms.HiddenInput, required=False)
    akkoord = forms.BooleanField(required=False)
    omschrijving = forms.CharField(widget=forms.Textarea(attrs={"rows": 3}), required=False)
    bijlage = forms.FileField(required=False)


def test_input_and_textarea_markup_equals_djangos_own():
    typed = {
        "naam": 'De "Vries" & <Zn>',
        "datum": "2026-12-02",
        "uren": "12",
        "email": "a@example.org",
        "verborgen": "x<y",
        "akkoord": "on",
        "omschrijving": "Eerste regel\n<script>alert(1)</script>",
    }
    for data, initial in ((typed, None), (None, {"naam": "Chloé", "uren": 0}), (None, None)):
        ours = Fields(data, initial=initial, renderer=FormRenderer())
        djangos = Fields(data, initial=initial, renderer=DjangoTemplates())
        for name in Fields.base_fields:
            assert str(ours[name]) == str(djangos[name]), (name, data, initial)
    ours = Fields(typed, renderer=FormRenderer())
    assert 'value="De &quot;Vries&quot; &amp; &lt;Zn&gt;"' in str(ours["naam"])
    assert "&lt;script&gt;" in str(ours["omschrijving"])
    assert 'type="checkbox"' in str(ours["akkoord"]) and " checked" in str(ours["akkoord"])
