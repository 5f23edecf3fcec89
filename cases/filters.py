import re

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .choices import use_cached_choices
from .filtering import FilterSet
from .forms import DateInput, style_fields
from .models import Gemeente, Jongere
from .rules import is_valid_bsn
from .zoeknaam import fold


class JongereFilter(FilterSet):
    """Search jongeren by BSN, (part of a) name, birth date and woongemeente."""

    q = django_filters.CharFilter(
        label=_("BSN of naam"),
        method="filter_q",
        help_text=_(
            "Een volledig BSN (9 cijfers; spaties en punten mogen) of een deel van de naam, met of zonder accenten."
        ),
    )
    geboortedatum = django_filters.DateFilter(label=_("Geboortedatum"), widget=DateInput())
    woongemeente = django_filters.ModelChoiceFilter(
        label=_("Woongemeente"), queryset=Gemeente.objects.none(), empty_label=_("Alle gemeenten")
    )

    class Meta:
        model = Jongere
        fields = ["q", "geboortedatum", "woongemeente"]

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        gemeenten = Gemeente.objects.none()
        if user is not None and user.organisatie_id:
            gemeenten = user.organisatie.gemeenten.all()
        self.filters["woongemeente"].queryset = gemeenten
        style_fields(self.form)
        if user is not None and user.organisatie_id:
            use_cached_choices(
                type(self).__name__, user.organisatie_id, {"woongemeente": self.form.fields["woongemeente"]}
            )

    def filter_q(self, queryset, name, value):
        value = value.strip()
        # A BSN as people write it down: "1234 56 782" or "123.456.782".
        digits = re.sub(r"[\s.\-]", "", value)
        if digits.isdigit():
            # Digits only: a BSN lookup (exact, so a partial number reveals nothing).
            return queryset.filter(bsn=digits) if is_valid_bsn(digits) else queryset.none()
        # Every word must occur somewhere in the full name (voornamen, tussenvoegsel, achternaam),
        # compared without accents and case: "chloe" finds "Chloé" (cases/zoeknaam.py).
        query = Q()
        for word in value.split():
            query &= Q(zoeknaam__contains=fold(word))
        return queryset.filter(query)
