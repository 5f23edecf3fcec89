from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LeerplichtConfig(AppConfig):
    name = "leerplicht"
    verbose_name = _("Leerplicht")

    def ready(self):
        from cases import registry

        from . import demo, dossier, letters, overdracht, termijnen

        registry.timeline_providers.append(dossier.timeline_entries)
        registry.dossier_sections.append((10, "leerplicht/dossier_section.html", dossier.section_context))
        registry.dossier_status_providers.append(dossier.status_label)
        registry.demo_loaders.append(demo.load)
        registry.register_letter_source(letters.MELDING)
        registry.register_letter_source(letters.VRIJSTELLING)
        registry.termijn_signaleerders.append(termijnen.signaleren)
        registry.digest_providers.append(termijnen.digest_items)
        registry.overdracht_handlers.append(overdracht.meldingen_sluiten)
        registry.termijn_bronnen.append(termijnen.BEHEER_BRON)
