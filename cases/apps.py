from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_migrate, post_save
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = _("Kern: organisaties, jongeren en dossiers")

    def ready(self):
        from cases.accounts.roles import sync_roles

        # Groups need the permissions Django creates after migrating each app; roles name
        # permissions of several apps, so sync after every app's post_migrate (idempotent).
        post_migrate.connect(sync_roles, dispatch_uid="cases.sync_roles")

        from cases.accounts.generation import connect_signals

        from .models import Organisatie

        connect_signals()

        from cases.verhuizing.services import connect_guard

        # A dossier handed over to another gemeente is read-only, whatever writes to it.
        connect_guard()

        from django.db.backends.signals import connection_created

        from cases.zoeknaam import register_sqlite_function

        connection_created.connect(register_sqlite_function, dispatch_uid="cases.sqlite_ontaccent")

        # Every organisation starts with the default letter templates, however it is created
        # (command, admin, demo data, tests); existing ones got them in migration 0007.
        post_save.connect(
            _seed_letter_templates, sender=Organisatie, dispatch_uid="cases.seed_letter_templates"
        )
        # Changes to the account by someone else (password, second factor, role) are told at login.
        user_logged_in.connect(_show_account_notices, dispatch_uid="cases.account_notices")


def _seed_letter_templates(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from .letters.services import seed_letter_templates

        seed_letter_templates(instance)


def _show_account_notices(sender, request, user, **kwargs):
    if request is None:
        return
    from django.contrib import messages

    from cases.accounts.services import unseen_notices

    for notice in unseen_notices(user):
        messages.warning(request, notice.tekst, fail_silently=True)
