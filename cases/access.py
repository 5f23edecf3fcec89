"""The one visibility gate: every queryset that can reach personal data starts here.

A user sees the jongeren of their own organisation, restricted to their gemeenten when they
have any, and only when their role may read dossiers (`cases.view_jongere`). Everything else
answers an empty queryset, so a record of another organisation is a 404 everywhere. Leerplicht
records are, for a role that does not register them (the doorstroomcoach), visible only on a
dossier handed over to the Doorstroompunt.
"""

from django.apps import apps
from django.db import models
from django.db.models import Exists, OuterRef

VIEW_PERMISSION = "cases.view_jongere"
#: Leerplicht records (meldingen, vrijstellingen and what hangs under them) are read in one's own
#: right by the roles that register them (leerplichtambtenaar, administratief medewerker). A role
#: that only has the read permission, the doorstroomcoach, reads them as the history of a jongere
#: handed over to the Doorstroompunt: only on a dossier that has a traject (docs/rollen.md).
LEERPLICHT_OWN_RIGHT = "leerplicht.add_melding"


def scope_for(user) -> dict | None:
    """The filter (on Jongere) that `user` may see, or None when they may see nothing."""
    if not getattr(user, "is_authenticated", False) or not user.organisatie_id:
        return None
    if not user.has_perm(VIEW_PERMISSION):
        return None
    if not hasattr(user, "_gemeente_scope"):
        # Cached on the user object (one read per request, not one per queryset), and across
        # requests with the permissions: every page asks.
        user._gemeente_scope = _gemeente_scope(user)
    scope = {"organisatie_id": user.organisatie_id}
    if user._gemeente_scope:
        scope["woongemeente_id__in"] = user._gemeente_scope
    return scope


def _gemeente_scope(user) -> list[int]:
    """The gemeenten a user is restricted to (none: the whole organisation). Kept in the shared
    cache under the generation of cases/accounts/generation.py, which moves on whenever a user's
    gemeenten change (m2m signal), so a restriction added or lifted holds from the next request."""
    from cases.accounts import generation

    def read():
        return list(user.gemeenten.values_list("pk", flat=True))

    if not generation.cache_is_shared():
        return read()
    key = f"gemeenten:{user.pk}:{user.date_joined.timestamp()}"
    return generation.cached({key: read}, GEMEENTE_SCOPE_TIMEOUT)[key]


GEMEENTE_SCOPE_TIMEOUT = 300  # seconds; a safety net, the generation keeps it current


class ScopedQuerySet(models.QuerySet):
    #: Path from this model to Jongere, e.g. "jongere__" or "dossier__jongere__".
    jongere_path = ""
    #: True for models that carry their dossier's organisation themselves (OwnedByOrganisation):
    #: the organisation filter then uses their own indexed column instead of joining through the
    #: dossier to every jongere, which decides the speed of the lists of a large organisation.
    own_organisation = False
    #: For leerplicht history: the path from this model to its dossier's id (e.g. "dossier_id");
    #: None for everything else.
    history_dossier_path: str | None = None

    def visible_to(self, user):
        scope = scope_for(user)
        if scope is None:
            return self.none()
        filters = {self.jongere_path + key: value for key, value in scope.items()}
        if self.own_organisation:
            filters["organisatie_id"] = filters.pop(self.jongere_path + "organisatie_id")
        queryset = self.filter(**filters)
        if self.history_dossier_path is not None and not user.has_perm(LEERPLICHT_OWN_RIGHT):
            # By name: the core imports no team app.
            traject = apps.get_model("doorstroom", "Traject")
            queryset = queryset.filter(
                Exists(traject.objects.filter(dossier_id=OuterRef(self.history_dossier_path)))
            )
        return queryset


class JongereQuerySet(ScopedQuerySet):
    jongere_path = ""


class DossierQuerySet(ScopedQuerySet):
    jongere_path = "jongere__"


class ViaJongereQuerySet(ScopedQuerySet):
    jongere_path = "jongere__"


class ViaDossierQuerySet(ScopedQuerySet):
    jongere_path = "dossier__jongere__"
