"""Reads of the Doorstroompunt that more than one caller needs. Every one starts from `visible_to(user)`."""

from django.contrib.auth.models import Permission
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from cases.models import CodeItem, Dossier, User
from cases.paths import path_per_pk
from cases.registry import TimelineEntry
from cases.selectors import met_namen, naam

from .models import Benadering, StapWijziging, Traject

COACH_PERMISSION = ("doorstroom", "change_traject")


def trajecten_for(user) -> QuerySet[Traject]:
    """The trajecten `user` may see, with what the caseload shows (a fixed number of joins)."""
    return Traject.objects.visible_to(user).select_related("dossier__jongere__woongemeente", "behandelaar")


def traject_for(user, pk: int) -> Traject:
    """One traject with everything its page shows, or Traject.DoesNotExist when not visible."""
    return (
        Traject.objects.visible_to(user)
        .select_related(
            "dossier__jongere__woongemeente",
            "behandelaar",
            "onderwijsachtergrond",
            "herkomst",
            "reden",
            "reden_niet_begeleid",
            "uitstroom",
            "resultaat",
            "nazorg_situatie",
        )
        .get(pk=pk)
    )


def actief(queryset: QuerySet[Traject]) -> QuerySet[Traject]:
    """The caseload: running trajecten plus closed ones whose nazorg is due."""
    return queryset.filter(
        Q(afgesloten_op__isnull=True)
        | Q(nazorg_gesignaleerd_op__isnull=False, nazorg_uitgevoerd_op__isnull=True)
    )


def coaches_for(organisatie_id: int | None) -> QuerySet[User]:
    """Users of the organisation who may work on trajecten (their role grants change_traject)."""
    permission = Permission.objects.filter(
        content_type__app_label=COACH_PERMISSION[0], codename=COACH_PERMISSION[1]
    )
    return (
        User.objects.filter(organisatie_id=organisatie_id, is_active=True)
        .filter(Q(groups__permissions__in=permission) | Q(user_permissions__in=permission))
        .distinct()
        .order_by("first_name", "last_name")
    )


def codes(organisatie_id: int | None, *lijsten) -> QuerySet[CodeItem]:
    """The active items of an organisation's lists, in their configured order."""
    return CodeItem.objects.filter(
        organisatie_id=organisatie_id, lijst__in=[str(x) for x in lijsten], actief=True
    )


def trajecten_op_dossier(user, dossier: Dossier) -> list[Traject]:
    """The jongere's trajecten, newest first. The dossier page's section and timeline both show
    them: the list is kept on the dossier object for the rest of the request."""
    if not hasattr(dossier, "_trajecten"):
        trajecten = Traject.objects.visible_to(user).filter(dossier=dossier).select_related("uitstroom")
        dossier._trajecten = list(met_namen(trajecten, "behandelaar").order_by("-gemeld_op"))
    return dossier._trajecten


def timeline_entries(user, dossier: Dossier) -> list[TimelineEntry]:
    """Trajecten, their Routekaart steps and contact attempts on the dossier timeline (3 queries)."""
    traject_path = path_per_pk("traject_detail") if user.has_perm("doorstroom.view_traject") else None

    def url(traject_id):
        return traject_path(traject_id) if traject_path else ""

    trajecten = trajecten_op_dossier(user, dossier)
    if not trajecten:
        return []  # no trajecten, so no steps or contact attempts either
    entries = []
    for traject in trajecten:
        entries.append(
            TimelineEntry(
                datum=traject.gemeld_op,
                titel=_("Doorstroompunt: traject %(doelgroep)s gemeld")
                % {"doelgroep": traject.get_doelgroep_display()},
                omschrijving=traject.get_bron_display() if traject.bron else "",
                url=url(traject.pk),
                soort="traject",
            )
        )
        if traject.afgesloten_op:
            begeleid = _("begeleid") if traject.begeleid else _("niet begeleid")
            uitstroom = f" · {traject.uitstroom}" if traject.uitstroom_id else ""
            # Imported history has no nazorg date.
            nazorg = (
                _("Nazorg gepland op %(datum)s") % {"datum": f"{traject.nazorg_op:%d-%m-%Y}"}
                if traject.nazorg_op
                else _("Geen nazorg gepland")
            )
            entries.append(
                TimelineEntry(
                    datum=traject.afgesloten_op,
                    titel=_("Doorstroompunt: traject afgesloten (%(begeleid)s)") % {"begeleid": begeleid},
                    omschrijving=nazorg + uitstroom,
                    url=url(traject.pk),
                    soort="traject",
                )
            )
    for wijziging in met_namen(
        StapWijziging.objects.visible_to(user).filter(traject__dossier=dossier).exclude(van_stap=""), "door"
    ):
        entries.append(
            TimelineEntry(
                datum=timezone.localdate(wijziging.tijdstip),
                titel=_("Routekaart: %(stap)s") % {"stap": wijziging.get_naar_stap_display()},
                omschrijving=_("Van %(van)s.") % {"van": wijziging.get_van_stap_display()}
                + (f" {wijziging.reden}" if wijziging.reden else ""),
                door=naam(wijziging.door),
                url=url(wijziging.traject_id),
                soort="stap",
            )
        )
    for benadering in met_namen(Benadering.objects.visible_to(user).filter(traject__dossier=dossier), "door"):
        entries.append(
            TimelineEntry(
                datum=benadering.datum,
                titel=_("Benadering: %(soort)s") % {"soort": benadering.get_soort_display()},
                omschrijving=" · ".join(
                    p for p in (benadering.get_uitkomst_display(), benadering.toelichting) if p
                ),
                door=naam(benadering.door),
                url=url(benadering.traject_id),
                soort="benadering",
            )
        )
    return entries
