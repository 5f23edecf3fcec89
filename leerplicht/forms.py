from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.constants import ActieSoort, Codelijst, Geslacht, Onderwijssoort
from cases.forms import DateInput, style_fields
from cases.idempotency import nieuwe_sleutel
from cases.models import CodeItem, Ouder, School
from cases.rules import is_valid_bsn
from cases.selectors import ouders_van

from .constants import (
    ACTIES_ONDER_18,
    MELDING_ACTIES,
    REDEN_LIJST,
    RESULTAAT_LIJST,
    Beslisser,
    Besluit,
    Grondslag,
    MeldingSoort,
    OnderwijsKolom,
    Route,
)
from .selectors import lpa_choices

DATE = DateInput()


class CodeChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.label


def codes(organisatie_id, lijst):
    return CodeItem.objects.filter(organisatie_id=organisatie_id, lijst=lijst, actief=True).order_by(
        "volgorde", "pk"
    )


class StyledForm(forms.Form):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_fields(self)


class JongereKeuzeForm(StyledForm):
    """Find (by BSN) or create the jongere a new melding is about."""

    bsn = forms.CharField(
        label=_("BSN"),
        required=False,
        max_length=9,
        help_text=_("9 cijfers. Bestaat de jongere al, dan wordt die gekozen."),
    )
    voornamen = forms.CharField(label=_("Voornamen"), max_length=200)
    tussenvoegsel = forms.CharField(label=_("Tussenvoegsel"), max_length=20, required=False)
    achternaam = forms.CharField(label=_("Achternaam"), max_length=200)
    geboortedatum = forms.DateField(label=_("Geboortedatum"), widget=DATE)
    geslacht = forms.ChoiceField(label=_("Geslacht"), choices=[("", "—"), *Geslacht.choices], required=False)
    woongemeente = forms.ModelChoiceField(label=_("Woongemeente"), queryset=None)

    def __init__(self, *args, organisatie, **kwargs):
        super().__init__(*args, **kwargs)
        gemeenten = list(organisatie.gemeenten.all())
        self.fields["woongemeente"].queryset = organisatie.gemeenten.all()
        if len(gemeenten) == 1:
            self.fields["woongemeente"].initial = gemeenten[0]

    def clean_geboortedatum(self):
        geboortedatum = self.cleaned_data["geboortedatum"]
        if geboortedatum > timezone.localdate():
            raise forms.ValidationError(
                _("De geboortedatum ligt in de toekomst; vul de werkelijke geboortedatum in.")
            )
        return geboortedatum

    def clean_bsn(self):
        bsn = self.cleaned_data["bsn"].strip()
        if bsn and not is_valid_bsn(bsn):
            raise forms.ValidationError(
                _("Dit is geen geldig BSN: een BSN heeft 9 cijfers en voldoet aan de elfproef.")
            )
        return bsn


