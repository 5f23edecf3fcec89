"""Dutch names for the third-party apps shown in the Django admin (technisch beheer), so a Dutch
user sees no "Otp_Totp" or "TOTP devices". Listed in INSTALLED_APPS instead of the apps' own
configs; the app labels (and so tables, permissions and migrations) stay the same.

Model names are set on `_meta` at start-up, not on the models' Meta: the migration state is built
from `_meta.original_attrs`, so this changes nothing in the apps' migrations. Field labels and
help texts are those of the migrations, so they are given in Dutch in the admin instead
(cases/admin.py, DeviceAdmin).
"""

from axes.apps import AppConfig as AxesAppConfig
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.apps import DefaultConfig as StaticConfig
from django_otp.plugins.otp_totp.apps import DefaultConfig as TotpConfig


def _name_models(config: AppConfig, names: dict) -> None:
    for model_name, (singular, plural) in names.items():
        meta = config.get_model(model_name)._meta
        meta.verbose_name, meta.verbose_name_plural = singular, plural


class OtpTotpConfig(TotpConfig):
    verbose_name = _("Tweede factor: authenticator-apps")

    def ready(self):
        super().ready()
        _name_models(self, {"TOTPDevice": (_("authenticator-app"), _("authenticator-apps"))})


class OtpStaticConfig(StaticConfig):
    verbose_name = _("Tweede factor: noodcodes")

    def ready(self):
        super().ready()
        _name_models(self, {"StaticDevice": (_("set noodcodes"), _("sets noodcodes"))})


class AxesConfig(AxesAppConfig):
    verbose_name = _("Aanmeldpogingen (blokkeren na te veel fouten)")

    def ready(self):
        super().ready()
        _name_models(
            self,
            {
                "AccessAttempt": (_("mislukte aanmeldpoging"), _("mislukte aanmeldpogingen")),
                "AccessLog": (_("aanmelding"), _("aanmeldingen")),
                "AccessFailureLog": (_("mislukte aanmelding"), _("mislukte aanmeldingen")),
            },
        )


class KnoxConfig(AppConfig):
    name = "knox"
    verbose_name = _("API-sessies")

    def ready(self):
        _name_models(self, {"AuthToken": (_("API-sessietoken"), _("API-sessietokens"))})
