"""One number that changes whenever who-may-do-what changes: a user's roles or permissions, a
role's permissions, a user's record, or an organisation's gemeenten. Caches of permission sets
and of the filter forms' option lists store the generation they were computed in and are
recomputed once it has moved on.

It is bumped at once and again when the transaction commits, so a request that read the old rows
in between does not keep them. Changes that send no signal (QuerySet.update, raw SQL, data
migrations) should call `bump()` themselves; the caches expire after minutes in any case.

The caches are used only when every process shares them (Redis): with a per-process cache
(LocMemCache, the embedded default) one gunicorn worker would not see another's bump.
"""

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

KEY = "generation"


def cache_is_shared() -> bool:
    return settings.CACHES["default"]["BACKEND"].endswith(".RedisCache")


def cached(entries: dict, timeout: int) -> dict:
    """Values for cache keys (key -> function computing it), each stored with the generation it
    was computed in: one round trip reads them all, and a missing value or one of an older
    generation is computed again and stored."""
    found = cache.get_many([KEY, *entries])
    current = found.get(KEY, 0)
    values = {}
    for key, compute in entries.items():
        hit = found.get(key)
        if hit is not None and hit[0] == current:
            values[key] = hit[1]
        else:
            values[key] = compute()
            cache.set(key, (current, values[key]), timeout)
    return values


def bump(action=None, update_fields=None, **kwargs) -> None:
    """Move the generation on; also the receiver of the signals below."""
    if action is not None and not action.startswith("post_"):
        return  # m2m_changed also fires before the change
    if update_fields is not None and set(update_fields) <= {"last_login"}:
        return  # a login changes nothing we cache

    def increment():
        cache.add(KEY, 0, timeout=None)
        cache.incr(KEY)

    increment()
    transaction.on_commit(increment, robust=True)


def connect_signals() -> None:
    from django.contrib.auth.models import Group, Permission
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from cases.models import Gemeente, Organisatie, User

    for through in (
        User.groups.through,
        User.user_permissions.through,
        User.gemeenten.through,  # the visibility gate's gemeente scope (cases/access.py)
        Group.permissions.through,
        Organisatie.gemeenten.through,
    ):
        m2m_changed.connect(bump, sender=through, dispatch_uid=f"generation.{through.__name__}")
    for model in (Group, Permission, User, Gemeente):
        post_delete.connect(bump, sender=model, dispatch_uid=f"generation.delete.{model.__name__}")
    for model in (User, Gemeente):
        post_save.connect(bump, sender=model, dispatch_uid=f"generation.save.{model.__name__}")
