"""The error summary at the top of every page with a failed form (NL Design System / GOV.UK
pattern, WCAG 2.1 AA 3.3.1 and 3.3.3): a list of what is wrong, each linking to its field, that
receives the focus (static/js/app.js), so a screen reader hears it first and a keyboard user
gets to the field in one step.

base.html renders it for every bound form with errors it finds in the page's context (a form, a
filterset's form, or a form inside a dict or list such as the traject page's `forms`), so no
template needs to include it.
"""

from django import forms, template
from django.template.loader import render_to_string

register = template.Library()


def _forms_in(value, depth: int = 0):
    if isinstance(value, forms.BaseForm):
        yield value
    elif hasattr(value, "form") and isinstance(getattr(value, "form", None), forms.BaseForm):
        yield value.form  # a django-filter FilterSet
    elif depth == 0 and isinstance(value, dict):
        for item in value.values():
            yield from _forms_in(item, depth + 1)
    elif depth == 0 and isinstance(value, list | tuple):
        for item in value:
            yield from _forms_in(item, depth + 1)


def fouten(context) -> list[dict]:
    """Every error of every invalid bound form in the context: its text and the field's id."""
    seen, items = set(), []
    for value in context.flatten().values():
        for form in _forms_in(value):
            # `_errors` is None until the form was validated: never validate from a template.
            if id(form) in seen or not form.is_bound or form._errors is None or not form._errors:
                continue
            seen.add(id(form))
            for name, errors in form.errors.items():
                field = form[name] if name in form.fields else None
                anchor = field.id_for_label if field is not None and not field.is_hidden else ""
                label = field.label if field is not None and not field.is_hidden else ""
                for error in errors:
                    items.append({"label": label, "tekst": error, "anker": anchor})
    return items


@register.simple_tag(takes_context=True)
def foutoverzicht(context) -> str:
    items = fouten(context)
    if not items:
        return ""
    return render_to_string("includes/foutoverzicht.html", {"fouten": items})
