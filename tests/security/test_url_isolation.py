"""Every route of the URL configuration that takes an object id, walked from the resolver (and
the API router through it): a user of another organisation gets 404 for organisation A's
object, and a role without the permission gets 403. A new route is covered without editing
this test; a route whose id cannot be mapped to an object fails until it is mapped here or
listed, with a reason, in NOT_OBJECT_ROUTES."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from knox.models import AuthToken
from rest_framework.test import APIClient

from cases.models import AuditEntry

pytestmark = pytest.mark.django_db

#: Which object an id in a route points at: (first path segment, URL kwarg) -> object kind.
#: The API's routes are mapped by the router's basename (ROUTER_BASENAMES).
PAGE_ROUTES = {
    ("dossiers", "pk"): "dossier",
    ("dossiers", "dossier_pk"): "dossier",
    ("meldingen", "pk"): "melding",
    ("vrijstellingen", "pk"): "vrijstelling",
    ("trajecten", "pk"): "traject",
    ("documenten", "pk"): "document",
    ("imports", "pk"): "importrecord",
    ("rapportages", "pk"): "reportrun",
    ("brieven", "pk"): "brief",
    ("sjablonen", "pk"): "briefsjabloon",
    ("binnengekomen", "pk"): "signaal",
    ("ouders", "pk"): "ouder",
}
#: Pages whose first path segment is shared (the beheer pages under /instellingen/), by route name.
NAMED_ROUTES = {
    "beheer_populatie_bewerken": "populatie",
    "beheer_code_bewerken": "codeitem",
    "beheer_vakantie_bewerken": "schoolvakantie",
    "beheer_gebruiker": "gebruiker",
    "beheer_aanvraag": "roltoekenning",
}
#: Routes whose dossier must be a Doorstroompunt one (a jongere of 18+) to reach the view.
DOORSTROOM_DOSSIER_ROUTES = {"traject_starten"}
ROUTER_BASENAMES = {
    "jongere": "jongere",
    "dossier": "dossier",
    "actie": "actie",
    "melding": "melding",
    "vrijstelling": "vrijstelling",
    "traject": "traject",
    "populatie": "populatie",
    "codeitem": "codeitem",
    "import": "importrecord",
    "reportrun": "reportrun",
    "ouder": "ouder",
}
#: Extra (non-id) kwargs some routes need, by kwarg name.
OTHER_KWARGS = {"formaat": "json"}
#: Routes with an id kwarg that is not an object of an organisation, each with the reason.
NOT_OBJECT_ROUTES = {
    # Shared reference data: schools are the same for every organisation (no owner).
    "school-detail",
    "beheer_school",
    # Tokens are addressed by their key prefix, not an int id; tests/api/test_isolation.py
    # proves a token of B cannot see or revoke A's tokens.
    "token-detail",
}
#: Admin (Django's own) routes: object ids are `<path:...>` strings; every ModelAdmin and its
#: object routes are walked by tests/security/test_round2_admin_isolation.py instead.
ADMIN_NAMESPACE = "admin"


def walk(resolver=None, namespace="", prefix=""):
    """(route name with namespace, route text, pattern) for every URL pattern, recursively."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from walk(pattern, ns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield (
                (f"{namespace}{pattern.name}" if pattern.name else None),
                prefix + str(pattern.pattern),
                pattern,
            )


def id_kwargs(pattern) -> list[str]:
    """The kwargs that carry an object id: int converters, and the router's `pk`."""
    converters = getattr(pattern.pattern, "converters", {})
    names = [name for name, conv in converters.items() if type(conv).__name__ == "IntConverter"]
    if getattr(pattern.callback, "actions", None) and "pk" in pattern.pattern.regex.groupindex:
        names.append("pk")
    return names


def object_routes():
    """(name, url, object kind) for every route that takes an object id."""
    unmapped = []
    routes = []
    for name, text, pattern in walk():
        kwargs = id_kwargs(pattern)
        if not kwargs or (name or "").startswith(ADMIN_NAMESPACE + ":"):
            continue
        if "format" in pattern.pattern.regex.groupindex or name in NOT_OBJECT_ROUTES:
            continue
        (kwarg,) = kwargs
        basename = getattr(pattern.callback, "initkwargs", {}).get("basename")
        if getattr(pattern.callback, "actions", None):
            basename = name.rsplit("-", 1)[0]
            kind = ROUTER_BASENAMES.get(basename)
        else:
            kind = NAMED_ROUTES.get(name) or PAGE_ROUTES.get((text.lstrip("^").split("/", 1)[0], kwarg))
        if kind is None or name is None:
            unmapped.append(name or text)
            continue
        if name in DOORSTROOM_DOSSIER_ROUTES:
            kind = "traject-dossier"
        routes.append((name, kwarg, kind, set(pattern.pattern.regex.groupindex) - {kwarg}))
    assert not unmapped, f"Routes with an object id that the isolation test cannot map: {unmapped}"
    return routes


