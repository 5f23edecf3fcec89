from django.contrib import admin

from cases.admin import OwnOrganisationMixin

from .models import Termijn


@admin.register(Termijn)
class TermijnAdmin(OwnOrganisationMixin, admin.ModelAdmin):
    organisation_field = "organisatie_id"
    list_display = ["termijn", "soort", "dagen", "eenheid", "schoolvakanties_overslaan"]
    list_filter = ["termijn", "eenheid"]
    exclude = ["organisatie"]
