"""Browser forms of the Doorstroompunt. Edits carry the traject's `versie` in a hidden field."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.constants import Codelijst
from cases.forms import style_fields
from cases.scholen import SchoolField

from . import selectors
from .constants import (
    RESULTAAT_LIJST,
    BenaderingSoort,
    BenaderingUitkomst,
    Bron,
    Casusregie,
    Doelgroep,
    Ketenpartner,
    Leefdomein,
    Stap,
    VerzuimAfloop,
    reden_lijst,
    uitstroom_lijst,
)
from .models import Traject
from .workflow import volgende_stap

DATE = {"type": "date"}


def style(form: forms.BaseForm) -> None:
    """NL Design System classes; help texts linked by the field's real (prefixed) id."""
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, forms.CheckboxSelectMultiple | forms.CheckboxInput | forms.RadioSelect):
            widget.attrs.setdefault("class", "app-choice__input")  # native controls, not a text box
    style_fields(form)
    for name, field in form.fields.items():
        if field.help_text and not isinstance(field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
            field.widget.attrs["aria-describedby"] = f"{form[name].auto_id}_help"
        elif isinstance(field.widget, forms.RadioSelect | forms.CheckboxSelectMultiple):
            field.widget.attrs.pop("aria-describedby", None)


class CodeField(forms.ModelChoiceField):
    """A choice from the organisation's code lists, grouped under `categorie` where it has one."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("empty_label", _("— Kies —"))
        super().__init__(None, *args, **kwargs)

    def set_codes(self, queryset, group_by_lijst: bool = False):
        self.queryset = queryset
        items = list(queryset)
        groups: dict[str, list] = {}
        for item in items:
            key = Codelijst(item.lijst).label if group_by_lijst else item.categorie
            groups.setdefault(key, []).append((item.pk, item.label))
        choices = [("", self.empty_label)] if self.empty_label is not None else []
        for key, options in groups.items():
            if key:
                choices.append((key, options))
            else:
                choices.extend(options)
        self.choices = choices


def _date(label, required=True, help_text=""):
    # ISO format: what <input type="date"> understands, whatever the active locale.
    widget = forms.DateInput(attrs=DATE, format="%Y-%m-%d")
    return forms.DateField(label=label, required=required, help_text=help_text, widget=widget)


def _text(label, required=False, rows=3, help_text=""):
    return forms.CharField(
        label=label, required=required, help_text=help_text, widget=forms.Textarea(attrs={"rows": rows})
    )


class VersieForm(forms.Form):
    versie = forms.IntegerField(widget=forms.HiddenInput)


class _SignaalFields(forms.Form):
    gemeld_op = _date(_("Gemeld op"), help_text=_("Datum van het signaal; bepaalt het schooljaar."))
    uitval_op = _date(
        _("Uitgevallen op"), required=False, help_text=_("Leeg als de jongere nog ingeschreven is.")
    )
    bron = forms.ChoiceField(label=_("Bron van het signaal"), choices=[("", _("— Kies —")), *Bron.choices])
    onderwijsachtergrond = CodeField(label=_("Onderwijsachtergrond"))
    herkomst = CodeField(label=_("Herkomst (alleen kwetsbare jongeren)"))
    reden = CodeField(label=_("Reden"))
    behandelaar = forms.ModelChoiceField(
        label=_("Doorstroomcoach"), queryset=None, required=False, empty_label=_("Nog niet toegewezen")
    )
    toelichting = _text(_("Toelichting op het signaal"))

    def setup(self, organisatie_id, doelgroep=None):
        self.fields["onderwijsachtergrond"].set_codes(
            selectors.codes(organisatie_id, Codelijst.DSP_ONDERWIJSACHTERGROND)
        )
        self.fields["herkomst"].set_codes(selectors.codes(organisatie_id, Codelijst.DSP_HERKOMST_KWETSBAAR))
        if doelgroep:
            self.fields["reden"].set_codes(selectors.codes(organisatie_id, reden_lijst(doelgroep)))
            if doelgroep != Doelgroep.KWETSBARE_JONGERE:
                del self.fields["herkomst"]
        else:
            self.fields["reden"].set_codes(
                selectors.codes(organisatie_id, Codelijst.DSP_REDEN_UITVAL, Codelijst.DSP_REDEN_ZORG_18PLUS),
                group_by_lijst=True,
            )
        self.fields["behandelaar"].queryset = selectors.coaches_for(organisatie_id)
        self.fields["behandelaar"].label_from_instance = lambda u: u.get_full_name() or u.get_username()
        self.fields["bron"].required = False
        style(self)


class TrajectStartForm(_SignaalFields):
    prefix = "start"
    field_order = ["doelgroep"]
    # No preselected doelgroep: a form sent without a choice must create nothing.
    doelgroep = forms.ChoiceField(
        label=_("Doelgroep"),
        choices=[("", _("— Kies —")), *Doelgroep.choices],
        error_messages={"required": _("Kies een doelgroep; zonder doelgroep wordt geen traject gestart.")},
    )

    bevestigd = forms.BooleanField(
        label=_("Toch starten: een vsv-traject voor een jongere onder 18 is afgestemd met leerplicht"),
        required=False,
    )

    def __init__(self, *args, organisatie_id, **kwargs):
        kwargs.setdefault("initial", {"gemeld_op": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.setup(organisatie_id)


class TrajectGegevensForm(VersieForm, _SignaalFields):
    prefix = "gegevens"

    def __init__(self, *args, traject: Traject, organisatie_id, **kwargs):
        initial = {
            name: getattr(traject, name)
            for name in ("versie", "gemeld_op", "uitval_op", "bron", "toelichting")
        }
        for name in ("onderwijsachtergrond", "herkomst", "reden", "behandelaar"):
            initial[name] = getattr(traject, f"{name}_id")
        super().__init__(*args, initial=initial, **kwargs)
        self.setup(organisatie_id, traject.doelgroep)


class StapForm(VersieForm):
    prefix = "stap"
    naar = forms.ChoiceField(label=_("Naar stap"))
    reden = _text(
        _("Reden"), help_text=_("Verplicht als u teruggaat naar fase 2 of 3 (Analyseren of Plannen).")
    )

    def __init__(self, *args, traject: Traject, doelen: list[str], **kwargs):
        super().__init__(*args, initial={"versie": traject.versie}, **kwargs)
        order = list(Stap)
        current = order.index(Stap(traject.stap))
        choices = []
        for doel in sorted(doelen, key=lambda d: order.index(Stap(d))):
            label = Stap(doel).label
            if order.index(Stap(doel)) < current:
                label = _("%(stap)s (terug, met reden)") % {"stap": label}
            choices.append((doel, label))
        self.fields["naar"].choices = choices
        # The default is the next step forward, never a step back (issue 19).
        self.fields["naar"].initial = volgende_stap(traject.doelgroep, traject.stap)
        style(self)


class VolgendeStapForm(VersieForm):
    """One click to the next step of the Routekaart, with an optional note."""

    prefix = "volgende"
    naar = forms.CharField(widget=forms.HiddenInput)
    notitie = _text(_("Notitie (niet verplicht)"), rows=2)

    def __init__(self, *args, traject: Traject, **kwargs):
        super().__init__(
            *args,
            initial={"versie": traject.versie, "naar": volgende_stap(traject.doelgroep, traject.stap)},
            **kwargs,
        )
        style(self)


class BenaderingForm(forms.Form):
    prefix = "benadering"
    soort = forms.ChoiceField(label=_("Soort contact"), choices=BenaderingSoort.choices)
    datum = _date(_("Datum"))
    uitkomst = forms.ChoiceField(label=_("Uitkomst"), choices=BenaderingUitkomst.choices)
    toelichting = _text(_("Toelichting"), rows=2)

    def __init__(self, *args, traject: Traject | None = None, **kwargs):
        kwargs.setdefault("initial", {"datum": timezone.localdate()})
        super().__init__(*args, **kwargs)
        # Record the outcome and move on in one form: offered when there is a next step.
        volgende = (
            volgende_stap(traject.doelgroep, traject.stap)
            if traject is not None and traject.is_open
            else None
        )
        if volgende:
            self.fields["door_naar"] = forms.BooleanField(
                label=_("Daarna door naar %(stap)s") % {"stap": Stap(volgende).label}, required=False
            )
            self.fields["versie"] = forms.IntegerField(widget=forms.HiddenInput, initial=traject.versie)
            self.volgende = volgende
        style(self)

    def benadering_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in ("soort", "datum", "uitkomst", "toelichting")}


class PlanForm(VersieForm):
    prefix = "plan"
    intake_op = _date(_("Intakegesprek op"), required=False)
    toestemming_gegevensuitwisseling = forms.BooleanField(
        label=_("Toestemmingsverklaring gegevensuitwisseling getekend"), required=False
    )
    toestemming_op = _date(_("Datum toestemmingsverklaring"), required=False)
    vooronderzoek = _text(
        _("Vooronderzoek"), help_text=_("Redenen, eerdere interventies en mogelijke stappen.")
    )
    casusregie = forms.ChoiceField(
        label=_("Casusregie"), choices=[("", _("— Kies —")), *Casusregie.choices], required=False
    )
    ketenpartners = forms.MultipleChoiceField(
        label=_("Betrokken ketenpartners"),
        choices=Ketenpartner.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    afspraken = _text(_("Afspraken in het plan van aanpak"), rows=4)
    plan_vastgesteld_op = _date(_("Plan van aanpak vastgesteld op"), required=False)

    def __init__(self, *args, traject: Traject, plan=None, **kwargs):
        initial = {"versie": traject.versie}
        if plan is not None:
            for name in (
                "intake_op", "toestemming_gegevensuitwisseling", "toestemming_op", "vooronderzoek",
                "casusregie", "ketenpartners", "afspraken", "plan_vastgesteld_op",
            ):  # fmt: skip
                initial[name] = getattr(plan, name)
            for domein in Leefdomein:
                initial[f"leefdomein_{domein.value}"] = plan.leefdomeinen.get(domein.value, "")
        super().__init__(*args, initial=initial, **kwargs)
        for domein in Leefdomein:
            self.fields[f"leefdomein_{domein.value}"] = _text(domein.label, rows=2)
        # The leefdomeinen (Routekaart step 5) follow the intake date.
        self.order_fields(["versie", "intake_op", *[f"leefdomein_{d.value}" for d in Leefdomein]])
        style(self)

    def service_fields(self) -> dict:
        data = {
            k: v for k, v in self.cleaned_data.items() if k != "versie" and not k.startswith("leefdomein_")
        }
        data["leefdomeinen"] = {
            d.value: self.cleaned_data[f"leefdomein_{d.value}"].strip()
            for d in Leefdomein
            if self.cleaned_data[f"leefdomein_{d.value}"].strip()
        }
        return data


class AfsluitenForm(VersieForm):
    prefix = "afsluiten"
    begeleid = forms.TypedChoiceField(
        label=_("Is de jongere begeleid?"),
        choices=[("ja", _("Ja, begeleid")), ("nee", _("Nee, niet begeleid"))],
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
    )
    reden_niet_begeleid = CodeField(label=_("Reden niet begeleid"))
    uitstroom = CodeField(label=_("Uitstroom"), help_text=_("Verplicht bij een begeleide jongere."))
    resultaat = CodeField(label=_("Resultaat"))
    verzuim_afloop = forms.ChoiceField(
        label=_("Afloop verzuim"), choices=[("", _("— Kies —")), *VerzuimAfloop.choices], required=False
    )
    afgesloten_op = _date(_("Afgesloten op"))

    def __init__(self, *args, traject: Traject, organisatie_id, **kwargs):
        super().__init__(
            *args, initial={"versie": traject.versie, "afgesloten_op": timezone.localdate()}, **kwargs
        )
        self.fields["reden_niet_begeleid"].set_codes(
            selectors.codes(organisatie_id, Codelijst.DSP_REDEN_NIET_BEGELEID)
        )
        self.fields["uitstroom"].set_codes(
            selectors.codes(organisatie_id, uitstroom_lijst(traject.doelgroep))
        )
        lijst = RESULTAAT_LIJST.get(traject.doelgroep)
        resultaten = selectors.codes(organisatie_id, lijst) if lijst else None
        if resultaten is not None and resultaten.exists():
            self.fields["resultaat"].set_codes(resultaten)
        else:
            del self.fields["resultaat"]
        if traject.doelgroep != Doelgroep.VERZUIM_18PLUS:
            del self.fields["verzuim_afloop"]
        style(self)


class NazorgForm(VersieForm):
    prefix = "nazorg"
    uitgevoerd_op = _date(_("Nazorgcontact op"))
    situatie = CodeField(label=_("Waar is de jongere nu?"), required=True)
    toelichting = _text(_("Toelichting"), rows=2)

    def __init__(self, *args, traject: Traject, organisatie_id, **kwargs):
        super().__init__(
            *args, initial={"versie": traject.versie, "uitgevoerd_op": timezone.localdate()}, **kwargs
        )
        self.fields["situatie"].set_codes(selectors.codes(organisatie_id, uitstroom_lijst(traject.doelgroep)))
        style(self)


class VerzuimMeldingForm(forms.Form):
    prefix = "melding"
    gemeld_op = _date(_("Gemeld op"))
    uren = forms.IntegerField(
        label=_("Verzuimde uren"), min_value=1, help_text=_("16 uur of meer in 4 weken.")
    )
    weken = forms.IntegerField(label=_("Periode in weken"), min_value=1, max_value=52, initial=4)
    # Typed with a typeahead, region first: the register holds ~7,000 school locations.
    school = SchoolField(label=_("School"), required=False)
    toelichting = _text(_("Toelichting"), rows=2)

    def __init__(self, *args, organisatie_id=None, **kwargs):
        kwargs.setdefault("initial", {"gemeld_op": timezone.localdate(), "weken": 4})
        super().__init__(*args, **kwargs)
        self.fields["school"].organisatie = organisatie_id
        style(self)


class VerzuimActieForm(forms.Form):
    prefix = "verzuimactie"
    actie = CodeField(label=_("Actie"), required=True)
    datum = _date(_("Datum"))
    melding = forms.ModelChoiceField(
        label=_("Naar aanleiding van melding"), queryset=None, required=False, empty_label=_("— Geen —")
    )
    toelichting = _text(_("Toelichting"), rows=2)

    def __init__(self, *args, traject: Traject, organisatie_id, **kwargs):
        kwargs.setdefault("initial", {"datum": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fields["actie"].set_codes(selectors.codes(organisatie_id, Codelijst.DSP_ACTIE_VERZUIM_18PLUS))
        self.fields["melding"].queryset = traject.verzuimmeldingen.all()
        style(self)


class OverdrachtForm(forms.Form):
    prefix = "overdracht"
    doelgroep = forms.ChoiceField(
        label=_("Doelgroep"),
        choices=[
            (d.value, d.label)
            for d in (
                Doelgroep.NIEUW_VSV,
                Doelgroep.VERZUIM_18PLUS,
                Doelgroep.KWETSBARE_JONGERE,
                Doelgroep.ZORG_18PLUS,
            )
        ],
    )
    toelichting = _text(_("Toelichting voor de doorstroomcoach"), rows=2)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style(self)
