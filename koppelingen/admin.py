from django.contrib import admin

from cases.admin import UniquePerOrganisationMixin

from .models import AutomatischToepassen


@admin.register(AutomatischToepassen)
class AutomatischToepassenAdmin(UniquePerOrganisationMixin, admin.ModelAdmin):
    """Functioneel beheer switches automatic application on per kind of proposal, for its own
    organisation: a record here means 'on'."""

    organisation_field = "organisatie_id"
    unique_fields = ("voorstel",)
    list_display = ["voorstel"]
    exclude = ["organisatie"]
