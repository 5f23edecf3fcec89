"""Briefhoofd en logo (issue 19 item 7): the organisation's letterhead (sender address, phone,
e-mail, who signs) and its logo, on one beheer page.

One logo per organisation, kept in `reporting.Huisstijl` (private storage, cases/platform/storage.py):
the jaarverslag's cover and every letter read it through `logo_data_uri`. The model is looked up
by name, as elsewhere in beheer: the core does not import the reporting app.
"""

import base64
import logging

from django import forms
from django.apps import apps
from django.contrib import messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from cases.forms import style_fields
from cases.models import Organisatie

logger = logging.getLogger(__name__)

#: The largest logo accepted; it is embedded in every PDF.
MAX_LOGO_BYTES = 500 * 1024
PNG = b"\x89PNG\r\n\x1a\n"
JPEG = b"\xff\xd8\xff"
BRIEFHOOFD_FIELDS = (
    "briefhoofd_adres",
    "briefhoofd_telefoon",
    "briefhoofd_email",
    "ondertekening_naam",
    "ondertekening_functie",
)


def huisstijl_model():
    return apps.get_model("reporting", "Huisstijl")


def check_logo(logo) -> None:
    """PNG or JPEG only (by content, not by name), at most 500 kB. No SVG: it can carry scripts
    and links, and a PDF renderer would follow them."""
    if logo.size > MAX_LOGO_BYTES:
        raise forms.ValidationError(
            _("Het logo is te groot (%(kb)s kB): hoogstens 500 kB is toegestaan.") % {"kb": logo.size // 1024}
        )
    head = logo.read(8)
    logo.seek(0)
    if not (head.startswith(PNG) or head.startswith(JPEG)):
        raise forms.ValidationError(
            _(
                "Het logo moet een PNG- of JPEG-afbeelding zijn; andere bestanden (ook SVG en PDF) kunnen niet."
            )
        )


def logo_data_uri(*, organisatie) -> tuple[str, str]:
    """The organisation's logo as a data: URI for a self-contained PDF (or a page), and its alt
    text; ("", "") without a logo."""
    huisstijl = huisstijl_model().objects.filter(organisatie=organisatie).first()
    if huisstijl is None or not huisstijl.logo:
        return "", ""
    try:
        with huisstijl.logo.open("rb") as handle:
            content = handle.read()
    except Exception:  # any storage backend's error (missing file, S3 unreachable): no logo
        # A jaarverslag or a letter without its logo is better than none at all; the beheerder
        # sees the missing logo on the Briefhoofd page and uploads it again.
        logger.warning("logo niet leesbaar", extra={"organisatie_id": organisatie.pk}, exc_info=True)
        return "", ""
    kind = "png" if content.startswith(PNG) else "jpeg"
    alt = huisstijl.logo_tekst or _("Logo %(naam)s") % {"naam": organisatie.naam}
    return f"data:image/{kind};base64,{base64.b64encode(content).decode()}", alt


class HuisstijlForm(forms.Form):
    briefhoofd_adres = forms.CharField(
        label=gettext_lazy("Adres (afzender)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Eén regel per adresregel, bijvoorbeeld Postbus 15 en 2700 AA Zoetermeer."),
    )
    briefhoofd_telefoon = forms.CharField(label=gettext_lazy("Telefoon"), max_length=30, required=False)
    briefhoofd_email = forms.EmailField(
        label=gettext_lazy("E-mailadres"),
        required=False,
        error_messages={
            "invalid": gettext_lazy("Vul een geldig e-mailadres in, zoals leerplicht@gemeente.nl.")
        },
    )
    ondertekening_naam = forms.CharField(
        label=gettext_lazy("Ondertekening: naam"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Leeg: de brief is ondertekend door de medewerker die hem maakt."),
    )
    ondertekening_functie = forms.CharField(
        label=gettext_lazy("Ondertekening: functie"), max_length=200, required=False
    )
    logo = forms.FileField(
        label=gettext_lazy("Logo"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/png,image/jpeg"}),
        help_text=gettext_lazy("PNG of JPEG, hoogstens 500 kB. Leeg laten houdt het huidige logo."),
    )
    logo_tekst = forms.CharField(
        label=gettext_lazy("Beschrijving van het logo"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Voor wie het logo niet ziet, bijvoorbeeld 'Logo gemeente Zoetermeer'."),
    )
    logo_verwijderen = forms.BooleanField(label=gettext_lazy("Huidige logo verwijderen"), required=False)

    def __init__(self, *args, logo_toegestaan: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not logo_toegestaan:
            for name in ("logo", "logo_tekst", "logo_verwijderen"):
                del self.fields[name]
        style_fields(self)

    def clean_logo(self):
        logo = self.cleaned_data.get("logo")
        if logo:
            check_logo(logo)
        return logo


@transaction.atomic
def huisstijl_opslaan(*, actor, logo_toegestaan: bool, **data) -> None:
    """Write the letterhead onto the actor's organisation and, when allowed, the logo; the old
    logo file is removed from storage after the commit. Recorded in Django's LogEntry
    (configuration, no personal data)."""
    organisatie = Organisatie.objects.select_for_update().get(pk=actor.organisatie_id)
    for field in BRIEFHOOFD_FIELDS:
        setattr(organisatie, field, data.get(field, ""))
    organisatie.full_clean()
    organisatie.save(update_fields=list(BRIEFHOOFD_FIELDS))
    LogEntry.objects.log_actions(
        actor.pk,
        [organisatie],
        CHANGE,
        change_message=_("Briefhoofd via de beheerpagina."),
        single_object=True,
    )
    if not logo_toegestaan:
        return
    huisstijl, _created = huisstijl_model().objects.select_for_update().get_or_create(organisatie=organisatie)
    old = huisstijl.logo.name if huisstijl.logo else ""
    huisstijl.logo_tekst = data.get("logo_tekst", "")
    if data.get("logo"):
        huisstijl.logo.save(data["logo"].name, data["logo"], save=False)
    elif data.get("logo_verwijderen"):
        huisstijl.logo = ""
    huisstijl.save()
    LogEntry.objects.log_actions(
        actor.pk, [huisstijl], CHANGE, change_message=_("Logo via de beheerpagina."), single_object=True
    )
    if old and old != huisstijl.logo.name:
        storage = huisstijl.logo.storage
        transaction.on_commit(lambda: storage.delete(old))


@login_required
@require_http_methods(["GET", "POST"])
def huisstijl(request):
    user = request.user
    if not user.organisatie_id or not user.has_perm("cases.change_organisatie"):
        raise PermissionDenied
    logo_toegestaan = user.has_perm("reporting.change_huisstijl") and user.has_perm("reporting.add_huisstijl")
    organisatie = user.organisatie
    bestaand = huisstijl_model().objects.filter(organisatie=organisatie).first()
    initial = {field: getattr(organisatie, field) for field in BRIEFHOOFD_FIELDS}
    initial["logo_tekst"] = bestaand.logo_tekst if bestaand else ""
    form = HuisstijlForm(
        request.POST or None, request.FILES or None, initial=initial, logo_toegestaan=logo_toegestaan
    )
    if request.method == "POST" and form.is_valid():
        huisstijl_opslaan(actor=user, logo_toegestaan=logo_toegestaan, **form.cleaned_data)
        messages.success(
            request,
            _("Het briefhoofd en het logo zijn opgeslagen. Nieuwe brieven en jaarverslagen gebruiken ze."),
        )
        return redirect("beheer_huisstijl")
    logo, logo_alt = logo_data_uri(organisatie=organisatie) if logo_toegestaan else ("", "")
    context = {"form": form, "logo": logo, "logo_alt": logo_alt, "logo_toegestaan": logo_toegestaan}
    return render(request, "cases/beheer/huisstijl.html", context, status=400 if form.errors else 200)
