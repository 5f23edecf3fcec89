import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cases.constants import Signaal
from cases.filtering import FilterSet
from cases.forms import style_fields
from cases.models import Gemeente

from . import selectors
from .constants import Doelgroep, Stap
from .models import Traject


class Status:
    ACTIEF = "actief"
    OPEN = "open"
    NAZORG = "nazorg"
    AFGESLOTEN = "afgesloten"
    ALLE = "alle"

    CHOICES = [
        (ACTIEF, _("Lopend en nazorg aan de beurt")),
        (OPEN, _("Lopende trajecten")),
        (NAZORG, _("Nazorg aan de beurt")),
        (AFGESLOTEN, _("Afgesloten")),
        (ALLE, _("Alle trajecten")),
    ]


MIJ = "mij"
NIEMAND = "geen"


class TrajectFilter(FilterSet):
    """The caseload: per coach or for the whole team, by doelgroep, step, gemeente and nazorg."""

    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Status.CHOICES, method="filter_status", empty_label=None
    )
    behandelaar = django_filters.ChoiceFilter(
        label=_("Coach"), method="filter_behandelaar", empty_label=_("Hele team")
    )
    doelgroep = django_filters.ChoiceFilter(
        label=_("Doelgroep"), choices=Doelgroep.choices, empty_label=_("Alle")
    )
    stap = django_filters.ChoiceFilter(label=_("Stap"), choices=Stap.choices, empty_label=_("Alle stappen"))
    gemeente = django_filters.ModelChoiceFilter(
        label=_("Woongemeente"),
        field_name="dossier__jongere__woongemeente",
        queryset=Gemeente.objects.none(),
        empty_label=_("Alle gemeenten"),
    )

    signaal = django_filters.ChoiceFilter(
        label=_("Termijn"),
        choices=[(s.value, s.label) for s in (Signaal.VERLOPEN, Signaal.BINNENKORT)],
        empty_label=_("Alle termijnen"),
    )

    class Meta:
        model = Traject
        fields = ["status", "behandelaar", "doelgroep", "stap", "gemeente", "signaal"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.filters["gemeente"].queryset = (
            user.organisatie.gemeenten.all() if user.organisatie_id else Gemeente.objects.none()
        )
        coaches = [
            (str(coach.pk), coach.get_full_name() or coach.get_username())
            for coach in selectors.coaches_for(user.organisatie_id)
        ]
        self.filters["behandelaar"].extra["choices"] = [
            (MIJ, _("Mijn caseload")),
            (NIEMAND, _("Nog niet toegewezen")),
            *coaches,
        ]
        style_fields(self.form)

    def filter_status(self, queryset, name, value):
        if value == Status.OPEN:
            return queryset.open()
        if value == Status.NAZORG:
            return queryset.nazorg_open()
        if value == Status.AFGESLOTEN:
            return queryset.filter(afgesloten_op__isnull=False)
        if value == Status.ALLE:
            return queryset
        return selectors.actief(queryset)

    def filter_behandelaar(self, queryset, name, value):
        if value == MIJ:
            return queryset.filter(behandelaar=self.user)
        if value == NIEMAND:
            return queryset.filter(behandelaar__isnull=True)
        return queryset.filter(Q(behandelaar_id=int(value)))
