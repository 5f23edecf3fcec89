from django.contrib import admin

from cases.admin import OwnOrganisationMixin

from .models import TrajectTermijn


@admin.register(TrajectTermijn)
class TrajectTermijnAdmin(OwnOrganisationMixin, admin.ModelAdmin):
    organisation_field = "organisatie_id"
    list_display = ["doelgroep", "termijn", "dagen", "eenheid", "schoolvakanties_overslaan"]
    list_filter = ["termijn", "doelgroep"]
    exclude = ["organisatie"]
