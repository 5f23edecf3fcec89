"""Option lists of the list pages' filter forms (gemeenten, leerplichtambtenaren) from the cache:
every werkvoorraad view asked the database for the same lists, and once more to check the chosen
one. A list is read again when the generation moves on (cases/generation.py: a user, role or
gemeente changed) and after TIMEOUT at the latest, so it is as current as the database."""

from functools import partial

from django.core.exceptions import ValidationError

from cases.accounts import generation

TIMEOUT = 600  # seconds


def use_cached_choices(form: str, organisatie_id: int | None, fields: dict) -> None:
    """Give each ModelChoiceField in `fields` (name -> field) of `form` (a name for the cache key)
    its options, and the check of a chosen value, from the cache, filling the cache from the
    field's queryset. One cache round trip for all of them."""
    if not generation.cache_is_shared():
        return  # the fields keep their querysets
    keys = {name: f"choices:{form}:{name}:{organisatie_id}" for name in fields}
    found = generation.cached(
        {keys[name]: partial(_options, field) for name, field in fields.items()}, TIMEOUT
    )
    for name, field in fields.items():
        options = found[keys[name]]
        empty = [("", field.empty_label)] if field.empty_label is not None else []
        field.widget.choices = empty + options
        field.to_python = _chosen_from(field, {str(pk): pk for pk, _label in options})


def _options(field) -> list[tuple]:
    return [(obj.pk, field.label_from_instance(obj)) for obj in field.queryset]


def _chosen_from(field, allowed: dict):
    """to_python for a ModelChoiceField limited to `allowed` (str(pk) -> pk): the chosen object
    as a key-only instance, which is all a filter needs."""

    def to_python(value):
        if value in field.empty_values:
            return None
        if str(value) not in allowed:
            raise ValidationError(
                field.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
            )
        return field.queryset.model(pk=allowed[str(value)])

    return to_python
