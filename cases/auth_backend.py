"""Django's ModelBackend, with the user's organisation loaded along and their permissions cached.

Every page checks permissions and shows the organisation's name. Without this that is three
queries per request (the organisation, the user's own and their groups' permissions); the cache
(Redis in production) answers the permissions in one round trip.

A change to a user's groups or permissions, or to a group's permissions, bumps a generation
number; a cached set of an older generation is recomputed. The bump happens at once and again
when the transaction commits, so a request that read the old rows in between does not keep them.
"""

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete

from .models import User

GENERATION_KEY = "perms:generation"
TIMEOUT = 300  # seconds; a safety net, the generation is what keeps the sets current


def _user_key(user) -> str:
    # date_joined tells apart two users that got the same id in different databases (a restore,
    # a fresh test database) while the cache lived on.
    return f"perms:{user.pk}:{user.date_joined.timestamp()}"


class CachedModelBackend(ModelBackend):
    def get_user(self, user_id):
        try:
            user = User._default_manager.select_related("organisatie").get(pk=user_id)
        except User.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            key = _user_key(user_obj)
            found = cache.get_many([GENERATION_KEY, key])
            generation = found.get(GENERATION_KEY, 0)
            cached = found.get(key)
            if cached is not None and cached[0] == generation:
                user_obj._perm_cache = cached[1]
            else:
                user_obj._perm_cache = super().get_all_permissions(user_obj)
                cache.set(key, (generation, user_obj._perm_cache), TIMEOUT)
        return user_obj._perm_cache


def bump_generation(action=None, **kwargs) -> None:
    if action is not None and not action.startswith("post_"):
        return  # m2m_changed also fires before the change

    def bump():
        cache.add(GENERATION_KEY, 0, timeout=None)
        cache.incr(GENERATION_KEY)

    bump()
    transaction.on_commit(bump, robust=True)


def connect_signals() -> None:
    for through in (User.groups.through, User.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(bump_generation, sender=through, dispatch_uid=f"perms.{through.__name__}")
    for model in (Group, Permission):
        post_delete.connect(bump_generation, sender=model, dispatch_uid=f"perms.delete.{model.__name__}")
