from django.contrib import admin

from cases.admin import OwnOrganisationMixin

from .models import ReportRun


@admin.register(ReportRun)
class ReportRunAdmin(OwnOrganisationMixin, admin.ModelAdmin):
    """Read-only overview for functioneel beheer: runs are made and retried on the Rapportages page.
    Only the own organisation's runs (the superuser sees all, with the organisation filter)."""

    organisation_field = "organisatie_id"

    list_display = [
        "organisatie",
        "schooljaar",
        "vergelijkingsjaar",
        "status",
        "voortgang",
        "aangemaakt_op",
        "klaar_op",
    ]
    list_filter = ["status"]
    date_hierarchy = "aangemaakt_op"
    readonly_fields = [field.name for field in ReportRun._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_list_filter(self, request):
        # The organisation filter would list every organisation's name.
        return ["status", "organisatie"] if request.user.is_superuser else self.list_filter
