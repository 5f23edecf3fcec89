"""Django's ModelBackend, with the user's organisation loaded along and their permissions cached.

Every page checks permissions and shows the organisation's name. Without this that is three
queries per request (the organisation, the user's own and their groups' permissions); the cache
(Redis in production) answers the permissions in one round trip, and a change of roles makes it
read them again (cases/generation.py).
"""

from functools import partial

from django.contrib.auth.backends import ModelBackend

from cases.accounts import generation
from cases.models import User

TIMEOUT = 300  # seconds; a safety net, the generation is what keeps the sets current


def _user_key(user) -> str:
    # date_joined tells apart two users that got the same id in different databases (a restore,
    # a fresh test database) while the cache lived on; is_superuser (read fresh every request)
    # keeps a superuser's all-permissions set, should anything ask for it, from outliving the
    # flag when it is cleared without a signal.
    return f"perms:{user.pk}:{user.date_joined.timestamp()}:{int(user.is_superuser)}"


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
            if not generation.cache_is_shared():
                return super().get_all_permissions(user_obj)  # Django's per-request cache only
            key = _user_key(user_obj)
            from_database = partial(super().get_all_permissions, user_obj)
            user_obj._perm_cache = generation.cached({key: from_database}, TIMEOUT)[key]
        return user_obj._perm_cache
