from django.contrib import admin

from cases.admin import UniquePerOrganisationMixin

from .models import Termijn


@admin.register(Termijn)
class TermijnAdmin(UniquePerOrganisationMixin, admin.ModelAdmin):
    organisation_field = "organisatie_id"
    unique_fields = ("termijn", "soort")
    list_display = ["termijn", "soort", "dagen", "eenheid", "schoolvakanties_overslaan"]
    list_filter = ["termijn", "eenheid"]
    exclude = ["organisatie"]