MISSING_ID = 987654321


def url_for(name, kwarg, obj, others):
    pk = obj.pk if obj is not None else MISSING_ID
    return reverse(name, kwargs={kwarg: pk, **{k: OTHER_KWARGS[k] for k in others}})


def test_the_walk_finds_the_pages_and_the_api():
    names = {name for name, *_rest in object_routes()}
    assert {"dossier", "melding", "document_download", "rapportage_download", "jongere-detail"} <= names
    assert len(names) >= 40


def clients(user):
    from django.test import Client

    page = Client()
    page.force_login(user)
    _instance, token = AuthToken.objects.create(user=user)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return page, api


METHODS = ("get", "post", "patch", "delete")


def call(client, method, url):
    if method == "get":
        return client.get(url)
    return getattr(client, method)(url, {}, content_type="application/json")


def test_another_organisation_gets_404_on_every_object_route(world):
    page, api = clients(world.outsider)
    objects = world.objects()
    log_before = AuditEntry.objects.filter(
        jongere_id__in=[world.seed.jongere.pk, world.seed.volwassene.pk]
    ).count()
    checked = set()
    for name, kwarg, kind, others in object_routes():
        url = url_for(name, kwarg, objects[kind], others)
        missing = url_for(name, kwarg, None, others)
        client = api if url.startswith("/api/") else page
        statuses = {method: call(client, method, url).status_code for method in METHODS}
        # A's object answers exactly as an id that does not exist: nothing reveals it exists.
        # (403 = an action this user may never take, whatever the object; 405 = wrong method.)
        assert statuses == {method: call(client, method, missing).status_code for method in METHODS}, name
        assert set(statuses.values()) <= {403, 404, 405}, (name, url, statuses)
        assert 404 in statuses.values(), (name, url, statuses)
        checked.add(name)
    assert len(checked) >= 40
    # nothing of A was read or changed by B
    assert (
        AuditEntry.objects.filter(jongere_id__in=[world.seed.jongere.pk, world.seed.volwassene.pk]).count()
        == log_before
    )
    world.seed.melding.refresh_from_db()
    assert world.seed.melding.versie == 1


#: The role that lacks the permission for a kind of object: the functioneel beheerder reads no
#: case data, reports or imports; code lists and population figures are theirs to configure,
#: so there (and for letter templates) the teamleider (aggregates only) is the role without it.
ROLE_WITHOUT_PERMISSION = {
    "codeitem": "teamleider",
    "populatie": "teamleider",
    "briefsjabloon": "teamleider",
    "schoolvakantie": "teamleider",
    "gebruiker": "teamleider",
    "roltoekenning": "teamleider",
}
#: Reads every role of the organisation may do, no personal data: the code lists fill every form,
#: population figures are the aggregates the reports divide by.
READ_BY_EVERY_ROLE = {"codeitem-detail", "populatie-detail"}


def test_a_role_without_the_permission_gets_403_on_every_object_route(world):
    users = {"beheerder": world.beheerder, "teamleider": world.teamleider}
    all_clients = {role: clients(user) for role, user in users.items()}
    objects = world.objects()
    for name, kwarg, kind, others in object_routes():
        page, api = all_clients[ROLE_WITHOUT_PERMISSION.get(kind, "beheerder")]
        url = url_for(name, kwarg, objects[kind], others)
        client = api if url.startswith("/api/") else page
        statuses = {method: call(client, method, url).status_code for method in METHODS}
        if name in READ_BY_EVERY_ROLE:
            assert statuses.pop("get") == 200
        allowed = {m: s for m, s in statuses.items() if s != 405}
        assert set(allowed.values()) == {403}, (name, url, statuses)
    assert not AuditEntry.objects.filter(gebruiker_id__in=[u.pk for u in users.values()]).exists()
