"""Login: password, then the second factor (TOTP or a backup code); until then no page with
personal data opens and the API refuses the session. Lockout after repeated failures. Security
headers on every page."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from cases.models import AuditEntry
from tests.conftest import force_login_password_only, verified_device

pytestmark = pytest.mark.django_db
PASSWORD = "geheim-wachtwoord-123"


def code_of(device) -> str:
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}"


def login_with_password(client, username, next_url="/"):
    return client.post(f"{reverse('login')}?next={next_url}", {"username": username, "password": PASSWORD})


def test_otp_is_required_in_test_and_production_settings():
    assert settings.OTP_REQUIRED is True
    production = Path(settings.BASE_DIR, "config/settings/base.py").read_text()
    assert "OTP_REQUIRED = True" in production
    assert "OTP_REQUIRED" not in Path(settings.BASE_DIR, "config/settings/production.py").read_text()


def test_without_the_second_factor_no_page_with_personal_data_opens(client, lpa_a, jongere_a):
    verified_device(lpa_a)
    force_login_password_only(client, lpa_a)
    for name, args in [("dossier", [jongere_a.dossier.pk]), ("jongeren", []), ("meldingen", []),
                       ("werkvoorraad", []), ("start", []), ("api-tokens", [])]:  # fmt: skip
        response = client.get(reverse(name, args=args))
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("otp_verify")), name
    admin = client.get("/beheer/")
    assert admin["Location"].startswith(reverse("otp_verify"))
    api = client.get(f"/api/v1/dossiers/{jongere_a.dossier.pk}/")
    assert api.status_code == 401
    assert not AuditEntry.objects.exists()  # nothing was read


def test_password_then_enrolment_with_a_qr_code_then_the_dossier(client, lpa_a, jongere_a):
    dossier_url = reverse("dossier", args=[jongere_a.dossier.pk])
    response = login_with_password(client, "lpa-a", dossier_url)
    assert response.status_code == 302
    response = client.get(response["Location"], follow=True)
    assert response.request["PATH_INFO"] == reverse("otp_enrol")
    page = response.content.decode()
    assert "<svg" in page and "<img" not in page and "style=" not in page  # inline SVG QR code
    device = TOTPDevice.objects.get(user=lpa_a, confirmed=False)
    wrong = client.post(reverse("otp_enrol"), {"token": "000000", "next": dossier_url})
    assert "Deze code is onjuist" in wrong.content.decode()
    # django-otp now throttles the device (1 s after one failure); a person types slower
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_count=0, throttling_failure_timestamp=None
    )
    done = client.post(reverse("otp_enrol"), {"token": code_of(device), "next": dossier_url})
    codes = re.findall(r"<code>([a-z0-9]+)</code>", done.content.decode())
    assert len(codes) == settings.OTP_BACKUP_CODES
    assert client.get(dossier_url).status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    # a backup code works once for a next login
    client.logout()
    login_with_password(client, "lpa-a")
    assert (
        client.post(reverse("otp_verify"), {"token": codes[0], "next": dossier_url})["Location"]
        == dossier_url
    )
    client.logout()
    login_with_password(client, "lpa-a")
    again = client.post(reverse("otp_verify"), {"token": codes[0], "next": dossier_url})
    assert again.status_code == 200 and "Deze code is onjuist" in again.content.decode()
    assert StaticDevice.objects.get(user=lpa_a).token_set.count() == settings.OTP_BACKUP_CODES - 1


def test_verify_with_the_authenticator_and_no_open_redirect(client, lpa_a):
    device = verified_device(lpa_a)
    response = login_with_password(client, "lpa-a", "/meldingen/")
    assert client.get(response["Location"])["Location"].startswith(reverse("otp_verify"))
    response = client.post(reverse("otp_verify"), {"token": code_of(device), "next": "https://evil.example/"})
    assert response["Location"] == reverse("start")
    assert client.get(reverse("meldingen")).status_code == 200


def test_dev_settings_may_skip_the_second_factor(client, lpa_a, settings):
    settings.OTP_REQUIRED = False
    force_login_password_only(client, lpa_a)
    assert client.get(reverse("meldingen")).status_code == 200


def test_lockout_after_the_configured_number_of_failures(client, lpa_a, settings):
    settings.AXES_FAILURE_LIMIT = 3
    for _attempt in range(3):
        response = client.post(reverse("login"), {"username": "lpa-a", "password": "fout"})
    assert "Account tijdelijk geblokkeerd" in response.content.decode()
    response = client.post(reverse("login"), {"username": "lpa-a", "password": PASSWORD})
    assert response.status_code == 429
    assert "Account tijdelijk geblokkeerd" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_default_lockout_is_five_failures():
    from config.settings import base

    assert base.AXES_FAILURE_LIMIT == 5


def test_security_headers_and_a_strict_content_security_policy(client, lpa_a):
    client.force_login(lpa_a)
    response = client.get(reverse("meldingen"))
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["script-src"] == "'self'" and directives["style-src"] == "'self'"
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cache-Control"] == "no-store"


def test_no_served_template_has_inline_script_or_style():
    roots = [Path(settings.BASE_DIR, "templates"), *Path(settings.BASE_DIR).glob("*/templates")]
    offenders = []
    for root in roots:
        for template in root.rglob("*.html"):
            if "/pdf/" in template.as_posix():
                continue  # rendered to PDF by WeasyPrint, never served to a browser
            text = template.read_text()
            if re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text) or re.search(r"\sstyle=|<style", text):
                offenders.append(str(template))
            if re.search(r"\son[a-z]+=", text) or "hx-on" in text or "javascript:" in text:
                offenders.append(str(template))
    assert not offenders


def test_only_the_api_documentation_page_widens_the_policy(client, lpa_a):
    client.force_login(lpa_a)
    docs = client.get(reverse("api-docs"))
    assert docs.status_code == 200 and "https://cdn.jsdelivr.net" in docs["Content-Security-Policy"]
    assert "cdn.jsdelivr.net" not in client.get(reverse("start"))["Content-Security-Policy"]


def test_a_single_sign_on_session_needs_no_local_second_factor(client, lpa_a, jongere_a, settings):
    from cases.accounts.middleware import OIDC_BACKEND

    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, OIDC_BACKEND]
    for name in ("OIDC_OP_AUTHORIZATION_ENDPOINT", "OIDC_OP_TOKEN_ENDPOINT", "OIDC_OP_USER_ENDPOINT"):
        setattr(settings, name, "https://idp.example/" + name.lower())
    settings.OIDC_RP_CLIENT_ID, settings.OIDC_RP_CLIENT_SECRET = "client", "secret"
    settings.OIDC_USERNAME_CLAIM = "preferred_username"
    settings.OIDC_OP_JWKS_ENDPOINT = "https://idp.example/jwks"
    force_login_password_only(client, lpa_a)
    assert client.get(reverse("dossier", args=[jongere_a.dossier.pk])).status_code == 302  # password only
    client.logout()
    from tests.conftest import _plain_force_login

    _plain_force_login(client, lpa_a, backend=OIDC_BACKEND)  # as after the IdP's callback
    assert client.get(reverse("dossier", args=[jongere_a.dossier.pk])).status_code == 200


def test_the_oidc_backend_accepts_only_existing_active_users(lpa_a, settings):
    from cases.accounts.oidc import UsernameOIDCBackend

    for name in ("OIDC_OP_TOKEN_ENDPOINT", "OIDC_OP_USER_ENDPOINT", "OIDC_OP_JWKS_ENDPOINT"):
        setattr(settings, name, "https://idp.example/x")
    settings.OIDC_RP_CLIENT_ID, settings.OIDC_RP_CLIENT_SECRET = "client", "secret"
    settings.OIDC_USERNAME_CLAIM = "preferred_username"
    settings.OIDC_CREATE_USER = False
    backend = UsernameOIDCBackend()
    assert list(backend.filter_users_by_claims({"preferred_username": "LPA-A"})) == [lpa_a]
    assert not backend.filter_users_by_claims({"preferred_username": "onbekend"}).exists()
    assert not backend.filter_users_by_claims({"email": "x@example.org"}).exists()
    lpa_a.is_active = False
    lpa_a.save()
    assert not backend.filter_users_by_claims({"preferred_username": "lpa-a"}).exists()
