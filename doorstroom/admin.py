from django.contrib import admin

from cases.admin import UniquePerOrganisationMixin

from .models import TrajectTermijn


@admin.register(TrajectTermijn)
class TrajectTermijnAdmin(UniquePerOrganisationMixin, admin.ModelAdmin):
    organisation_field = "organisatie_id"
    unique_fields = ("doelgroep", "termijn")
    list_display = ["doelgroep", "termijn", "dagen", "eenheid", "schoolvakanties_overslaan"]
    list_filter = ["termijn", "doelgroep"]
    exclude = ["organisatie"]
