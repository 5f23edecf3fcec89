import pytest
from django.test.client import ClientMixin
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from cases.constants import Role
from tests.factories import GemeenteFactory, JongereFactory, OrganisatieFactory, UserFactory


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Uploaded documents and generated reports go to a temporary folder, never the checkout."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private-media"
    return settings.PRIVATE_MEDIA_ROOT


_plain_force_login = ClientMixin.force_login


def verified_device(user) -> TOTPDevice:
    """A confirmed authenticator app for `user` (the second factor of the login)."""
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, name="test-app", defaults={"confirmed": True}
    )
    return device


def force_login_verified(self, user, backend=None):
    """`client.force_login` as a user who also passed the second factor: view tests open pages
    as after a complete login. Tests of the login itself use `force_login_password_only`."""
    _plain_force_login(self, user, backend)
    session = self.session
    session[DEVICE_ID_SESSION_KEY] = verified_device(user).persistent_id
    session.save()


def force_login_password_only(client, user):
    """Logged in with the password, the second factor not yet given."""
    _plain_force_login(client, user)


@pytest.fixture(autouse=True)
def _second_factor_in_force_login(monkeypatch):
    monkeypatch.setattr(ClientMixin, "force_login", force_login_verified)


@pytest.fixture
def organisatie_a(db):
    return OrganisatieFactory(
        slug="zoetermeer",
        naam="Leerplicht Zoetermeer",
        gemeenten=[GemeenteFactory(code="GM0637", naam="Zoetermeer")],
    )


@pytest.fixture
def organisatie_b(db):
    return OrganisatieFactory(
        slug="roermond",
        naam="Subregio Roermond",
        gemeenten=[
            GemeenteFactory(code="GM0957", naam="Roermond"),
            GemeenteFactory(code="GM1669", naam="Roerdalen"),
        ],
    )


@pytest.fixture
def lpa_a(organisatie_a):
    return UserFactory(username="lpa-a", organisatie=organisatie_a, role=Role.LEERPLICHTAMBTENAAR)


@pytest.fixture
def lpa_b(organisatie_b):
    return UserFactory(username="lpa-b", organisatie=organisatie_b, role=Role.LEERPLICHTAMBTENAAR)


@pytest.fixture
def jongere_a(organisatie_a):
    return JongereFactory(organisatie=organisatie_a, voornamen="Noor", achternaam="Visser")


@pytest.fixture
def jongere_b(organisatie_b):
    return JongereFactory(organisatie=organisatie_b, voornamen="Daan", achternaam="Visser")


#: The personal data of every jongere this run created (BSN, full name, birth date): the last
#: test (tests/test_zz_log_scan.py) checks that none of it reached the logs.
CREATED_JONGEREN: set[tuple[str, str, str]] = set()


def _remember_jongere(sender, instance, **kwargs):
    if instance.bsn:
        naam = " ".join(part for part in (instance.voornamen, instance.achternaam) if part)
        CREATED_JONGEREN.add((instance.bsn, naam, f"{instance.geboortedatum:%d-%m-%Y}"))


def pytest_configure(config):
    from django.db.models.signals import post_save

    from cases.models import Jongere

    post_save.connect(_remember_jongere, sender=Jongere, dispatch_uid="log-scan")
