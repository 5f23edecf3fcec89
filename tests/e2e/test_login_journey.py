"""A new leerplichtambtenaar logs in for the first time: password, enrols the authenticator app
from the QR code, keeps the backup codes, reaches the dossier; the next login asks for the code.
Every two-factor page is checked with axe-core."""

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from cases.constants import Role
from tests.e2e.conftest import current_totp
from tests.factories import JongereFactory, UserFactory

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
PASSWORD = "een-lang-wachtwoord"


def test_password_enrol_totp_reach_the_dossier_and_verify_next_time(page, organisatie_a, assert_accessible):
    user = UserFactory(
        username="nieuw", organisatie=organisatie_a, role=Role.LEERPLICHTAMBTENAAR, password=PASSWORD
    )
    TOTPDevice.objects.filter(user=user).delete()  # a first login: no authenticator app yet
    jongere = JongereFactory(organisatie=organisatie_a, voornamen="Noor", achternaam="Visser")

    page.goto(f"/dossiers/{jongere.dossier.pk}/")
    page.get_by_label("Gebruikersnaam").fill("nieuw")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()

    page.get_by_role("heading", name="Tweestapsverificatie instellen").wait_for()
    assert page.get_by_role("img", name="QR-code voor uw authenticator-app").is_visible()
    assert_accessible(page)
    assert page.locator("img").count() == 0  # the QR code is inline SVG, no external image
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    secret = page.locator("#otp-secret").inner_text().replace(" ", "")
    import base64

    assert base64.b32decode(secret) == device.bin_key  # what the app would scan
    page.get_by_label("Verificatiecode").fill(current_totp(device))
    page.get_by_role("button", name="Bevestigen").click()

    page.get_by_role("heading", name="Tweestapsverificatie is ingesteld").wait_for()
    assert page.locator(".app-backup-codes li").count() == 10
    assert_accessible(page)
    page.get_by_role("link", name="Verder").click()
    page.get_by_role("heading", name="Noor Visser").wait_for()

    page.get_by_role("button", name="Uitloggen").click()
    page.goto(f"/dossiers/{jongere.dossier.pk}/")
    page.get_by_label("Gebruikersnaam").fill("nieuw")
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("heading", name="Tweestapsverificatie", exact=True).wait_for()
    assert_accessible(page)
    page.get_by_label("Verificatiecode").fill("123456")
    page.get_by_role("button", name="Verifiëren").click()
    # In the error summary (a link to the field, focused) and next to the field itself.
    page.locator("#foutoverzicht").get_by_role(
        "link", name="Verificatiecode: Deze code is onjuist of verlopen."
    ).wait_for()
    assert page.evaluate("document.activeElement.id") == "foutoverzicht"
    assert page.get_by_text("Deze code is onjuist of verlopen.", exact=False).count() == 2
    assert page.get_by_role("heading", name="Noor Visser").count() == 0
    device.refresh_from_db()
    device.last_t = -1  # the enrolment used this step's code; the app shows a new one next step
    device.throttling_failure_count = 0  # django-otp waits a second after a wrong code
    device.throttling_failure_timestamp = None
    device.save()
    page.get_by_label("Verificatiecode").fill(current_totp(device))
    page.get_by_role("button", name="Verifiëren").click()
    page.get_by_role("heading", name="Noor Visser").wait_for()


def test_the_lockout_page_after_repeated_failures(page, organisatie_a, assert_accessible, settings):
    settings.AXES_FAILURE_LIMIT = 2
    UserFactory(username="iemand", organisatie=organisatie_a, password=PASSWORD)
    page.goto("/inloggen/")
    for _attempt in range(2):
        page.get_by_label("Gebruikersnaam").fill("iemand")
        page.get_by_label("Wachtwoord").fill("fout")
        page.get_by_role("button", name="Inloggen").click()
    page.get_by_role("heading", name="Account tijdelijk geblokkeerd").wait_for()
    assert_accessible(page)
