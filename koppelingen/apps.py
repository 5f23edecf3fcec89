from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KoppelingenConfig(AppConfig):
    name = "koppelingen"
    verbose_name = _("Koppelingen")

    def ready(self):
        from cases import registry
        from leerplicht.signals import melding_fase_gewijzigd

        from . import selectors
        from .duo import service as duo_service

        registry.werkvoorraad_badges.append(selectors.werkbadge)
        melding_fase_gewijzigd.connect(
            duo_service.melding_fase_gewijzigd, dispatch_uid="koppelingen.duo_status"
        )
