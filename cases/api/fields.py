"""Serializer fields scoped to the requesting user's organisation."""

import re

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cases.models import CodeItem, Dossier, Gemeente, User


def _user(field):
    request = field.context.get("request")
    return getattr(request, "user", None)


@extend_schema_field(OpenApiTypes.INT)
class DossierField(serializers.PrimaryKeyRelatedField):
    """A dossier the user may see; any other id is 'does not exist'."""

    def get_queryset(self):
        user = _user(self)
        return Dossier.objects.visible_to(user).select_related("jongere") if user else Dossier.objects.none()


@extend_schema_field({"type": "string", "pattern": r"^GM\d{4}$", "example": "GM0637"})
class GemeenteField(serializers.SlugRelatedField):
    """A gemeente of the user's organisation, by CBS code (GM0637), as in the import files."""

    def __init__(self, **kwargs):
        kwargs.setdefault("slug_field", "code")
        kwargs.setdefault(
            "help_text", _("CBS-gemeentecode (bijvoorbeeld GM0637) van een gemeente van uw organisatie.")
        )
        super().__init__(**kwargs)

    def get_queryset(self):
        user = _user(self)
        if user is None or not user.organisatie_id:
            return Gemeente.objects.none()
        return user.organisatie.gemeenten.all()


@extend_schema_field(OpenApiTypes.INT)
class CodeField(serializers.PrimaryKeyRelatedField):
    """An item of one of the organisation's code lists (see /codelijsten/), by id."""

    def __init__(self, lijsten=None, **kwargs):
        self.lijsten = [str(lijst) for lijst in lijsten] if lijsten else None
        super().__init__(**kwargs)

    def get_queryset(self):
        user = _user(self)
        if user is None or not user.organisatie_id:
            return CodeItem.objects.none()
        queryset = CodeItem.objects.filter(organisatie_id=user.organisatie_id)
        return queryset.filter(lijst__in=self.lijsten) if self.lijsten else queryset


@extend_schema_field(OpenApiTypes.INT)
class ColleagueField(serializers.PrimaryKeyRelatedField):
    """A user of the same organisation, by id."""

    def get_queryset(self):
        user = _user(self)
        if user is None or not user.organisatie_id:
            return User.objects.none()
        return User.objects.filter(organisatie_id=user.organisatie_id, is_active=True)


SCHOOLJAAR = re.compile(r"^(\d{4})-(\d{4})$")


@extend_schema_field({"type": "string", "pattern": r"^\d{4}-\d{4}$", "example": "2024-2025"})
class SchooljaarField(serializers.Field):
    """A schooljaar written as in the import files ("2024-2025"), stored as its start year."""

    default_error_messages = {
        "invalid": _("Schrijf het schooljaar als 2024-2025 (twee opeenvolgende jaren)."),
    }

    def to_representation(self, value):
        return f"{value}-{value + 1}"

    def to_internal_value(self, data):
        match = SCHOOLJAAR.match(str(data))
        if not match:
            self.fail("invalid")
        start, end = int(match.group(1)), int(match.group(2))
        if end != start + 1 or not 2000 <= start <= 2999:
            self.fail("invalid")
        return start


class EnumField(serializers.ChoiceField):
    """A choice of fixed codes; documented inline (cases.api.schema), so that equally named fields
    with different code sets (`soort`, `naar`) do not collide in the schema's components."""


class ApiModelSerializer(serializers.ModelSerializer):
    serializer_choice_field = EnumField
