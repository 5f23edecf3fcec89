"""Issue 15, point 5: nothing of another organisation is readable or writable in beheer.

The isolation matrix of the pages and the API (test_url_isolation.py) extended to the Django
admin: every registered ModelAdmin, every URL it serves with an object id (change, delete,
history, password, ...), its changelist and its add form, and its bulk actions. The models and
URLs are read from `admin.site`, so a new ModelAdmin fails here until it has an object of
organisation A in `objects_of_a` (or is listed in SHARED with the reason).

Before the fix, a beheerder of B renamed a shared school (whose name and contact e-mail B's
letters and API show) and the report-run list showed A's runs."""

from datetime import date

import pytest
from django.contrib import admin
from django.forms.models import model_to_dict
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from knox.models import AuthToken

from cases.accounts.models import RolToekenning
from cases.constants import Role
from cases.models import AuditEntry, School, SchoolVakantie
from cases.privacy.models import VernietigingsVoorstel
from doorstroom.constants import Doelgroep, TrajectTermijnSoort
from doorstroom.models import TrajectTermijn
from koppelingen.models import AutomatischToepassen
from leerplicht.constants import MeldingSoort
from leerplicht.models import Termijn
from reporting.models import Huisstijl
from tests.factories import SchoolFactory, UserFactory

pytestmark = pytest.mark.django_db

#: Reference data without an owner: every organisation reads it, only a role above the
#: organisations (superuser) changes it.
SHARED = {"cases.school", "auth.group"}


def objects_of_a(world) -> dict[str, object]:
    """One object of organisation A for every model registered in the admin, by label."""
    seed = world.seed
    org = seed.organisatie
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from django.contrib.auth.models import Group

    attempt = {
        "username": seed.lpa.username,
        "ip_address": "10.0.0.1",
        "user_agent": "x",
        "path_info": "/inloggen/",
    }
    return {
        "auth.group": Group.objects.get(name=str(Role.LEERPLICHTAMBTENAAR.label)),
        "axes.accessattempt": AccessAttempt.objects.create(
            **attempt, get_data="", post_data="", failures_since_start=1
        ),
        "axes.accesslog": AccessLog.objects.create(**attempt),
        "axes.accessfailurelog": AccessFailureLog.objects.create(**attempt, locked_out=False),
        "knox.authtoken": AuthToken.objects.create(user=seed.lpa)[0],
        "cases.codeitem": seed.code,
        "cases.school": seed.school,
        "cases.user": seed.lpa,
        "cases.schoolvakantie": SchoolVakantie.objects.create(
            organisatie=org, naam="Herfstvakantie A", van=date(2025, 10, 20), tot=date(2025, 10, 24)
        ),
        "cases.auditentry": AuditEntry.objects.create(
            gebruiker_id=seed.lpa.pk,
            gebruikersnaam=seed.lpa.username,
            organisatie_id=org.pk,
            actie="inzien",
            doel="handhaving_leerplicht",
            object_type="cases.jongere",
            object_id=seed.jongere.pk,
            jongere_id=seed.jongere.pk,
        ),  # fmt: skip
        "cases.vernietigingsvoorstel": VernietigingsVoorstel.objects.create(
            organisatie=org,
            dossier=seed.jongere.dossier,
            grondslag=VernietigingsVoorstel.Grondslag.choices[0][0],
            vervaldatum=date(2024, 1, 1),
        ),
        "cases.organisatie": org,
        "otp_totp.totpdevice": TOTPDevice.objects.create(user=seed.lpa, name="telefoon A", confirmed=True),
        "otp_static.staticdevice": StaticDevice.objects.create(
            user=seed.lpa, name="reserve A", confirmed=True
        ),
        "leerplicht.termijn": Termijn.objects.create(organisatie=org, soort=MeldingSoort.ABSOLUUT, dagen=5),
        "doorstroom.trajecttermijn": TrajectTermijn.objects.create(
            organisatie=org, doelgroep=Doelgroep.NIEUW_VSV, termijn=TrajectTermijnSoort.choices[0][0], dagen=5
        ),
        "reporting.reportrun": world.reportrun,
        "cases.roltoekenning": RolToekenning.objects.create(
            organisatie=org,
            gebruiker=world.teamleider,
            rol=Group.objects.get(name=str(Role.LEERPLICHTAMBTENAAR.label)),
            aangevraagd_door=world.beheerder,
        ),  # fmt: skip
        "koppelingen.automatischtoepassen": AutomatischToepassen.objects.create(
            organisatie=org, voorstel=AutomatischToepassen._meta.get_field("voorstel").choices[0][0]
        ),
        "reporting.huisstijl": Huisstijl.objects.create(organisatie=org, logo_tekst="Huisstijl van A"),
    }


def beheerder_of_b(world):
    """Organisation B's beheerder with every role of B, staff (opens /beheer/)."""
    user = world.outsider
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    client = Client()
    client.force_login(user)
    return user, client


def object_urls(model, model_admin, pk) -> list[str]:
    """Every URL of this ModelAdmin that takes an object id, filled in with `pk`."""
    urls = []
    for pattern in model_admin.get_urls():
        groups = set(pattern.pattern.regex.groupindex)
        if not groups or pattern.name is None:
            continue
        (kwarg,) = groups
        urls.append(reverse(f"admin:{pattern.name}", kwargs={kwarg: pk}))
    return urls


