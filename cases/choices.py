"""Option lists of the list pages' filter forms (gemeenten, leerplichtambtenaren, coaches) from
the cache: every werkvoorraad view asked the database for the same lists. A list is read again
when the generation moves on (cases/generation.py: a user, role or gemeente changed) and after
TIMEOUT at the latest. Choosing an option still validates against the field's queryset."""

from django.core.cache import cache

from . import generation

TIMEOUT = 600  # seconds


def use_cached_choices(organisatie_id: int | None, fields: dict) -> None:
    """Give each ModelChoiceField in `fields` (name -> field) options from the cache, filling
    the cache from the field's queryset. One cache round trip for all of them."""
    keys = {name: f"choices:{name}:{organisatie_id}" for name in fields}
    found = cache.get_many([generation.KEY, *keys.values()])
    current = found.get(generation.KEY, 0)
    for name, field in fields.items():
        cached = found.get(keys[name])
        if cached is not None and cached[0] == current:
            options = cached[1]
        else:
            options = [(obj.pk, field.label_from_instance(obj)) for obj in field.queryset]
            cache.set(keys[name], (current, options), TIMEOUT)
        empty = [("", field.empty_label)] if field.empty_label is not None else []
        # The widget renders the options; the field keeps its queryset to validate a choice.
        field.widget.choices = empty + options
