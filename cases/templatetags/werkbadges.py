"""`{% werkvoorraad_badges %}`: the counts other apps contribute to the werkvoorraad and caseload
(cases.registry.werkvoorraad_badges), e.g. the signals waiting in the koppelingen inbox."""

from django import template
from django.utils.html import format_html, format_html_join

from cases import registry

register = template.Library()


@register.simple_tag(takes_context=True)
def werkvoorraad_badges(context) -> str:
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return ""
    badges = [badge for provider in registry.werkvoorraad_badges if (badge := provider(user))]
    if not badges:
        return ""
    links = format_html_join(
        " ",
        '<a class="utrecht-link app-badge app-badge--warning" href="{}">{}</a>',
        ((badge.url, badge.tekst) for badge in badges),
    )
    return format_html('<p class="utrecht-paragraph app-werkbadges">{}</p>', links)