def a_strings(world) -> list[str]:
    """Text that only organisation A's data contains."""
    seed = world.seed
    return [seed.organisatie.naam, *seed.organisatie.gemeenten.values_list("naam", flat=True),
            seed.lpa.username, seed.coach.username, "Herfstvakantie A", "telefoon A", "reserve A"]  # fmt: skip


def snapshot(obj):
    obj = type(obj)._base_manager.get(pk=obj.pk)
    return model_to_dict(obj)


def test_every_admin_model_has_an_object_of_a(world):
    registered = {model._meta.label_lower for model in admin.site._registry}
    covered = set(objects_of_a(world))
    assert registered <= covered, registered - covered


def test_nothing_of_another_organisation_is_readable_or_writable_in_beheer(world):
    objects = objects_of_a(world)
    before = {label: snapshot(obj) for label, obj in objects.items()}
    user, client = beheerder_of_b(world)
    secrets = a_strings(world)
    checked = []
    for model, model_admin in admin.site._registry.items():
        label = model._meta.label_lower
        obj = objects[label]
        info = (model._meta.app_label, model._meta.model_name)
        changelist = reverse("admin:{}_{}_changelist".format(*info))
        change = reverse("admin:{}_{}_change".format(*info), args=[obj.pk])
        # the list and the add form: nothing of A
        for url in (changelist, reverse("admin:{}_{}_add".format(*info))):
            response = client.get(url)
            assert response.status_code in (200, 302, 403), (url, response.status_code)
            body = response.content.decode()
            if label not in SHARED:
                assert change not in body, url
            assert not [s for s in secrets if s in body], (url, [s for s in secrets if s in body])
        # every object URL, read and write
        for url in object_urls(model, model_admin, obj.pk):
            read = client.get(url)
            write = client.post(
                url, {"post": "yes", "naam": "Overgenomen", "password1": "x", "password2": "x"}
            )
            if label in SHARED:
                # reference data: B may look (read-only), never change: no form field to edit,
                # and a POST is refused (or, on the read-only history, only shows it again)
                for response in (read, write):
                    assert response.status_code in (200, 403), (url, response.status_code)
                    assert 'name="naam"' not in response.content.decode(), url
            else:
                # answered as an object that does not exist: a redirect to the index, or 403/404
                for response in (read, write):
                    assert response.status_code in (302, 403, 404), (url, response.status_code)
                    if response.status_code == 302:
                        assert response["Location"] == reverse("admin:index"), url
            checked.append(url)
        # bulk actions on the list with A's id
        for action in model_admin.get_actions(_request_for(user)) or {}:
            client.post(changelist, {"action": action, "_selected_action": [obj.pk], "post": "yes"})
    assert len(checked) >= 30
    after = {label: snapshot(obj) for label, obj in objects.items()}
    assert after == before


def test_a_beheerder_cannot_add_or_rename_a_shared_school(world):
    user, client = beheerder_of_b(world)
    school = world.seed.school
    assert client.get(reverse("admin:cases_school_add")).status_code == 403
    assert client.post(reverse("admin:cases_school_add"), {"brin": "99ZZ", "naam": "Nep"}).status_code == 403
    assert not School.objects.filter(brin="99ZZ").exists()
    # the beheerder of the school's own region neither: schools are above the organisations
    own = UserFactory(username="a-fb", organisatie=world.seed.organisatie, role=Role.FUNCTIONEEL_BEHEERDER)
    own.is_staff = True
    own.save()
    a_client = Client()
    a_client.force_login(own)
    data = {
        "brin": school.brin,
        "vestiging": school.vestiging,
        "naam": "=HYPERLINK(1)",
        "onderwijssoorten": "[]",
    }
    assert a_client.post(reverse("admin:cases_school_change", args=[school.pk]), data).status_code == 403
    school.refresh_from_db()
    assert school.naam != "=HYPERLINK(1)"


def test_the_superuser_maintains_the_schools(world):
    root = UserFactory(username="root", organisatie=None, is_superuser=True, is_staff=True)
    client = Client()
    client.force_login(root)
    school = SchoolFactory()
    data = {"brin": school.brin, "vestiging": school.vestiging, "naam": "Nieuwe naam", "plaats": "",
            "onderwijssoorten": '["vmbo"]', "contact_email": "", "contact_telefoon": ""}  # fmt: skip
    response = client.post(reverse("admin:cases_school_change", args=[school.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    school.refresh_from_db()
    assert school.naam == "Nieuwe naam"


def test_the_report_run_list_shows_only_the_own_organisation(world):
    _user, client = beheerder_of_b(world)
    body = client.get(reverse("admin:reporting_reportrun_changelist")).content.decode()
    assert reverse("admin:reporting_reportrun_change", args=[world.reportrun.pk]) not in body
    assert world.seed.organisatie.naam not in body


def _request_for(user):
    from django.test import RequestFactory

    request = RequestFactory().get("/beheer/")
    request.user = user
    return request
