from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KoppelingenConfig(AppConfig):
    name = "koppelingen"
    verbose_name = _("Koppelingen")

    def ready(self):
        from django.db.models.signals import post_save

        from cases import registry
        from cases.models import Jongere
        from leerplicht.signals import duo_melding_toegevoegd, melding_fase_gewijzigd

        from . import selectors
        from .brp import service as brp_service
        from .brp import toepassen as brp_toepassen  # noqa: F401 - registers how BRP signals are applied
        from .duo import levering  # noqa: F401 - registers how its signals are applied
        from .duo import service as duo_service
        from .inlichtingenbureau import service as ib_service  # noqa: F401 - idem

        registry.werkvoorraad_badges.append(selectors.werkbadge)
        registry.letter_blockers.append(brp_service.brieven_blokkade)
        registry.dossier_sections.append((5, "koppelingen/dossier_brp.html", brp_service.dossier_context))
        melding_fase_gewijzigd.connect(
            duo_service.melding_fase_gewijzigd, dispatch_uid="koppelingen.duo_status"
        )
        duo_melding_toegevoegd.connect(
            duo_service.duo_melding_toegevoegd, dispatch_uid="koppelingen.duo_status_toegevoegd"
        )
        post_save.connect(
            _brp_bij_registratie, sender=Jongere, dispatch_uid="koppelingen.brp_bij_registratie"
        )


def _brp_bij_registratie(sender, instance, created, raw=False, **kwargs):
    """A jongere registered with a BSN: ask the BRP for address and ouders once it is stored."""
    from django.conf import settings
    from django.db import transaction

    if created and not raw and instance.bsn and settings.BRP_URL:
        from .brp.tasks import bij_registratie

        transaction.on_commit(lambda: bij_registratie.delay(instance.pk))
