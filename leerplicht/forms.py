from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.constants import ActieSoort, Codelijst, Geslacht, Onderwijssoort
from cases.forms import DateInput, style_fields
from cases.idempotency import nieuwe_sleutel
from cases.models import CodeItem, Ouder
from cases.rules import is_valid_bsn
from cases.scholen import SchoolField
from cases.selectors import ouders_van

from .constants import (
    ACTIES_ONDER_18,
    ALLE_SOORT_VELDEN,
    MELDING_ACTIES,
    REDEN_LIJST,
    RESULTAAT_LIJST,
    SOORT_VELDEN,
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


class RedenField(CodeChoiceField):
    """The reasons of one soort (REDEN_LIJST). A reason of another soort is refused with a message
    that names the soort and the reasons it does allow."""

    soort_label = ""

    def to_python(self, value):
        try:
            return super().to_python(value)
        except forms.ValidationError:
            toegestaan = [c.label for c in self.queryset]
            if not toegestaan:
                message = _("Voor %(soort)s zijn geen redenen ingesteld; laat de reden leeg.")
            else:
                message = _(
                    "Deze reden hoort niet bij %(soort)s. Kies een van de redenen voor deze soort: %(toegestaan)s."
                )
            raise forms.ValidationError(
                message % {"soort": str(self.soort_label).lower(), "toegestaan": "; ".join(toegestaan)},
                code="invalid_choice",
            ) from None


class MeldingForm(StyledForm):
    """A melding's fields as they fit its soort: the fields of SOORT_VELDEN that do not apply to
    the chosen soort are not on the form (and so are cleared when saved), and the reden list holds
    only that soort's code list. `velden_voor` records the soort the fields were shown for: a
    submit with another soort that asks for more fields is shown again instead of saved."""

    soort = forms.ChoiceField(label=_("Soort melding"), choices=MeldingSoort.choices)
    velden_voor = forms.CharField(widget=forms.HiddenInput, required=False)
    ontvangen_op = forms.DateField(label=_("Ontvangen op"), widget=DATE)
    school = SchoolField(label=_("School"), required=False)
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
        help_text=_("Ongeoorloofd verzuimde uren in 4 weken (16 of meer is wettelijk)."),
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
        help_text=_("Aantal schooldagen dat de jongere zonder verlof weg was."),
    )
    gezin_id = forms.CharField(
        label=_("Gezin"),
        max_length=64,
        required=False,
        help_text=_("Zelfde kenmerk voor broers en zussen, zodat gezinnen geteld worden."),
    )
    reden = RedenField(label=_("Reden"), queryset=CodeItem.objects.none(), required=False)
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

    BOVEN = ("ontvangen_op", "school", "onderwijssoort")
    ONDER = ("behandelaar", "toelichting", "bevestigd")

    def __init__(self, *args, organisatie, herlaad_url: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.fields["sleutel"].initial = nieuwe_sleutel()
        self.gekozen_soort = self._soort()
        self._getoond = self.data.get(self.add_prefix("velden_voor")) if self.is_bound else None
        for name in ALLE_SOORT_VELDEN:
            if name not in SOORT_VELDEN.get(self.gekozen_soort, ()):
                del self.fields[name]
        # The soort the fields are shown for goes along with the next submit.
        if self.is_bound:
            self.data = self.data.copy()
            self.data[self.add_prefix("velden_voor")] = self.gekozen_soort or ""
        else:
            self.initial = {**self.initial, "velden_voor": self.gekozen_soort or ""}
        reden = self.fields["reden"]
        if self.gekozen_soort:
            reden.queryset = codes(organisatie.pk, REDEN_LIJST[self.gekozen_soort])
            reden.soort_label = MeldingSoort(self.gekozen_soort).label
        self.fields["school"].organisatie = organisatie
        self.fields["behandelaar"].queryset = lpa_choices(organisatie.pk)
        self.fields["behandelaar"].label_from_instance = lambda u: u.get_full_name() or u.username
        if herlaad_url:
            # Choosing another soort fetches the fields of that soort (htmx), typed values kept.
            self.fields["soort"].widget.attrs.update(
                {
                    "hx-post": herlaad_url,
                    "hx-trigger": "change",
                    "hx-target": "#melding-soortvelden",
                    "hx-swap": "innerHTML",
                }
            )
            # What was typed in a field both soorten have survives the swap, even mid-request.
            for name in ALLE_SOORT_VELDEN:
                if name in self.fields:
                    self.fields[name].widget.attrs["hx-preserve"] = "true"

    def _soort(self) -> str | None:
        value = self.data.get(self.add_prefix("soort")) if self.is_bound else self.initial.get("soort")
        value = value or (None if self.is_bound else MeldingSoort.ABSOLUUT)
        return value if value in MeldingSoort.values else None

    def soortvelden(self):
        return [self[name] for name in (*ALLE_SOORT_VELDEN, "reden") if name in self.fields]

    def velden_boven(self):
        return [self[name] for name in self.BOVEN]

    def velden_onder(self):
        return [self[name] for name in self.ONDER]

    def vraagt_meer_velden(self) -> bool:
        """True when the soort was changed on a form that did not show all of the new soort's
        fields (no JavaScript, or submitted before they arrived): the user has not seen them."""
        if not self.is_bound or self.gekozen_soort is None:
            return False
        getoond = self._getoond
        if getoond not in MeldingSoort.values:
            return False
        return bool(set(SOORT_VELDEN[self.gekozen_soort]) - set(SOORT_VELDEN[getoond]))

    def gegevens(self) -> dict:
        """The cleaned fields as MeldingGegevens takes them; a field the soort lacks is left at its
        empty default, so a changed soort clears what no longer applies."""
        skip = ("versie", "bevestigd", "sleutel", "velden_voor")
        data = {k: v for k, v in self.cleaned_data.items() if k not in skip}
        data["onderwijssoort"] = data.get("onderwijssoort") or ""
        if "gezin_id" in data:
            data["gezin_id"] = data["gezin_id"].strip()
        return data


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

    def __init__(self, *args, organisatie_id, leeftijd: int | None = None, jongere=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if leeftijd is not None and leeftijd >= 18:
            # Halt, a proces-verbaal against the leerling and the JBT are for minors only.
            self.fields["soort"].choices = [
                (s.value, s.label) for s in MELDING_ACTIES if s not in ACTIES_ONDER_18
            ]
        self.fields["jgz_in_staat"].queryset = codes(organisatie_id, Codelijst.JGZ_IN_STAAT)
        self.fields["jgz_follow_up"].queryset = codes(organisatie_id, Codelijst.JGZ_FOLLOW_UP)
        if jongere is not None and user is not None:
            self.fields["verdachte_ouder"].queryset = ouders_van(user, jongere)

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
