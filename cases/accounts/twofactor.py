"""The second login step: enrol a TOTP app (QR code as inline SVG) with backup codes, or verify
a code from the app or a backup code. django-otp throttles repeated wrong codes per device."""

import base64

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from cases.accounts.middleware import has_device

ENROL_DEVICE_NAME = "authenticator-app"


class TokenForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Verificatiecode"),
        max_length=16,
        help_text=gettext_lazy("De 6 cijfers uit uw authenticator-app, of een van uw reservecodes."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "class": "utrecht-textbox",
                "aria-describedby": "id_token_help",
            }
        ),
    )

    def clean_token(self):
        return self.cleaned_data["token"].replace(" ", "").strip()


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url(settings.LOGIN_REDIRECT_URL)


def qr_svg(text: str) -> str:
    """The QR code as an inline SVG (no external image, no script, no style attribute)."""
    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, box_size=10)
    svg = image.to_string(encoding="unicode")
    return svg.replace(
        "<svg ", f'<svg role="img" aria-label="{_("QR-code voor uw authenticator-app")}" class="app-qr" ', 1
    )


@sensitive_post_parameters("token")
@login_required
def verify(request):
    if not has_device(request.user):
        return redirect("otp_enrol")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"])
        if device is not None:
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("token", _("Deze code is onjuist of verlopen. Probeer het opnieuw."))
    return render(request, "registration/otp_verify.html", {"form": form, "next": _next_url(request)})


@sensitive_post_parameters("token")
@login_required
def enrol(request):
    """Set up the authenticator app: scan, confirm with a first code, receive backup codes."""
    if has_device(request.user):
        return redirect("otp_verify")
    device, _created = TOTPDevice.objects.get_or_create(
        user=request.user, name=ENROL_DEVICE_NAME, confirmed=False
    )
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            codes = _confirm(request.user, device)
            otp_login(request, device)
            return render(
                request, "registration/otp_backup_codes.html", {"codes": codes, "next": _next_url(request)}
            )
        form.add_error("token", _("Deze code is onjuist of verlopen. Probeer het opnieuw."))
    secret = base64.b32encode(device.bin_key).decode()
    context = {
        "form": form,
        "qr": mark_safe(qr_svg(device.config_url)),  # noqa: S308 - made by qrcode from our own data
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        "next": _next_url(request),
    }
    return render(request, "registration/otp_enrol.html", context)


@transaction.atomic
def _confirm(user, device) -> list[str]:
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    static, _created = StaticDevice.objects.get_or_create(user=user, name="reservecodes")
    static.token_set.all().delete()
    codes = [StaticToken.random_token() for _i in range(settings.OTP_BACKUP_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=static, token=code) for code in codes)
    return codes
