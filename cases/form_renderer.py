"""The form renderer (settings.FORM_RENDERER): Django's, except for <select>, <input> and <textarea>.

Django renders every <option> through its own template include. For the school list of a large
city (hundreds of schools) or a team of leerplichtambtenaren that costs more than the rest of a
page, on every filter form. Likewise every text, date or number field is three template renders
(the widget's template includes input.html, which includes attrs.html): some 0.8 ms per field,
a quarter of the dossier page with its action and overdracht forms. Here the same markup is
written in Python (tests/cases/test_form_renderer.py compares it with Django's templates); other
widgets are untouched.
"""

from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

SELECT_TEMPLATE = "django/forms/widgets/select.html"
OPTION_TEMPLATE = "django/forms/widgets/select_option.html"
TEXTAREA_TEMPLATE = "django/forms/widgets/textarea.html"
#: Django's widget templates that are nothing but {% include "django/forms/widgets/input.html" %}.
INPUT_TEMPLATES = {
    f"django/forms/widgets/{name}.html"
    for name in (
        "checkbox", "color", "date", "datetime", "email", "file", "hidden", "number", "password",
        "search", "tel", "text", "time", "url",
    )
}  # fmt: skip


def _attrs(attrs: dict) -> str:
    """As django/forms/widgets/attrs.html: False leaves an attribute out, True writes its name."""
    return "".join(
        f" {name}" if value is True else f' {name}="{conditional_escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )


def render_select(widget: dict) -> str:
    parts = [format_html('<select name="{}"', widget["name"]), _attrs(widget["attrs"]), ">"]
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(format_html('\n  <optgroup label="{}">', group_name))
        for option in options:
            parts.append(
                format_html('\n  <option value="{}"', str(option["value"]))
                + _attrs(option["attrs"])
                + format_html(">{}</option>\n", option["label"])
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped


def render_input(widget: dict) -> str:
    """As django/forms/widgets/input.html."""
    parts = [format_html('<input type="{}" name="{}"', widget["type"], widget["name"])]
    if widget["value"] is not None:
        parts.append(format_html(' value="{}"', str(widget["value"])))
    parts += [_attrs(widget["attrs"]), ">"]
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped


def render_textarea(widget: dict) -> str:
    """As django/forms/widgets/textarea.html."""
    parts = [format_html('<textarea name="{}"', widget["name"]), _attrs(widget["attrs"]), ">\n"]
    if widget["value"]:
        parts.append(conditional_escape(widget["value"]))
    parts.append("</textarea>")
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped


class FormRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        widget = context.get("widget", {})
        if template_name in INPUT_TEMPLATES:
            return render_input(widget)
        if template_name == TEXTAREA_TEMPLATE:
            return render_textarea(widget)
        if template_name == SELECT_TEMPLATE and all(
            option["template_name"] == OPTION_TEMPLATE
            for _g, options, _i in widget["optgroups"]
            for option in options
        ):
            return render_select(widget)
        return super().render(template_name, context, request)
