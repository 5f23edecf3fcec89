"""One number that changes whenever who-may-do-what changes: a user's roles or permissions, a
role's permissions, a user's record, or an organisation's gemeenten. Caches of permission sets
and of the filter forms' option lists store the generation they were computed in and are
recomputed once it has moved on.

It is bumped at once and again when the transaction commits, so a request that read the old rows
in between does not keep them.
"""

from django.core.cache import cache
from django.db import transaction

KEY = "generation"


def bump(action=None, update_fields=None, **kwargs) -> None:
    """A signal receiver (m2m_changed, post_save, post_delete)."""
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

    from .models import Organisatie, User

    for through in (
        User.groups.through,
        User.user_permissions.through,
        Group.permissions.through,
        Organisatie.gemeenten.through,
    ):
        m2m_changed.connect(bump, sender=through, dispatch_uid=f"generation.{through.__name__}")
    for model in (Group, Permission, User):
        post_delete.connect(bump, sender=model, dispatch_uid=f"generation.delete.{model.__name__}")
    post_save.connect(bump, sender=User, dispatch_uid="generation.save.User")
