"""Forms of the beheer pages "Gebruikers en rollen"."""

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cases.constants import Role
from cases.forms import style_fields


def rollen_queryset():
    return Group.objects.filter(name__in=[str(role.label) for role in Role]).order_by("name")


class RollenForm(forms.Form):
    rollen = forms.ModelMultipleChoiceField(
        label=_("Rollen"),
        queryset=Group.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Een rol die persoonsgegevens van jongeren opent (leerplichtambtenaar, doorstroomcoach, "
            "administratief medewerker, functioneel beheerder) krijgt de gebruiker pas als een tweede "
            "beheerder hem goedkeurt."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rollen"].queryset = rollen_queryset()
        style_fields(self)
        self.fields["rollen"].widget.attrs.pop("class", None)


WACHTWOORD_FOUTEN = {
    "password_too_short": _("Dit wachtwoord is te kort: gebruik minstens 12 tekens."),
    "password_too_common": _("Dit wachtwoord is te gewoon; kies een minder voor de hand liggend wachtwoord."),
    "password_entirely_numeric": _("Dit wachtwoord bestaat alleen uit cijfers; gebruik ook letters."),
    "password_too_similar": _("Dit wachtwoord lijkt te veel op de gebruikersnaam, naam of het e-mailadres."),
}


class WachtwoordForm(forms.Form):
    wachtwoord = forms.CharField(
        label=_("Nieuw wachtwoord"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_(
            "Minstens 12 tekens, niet alleen cijfers en niet te gewoon. Geef het de gebruiker veilig door."
        ),
    )

    def __init__(self, *args, user=None, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)
        style_fields(self)

    def clean_wachtwoord(self):
        wachtwoord = self.cleaned_data["wachtwoord"]
        try:
            password_validation.validate_password(wachtwoord, self.user)
        except ValidationError as exc:
            # Django 5.2's Dutch catalogue misses some of these messages (its msgids changed):
            # say it ourselves, by the validator's code.
            raise ValidationError([WACHTWOORD_FOUTEN.get(e.code, e) for e in exc.error_list]) from None
        return wachtwoord


class NieuweGebruikerForm(WachtwoordForm, RollenForm):
    username = forms.CharField(
        label=_("Gebruikersnaam"),
        max_length=150,
        help_text=_("Letters, cijfers en . @ + - _; hiermee logt de gebruiker in."),
    )
    first_name = forms.CharField(label=_("Voornaam"), max_length=150)
    last_name = forms.CharField(label=_("Achternaam"), max_length=150)
    email = forms.EmailField(
        label=_("E-mailadres"),
        required=False,
        help_text=_("Voor het dagelijks overzicht en meldingen over het account."),
    )
    field_order = ["username", "first_name", "last_name", "email", "wachtwoord", "rollen"]

    def clean_username(self):
        username = self.cleaned_data["username"]
        try:
            from cases.models import User

            User.username_validator(username)
        except ValidationError:
            raise ValidationError(
                _("Een gebruikersnaam bestaat uit letters, cijfers en . @ + - _ (geen spaties).")
            ) from None
        return username
