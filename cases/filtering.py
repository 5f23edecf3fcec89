"""The base of every FilterSet (pages and API): filter values the database cannot hold are a form
error naming the field, never a 500.

- Number filters (ids, years, counts: every number filter here is an integer) accept whole
  numbers within the 64-bit range only. `?dossier=-5.9e221` reached the database as a 222-digit
  integer: SQLite raised OverflowError (a 500), and `?dossier=1.5` silently meant dossier 1.
- Text filters are capped at SEARCH_MAX_LENGTH characters, as the API's search is (a name or BRIN
  code is never longer; a megabyte of search text only costs the database).
- Model choices already answer "not one of the choices" for any value (Django guards the
  primary-key range); they need nothing here.

The API turns an invalid filter form into a 400 with `fouten` per field (DjangoFilterBackend and
cases/api/errors.py); a page shows the form error at the field.
"""

from decimal import Decimal

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext as _

INTEGER_MIN, INTEGER_MAX = -(2**63), 2**63 - 1
SEARCH_MAX_LENGTH = 200


def whole_number_in_range(value: Decimal | None) -> None:
    if value is None:
        return
    if value != value.to_integral_value():
        raise ValidationError(_("Vul een geheel getal in (zonder komma of decimalen)."), code="integer")
    if not INTEGER_MIN <= value <= INTEGER_MAX:
        raise ValidationError(
            _("Dit getal is te groot of te klein; vul een getal in van ten hoogste 18 cijfers."),
            code="range",
        )


class FilterSet(django_filters.FilterSet):
    """Use instead of django_filters.FilterSet (tests/security/test_round2_edge_values.py checks
    that every FilterSet of the project does)."""

    def get_form_class(self):
        form_class = super().get_form_class()
        for field in form_class.base_fields.values():
            if isinstance(field, forms.DecimalField):
                field.validators.append(whole_number_in_range)
            elif type(field) is forms.CharField and field.max_length is None:
                field.max_length = SEARCH_MAX_LENGTH
                field.validators.append(MaxLengthValidator(SEARCH_MAX_LENGTH))
                field.widget.attrs.setdefault("maxlength", str(SEARCH_MAX_LENGTH))
        return form_class
