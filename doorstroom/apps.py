from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DoorstroomConfig(AppConfig):
    name = "doorstroom"
    verbose_name = _("Doorstroompunt")

    def ready(self):
        from cases import registry

        from . import termijnen
        from .demo import load_demo_trajecten
        from .integration import dossier_section
        from .letters import TRAJECT
        from .selectors import timeline_entries

        if timeline_entries not in registry.timeline_providers:
            registry.timeline_providers.append(timeline_entries)
        if load_demo_trajecten not in registry.demo_loaders:
            registry.demo_loaders.append(load_demo_trajecten)
        if termijnen.signaleren not in registry.termijn_signaleerders:
            registry.termijn_signaleerders.append(termijnen.signaleren)
        if termijnen.digest_items not in registry.digest_providers:
            registry.digest_providers.append(termijnen.digest_items)
        if not any(entry[1] == "doorstroom/dossier_section.html" for entry in registry.dossier_sections):
            registry.dossier_sections.append((20, "doorstroom/dossier_section.html", dossier_section))
        registry.register_letter_source(TRAJECT)
        if termijnen.BEHEER_BRON not in registry.termijn_bronnen:
            registry.termijn_bronnen.append(termijnen.BEHEER_BRON)