class MeldingForm(StyledForm):
    soort = forms.ChoiceField(label=_("Soort melding"), choices=MeldingSoort.choices)
    ontvangen_op = forms.DateField(label=_("Ontvangen op"), widget=DATE)
    school = forms.ModelChoiceField(
        label=_("School"), queryset=School.objects.order_by("naam"), required=False
    )
    onderwijssoort = forms.ChoiceField(
        label=_("Onderwijssoort"), choices=[("", "—"), *Onderwijssoort.choices], required=False
    )
    verzuim_van = forms.DateField(label=_("Verzuim vanaf"), widget=DATE, required=False)
    verzuim_tot = forms.DateField(label=_("Verzuim tot en met"), widget=DATE, required=False)
    uren_verzuim = forms.IntegerField(
        label=_("Uren verzuim"),
        min_value=0,
        max_value=2000,
        required=False,
        help_text=_("Relatief verzuim: ongeoorloofd verzuimde uren in 4 weken (16 of meer is wettelijk)."),
    )
    keer_te_laat = forms.IntegerField(
        label=_("Keer te laat"),
        min_value=0,
        max_value=2000,
        required=False,
        help_text=_("Aantal keer ongeoorloofd te laat (Halt: meer dan 11 en ten hoogste 60)."),
    )
    verlof_dagen = forms.IntegerField(
        label=_("Schooldagen afwezig"),
        min_value=0,
        max_value=366,
        required=False,
        help_text=_("Luxe verzuim."),
    )
    gezin_id = forms.CharField(
        label=_("Gezin"),
        max_length=64,
        required=False,
        help_text=_("Luxe verzuim: zelfde kenmerk voor broers en zussen, zodat gezinnen geteld worden."),
    )
    reden = CodeChoiceField(label=_("Reden"), queryset=CodeItem.objects.none(), required=False)
    behandelaar = forms.ModelChoiceField(label=_("Leerplichtambtenaar"), queryset=None, required=False)
    toelichting = forms.CharField(
        label=_("Toelichting"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    versie = forms.IntegerField(widget=forms.HiddenInput, required=False)
    # Idempotency key (cases/idempotency.py): the back button or a reload resends the same key.
    sleutel = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)
    bevestigd = forms.BooleanField(
        label=_("Ik heb de waarschuwingen gelezen en wil de melding toch zo vastleggen."), required=False
    )

    def __init__(self, *args, organisatie, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.fields["sleutel"].initial = nieuwe_sleutel()
        # All reasons of the organisation; the service checks the reason fits the soort.
        self.fields["reden"].queryset = CodeItem.objects.filter(
            organisatie=organisatie, lijst__in=set(REDEN_LIJST.values()), actief=True
        ).order_by("lijst", "volgorde")
        self.fields["reden"].label_from_instance = lambda c: f"{Codelijst(c.lijst).label}: {c.label}"
        self.fields["behandelaar"].queryset = lpa_choices(organisatie.pk)
        self.fields["behandelaar"].label_from_instance = lambda u: u.get_full_name() or u.username

    def gegevens(self) -> dict:
        return {k: v for k, v in self.cleaned_data.items() if k not in ("versie", "bevestigd", "sleutel")} | {
            "onderwijssoort": self.cleaned_data["onderwijssoort"] or "",
            "gezin_id": self.cleaned_data["gezin_id"].strip(),
        }


class TransitieForm(StyledForm):
    naar = forms.CharField(widget=forms.HiddenInput)
    versie = forms.IntegerField(widget=forms.HiddenInput)
    reden = forms.CharField(
        label=_("Reden"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Verplicht bij teruggaan naar een eerdere fase, afsluiten en heropenen."),
    )


class AfsluitForm(StyledForm):
    versie = forms.IntegerField(widget=forms.HiddenInput)
    resultaat = CodeChoiceField(label=_("Resultaat"), queryset=CodeItem.objects.none(), required=False)
    afgesloten_op = forms.DateField(label=_("Afgesloten op"), widget=DATE)
    reden = forms.CharField(
        label=_("Reden van afsluiten"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, melding, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resultaat"].queryset = codes(
            melding.dossier.jongere.organisatie_id, RESULTAAT_LIJST[melding.soort]
        )
        self.fields["resultaat"].empty_label = _("Kies een resultaat")


class RouteForm(StyledForm):
    route = forms.ChoiceField(label=_("Route"), choices=Route.choices)
    toelichting = forms.CharField(
        label=_("Toelichting"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Pas toe of leg uit: verplicht als de route afwijkt van de gebruikelijke."),
    )
    jongere_instemming = forms.BooleanField(
        label=_("Instemming jongere met Halt"), required=False, help_text=_("Alleen bij de route Halt.")
    )
    ouders_instemming = forms.BooleanField(
        label=_("Instemming ouder(s) met Halt"), required=False, help_text=_("Alleen bij de route Halt.")
    )


class MeldingActieForm(StyledForm):
    soort = forms.ChoiceField(label=_("Soort actie"), choices=[(s.value, s.label) for s in MELDING_ACTIES])
    datum = forms.DateField(label=_("Datum"), widget=DATE)
    omschrijving = forms.CharField(
        label=_("Omschrijving"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    jongere_instemming = forms.BooleanField(label=_("Halt: de jongere stemt in"), required=False)
    ouders_instemming = forms.BooleanField(label=_("Halt: de ouder(s) stemmen in"), required=False)
    jgz_in_staat = CodeChoiceField(
        label=_("JGZ: in staat onderwijs te volgen"), queryset=CodeItem.objects.none(), required=False
    )
    jgz_follow_up = CodeChoiceField(
        label=_("JGZ: resultaat follow-up"), queryset=CodeItem.objects.none(), required=False
    )
    toelichting_route = forms.CharField(
        label=_("Toelichting route"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Alleen nodig als de actie een ongebruikelijke route inzet (pas toe of leg uit)."),
    )
    verdachte_ouder = forms.ModelChoiceField(
        label=_("Proces-verbaal ouder: verdachte"),
        queryset=Ouder.objects.none(),
        required=False,
        empty_label=_("(kies de ouder of verzorger)"),
        help_text=_(
            "De ouder of verzorger met gezag of feitelijke verzorging tegen wie het proces-verbaal is."
        ),
    )

    def __init__(self, *args, organisatie_id, leeftijd: int | None = None, jongere=None, **kwargs):
        super().__init__(*args, **kwargs)
        if leeftijd is not None and leeftijd >= 18:
            # Halt, a proces-verbaal against the leerling and the JBT are for minors only.
            self.fields["soort"].choices = [
                (s.value, s.label) for s in MELDING_ACTIES if s not in ACTIES_ONDER_18
            ]
        self.fields["jgz_in_staat"].queryset = codes(organisatie_id, Codelijst.JGZ_IN_STAAT)
        self.fields["jgz_follow_up"].queryset = codes(organisatie_id, Codelijst.JGZ_FOLLOW_UP)
        if jongere is not None:
            self.fields["verdachte_ouder"].queryset = ouders_van(jongere)

    def clean_datum(self):
        datum = self.cleaned_data["datum"]
        if datum > timezone.localdate():
            raise forms.ValidationError(
                _("Een actie kan niet in de toekomst liggen; kies vandaag of eerder.")
            )
        return datum

    def clean(self):
        data = super().clean()
        if data.get("soort") != ActieSoort.JGZ_AANMELDING:
            data["jgz_in_staat"] = data["jgz_follow_up"] = None
        if data.get("soort") != ActieSoort.PROCES_VERBAAL_OUDER:
            data["verdachte_ouder"] = None
        return data


class VrijstellingForm(StyledForm):
    grondslag = forms.ChoiceField(label=_("Grondslag"), choices=Grondslag.choices)
    onderwijs = forms.ChoiceField(label=_("Onderwijs"), choices=OnderwijsKolom.choices)
    aangevraagd_op = forms.DateField(label=_("Aangevraagd op"), widget=DATE)
    verlof_van = forms.DateField(label=_("Verlof van"), widget=DATE, required=False)
    verlof_tot = forms.DateField(label=_("Verlof tot en met"), widget=DATE, required=False)
    verlof_dagen = forms.IntegerField(
        label=_("Schooldagen verlof"),
        min_value=1,
        max_value=366,
        required=False,
        help_text=_("Bij verlof (artikel 11 f en g): tot en met 10 dagen beslist het schoolhoofd."),
    )
    lesdagen_per_week = forms.IntegerField(
        label=_("Lesdagen per week"),
        min_value=1,
        max_value=5,
        required=False,
        help_text=_("Alleen bij verlof 11 onder f voor een kwalificatieplichtige: het verlof is naar rato."),
    )
    toelichting = forms.CharField(
        label=_("Toelichting"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class DocumentForm(StyledForm):
    bestand = forms.FileField(
        label=_("Document"),
        help_text=_(
            "PDF, afbeelding (JPG, PNG, GIF, WebP), Word (.docx, .doc), Excel (.xlsx), "
            "OpenDocument-tekst (.odt) of platte tekst (.txt), ten hoogste 10 MB."
        ),
    )
    omschrijving = forms.CharField(label=_("Omschrijving"), max_length=200, required=False)


class BesluitForm(StyledForm):
    versie = forms.IntegerField(widget=forms.HiddenInput)
    besluit = forms.ChoiceField(label=_("Besluit"), choices=Besluit.choices)
    besluit_op = forms.DateField(label=_("Besluit op"), widget=DATE)
    beslist_door = forms.ChoiceField(
        label=_("Beslist door"),
        choices=[("", _("Volgens de wet (automatisch)")), *Beslisser.choices],
        required=False,
        help_text=_(
            "Verlof 11 onder f en verlof tot en met 10 dagen: het hoofd van de school beslist; u legt "
            "dat besluit vast. Meer dan 10 dagen: de leerplichtambtenaar, na het hoofd te horen."
        ),
    )
    hoofd_gehoord_op = forms.DateField(label=_("Hoofd van de school gehoord op"), widget=DATE, required=False)
    verklaring_onafhankelijk = forms.BooleanField(
        label=_(
            "Artikel 5 onder a: de verklaring is van een door B&W aangewezen arts, psycholoog of "
            "pedagoog die de jongere niet behandelt"
        ),
        required=False,
    )
    geldig_van = forms.DateField(label=_("Geldig van"), widget=DATE, required=False)
    geldig_tot = forms.DateField(label=_("Geldig tot en met"), widget=DATE, required=False)
