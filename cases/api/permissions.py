"""Permissions per action, mapped to the same codenames the pages check.

A viewset declares `required_perms = {"list": [...], "retrieve": [...], "create": [...], ...}`;
an action it does not name is refused (safe by default). A role without the permission answers
403; a record outside the user's organisation answers 404 (the selectors never return it).
"""

from rest_framework.permissions import BasePermission


class ActionPermission(BasePermission):
    def has_permission(self, request, view):
        user = request.user
        if not (user and user.is_authenticated):
            return False
        required = getattr(view, "required_perms", {})
        action = getattr(view, "action", None)
        if action is None:
            # OPTIONS / HEAD on an unknown action: only metadata, no data.
            return request.method in ("OPTIONS", "HEAD")
        if action not in required:
            return False
        return all(user.has_perm(perm) for perm in required[action])
