"""The list of aanvragen (vrijstelling and verlof) awaiting a decision: its own page with paging
and a count, the most urgent decision deadline first. The werkvoorraad shows the first few and
links here."""

import django_filters
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.db.models import F
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy

from cases.constants import Signaal
from cases.filtering import FilterSet
from cases.forms import style_fields
from cases.privacy.audit import log_listing

from . import selectors
from .models import Vrijstelling
from .services import PURPOSE

PAGE_SIZE = 25


class AanvragenFilter(FilterSet):
    behandelaar = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Behandelaar"), queryset=None, empty_label=gettext_lazy("Iedereen (team)")
    )
    signaal = django_filters.ChoiceFilter(
        label=gettext_lazy("Termijn"),
        choices=[(s.value, s.label) for s in (Signaal.VERLOPEN, Signaal.BINNENKORT)],
        empty_label=gettext_lazy("Alle termijnen"),
    )

    class Meta:
        model = Vrijstelling
        fields = ["behandelaar", "signaal"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["behandelaar"].queryset = selectors.lpa_choices(user.organisatie_id)
        self.filters["behandelaar"].field.label_from_instance = lambda u: u.get_full_name() or u.username
        style_fields(self.form)


def urgent_first(queryset):
    """The earliest decision deadline first; aanvragen without a stored deadline last."""
    return queryset.order_by(F("termijn_op").asc(nulls_last=True), "aangevraagd_op", "pk")


@login_required
@permission_required("leerplicht.view_vrijstelling", raise_exception=True)
def aanvragen(request):
    today = timezone.localdate()
    data = request.GET.copy()
    if "behandelaar" not in data and request.user.has_perm("leerplicht.change_vrijstelling"):
        data["behandelaar"] = str(request.user.pk)
    filterset = AanvragenFilter(
        data, queryset=urgent_first(selectors.open_vrijstellingen(request.user)), user=request.user
    )
    queryset = filterset.qs if filterset.is_valid() else Vrijstelling.objects.none()
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    termijnen = selectors.termijnen_for(request.user.organisatie_id)
    regels = selectors.werkregels_vrijstellingen(page.object_list, termijnen, today)
    log_listing(
        actor=request.user,
        jongeren=[r.item.dossier.jongere for r in regels],
        purpose=PURPOSE,
        request=request,
    )
    query = data.copy()
    query.pop("page", None)
    return render(
        request,
        "leerplicht/aanvragen.html",
        {"filter": filterset, "page": page, "aanvragen": regels, "query": query.urlencode()},
    )
