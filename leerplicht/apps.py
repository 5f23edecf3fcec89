from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LeerplichtConfig(AppConfig):
    name = "leerplicht"
    verbose_name = _("Leerplicht")
