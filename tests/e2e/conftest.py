"""Browser journeys: Playwright drives the machine's Chromium against pytest-django's live server."""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

# Playwright's sync API runs an event loop in this thread; the ORM calls in our fixtures are
# still plain synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

RESULTS = Path(__file__).resolve().parents[2] / "test-results"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


@pytest.fixture
def page(browser, live_server, request):
    context = browser.new_context(base_url=live_server.url, locale="nl-NL")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        # A screenshot of the moment it failed: the fastest way to see what the user saw.
        RESULTS.mkdir(exist_ok=True)
        page.screenshot(path=RESULTS / f"{request.node.name}.png", full_page=True)
    context.close()


@pytest.fixture(autouse=True)
def confirmed_devices(transactional_db):
    """Every user created in a journey has a confirmed authenticator app, as after enrolment;
    the enrolment journey (tests/security) removes it for its own user."""
    from django.db.models.signals import post_save

    from cases.models import User
    from tests.conftest import verified_device

    def give_device(sender, instance, created, **kwargs):
        if created:
            verified_device(instance)

    post_save.connect(give_device, sender=User, dispatch_uid="e2e-confirmed-devices")
    yield
    post_save.disconnect(sender=User, dispatch_uid="e2e-confirmed-devices")


@pytest.fixture(scope="session")
def axe():
    return Axe()


@pytest.fixture
def assert_accessible(axe):
    """Run axe-core on the current page; fail on serious or critical violations."""

    def check(page):
        violations = axe.run(page).response["violations"]
        serious = [
            f"{v['id']} ({v['impact']}): {v['help']} -> {[n['target'] for n in v['nodes']][:3]}"
            for v in violations
            if v["impact"] in ("serious", "critical")
        ]
        assert not serious, f"axe-core on {page.url}:\n" + "\n".join(serious)

    return check


def current_totp(device) -> str:
    """The code the user's authenticator app shows now, computed from the device key."""
    from django_otp.oath import TOTP

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def pass_second_factor(page, username):
    """After the password: type the current code of the user's authenticator app on the
    verification page. A journey that logs in twice within one 30-second step would reuse a
    code, which django-otp rightly refuses; the helper forgets the last used step first."""
    from cases.models import User
    from tests.conftest import verified_device

    device = verified_device(User.objects.get(username=username))
    device.last_t = -1
    device.save(update_fields=["last_t"])
    page.get_by_role("heading", name="Tweestapsverificatie", exact=True).wait_for()
    page.get_by_label("Verificatiecode").fill(current_totp(device))
    page.get_by_role("button", name="Verifiëren").click()
