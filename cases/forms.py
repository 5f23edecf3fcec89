from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants import ACTIES_ALLEEN_MINDERJARIG, ActieSoort


class DateInput(forms.DateInput):
    """A native date picker; HTML wants ISO dates whatever the display locale."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


WIDGET_CLASSES = {
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
}


def style_fields(form: forms.BaseForm) -> None:
    """Give every widget its NL Design System class and link its help text for screen readers."""
    for name, field in form.fields.items():
        css = WIDGET_CLASSES.get(type(field.widget), "utrecht-textbox utrecht-textbox--html-input")
        if isinstance(field.widget, forms.CheckboxInput):
            css = "utrecht-checkbox utrecht-checkbox--html-input"
        field.widget.attrs.setdefault("class", css)
        if field.help_text:
            # Matches the help paragraph in templates/includes/field.html.
            field.widget.attrs.setdefault("aria-describedby", f"{form[name].auto_id}_help")


def apply_errors(form: forms.BaseForm, error) -> None:
    """A service's ValidationError onto the submitted form, so the page shows it next to the
    field (and in the error summary) with everything the user typed still there."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


class ActieForm(forms.Form):
    soort = forms.ChoiceField(label=_("Soort actie"), choices=ActieSoort.choices)
    datum = forms.DateField(label=_("Datum"), widget=DateInput())
    omschrijving = forms.CharField(
        label=_("Omschrijving"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, leeftijd: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if leeftijd is not None and leeftijd >= 18:
            self.fields["soort"].choices = [
                (value, label)
                for value, label in ActieSoort.choices
                if value not in ACTIES_ALLEEN_MINDERJARIG
            ]
        style_fields(self)

    def clean_datum(self):
        datum = self.cleaned_data["datum"]
        if datum > timezone.localdate():
            raise forms.ValidationError(
                _("Een actie kan niet in de toekomst liggen; kies vandaag of eerder.")
            )
        return datum
