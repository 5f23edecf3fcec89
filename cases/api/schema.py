"""drf-spectacular: every operation documents the error responses it can give; fixed codes are
named enum components."""

from django.db import models
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import ResolvedComponent

from .errors import Fout

ERROR_DESCRIPTIONS = {
    "400": "Ongeldige invoer of een geweigerde stap; `detail` zegt wat er mis is.",
    "401": "Niet (meer) aangemeld: geen of een ingetrokken token.",
    "403": "Uw rol heeft geen recht op deze handeling.",
    "404": "Bestaat niet, of hoort niet bij uw organisatie.",
    "409": "Iemand anders heeft het record intussen gewijzigd (versie in de body verouderd).",
    "412": "De ETag in If-Match is verouderd; er is niets opgeslagen.",
}


class ApiSchema(AutoSchema):
    def _error_codes(self) -> list[str]:
        codes = ["401", "403", "404"]
        if self.method in ("POST", "PUT", "PATCH", "DELETE") or self.method == "GET":
            codes.append("400")
        if self.method in ("POST", "PUT", "PATCH") and getattr(self.view, "versioned", False):
            codes += ["409", "412"]
        return codes

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code in self._error_codes():
            if code not in responses:
                response = self._get_response_for_code(Fout, code, direction=direction)
                response["description"] = ERROR_DESCRIPTIONS[code]
                responses[code] = response
        return responses


def _choice_classes():
    stack, found = list(models.TextChoices.__subclasses__()), []
    while stack:
        cls = stack.pop()
        found.append(cls)
        stack.extend(cls.__subclasses__())
    return found


def _enum_name(field, values: list[str]) -> str:
    """The TextChoices class the codes come from (CamelCase + Enum, prefixed by the app when two
    apps use the same class name), else the serializer and field name."""
    wanted = set(values)
    classes = _choice_classes()
    for cls in classes:
        if set(cls.values) == wanted:
            name = cls.__name__
            if sum(1 for other in classes if other.__name__ == name) > 1:
                name = cls.__module__.split(".")[0].title() + name
            return f"{name}Enum"
    parent = type(field.parent).__name__.removesuffix("Serializer")
    return f"{parent}{field.field_name.title().replace('_', '')}Enum"


class EnumFieldExtension(OpenApiSerializerFieldExtension):
    """Fixed codes as a named enum component per choice set (see cases.api.fields.EnumField):
    equally named fields with different code sets (`soort`, `naar`) get their own component."""

    target_class = "cases.api.fields.EnumField"
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        field = self.target
        values = [str(value) for value in field.choices if str(value) != ""]
        name = _enum_name(field, values)
        component = ResolvedComponent(
            name=name, type=ResolvedComponent.SCHEMA, schema={"type": "string", "enum": values}, object=name
        )
        auto_schema.registry.register_on_missing(component)
        schema = component.ref
        # Read-only model fields do not carry allow_blank; a stored code may be empty there.
        blank = field.allow_blank or field.read_only
        if blank:
            schema = {"oneOf": [component.ref, {"type": "string", "enum": [""]}]}
        if field.allow_null:
            schema = (
                {"oneOf": [component.ref, {"type": "string", "enum": [""]}]}
                if field.allow_blank
                else {"allOf": [component.ref]}
            )
            schema["nullable"] = True
        return schema
