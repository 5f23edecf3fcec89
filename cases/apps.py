from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = _("Kern: organisaties, jongeren en dossiers")

    def ready(self):
        from .roles import sync_roles

        # Groups need the permissions Django creates after migrating each app; roles name
        # permissions of several apps, so sync after every app's post_migrate (idempotent).
        post_migrate.connect(sync_roles, dispatch_uid="cases.sync_roles")
