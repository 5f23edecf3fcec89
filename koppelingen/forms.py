from django import forms
from django.utils.translation import gettext_lazy as _

from cases.forms import style_fields
from leerplicht import selectors as leerplicht_selectors
from leerplicht.constants import MeldingSoort

from .constants import Voorstel


class AccepterenForm(forms.Form):
    """The proposal prefilled; the user may change the soort and choose a behandelaar. A DUO
    melding proposed as an addition to an open melding may become a new melding instead."""

    uitvoeren = forms.ChoiceField(
        label=_("Wat wilt u doen?"),
        choices=[
            ("aanvullen", _("Toevoegen aan de open melding")),
            ("nieuwe_melding", _("Nieuwe melding maken")),
        ],
        initial="aanvullen",
        widget=forms.RadioSelect(attrs={"class": "app-choice__input"}),
        required=False,
    )
    soort = forms.ChoiceField(label=_("Soort melding"), choices=MeldingSoort.choices, required=False)
    behandelaar = forms.ModelChoiceField(
        label=_("Leerplichtambtenaar"),
        queryset=None,
        required=False,
        empty_label=_("Nog niet toewijzen"),
    )

    def __init__(self, *args, signaal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["behandelaar"].queryset = leerplicht_selectors.lpa_choices(signaal.organisatie_id)
        self.fields["behandelaar"].label_from_instance = lambda u: u.get_full_name() or u.username
        if signaal.voorstel in (Voorstel.NIEUWE_MELDING, Voorstel.MELDING_AANVULLEN):
            self.fields["soort"].initial = signaal.gegevens.get("soort")
            if signaal.voorstel == Voorstel.MELDING_AANVULLEN:
                self.fields["soort"].help_text = _("Alleen bij een nieuwe melding.")
        else:
            del self.fields["soort"]
        if signaal.voorstel != Voorstel.MELDING_AANVULLEN:
            del self.fields["uitvoeren"]
        style_fields(self)


class AfwijzenForm(forms.Form):
    reden = forms.CharField(
        label=_("Reden"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Waarom u dit signaal afwijst, of naar welke gemeente u het doorstuurt."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_fields(self)


class UploadForm(forms.Form):
    SOORTEN = [
        ("duo_verzuim", _("DUO verzuimmeldingen (duo-verzuimmeldingen/1)")),
        ("duo_wekelijks", _("DUO wekelijkse levering (duo-levering-wekelijks/1)")),
        ("duo_maandelijks", _("DUO uitschrijvingen per maand (duo-uitschrijvingen-maand/1)")),
        ("inlichtingenbureau", _("Inlichtingenbureau: Jongeren in Beeld (ib-jongeren-in-beeld/1)")),
    ]
    soort = forms.ChoiceField(label=_("Soort bestand"), choices=SOORTEN)
    bestand = forms.FileField(
        label=_("Bestand"),
        help_text=_("JSON in een van onze tussenformaten (zie de handleiding Koppelingen)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_fields(self)
