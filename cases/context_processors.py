from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .access import VIEW_PERMISSION
from .beheer.selectors import may_open_beheer

# (url name, label, permission or None). Shown only where the user may open the page.
NAVIGATION = [
    ("start", _("Start"), None),
    ("werkvoorraad", _("Werkvoorraad"), "leerplicht.view_melding"),
    ("binnengekomen", _("Binnengekomen"), "koppelingen.view_signaal"),
    ("jongeren", _("Jongeren"), VIEW_PERMISSION),
    ("meldingen", _("Meldingen"), "leerplicht.view_melding"),
    ("trajecten", _("Trajecten"), "doorstroom.view_traject"),
    ("teamoverzicht", _("Teamoverzicht"), "reporting.view_teamoverzicht"),
    ("rapportages", _("Rapportages"), "reporting.view_reportrun"),
    ("imports", _("Import"), "cases.add_importrecord"),
    ("inzageverzoek", _("Inzageverzoek"), "cases.inzageverzoek_jongere"),
    ("sjablonen", _("Briefsjablonen"), "cases.change_briefsjabloon"),
    ("koppelingen", _("Koppelingen"), "koppelingen.view_koppelingrun"),
    ("beheer_index", _("Beheer"), "beheer"),
    ("admin:index", _("Technisch beheer"), "is_staff"),
    ("api-tokens", _("API-tokens"), "cases.add_apitoken"),
]


def navigation(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    items = []
    for name, label, perm in NAVIGATION:
        if perm == "is_staff":
            allowed = user.is_staff
        elif perm == "beheer":
            allowed = may_open_beheer(user)
        else:
            allowed = perm is None or user.has_perm(perm)
        if allowed:
            url = reverse(name)
            items.append(
                {
                    "url": url,
                    "label": label,
                    "current": request.path.startswith(url) and (url != "/" or request.path == "/"),
                }
            )
    return {"navigation": items}
