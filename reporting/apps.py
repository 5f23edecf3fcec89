from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportingConfig(AppConfig):
    name = "reporting"
    verbose_name = _("Rapportages")

    def ready(self):
        from cases import registry

        from . import demo

        registry.demo_loaders.append(demo.load)
